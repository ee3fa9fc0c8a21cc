"""Reprints: a story printed twice is one cluster, found incrementally, and its events count once."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from fangzhi import open_archive, reprints
from fangzhi.archive import Archive
from fangzhi.cli import main
from fangzhi.network import build_network
from fangzhi.pipeline import parse_text
from fangzhi.records import page_records
from fangzhi.settings import Settings
from fangzhi.sql import run_sql
from tests.conftest import SEEDS, needs_shared

pytestmark = needs_shared

ORIGINAL_PAGE = "000_c9d8e9fb8ce17a9d.txt"  # 衡阳晚报, 2023-11-17: 市委常委会, presided by 刘越高
OTHER_MEETING_PAGE = "001_7ef2a64ad5261223.txt"  # 衡阳晚报, 2023-07-25: another 市委常委会
COPY_PAPER = "衡阳日报"
CHAIR = "刘越高"


def _lead(page: str) -> dict[str, Any]:
    path = SEEDS / page
    recs = page_records(parse_text(path.read_text(encoding="utf-8"), path.name, Settings()))
    return next(r for r in recs if r["id"].endswith("-a01"))


def reprinted_page(page: str = ORIGINAL_PAGE, *, cut: int = 3) -> str:
    """The page's lead story as another paper prints it: its own headline and credit line, one
    paragraph left out."""
    paragraphs = [p for p in _lead(page)["body"].split("\n") if p.strip()]
    kept = paragraphs[:cut] + paragraphs[cut + 1 :]
    return f"# 市委常委会研究部署近期重点工作\n\n{COPY_PAPER}讯（记者 某某）" + "\n\n".join(kept) + "\n"


def _ingest_copy(archive: Archive, folder: Path, text: str | None = None) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "copy.txt"
    path.write_text(text or reprinted_page(), encoding="utf-8")
    summary = archive.ingest([path], Settings(publication=COPY_PAPER, issue_date=date(2023, 11, 18)))
    assert summary.failed == 0
    return path


def _lead_id(conn: sqlite3.Connection, page: str) -> str:
    stem = Path(page).stem
    return str(conn.execute("SELECT id FROM articles WHERE id LIKE ?", (f"%{stem}-a01",)).fetchone()[0])


def _copy_id(conn: sqlite3.Connection) -> str:
    return str(conn.execute("SELECT id FROM articles WHERE publication = ?", (COPY_PAPER,)).fetchone()[0])


@pytest.fixture()
def archive(tmp_path: Path) -> Iterator[Archive]:
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([SEEDS])
        yield a


def test_datasketch_chooses_the_bands_written_down() -> None:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=reprints.THRESHOLD, num_perm=reprints.NUM_PERM)
    assert (lsh.b, lsh.r) == (reprints.BANDS, reprints.ROWS)


def test_a_story_printed_twice_is_one_cluster(archive: Archive, tmp_path: Path) -> None:
    assert archive.reprints() == []  # the sample pages print no story twice
    _ingest_copy(archive, tmp_path / "copy")
    original, copy = _lead_id(archive.conn, ORIGINAL_PAGE), _lead_id(archive.conn, "copy.txt")
    assert copy == _copy_id(archive.conn)
    (cluster,) = archive.reprints()
    assert [m.article_id for m in cluster.members] == [original, copy]  # in printing order
    assert {m.publication for m in cluster.members} == {"衡阳晚报", COPY_PAPER}
    assert all(reprints.THRESHOLD <= m.similarity < 1 for m in cluster.members)
    assert [m.article_id for m in archive.also_printed(original)] == [copy]
    assert [m.article_id for m in archive.also_printed(copy)] == [original]


def test_unrelated_articles_of_the_same_meeting_type_are_not(archive: Archive) -> None:
    one, other = _lead_id(archive.conn, ORIGINAL_PAGE), _lead_id(archive.conn, OTHER_MEETING_PAGE)
    names = {
        r[0] for r in archive.conn.execute("SELECT name FROM events WHERE article_id IN (?, ?)", (one, other))
    }
    assert names == {"市委常委会"}  # both: a meeting of the standing committee, chaired by 刘越高
    bodies = dict(archive.conn.execute("SELECT id, body FROM articles WHERE id IN (?, ?)", (one, other)))
    sims = reprints.similarity(reprints.signature(bodies[one]), reprints.signature(bodies[other]))
    assert sims < 0.2
    assert archive.also_printed(one) == [] and archive.also_printed(other) == []


def test_a_new_article_is_compared_with_its_band_mates_not_with_everything(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compared: list[int] = []
    real = reprints.similarity

    def counting(one: Any, other: Any) -> float:
        compared.append(1)
        return real(one, other)

    monkeypatch.setattr(reprints, "similarity", counting)
    stored = archive.conn.execute("SELECT COUNT(*) FROM reprint_signatures").fetchone()[0]
    _ingest_copy(archive, tmp_path / "copy")
    assert stored > 20 and len(compared) == 1  # the one stored article sharing a band: the original


def test_a_reprinted_event_counts_once(archive: Archive, tmp_path: Path) -> None:
    def tallies() -> dict[str, Any]:
        (chair,) = archive.person(CHAIR)
        graph = build_network(archive.conn)
        return {
            "person_events": len(chair.events),
            "person_places": sum(p["times"] for p in chair.places),
            "chronicle": len(archive.chronicle()),
            "counts": archive.counts()["events"],
            "network_events": sum(d["events"] for *_, d in graph.edges(data=True)),
            "network_articles": sum(d["articles"] for *_, d in graph.edges(data=True)),
            "sql": run_sql("SELECT count(*) FROM counted_events", conn=archive.conn).rows[0][0],
        }

    before = tallies()
    stored_before = archive.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    _ingest_copy(archive, tmp_path / "copy")
    assert archive.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0] > stored_before  # both stored
    assert tallies() == before
    copy = _copy_id(archive.conn)
    assert archive.article(copy)["events"]  # type: ignore[index]  # the copy keeps its own facts

    # the original gone, the copy is no reprint: its event counts
    original_page = archive.conn.execute(
        "SELECT page_id FROM articles WHERE id = ?", (_lead_id(archive.conn, ORIGINAL_PAGE),)
    ).fetchone()[0]
    archive.store.delete_page(original_page)
    assert archive.reprints() == [] and archive.also_printed(copy) == []
    assert any(e.article_id == copy for e in archive.chronicle())


def test_a_replaced_page_finds_its_reprint_again(archive: Archive, tmp_path: Path) -> None:
    path = _ingest_copy(archive, tmp_path / "copy")
    _ingest_copy(archive, tmp_path / "copy", reprinted_page(cut=4))  # another paragraph cut this time
    assert path.exists()
    (cluster,) = archive.reprints()
    assert {m.publication for m in cluster.members} == {"衡阳晚报", COPY_PAPER}


def test_articles_stored_without_detection_are_found_later(tmp_path: Path) -> None:
    with open_archive(tmp_path / "a.db", find_reprints=False) as a:
        a.ingest([SEEDS])
        _ingest_copy(a, tmp_path / "copy")
        assert (
            a.reprints() == []
            and a.conn.execute("SELECT COUNT(*) FROM reprint_signatures").fetchone()[0] == 0
        )
        assert a.find_reprints() == a.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        (cluster,) = a.reprints()
        assert len(cluster.members) == 2


def test_the_cli_the_api_and_the_article_page_show_them(
    archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fangzhi.web.app import create_app

    _ingest_copy(archive, tmp_path / "copy")
    original, copy = _lead_id(archive.conn, ORIGINAL_PAGE), _copy_id(archive.conn)
    db = archive.store.path
    assert main(["reprints", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "2 printings" in out and original in out and copy in out and COPY_PAPER in out
    with TestClient(create_app(db, token="t")) as client:
        data = client.get("/api/reprints").json()
        assert data["total"] == 1
        assert [m["article_id"] for m in data["items"][0]["members"]] == [original, copy]
        article = client.get(f"/api/articles/{original}").json()
        assert [m["article_id"] for m in article["also_printed"]] == [copy]
        html = client.get(f"/article/{original}", headers={"accept": "text/html"}).text
        assert "另见" in html and f'href="/article/{copy}"' in html and COPY_PAPER in html
        html = client.get(f"/article/{_lead_id(archive.conn, OTHER_MEETING_PAGE)}").text
        assert "另见" not in html


def test_an_ingest_without_detection_leaves_them_for_reprints_find(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "a.db")
    copy = tmp_path / "copy" / "copy.txt"
    copy.parent.mkdir()
    copy.write_text(reprinted_page(), encoding="utf-8")
    assert main(["ingest", str(SEEDS / ORIGINAL_PAGE), "--db", db, "--quiet", "--no-reprints"]) == 0
    assert (
        main(["ingest", str(copy), "--db", db, "--quiet", "--no-reprints", "--publication", COPY_PAPER]) == 0
    )
    capsys.readouterr()
    assert main(["reprints", "--db", db]) == 0
    assert "no story printed more than once" in capsys.readouterr().out
    assert main(["reprints", "--db", db, "--find", "--format", "json"]) == 0
    (cluster,) = json.loads(capsys.readouterr().out)
    assert {m["publication"] for m in cluster["members"]} == {"衡阳晚报", COPY_PAPER}
