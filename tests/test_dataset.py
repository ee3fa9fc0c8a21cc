"""The Parquet dataset: every table of the archive, partitioned, written atomically and incrementally."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow.dataset as pads
import pytest

from fangzhi import open_archive
from fangzhi.cli import main
from fangzhi.dataset import MANIFEST, PARTITIONED, TABLES, DatasetError, Partition, export_dataset
from fangzhi.tables import Kind
from tests.conftest import SEEDS, needs_shared

pytestmark = needs_shared

CHANGED_PAGE = "003_0c1248ca50250646.txt"  # its articles lie in the two partitions of no publication


def _copy_seeds(folder: Path) -> Path:
    folder.mkdir()
    for page in sorted(SEEDS.glob("*.txt")):
        shutil.copy(page, folder / page.name)
    return folder


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _mtimes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*.parquet")}


@pytest.fixture()
def archive_and_pages(tmp_path: Path) -> tuple[Path, Path]:
    pages = _copy_seeds(tmp_path / "pages")
    db = tmp_path / "a.db"
    with open_archive(db) as a:
        a.ingest([pages])
    return db, pages


def _partitions_of_page(db: Path, page_stem: str) -> set[str]:
    with open_archive(db) as a:
        rows = a.conn.execute(
            "SELECT DISTINCT publication, CASE WHEN date GLOB '[0-9]*' THEN CAST(substr(date, 1, 4) AS INTEGER) "
            "END FROM articles WHERE page_id LIKE ?",
            (f"%{page_stem}",),
        ).fetchall()
    return {Partition(r[0], r[1]).path for r in rows}


def test_every_table_is_written_with_every_article(
    archive_and_pages: tuple[Path, Path], tmp_path: Path
) -> None:
    db, _ = archive_and_pages
    out = tmp_path / "ds"
    with open_archive(db) as a:
        r = export_dataset(a.conn, out)
        n_articles = a.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        n_events = a.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        n_persons = a.conn.execute("SELECT COUNT(*) FROM persons").fetchone()[0]
    assert set(r.rows) >= set(TABLES)
    assert (r.rows["articles"], r.rows["events"], r.rows["persons"]) == (n_articles, n_events, n_persons)
    assert len(r.written) == 4 and r.unchanged == () and (out / MANIFEST).is_file()
    # read back by pyarrow's own hive reader, as Dask or any other tool would
    articles = pads.dataset(
        [str(p) for p in out.glob("publication=*/year=*/articles.parquet")], partitioning="hive"
    ).to_table()
    assert articles.num_rows == n_articles
    assert set(articles.column("publication").to_pylist()) == {"衡阳晚报", None}
    assert (out / "publication=衡阳晚报" / "year=2023" / "events.parquet").is_file()


def test_a_second_run_rewrites_nothing_and_a_changed_page_only_its_partitions(
    archive_and_pages: tuple[Path, Path], tmp_path: Path
) -> None:
    db, pages = archive_and_pages
    out = tmp_path / "ds"
    with open_archive(db) as a:
        first = export_dataset(a.conn, out)
    before = _mtimes(out)
    with open_archive(db) as a:
        second = export_dataset(a.conn, out)
    assert second.written == () and second.tables_written == () and not second.changed
    assert sorted(second.unchanged) == sorted(first.written)
    assert _mtimes(out) == before  # not a file touched

    page = pages / CHANGED_PAGE
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # new bytes, same articles
    with open_archive(db) as a:
        assert a.ingest([pages]).replaced == 1
        third = export_dataset(a.conn, out)
    expected = _partitions_of_page(db, Path(CHANGED_PAGE).stem)
    assert set(third.written) == expected and 0 < len(expected) < len(first.written)
    assert set(third.unchanged) == set(first.written) - expected
    after = _mtimes(out)
    for path, mtime in before.items():
        if not any(path.startswith(p + "/") for p in expected) and "/" in path:
            assert after[path] == mtime, path  # the other partitions' files were not rewritten


def test_the_cli_says_what_it_wrote_and_what_it_skipped(
    archive_and_pages: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = archive_and_pages
    out = tmp_path / "ds"
    assert main(["dataset", "export", "--db", str(db), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "4 partitions written, 0 unchanged" in captured.out
    assert "written: publication=衡阳晚报/year=2023" in captured.err
    assert main(["dataset", "export", "--db", str(db), "--out", str(out)]) == 0
    assert "0 partitions written, 4 unchanged (skipped)" in capsys.readouterr().out


class _Boom(RuntimeError):
    pass


def _failing_writer(after: int) -> Any:
    from fangzhi.dataset import _write_parquet

    calls = {"n": 0}

    def writer(rows: list[dict[str, Any]], types: Mapping[str, Kind], path: Path) -> None:
        calls["n"] += 1
        if calls["n"] > after:
            raise _Boom("the disk filled up")
        _write_parquet(rows, types, path)

    return writer


def test_a_failure_mid_write_leaves_the_previous_dataset_whole(
    archive_and_pages: tuple[Path, Path], tmp_path: Path
) -> None:
    db, pages = archive_and_pages
    out = tmp_path / "ds"
    with open_archive(db) as a:
        export_dataset(a.conn, out)
    before = _files(out)
    page = pages / CHANGED_PAGE
    page.write_text(page.read_text(encoding="utf-8").replace("衡阳", "衡州", 1), encoding="utf-8")
    with open_archive(db) as a:
        a.ingest([pages])
        # three tables of the first changed partition written, then the failure
        with pytest.raises(_Boom):
            export_dataset(a.conn, out, writer=_failing_writer(3))
    assert _files(out) == before  # the manifest and every table as they were: no half partition
    assert not (out / ".staging").exists() or not any((out / ".staging").iterdir())

    # a process killed outright leaves its staging folder behind: never read, cleared next run
    leftover = out / ".staging" / "dead"
    leftover.mkdir(parents=True)
    (leftover / "articles.parquet").write_bytes(b"half a file")
    with open_archive(db) as a:
        r = export_dataset(a.conn, out)
    assert set(r.written) == _partitions_of_page(db, Path(CHANGED_PAGE).stem)
    assert not leftover.exists()


def test_partitions_whose_articles_are_gone_are_removed(
    archive_and_pages: tuple[Path, Path], tmp_path: Path
) -> None:
    db, _ = archive_and_pages
    out = tmp_path / "ds"
    with open_archive(db) as a:
        export_dataset(a.conn, out)
        gone = {Partition(None, 2020).path, Partition(None, None).path}
        page_id = a.conn.execute("SELECT id FROM pages WHERE id LIKE '003%'").fetchone()[0]
        a.store.delete_page(page_id)
        r = export_dataset(a.conn, out)
    assert set(r.removed) == gone and r.written == ()
    assert not (out / "publication=__HIVE_DEFAULT_PARTITION__").exists()


def test_a_folder_of_other_files_is_refused(archive_and_pages: tuple[Path, Path], tmp_path: Path) -> None:
    db, _ = archive_and_pages
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me", encoding="utf-8")
    with open_archive(db) as a, pytest.raises(DatasetError, match="not a dataset"):
        export_dataset(a.conn, other)
    assert (other / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_partition_names_are_readable_and_safe() -> None:
    assert Partition("衡阳日报", 2023).path == "publication=衡阳日报/year=2023"
    assert Partition("a/b=c", None).path == "publication=a%2Fb%3Dc/year=__HIVE_DEFAULT_PARTITION__"
    assert set(PARTITIONED) < set(TABLES)
