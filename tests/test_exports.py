"""Tables out of the archive as JSONL, CSV and Parquet: every row comes back as it went out."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from fangzhi import open_archive
from fangzhi.tables import COLUMNS, FORMATS, TABLES, export_rows, read_export, write_export
from tests.conftest import SEEDS, needs_shared

NAMED = ("articles", "persons", "posts", "events")


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    with open_archive(tmp_path_factory.mktemp("exports") / "t.db") as a:
        a.ingest([SEEDS])
        yield a.conn


def rows_of(conn: sqlite3.Connection, what: str) -> list[dict[str, object]]:
    return list(export_rows(conn, what)[1])


@needs_shared
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("what", NAMED)
def test_round_trip(conn: sqlite3.Connection, tmp_path: Path, what: str, fmt: str) -> None:
    path = tmp_path / f"{what}.{fmt}"
    n = write_export(conn, what, fmt, path)
    back = read_export(path, fmt)
    assert n == len(back) > 0
    assert back == rows_of(conn, what)
    assert all(list(row) == list(COLUMNS[what]) for row in back)


@needs_shared
def test_every_table_round_trips_in_every_format(conn: sqlite3.Connection, tmp_path: Path) -> None:
    for what in TABLES:
        rows = rows_of(conn, what)
        for fmt in FORMATS:
            path = tmp_path / f"{what}.{fmt}"
            assert write_export(conn, what, fmt, path) == len(rows), (what, fmt)
            assert read_export(path, fmt) == rows, (what, fmt)


@needs_shared
def test_the_sql_gives_the_declared_columns(conn: sqlite3.Connection) -> None:
    for what in TABLES:
        columns, _ = export_rows(conn, what)
        assert columns == list(COLUMNS[what]), what


@needs_shared
def test_json_columns_are_decoded(conn: sqlite3.Connection) -> None:
    article = rows_of(conn, "articles")[0]
    assert isinstance(article["spans"], dict) and isinstance(article["complete"], bool)
    zhu = next(p for p in rows_of(conn, "persons") if p["key"] == "朱健")
    assert {"市长", "市委副书记"} <= set(zhu["posts"])  # type: ignore[arg-type]
    assert isinstance(zhu["articles"], int) and zhu["articles"] > 0
    posts = [p for p in rows_of(conn, "posts") if p["person_key"] == "朱健"]
    assert all(isinstance(p["evidence"], list) and len(p["evidence"]) == p["articles"] for p in posts)
    event = next(e for e in rows_of(conn, "events") if e["presided"])
    assert isinstance(event["presided"], list) and isinstance(event["spans"], list)


@needs_shared
def test_parquet_types(conn: sqlite3.Connection, tmp_path: Path) -> None:
    expect = {
        "articles": {
            "seq": pa.int64(),
            "complete": pa.bool_(),
            "headline": pa.string(),
            "spans": pa.string(),
        },
        "persons": {"id": pa.int64(), "articles": pa.int64(), "posts": pa.list_(pa.string())},
        "posts": {"articles": pa.int64(), "evidence": pa.list_(pa.string())},
        "events": {"id": pa.int64(), "presided": pa.list_(pa.string()), "attended": pa.list_(pa.string())},
        "figures": {"value": pa.float64()},
    }
    for what, types in expect.items():
        write_export(conn, what, "parquet", tmp_path / "t.parquet")
        schema = pq.read_schema(tmp_path / "t.parquet")
        assert schema.names == list(COLUMNS[what])
        for name, type_ in types.items():
            assert schema.field(name).type == type_, (what, name)
    assert schema.field("spans").metadata == {b"encoding": b"json"}


@needs_shared
def test_csv_is_utf8_with_a_bom_a_header_and_lists_joined_as_readers_write_them(
    conn: sqlite3.Connection, tmp_path: Path
) -> None:
    write_export(conn, "persons", "csv", tmp_path / "p.csv")
    raw = (tmp_path / "p.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on a Chinese Windows reads it as UTF-8
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == ",".join(COLUMNS["persons"])
    zhu = next(line for line in lines if ",朱健,朱健," in line)
    assert ",市委副书记、市长," in zhu or zhu.endswith(",市委副书记、市长")
    write_export(conn, "articles", "csv", tmp_path / "a.csv")
    assert ",true," in (tmp_path / "a.csv").read_text(encoding="utf-8")


@needs_shared
def test_jsonl_keeps_han_characters(conn: sqlite3.Connection) -> None:
    out = io.StringIO()
    n = write_export(conn, "persons", "jsonl", out)
    lines = out.getvalue().splitlines()
    assert len(lines) == n and '"name": "朱健"' in out.getvalue()
    assert all(isinstance(json.loads(line), dict) for line in lines)


@needs_shared
def test_csv_to_a_stream(conn: sqlite3.Connection) -> None:
    out = io.StringIO()
    n = write_export(conn, "events", "csv", out)
    assert len(out.getvalue().splitlines()) == n + 1  # no newline inside an event's cells


@needs_shared
def test_pages_leave_out_the_raw_text_unless_asked(conn: sqlite3.Connection) -> None:
    columns, rows = export_rows(conn, "pages")
    assert "raw_text" not in columns and all("raw_text" not in r for r in rows)
    columns, rows = export_rows(conn, "pages", raw_text=True)
    assert columns[-1] == "raw_text" and all(r["raw_text"] for r in rows)


@needs_shared
def test_csv_with_the_table_named(conn: sqlite3.Connection, tmp_path: Path) -> None:
    write_export(conn, "slogans", "csv", tmp_path / "s.csv")
    assert read_export(tmp_path / "s.csv", "csv", what="slogans") == rows_of(conn, "slogans")


def test_an_empty_table_keeps_its_schema(tmp_path: Path) -> None:
    with open_archive(tmp_path / "empty.db") as a:
        for fmt in FORMATS:
            assert write_export(a.conn, "problems", fmt, tmp_path / f"p.{fmt}") == 0
            assert read_export(tmp_path / f"p.{fmt}", fmt) == []
    assert pq.read_schema(tmp_path / "p.parquet").names == list(COLUMNS["problems"])
    assert (tmp_path / "p.csv").read_text(encoding="utf-8-sig").strip() == ",".join(COLUMNS["problems"])


def test_unknown_names_are_clear_errors(tmp_path: Path) -> None:
    with open_archive(tmp_path / "empty.db") as a:
        with pytest.raises(ValueError, match=r"unknown table 'people'.*articles, pages"):
            write_export(a.conn, "people", "csv", tmp_path / "x.csv")
        with pytest.raises(ValueError, match="unknown table 'people'"):
            export_rows(a.conn, "people")
        with pytest.raises(ValueError, match=r"unknown format 'xlsx'.*jsonl, csv, parquet"):
            write_export(a.conn, "articles", "xlsx", tmp_path / "x.xlsx")
        with pytest.raises(ValueError, match="parquet is written to a path"):
            write_export(a.conn, "articles", "parquet", io.StringIO())
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        read_export(tmp_path / "x.xml", "xml")
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "x.xlsx").exists()


@needs_shared
def test_csv_without_a_bom_when_asked_and_lists_read_back(conn: sqlite3.Connection, tmp_path: Path) -> None:
    write_export(conn, "persons", "csv", tmp_path / "p.csv", bom=False)
    assert not (tmp_path / "p.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    write_export(conn, "persons", "csv", tmp_path / "q.csv")
    back = {r["name"]: r["posts"] for r in read_export(tmp_path / "q.csv", "csv")}
    assert back["朱健"] == ["市委副书记", "市长"]
