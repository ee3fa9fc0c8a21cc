"""Hostile pages and hostile requests: page text is escaped wherever a page shows it and SQL in it
is only text; every response carries the security headers; and writing to the archive needs its
token, a form from this site, plain file names and files of a bounded size, and never writes
outside the archive."""

from __future__ import annotations

import re
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import fangzhi.web.views as views
from fangzhi import open_archive
from fangzhi.web.app import create_app
from tests.archive_pages import PAGES, write_pages

TOKEN = "token-for-the-security-tests"
HTML = {"accept": "text/html"}

XSS = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SQL = "'; DROP TABLE articles; --"
EVIL_HEADLINE = f"全市安全生产工作会议召开{XSS}{IMG}{SQL}"
EVIL_PAGE = (
    f"# {EVIL_HEADLINE}\n\n某市日报讯（记者 甲某）2023年8月9日，全市{XSS}{IMG}{SQL}工作会议召开。"
    f"市长朱健主持会议并讲话{XSS}。副市长黄立参加会议{IMG}。\n"
)
# what each payload is when escaped (markupsafe writes " as &#34; and ' as &#39;)
XSS_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
IMG_ESCAPED = "&#34;&gt;&lt;img src=x onerror=alert(1"
SQL_ESCAPED = "&#39;; DROP TABLE articles; --"

PAGE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# Swagger UI starts from an inline script, so /docs (and only /docs) allows inline script
DOCS_CSP = {**PAGE_CSP, "script-src": ["'self'", "'unsafe-inline'"]}


# ---------------------------------------------------------------- the archive with a hostile page


@dataclass
class Hostile:
    db: Path
    client: TestClient
    article_id: str
    tables: set[str]


def tables_of(db: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hostile]:
    root = tmp_path_factory.mktemp("security")
    db = root / "archive.db"
    (root / "hostile").mkdir()
    (root / "hostile" / "evil.txt").write_text(EVIL_PAGE, encoding="utf-8")
    with open_archive(db) as archive:
        archive.ingest([write_pages(root / "pages")])
        tables = tables_of(db)
        summary = archive.ingest([root / "hostile"])
    assert summary.new == 1 and summary.failed == 0
    with TestClient(create_app(db, token=TOKEN)) as client:
        items = client.get("/api/articles", params={"limit": 200}).json()["items"]
        (article_id,) = [i["id"] for i in items if i["headline"] == EVIL_HEADLINE]
        yield Hostile(db, client, article_id, tables)


def html_page(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url, headers=HTML)
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    return r.text


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every element a browser would build from the page, with its attributes."""
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


def assert_no_raw_markup(page: str) -> None:
    """None of the payloads' markup survives as markup: no <img>, no event-handler attribute, and
    no script but the app's own files."""
    assert XSS not in page and "<img" not in page.lower()
    for tag, attrs in tags_of(page):
        assert tag not in ("img", "iframe", "object", "embed"), (tag, attrs)
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        if tag == "script":
            assert list(attrs) == ["src"] and str(attrs["src"]).startswith("/static/"), attrs


def assert_shown_escaped(fragment: str, *payloads: str) -> None:
    assert_no_raw_markup(fragment)
    for escaped in payloads:
        assert escaped in fragment, escaped


def section(page: str, pattern: str) -> str:
    m = re.search(pattern, page, re.S)
    assert m, pattern
    return m.group(1)


def test_the_api_keeps_the_hostile_text_verbatim(hostile: Hostile) -> None:
    """Escaping is the page's job: the data itself is stored and served exactly as printed."""
    a = hostile.client.get(f"/api/articles/{hostile.article_id}").json()
    assert a["headline"] == EVIL_HEADLINE
    assert XSS in a["body"] and SQL in a["body"]
    raw = hostile.client.get(f"/api/pages/{a['page_id']}").json()["raw_text"]
    assert raw == EVIL_PAGE
    (event,) = a["events"]
    assert XSS in event["name"] and event["presided"] == ["朱健"]


