"""The API documents what it answers: every /api/ operation declares a typed 200 response in
OpenAPI (its JSON a schema with properties, typed down to every row; a file a string), and the
real answers over the sample pages hold to the schema a client reads from /openapi.json.

The archive is the sample pages, one of their stories reprinted by another paper (so the
reprint endpoints have something to show), and the hand-written pages of tests/archive_pages.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient

from fangzhi import open_archive
from fangzhi.answers import StoredArticle
from fangzhi.settings import Settings
from fangzhi.web.app import create_app
from tests.archive_pages import write_pages
from tests.conftest import seed_pages

TOKEN = "token-for-the-model-tests"
JSON = "application/json"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("models")
    db = root / "archive.db"
    with open_archive(db) as archive:
        assert archive.ingest([*seed_pages(), write_pages(root / "pages")]).failed == 0
        if seed_pages():
            from tests.test_reprints import COPY_PAPER, reprinted_page

            copy = root / "copy" / "copy.txt"
            copy.parent.mkdir()
            copy.write_text(reprinted_page(), encoding="utf-8")
            settings = Settings(publication=COPY_PAPER, issue_date=date(2023, 11, 18))
            assert archive.ingest([copy], settings).failed == 0
    return db


@pytest.fixture(scope="module")
def app(db: Path) -> FastAPI:
    return create_app(db, token=TOKEN)


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def doc(client: TestClient) -> dict[str, Any]:
    data: dict[str, Any] = client.get("/openapi.json").json()
    return data


@pytest.fixture(scope="module")
def schema(app: FastAPI) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def _resolve(node: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = doc["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _untyped(node: Any, doc: dict[str, Any], where: str, seen: set[str]) -> list[str]:
    """Places under `node` whose shape the schema leaves open: an object with neither properties
    nor typed values, an array of anything, a value of any type."""
    if not isinstance(node, dict):
        return []
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[1]
        if name in seen:
            return []
        seen.add(name)
        return _untyped(_resolve(node, doc), doc, name, seen)
    found: list[str] = []
    if not ({"type", "anyOf", "allOf", "oneOf", "prefixItems"} & set(node)):
        found.append(where)
    if node.get("type") == "object" and not node.get("properties"):
        values = node.get("additionalProperties")
        if not isinstance(values, dict) or not values:
            found.append(where)
    if node.get("type") == "array" and not node.get("items") and not node.get("prefixItems"):
        found.append(where)
    for key in ("properties",):
        for name, sub in node.get(key, {}).items():
            found += _untyped(sub, doc, f"{where}.{name}", seen)
    for key in ("items", "additionalProperties"):
        found += _untyped(node.get(key), doc, f"{where}[]", seen)
    for key in ("anyOf", "allOf", "oneOf", "prefixItems"):
        for sub in node.get(key, []):
            found += _untyped(sub, doc, where, seen)
    return found


def _operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, ops in doc["paths"].items():
        for method, op in ops.items():
            if path.startswith("/api/"):
                yield path, method, op


def test_every_api_operation_declares_a_typed_200_response(doc: dict[str, Any]) -> None:
    operations = list(_operations(doc))
    assert len(operations) >= 16  # every route of the API, none of the HTML pages
    for path, method, op in operations:
        content = op["responses"]["200"]["content"]
        if JSON in content:  # a record: an object with its properties
            body = _resolve(content[JSON]["schema"], doc)
            assert body.get("type") == "object" and body.get("properties"), (path, method)
        else:  # only a file (the scan of a page)
            assert content and all(
                c["schema"] == {"type": "string", "format": "binary"} for c in content.values()
            )
        for media, c in content.items():  # the other formats an endpoint offers are files too
            if media != JSON:
                assert c["schema"].get("type") == "string", (path, media)


def test_every_json_answer_is_typed_down_to_its_rows(doc: dict[str, Any]) -> None:
    for path, method, op in _operations(doc):
        content = op["responses"]["200"]["content"]
        if JSON in content:
            assert _untyped(content[JSON]["schema"], doc, path, set()) == [], (path, method)


def _conforms(
    client: TestClient, schema: Any, template: str, url: str, method: str = "GET", **kw: Any
) -> Any:
    r = client.request(method, url, **kw)
    assert r.status_code == 200, (url, r.text[:300])
    schema[template][method].validate_response(r)  # raises, naming the field, when it does not
    return r.json() if r.headers["content-type"] == JSON else r


def _all(client: TestClient, url: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get(url).json()["items"]
    return items


def test_the_collection_papers_and_issues_answer_as_declared(client: TestClient, schema: Any) -> None:
    collection = _conforms(client, schema, "/api/collection", "/api/collection")
    for paper in collection["papers"]:
        name = quote(paper["publication"])
        found = _conforms(client, schema, "/api/papers/{publication}", f"/api/papers/{name}")
        for row in found["issues"]:
            day = row["date"] or "日期不详"
            _conforms(client, schema, "/api/issues/{publication}/{day}", f"/api/issues/{name}/{day}")


@pytest.mark.parametrize(
    "query",
    [
        "q=防汛",
        "q=会议&sort=date&limit=100",
        "q=工作 -安全&kind=news",
        "q=衡阳&from=2023-05&to=2023-12",
        "q=没有的词语",
    ],
)
def test_search_answers_as_declared(client: TestClient, schema: Any, query: str) -> None:
    _conforms(client, schema, "/api/search", f"/api/search?{query}")


def test_every_article_and_its_page_answer_as_declared(client: TestClient, schema: Any) -> None:
    listed = _conforms(client, schema, "/api/articles", "/api/articles?limit=200")
    pages = set()
    for item in listed["items"]:
        a = _conforms(client, schema, "/api/articles/{article_id}", f"/api/articles/{quote(item['id'])}")
        pages.add(a["page_id"])
    for page_id in sorted(pages):
        _conforms(client, schema, "/api/pages/{page_id}", f"/api/pages/{quote(page_id)}")


def test_every_person_answers_as_declared(client: TestClient, schema: Any) -> None:
    _conforms(client, schema, "/api/persons", "/api/persons?post=市长&limit=5")
    for p in _conforms(client, schema, "/api/persons", "/api/persons?limit=500")["items"]:
        _conforms(client, schema, "/api/persons/{key}", f"/api/persons/{quote(p['key'])}")


@pytest.mark.parametrize(
    ("template", "url"),
    [
        ("/api/events", "/api/events?limit=1000"),
        ("/api/events", "/api/events?type=meeting&from=2023-01"),
        ("/api/chronicle", "/api/chronicle"),
        ("/api/chronicle", "/api/chronicle?format=md"),
        ("/api/chronicle", "/api/chronicle?format=csv"),
        ("/api/chronicle", "/api/chronicle?format=docx"),
        ("/api/trends", "/api/trends"),
        ("/api/trends", "/api/trends?terms=防汛,安全生产"),
        ("/api/network", "/api/network"),
        ("/api/network", "/api/network?person=朱健&min_weight=2&top=5"),
        ("/api/network", "/api/network?format=gexf"),
        ("/api/reprints", "/api/reprints"),
    ],
)
def test_events_charts_and_reprints_answer_as_declared(
    client: TestClient, schema: Any, template: str, url: str
) -> None:
    _conforms(client, schema, template, url)


def test_an_upload_answers_as_declared(schema: Any, tmp_path: Path) -> None:
    files = [
        (
            "files",
            (
                "new-page.txt",
                "# 某县召开会议\n\n某县报讯 2023年3月1日，某县召开会议。\n".encode(),
                "text/plain",
            ),
        ),
        ("files", ("empty.txt", b"", "text/plain")),  # refused: a failed file has its reason
    ]
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(
        create_app(tmp_path / "upload.db", token=TOKEN)
    ) as client:  # the shared archive stays as it is
        found = _conforms(client, schema, "/api/ingest", "/api/ingest", "POST", files=files, headers=headers)
    assert [f["status"] for f in found["files"]] == ["new", "failed"]


def test_every_api_operation_declares_the_one_shape_of_its_refusals(doc: dict[str, Any]) -> None:
    for path, method, op in _operations(doc):
        for status in ("4XX", "5XX"):
            (body,) = op["responses"][status]["content"].values()
            assert body["schema"] == {"$ref": "#/components/schemas/ErrorAnswer"}, (path, method, status)
    assert "HTTPValidationError" not in doc["components"]["schemas"]  # FastAPI's own, never sent


@pytest.mark.parametrize(
    ("template", "url", "status"),
    [
        ("/api/persons/{key}", "/api/persons/没有此人", 404),
        ("/api/articles/{article_id}", "/api/articles/no-such-article", 404),
        ("/api/issues/{publication}/{day}", "/api/issues/某市日报/昨天", 422),
        ("/api/search", "/api/search?q=-", 400),
        ("/api/events", "/api/events?limit=0", 422),
    ],
)
def test_refusals_answer_as_declared(
    client: TestClient, schema: Any, template: str, url: str, status: int
) -> None:
    r = client.get(url)
    assert r.status_code == status, r.text
    schema[template]["GET"].validate_response(r)


def test_an_upload_with_a_wrong_token_is_refused_as_declared(client: TestClient, schema: Any) -> None:
    r = client.post(
        "/api/ingest", headers={"Authorization": "Bearer wrong"}
    )  # refused before its body is read
    assert r.status_code == 403, r.text
    schema["/api/ingest"]["POST"].validate_response(r)


def test_the_declared_article_holds_every_column_the_archive_keeps(db: Path) -> None:
    """A column a later migration adds to articles is declared too, not dropped from the answer."""
    with open_archive(db) as archive:
        (article_id,) = archive.conn.execute("SELECT id FROM articles LIMIT 1").fetchone()
        stored = archive.article(article_id)
    assert stored is not None and set(stored) == set(StoredArticle.__annotations__)


def test_the_article_answer_drops_no_key_of_its_events_or_slogans(db: Path, client: TestClient) -> None:
    import sqlite3

    from fangzhi import query

    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    aid = conn.execute(
        "SELECT e.article_id FROM events e JOIN slogans s ON s.article_id = e.article_id LIMIT 1"
    ).fetchone()[0]
    stored = query.article(conn, aid)
    conn.close()
    assert stored is not None
    answer = client.get(f"/api/articles/{aid}").json()
    assert set(answer["events"][0]) == set(stored["events"][0])
    assert set(answer["slogans"][0]) == set(stored["slogans"][0])
    for key, rows in stored.items():  # every other list of rows the article holds, too
        if isinstance(rows, list) and rows and isinstance(rows[0], dict):
            assert set(answer[key][0]) == set(rows[0]), key
