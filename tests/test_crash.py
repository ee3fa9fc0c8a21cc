"""Killing an ingest at any moment (SIGKILL) leaves a consistent archive that the next run completes."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.archive_pages import PAGES, write_pages
from tests.test_store import content

pytestmark = pytest.mark.slow


def many_pages(folder: Path, copies: int = 25) -> Path:
    """The hand-written pages in many variants, so an ingest runs long enough to be killed."""
    pages: dict[str, str] = {}
    for i in range(copies):
        for name, text in PAGES.items():
            pages[f"{i:02d}_{name}"] = text.replace("2023年", f"{2010 + i}年")
    return write_pages(folder, pages)


def ingest(folder: Path, db: Path, *options: str) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "fangzhi.cli", "ingest", str(folder), "--db", str(db), "--quiet", *options]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_sigkill_at_random_moments_then_a_rerun_completes_the_archive(tmp_path: Path) -> None:
    folder = many_pages(tmp_path / "pages")
    clean = tmp_path / "clean.db"
    assert ingest(folder, clean).wait(timeout=300) == 0

    db = tmp_path / "killed.db"
    rng = random.Random(20261122)
    total = len(list(folder.glob("*.txt")))
    stored: list[int] = []
    for attempt in range(6):
        proc = ingest(folder, db)
        if attempt == 0:
            time.sleep(rng.uniform(0.05, 0.5))  # while starting: imports, the migration
        else:
            # at a random page: a later one than stored so far when there is room, else at once
            wait_until_stored(db, rng.randint(min(stored[-1] + 1, total - 2), total - 2))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        stored.append(pages_stored(db))
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = (
            conn.execute(
                "SELECT COUNT(*) FROM articles a LEFT JOIN pages p ON p.id = a.page_id WHERE p.id IS NULL"
            ).fetchone()[0]
            if _has_tables(conn)
            else 0
        )
        assert orphans == 0
        conn.close()
    assert any(0 < n < total for n in stored), stored  # some kills landed in the middle of the batch
    assert ingest(folder, db).wait(timeout=300) == 0
    assert content(db) == content(clean)


def test_sigkill_of_an_ingest_on_dask_leaves_no_workers_and_a_rerun_completes(tmp_path: Path) -> None:
    import psutil  # Dask's own dependency

    folder = many_pages(tmp_path / "pages")
    clean = tmp_path / "clean.db"
    assert ingest(folder, clean).wait(timeout=300) == 0
    db = tmp_path / "killed.db"
    total = len(list(folder.glob("*.txt")))
    for at in (total // 3, 2 * total // 3):
        proc = ingest(folder, db, "--workers", "2")
        wait_until_stored(db, at)
        workers = psutil.Process(proc.pid).children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        _, alive = psutil.wait_procs(workers, timeout=30)  # they watch their parent and follow it
        assert alive == []
        conn = sqlite3.connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        assert at <= pages_stored(db) < total
    assert ingest(folder, db, "--workers", "2").wait(timeout=300) == 0
    assert content(db) == content(clean)


def pages_stored(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0]) if _has_tables(conn) else 0
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def wait_until_stored(db: Path, n: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while pages_stored(db) < n and time.monotonic() < deadline:
        time.sleep(0.002)


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'articles'").fetchone()[0] == 1