def test_search_results_show_the_hostile_page_escaped(hostile: Hostile) -> None:
    for q in ("安全生产", "工作会议", "DROP TABLE"):
        page = html_page(hostile.client, f"/search?q={quote(q)}")
        hits = section(page, r'<ol class="hits">(.*?)</ol>')
        assert f'href="/article/{hostile.article_id}"' in hits, q
        assert_shown_escaped(hits, XSS_ESCAPED, IMG_ESCAPED)
        assert_no_raw_markup(page)


def test_the_article_page_shows_body_and_raw_page_escaped(hostile: Hostile) -> None:
    page = html_page(hostile.client, f"/article/{hostile.article_id}")
    assert_no_raw_markup(page)
    assert_shown_escaped(section(page, r"<h1>(.*?)</h1>"), XSS_ESCAPED, IMG_ESCAPED, SQL_ESCAPED)
    assert_shown_escaped(section(page, r"<title>(.*?)</title>"), XSS_ESCAPED)
    assert_shown_escaped(
        section(page, r'<div class="body">(.*?)</div>'), XSS_ESCAPED, IMG_ESCAPED, SQL_ESCAPED
    )
    raw = section(page, r'<pre class="page-text">(.*?)</pre>')
    assert_shown_escaped(raw, XSS_ESCAPED, IMG_ESCAPED, SQL_ESCAPED)
    assert '<mark class="f-person" title="朱健">朱健</mark>' in raw  # the marks are the only markup


def test_the_person_page_shows_the_hostile_event_escaped(hostile: Hostile) -> None:
    page = html_page(hostile.client, "/person/朱健")
    assert_no_raw_markup(page)
    events = section(page, r'<ul class="events">(.*?)</ul>')
    assert f'href="/article/{hostile.article_id}"' in events
    assert_shown_escaped(events, XSS_ESCAPED, IMG_ESCAPED, SQL_ESCAPED)


def test_the_chronicle_shows_the_hostile_event_escaped(hostile: Hostile) -> None:
    for url in ("/chronicle", "/chronicle?from=2023-08-01&to=2023-08-31&type=meeting"):
        page = html_page(hostile.client, url)
        assert_no_raw_markup(page)
        month = section(page, r"<h2>2023年8月</h2>(.*?)</section>")
        assert_shown_escaped(month, XSS_ESCAPED, IMG_ESCAPED, SQL_ESCAPED)


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_chronicle_downloads_are_never_rendered_as_html(hostile: Hostile, fmt: str) -> None:
    r = hostile.client.get("/api/chronicle", params={"format": fmt})
    assert r.status_code == 200 and XSS in r.text  # a download holds the text as printed …
    assert r.headers["content-type"].split(";")[0] in ("text/markdown", "text/csv")  # … never as HTML
    assert r.headers["content-disposition"].startswith("attachment;")
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "url",
    ["/search", "/people", "/people?post=市长", "/network", "/network?person=朱健", "/trends?terms=安全生产"],
)
def test_other_views_of_the_archive_hold_no_raw_markup(hostile: Hostile, url: str) -> None:
    assert_no_raw_markup(html_page(hostile.client, url))


REFLECTED = [
    ("/search?q=" + quote(XSS + " 安全"), 200, XSS_ESCAPED),
    ("/search?q=" + quote(IMG), 200, IMG_ESCAPED),
    (
        "/search?q=安全&person=" + quote(XSS[:40]) + "&place=" + quote(IMG) + "&kind=" + quote(IMG[:12]),
        200,
        None,
    ),
    ("/search?q=安全&from=" + quote('"><i>x</i>'), 200, "&#34;&gt;&lt;i&gt;x&lt;/i&gt;"),
    ("/people?post=" + quote(XSS[:40]) + "&place=" + quote(IMG), 200, IMG_ESCAPED),
    ("/trends?terms=" + quote(XSS + "," + IMG), 200, XSS_ESCAPED),
    ("/chronicle?type=" + quote("<img src=x>"), 200, None),
    ("/network?person=" + quote(IMG), 404, IMG_ESCAPED),
    ("/article/" + quote(IMG), 404, IMG_ESCAPED),
    ("/person/" + quote(IMG), 404, IMG_ESCAPED),
]


