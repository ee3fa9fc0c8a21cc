"""The web app's pages and their JSON twins: search, articles, people, the chronicle, trends, the
network and the upload of pages. Each view reads its parameters, calls one query and renders."""

from __future__ import annotations

import hmac
import io
import re
import secrets
import sqlite3
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any, cast
from urllib.parse import quote, urlencode

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, Security, UploadFile
from fastapi import Path as FastAPIPath
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from fangzhi import browse, query, reprints
from fangzhi.answers import (
    ArticleAnswer,
    Articles,
    Chronicle,
    Events,
    IngestCounts,
    Ingested,
    IngestedFile,
    Network,
    PageText,
    People,
    Reprints,
    ScanOutlines,
    Trends,
)
from fangzhi.chronicle import record as chronicle_record
from fangzhi.network import ARTICLE_WEIGHT, EVENT_WEIGHT, TOP
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

    # -- the collection, and browsing it paper by paper, issue by issue
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, conn: Conn) -> HTMLResponse:
        return page(request, "home.html", "/api/collection", c=browse.collection(conn))

    @app.get(
        "/api/collection",
        tags=["browse"],
        summary="What the archive holds: papers, counts, latest issues",
        response_model=browse.Collection,
    )
    def api_collection(conn: Conn) -> Any:
        return asdict(browse.collection(conn))

    @app.get(
        "/api/papers/{publication}",
        tags=["browse"],
        summary="A paper's issues and the days they cover",
        response_model=browse.PaperView,
    )
    def api_paper(conn: Conn, publication: str, year: int | None = Query(None, ge=1, le=9999)) -> Any:
        return _paper(conn, publication, year)

    @app.get("/paper/{publication}", response_class=HTMLResponse, include_in_schema=False)
    def paper_page(
        request: Request, conn: Conn, publication: str, year: int | None = Query(None, ge=1, le=9999)
    ) -> HTMLResponse:
        data = _paper(conn, publication, year)
        twin = f"/api/papers/{quote(publication)}" + (f"?year={data['year']}" if data["year"] else "")
        return page(request, "paper.html", twin, p=data)

    @app.get(
        "/api/issues/{publication}/{day}",
        tags=["browse"],
        summary="An issue: its pages, each with its articles in printed order",
        response_model=browse.Issue,
    )
    def api_issue(conn: Conn, publication: str, day: str = ISSUE_DAY) -> Any:
        return asdict(_issue_or_404(conn, publication, day))

    @app.get("/issue/{publication}/{day}", response_class=HTMLResponse, include_in_schema=False)
    def issue_page(request: Request, conn: Conn, publication: str, day: str = ISSUE_DAY) -> HTMLResponse:
        found = _issue_or_404(conn, publication, day)
        return page(request, "issue.html", f"/api/issues/{quote(publication)}/{day}", i=found)

    # -- search
    @app.get(
        "/api/search",
        tags=["search"],
        summary="Full-text search with facets",
        response_model=query.SearchPage,
    )
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
    ) -> query.SearchPage:
        f = _search_filters(date_from, date_to, person, place, publication, kind)
        return query.search(
            conn, q, f, limit=limit, offset=offset, sort=sort, mark=("\ue000", "\ue001"), with_facets=True
        )

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
    @app.get("/api/articles", tags=["articles"], summary="Articles, newest first", response_model=Articles)
    def api_articles(
        conn: Conn, limit: int = Query(50, ge=1, le=200), offset: int = Query(0, ge=0, le=MAX_OFFSET)
    ) -> Articles:
        return query.articles(conn, limit=limit, offset=offset)

    @app.get(
        "/api/articles/{article_id}",
        tags=["articles"],
        summary="One article with its facts (and, for a page read from a scan, their boxes on the image)",
        response_model=ArticleAnswer,
    )
    def api_article(conn: Conn, article_id: str) -> ArticleAnswer:
        a = _article_or_404(conn, article_id)
        scan = _scan(conn, a, query.page_text(conn, a["page_id"]) or "")
        if scan:
            a["scan"] = scan
        return a

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

    # -- reprints
    @app.get(
        "/api/reprints",
        tags=["articles"],
        summary="Stories printed more than once, largest clusters first",
        response_model=Reprints,
    )
    def api_reprints(
        conn: Conn, limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=MAX_OFFSET)
    ) -> Reprints:
        items = tuple(reprints.clusters(conn, limit=limit, offset=offset))
        return Reprints(reprints.cluster_count(conn), limit, offset, items)

    @app.get(
        "/api/pages/{page_id}/image",
        tags=["articles"],
        summary="The scanned image a page was read from by OCR",
        response_class=Response,
        responses={200: {"content": {"image/png": {"schema": BINARY}, "image/jpeg": {"schema": BINARY}}}},
    )
    def api_page_image(conn: Conn, page_id: str) -> Response:
        found = query.page_image(conn, page_id)
        if found is None:
            raise HTTPException(404, f"no scanned image of page {page_id}")
        media_type, data = found
        return Response(data, media_type=media_type, headers={"Cache-Control": "private, max-age=3600"})

    @app.get(
        "/api/pages/{page_id}",
        tags=["articles"],
        summary="A page as the OCR left it, with its articles",
        response_model=PageText,
    )
    def api_page(conn: Conn, page_id: str) -> PageText:
        raw = query.page_text(conn, page_id)
        if raw is None:
            raise HTTPException(404, f"没有版面 {page_id}")
        return PageText(page_id, raw, query.page_articles(conn, page_id))

    # -- people
    @app.get("/api/persons", tags=["people"], summary="People, most mentioned first", response_model=People)
    def api_persons(
        conn: Conn,
        post: str | None = Query(None, max_length=40),
        place: str | None = Query(None, max_length=40),
        name: str | None = Query(
            None, max_length=40, description="part of a name, or its pinyin (zhujian, zj)"
        ),
        limit: int = Query(50, ge=1, le=500),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> People:
        return query.people_page(conn, post=post, place=place, name=name, limit=limit, offset=offset)

    @app.get("/people", response_class=HTMLResponse, include_in_schema=False)
    def people_page(
        request: Request,
        conn: Conn,
        post: str = Query("", max_length=40),
        place: str = Query("", max_length=40),
        name: str = Query("", max_length=40),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> HTMLResponse:
        found = query.people_page(
            conn, post=post or None, place=place or None, name=name or None, limit=PEOPLE_PAGE, offset=offset
        )
        qs = {k: v for k, v in {"post": post, "place": place, "name": name}.items() if v}
        return page(
            request,
            "people.html",
            "/api/persons?" + urlencode(qs),
            items=found.items,
            post=post,
            place=place,
            person_name=name,
            total=found.total,
            offset=offset,
            size=PEOPLE_PAGE,
            qs=urlencode(qs),
        )

    @app.get(
        "/api/persons/{key}",
        tags=["people"],
        summary="A person: posts over time, activity, places, companions",
        response_model=query.Persons,
    )
    def api_person(conn: Conn, key: str) -> query.Persons:
        views = query.person(conn, key)
        if not views:
            raise HTTPException(404, _no_person(conn, key))
        return query.Persons(tuple(views))

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
    @app.get("/api/events", tags=["events"], summary="Events in date order", response_model=Events)
    def api_events(
        conn: Conn,
        date_from: str | None = Query(None, alias="from", pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
        date_to: str | None = Query(None, alias="to", pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
        type_: str | None = Query(None, alias="type", pattern="^(meeting|inspection|reception|ceremony)$"),
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
    ) -> Events:
        entries = [e for e in query.chronicle(conn, date_from, date_to) if not type_ or e.type == type_]
        items = tuple(chronicle_record(e) for e in entries[offset : offset + limit])
        return Events(len(entries), limit, offset, items)

    @app.get(
        "/api/chronicle",
        tags=["events"],
        summary="The chronicle (大事记): JSON, Markdown, CSV or Word",
        response_model=Chronicle,
        responses={200: {"content": CHRONICLE_FILES}},
    )
    def api_chronicle(
        conn: Conn,
        date_from: str | None = Query(None, alias="from", pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
        date_to: str | None = Query(None, alias="to", pattern=r"^\d{4}-\d{2}(-\d{2})?$"),
        type_: str | None = Query(None, alias="type", pattern="^(meeting|inspection|reception|ceremony)$"),
        format_: str = Query("json", alias="format", pattern="^(json|md|csv|docx)$"),
    ) -> Any:
        entries = [e for e in query.chronicle(conn, date_from, date_to) if not type_ or e.type == type_]
        if format_ == "json":
            return Chronicle(len(entries), tuple(chronicle_record(e) for e in entries))
        from fangzhi.chronicle import render

        if format_ == "docx":
            return Response(
                chronicle_docx(entries),
                media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                headers={"Content-Disposition": 'attachment; filename="dashiji.docx"'},
            )
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
        month: str = Query("", pattern=r"^(?:\d{4}-\d{2}|--\d{2}|\d{4})?$"),
    ) -> HTMLResponse:
        entries = [
            e
            for e in query.chronicle(conn, date_from or None, date_to or None)
            if not type_ or e.type == type_
        ]
        months: dict[str, list[query.ChronicleEntry]] = {}
        for e in entries:
            months.setdefault(e.month, []).append(e)
        # one month a page: the one asked for, else the latest (a year of events is no page)
        held = list(months)
        shown = (
            month
            if month in months
            else (max((m for m in held if not m.startswith("--")), default="") or (held[-1] if held else ""))
        )
        at = held.index(shown) if shown in held else -1
        filters = {k: v for k, v in {"from": date_from, "to": date_to, "type": type_}.items() if v}
        qs = urlencode(filters)
        return page(
            request,
            "chronicle.html",
            f"/api/chronicle?{qs}",
            months={shown: months[shown]} if shown else {},
            held=held,
            shown=shown,
            previous=held[at - 1] if at > 0 else None,
            next=held[at + 1] if 0 <= at < len(held) - 1 else None,
            total=len(entries),
            qs=qs,
            params={"from": date_from, "to": date_to, "type": type_},
            left_out=query.partial_dated_events(conn) if date_from or date_to else 0,
        )

    # -- trends and the network
    @app.get(
        "/api/trends",
        tags=["trends"],
        summary="Articles a month carrying each term, and the top slogans",
        response_model=Trends,
    )
    def api_trends(
        conn: Conn, terms: str = Query("", max_length=200, description="comma-separated")
    ) -> Trends:
        return query.trends(conn, [t.strip() for t in re.split(r"[,，、]", terms) if t.strip()])

    @app.get("/trends", response_class=HTMLResponse, include_in_schema=False)
    def trends_page(request: Request, conn: Conn, terms: str = Query("", max_length=200)) -> HTMLResponse:
        data = query.trends(conn, [t.strip() for t in re.split(r"[,，、]", terms) if t.strip()])
        return page(
            request, "trends.html", "/api/trends?" + urlencode({"terms": terms}), data=data, terms=terms
        )

    @app.get(
        "/api/network",
        tags=["network"],
        summary="The co-appearance network of people, as JSON or a GEXF or GraphML file",
        response_model=Network,
        responses={200: {"content": {"application/xml": {"schema": TEXT}}}},
    )
    def api_network(
        conn: Conn,
        person: str | None = Query(None, max_length=40),
        min_weight: int = Query(1, ge=1, le=1000),
        top: int = Query(TOP, ge=1, le=5000, description="the people with the heaviest ties kept"),
        format_: str = Query("json", alias="format", pattern="^(json|gexf|graphml)$"),
    ) -> Any:
        if format_ == "json":
            return _network(conn, person or None, min_weight, top)
        from fangzhi.network import build_network, heaviest, write_network

        try:
            g = build_network(conn, person=person or None, min_weight=min_weight)
        except ValueError as e:
            raise HTTPException(404, str(e)) from e
        g = heaviest(g, top, person or None)
        out = io.StringIO()
        write_network(g, format_, out)
        return PlainTextResponse(
            out.getvalue(),
            media_type="application/xml; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="network.{format_}"'},
        )

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(
        request: Request,
        conn: Conn,
        person: str = Query("", max_length=40),
        min_weight: int = Query(1, ge=1),
        top: int = Query(TOP, ge=1, le=5000),
    ) -> HTMLResponse:
        data = _network(conn, person or None, min_weight, top)
        qs = urlencode({"person": person, "min_weight": min_weight, "top": top})
        return page(
            request,
            "network.html",
            "/api/network?" + qs,
            data=data,
            person=person,
            min_weight=min_weight,
            top=top,
            qs=qs,
            article_weight=ARTICLE_WEIGHT,
            event_weight=EVENT_WEIGHT,
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
        "/api/ingest",
        tags=["ingest"],
        summary="Upload page files to add to the archive (token required)",
        response_model=Ingested,
    )
    async def api_ingest(
        request: Request,
        files: Annotated[list[UploadFile], File()],
        bearer: Annotated[HTTPAuthorizationCredentials | None, Security(_BEARER)] = None,
    ) -> Ingested:
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

# What the files some endpoints return instead of JSON hold, for OpenAPI.
BINARY = {"type": "string", "format": "binary"}
TEXT = {"type": "string"}
CHRONICLE_FILES = {
    "text/markdown": {"schema": TEXT},
    "text/csv": {"schema": TEXT},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {"schema": BINARY},
}


# An issue's day in a path: its ISO date, or 日期不详 for the pages of no known date.
UNDATED = "日期不详"
ISSUE_DAY = FastAPIPath(pattern=r"^(?:\d{4}-\d{2}-\d{2}|日期不详)$", description="YYYY-MM-DD, or 日期不详")


def _paper(conn: sqlite3.Connection, publication: str, year: int | None) -> dict[str, Any]:
    found = browse.paper(conn, publication, year)
    if found is None:
        papers = [p.publication for p in browse.collection(conn).papers]
        near = [p for p in papers if publication[:2] in p] or papers
        held = f"馆藏报纸：{'、'.join(near[:8])}" if near else ""
        raise HTTPException(404, f"没有报纸“{publication}”。{held}")
    return asdict(found)


def _issue_or_404(conn: sqlite3.Connection, publication: str, day: str) -> browse.Issue:
    found = browse.issue(conn, publication, None if day == UNDATED else day)
    if found is None:
        raise HTTPException(404, f"没有《{publication}》{day}这一期")
    return found


def chronicle_docx(entries: list[query.ChronicleEntry]) -> bytes:
    """The chronicle as a Word file (A4), made in a temporary folder and read back."""
    from fangzhi.chronicle import render

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dashiji.docx"
        render(entries, "docx", path)
        return path.read_bytes()


def _no_person(conn: sqlite3.Connection, key: str) -> str:
    """没有这个人: with the names most like it, for a reader who mistyped one."""
    near = query.near_names(conn, key)
    return f"没有人物“{key}”" + (f"。相近的名字：{'、'.join(near)}" if near else "")


def _scan(conn: sqlite3.Connection, a: ArticleAnswer, raw: str) -> ScanOutlines | None:
    """The article's page image with the boxes of the article and its facts, when the page was
    read from a scan."""
    found = query.page_scan(conn, a["page_id"])
    if found is None:
        return None
    return ScanOutlines(image=f"/api/pages/{quote(a['page_id'])}/image", **scans.outlines(a, raw, found))


def _article_or_404(conn: sqlite3.Connection, article_id: str) -> ArticleAnswer:
    a = query.article(conn, article_id)
    if a is None:
        raise HTTPException(404, f"没有文章 {article_id}")
    # its other printings (另见): the same story in other papers or issues
    answer = cast(ArticleAnswer, a)  # the stored article, its other printings added below
    answer["also_printed"] = reprints.also_printed(conn, article_id)
    return answer


def _network(conn: sqlite3.Connection, person: str | None, min_weight: int, top: int = TOP) -> Network:
    from fangzhi.network import network

    try:
        return network(conn, person, min_weight, top)
    except ValueError as e:
        raise HTTPException(404, str(e)) from e


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


async def _ingest_uploads(request: Request, files: list[UploadFile]) -> Ingested:
    """Uploaded pages parsed and stored; file names only name them, never choose where they go."""
    if not files:
        raise HTTPException(400, "没有上传文件")
    if len(files) > MAX_UPLOAD_FILES:
        raise HTTPException(413, f"一次最多上传 {MAX_UPLOAD_FILES} 个文件")
    results: list[IngestedFile] = []
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
                raise HTTPException(413, f"{name} 超过单个版面上限 {_size(MAX_UPLOAD_BYTES)}")
            folder = Path(tmp) / f"{i:03d}"  # one folder a file: the page keeps its own name
            folder.mkdir()
            path = folder / name
            path.write_bytes(data)
            paths.append(path)
        # the parse runs on a worker thread: the event loop goes on serving other readers meanwhile
        summary = await run_in_threadpool(_store_uploads, request.app.state.db, paths, results)
    return Ingested(summary, tuple(results))


def _store_uploads(db: str, paths: list[Path], results: list[IngestedFile]) -> IngestCounts:
    from fangzhi.archive import open_archive

    with open_archive(db) as archive:
        summary = archive.ingest(
            paths,
            Settings(),
            progress=lambda p, r: results.append(
                IngestedFile(
                    file=Path(p).name,
                    status=getattr(r, "status", "failed"),
                    page_id=getattr(r, "page_id", None),
                    error=getattr(r, "message", None),
                )
            ),
        )
    return summary.as_dict()
