"""fangzhi serve: the archive in a browser and as a JSON API.

Reading is open; writing (uploading pages) needs the archive's token. Every HTML page links to
its JSON twin under /api/, which returns the same data; every error, HTML or JSON, has one shape:
{"error": {"status": …, "code": …, "message": …}}. Pages carry a Content-Security-Policy that
allows no inline script or style, and every piece of page text is escaped.
"""

from __future__ import annotations

import hmac
import io
import os
import queue
import re
import secrets
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fangzhi import query
from fangzhi.chronicle import record as chronicle_record
from fangzhi.settings import Settings
from fangzhi.store.store import MMAP_BYTES
from fangzhi.web import marks

HERE = Path(__file__).resolve().parent
MAX_UPLOAD_BYTES = 8 * 1024 * 1024
MAX_UPLOAD_FILES = 50
REQUEST_SECONDS = 10.0  # a request's queries are interrupted past this (503)
PROGRESS_STEPS = 20_000  # SQLite steps between two looks at the clock
SWITCH_SECONDS = 0.0005  # a serving thread yields Python's lock after this (default 0.005)
MAX_WORKERS = 8  # `fangzhi serve`'s default processes: one per CPU, up to this
SERVE_DB_ENV = "FANGZHI_SERVE_DB"  # the archive, for the worker processes of `fangzhi serve`
MAX_OFFSET = 10_000_000  # paging past this is no reader's request, and SQLite takes only 64-bit ints
_SAFE_NAME = re.compile(r"^[\w\u3400-\u9fff.\- ]{1,120}$")
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def create_app(db: str | Path, token: str | None = None) -> FastAPI:
    """The app over the archive at `db`; `token` guards writing (see archive_token)."""
    app = FastAPI(
        title="fangzhi",
        summary="Chinese local newspapers as a structured record of local government",
        version=_version(),
        docs_url=None,
        redoc_url=None,
    )
    app.state.db = str(db)
    app.state.readers = Readers(db)
    app.state.token = token or archive_token(db)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["type_label"] = TYPE_LABELS.get
    _install_errors(app, templates)
    _install_headers(app)
    _routes(app, templates)
    return app


def served_app() -> FastAPI:
    """The app of one of `fangzhi serve --workers N`'s processes: the archive `fangzhi serve` put
    in the environment."""
    tune_process()
    return create_app(os.environ[SERVE_DB_ENV])


def tune_process() -> None:
    """A serving process hands Python's lock between its threads more often than the 5 ms
    default: the event loop, which reads requests and writes answers, and a quick article page
    then wait less behind a long search running in another thread."""
    sys.setswitchinterval(SWITCH_SECONDS)


def default_workers() -> int:
    """One server process per CPU this process may use, at most MAX_WORKERS."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS))


def archive_token(db: str | Path) -> str:
    """FANGZHI_TOKEN, else the token kept beside the archive, made (and printed) on first start."""
    if os.environ.get("FANGZHI_TOKEN"):
        return os.environ["FANGZHI_TOKEN"]
    path = Path(f"{db}.token")
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    token = secrets.token_urlsafe(24)
    path.write_text(token + "\n", encoding="utf-8")
    path.chmod(0o600)
    print(f"fangzhi: the token for uploading pages to {db} is {token} (kept in {path})", file=sys.stderr)
    return token


def _version() -> str:
    from fangzhi import __version__

    return __version__


TYPE_LABELS = {"meeting": "会议", "inspection": "调研视察", "reception": "会见", "ceremony": "仪式活动"}


# ---------------------------------------------------------------- plumbing


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


def _connection(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for the request: reads never wait for an ingest (WAL)."""
    readers: Readers = request.app.state.readers
    if not readers.path.exists():  # the archive was removed since the connection was opened
        raise HTTPException(503, f"no archive at {readers.path.name}: ingest pages first")
    conn = readers.take()
    # a request's queries stop at the deadline, so work for a reader who gave up does not go on
    deadline = time.monotonic() + REQUEST_SECONDS
    conn.set_progress_handler(lambda: time.monotonic() > deadline, PROGRESS_STEPS)
    try:
        yield conn
    finally:
        readers.give(conn)


Conn = Annotated[sqlite3.Connection, Depends(_connection)]


def _error_body(status: int, message: str, code: str | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code or _CODES.get(status, "error"), "message": message}}


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