@pytest.mark.parametrize(("url", "status", "escaped"), REFLECTED, ids=[u[:50] for u, _, _ in REFLECTED])
def test_what_a_request_carries_is_shown_escaped(
    hostile: Hostile, url: str, status: int, escaped: str | None
) -> None:
    page = html_page(hostile.client, url, status)
    assert_no_raw_markup(page)
    if escaped:
        assert escaped in page


def test_sql_in_text_and_queries_is_only_text(hostile: Hostile) -> None:
    client = hostile.client
    for url in [
        "/api/search?q=" + quote(SQL),
        "/api/search?q=" + quote("安全 " + SQL) + "&person=" + quote(SQL[:40]),
        "/api/search?q=安全&place=" + quote(SQL[:40]) + "&publication=" + quote(SQL[:40]),
        "/api/search?q=" + quote('安全" OR 1=1 --'),
        "/api/persons?post=" + quote("%' OR '1'='1"),
        "/api/persons?place=" + quote(SQL[:40]),
        "/api/persons/" + quote(SQL),
        "/api/articles/" + quote(SQL),
        "/api/pages/" + quote(SQL),
        "/api/network?person=" + quote(SQL[:40]),
        "/api/trends?terms=" + quote(SQL),
        "/search?q=" + quote(SQL),
        "/people?post=" + quote(SQL[:40]),
    ]:
        r = client.get(url)
        assert r.status_code in (200, 400, 404), (url, r.text)
    found = client.get("/api/search", params={"q": "DROP TABLE articles"}).json()
    assert hostile.article_id in [h["id"] for h in found["hits"]]
    assert client.get("/api/search", params={"q": "安全", "person": SQL[:40]}).json()["total"] == 0
    assert tables_of(hostile.db) == hostile.tables  # every table is still there …
    assert {"articles", "pages", "persons", "events"} <= hostile.tables
    assert client.get("/api/articles").json()["total"] == len(PAGES) + 1  # … with every row


# ---------------------------------------------------------------- security headers


