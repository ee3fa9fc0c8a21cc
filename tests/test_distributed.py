"""Parsing on Dask (fangzhi.distributed): the same archive as a serial ingest, bad files reported in
their place, an unreachable scheduler a clear error. A cluster takes seconds to start: those tests
are slow."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fangzhi import open_archive
from fangzhi.distributed import Cluster, parse_on_dask, parse_paths
from fangzhi.errors import SourceError
from fangzhi.model import ParsedPage
from fangzhi.settings import Settings
from tests.archive_pages import PAGES, write_pages
from tests.conftest import SEEDS, needs_shared
from tests.test_store import content

CLI = (sys.executable, "-m", "fangzhi.cli")


def rows(db: Path) -> list[tuple[object, ...]]:
    """Articles with their row ids: the order a serial ingest gives them."""
    conn = sqlite3.connect(db)
    out = conn.execute("SELECT rowid, id, headline FROM articles ORDER BY rowid").fetchall()
    conn.close()
    return out


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A running Dask cluster of two worker processes, as a site's own would be."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def bad_and_good(folder: Path) -> Path:
    write_pages(folder)
    (folder / "p0_empty.txt").write_bytes(b"")
    (folder / "p9_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    return folder


def test_a_page_error_survives_pickling_as_it_crosses_processes() -> None:
    import pickle

    from fangzhi.errors import BinaryFile

    back = pickle.loads(pickle.dumps(BinaryFile("a/b.txt", "holds binary data")))
    assert (type(back), back.path, back.message, str(back)) == (
        BinaryFile,
        "a/b.txt",
        "holds binary data",
        "a/b.txt: holds binary data",
    )


def test_a_task_returns_each_page_parsed_or_its_error(tmp_path: Path) -> None:
    pages = bad_and_good(tmp_path / "pages")
    out = parse_paths([str(pages / "p0_empty.txt"), str(pages / "p1.txt")], Settings())
    assert [p for p, _ in out] == [str(pages / "p0_empty.txt"), str(pages / "p1.txt")]
    assert isinstance(out[0][1], SourceError) and out[0][1].code == "source.empty"
    assert isinstance(out[1][1], ParsedPage) and out[1][1].articles


@pytest.mark.slow
def test_pages_come_back_in_the_order_given_with_errors_in_place(tmp_path: Path, scheduler: str) -> None:
    pages = bad_and_good(tmp_path / "pages")
    missing = SourceError(str(pages / "gone"), "no such file")
    items = [(missing.path, missing), *sorted(pages.glob("*.txt"))]
    got = list(parse_on_dask(items, Settings(), Cluster(scheduler=scheduler, chunk=2, in_flight=1)))
    assert [p for p, _ in got] == [missing.path, *(str(p) for p in sorted(pages.glob("*.txt")))]
    kinds = [type(x).__name__ for _, x in got]
    assert kinds[0] == "SourceError" and kinds[1] != "ParsedPage" and kinds[-1] != "ParsedPage"
    assert kinds[2:-1] == ["ParsedPage"] * len(PAGES)


@pytest.mark.slow
def test_an_ingest_on_a_cluster_stores_what_a_serial_one_does(tmp_path: Path, scheduler: str) -> None:
    pages = bad_and_good(tmp_path / "pages")
    with open_archive(tmp_path / "serial.db") as a:
        serial = a.ingest([pages])
    with open_archive(tmp_path / "dask.db") as a:
        dask = a.ingest([pages], cluster=Cluster(scheduler=scheduler, chunk=3))
    assert dask.as_dict() == serial.as_dict() and (dask.new, dask.failed) == (len(PAGES), 2)
    assert sorted(dask.errors) == sorted(serial.errors)
    assert content(tmp_path / "dask.db") == content(tmp_path / "serial.db")
    assert rows(tmp_path / "dask.db") == rows(tmp_path / "serial.db")


@needs_shared
@pytest.mark.slow
def test_the_cli_ingests_the_sample_pages_on_a_local_cluster(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\xff" * 50)
    db = tmp_path / "a.db"
    run = subprocess.run(
        [*CLI, "ingest", str(SEEDS), str(tmp_path / "bad.txt"), "--db", str(db), "--workers", "2", "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 2, run.stderr  # one bad file: reported, the rest stored
    assert "bad.txt" in run.stderr
    assert "5 new" in run.stdout and "1 failed" in run.stdout
    with open_archive(db, readonly=True) as a:
        assert a.counts()["pages"] == 5 and a.search("安全生产").total > 0


@pytest.mark.slow
def test_an_unreachable_scheduler_is_a_clear_error_and_the_archive_is_kept(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages")
    db = tmp_path / "a.db"
    with open_archive(db) as a:
        a.ingest([pages / "p1.txt"])
    before = content(db)
    run = subprocess.run(
        [*CLI, "ingest", str(pages), "--db", str(db), "--scheduler", "tcp://127.0.0.1:9", "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"},
    )
    assert run.returncode == 2
    assert "no Dask cluster at tcp://127.0.0.1:9" in run.stderr and "Traceback" not in run.stderr
    assert content(db) == before


@pytest.mark.slow
def test_pages_already_stored_are_not_sent_to_the_cluster(tmp_path: Path, scheduler: str) -> None:
    pages = bad_and_good(tmp_path / "pages")
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages])
        again = a.ingest([pages], cluster=Cluster(scheduler=scheduler))
    assert (again.unchanged, again.new, again.failed) == (len(PAGES), 0, 2)
