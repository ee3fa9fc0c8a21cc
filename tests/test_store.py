"""The archive's store: migrations, idempotent ingest, replacement in one transaction, readers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fangzhi import Archive, open_archive
from fangzhi.store.schema import MIGRATIONS, schema_version
from tests.archive_pages import PAGES, write_pages


def content(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """What an archive holds, without row ids or ingest times: equal for equal content."""
    conn = sqlite3.connect(db)
    out = {
        "pages": conn.execute("SELECT id, sha256, raw_text FROM pages ORDER BY id").fetchall(),
        "articles": conn.execute(
            "SELECT id, kind, headline, date, body FROM articles ORDER BY id"
        ).fetchall(),
        "mentions": conn.execute(
            "SELECT article_id, name FROM mentions ORDER BY article_id, name"
        ).fetchall(),
        "posts": conn.execute(
            "SELECT name, title, first_seen, last_seen FROM posts_held ORDER BY name, title"
        ).fetchall(),
        "events": conn.execute(
            "SELECT article_id, seq, type, date FROM events ORDER BY article_id, seq"
        ).fetchall(),
        "fts": conn.execute(
            "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH '\"安全\"'"
        ).fetchall(),
    }
    conn.close()
    return out


def test_migrations_are_recorded_and_run_once(tmp_path: Path) -> None:
    with open_archive(tmp_path / "a.db") as a:
        assert schema_version(a.conn) == max(v for v, _, _ in MIGRATIONS)
    with open_archive(tmp_path / "a.db") as a:
        rows = a.conn.execute("SELECT version FROM schema_migrations").fetchall()
        assert [r[0] for r in rows] == [m[0] for m in MIGRATIONS]


def test_wal_mode(tmp_path: Path) -> None:
    with open_archive(tmp_path / "a.db") as a:
        assert a.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_ingesting_the_same_pages_twice_changes_nothing(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    with open_archive(tmp_path / "a.db") as a:
        first = a.ingest([pages])
        before = content(tmp_path / "a.db")
        second = a.ingest([pages])
    assert (first.new, second.new, second.unchanged) == (len(PAGES), 0, len(PAGES))
    assert content(tmp_path / "a.db") == before


def test_a_stored_unchanged_file_is_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = write_pages(tmp_path / "pages")
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages])
        before = content(tmp_path / "a.db")

        def no_parsing(*args: object, **kwargs: object) -> None:
            raise AssertionError("an unchanged page was parsed again")

        monkeypatch.setattr("fangzhi.pipeline.parse_page", no_parsing)
        again = a.ingest([pages])
    assert (again.unchanged, again.new, again.replaced, again.failed) == (len(PAGES), 0, 0, 0)
    assert content(tmp_path / "a.db") == before


def test_a_page_read_under_other_settings_is_read_again(tmp_path: Path) -> None:
    from fangzhi.settings import Settings

    pages = write_pages(tmp_path / "pages")
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages])
        converted = a.ingest([pages], Settings(t2s=True))
        same = a.ingest([pages], Settings(t2s=True))
    assert (converted.replaced, same.unchanged) == (len(PAGES), len(PAGES))


def read_once_more(a: Archive, pages: Path) -> tuple[int, int]:
    """Pages replaced by one ingest, then unchanged in the next."""
    first, second = a.ingest([pages]), a.ingest([pages])
    return first.replaced, second.unchanged


def test_a_page_stored_before_its_settings_were_kept_is_read_once_more(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages])
        a.conn.execute("UPDATE pages SET reading = NULL")  # as migration 7 leaves older pages
        assert read_once_more(a, pages) == (len(PAGES), len(PAGES))


def test_migration_7_brings_an_older_archive_forward(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages])
        a.conn.execute("DROP INDEX pages_content")
        a.conn.execute("ALTER TABLE pages DROP COLUMN reading")
        a.conn.execute("DELETE FROM schema_migrations WHERE version = 7")
    with open_archive(tmp_path / "a.db") as a:
        assert schema_version(a.conn) >= 7
        assert read_once_more(a, pages) == (len(PAGES), len(PAGES))


def test_a_changed_page_replaces_its_records(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages])
        (pages / "p1.txt").write_text(PAGES["p1.txt"].replace("副市长黄立", "副市长周志强"), encoding="utf-8")
        summary = a.ingest([pages])
        names = {r[0] for r in a.conn.execute("SELECT name FROM mentions WHERE article_id LIKE '%p1%'")}
        hits = a.search("周志强").total
    assert (summary.replaced, summary.unchanged) == (1, len(PAGES) - 1)
    assert "周志强" in names and "黄立" not in names and hits == 1


def test_a_reordered_batch_gives_the_same_archive(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    files = sorted(pages.glob("*.txt"))
    with open_archive(tmp_path / "a.db") as a:
        a.ingest(files)
    with open_archive(tmp_path / "b.db") as b:
        b.ingest(list(reversed(files)))
    assert content(tmp_path / "a.db") == content(tmp_path / "b.db")


def test_bad_files_are_skipped_and_the_rest_goes_in(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    (pages / "empty.txt").write_bytes(b"")
    (pages / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    with open_archive(tmp_path / "a.db") as a:
        summary = a.ingest([pages])
    assert (summary.new, summary.failed) == (len(PAGES), 2)
    assert any("empty.txt" in e for e in summary.errors)


def test_readers_are_not_blocked_by_a_writer(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages])
        a.conn.execute("BEGIN IMMEDIATE")
        a.conn.execute("DELETE FROM problems")
        with open_archive(tmp_path / "a.db", readonly=True) as reader:
            assert reader.search("安全生产").total == 1  # reads go on while the write is open
        a.conn.execute("ROLLBACK")


def test_a_failed_page_write_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = write_pages(tmp_path / "pages")
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages / "p1.txt"])
        before = content(tmp_path / "a.db")

        def boom(*args: object, **kw: object) -> None:
            raise RuntimeError("disk full")

        monkeypatch.setattr(a.store, "_write_persons", boom)
        with pytest.raises(RuntimeError):
            a.ingest([pages / "p2.txt"])
    assert content(tmp_path / "a.db") == before


def test_the_python_api_answers_what_the_readme_shows(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages])
        assert [h.headline for h in a.search("调研").hits] == ["市委书记赴某县调研"]
        (zhu,) = a.person("朱健")
        assert [p["title"] for p in zhu.posts] == ["市长"]
        assert [e.date for e in a.chronicle("2023-01-01", "2023-12-31")] == [
            "2023-05-11",
            "2023-06-02",
            "2023-07-08",
        ]
        assert [r["key"] for r in a.people(post="市长")] == ["黄立", "朱健"]
