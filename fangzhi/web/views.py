"""The web app's pages and their JSON twins: search, articles, people, the chronicle, trends, the
network and the upload of pages. Each view reads its parameters, calls one query and renders."""

from __future__ import annotations

import hmac
import io
import re
import secrets
import sqlite3
import tempfile
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, Security, UploadFile
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from fangzhi import query
from fangzhi.chronicle import record as chronicle_record
from fangzhi.settings import Settings
from fangzhi.web import marks, scans
from fangzhi.web.charts import activity_calendar, posts_timeline
from fangzhi.web.plumbing import FORM_EXPIRED, MAX_UPLOAD_BYTES, MAX_UPLOAD_FILES, Conn, token_refusal

MAX_OFFSET = 10_000_000  # paging past this is no reader's request, and SQLite takes only 64-bit ints
_SAFE_NAME = re.compile(r"^[\w\u3400-\u9fff.\- ]{1,120}$")


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


def install_routes(app: FastAPI, templates: Jinja2Templates) -> None:
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

    @app.get(
        "/api/articles/{article_id}",
        tags=["articles"],
        summary="One article with its facts (and, for a page read from a scan, their boxes on the image)",
    )
    def api_article(conn: Conn, article_id: str) -> dict[str, Any]:
        a = _article_or_404(conn, article_id)
        scan = _scan(conn, a, query.page_text(conn, a["page_id"]) or "")
        return {**a, "scan": scan} if scan else a

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
            scan=_scan(conn, a, raw),
            others=query.page_articles(conn, a["page_id"]),
        )

    @app.get(
        "/api/pages/{page_id}/image",
        tags=["articles"],
        summary="The scanned image a page was read from by OCR",
        response_class=Response,
        responses={200: {"content": {"image/png": {}, "image/jpeg": {}}}},
    )
    def api_page_image(conn: Conn, page_id: str) -> Response:
        found = query.page_image(conn, page_id)
        if found is None:
            raise HTTPException(404, f"no scanned image of page {page_id}")
        media_type, data = found
        return Response(data, media_type=media_type, headers={"Cache-Control": "private, max-age=3600"})

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
        name: str | None = Query(
            None, max_length=40, description="part of a name, or its pinyin (zhujian, zj)"
        ),
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> dict[str, Any]:
        items = query.people(conn, post=post, place=place, name=name, limit=limit, offset=offset)
        total = query.people_count(conn, post=post, place=place, name=name)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    @app.get("/people", response_class=HTMLResponse, include_in_schema=False)
    def people_page(
        request: Request,
        conn: Conn,
        post: str = Query("", max_length=40),
        place: str = Query("", max_length=40),
        name: str = Query("", max_length=40),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> HTMLResponse:
        filters = {"post": post or None, "place": place or None, "name": name or None}
        items = query.people(conn, **filters, limit=PEOPLE_PAGE, offset=offset)
        total = query.people_count(conn, **filters)
        qs = {k: v for k, v in {"post": post, "place": place, "name": name}.items() if v}
        return page(
            request,
            "people.html",
            "/api/persons?" + urlencode(qs),
            items=items,
            post=post,
            place=place,
            person_name=name,
            total=total,
            offset=offset,
            size=PEOPLE_PAGE,
            qs=urlencode(qs),
        )

    @app.get(
        "/api/persons/{key}",
        tags=["people"],
        summary="A person: posts over time, activity, places, companions",
    )
    def api_person(conn: Conn, key: str) -> dict[str, Any]:
        views = query.person(conn, key)
        if not views:
            raise HTTPException(404, _no_person(conn, key))
        return {"items": [v.as_dict() for v in views]}

    @app.get("/person/{key}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, conn: Conn, key: str) -> HTMLResponse:
        views = query.person(conn, key)
        if not views:
            raise HTTPException(404, _no_person(conn, key))
        return page(
            request,
            "person.html",
            f"/api/persons/{key}",
            views=views,
            timeline=[posts_timeline(v) for v in views],
            calendar=[activity_calendar(v) for v in views],
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
            left_out=query.partial_dated_events(conn) if date_from or date_to else 0,
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
            raise HTTPException(403, FORM_EXPIRED)
        _check_token(request, token)
        result = await _ingest_uploads(request, files)
        return page(request, "ingest.html", "/api/ingest", csrf=csrf, result=result)

    @app.post(
        "/api/ingest", tags=["ingest"], summary="Upload page files to add to the archive (token required)"
    )
    async def api_ingest(
        request: Request,
        files: Annotated[list[UploadFile], File()],
        bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_BEARER)] = None,
    ) -> dict[str, Any]:
        # the scheme is declared so /docs can send the token; WriteGate has checked it already,
        # before the body was read, and this check stays for any app mounted without the gate
        _check_token(request, bearer.credentials if bearer is not None else "")
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


PEOPLE_PAGE = 100  # people listed on one page of /people


def _no_person(conn: sqlite3.Connection, key: str) -> str:
    """没有这个人: with the names most like it, for a reader who mistyped one."""
    near = query.near_names(conn, key)
    return f"no person {key}" + (f"; names like it: {'、'.join(near)}" if near else "")


def _scan(conn: sqlite3.Connection, a: dict[str, Any], raw: str) -> dict[str, Any] | None:
    """The article's page image with the boxes of the article and its facts, when the page was
    read from a scan."""
    found = query.page_scan(conn, a["page_id"])
    if found is None:
        return None
    return {"image": f"/api/pages/{quote(a['page_id'])}/image", **scans.outlines(a, raw, found)}


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


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MiB"
    return f"{n / 1024:g} KiB" if n >= 1024 else f"{n} bytes"


_BEARER = HTTPBearer(
    auto_error=False,
    scheme_name="archiveToken",
    description="The archive's upload token: `Authorization: Bearer TOKEN` (printed by `fangzhi serve`)",
)


def _check_token(request: Request, given: str) -> None:
    refusal = token_refusal(given, str(request.app.state.token))
    if refusal is not None:
        raise HTTPException(*refusal)


async def _ingest_uploads(request: Request, files: list[UploadFile]) -> dict[str, Any]:
    """Uploaded pages parsed and stored; file names only name them, never choose where they go."""
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
        # the parse runs on a worker thread: the event loop goes on serving other readers meanwhile
        summary = await run_in_threadpool(_store_uploads, request.app.state.db, paths, results)
    return {"summary": summary, "files": results}


def _store_uploads(db: str, paths: list[Path], results: list[dict[str, Any]]) -> dict[str, Any]:
    from fangzhi.archive import open_archive

    with open_archive(db) as archive:
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
    return summary.as_dict()
