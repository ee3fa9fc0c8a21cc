"""Reads see one commit: a search whose matching ids and rows are read apart is not broken by an
ingest that replaces pages in between (issue 19: readers got HTTP 500 under a concurrent ingest)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import fangzhi.search as search_mod
from fangzhi import open_archive
from fangzhi.web.app import create_app


def _page(i: int) -> str:
    return (
        f"# 全市第{i}次防汛工作推进会召开\n\n某市日报讯（记者 甲某）2023年6月{i + 1}日，全市防汛工作推进会召开。"
        "副市长黄敏主持会议。会议要求，各地要做好防汛等各项工作，确保群众生命财产安全。\n"
    )


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    for i in range(8):
        (tmp_path / f"p{i}.txt").write_text(_page(i), encoding="utf-8")
    path = tmp_path / "a.db"
    with open_archive(path) as a:
        a.ingest([tmp_path])
    return path


def _replace_between_reads(monkeypatch: pytest.MonkeyPatch, db: Path) -> list[int]:
    """The first time rows are fetched, another connection first deletes half the articles and
    commits, as a replacing ingest does."""
    real, done = search_mod._fetch, []

    def fetch(conn: sqlite3.Connection, rowids: Any) -> Any:
        if not done:
            writer = sqlite3.connect(db)
            writer.execute("PRAGMA foreign_keys = OFF")
            writer.execute("DELETE FROM articles WHERE rowid IN (SELECT rowid FROM articles LIMIT 4)")
            writer.commit()
            writer.close()
            done.append(1)
        return real(conn, rowids)

    monkeypatch.setattr(search_mod, "_fetch", fetch)
    return done


def test_a_search_reads_ids_and_rows_from_one_commit(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_archive(db) as a:
        before = [h.id for h in a.search("防汛", limit=20).hits]
        done = _replace_between_reads(monkeypatch, db)
        during = [h.id for h in a.search("防汛", limit=20).hits]
        assert done and during == before  # the commit came after this search's snapshot
        after = a.search("防汛", limit=20).hits
    assert len(after) == len(before) - 4  # the next search sees the replacement


def test_a_web_search_during_a_replacement_is_answered_whole(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = TestClient(create_app(db))
    before = client.get("/api/search", params={"q": "防汛", "limit": 20}).json()
    _replace_between_reads(monkeypatch, db)
    during = client.get("/api/search", params={"q": "防汛", "limit": 20})
    assert during.status_code == 200
    assert [h["id"] for h in during.json()["hits"]] == [h["id"] for h in before["hits"]]


def _replace_while_reading(
    folder: Path, db: Path, rounds: int, read: Callable[[threading.Event], None]
) -> None:
    """Four readers run `read` until it is told to stop, while every page of `folder` is
    replaced by a shorter one and back, `rounds` ingests in all."""
    stop = threading.Event()
    readers = [threading.Thread(target=read, args=(stop,)) for _ in range(4)]
    for t in readers:
        t.start()
    try:
        with open_archive(db) as a:
            for round_ in range(rounds):
                for i in range(8):
                    text = _page(i) if round_ % 2 else _page(i).split("会议要求")[0] + "\n"
                    (folder / f"p{i}.txt").write_text(text, encoding="utf-8")
                a.ingest([folder])
    finally:
        stop.set()
        for t in readers:
            t.join()


def test_searches_while_pages_are_replaced_never_fail(tmp_path: Path, db: Path) -> None:
    client = TestClient(create_app(db))
    failures: list[int] = []

    def read(stop: threading.Event) -> None:
        while not stop.is_set():
            r = client.get("/api/search", params={"q": "防汛", "limit": 50})
            if r.status_code != 200:
                failures.append(r.status_code)

    _replace_while_reading(tmp_path, db, 6, read)
    assert failures == []


@pytest.mark.slow
def test_searches_over_loopback_while_pages_are_replaced_never_fail(tmp_path: Path, db: Path) -> None:
    import socket
    import time

    import httpx
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="error"))
    serving = threading.Thread(target=server.run, daemon=True)
    serving.start()
    while not server.started:
        time.sleep(0.01)
    answered: list[int] = []

    def read(stop: threading.Event) -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as c:
            while not stop.is_set():
                answered.append(c.get("/api/search", params={"q": "防汛", "limit": 50}).status_code)

    try:
        _replace_while_reading(tmp_path, db, 10, read)
    finally:
        server.should_exit = True
        serving.join(10)
    assert answered and set(answered) == {200}
