"""fangzhi sql: DuckDB over the dataset or the archive gives what the Python API gives."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from fangzhi import open_archive, query
from fangzhi.archive import Archive
from fangzhi.cli import main
from fangzhi.dataset import TABLES, export_dataset
from fangzhi.settings import Settings
from fangzhi.sql import SqlError, check_read_only, run_sql
from tests.conftest import SEEDS
from tests.test_reprints import COPY_PAPER, reprinted_page

SOURCES = ("dataset", "db")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Archive, Path, Path]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    folder = tmp_path_factory.mktemp("sql")
    db = folder / "a.db"
    with open_archive(db) as a:
        a.ingest([SEEDS])
        # and one story of theirs reprinted by another paper: its event counts once
        copy = folder / "pages" / "copy.txt"
        copy.parent.mkdir()
        copy.write_text(reprinted_page(), encoding="utf-8")
        a.ingest([copy], Settings(publication=COPY_PAPER, issue_date=date(2023, 11, 18)))
        assert len(a.reprints()) == 1
        export_dataset(a.conn, folder / "ds")
        yield a, db, folder / "ds"


def ask(seeded: tuple[Archive, Path, Path], source: str, sql: str) -> list[tuple[Any, ...]]:
    archive, _, ds = seeded
    result = run_sql(sql, dataset=ds) if source == "dataset" else run_sql(sql, conn=archive.conn)
    return list(result.rows)


@pytest.mark.parametrize("source", SOURCES)
def test_events_presided_per_person_equal_the_person_pages(
    seeded: tuple[Archive, Path, Path], source: str
) -> None:
    archive = seeded[0]
    from_sql = dict(
        ask(
            seeded,
            source,
            "SELECT r.person_key, count(DISTINCT r.event_id) FROM roles r "
            "JOIN counted_events e ON e.id = r.event_id WHERE r.role = 'presided' "
            "AND r.person_key IS NOT NULL GROUP BY r.person_key",
        )
    )
    from_api: dict[str, int] = {}
    for (key,) in archive.conn.execute("SELECT key FROM persons"):
        for view in archive.person(key):
            n = sum(1 for e in view.events if e["role"] == "presided")
            if n:
                from_api[view.key] = n
    assert from_sql == from_api and sum(from_api.values()) >= 5


@pytest.mark.parametrize("source", SOURCES)
def test_events_per_day_equal_the_chronicle(seeded: tuple[Archive, Path, Path], source: str) -> None:
    all_events = ask(seeded, source, "SELECT count(*) FROM events WHERE date IS NOT NULL")[0][0]
    assert all_events == len(seeded[0].chronicle()) + 1  # the reprint's copy of its event
    from_sql = dict(
        ask(seeded, source, "SELECT date, count(*) FROM counted_events WHERE date IS NOT NULL GROUP BY date")
    )
    assert from_sql == dict(Counter(e.date for e in seeded[0].chronicle()))


@pytest.mark.parametrize("source", SOURCES)
def test_people_and_their_sightings_equal_the_people_list(
    seeded: tuple[Archive, Path, Path], source: str
) -> None:
    rows = ask(seeded, source, "SELECT key, articles, first_seen, last_seen FROM persons WHERE articles > 0")
    from_sql = {r[0]: r[1:] for r in rows}
    from_api = {
        p["key"]: (p["articles"], p["first_seen"], p["last_seen"]) for p in seeded[0].people(limit=10_000)
    }
    assert from_sql == from_api and len(from_api) > 20


@pytest.mark.parametrize("source", SOURCES)
def test_who_attends_the_meetings_a_person_chairs(seeded: tuple[Archive, Path, Path], source: str) -> None:
    archive = seeded[0]
    chair = "朱健"
    from_sql = {
        r[0]
        for r in ask(
            seeded,
            source,
            "SELECT DISTINCT a.name FROM roles a JOIN roles c ON c.event_id = a.event_id "
            f"WHERE c.role = 'presided' AND c.name = '{chair}' AND a.role = 'attended'",
        )
    }
    from_api: set[str] = set()
    for e in archive.chronicle():
        if chair in e.presided:
            for ev in query.article(archive.conn, e.article_id)["events"]:  # type: ignore[index]
                if chair in ev["presided"] and ev["date"] == e.date:
                    from_api.update(ev["attended"])
    assert from_sql == from_api and from_api


@pytest.mark.parametrize("source", SOURCES)
def test_slogans_per_month_equal_the_archive(seeded: tuple[Archive, Path, Path], source: str) -> None:
    from_sql = dict(
        ask(
            seeded,
            source,
            "SELECT substr(a.date, 1, 7) AS month, count(*) FROM slogans s JOIN articles a ON a.id = s.article_id "
            "WHERE a.date IS NOT NULL GROUP BY month",
        )
    )
    conn: sqlite3.Connection = seeded[0].conn
    from_archive = dict(
        conn.execute(
            "SELECT substr(a.date, 1, 7), count(*) FROM slogans s JOIN articles a ON a.id = s.article_id "
            "WHERE a.date IS NOT NULL GROUP BY 1"
        ).fetchall()
    )
    assert from_sql == from_archive and sum(from_archive.values()) > 0


def test_both_sources_show_the_same_tables_and_columns(seeded: tuple[Archive, Path, Path]) -> None:
    for table in (*TABLES, "counted_events"):
        cols = {
            source: [
                r[0] for r in ask(seeded, source, f"SELECT column_name FROM (DESCRIBE SELECT * FROM {table})")
            ]
            for source in SOURCES
        }
        assert cols["dataset"] == cols["db"], table
        counts = {source: ask(seeded, source, f"SELECT count(*) FROM {table}")[0][0] for source in SOURCES}
        assert counts["dataset"] == counts["db"] > 0, table


@pytest.mark.parametrize(
    "text",
    [
        "DELETE FROM articles",
        "CREATE TABLE x AS SELECT 1",
        "COPY (SELECT 1) TO 'out.csv'",
        "SELECT 1; DROP TABLE articles",
        "ATTACH 'other.db'",
        "INSTALL sqlite",
    ],
)
def test_anything_but_a_select_is_refused(text: str) -> None:
    with pytest.raises(SqlError, match=r"read-only|one query at a time"):
        check_read_only(text)


def test_the_cli_refuses_writes_and_reports_bad_queries_on_one_line(
    seeded: tuple[Archive, Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _, db, ds = seeded
    assert main(["sql", "DELETE FROM articles", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fangzhi sql: read-only") and err.count("\n") == 1
    assert main(["sql", "SELECT nope FROM articles", "--dataset", str(ds)]) == 2
    err = capsys.readouterr().err
    assert "nope" in err and err.count("\n") == 1 and "Traceback" not in err
    assert main(["sql", "SELECT 1", "--dataset", str(ds.parent / "missing")]) == 2
    assert "not a dataset" in capsys.readouterr().err
    with open_archive(db) as a:  # nothing was written
        assert a.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] > 0


def test_the_cli_writes_each_format(
    seeded: tuple[Archive, Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, db, ds = seeded
    q = "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type"
    assert main(["sql", q, "--dataset", str(ds), "--format", "json"]) == 0
    as_json = json.loads(capsys.readouterr().out)
    assert main(["sql", q, "--db", str(db), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "type,n" and lines[1:] == [f"{r['type']},{r['n']}" for r in as_json]
    assert main(["sql", q, "--dataset", str(ds)]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split() == ["type", "n"] and f"({len(as_json)} rows)" in table
    out = tmp_path / "r.parquet"
    assert main(["sql", q, "--dataset", str(ds), "--format", "parquet", "--out", str(out)]) == 0
    assert pq.read_table(out).to_pylist() == as_json
    assert main(["sql", q, "--dataset", str(ds), "--format", "parquet"]) == 2  # needs --out


def test_docs_name_every_table_and_column() -> None:
    from fangzhi.dataset import PARTITIONED, WHOLE

    doc = (Path(__file__).resolve().parent.parent / "docs" / "sql.md").read_text(encoding="utf-8")
    for table, (_, cols) in {**PARTITIONED, **WHOLE}.items():
        section = doc.split(f"### {table} (", 1)[1].split("\n### ", 1)[0]
        for column, _ in cols:
            assert f"| {column} |" in section, (table, column)
    assert "### counted_events" in doc
