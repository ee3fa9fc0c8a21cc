"""Small helpers for tests over hand-written pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from fangzhi.pipeline import parse_text
from fangzhi.records import page_records
from fangzhi.settings import Settings


def records(text: str, *, issue: date | None = None, t2s: bool = False) -> list[dict[str, Any]]:
    return page_records(parse_text(text, "hand.txt", Settings(issue_date=issue, t2s=t2s)))


def one(text: str, **kw: Any) -> dict[str, Any]:
    recs = records(text, **kw)
    assert len(recs) == 1, [r["headline"] for r in recs]
    return recs[0]


def flat(s: str | None) -> str:
    return (s or "").replace("\n", "").replace(" ", "")
