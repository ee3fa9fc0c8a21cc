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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")

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
    folio: str | None = None  # its number in the issue (3, A3), when its header or file name gives it


@dataclass(frozen=True, slots=True)
class Issue:
    publication: str
    date: str | None
    pages: tuple[PageRow, ...]
    previous: str | None = None  # the paper's issue before and after this one
    next: str | None = None


@dataclass(frozen=True, slots=True)
class PaperView:
    """A paper's issues, the years it holds and a calendar of one of them (the latest, unasked)."""

    publication: str
    issues: tuple[IssueRow, ...]
    years: tuple[int, ...]
    year: int | None
    calendar: tuple[Month, ...]


@dataclass(frozen=True, slots=True)
class Month:
    month: str  # YYYY-MM
    days: dict[str, int] = field(default_factory=dict)  # ISO day -> pages of it held


# Pages with no publication read as one paper, named so.
UNKNOWN_PAPER = "（报名不详）"
_CACHED = 8  # archives whose page index a process keeps


@dataclass(frozen=True, slots=True)
class _Page:
    id: str
    name: str
    paper: str
    day: str | None
    inferred: bool
    articles: int
    folio: str | None


@dataclass(frozen=True, slots=True)
class _Index:
    """Every page with its paper, its day and its count of articles, read in one pass; and the
    archive's totals. Built once per state of the archive (browsing reads it on every request,
    and on an archive of millions of articles one pass is the cost, not one per request), and
    so is what is derived from it (`derived`: a paper's issues, the latest issues, the collection),
    which on 100,000 articles takes hundreds of milliseconds to work out again."""

    pages: tuple[_Page, ...]
    articles: int
    persons: int
    events: int
    by_paper: dict[str, list[_Page]]
    by_id: dict[str, _Page]
    derived: dict[tuple[object, ...], Any] = field(default_factory=dict)

    def once(self, key: tuple[object, ...], make: Callable[[], T]) -> T:
        """`make()`, worked out the first time `key` is asked of this state of the archive."""
        if key not in self.derived:
            self.derived[key] = make()  # two threads may both make it: the same value either way
        return self.derived[key]  # type: ignore[no-any-return]


def _state(conn: sqlite3.Connection) -> tuple[object, ...]:
    """What changes whenever pages are stored or deleted: the archive's count of writes, which the
    store moves in the transaction of each (corpus.writes, as search's memos read it), and its
    schema (a migration may fill in pages' columns). One row read, where a scan of the pages for
    their latest ingest time took 90 ms on 100,000 articles, on every browsing request."""
    try:
        row = conn.execute("SELECT writes, articles, chars FROM corpus").fetchone()
    except sqlite3.OperationalError:  # an archive from before migration 4, opened read-only
        row = conn.execute("SELECT COUNT(*), MAX(ingested_at) FROM pages").fetchone()
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    return (*(tuple(row) if row else ()), version)


_indexes: dict[tuple[str, tuple[object, ...]], _Index] = {}


def _index(conn: sqlite3.Connection) -> _Index:
    path = str(conn.execute("PRAGMA database_list").fetchone()[2] or f"memory:{id(conn)}")
    key = (path, _state(conn))
    found = _indexes.get(key)
    if found is None:
        found = _build(conn)
        for stale in [k for k in _indexes if k[0] == path]:  # an earlier state of this archive
            del _indexes[stale]
        while len(_indexes) >= _CACHED:
            del _indexes[next(iter(_indexes))]  # the archive cached longest ago
        _indexes[key] = found
    return found


def _build(conn: sqlite3.Connection) -> _Index:
    pages: list[_Page] = []
    total = 0
    for pid, name, paper, issued, n, latest, folio in conn.execute(
        """SELECT p.id, p.name, p.publication, p.issue_date, x.n, x.latest, p.folio
           FROM pages p LEFT JOIN (
               SELECT page_id, COUNT(*) AS n,
                      MAX(CASE WHEN date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
                               THEN substr(date, 1, 10) END) AS latest
               FROM articles GROUP BY page_id) x ON x.page_id = p.id"""
    ):
        day = issued or latest
        inferred = issued is None and day is not None
        pages.append(_Page(pid, name, paper or UNKNOWN_PAPER, day, inferred, n or 0, folio))
        total += n or 0
    persons, events = conn.execute(
        "SELECT (SELECT COUNT(DISTINCT person_id) FROM mentions), (SELECT COUNT(*) FROM events)"
    ).fetchone()
    by_paper: dict[str, list[_Page]] = {}
    for pg in pages:
        by_paper.setdefault(pg.paper, []).append(pg)
    return _Index(tuple(pages), total, persons, events, by_paper, {p.id: p for p in pages})


def page_day(conn: sqlite3.Connection, page_id: str) -> tuple[str | None, bool]:
    """A page's issue date, or the latest its reports give (then inferred: True)."""
    pg = _index(conn).by_id.get(page_id)
    return (pg.day, pg.inferred) if pg is not None else (None, False)


def _issues(pages: list[_Page]) -> list[IssueRow]:
    """The pages' issues, newest first, pages of no known date last."""
    groups: dict[tuple[str, str | None], list[_Page]] = {}
    for pg in pages:
        groups.setdefault((pg.paper, pg.day), []).append(pg)
    rows = [
        IssueRow(paper, day, len(ps), sum(p.articles for p in ps), any(p.inferred for p in ps))
        for (paper, day), ps in groups.items()
    ]
    return sorted(rows, key=lambda r: (r.date is None, _desc(r.date), r.publication))


