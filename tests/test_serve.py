"""`fangzhi serve`: one process per CPU by default, every worker answering from the same archive."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from fangzhi.cli import main
from fangzhi.web import app as web

PAGE = (
    "# 全市防汛工作会议召开\n\n本报讯（记者 甲某）2021年3月4日，全市防汛工作会议召开。"
    "市长王立主持会议。会议要求，各地要做好防汛各项工作。\n"
)


def test_one_worker_per_cpu_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert web.default_workers() == 3
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert web.default_workers() == web.MAX_WORKERS


def test_no_workers_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "a.db"), "--workers", "0"]) == 2
    assert "--workers must be at least 1" in capsys.readouterr().err


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree from /proc")
def test_two_workers_serve_the_archive(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(PAGE, encoding="utf-8")
    db = tmp_path / "a.db"
    assert main(["ingest", str(page), "--db", str(db)]) == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "FANGZHI_TOKEN"}
    cmd = [sys.executable, "-m", "fangzhi.cli", "serve", "--db", str(db), "--port", str(port)]
    proc = subprocess.Popen([*cmd, "--workers", "2"], env=env, stderr=subprocess.PIPE, text=True)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", trust_env=False, timeout=5) as http:
            for _ in range(150):
                try:
                    answer = http.get("/api/search", params={"q": "防汛"})
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            else:
                pytest.fail("fangzhi serve --workers 2 never answered")
            assert answer.status_code == 200
            assert answer.json()["total"] == 1
            assert answer.headers["x-content-type-options"] == "nosniff"  # the middleware, per worker
        workers = [c for c in _children(proc.pid) if "spawn_main" in _cmdline(c)]
        assert len(workers) == 2, [_cmdline(c) for c in _children(proc.pid)]
        token = (tmp_path / "a.db.token").read_text(encoding="utf-8").strip()
        assert token  # made once, by the parent, before the workers read it
    finally:
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=30)
    assert "(2 workers)" in err
    assert err.count("the token for uploading pages") == 1


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_the_posts_timeline_puts_every_post_on_one_date_axis_inside_the_drawing() -> None:
    from fangzhi.query import PersonView
    from fangzhi.web.charts import TIMELINE_WIDTH, posts_timeline

    def post(title: str, first: str, last: str) -> dict[str, object]:
        return {"title": title, "first_seen": first, "last_seen": last, "evidence": ["a1"]}

    view = PersonView(
        "王某",
        "王某",
        posts=[post("县长", "2015-03-01", "2019-12-31"), post("县委书记", "2020-01-05", "2020-01-05")],
    )
    t = posts_timeline(view)
    long, short = t["bars"]
    assert long["x"] == t["axis_from"] and short["x"] + short["w"] == t["axis_to"]
    assert short["w"] == 4.0  # a post seen on one day is still drawn
    assert all(t["label_end"] < b["x"] and 90 <= b["date_x"] <= TIMELINE_WIDTH - 90 for b in t["bars"])
    assert [tk["label"] for tk in t["ticks"]] == ["2016", "2017", "2018", "2019", "2020"]
    assert posts_timeline(PersonView("李某", "李某"))["bars"] == []


def test_sightings_a_year_apart_are_drawn_as_two_stretches_not_one_term() -> None:
    from fangzhi.query import PersonView
    from fangzhi.web.charts import TENURE_GAP_DAYS, posts_timeline

    seen = ["2015-03-01", "2015-09-01", "2018-06-01"]  # a gap of nearly three years before the last
    post = {
        "title": "县长",
        "first_seen": seen[0],
        "last_seen": seen[-1],
        "evidence": ["a", "b", "c"],
        "seen": seen,
    }
    (bar,) = posts_timeline(PersonView("王某", "王某", posts=[post]))["bars"]
    first, second = bar["segments"]
    assert first["x"] == bar["x"] and first["x"] + first["w"] < second["x"]
    assert TENURE_GAP_DAYS == 365
