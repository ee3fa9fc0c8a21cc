"""compile_scanning(): the same matches as re.compile, whatever the text."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fangzhi.extract import figures
from fangzhi.lexicon import dates, events
from fangzhi.patterns import compile_scanning, first_chars


def _unwrap(guarded: re.Pattern[str]) -> str:
    """The pattern the guard was put on."""
    m = re.fullmatch(r"\(\?=\[.*?\]\)\(\?:(.*)\)", guarded.pattern, re.S)
    assert m is not None, guarded.pattern
    return m.group(1)


GUARDED = [
    dates.DATE,
    dates.CN_DATE,
    events.BODY_SPEAKS,
    events.INSPECTION,
    events.NAME_TAIL,
    figures._FIGURE,
]
# The lexicons' guarded patterns as written, and a few shapes of pattern the guard must get right.
PATTERNS = [
    *(_unwrap(rx) for rx in GUARDED),
    r"(?:ab)?c+",
    r"(?<![x1])(?:19|20)\d{2}(?:年|-)",
    r"(?:a|b|)c",
    r"\s*[-\]]x",
    r"(?:(?=a)|b)+c",
    r"a{0}b",
]


def _texts(pattern: str) -> st.SearchStrategy[str]:
    """Texts made of the words the pattern is built from (so that its matches are common),
    digits, punctuation and any character at all."""
    words = sorted(set(re.findall(r"[\u4e00-\u9fff]+|[abcx]", pattern)))
    piece = st.one_of(
        st.sampled_from(words),
        st.sampled_from(words),
        st.sampled_from([*"0123456789", "2023", " ", "\n", "-", "]", "，", "：", ":", "%", "（", "）"]),
        st.text(max_size=2),
    )
    return st.lists(piece, max_size=12).map("".join)


def _matches(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


@pytest.mark.parametrize("pattern", PATTERNS)
@given(data=st.data())
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_guarded_pattern_finds_what_the_plain_one_does(pattern: str, data: st.DataObject) -> None:
    text = data.draw(_texts(pattern))
    pos = data.draw(st.integers(0, len(text) + 1))
    plain = re.compile(pattern)
    guarded = compile_scanning(pattern)
    assert _matches(guarded, text) == _matches(plain, text)
    a, b = guarded.search(text, pos), plain.search(text, pos)
    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
    a, b = guarded.match(text, pos), plain.match(text, pos)
    assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))
    assert guarded.groupindex == plain.groupindex


# The year pattern as written from its start; the lexicon's reads it behind the mark after it
YEAR_AS_WRITTEN = re.compile(r"(?<![\d" + dates.DASH + r"到至争计划])(?P<y>(?:19|20)\d{2})(?:年|—|-)")


@given(data=st.data())
@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_patterns_read_behind_a_mark_find_the_same_years(data: st.DataObject) -> None:
    pieces = ["2023年", "1999", "5月", "12", "3号", "1日", "—", "-", "至", "争", "年", "月", "7", " "]
    text = data.draw(st.lists(st.sampled_from(pieces), max_size=16).map("".join))
    years = [m.group("y") for m in YEAR_AS_WRITTEN.finditer(text)]
    assert [m.group("y") for m in dates.YEAR.finditer(text)] == years
    full = [(m.group("y"), m.group("m"), m.group("d")) for m in dates.DATE.finditer(text) if m.group("y")]
    assert [(m.group("y"), m.group("m"), m.group("d")) for m in dates.FULL_DATE.finditer(text)] == full


def test_lexicon_patterns_are_guarded() -> None:
    for rx in GUARDED:
        assert compile_scanning(_unwrap(rx)).pattern == rx.pattern


def test_first_chars() -> None:
    assert first_chars(r"(?:会议)?(?:强调|指出)") == "会强指"
    assert first_chars(r"(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月") == r"\d"
    assert first_chars(r"(?<!x)(?:19|20)") == "12"
    assert first_chars(r"[a-c]x|\s") == r"\sa-c"
    # no guard where it would be wrong or no narrower
    assert first_chars(r"a?") is None  # matches the empty string
    assert first_chars(r"(?:a|)") is None
    assert first_chars(r"[^，。]+x") is None  # a negated class
    assert first_chars(r".x") is None
    assert first_chars(r"(a)\1") == "a"
    assert first_chars(r"\1", 0) is None  # not a pattern
    assert first_chars(r"a", re.IGNORECASE) is None
    assert first_chars(r"(?i)a") is None
    assert compile_scanning(r"(?i)ab").pattern == r"(?i)ab"
