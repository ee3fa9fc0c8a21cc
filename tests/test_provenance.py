"""Every field points at the raw characters it was read from; nothing on the page is lost."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fangzhi.lexicon.chars import FULL_TO_ASCII, TO_FULL_WIDTH
from fangzhi.model import ParsedPage
from fangzhi.pipeline import parse_text
from fangzhi.records import page_records
from fangzhi.settings import Settings
from tests.conftest import needs_shared, seed_pages

_FOLD = {ord(k): v for k, v in TO_FULL_WIDTH.items()}


def fold(s: str) -> str:
    """What the normalising rules may do to a character: width folding, one for one."""
    return s.translate(FULL_TO_ASCII).translate(_FOLD)


def spans_hold(raw: str, rec: dict[str, object]) -> None:
    spans = rec["spans"]
    assert isinstance(spans, dict)
    for name in ("kicker", "headline", "subtitle", "dateline", "byline", "credit", "body"):
        value = rec.get(name)
        if not value:
            assert not spans.get(name)
            continue
        got = "".join(raw[a:b] for a, b in spans[name])
        want = str(value).replace("\n", "").replace(" ", "")
        assert fold(got).replace(" ", "") == fold(want), name


def furniture_ranges(parsed: ParsedPage) -> list[list[int]]:
    return [r for f in parsed.page.furniture for r in parsed.page.offsets.spans_to_raw([f.span])]


def facts_hold(raw: str, rec: dict[str, object]) -> None:
    """Every person, post, document and slogan points at the raw characters it was read from."""
    for p in rec["persons"]:  # type: ignore[attr-defined]
        for a, b in p["spans"]:
            assert fold(raw[a:b]) == fold(p["name"])
        for title, ranges in zip(p["posts"], p["post_spans"], strict=True):
            assert fold("".join(raw[a:b] for a, b in ranges)).replace(" ", "").find(fold(title)) >= 0 or fold(
                title
            ) in fold("".join(raw[a:b] for a, b in ranges))
    fact_spans = rec["fact_spans"]
    assert isinstance(fact_spans, dict)
    for key in ("documents", "slogans"):
        for text, ranges in zip(rec[key], fact_spans[key], strict=True):  # type: ignore[call-overload]
            first = ranges[0]
            assert fold(raw[first[0] : first[1]]) == fold(text)


def han(s: str) -> Counter[str]:
    return Counter(c for c in s if "\u4e00" <= c <= "\u9fff")


def covered_han(raw: str, recs: list[dict[str, object]], furniture: list[list[int]]) -> Counter[str]:
    seen: set[int] = set()
    for a, b in furniture:
        seen.update(range(a, b))
    for rec in recs:
        spans = rec["spans"]
        assert isinstance(spans, dict)
        ranges = [r for v in spans.values() for r in v]
        for b in rec["bylines"]:  # type: ignore[attr-defined]
            ranges.extend(b["spans"])
        for a, b in ranges:
            seen.update(range(a, b))
    return han("".join(raw[i] for i in sorted(seen)))


@needs_shared
@pytest.mark.parametrize("page", seed_pages(), ids=lambda p: p.stem[:3])
def test_sample_page_spans_point_at_their_text(page: Path) -> None:
    raw = page.read_text(encoding="utf-8")
    for rec in page_records(parse_text(raw, page.name)):
        spans_hold(raw, rec)


@needs_shared
@pytest.mark.parametrize("page", seed_pages(), ids=lambda p: p.stem[:3])
def test_sample_page_facts_point_at_their_text(page: Path) -> None:
    raw = page.read_text(encoding="utf-8")
    recs = page_records(parse_text(raw, page.name))
    assert sum(len(r["persons"]) for r in recs) > 0
    for rec in recs:
        facts_hold(raw, rec)


@needs_shared
@pytest.mark.parametrize("page", seed_pages(), ids=lambda p: p.stem[:3])
def test_sample_page_every_han_character_is_accounted_for(page: Path) -> None:
    raw = page.read_text(encoding="utf-8")
    parsed = parse_text(raw, page.name)
    assert covered_han(raw, page_records(parsed), furniture_ranges(parsed)) == han(raw)


@needs_shared
@pytest.mark.parametrize("page", seed_pages(), ids=lambda p: p.stem[:3])
def test_sample_page_date_spans_hold_the_date(page: Path) -> None:
    raw = page.read_text(encoding="utf-8")
    for rec in page_records(parse_text(raw, page.name)):
        if rec["date"]:
            spans = rec["spans"]
            assert isinstance(spans, dict)
            got = "".join(raw[a:b] for a, b in spans["date"])
            assert "月" in got or "日" in got


# Text that looks like an OCR'd page: Chinese, markup, datelines, punctuation, gaps.
_PIECES = st.sampled_from(
    [
        "衡阳晚报讯（全媒体记者 陈某）",
        "本报讯（记者 张某 通讯员 李某）",
        "新华社北京5月3日电（记者 王某）",
        "■本报评论员",
        "■某某 摄",
        "# ",
        "## ",
        "**",
        "市委书记某某主持会议。",
        "市领导甲某、乙某出席。",
        "11月17日上午，",
        "会议强调，要",
        "“制造立市、文旅兴城”",
        "《某某方案》",
        "——访某县委书记某某",
        "衡阳日报",
        "（下转第2版）",
        "设",
        "计、",
        "5",
        "月11日",
        ",",
        "(",
        ")",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\u3000",
        "。",
        "，",
    ]
)
_TEXT = st.one_of(
    st.lists(_PIECES, max_size=40).map("".join),
    st.text(max_size=300),
    st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30).map("".join),
)


@given(_TEXT)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_parses_with_spans_that_hold(text: str) -> None:
    parsed = parse_text(text, "random.txt", Settings())
    recs = page_records(parsed)
    for rec in recs:
        spans_hold(text, rec)
        facts_hold(text, rec)
    assert covered_han(text, recs, furniture_ranges(parsed)) == han(text)


_LINES = st.sampled_from(
    [
        "# 市政府召开常务会议",
        "## 某某工作推进会召开",
        "某某机场：",
        "本报讯（记者 张某）",
        "衡阳晚报讯（全媒体记者 陈某）5月3日，全市工作会议召开。",
        "市委书记某某主持会议。市领导甲某、乙某出席。",
        "会议强调，要压实责任，确保各项任务落地见效。",
        "■本报记者 王某 通讯员 李某",
        "第2版 要闻 2023年5月11日 星期四",
        "责任编辑：某某",
        "（下转第2版）",
        "图为某某在车间察看。■某某 摄",
        "市委书记某某某主持会议传达学习有关会议精神研究部署近期重点工作" * 4,
    ]
)


@given(st.lists(_LINES, min_size=1, max_size=14).map("\n".join))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_no_han_character_is_dropped_without_a_word(text: str) -> None:
    parsed = parse_text(text, "random.txt", Settings())
    reported = [
        r
        for p in parsed.problems
        if p.code == "text.unplaced"
        for r in parsed.page.offsets.spans_to_raw(list(p.spans))
    ]
    assert covered_han(text, page_records(parsed), furniture_ranges(parsed) + reported) == han(text)


def test_text_in_no_article_and_no_furniture_is_a_problem_naming_it() -> None:
    from fangzhi.pipeline import unplaced_text

    text = "# 全市防汛工作会议召开\n\n本报讯 6月3日，全市防汛工作会议召开。\n\n# 市长调研\n\n本报讯 6月4日，市长某某调研。\n"
    parsed = parse_text(text, "p.txt", Settings())
    assert unplaced_text(parsed.page, parsed.articles) == ()
    (problem,) = unplaced_text(parsed.page, parsed.articles[:1])  # as if the second were lost
    assert problem.code == "text.unplaced" and "市长调研" in problem.message
    lost = "".join(text[a:b] for a, b in parsed.page.offsets.spans_to_raw(list(problem.spans)))
    assert han(lost) == han("市长调研本报讯6月4日，市长某某调研。")


def test_a_line_longer_than_the_limit_is_read_in_pieces_with_a_problem() -> None:
    sentence = "市委书记某某主持召开会议，研究部署近期重点工作。"
    text = "# 标题\n" + sentence * 400  # 9,600 characters, no line break
    parsed = parse_text(text, "long.txt", Settings(max_line_chars=2000))
    assert [p.code for p in parsed.problems].count("line.long") == 1
    recs = page_records(parsed)
    for rec in recs:
        spans_hold(text, rec)
    assert covered_han(text, recs, furniture_ranges(parsed)) == han(text)
    whole = parse_text(text, "long.txt", Settings())
    assert "line.long" not in [p.code for p in whole.problems]
