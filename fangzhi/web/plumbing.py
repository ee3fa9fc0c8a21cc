"""The web app's plumbing: read connections kept warm and bounded in time, one error shape for
HTML and JSON, and the security headers on every response."""

from __future__ import annotations

import hmac
import queue
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fangzhi import query
from fangzhi.answers import ErrorAnswer, ErrorDetail
from fangzhi.search import snapshot
from fangzhi.store.store import MMAP_BYTES

REQUEST_SECONDS = 10.0  # a request's queries are interrupted past this (503)
PROGRESS_STEPS = 20_000  # SQLite steps between two looks at the clock
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


class Readers:
    """Read-only connections kept between requests, so that their page caches stay warm (a new
    connection starts with an empty one, and reads every page it needs again)."""

    KEEP = 16  # idle connections kept; more threads than this open and close their own

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.idle: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()

    def take(self) -> sqlite3.Connection:
        """An idle connection, or a new one (the caller has checked that the archive exists)."""
        try:
            return self.idle.get_nowait()
        except queue.Empty:
            pass
        conn = sqlite3.connect(f"file:{self.path.resolve()}?mode=ro", uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")  # pages read from the OS's cache without copies
        return conn

    def give(self, conn: sqlite3.Connection) -> None:
        conn.set_progress_handler(None, 0)
        if self.idle.qsize() < self.KEEP and not conn.in_transaction:
            self.idle.put(conn)
        else:
            conn.close()


def connection(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for the request: reads never wait for an ingest (WAL)."""
    readers: Readers = request.app.state.readers
    if not readers.path.exists():  # the archive was removed since the connection was opened
        raise HTTPException(503, f"没有档案库 {readers.path.name}：请先导入版面")
    conn = readers.take()
    # a request's queries stop at the deadline, so work for a reader who gave up does not go on
    deadline = time.monotonic() + REQUEST_SECONDS
    conn.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_STEPS)
    try:
        # one read transaction for the request: every query of a page reads the same commit
        with snapshot(conn):
            yield conn
    finally:
        readers.give(conn)


Conn = Annotated[sqlite3.Connection, Depends(connection)]


def error_body(status: int, message: str, code: str | None = None) -> ErrorAnswer:
    return ErrorAnswer(
        error=ErrorDetail(status=status, code=code or _CODES.get(status, "error"), message=message)
    )


_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    413: "too_large",
    422: "invalid",
    503: "unavailable",
    500: "internal",
}


# What a request's parameter got wrong, in the pages' language (pydantic's error types).
_INVALID = {
    "missing": "缺少此项",
    "string_pattern_mismatch": "格式不对",
    "string_too_long": "太长",
    "string_too_short": "太短",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "greater_than_equal": "太小",
    "greater_than": "太小",
    "less_than_equal": "太大",
    "less_than": "太大",
    "literal_error": "不是可选的值",
    "enum": "不是可选的值",
    "bool_parsing": "应为是或否",
    "date_from_datetime_parsing": "不是日期",
    "date_parsing": "不是日期",
}


def install_errors(app: FastAPI, templates: Jinja2Templates) -> None:
    def respond(request: Request, status: int, message: str, code: str | None = None) -> Response:
        body = error_body(status, message, code)
        if request.url.path.startswith("/api/") or "text/html" not in request.headers.get("accept", ""):
            return JSONResponse(body, status_code=status)
        return templates.TemplateResponse(request, "error.html", {"error": body["error"]}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return respond(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return respond(request, 422, f"{where}：{_INVALID.get(str(first.get('type', '')), '不合要求')}")

    @app.exception_handler(sqlite3.OperationalError)
    async def too_slow(request: Request, exc: sqlite3.OperationalError) -> Response:
        if "interrupted" in str(exc):
            return respond(request, 503, "档案库回应太慢：请缩小检索范围", "too_slow")
        return secure(request, respond(request, 500, "内部错误：服务器未能回应这一请求"))

    @app.exception_handler(query.QueryError)
    async def bad_query(request: Request, exc: query.QueryError) -> Response:
        return respond(request, 400, str(exc), "bad_query")

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        # this handler runs outside the other middleware: the response gets its headers here
        answer = respond(request, 500, "内部错误：服务器未能回应这一请求")
        return secure(request, answer)


def install_headers(app: FastAPI) -> None:
    app.add_middleware(WriteGate)
    app.add_middleware(SecurityHeaders)


MAX_UPLOAD_BYTES = 8 * 1024 * 1024  # a page file
MAX_UPLOAD_FILES = 50  # files in one upload
# the most an upload's body may hold: its files and the form's framing around them
MAX_UPLOAD_BODY = MAX_UPLOAD_FILES * (MAX_UPLOAD_BYTES + 4096)


class WriteGate:
    """Refuses an upload whose request cannot be allowed before a byte of its body is read: the
    API's token (Authorization: Bearer …) and the form's CSRF cookie are in the headers. Before,
    a body of any size was received into temporary files and only then refused."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            refusal = _refusal(scope)
            if refusal is not None:
                await _refuse(scope, receive, send, *refusal)
                return
            if scope["path"] in UPLOAD_PATHS:
                await _capped(self.app, scope, receive, send)
                return
        await self.app(scope, receive, send)


UPLOAD_PATHS = ("/api/ingest", "/ingest")


async def _capped(app: ASGIApp, scope: Scope, receive: Receive, send: Send) -> None:
    """An upload whose body streams past the most any upload may hold (sent without a length,
    or longer than it said): answered 413 at that point, the rest never read."""
    read = 0
    refused = False

    async def counted() -> Message:
        nonlocal read, refused
        if refused:
            return {"type": "http.disconnect"}
        message = await receive()
        if message["type"] == "http.request":
            read += len(message.get("body", b""))
            if read > MAX_UPLOAD_BODY:
                refused = True
                await _refuse(scope, receive, send, 413, f"一次上传不超过 {MAX_UPLOAD_BODY // 2**20} MiB")
                return {"type": "http.disconnect"}
        return message

    async def sent(message: Message) -> None:
        if not refused:  # once refused, the app's own answer to the cut body is not sent
            await send(message)

    try:
        await app(scope, counted, sent)
    except Exception:
        if not refused:
            raise  # the app's failure on the body it was cut off from is no failure of ours


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, message: str) -> None:
    """The error answered in place of the app's; the body left unread, the connection closed
    rather than drained."""
    await JSONResponse(error_body(status, message), status, headers={"Connection": "close"})(
        scope, receive, send
    )


FORM_EXPIRED = "表单已过期或并非来自本站：请重新载入后再试"


def token_refusal(given: str, token: str) -> tuple[int, str] | None:
    """Why a write with this token is refused (status, message), or None: it is the archive's."""
    if not given:
        return 401, "写入档案库需要它的令牌"
    if not hmac.compare_digest(given.encode(), token.encode()):
        return 403, "令牌与本档案库的不符"
    return None


def _refusal(scope: Scope) -> tuple[int, str] | None:
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
    if scope["path"] in UPLOAD_PATHS:
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > MAX_UPLOAD_BODY:
            return 413, f"一次上传最多 {MAX_UPLOAD_FILES} 个文件，每个不超过 {MAX_UPLOAD_BYTES // 2**20} MiB"
    if scope["path"] == "/api/ingest":
        auth = headers.get("authorization", "")
        given = auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else ""
        return token_refusal(given, str(scope["app"].state.token))
    if scope["path"] == "/ingest" and "fangzhi_csrf=" not in headers.get("cookie", ""):
        return 403, FORM_EXPIRED
    return None


class SecurityHeaders:
    """Adds the security headers to every response. A plain ASGI middleware: Starlette's
    @app.middleware("http") runs each request through an extra task and a body stream."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers(scope["path"])

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_secured)


def security_headers(path: str) -> dict[str, str]:
    """Security headers; only the API docs page (Swagger UI's one inline script) relaxes the CSP."""
    csp = CSP
    if path == "/docs":
        csp = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def secure(request: Request, response: Response) -> Response:
    """The security headers on a response made outside the middleware (the last-resort 500)."""
    for name, value in security_headers(request.url.path).items():
        response.headers[name] = value
    return response
