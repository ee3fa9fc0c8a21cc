"""The evaluation gate of issue 2: the scorer's floors on the sample pages. Floors only go up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SHARED, needs_shared

PARSE_FLOORS = [
    "articles.f1=1.0",
    "joins=1.0",
    "han_lost=0.002",
    "fields.headline=1.0",
    "fields.kicker=1.0",
    "fields.subtitle=1.0",
    "fields.dateline=1.0",
    "fields.bylines=1.0",
    "fields.date=1.0",
    "fields.kind=1.0",
    "fields.complete=1.0",
]


def fangzhi_command() -> str:
    exe = Path(sys.executable).with_name("fangzhi")
    return (
        f"{exe} parse --format jsonl"
        if exe.exists()
        else f"{sys.executable} -m fangzhi.cli parse --format jsonl"
    )


FACT_FLOORS = [
    "persons.f1=0.97",
    "person_posts.f1=0.95",
    "documents.f1=1.0",
    "events.f1=0.9",
    "event_roles=0.9",
    "slogans.f1=0.92",
]


def score(floors: list[str]) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, str(SHARED / "tools" / "score.py"), "--cmd", fangzhi_command()]
    for floor in floors:
        cmd += ["--require", floor]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)


@needs_shared
def test_parser_meets_the_issue_2_floors() -> None:
    run = score(PARSE_FLOORS)
    assert run.returncode == 0, run.stdout + run.stderr


@needs_shared
def test_facts_meet_the_issue_3_floors() -> None:
    run = score(FACT_FLOORS)
    assert run.returncode == 0, run.stdout + run.stderr