def directives(policy: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in policy.split(";"):
        if part.strip():
            name, *values = part.split()
            assert name not in out, name
            out[name] = values
    return out


HTML_ROUTES = [
    ("/search", 200),
    ("/search?q=安全生产", 200),
    ("/article/ARTICLE", 200),
    ("/person/朱健", 200),
    ("/people", 200),
    ("/chronicle", 200),
    ("/trends?terms=安全生产", 200),
    ("/network", 200),
    ("/ingest", 200),
    ("/no-such-page", 404),
    ("/article/no-such-article", 404),
    ("/search?sort=random", 422),
]


@pytest.mark.parametrize(("url", "status"), HTML_ROUTES)
def test_every_html_response_carries_the_security_headers(hostile: Hostile, url: str, status: int) -> None:
    r = hostile.client.get(url.replace("ARTICLE", hostile.article_id), headers=HTML)
    assert r.status_code == status and r.headers["content-type"].startswith("text/html")
    policy = directives(r.headers["content-security-policy"])
    assert policy == PAGE_CSP
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert r.headers["referrer-policy"] == "same-origin"
    # and the pages need no inline script or style, which the policy would block
    for tag, attrs in tags_of(r.text):
        assert tag != "style" and "style" not in attrs and not [a for a in attrs if a.startswith("on")]
        if tag == "script":
            assert list(attrs) == ["src"] and str(attrs["src"]).startswith("/static/"), attrs


def test_only_docs_allows_inline_script_and_only_for_swagger_ui(hostile: Hostile) -> None:
    r = hostile.client.get("/docs", headers=HTML)
    assert r.status_code == 200
    assert directives(r.headers["content-security-policy"]) == DOCS_CSP
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    inline = re.findall(r"<script>(.*?)</script>", r.text, re.S)
    assert len(inline) == 1 and "SwaggerUIBundle(" in inline[0]
    for other in ("/docs/", "/docsx", "/api/docs"):  # the exception is for that one path
        r = hostile.client.get(other, headers=HTML, follow_redirects=False)
        policy = r.headers["content-security-policy"]
        assert "'unsafe-inline'" not in policy


@pytest.mark.parametrize(
    "url",
    [
        "/api/search?q=安全生产",
        "/api/articles",
        "/api/chronicle?format=md",
        "/openapi.json",
        "/static/app.css",
        "/static/network.js",
        "/api/articles/no-such-article",
    ],
)
def test_every_other_response_carries_the_headers_too(hostile: Hostile, url: str) -> None:
    r = hostile.client.get(url)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert directives(r.headers["content-security-policy"]) == PAGE_CSP


def app_that_breaks(db: Path) -> FastAPI:
    """The app with one extra route that fails as a bug would: an unexpected exception."""
    app = create_app(db, token=TOKEN)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret detail of the server")

    return app


def test_a_server_error_has_the_one_shape_and_tells_no_secret(hostile: Hostile) -> None:
    with TestClient(app_that_breaks(hostile.db), raise_server_exceptions=False) as client:
        r = client.get("/api/boom")
    assert r.status_code == 500
    assert r.json() == {
        "error": {
            "status": 500,
            "code": "internal",
            "message": "内部错误：服务器未能回应这一请求",
        }
    }
    assert "secret" not in r.text


@pytest.mark.parametrize("accept", ["application/json", "text/html"])
def test_a_server_error_carries_the_security_headers(hostile: Hostile, accept: str) -> None:
    with TestClient(app_that_breaks(hostile.db), raise_server_exceptions=False) as client:
        r = client.get("/api/boom", headers={"accept": accept})
    assert r.status_code == 500
    assert r.headers.get("x-content-type-options") == "nosniff"
    assert r.headers.get("x-frame-options") == "DENY"
    assert directives(r.headers.get("content-security-policy", "")) == PAGE_CSP


# ---------------------------------------------------------------- uploading pages

UPLOAD = (
    "# 全市森林防火工作会议召开\n\n某市日报讯（记者 甲某）2023年3月1日，全市森林防火工作会议召开。"
    "市长朱健主持会议并讲话。他强调，要压实森林防火责任。\n"
).encode()
ARCHIVE_FILES = {"archive.db", "archive.db-wal", "archive.db-shm", "archive.db.token"}


@dataclass
class Box:
    """An empty archive alone in the test's tmp dir, with uploads staged in tmp/uploads."""

    root: Path
    db: Path
    client: TestClient

    def pages(self) -> int:
        conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0])
        finally:
            conn.close()

    def assert_nothing_written_outside(self) -> None:
        found = {p.relative_to(self.root).as_posix() for p in self.root.rglob("*")}
        assert found <= ARCHIVE_FILES | {"uploads"}, found
        assert not any((self.root / "uploads").iterdir())  # and the staged uploads are gone

    def form(self) -> str:
        """Open the upload form (which sets the CSRF cookie) and return its csrf field."""
        page = html_page(self.client, "/ingest")
        (csrf,) = re.findall(r'<input type="hidden" name="csrf" value="([^"]+)">', page)
        assert self.client.cookies.get("fangzhi_csrf") == csrf
        return csrf


@pytest.fixture
def box(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Box]:
    monkeypatch.delenv("FANGZHI_TOKEN", raising=False)
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    # the app stages uploads in a temporary folder: put it in tmp_path, so a file that escaped
    # its folder would be seen by assert_nothing_written_outside
    monkeypatch.setattr(tempfile, "tempdir", str(uploads))
    db = tmp_path / "archive.db"
    open_archive(db).close()
    with TestClient(create_app(db, token=TOKEN)) as client:
        yield Box(tmp_path, db, client)


def bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def files(*named: tuple[str, bytes]) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (name, data, "text/plain")) for name, data in named]


def assert_refused(r: Any, status: int, code: str) -> None:
    assert r.status_code == status, r.text
    assert r.json() == {"error": {"status": status, "code": code, "message": r.json()["error"]["message"]}}


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"authorization": ""},
        {"authorization": "Bearer "},
        {"authorization": f"Basic {TOKEN}"},
        {"authorization": "Bearer   "},
    ],
    ids=["none", "empty", "bearer-empty", "basic", "bearer-spaces"],
)
def test_api_upload_without_a_token_is_401(box: Box, headers: dict[str, str]) -> None:
    r = box.client.post("/api/ingest", headers=headers, files=files(("p.txt", UPLOAD)))
    assert_refused(r, 401, "unauthorized")
    assert box.pages() == 0


@pytest.mark.parametrize("token", ["wrong", TOKEN[:-1], TOKEN + "x", TOKEN.upper(), " " + TOKEN + "x"])
def test_api_upload_with_a_wrong_token_is_403(box: Box, token: str) -> None:
    r = box.client.post("/api/ingest", headers=bearer(token), files=files(("p.txt", UPLOAD)))
    assert_refused(r, 403, "forbidden")
    assert box.pages() == 0


def test_form_upload_with_a_wrong_token_is_403(box: Box) -> None:
    csrf = box.form()
    r = box.client.post("/ingest", data={"token": "wrong", "csrf": csrf}, files=files(("p.txt", UPLOAD)))
    assert_refused(r, 403, "forbidden")
    page = box.client.post(
        "/ingest", data={"token": "wrong", "csrf": csrf}, files=files(("p.txt", UPLOAD)), headers=HTML
    )
    assert page.status_code == 403 and "<h1>403 · forbidden</h1>" in page.text
    assert box.pages() == 0


@pytest.mark.parametrize("data", [{}, {"token": ""}], ids=["no-field", "empty"])
def test_form_upload_without_a_token_is_refused(box: Box, data: dict[str, str]) -> None:
    r = box.client.post("/ingest", data={**data, "csrf": box.form()}, files=files(("p.txt", UPLOAD)))
    assert 400 <= r.status_code < 500 and r.json()["error"]["status"] == r.status_code
    assert box.pages() == 0


@pytest.mark.parametrize("data", [{}, {"token": ""}], ids=["no-field", "empty"])
def test_form_upload_without_a_token_is_401(box: Box, data: dict[str, str]) -> None:
    r = box.client.post("/ingest", data={**data, "csrf": box.form()}, files=files(("p.txt", UPLOAD)))
    assert_refused(r, 401, "unauthorized")


def test_the_form_sets_a_fresh_strict_http_only_csrf_cookie(box: Box) -> None:
    r = box.client.get("/ingest")
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("fangzhi_csrf=")
    attrs = {a.strip().split("=")[0].lower() for a in cookie.split(";")[1:]}
    assert {"httponly", "samesite", "path"} <= attrs and "samesite=strict" in cookie.lower()
    first = box.form()
    assert box.form() != first  # a new one each time the form is opened


def test_form_upload_without_the_csrf_cookie_is_403(box: Box) -> None:
    csrf = box.form()
    box.client.cookies.clear()
    r = box.client.post("/ingest", data={"token": TOKEN, "csrf": csrf}, files=files(("p.txt", UPLOAD)))
    assert_refused(r, 403, "forbidden")
    assert box.pages() == 0