def _desc(day: str | None) -> tuple[int, ...]:
    return tuple(-ord(c) for c in day or "")


def collection(conn: sqlite3.Connection) -> Collection:
    """What the archive holds: its papers, counts, the span of dates, the latest issues."""
    ix = _index(conn)
    return ix.once(("collection",), lambda: _collection(ix))


def _collection(ix: _Index) -> Collection:
    papers = []
    for paper in sorted(ix.by_paper):
        ps = ix.by_paper[paper]
        days = [p.day for p in ps if p.day]
        papers.append(
            PaperRow(
                paper,
                len(set(days)),
                len(ps),
                sum(p.articles for p in ps),
                min(days, default=None),
                max(days, default=None),
            )
        )
    days = [p.day for p in ix.pages if p.day]
    return Collection(
        tuple(papers),
        len(ix.pages),
        ix.articles,
        ix.persons,
        ix.events,
        min(days, default=None),
        max(days, default=None),
        _latest(ix, LATEST),
    )


def latest_issues(conn: sqlite3.Connection, limit: int = LATEST) -> tuple[IssueRow, ...]:
    return _latest(_index(conn), limit)


def _latest(ix: _Index, limit: int) -> tuple[IssueRow, ...]:
    return ix.once(("latest", limit), lambda: tuple(_issues([p for p in ix.pages if p.day])[:limit]))


def paper_issues(conn: sqlite3.Connection, publication: str) -> tuple[IssueRow, ...] | None:
    """A paper's issues, newest first (pages of no known date last); None for no such paper."""
    ix = _index(conn)
    pages = ix.by_paper.get(publication)
    return ix.once(("issues", publication), lambda: tuple(_issues(pages))) if pages else None


def _days(ix: _Index, publication: str) -> dict[str, tuple[str | None, str | None]]:
    """A paper's days, each with the paper's day before and after it."""

    def make() -> dict[str, tuple[str | None, str | None]]:
        days = sorted({p.day for p in ix.by_paper.get(publication, ()) if p.day})
        return {
            d: (days[i - 1] if i > 0 else None, days[i + 1] if i + 1 < len(days) else None)
            for i, d in enumerate(days)
        }

    return ix.once(("days", publication), make)


def _issue_pages(ix: _Index, publication: str) -> dict[str | None, tuple[_Page, ...]]:
    """A paper's pages by day, each day's in printed order."""

    def make() -> dict[str | None, tuple[_Page, ...]]:
        by_day: dict[str | None, list[_Page]] = {}
        for p in ix.by_paper.get(publication, ()):
            by_day.setdefault(p.day, []).append(p)
        return {d: tuple(sorted(ps, key=_printed)) for d, ps in by_day.items()}

    return ix.once(("pages", publication), make)


def issue(conn: sqlite3.Connection, publication: str, date: str | None) -> Issue | None:
    """One issue: its pages in printed order, each with its articles in printed order; None if none."""
    ix = _index(conn)
    pages = _issue_pages(ix, publication).get(date)
    if not pages:
        return None
    out = [PageRow(pg.id, pg.name, page_articles(conn, pg.id), pg.folio) for pg in pages]
    previous, next_ = _days(ix, publication)[date] if date else (None, None)
    return Issue(publication, date, tuple(out), previous, next_)


def _printed(pg: _Page) -> tuple[bool, str, int, str]:
    """Pages by their number in the issue (1, 2 … 10; A1, A2 … B1), those of no known number
    after them by file name."""
    if pg.folio is None:
        return (True, "", 0, pg.name)
    letter = pg.folio.rstrip("0123456789")
    return (False, letter, int(pg.folio[len(letter) :]), pg.name)


def page_articles(conn: sqlite3.Connection, page_id: str) -> tuple[ArticleRow, ...]:
    """A page's articles in printed order."""
    return tuple(
        ArticleRow(*r)
        for r in conn.execute(
            "SELECT id, seq, kind, headline, date FROM articles WHERE page_id = ? ORDER BY seq", (page_id,)
        )
    )


def calendar(conn: sqlite3.Connection, year: int, publication: str | None = None) -> tuple[Month, ...]:
    """The twelve months of a year, each with the days the archive holds pages of."""
    ix = _index(conn)
    pages = ix.by_paper.get(publication, []) if publication else ix.pages
    days: dict[str, dict[str, int]] = {f"{year:04d}-{m:02d}": {} for m in range(1, 13)}
    for pg in pages:
        if pg.day and pg.day[:7] in days:
            month = days[pg.day[:7]]
            month[pg.day] = month.get(pg.day, 0) + 1
    return tuple(Month(m, dict(sorted(d.items()))) for m, d in days.items())


def years(conn: sqlite3.Connection, publication: str | None = None) -> list[int]:
    """The years the archive holds dated pages of (of one paper, if named)."""
    ix = _index(conn)
    pages = ix.by_paper.get(publication, []) if publication else ix.pages
    return sorted({int(p.day[:4]) for p in pages if p.day and p.day[:4].isdigit()})


def paper(conn: sqlite3.Connection, publication: str, year: int | None = None) -> PaperView | None:
    """A paper as a reader browses it; None for no such paper."""
    issues = paper_issues(conn, publication)
    if issues is None:
        return None
    held = years(conn, publication)
    shown = year if year is not None else (held[-1] if held else None)
    months = calendar(conn, shown, publication) if shown is not None else ()
    return PaperView(publication, issues, tuple(held), shown, months)
