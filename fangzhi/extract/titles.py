"""Documents (every title in 《》) and slogans (policy lines in “”)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fangzhi.lexicon import policy

_DOCUMENT = re.compile(r"《([^《》\n]{1,120})》")
_QUOTE = re.compile(r"“([^“”\n]{1,40})”")
_SPEECH = re.compile(r"[，。！？；：,!?;:]")


@dataclass(frozen=True, slots=True)
class TitleHit:
    text: str
    start: int  # the title's characters, brackets excluded
    end: int


def find_documents(text: str) -> list[TitleHit]:
    """Every title printed in 《》, nested 〈〉 kept as printed."""
    return [TitleHit(m.group(1), m.start(1), m.end(1)) for m in _DOCUMENT.finditer(text)]


_CLAUSE_START = re.compile(r"[，。；：！？,;:!?\n]")


def find_slogans(text: str) -> list[TitleHit]:
    """Policy lines in “”, told apart from speech, honours, names and figures of speech.

    A quote inside a document's title belongs to the title (《某市“十四五”规划》)."""
    in_titles = [(m.start(), m.end()) for m in _DOCUMENT.finditer(text)]
    return [
        TitleHit(m.group(1), m.start(1), m.end(1))
        for m in _QUOTE.finditer(text)
        if not (in_titles and any(a <= m.start() < b for a, b in in_titles))
        and is_slogan(
            m.group(1),
            text[max(0, m.start() - 10) : m.start()],
            text[m.end() : m.end() + 8],
            _clause_before(text, m.start()),
        )
    ]


def _clause_before(text: str, at: int) -> str:
    """The clause a quote is printed in, up to the quote (its verb may stand further back than
    the ten characters `before` holds: 打造甲、乙、丙“五张产业名片”)."""
    window = text[max(0, at - 60) : at]
    cut = max((m.end() for m in _CLAUSE_START.finditer(window)), default=0)
    return window[cut:]


def is_slogan(inner: str, before: str, after: str, clause: str = "") -> bool:
    inner = inner.strip()
    if len(inner) < 2 or _SPEECH.search(inner) or inner in policy.IDIOM_FORMULAS:
        return False  # speech, or a saying
    if "·" in inner or "+" in inner or "%" in inner:
        return False  # a day (5·12), a case (6·11), a measure (1500米+)
    if policy.HONOUR_END.search(inner) or policy.HONOUR_BEFORE.search(before):
        return False
    if policy.AGAINST_BEFORE.search(before.rstrip("“”")) or policy.PERIOD_END.search(inner):
        return False  # a problem fought (整治“庸懒散”), a period (“决胜之年”)
    if policy.METAPHOR_BEFORE.search(before) and not policy.CUE_AFTER.match(after):
        return False
    if inner in policy.NOT_SLOGANS or policy.SUMMARY_AROUND.search(before + "“" + inner + "”" + after):
        return False  # “两会” is a session; 用“四个选择”概括 sums up a speech
    numerals = len(policy.NUMBERED.findall(inner))
    formula = numerals and len(inner) <= 12
    if formula and (numerals >= 2 or _cued(before, after) or _numbered_run(before, after)):
        return True  # a numbered formula (三高四新, 十四五), one named as a line (推进“十大工程”), or
        # one of a run of them (“六稳”“六保”)
    if formula and policy.CUE_IN_CLAUSE.search(clause):
        return True  # 打造甲、乙、丙“五张产业名片”: the clause's verb governs the formula
    if after.startswith(("”", "“")) and not policy.CUE_BEFORE.search(before):
        return False  # one of a run of quoted words (“指挥棒”“评判器”)
    return _cued(before, after)


def _numbered_run(before: str, after: str) -> bool:
    """Another numbered quote printed right next to this one."""
    nxt = re.match(r"“([^“”]{1,12})”", after)
    prv = re.search(r"“([^“”]{1,12})”$", before)
    return any(m is not None and policy.NUMBERED.search(m.group(1)) for m in (nxt, prv))


def _cued(before: str, after: str) -> bool:
    return bool(policy.CUE_BEFORE.search(before) or policy.CUE_AFTER.match(after))
