"""A page's number in its issue (版次): read from its page header or its file name, stored with
the page (migration 16, which fills it in for pages stored before), and cited by the chronicle
after the issue's date: 《某市日报》2023年5月11日 第3版, or A3版; nothing when it is not known."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fangzhi import browse, open_archive
from fangzhi.chronicle import source
from fangzhi.pipeline import parse_text
from fangzhi.query import ChronicleEntry
from fangzhi.read.folio import folio_label, folio_of, name_folio

REPORT = (
    "# 全市安全生产工作会议召开\n\n某市日报讯（记者 甲某）2023年5月11日，全市安全生产工作会议召开。"
    "市长朱健主持会议并讲话。副市长黄立参加会议。\n"
)


def page(header: str) -> str:
    return f"{header}\n\n{REPORT}"


@pytest.mark.parametrize(
    ("line", "folio"),
    [
        ("第3版", "3"),
        ("第 A3 版", "A3"),
        ("第三版", "3"),
        ("第十二版", "12"),
        ("A3版", "A3"),
        ("03版", "3"),
        ("03 要闻", "3"),
        ("A3：综合", "A3"),
        ("某市日报 A03", "A3"),
        ("要闻 03", "3"),
        ("2023年5月11日 星期四 第3版", "3"),
        ("某市日报 2023年5月11日 星期四 要闻 2版", "2"),
    ],
)
def test_a_header_line_gives_the_page_number(line: str, folio: str) -> None:
    assert folio_of(line) == folio


@pytest.mark.parametrize(
    "line",
    ["某市日报", "2023年5月11日 星期四", "要闻", "2023年5月11日 星期四 今日16版", "第0版", "本版责编 某某"],
)
def test_a_header_line_without_a_page_number_gives_none(line: str) -> None:
    assert folio_of(line) is None


@pytest.mark.parametrize(
    ("name", "folio"),
    [
        ("msrb-20230511-02.txt", "2"),
        ("2023_05_11_A3.txt", "A3"),
        ("msrb-2023-05-11-A03.txt", "A3"),
        ("msrb-20230511-p3.txt", "3"),
        ("某市日报20230511第3版.txt", "3"),
        ("msrb-20230511.txt", None),
        ("p1.txt", None),  # a number with no issue date before it names no page of an issue
        ("001_7ef2a64ad5261223.txt", None),
    ],
)
def test_a_file_name_gives_the_page_number_after_the_issue_date(name: str, folio: str | None) -> None:
    assert name_folio(name) == folio


def test_a_page_takes_its_number_from_its_header() -> None:
    parsed = parse_text(page("某市日报 2023年5月11日 星期四 第3版"), "msrb-20230511-07.txt")
    assert parsed.folio == "3" and parsed.page.folio == "3"


def test_a_page_whose_header_gives_none_takes_its_file_names() -> None:
    parsed = parse_text(page("某市日报 2023年5月11日 星期四"), "msrb-20230511-A07.txt")
    assert parsed.page.folio is None and parsed.folio == "A7"


def test_a_page_with_no_number_anywhere_has_none() -> None:
    assert parse_text(page("某市日报 2023年5月11日 星期四"), "p1.txt").folio is None


def _entry(folio: str | None, issue: str | None = "2023-05-11", inferred: bool = False) -> ChronicleEntry:
    return ChronicleEntry(
        "2023-05-11",
        "meeting",
        "全市安全生产工作会议",
        ("朱健",),
        None,
        "a",
        None,
        None,
        "某市日报",
        issue,
        inferred,
        folio,
    )


@pytest.mark.parametrize(
    ("folio", "cited"),
    [
        ("3", "《某市日报》2023年5月11日 第3版"),
        ("A3", "《某市日报》2023年5月11日 A3版"),
        (None, "《某市日报》2023年5月11日"),
    ],
)
def test_the_chronicle_cites_the_page_when_it_is_known(folio: str | None, cited: str) -> None:
    assert source(_entry(folio)) == cited


def test_the_page_follows_an_inferred_issue_date() -> None:
    assert source(_entry("3", inferred=True)) == "《某市日报》2023年5月11日（推定） 第3版"


def test_a_page_label_keeps_a_section_letter() -> None:
    assert (folio_label("12"), folio_label("B2")) == ("第12版", "B2版")


def _ingest(tmp_path: Path, name: str, header: str) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / name).write_text(page(header), encoding="utf-8")
    db = tmp_path / "a.db"
    with open_archive(db) as archive:
        assert archive.ingest([folder]).failed == 0
    return db


def test_the_archive_keeps_the_page_number_and_the_chronicle_cites_it(tmp_path: Path) -> None:
    db = _ingest(tmp_path, "msrb.txt", "某市日报 2023年5月11日 星期四 第3版")
    with open_archive(db) as archive:
        assert [r[0] for r in archive.conn.execute("SELECT folio FROM pages")] == ["3"]
        (entry,) = archive.chronicle()
    assert entry.folio == "3" and source(entry) == "《某市日报》2023年5月11日 第3版"


def test_migration_16_numbers_the_pages_stored_before_it(tmp_path: Path) -> None:
    db = _ingest(tmp_path, "msrb-20230511-A07.txt", "某市日报 2023年5月11日 星期四 第3版")
    conn = sqlite3.connect(db, isolation_level=None)  # the archive as fangzhi left it before migration 16
    conn.execute("ALTER TABLE pages DROP COLUMN folio")
    conn.execute("DELETE FROM schema_migrations WHERE version = 16")
    conn.execute(  # a second page, stored with no header: its file name alone numbers it
        "INSERT INTO pages SELECT 'second', path, 'msrb-20230511-B2.txt', publication, issue_date, sha256, "
        "parser_version, encoding, raw_text, ingested_at, reading FROM pages"
    )
    conn.close()
    with open_archive(db) as archive:
        rows = {r[0]: r[1] for r in archive.conn.execute("SELECT id, folio FROM pages")}
    assert rows.pop("second") == "B2" and list(rows.values()) == ["3"]


def test_an_issue_lists_its_pages_in_printed_order(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, number in (("a.txt", "第10版"), ("b.txt", ""), ("c.txt", "第2版"), ("d.txt", "第3版")):
        (folder / name).write_text(page(f"某市日报 2023年5月11日 星期四 {number}".strip()), encoding="utf-8")
    with open_archive(tmp_path / "a.db") as archive:
        assert archive.ingest([folder]).failed == 0
        found = browse.issue(archive.conn, "某市日报", "2023-05-11")
    assert found is not None
    assert [(p.name, p.folio) for p in found.pages] == [
        ("c.txt", "2"),
        ("d.txt", "3"),
        ("a.txt", "10"),
        ("b.txt", None),
    ]


def test_the_issue_page_heads_each_page_with_its_number(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from fangzhi.web.app import create_app

    db = _ingest(tmp_path, "msrb.txt", "某市日报 2023年5月11日 星期四 A3版")
    with TestClient(create_app(db, token="t")) as client:
        html = client.get("/issue/某市日报/2023-05-11", headers={"accept": "text/html"}).text
        (listed,) = client.get("/api/issues/某市日报/2023-05-11").json()["pages"]
    assert "<h2>A3版 · msrb.txt</h2>" in html and listed["folio"] == "A3"


def test_the_pages_table_exports_the_page_number(tmp_path: Path) -> None:
    from fangzhi.tables import export_rows

    db = _ingest(tmp_path, "msrb.txt", "某市日报 2023年5月11日 星期四 第3版")
    with open_archive(db) as archive:
        columns, rows = export_rows(archive.conn, "pages")
        assert "folio" in columns and [r["folio"] for r in rows] == ["3"]
