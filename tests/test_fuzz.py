"""Fuzzing the parser: random Unicode, Chinese with markup, and the sample pages with random
edits. Every example parses without an exception, within a generous per-example bound, with its
output serialisable and every Han character placed or reported.

Fast by default; `FANGZHI_FUZZ=long pytest tests/test_fuzz.py` runs the longer profile.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fangzhi.pipeline import parse_text
from fangzhi.records import page_records
from fangzhi.settings import Settings
from tests.conftest import SEEDS

settings.register_profile(
    "fuzz", max_examples=60, deadline=timedelta(seconds=5), suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "fuzz-long",
    max_examples=2000,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = settings.get_profile("fuzz-long" if os.environ.get("FANGZHI_FUZZ") == "long" else "fuzz")

_SAMPLES = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
_MARKUP = st.sampled_from(
    ["# ", "## ", "**", "\n", "\n\n", "（", "）", "【", "】", "■", "□", "——", "：", "。", "，"]
)
_HAN = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=30)


def _holds(text: str) -> None:
    parsed = parse_text(text, "fuzz.txt", Settings())
    recs = page_records(parsed)
    json.dumps(recs, ensure_ascii=False).encode("utf-8")
    placed: set[int] = set()
    for f in parsed.page.furniture:
        for a, b in parsed.page.offsets.spans_to_raw([f.span]):
            placed.update(range(a, b))
    for p in parsed.problems:
        if p.code == "text.unplaced":
            for a, b in parsed.page.offsets.spans_to_raw(list(p.spans)):
                placed.update(range(a, b))
    for rec in recs:
        for ranges in rec["spans"].values():
            for a, b in ranges:
                placed.update(range(a, b))
        for bl in rec["bylines"]:
            for a, b in bl["spans"]:
                placed.update(range(a, b))
    lost = [c for i, c in enumerate(text) if "\u4e00" <= c <= "\u9fff" and i not in placed]
    assert not lost, "".join(lost)[:40]


@PROFILE
@given(st.text(max_size=400))
def test_random_unicode(text: str) -> None:
    _holds(text)


@PROFILE
@given(st.lists(st.one_of(_MARKUP, _HAN), max_size=60).map("".join))
def test_chinese_with_markup(text: str) -> None:
    _holds(text)


@PROFILE
@given(
    st.integers(0, max(0, len(_SAMPLES) - 1)),
    st.lists(
        st.tuples(st.floats(0, 1), st.floats(0, 1), st.sampled_from(["cut", "copy", "strip", "join"])),
        max_size=4,
    ),
)
def test_sample_pages_with_random_edits(which: int, edits: list[tuple[float, float, str]]) -> None:
    if not _SAMPLES:
        return
    text = _SAMPLES[which]
    for x, y, how in edits:
        a, b = sorted((int(x * len(text)), int(y * len(text))))
        if how == "cut":
            text = text[:a] + text[b:]
        elif how == "copy":
            text = text[:b] + text[a:b] + text[b:]
        elif how == "strip":  # OCR that lost the marks of a stretch
            text = text[:a] + "".join(c for c in text[a:b] if "\u4e00" <= c <= "\u9fff") + text[b:]
        else:  # lines run together
            text = text[:a] + text[a:b].replace("\n", "") + text[b:]
    _holds(text)
