"""The date of the event an article reports, as ISO, with the evidence for its year.

The date is read where reports print it: the dateline (新华社北京5月3日电), else the lead's opening
clause (5月11日上午，…). A year left out comes, in this order, from a full date the article itself
prints elsewhere, the issue date (--issue-date, else the page header's, else a date in the file
name), else the years the page's dates print (one issue, one year). With none, the date is
partial, `--MM-DD` as ISO 8601 writes month and day alone. A relative day (昨日) needs the issue
date and is otherwise a problem, not a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

from fangzhi.lexicon import dates as lex
from fangzhi.model import Article, DateFact, Problem, Span

LEAD_CHARS = 40
_CLAUSE_END = re.compile(r"[，。；！？：]")


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def name_date(name: str) -> date | None:
    """A date printed in a page file's name (hyrb-20231117-02.txt, 2023_11_17_A3.txt)."""
    m = _NAME_DATE.search(name)
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def dated_year(text: str) -> int | None:
    """The year of the full dates a text prints (2023年5月11日); a bare year (2022年度, 2021年以来)
    names a period the text speaks of, not the day it reports."""
    if "年" not in text:
        return None  # every full date prints 年 (lex.FULL_DATE is found from it)
    return _likeliest(_full_date_years(text))


def page_year(text: str) -> int | None:
    """The year a text's own evidence points to: full dates weigh most, then any 20xx年."""
    votes = Counter({y: 3 * n for y, n in _full_date_years(text).items()})
    votes.update(int(m.group("y")) for m in lex.YEAR.finditer(text))
    return _likeliest(votes)


def _full_date_years(text: str) -> Counter[int]:
    return Counter(int(m.group("y")) for m in lex.FULL_DATE.finditer(text))


def _likeliest(votes: Counter[int]) -> int | None:
    """The year with most votes; a tie goes to the latest."""
    return max(votes, key=lambda y: (votes[y], y)) if votes else None


def read_date(
    text: str,
    offset: int,
    *,
    issue: date | None,
    year_hint: int | None,
    where: str = "body",
    issue_source: str = "issue-date",
    page_year: int | None = None,
) -> tuple[DateFact, list[Problem]]:
    """The first date in `text` (a dateline or a lead, said by `where`), `offset` placing it in
    the page; `year_hint` is a year the article itself prints, `issue_source` says where the
    issue date came from (issue-date, masthead, file-name)."""
    lead = _lead(text)
    m = lex.DATE.search(lead)
    rel = lex.RELATIVE.search(lead)
    # 昨日（3月12日）: the printed date settles what the relative day would need the issue for
    if rel and (m is None or (rel.start() < m.start() and m.start() - rel.end() > 2)):
        return _relative(rel, offset, issue, issue_source)
    if m is None:
        cm = lex.CN_DATE.search(lead)
        if cm is None:
            return DateFact(None), []
        y, mo, d, found = _cn(cm.group("y")), _cn(cm.group("m")), _cn(cm.group("d")), cm
    else:
        y, mo, d, found = int(m.group("y")) if m.group("y") else None, int(m.group("m")), int(m.group("d")), m
    return _from_parts(y, mo, d, found, offset, issue, year_hint, page_year, where, issue_source)


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
    own: int | None,
    page: int | None,
    where: str,
    issue_source: str,
) -> tuple[DateFact, list[Problem]]:
    span = (Span(offset + m.start(), offset + m.end()),)
    if mo is None or d is None:
        return DateFact(None), []
    inferred = y is None
    source = where
    if y is None and own is not None:
        y = own  # the year of a full date the article prints elsewhere: its own evidence
    elif y is None and issue is not None:
        y = issue.year - (1 if (mo, d) > (issue.month, issue.day) and mo - issue.month > 6 else 0)
        source = issue_source
    elif y is None and page is not None:
        y, source = page, "page"  # the year the page's dates print: one issue, one year
    if y is None:
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            return DateFact(None, True, span, m.group()), [
                Problem("date.invalid", f"{m.group()} is not a date", span)
            ]
        # month and day as printed, no year: a partial date, never a year borrowed from elsewhere
        return DateFact(f"--{mo:02d}-{d:02d}", False, span, m.group(), "none"), [
            Problem("date.no_year", f"the page prints {m.group()} but no year; pass --issue-date", span)
        ]
    try:
        iso = date(y, mo, d).isoformat()
    except ValueError:
        return DateFact(None, inferred, span, m.group()), [
            Problem("date.invalid", f"{m.group()} is not a date in {y}", span)
        ]
    return DateFact(iso, inferred, span, m.group(), source), []


def _relative(
    m: re.Match[str], offset: int, issue: date | None, source: str
) -> tuple[DateFact, list[Problem]]:
    span = (Span(offset + m.start(), offset + m.end()),)
    if issue is None:
        return DateFact(None, False, span, m.group()), [
            Problem("date.relative", f"{m.group()} needs the issue date (--issue-date) to resolve", span)
        ]
    day = issue + timedelta(days=lex.RELATIVE_DAYS[m.group()])
    return DateFact(day.isoformat(), True, span, m.group(), source), []


def issue_dated(articles: tuple[Article, ...], issue: date | None, *, given: bool) -> tuple[Article, ...]:
    """What the issue date says of articles that print no date: a continuation (fragment) was
    printed by that day at the latest (`not_after`); with the issue date given by the user
    (`given`: --issue-date), an article that prints none is dated by it (source issue-date) —
    its events are not, for the day of an event is what the report says it is."""
    if issue is None:
        return articles
    out: list[Article] = []
    for a in articles:
        if a.kind == "fragment":
            a = replace(a, date=replace(a.date, not_after=issue.isoformat()))
        elif given and a.date.iso is None:
            a = replace(a, date=DateFact(issue.isoformat(), True, (), None, "issue-date"))
        out.append(a)
    return tuple(out)


def _cn(s: str | None) -> int | None:
    if not s:
        return None
    import cn2an  # imported on first use: it is slow to load and few pages print dates in words

    try:
        return int(cn2an.cn2an(s.replace("○", "〇"), "smart"))
    except (ValueError, KeyError):
        return None