def _install_errors(app: FastAPI, templates: Jinja2Templates) -> None:
    def respond(request: Request, status: int, message: str, code: str | None = None) -> Response:
        body = _error_body(status, message, code)
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
        return respond(request, 422, f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(sqlite3.OperationalError)
    async def too_slow(request: Request, exc: sqlite3.OperationalError) -> Response:
        if "interrupted" in str(exc):
            return respond(request, 503, "the archive took too long to answer: narrow the search", "too_slow")
        return secure(
            request, respond(request, 500, "internal error: the server could not answer this request")
        )

    @app.exception_handler(query.QueryError)
    async def bad_query(request: Request, exc: query.QueryError) -> Response:
        return respond(request, 400, str(exc), "bad_query")

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        # this handler runs outside the other middleware: the response gets its headers here
        answer = respond(request, 500, "internal error: the server could not answer this request")
        return secure(request, answer)


def _install_headers(app: FastAPI) -> None:
    app.add_middleware(SecurityHeaders)


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


def _search_filters(
    date_from: str | None,
    date_to: str | None,
    person: str | None,
    place: str | None,
    publication: str | None,
    kind: str | None,
) -> query.Filters:
    return query.Filters(
        date_from or None, date_to or None, person or None, place or None, publication or None, kind or None
    )


# ---------------------------------------------------------------- routes


def _routes(app: FastAPI, templates: Jinja2Templates) -> None:
    def page(request: Request, name: str, json_url: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"json_url": json_url, **context})

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/search")

    # -- search
    @app.get("/api/search", tags=["search"], summary="Full-text search with facets")
    def api_search(
        conn: Conn,
        q: Annotated[str, Query(min_length=1, max_length=200, description='words, OR, -exclude, "phrase"')],
        date_from: str | None = Query(None, alias="from", pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
        date_to: str | None = Query(None, alias="to", pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
        person: str | None = Query(None, max_length=40),
        place: str | None = Query(None, max_length=40),
        publication: str | None = Query(None, max_length=40),
        kind: str | None = Query(None, pattern="^(news|commentary|interview|photo|fragment)$"),
        sort: str = Query("relevance", pattern="^(relevance|date)$"),
        limit: int = Query(20, ge=1, le=100),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        f = _search_filters(date_from, date_to, person, place, publication, kind)
        result = query.search(
            conn, q, f, limit=limit, offset=offset, sort=sort, mark=("\ue000", "\ue001"), with_facets=True
        )
        return result.as_dict()

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        conn: Conn,
        q: str = Query("", max_length=200),
        date_from: str = Query("", alias="from", max_length=10),
        date_to: str = Query("", alias="to", max_length=10),
        person: str = Query("", max_length=40),
        place: str = Query("", max_length=40),
        publication: str = Query("", max_length=40),
        kind: str = Query("", max_length=12),
        sort: str = Query("relevance", pattern="^(relevance|date)$"),
        page_no: int = Query(1, alias="page", ge=1, le=5000),
    ) -> HTMLResponse:
        f = _search_filters(date_from, date_to, person, place, publication, kind)
        params = {
            "q": q,
            "from": date_from,
            "to": date_to,
            "person": person,
            "place": place,
            "publication": publication,
            "kind": kind,
            "sort": sort,
        }
        result, facet_counts, error = None, None, None
        if q.strip():
            try:
                result = query.search(
                    conn,
                    q,
                    f,
                    limit=20,
                    offset=(page_no - 1) * 20,
                    sort=sort,
                    mark=("\ue000", "\ue001"),
                    with_facets=True,
                )
                facet_counts = result.facets
            except query.QueryError as e:
                error = str(e)
        json_url = "/api/search?" + urlencode(
            {k: v for k, v in {**params, "limit": 20, "offset": (page_no - 1) * 20}.items() if v}
        )
        return page(
            request,
            "search.html",
            json_url if q.strip() else "/api/articles",
            result=result,
            facets=facet_counts,
            error=error,
            params=params,
            page_no=page_no,
        )

    # -- articles
    @app.get("/api/articles", tags=["articles"], summary="Articles, newest first")
    def api_articles(
        conn: Conn, limit: int = Query(50, ge=1, le=200), offset: int = Query(0, ge=0, le=MAX_OFFSET)
    ) -> dict[str, Any]:
        rows = conn.execute(
            "SELECT id, date, kind, headline, publication FROM articles "
            "ORDER BY date DESC, id LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        total = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}

    @app.get("/api/articles/{article_id}", tags=["articles"], summary="One article with its facts")
    def api_article(conn: Conn, article_id: str) -> dict[str, Any]:
        return _article_or_404(conn, article_id)

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, conn: Conn, article_id: str) -> HTMLResponse:
        a = _article_or_404(conn, article_id)
        raw = query.page_text(conn, a["page_id"]) or ""
        return page(
            request,
            "article.html",
            f"/api/articles/{article_id}",
            a=a,
            body=marks.marked_body(a),
            raw=marks.marked_page(raw, a),
            others=query.page_articles(conn, a["page_id"]),
        )

    @app.get(
        "/api/pages/{page_id}", tags=["articles"], summary="A page as the OCR left it, with its articles"
    )
    def api_page(conn: Conn, page_id: str) -> dict[str, Any]:
        raw = query.page_text(conn, page_id)
        if raw is None:
            raise HTTPException(404, f"no page {page_id}")
        return {"id": page_id, "raw_text": raw, "articles": query.page_articles(conn, page_id)}

    # -- people
    @app.get("/api/persons", tags=["people"], summary="People, most mentioned first")
    def api_persons(
        conn: Conn,
        post: str | None = Query(None, max_length=40),
        place: str | None = Query(None, max_length=40),
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        items = query.people(conn, post=post, place=place, limit=limit, offset=offset)
        return {"limit": limit, "offset": offset, "items": items}

    @app.get("/people", response_class=HTMLResponse, include_in_schema=False)
    def people_page(
        request: Request,
        conn: Conn,
        post: str = Query("", max_length=40),
        place: str = Query("", max_length=40),
    ) -> HTMLResponse:
        items = query.people(conn, post=post or None, place=place or None, limit=500)
        return page(
            request,
            "people.html",
            "/api/persons?" + urlencode({k: v for k, v in {"post": post, "place": place}.items() if v}),
            items=items,
            post=post,
            place=place,
        )

    @app.get(
        "/api/persons/{key}",
        tags=["people"],
        summary="A person: posts over time, activity, places, companions",
    )
    def api_person(conn: Conn, key: str) -> dict[str, Any]:
        views = query.person(conn, key)
        if not views:
            raise HTTPException(404, f"no person {key}")
        return {"items": [v.as_dict() for v in views]}

    @app.get("/person/{key}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, conn: Conn, key: str) -> HTMLResponse:
        views = query.person(conn, key)
        if not views:
            raise HTTPException(404, f"no person {key}")
        return page(
            request,
            "person.html",
            f"/api/persons/{key}",
            views=views,
            timeline=[_timeline(v) for v in views],
            calendar=[_calendar(v) for v in views],
        )

    # -- events and the chronicle
    @app.get("/api/events", tags=["events"], summary="Events in date order")
    def api_events(
        conn: Conn,
        date_from: str | None = Query(None, alias="from", pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
        date_to: str | None = Query(None, alias="to", pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
        type_: str | None = Query(None, alias="type", pattern="^(meeting|inspection|reception|ceremony)$"),
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        entries = [e for e in query.chronicle(conn, date_from, date_to) if not type_ or e.type == type_]
        return {
            "total": len(entries),
            "limit": limit,
            "offset": offset,
            "items": [chronicle_record(e) for e in entries[offset : offset + limit]],
        }

    @app.get("/api/chronicle", tags=["events"], summary="The chronicle (大事记), as JSON, Markdown or CSV")
    def api_chronicle(
        conn: Conn,
        date_from: str | None = Query(None, alias="from", pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
        date_to: str | None = Query(None, alias="to", pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
        type_: str | None = Query(None, alias="type", pattern="^(meeting|inspection|reception|ceremony)$"),
        format_: str = Query("json", alias="format", pattern="^(json|md|csv)$"),
    ) -> Any:
        entries = [e for e in query.chronicle(conn, date_from, date_to) if not type_ or e.type == type_]
        if format_ == "json":
            return {"total": len(entries), "items": [chronicle_record(e) for e in entries]}
        from fangzhi.chronicle import render

        out = io.StringIO()
        render(entries, format_, out)
        media = "text/markdown; charset=utf-8" if format_ == "md" else "text/csv; charset=utf-8"
        return PlainTextResponse(
            out.getvalue(),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="dashiji.{format_}"'},
        )

    @app.get("/chronicle", response_class=HTMLResponse, include_in_schema=False)
    def chronicle_page(
        request: Request,
        conn: Conn,
        date_from: str = Query("", alias="from", max_length=10),
        date_to: str = Query("", alias="to", max_length=10),
        type_: str = Query("", alias="type", max_length=12),
    ) -> HTMLResponse:
        entries = [
            e
            for e in query.chronicle(conn, date_from or None, date_to or None)
            if not type_ or e.type == type_
        ]
        months: dict[str, list[query.ChronicleEntry]] = {}
        for e in entries:
            months.setdefault(e.month, []).append(e)
        qs = urlencode({k: v for k, v in {"from": date_from, "to": date_to, "type": type_}.items() if v})
        return page(
            request,
            "chronicle.html",
            f"/api/chronicle?{qs}",
            months=months,
            qs=qs,
            params={"from": date_from, "to": date_to, "type": type_},
        )

    # -- trends and the network
    @app.get(
        "/api/trends", tags=["trends"], summary="Articles a month carrying each term, and the top slogans"
    )
    def api_trends(
        conn: Conn, terms: str = Query("", max_length=200, description="comma-separated")
    ) -> dict[str, Any]:
        return query.trends(conn, [t.strip() for t in re.split(r"[,，、]", terms) if t.strip()])

    @app.get("/trends", response_class=HTMLResponse, include_in_schema=False)
    def trends_page(request: Request, conn: Conn, terms: str = Query("", max_length=200)) -> HTMLResponse:
        data = query.trends(conn, [t.strip() for t in re.split(r"[,，、]", terms) if t.strip()])
        return page(
            request, "trends.html", "/api/trends?" + urlencode({"terms": terms}), data=data, terms=terms
        )

    @app.get("/api/network", tags=["network"], summary="The co-appearance network of people")
    def api_network(
        conn: Conn,
        person: str | None = Query(None, max_length=40),
        min_weight: int = Query(1, ge=1, le=1000),
    ) -> dict[str, Any]:
        return _network(conn, person or None, min_weight)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(
        request: Request, conn: Conn, person: str = Query("", max_length=40), min_weight: int = Query(1, ge=1)
    ) -> HTMLResponse:
        data = _network(conn, person or None, min_weight)
        return page(
            request,
            "network.html",
            "/api/network?" + urlencode({"person": person, "min_weight": min_weight}),
            data=data,
            person=person,
            min_weight=min_weight,
        )

    # -- writing
    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_form(request: Request) -> HTMLResponse:
        csrf = secrets.token_urlsafe(24)
        response = page(request, "ingest.html", "/api/ingest", csrf=csrf, result=None)
        response.set_cookie("fangzhi_csrf", csrf, httponly=True, samesite="strict", max_age=3600)
        return response

    @app.post("/ingest", response_class=HTMLResponse, include_in_schema=False)
    async def ingest_submit(
        request: Request,
        files: Annotated[list[UploadFile], File()],
        csrf: Annotated[str, Form()],
        token: Annotated[str, Form()] = "",
    ) -> HTMLResponse:
        cookie = request.cookies.get("fangzhi_csrf", "")
        if not cookie or not hmac.compare_digest(cookie, csrf):
            raise HTTPException(
                403, "the form has expired or did not come from this site: reload it and try again"
            )
        _check_token(request, token)
        result = await _ingest_uploads(request, files)
        return page(request, "ingest.html", "/api/ingest", csrf=csrf, result=result)

    @app.post(
        "/api/ingest", tags=["ingest"], summary="Upload page files to add to the archive (token required)"
    )
    async def api_ingest(request: Request, files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
        auth = request.headers.get("authorization", "")
        _check_token(request, auth.removeprefix("Bearer ").strip() if auth.startswith("Bearer ") else "")
        return await _ingest_uploads(request, files)

    # -- the API's own documentation, served from this machine
    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="fangzhi API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )


def _article_or_404(conn: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    a = query.article(conn, article_id)
    if a is None:
        raise HTTPException(404, f"no article {article_id}")
    return a


def _network(conn: sqlite3.Connection, person: str | None, min_weight: int) -> dict[str, Any]:
    from fangzhi.network import build_network

    try:
        g = build_network(conn, person=person, min_weight=min_weight)
    except ValueError as e:
        raise HTTPException(404, str(e)) from e
    nodes = [
        {"id": n, "name": d.get("name", n), "articles": d.get("articles", 0)} for n, d in g.nodes(data=True)
    ]
    edges = [
        {
            "source": a,
            "target": b,
            "weight": d.get("weight", 1),
            "articles": d.get("articles", 0),
            "events": d.get("events", 0),
        }
        for a, b, d in g.edges(data=True)
        if d.get("weight", 1) >= min_weight
    ]
    edges.sort(key=lambda e: -int(e["weight"]))
    return {"person": person, "nodes": nodes, "edges": edges}


TIMELINE_WIDTH = 800  # the SVG's own units; CSS scales it to the page
_LABEL_END, _BAR_START, _BAR_END = 170, 180, 780  # post titles left of the bars, dates below them
_ROW = 40


def _timeline(v: query.PersonView) -> dict[str, Any]:
    """Posts as bars from first to last seen on one date axis, each titled on its left and dated
    beneath, every label inside the drawing (SVG coordinates; no inline styles: CSP)."""
    from datetime import date

    posts = [p for p in v.posts if p["first_seen"]]
    if not posts:
        return {"bars": [], "ticks": [], "height": 0}
    lo = date.fromisoformat(min(p["first_seen"] for p in posts))
    hi = date.fromisoformat(max(p["last_seen"] or p["first_seen"] for p in posts))
    span = max((hi - lo).days, 1)

    def x(d: date) -> float:
        return round(_BAR_START + (d - lo).days / span * (_BAR_END - _BAR_START), 1)

    bars = []
    for i, p in enumerate(posts):
        a, b = (
            x(date.fromisoformat(p["first_seen"])),
            x(date.fromisoformat(p["last_seen"] or p["first_seen"])),
        )
        w = max(round(b - a, 1), 4.0)
        a = min(a, _BAR_END - w)  # a post seen on the last day still ends on the axis
        middle = min(max(a + w / 2, _BAR_START + 90), _BAR_END - 90)  # the date line stays inside
        bars.append(
            {
                "title": p["title"],
                "x": a,
                "w": w,
                "y": 10 + i * _ROW,
                "date_x": round(middle, 1),
                "first": p["first_seen"],
                "last": p["last_seen"] or p["first_seen"],
                "evidence": p["evidence"],
            }
        )
    axis = 10 + len(posts) * _ROW
    years = list(range(lo.year + (lo > date(lo.year, 1, 1)), hi.year + 1))
    step = max(1, -(-len(years) // 10))  # ten ticks at most
    ticks = [{"x": x(date(y, 1, 1)), "label": str(y)} for y in years[::step]]
    return {
        "bars": bars,
        "ticks": ticks,
        "label_end": _LABEL_END,
        "axis_y": axis,
        "axis_from": _BAR_START,
        "axis_to": _BAR_END,
        "height": axis + 24,
        "width": TIMELINE_WIDTH,
    }


def _calendar(v: query.PersonView) -> dict[str, Any]:
    """Events by month and role, for the activity calendar."""
    months: dict[str, dict[str, int]] = {}
    for e in v.events:
        if e["date"]:
            months.setdefault(e["date"][:7], {}).setdefault(e["role"], 0)
            months[e["date"][:7]][e["role"]] += 1
    return {"months": sorted(months.items())}


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MiB"
    return f"{n / 1024:g} KiB" if n >= 1024 else f"{n} bytes"


def _check_token(request: Request, given: str) -> None:
    if not given:
        raise HTTPException(401, "writing to the archive needs its token")
    if not hmac.compare_digest(given.encode(), str(request.app.state.token).encode()):
        raise HTTPException(403, "the token does not match this archive's")


async def _ingest_uploads(request: Request, files: list[UploadFile]) -> dict[str, Any]:
    """Uploaded pages parsed and stored; file names only name them, never choose where they go."""
    from fangzhi.archive import open_archive

    if not files:
        raise HTTPException(400, "no files uploaded")
    if len(files) > MAX_UPLOAD_FILES:
        raise HTTPException(413, f"at most {MAX_UPLOAD_FILES} files at a time")
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="fangzhi-upload-") as tmp:
        paths: list[Path] = []
        for i, f in enumerate(files):
            name = Path(f.filename or "").name
            if not f.filename or name != f.filename or ".." in f.filename or not _SAFE_NAME.match(name):
                raise HTTPException(
                    400, f"refused file name {f.filename!r}: a plain name such as page-01.txt"
                )
            data = await f.read(MAX_UPLOAD_BYTES + 1)
            if len(data) > MAX_UPLOAD_BYTES:
                raise HTTPException(413, f"{name} is over the {_size(MAX_UPLOAD_BYTES)} a page may be")
            folder = Path(tmp) / f"{i:03d}"  # one folder a file: the page keeps its own name
            folder.mkdir()
            path = folder / name
            path.write_bytes(data)
            paths.append(path)
        with open_archive(request.app.state.db) as archive:
            summary = archive.ingest(
                paths,
                Settings(),
                progress=lambda p, r: results.append(
                    {
                        "file": Path(p).name,
                        "status": getattr(r, "status", "failed"),
                        "page_id": getattr(r, "page_id", None),
                        "error": getattr(r, "message", None),
                    }
                ),
            )
    return {"summary": summary.as_dict(), "files": results}
