"""Browsing the archive as a reader of a paper does: what the collection holds, a paper issue by
issue, an issue page by page with its articles in printed order, and the days a year covers.

Every adapter (web pages and their JSON twins, the CLI) renders what these return. A page's
issue is its publication and its issue date; where the page does not print one (no masthead
date, none in the file name, no --issue-date) the latest date its own reports give stands in,
marked inferred, since a paper reports the days up to its issue. Pages with no date at all are
grouped under no issue and counted, never dropped.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

LATEST = 10  # issues the collection's front lists


@dataclass(frozen=True, slots=True)
class IssueRow:
    publication: str
    date: str | None  # ISO, or None: pages of no known date
    pages: int
    articles: int
    inferred: bool = False  # the day is the latest its reports give, the page printing none


@dataclass(frozen=True, slots=True)
class PaperRow:
    publication: str
    issues: int
    pages: int
    articles: int
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class Collection:
    papers: tuple[PaperRow, ...]
    pages: int
    articles: int
    persons: int
    events: int
    first: str | None  # the earliest and latest issue dates held
    last: str | None
    latest: tuple[IssueRow, ...]


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: str
    seq: int
    kind: str
    headline: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class PageRow:
    id: str
    name: str
    articles: tuple[ArticleRow, ...]


@dataclass(frozen=True, slots=True)
class Issue:
    publication: str
    date: str | None
    pages: tuple[PageRow, ...]
    previous: str | None = None  # the paper's issue before and after this one
    next: str | None = None


@dataclass(frozen=True, slots=True)
class Month:
    month: str  # YYYY-MM
    days: dict[str, int] = field(default_factory=dict)  # ISO day -> pages of it held


# Pages with no publication read as one paper, named so.
UNKNOWN_PAPER = "（报名不详）"
# Each page with its paper and its day: the issue date, else the latest full date of its reports.
_PAGES = f"""WITH pg AS (
    SELECT p.id, p.name, COALESCE(p.publication, '{UNKNOWN_PAPER}') AS paper,
           COALESCE(p.issue_date, (SELECT MAX(a.date) FROM articles a
                                   WHERE a.page_id = p.id AND a.date GLOB '[0-9][0-9][0-9][0-9]-*')) AS day,
           p.issue_date IS NULL AS inferred
    FROM pages p)
"""


def collection(conn: sqlite3.Connection) -> Collection:
    """What the archive holds: its papers, counts, the span of dates, the latest issues."""
    papers = tuple(
        PaperRow(*r)
        for r in conn.execute(
            _PAGES
            + """SELECT pg.paper, COUNT(DISTINCT pg.day), COUNT(DISTINCT pg.id),
                        (SELECT COUNT(*) FROM articles a JOIN pg q ON q.id = a.page_id
                         WHERE q.paper = pg.paper),
                        MIN(pg.day), MAX(pg.day)
                 FROM pg GROUP BY pg.paper ORDER BY pg.paper"""
        )
    )
    one = conn.execute(
        _PAGES + "SELECT (SELECT COUNT(*) FROM pages), (SELECT COUNT(*) FROM articles),"
        " (SELECT COUNT(*) FROM persons WHERE id IN (SELECT person_id FROM mentions)),"
        " (SELECT COUNT(*) FROM events), (SELECT MIN(day) FROM pg), (SELECT MAX(day) FROM pg)"
    ).fetchone()
    return Collection(papers, one[0], one[1], one[2], one[3], one[4], one[5], latest_issues(conn))


def _issue_row(r: Any) -> IssueRow:
    return IssueRow(r[0], r[1], r[2], r[3], bool(r[4]))


def latest_issues(conn: sqlite3.Connection, limit: int = LATEST) -> tuple[IssueRow, ...]:
    return tuple(
        _issue_row(r)
        for r in conn.execute(
            _PAGES
            + """SELECT pg.paper, pg.day, COUNT(DISTINCT pg.id), COUNT(a.id), MAX(pg.inferred)
                 FROM pg LEFT JOIN articles a ON a.page_id = pg.id
                 WHERE pg.day IS NOT NULL
                 GROUP BY pg.paper, pg.day ORDER BY pg.day DESC, pg.paper LIMIT ?""",
            (limit,),
        )
    )


def paper_issues(conn: sqlite3.Connection, publication: str) -> tuple[IssueRow, ...] | None:
    """A paper's issues, newest first (pages of no known date last); None for no such paper."""
    rows = conn.execute(
        _PAGES
        + """SELECT pg.paper, pg.day, COUNT(DISTINCT pg.id), COUNT(a.id), MAX(pg.inferred)
             FROM pg LEFT JOIN articles a ON a.page_id = pg.id
             WHERE pg.paper = ?
             GROUP BY pg.day ORDER BY pg.day IS NULL, pg.day DESC""",
        (publication,),
    ).fetchall()
    return tuple(_issue_row(r) for r in rows) if rows else None


def issue(conn: sqlite3.Connection, publication: str, date: str | None) -> Issue | None:
    """One issue: its pages by name, each with its articles in printed order; None if none."""
    where = "pg.paper = ? AND " + ("pg.day = ?" if date else "pg.day IS NULL")
    args: tuple[str, ...] = (publication, date) if date else (publication,)
    pages = conn.execute(
        _PAGES + f"SELECT pg.id, pg.name FROM pg WHERE {where} ORDER BY pg.name", args
    ).fetchall()
    if not pages:
        return None
    out: list[PageRow] = []
    for pid, name in pages:
        arts = tuple(
            ArticleRow(*r)
            for r in conn.execute(
                "SELECT id, seq, kind, headline, date FROM articles WHERE page_id = ? ORDER BY seq", (pid,)
            )
        )
        out.append(PageRow(pid, name, arts))
    previous = next_ = None
    if date:
        around = _PAGES + "SELECT {f}(day) FROM pg WHERE paper = ? AND day {op} ?"
        previous = conn.execute(around.format(f="MAX", op="<"), (publication, date)).fetchone()[0]
        next_ = conn.execute(around.format(f="MIN", op=">"), (publication, date)).fetchone()[0]
    return Issue(publication, date, tuple(out), previous, next_)


def calendar(conn: sqlite3.Connection, year: int, publication: str | None = None) -> tuple[Month, ...]:
    """The twelve months of a year, each with the days the archive holds pages of."""
    where = "substr(pg.day, 1, 4) = ?" + (" AND pg.paper = ?" if publication else "")
    args: tuple[str, ...] = (f"{year:04d}", publication) if publication else (f"{year:04d}",)
    days: dict[str, dict[str, int]] = {f"{year:04d}-{m:02d}": {} for m in range(1, 13)}
    for day, n in conn.execute(
        _PAGES + f"SELECT pg.day, COUNT(*) FROM pg WHERE {where} GROUP BY pg.day", args
    ):
        if day and day[:7] in days:
            days[day[:7]][day] = n
    return tuple(Month(m, d) for m, d in days.items())


def years(conn: sqlite3.Connection, publication: str | None = None) -> list[int]:
    """The years the archive holds dated pages of (of one paper, if named)."""
    where = "pg.day IS NOT NULL" + (" AND pg.paper = ?" if publication else "")
    args: tuple[str, ...] = (publication,) if publication else ()
    rows = conn.execute(
        _PAGES + f"SELECT DISTINCT CAST(substr(pg.day, 1, 4) AS INTEGER) FROM pg WHERE {where} ORDER BY 1",
        args,
    )
    return [r[0] for r in rows]