@pytest.mark.parametrize("mismatch", ["other", "longer", "shorter", "case", "an-older-form"])
def test_form_upload_with_a_mismatched_csrf_field_is_403(box: Box, mismatch: str) -> None:
    older = box.form()
    csrf = box.form()  # the cookie now holds this one
    wrong = {
        "other": "x" * len(csrf),
        "longer": csrf + "x",
        "shorter": csrf[:-1],
        "case": csrf.swapcase(),
        "an-older-form": older,
    }[mismatch]
    assert wrong != csrf
    r = box.client.post("/ingest", data={"token": TOKEN, "csrf": wrong}, files=files(("p.txt", UPLOAD)))
    assert_refused(r, 403, "forbidden")
    assert box.pages() == 0


@pytest.mark.parametrize("data", [{}, {"csrf": ""}], ids=["no-field", "empty"])
def test_form_upload_without_a_csrf_field_is_refused(box: Box, data: dict[str, str]) -> None:
    box.form()
    r = box.client.post("/ingest", data={"token": TOKEN, **data}, files=files(("p.txt", UPLOAD)))
    assert r.status_code in (403, 422) and r.json()["error"]["status"] == r.status_code
    assert box.pages() == 0


BAD_NAMES = [
    "../../etc/passwd.txt",
    "..\\x.txt",
    "/abs/path.txt",
    "a/b.txt",
    "../x.txt",
    "..",
    "a\\..\\..\\b.txt",
    "./x.txt",
    "x.txt\x00.md",
    '"><img src=x onerror=alert(1)>.txt',
]


@pytest.mark.parametrize("name", BAD_NAMES)
@pytest.mark.parametrize("route", ["api", "form"])
def test_a_file_name_that_is_a_path_is_refused(box: Box, name: str, route: str) -> None:
    upload = files(("page-01.txt", UPLOAD), (name, UPLOAD))  # a good file first: nothing of the batch is kept
    if route == "api":
        r = box.client.post("/api/ingest", headers=bearer(TOKEN), files=upload)
    else:
        r = box.client.post("/ingest", data={"token": TOKEN, "csrf": box.form()}, files=upload)
    assert_refused(r, 400, "bad_request")
    assert box.pages() == 0
    box.assert_nothing_written_outside()


def test_a_refused_file_name_is_shown_escaped(box: Box) -> None:
    r = box.client.post(
        "/ingest",
        data={"token": TOKEN, "csrf": box.form()},
        files=files((IMG + ".txt", UPLOAD)),
        headers=HTML,
    )
    assert r.status_code == 400 and "<h1>400 · bad_request</h1>" in r.text
    assert_no_raw_markup(r.text)
    assert "&lt;img src=x onerror=alert(1)&gt;" in r.text


@pytest.mark.parametrize("route", ["api", "form"])
def test_an_oversized_upload_is_413(box: Box, route: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "MAX_UPLOAD_BYTES", len(UPLOAD) - 1)
    upload = files(("small.txt", UPLOAD[:50]), ("big.txt", UPLOAD))
    if route == "api":
        r = box.client.post("/api/ingest", headers=bearer(TOKEN), files=upload)
    else:
        r = box.client.post("/ingest", data={"token": TOKEN, "csrf": box.form()}, files=upload)
    assert_refused(r, 413, "too_large")
    assert "big.txt" in r.json()["error"]["message"]
    assert box.pages() == 0
    box.assert_nothing_written_outside()


def test_an_upload_of_exactly_the_limit_is_taken(box: Box, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "MAX_UPLOAD_BYTES", len(UPLOAD))
    r = box.client.post("/api/ingest", headers=bearer(TOKEN), files=files(("p.txt", UPLOAD)))
    assert r.status_code == 200, r.text
    assert box.pages() == 1


