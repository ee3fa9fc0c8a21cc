"""The date of the event an article reports, as ISO, with the evidence for its year.

The date is read where reports print it: the dateline (新华社北京5月3日电), else the lead's opening
clause (5月11日上午，…). A year left out is taken from --issue-date, else from the years the page
itself prints; a relative day (昨日) needs the issue date and is otherwise a problem, not a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from fangzhi.lexicon import dates as lex
from fangzhi.model import DateFact, Problem, Span

LEAD_CHARS = 40
_CLAUSE_END = re.compile(r"[，。；！？：]")


def page_year(text: str) -> int | None:
    """The year a page's own evidence points to: full dates weigh most, then any 20xx年."""
    votes: Counter[int] = Counter()
    for m in lex.DATE.finditer(text):
        if m.group("y"):
            votes[int(m.group("y"))] += 3
    for m in lex.YEAR.finditer(text):
        votes[int(m.group("y"))] += 1
    if not votes:
        return None
    return max(votes, key=lambda y: (votes[y], y))


def read_date(
    text: str,
    offset: int,
    *,
    issue: date | None,
    year_hint: int | None,
) -> tuple[DateFact, list[Problem]]:
    """The first date in `text` (a dateline or a lead), `offset` placing it in the page."""
    lead = _lead(text)
    m = lex.DATE.search(lead)
    rel = lex.RELATIVE.search(lead)
    # 昨日（3月12日）: the printed date settles what the relative day would need the issue for
    if rel and (m is None or (rel.start() < m.start() and m.start() - rel.end() > 2)):
        return _relative(rel, offset, issue)
    if m is None:
        cm = lex.CN_DATE.search(lead)
        if cm is None:
            return DateFact(None), []
        return _from_parts(
            _cn(cm.group("y")), _cn(cm.group("m")), _cn(cm.group("d")), cm, offset, issue, year_hint
        )
    y = int(m.group("y")) if m.group("y") else None
    return _from_parts(y, int(m.group("m")), int(m.group("d")), m, offset, issue, year_hint)


def _lead(text: str) -> str:
    """The opening clause (up to the first clause break), at most LEAD_CHARS characters.

    Reports print the event's date there (5月11日上午，… / 市委书记某某11月17日在…调研，…);
    a date further on is a reference to some other day.
    """
    cut = _CLAUSE_END.search(text, 0, LEAD_CHARS)
    return text[: cut.start()] if cut else text[:LEAD_CHARS]


def _from_parts(
    y: int | None,
    mo: int | None,
    d: int | None,
    m: re.Match[str],
    offset: int,
    issue: date | None,
    year_hint: int | None,
) -> tuple[DateFact, list[Problem]]:
    span = (Span(offset + m.start(), offset + m.end()),)
    if mo is None or d is None:
        return DateFact(None), []
    inferred = y is None
    if y is None:
        if issue is not None:
            y = issue.year - (1 if (mo, d) > (issue.month, issue.day) and mo - issue.month > 6 else 0)
        else:
            y = year_hint
    if y is None:
        return DateFact(None, True, span, m.group()), [
            Problem("date.no_year", f"the page prints {m.group()} but no year; pass --issue-date", span)
        ]
    try:
        iso = date(y, mo, d).isoformat()
    except ValueError:
        return DateFact(None, inferred, span, m.group()), [
            Problem("date.invalid", f"{m.group()} is not a date in {y}", span)
        ]
    return DateFact(iso, inferred, span, m.group()), []


def _relative(m: re.Match[str], offset: int, issue: date | None) -> tuple[DateFact, list[Problem]]:
    span = (Span(offset + m.start(), offset + m.end()),)
    if issue is None:
        return DateFact(None, False, span, m.group()), [
            Problem("date.relative", f"{m.group()} needs the issue date (--issue-date) to resolve", span)
        ]
    day = issue + timedelta(days=lex.RELATIVE_DAYS[m.group()])
    return DateFact(day.isoformat(), True, span, m.group()), []


def _cn(s: str | None) -> int | None:
    if not s:
        return None
    import cn2an  # imported on first use: it is slow to load and few pages print dates in words

    try:
        return int(cn2an.cn2an(s.replace("○", "〇"), "smart"))
    except (ValueError, KeyError):
        return None
