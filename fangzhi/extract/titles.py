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


def find_slogans(text: str) -> list[TitleHit]:
    """Policy lines in “”, told apart from speech, honours, names and figures of speech.

    A quote inside a document's title belongs to the title (《某市“十四五”规划》)."""
    return find_quoted(text)[0]


def find_quoted(text: str) -> tuple[list[TitleHit], list[TitleHit]]:
    """The slogans the text decides by their use, and the quotes shaped as slogans whose use
    here decides nothing (今年是“十四五”的关键之年): those are left to their use elsewhere
    (fangzhi.extract.facts.promote_repeated, and the archive's slogans table)."""
    in_titles = [(m.start(), m.end()) for m in _DOCUMENT.finditer(text)]
    slogans: list[TitleHit] = []
    quotes: list[TitleHit] = []
    for m in _QUOTE.finditer(text):
        if in_titles and any(a <= m.start() < b for a, b in in_titles):
            continue
        verdict = judge(
            m.group(1),
            # its own paragraph's words: a headline's last verb governs no quote of the body
            text[max(0, m.start() - 10) : m.start()].rsplit("\n", 1)[-1],
            text[m.end() : m.end() + 8],
            _clause_before(text, m.start()),
        )
        if verdict is not None:
            (slogans if verdict == SLOGAN else quotes).append(TitleHit(m.group(1), m.start(1), m.end(1)))
    return slogans, quotes


_CLAUSE_START = re.compile(r"[，。；：！？,;:!?\n]")


def _clause_before(text: str, at: int) -> str:
    """The clause a quote is printed in, up to the quote (its verb may stand further back than
    the ten characters `before` holds: 打造甲、乙、丙“五张产业名片”)."""
    window = text[max(0, at - 60) : at]
    cut = max((m.end() for m in _CLAUSE_START.finditer(window)), default=0)
    return window[cut:]


SLOGAN = "slogan"
QUOTE = "quote"  # shaped as a slogan, its use here undecided


def is_slogan(inner: str, before: str, after: str, clause: str = "") -> bool:
    return judge(inner, before, after, clause) == SLOGAN


def judge(inner: str, before: str, after: str, clause: str = "") -> str | None:
    """SLOGAN, QUOTE, or None for a quote that is never a slogan whatever its use elsewhere."""
    inner = inner.strip()
    if len(inner) < 2 or _SPEECH.search(inner) or inner in policy.IDIOM_FORMULAS:
        return None  # speech, or a saying
    if "·" in inner or "+" in inner or "%" in inner:
        return None  # a day (5·12), a case (6·11), a measure (1500米+)
    if policy.HONOUR_END.search(inner) or policy.HONOUR_BEFORE.search(before):
        return None
    if policy.AGAINST_BEFORE.search(before.rstrip("“”")) or policy.PERIOD_END.search(inner):
        return None  # a problem fought (整治“庸懒散”), a period (“决胜之年”)
    if inner in policy.NOT_SLOGANS or policy.SUMMARY_AROUND.search(before + "“" + inner + "”" + after):
        return None  # “两会” is a session; 用“四个选择”概括 sums up a speech
    undecided = QUOTE if _shaped(inner) else None
    if policy.METAPHOR_BEFORE.search(before) and not policy.CUE_AFTER.match(after):
        return undecided  # a figure of speech (是“指挥棒”), or a line named by what it is
    numerals = len(policy.NUMBERED.findall(inner))
    formula = numerals and len(inner) <= 12
    if formula and (numerals >= 2 or _cued(before, after) or _numbered_run(before, after)):
        return SLOGAN  # a numbered formula (三高四新, 十四五), one named as a line (推进“十大工程”),
        # or one of a run of them (“六稳”“六保”)
    if formula and policy.CUE_IN_CLAUSE.search(clause):
        return SLOGAN  # 打造甲、乙、丙“五张产业名片”: the clause's verb governs the formula
    if after.startswith(("”", "“")) and not policy.CUE_BEFORE.search(before):
        return undecided  # one of a run of quoted words (“指挥棒”“评判器”)
    return SLOGAN if _cued(before, after) else undecided


def _shaped(inner: str) -> bool:
    return bool(policy.NUMBERED_SHAPE.match(inner) or policy.PARALLEL_SHAPE.match(inner))


def _numbered_run(before: str, after: str) -> bool:
    """Another numbered quote printed right next to this one."""
    nxt = re.match(r"“([^“”]{1,12})”", after)
    prv = re.search(r"“([^“”]{1,12})”$", before)
    return any(m is not None and policy.NUMBERED.search(m.group(1)) for m in (nxt, prv))


def _cued(before: str, after: str) -> bool:
    return bool(policy.CUE_BEFORE.search(before) or policy.CUE_AFTER.match(after))