def test_too_many_files_at_once_is_413(box: Box, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(views, "MAX_UPLOAD_FILES", 2)
    many = files(*((f"p{i}.txt", UPLOAD) for i in range(3)))
    assert_refused(box.client.post("/api/ingest", headers=bearer(TOKEN), files=many), 413, "too_large")
    assert box.pages() == 0


def test_an_upload_with_the_token_adds_the_page_once(box: Box) -> None:
    r = box.client.post("/api/ingest", headers=bearer(TOKEN), files=files(("page-01.txt", UPLOAD)))
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["summary"] == {
        "new": 1,
        "unchanged": 0,
        "replaced": 0,
        "failed": 0,
        "articles": 1,
        "persons": 1,
        "events": 1,
    }
    (result,) = data["files"]
    assert (result["file"], result["status"], result["error"]) == ("page-01.txt", "new", None)
    found = box.client.get("/api/search", params={"q": "森林防火"}).json()
    assert found["total"] == 1 and found["hits"][0]["headline"] == "全市森林防火工作会议召开"
    page = box.client.get(f"/api/pages/{result['page_id']}").json()
    assert page["raw_text"] == UPLOAD.decode()
    again = box.client.post("/api/ingest", headers=bearer(TOKEN), files=files(("page-01.txt", UPLOAD))).json()
    assert (again["summary"]["new"], again["summary"]["unchanged"]) == (0, 1)
    assert again["files"][0]["status"] == "unchanged" and again["files"][0]["page_id"] == result["page_id"]
    assert box.client.get("/api/search", params={"q": "森林防火"}).json()["total"] == 1
    assert box.pages() == 1
    box.assert_nothing_written_outside()


def test_a_form_upload_with_token_and_csrf_adds_the_page_once(box: Box) -> None:
    csrf = box.form()
    r = box.client.post("/ingest", data={"token": TOKEN, "csrf": csrf}, files=files(("page-01.txt", UPLOAD)))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "新增 1 · 未变 0" in r.text and "page-01.txt — new" in r.text
    assert box.client.get("/api/search", params={"q": "森林防火"}).json()["total"] == 1
    again = box.client.post(
        "/ingest", data={"token": TOKEN, "csrf": box.form()}, files=files(("page-01.txt", UPLOAD))
    )
    assert (
        again.status_code == 200
        and "新增 0 · 未变 1" in again.text
        and "page-01.txt — unchanged" in again.text
    )
    assert box.pages() == 1
    box.assert_nothing_written_outside()


def test_the_archive_token_is_kept_beside_it_readable_by_its_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FANGZHI_TOKEN", raising=False)
    db = tmp_path / "archive.db"
    open_archive(db).close()
    with TestClient(create_app(db)) as client:
        kept = tmp_path / "archive.db.token"
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600
        token = kept.read_text(encoding="utf-8").strip()
        assert len(token) >= 24
        r = client.post("/api/ingest", headers=bearer(token), files=files(("p.txt", UPLOAD)))
        assert r.status_code == 200
    with TestClient(create_app(db)) as client:  # the same token on the next start
        assert client.app.state.token == token  # type: ignore[attr-defined]
    monkeypatch.setenv("FANGZHI_TOKEN", "from-the-environment")
    with TestClient(create_app(db)) as client:
        r = client.post("/api/ingest", headers=bearer(token), files=files(("p.txt", UPLOAD)))
        assert_refused(r, 403, "forbidden")


def _post_counting_reads(app: Any, path: str, headers: list[tuple[bytes, bytes]]) -> tuple[int, int]:
    """POST a 64 MiB body straight through the ASGI app: (status, body chunks the app read)."""
    import asyncio

    reads = 0
    chunk = b"x" * (1 << 20)
    messages: list[dict[str, Any]] = []

    head = b'--x\r\nContent-Disposition: form-data; name="files"; filename="p.txt"\r\n\r\n'

    async def receive() -> dict[str, Any]:
        nonlocal reads
        reads += 1
        body = head + chunk[len(head) :] if reads == 1 else chunk  # one file part, still streaming
        return {"type": "http.request", "body": body, "more_body": reads < 64}

    async def send(message: dict[str, Any]) -> None:
        messages.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": [(b"content-type", b"multipart/form-data; boundary=x"), *headers],
        "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip
    asyncio.run(app(scope, receive, send))
    start = next(m for m in messages if m["type"] == "http.response.start")
    return start["status"], reads


def test_an_upload_without_its_token_is_refused_before_its_body_is_read(tmp_path: Path) -> None:
    from fangzhi.web.app import create_app

    app = create_app(tmp_path / "a.db", token="the-token")
    assert _post_counting_reads(app, "/api/ingest", []) == (401, 0)
    assert _post_counting_reads(app, "/api/ingest", [(b"authorization", b"Bearer wrong")]) == (403, 0)
    assert _post_counting_reads(app, "/ingest", []) == (403, 0)  # no form cookie: no form of ours
    status, reads = _post_counting_reads(app, "/api/ingest", [(b"authorization", b"Bearer the-token")])
    assert reads > 0 and status != 401  # with the token, the body is read (and judged on its own)


def test_an_upload_longer_than_any_allowed_is_refused_from_its_length_alone(tmp_path: Path) -> None:
    from fangzhi.web.app import create_app
    from fangzhi.web.plumbing import MAX_UPLOAD_BODY

    app = create_app(tmp_path / "a.db", token="the-token")
    too_long = [
        (b"authorization", b"Bearer the-token"),
        (b"content-length", str(MAX_UPLOAD_BODY + 1).encode()),
    ]
    assert _post_counting_reads(app, "/api/ingest", too_long) == (413, 0)


def test_an_upload_being_parsed_does_not_hold_up_other_readers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio
    import threading

    import httpx

    from fangzhi.archive import Archive
    from fangzhi.web.app import create_app

    db = tmp_path / "a.db"
    page = tmp_path / "p.txt"
    page.write_text("# 标题\n\n本报讯 2023年5月1日，市委书记某某某主持会议。\n", encoding="utf-8")
    from fangzhi import open_archive

    with open_archive(db) as a:
        a.ingest([page])
    parsing, release = threading.Event(), threading.Event()
    real = Archive.ingest

    def slow_ingest(self: Archive, *args: Any, **kw: Any) -> Any:
        parsing.set()
        assert release.wait(30)  # a long parse, held until the other reader has been answered
        return real(self, *args, **kw)

    monkeypatch.setattr(Archive, "ingest", slow_ingest)
    app = create_app(db, token="t")

    async def run() -> tuple[int, int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://x") as c:
            upload = asyncio.create_task(
                c.post("/api/ingest", headers={"Authorization": "Bearer t"}, files={"files": ("q.txt", b"x")})
            )
            while not parsing.is_set():
                await asyncio.sleep(0.01)
            other = await c.get("/api/search", params={"q": "主持"})  # answered while the parse waits
            release.set()
            return other.status_code, (await upload).status_code

    assert asyncio.run(run()) == (200, 200)


def test_an_upload_streaming_past_the_cap_is_cut_off_with_413(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fangzhi.web.plumbing as plumbing
    from fangzhi.web.app import create_app

    monkeypatch.setattr(plumbing, "MAX_UPLOAD_BODY", 4 * 2**20)
    app = create_app(tmp_path / "a.db", token="the-token")
    status, reads = _post_counting_reads(app, "/api/ingest", [(b"authorization", b"Bearer the-token")])
    assert status == 413 and reads == 5  # four chunks within the cap, the fifth crosses it: no more


def test_the_openapi_document_declares_the_bearer_scheme_for_uploads(tmp_path: Path) -> None:
    from fangzhi.web.app import create_app

    doc = create_app(tmp_path / "a.db", token="t").openapi()
    (name,) = doc["components"]["securitySchemes"]
    assert doc["components"]["securitySchemes"][name] | {"description": ""} == {
        "type": "http",
        "scheme": "bearer",
        "description": "",
    }
    assert doc["paths"]["/api/ingest"]["post"]["security"] == [{name: []}]
