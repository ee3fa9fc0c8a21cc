"""Hand-written pages in the styles of other papers, each with gold in the format of the sample gold.

tests/data/pages/<name>.txt is a page as an OCR tool would leave it; <name>.json says what a careful
reader takes from it. They check that the parser is general, not tuned to the two sample papers:
人民日报 (本报北京…电, 新华社…电, 本报评论员, 引题——/副题), 新华社 copy in a local paper (（完）,
新华社记者 byline lines, 据新华社电), a county paper (…新闻网讯 … 报道, jump markers, cut-off tail,
fragment at the top, award lists), a traditional-script page and its simplified twin, and a page with
no markup at all and a blank line after every line.

Articles are matched as shared/tools/score.py matches them (body, folded, starts with body_start and
ends with body_end); that logic is restated here so these tests stand on their own.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from fangzhi.pipeline import parse_file
from fangzhi.records import article_record
from fangzhi.settings import Settings

PAGES = Path(__file__).resolve().parent / "data" / "pages"
FIELDS = ("kind", "kicker", "headline", "subtitle", "dateline", "date")
JOIN_FIELDS = ("kicker", "headline", "subtitle", "dateline", "body")
TWINS = [("traditional_page.txt", "traditional_page_simplified.txt")]


def gold_pages() -> list[Path]:
    return sorted(p for p in PAGES.glob("*.txt") if p.with_suffix(".json").exists())


def norm(s: str | None) -> str:
    """NFKC, then drop white space and markdown marks: the folding score.py compares under."""
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(c for c in s if not c.isspace() and c not in "#*")


def gold(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    return data


def records(page: Path, settings: Settings) -> list[dict[str, Any]]:
    parsed = parse_file(page, settings)
    return [article_record(parsed, a) for a in parsed.articles]


def match(recs: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[tuple[dict[str, Any], int | None]]:
    """Each gold article with the index of the first unused record whose body fits it (None: not found)."""
    used: set[int] = set()
    out: list[tuple[dict[str, Any], int | None]] = []
    for g in golds:
        start, end = norm(g["body_start"]), norm(g["body_end"])
        hit = None
        for i, r in enumerate(recs):
            body = norm(r.get("body"))
            if i not in used and body.startswith(start) and body.endswith(end):
                hit = i
                used.add(i)
                break
        out.append((g, hit))
    return out


def bylines(a: dict[str, Any]) -> set[tuple[str, str]]:
    return {(norm(b.get("role")), norm(b.get("name"))) for b in a.get("bylines") or []}


def short(r: dict[str, Any]) -> str:
    body = norm(r.get("body"))
    return f"{r.get('kind')} {r.get('headline')!r} body {body[:12]!r}…{body[-12:]!r}"


@pytest.mark.parametrize("page", gold_pages(), ids=lambda p: p.stem)
def test_page_matches_gold(page: Path) -> None:
    g = gold(page)
    assert g["page_file"] == page.name
    recs = records(page, Settings())
    pairs = match(recs, g["articles"])
    problems: list[str] = []

    for a, i in pairs:
        if i is None:
            problems.append(f"{a['id']}: not found (body {a['body_start']!r} … {a['body_end']!r})")
    hits = {i for _, i in pairs if i is not None}
    for i, r in enumerate(recs):
        if i not in hits:
            problems.append(f"extra article: {short(r)}")

    for a, i in pairs:
        if i is None:
            continue
        r = recs[i]
        for f in FIELDS:
            if norm(r.get(f)) != norm(a[f]):
                problems.append(f"{a['id']}.{f}: got {r.get(f)!r}, gold {a[f]!r}")
        if bylines(r) != bylines(a):
            problems.append(f"{a['id']}.bylines: got {sorted(bylines(r))}, gold {sorted(bylines(a))}")
        if bool(r.get("complete")) != bool(a["complete"]):
            problems.append(f"{a['id']}.complete: got {r.get('complete')!r}, gold {a['complete']!r}")

    text = "".join(norm(r.get(k)) for r in recs for k in JOIN_FIELDS)
    for j in g["joins"]:
        if norm(j) not in text:
            problems.append(f"join not read whole: {j!r}")

    assert not problems, f"{page.name}:\n  " + "\n  ".join(problems)


KEYS = [
    "id",
    "kind",
    "kicker",
    "headline",
    "subtitle",
    "dateline",
    "source",
    "bylines",
    "date",
    "year_inferred",
    "body_start",
    "body_end",
    "complete",
    "persons",
    "documents",
    "slogans",
    "events",
]


@pytest.mark.parametrize("page", gold_pages(), ids=lambda p: p.stem)
def test_gold_is_consistent_with_its_page(page: Path) -> None:
    """The gold itself: well formed, and every string it asks for is on the page."""
    g = gold(page)
    folded = norm(page.read_text(encoding="utf-8"))
    assert 3 <= len(g["articles"]) <= 8
    for a in g["articles"]:
        assert list(a) == KEYS, a["id"]
        assert a["kind"] in {"news", "commentary", "interview", "photo", "fragment"}, a["id"]
        for f in ("body_start", "body_end", "kicker", "headline", "subtitle", "dateline"):
            assert norm(a[f]) in folded, (a["id"], f)
        names = {p["name"] for p in a["persons"]}
        for e in a["events"]:
            assert e["type"] in {"meeting", "inspection", "reception", "ceremony"}, a["id"]
            assert set(e["presided"]) | set(e["spoke"]) | set(e["attended"]) <= names, a["id"]
    for j in g["joins"]:
        assert norm(j) in folded, j


COMPARED_APART = {"page", "id", "problems"}  # name-derived, or messages that may quote the file


@pytest.mark.parametrize(("traditional", "simplified"), TWINS, ids=lambda n: Path(n).stem)
def test_traditional_page_reads_as_its_simplified_twin(traditional: str, simplified: str) -> None:
    t_path, s_path = PAGES / traditional, PAGES / simplified
    t_raw, s_raw = t_path.read_text(encoding="utf-8"), s_path.read_text(encoding="utf-8")
    assert t_raw != s_raw and len(t_raw) == len(s_raw), "the twins must differ in script only"

    trad = records(t_path, Settings(t2s=True))
    simp = records(s_path, Settings())
    assert len(trad) == len(simp), ([short(r) for r in trad], [short(r) for r in simp])
    for n, (t, s) in enumerate(zip(trad, simp, strict=True)):
        assert set(t) == set(s), n
        for key in sorted(set(s) - COMPARED_APART):
            assert t[key] == s[key], f"article {n} field {key}: {t[key]!r} != {s[key]!r}"
        t_codes = [p.get("code") for p in t.get("problems") or []]
        s_codes = [p.get("code") for p in s.get("problems") or []]
        assert t_codes == s_codes, f"article {n} problems"


def paired(page: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    recs = records(page, Settings())
    return [(g, recs[i]) for g, i in match(recs, gold(page)["articles"]) if i is not None]


@pytest.mark.parametrize("page", gold_pages(), ids=lambda p: p.stem)
def test_persons_and_posts_match_gold(page: Path) -> None:
    for g, r in paired(page):
        want = {(norm(p["name"]), tuple(norm(t) for t in p["posts"])) for p in g["persons"]}
        got = {(norm(p["name"]), tuple(norm(t) for t in p["posts"])) for p in r["persons"]}
        assert got == want, g["id"]


@pytest.mark.parametrize("page", gold_pages(), ids=lambda p: p.stem)
def test_documents_match_gold(page: Path) -> None:
    for g, r in paired(page):
        assert {norm(d) for d in r["documents"]} == {norm(d) for d in g["documents"]}, g["id"]


@pytest.mark.parametrize("page", gold_pages(), ids=lambda p: p.stem)
def test_events_match_gold_in_type_date_and_chair(page: Path) -> None:
    for g, r in paired(page):
        want = {(e["type"], e["date"], frozenset(map(norm, e["presided"]))) for e in g["events"]}
        got = {(e["type"], e["date"], frozenset(map(norm, e["presided"]))) for e in r["events"]}
        assert got == want, g["id"]


def test_slogans_and_speakers_agree_with_gold_across_the_pages() -> None:
    """Slogans and who spoke are readings where careful readers differ: held to a floor, not exactness."""
    tp = fp = fn = spoke_ok = spoke_all = 0
    for page in gold_pages():
        for g, r in paired(page):
            want, got = {norm(s) for s in g["slogans"]}, {norm(s) for s in r["slogans"]}
            tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
            for e in g["events"]:
                spoke_all += 1
                spoke_ok += any(
                    (x["type"], x["date"]) == (e["type"], e["date"])
                    and set(map(norm, x["spoke"])) == set(map(norm, e["spoke"]))
                    for x in r["events"]
                )
    assert 2 * tp / (2 * tp + fp + fn) >= 0.8
    assert spoke_ok / spoke_all >= 0.85
