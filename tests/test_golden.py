"""The sample pages against their gold: every article found, each field as a careful reader has it."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest

from fangzhi.pipeline import parse_file
from fangzhi.records import page_records
from tests.conftest import gold_for, needs_shared, seed_pages

FIELDS = ("kind", "kicker", "headline", "subtitle", "dateline", "date")


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(c for c in s if not c.isspace() and c not in "#*")


def matched(page: Path) -> list[tuple[dict[str, Any], dict[str, Any] | None]]:
    recs = page_records(parse_file(page))
    out: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for g in gold_for(page)["articles"]:
        s, e = norm(g["body_start"]), norm(g["body_end"])
        hit = next((r for r in recs if norm(r["body"]).startswith(s) and norm(r["body"]).endswith(e)), None)
        out.append((g, hit))
    return out


@needs_shared
@pytest.mark.parametrize("page", seed_pages(), ids=lambda p: p.stem[:3])
def test_every_gold_article_is_found_and_nothing_else(page: Path) -> None:
    pairs = matched(page)
    assert [g["id"] for g, r in pairs if r is None] == []
    assert len(page_records(parse_file(page))) == len(pairs)


@needs_shared
@pytest.mark.parametrize("page", seed_pages(), ids=lambda p: p.stem[:3])
@pytest.mark.parametrize("field", FIELDS)
def test_field_matches_gold(page: Path, field: str) -> None:
    for g, r in matched(page):
        assert r is not None
        assert norm(r[field]) == norm(g[field]), (g["id"], field)


@needs_shared
@pytest.mark.parametrize("page", seed_pages(), ids=lambda p: p.stem[:3])
def test_bylines_and_completeness_match_gold(page: Path) -> None:
    for g, r in matched(page):
        assert r is not None
        assert {(norm(b["role"]), norm(b["name"])) for b in r["bylines"]} == {
            (norm(b["role"]), norm(b["name"])) for b in g["bylines"]
        }, g["id"]
        assert r["complete"] == g["complete"], g["id"]


@needs_shared
@pytest.mark.parametrize("page", seed_pages(), ids=lambda p: p.stem[:3])
def test_column_gaps_are_closed(page: Path) -> None:
    text = "".join(
        norm(r[k])
        for r in page_records(parse_file(page))
        for k in ("kicker", "headline", "subtitle", "dateline", "body")
    )
    for j in gold_for(page)["joins"]:
        assert norm(j) in text


@needs_shared
def test_ids_are_stable_across_runs() -> None:
    page = seed_pages()[0]
    first = [r["id"] for r in page_records(parse_file(page))]
    assert first == [r["id"] for r in page_records(parse_file(page))]
    assert len(set(first)) == len(first)
