"""Full-text search of the archive: matches newest first or ranked by BM25, and their facets.

Row ids follow dates (store/keys.py), so the bigram index (store/fts.py) gives an article's
matches newest first and a date range as a range of row ids, and reading stops as soon as a page
is full: a common word's 90,000 matches are never all read to show twenty.

Ranking is BM25 as FTS5's bm25() computes it (k1 1.2, b 0.75, the head weighing four times the
body), done here over the newest RANK_WINDOW matches. FTS5's own bm25() first counts, for every
phrase of the query, every article of the archive that holds it: at 100,000 articles that alone
takes longer than a search may. A query that matches more than the window ranks the newest
RANK_WINDOW of them, and the older matches follow, newest first; one that matches fewer is
ranked whole. A phrase's weight (IDF) is from its document frequency counted up to COUNT_CAP,
and totals are exact up to COUNT_CAP, "at least COUNT_CAP" beyond (as Elasticsearch's
track_total_hits does): at that size the precise figure costs a full read of the index.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
from collections import Counter, OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, astuple, dataclass
from functools import partial
from typing import Any, NamedTuple

from fangzhi.answers import FacetCount, Facets
from fangzhi.store.fts import Query, QueryError, head_text, is_han, parse_query, phrase_pattern, snippet
from fangzhi.store.keys import DAY_BITS, month_of_day, rowid_range

RANK_WINDOW = 500  # relevance ranks the newest this many matches
FACET_BASIS = 500  # facets count the newest this many matches
COUNT_CAP = 10_000  # totals and document frequencies are exact up to this
SCAN_CAP = 5_000  # a filtered total tests this many of the newest matches; past them, a lower bound
SMALL_SET = 300  # a person's or place's articles are tested one by one up to this many
LOOKUP_COST = 100  # testing one article against the index costs about as much as reading this many matches
K1, B, HEAD_WEIGHT = 1.2, 0.75, 4.0  # FTS5's bm25() defaults, and fangzhi's head weight


@dataclass(frozen=True)
class Filters:
    date_from: str | None = None
    date_to: str | None = None
    person: str | None = None
    place: str | None = None
    publication: str | None = None
    kind: str | None = None

    def rowid_range(self) -> tuple[int, int]:
        try:
            return rowid_range(self.date_from, self.date_to)
        except ValueError as e:
            raise QueryError(str(e)) from None

    def params(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("person", "place", "publication", "kind") if getattr(self, k)}

    def row_conditions(self, a: str = "a") -> list[str]:
        """Conditions on an article's own columns (`a` the articles table's alias)."""
        return [f"{a}.{k} = :{k}" for k in ("publication", "kind") if getattr(self, k)]

    def set_conditions(self, a: str = "a") -> list[str]:
        """Conditions naming a person or place, answered from their indexes."""
        clauses: list[str] = []
        if self.person:
            clauses.append(f"{a}.id IN (SELECT article_id FROM mentions WHERE name = :person)")
        if self.place:
            clauses.append(
                f"{a}.id IN (SELECT article_id FROM places WHERE name = :place "
                "UNION SELECT article_id FROM places WHERE city = :place "
                "UNION SELECT article_id FROM places WHERE district = :place "
                "UNION SELECT article_id FROM places WHERE province = :place)"
            )
        return clauses

    @property
    def plain(self) -> bool:
        return not any(astuple(self))


@dataclass(frozen=True)
class Hit:
    id: str
    headline: str | None
    kind: str
    date: str | None
    publication: str | None
    snippet: str
    score: float


@dataclass(frozen=True)
class SearchPage:
    query: str
    total: int
    hits: list[Hit]
    limit: int
    offset: int
    total_exact: bool = True  # False: `total` is a lower bound (COUNT_CAP)
    facets: Facets | None = None  # when asked for (search's with_facets)

    def as_dict(self) -> dict[str, Any]:
        out = {
            "query": self.query,
            "total": self.total,
            "total_exact": self.total_exact,
            "limit": self.limit,
            "offset": self.offset,
            "hits": [asdict(h) for h in self.hits],
        }
        if self.facets is not None:
            out["facets"] = self.facets
        return out


class _Memo:
    """Answers that only change when the archive is written (a person's articles, a phrase's
    document frequency), kept per process, least recently used out first. Keys carry the
    database's file and write count (corpus.writes), so a write makes every older key stale."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = make()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


MEMO = _Memo(2048)


@dataclass(frozen=True)
class Corpus:
    """The archive as a search sees it: how big, and which state of which file (for MEMO)."""

    stamp: tuple[Any, ...]
    articles: int
    avgdl: float

    @classmethod
    def of(cls, conn: sqlite3.Connection) -> Corpus:
        file = conn.execute("PRAGMA database_list").fetchone()[2] or f"memory:{id(conn)}"
        row = conn.execute("SELECT articles, chars, writes FROM corpus").fetchone()
        n, chars, writes = (int(row[0]), int(row[1]), int(row[2])) if row else (0, 0, 0)
        return cls((file, writes, n, chars), max(1, n), max(1.0, chars / max(1, n)))


class Matches:
    """The articles a query matches under filters, read newest first.

    Usually the index is read newest first and each match checked against the filters. A person
    or a place with few articles, and a query matching many, is answered the other way round:
    those articles are tested against the index one by one. A test costs about as much as reading
    LOOKUP_COST matches, so whichever reads less is chosen; prefix queries (a lone character) are
    never tested one by one, as each test would expand the prefix again."""

    def __init__(
        self, conn: sqlite3.Connection, q: Query, filters: Filters, corpus: Corpus | None = None
    ) -> None:
        self.conn = conn
        self.corpus = corpus or Corpus.of(conn)
        lo, hi = filters.rowid_range()
        self.params: dict[str, Any] = {"match": q.fts, "lo": lo, "hi": hi, **filters.params()}
        self.subset: list[int] | None = None  # every match, newest first, when tested one by one
        self.base = (
            "SELECT f.rowid FROM articles_fts f "
            "WHERE articles_fts MATCH :match AND f.rowid BETWEEN :lo AND :hi"
        )
        self.conds = filters.row_conditions()
        self.join = " CROSS JOIN articles a ON a.rowid = f.rowid" if self.conds else ""
        if filters.set_conditions():
            members = self._members(filters)  # the paper and kind asked for are applied there
            if not q.prefix and self._few(members):
                return
            # the set is read once per statement from the list; "+": never looked up in FTS5
            self.params["members"] = json.dumps(members)
            self.conds, self.join = ["+f.rowid IN (SELECT value FROM json_each(:members))"], ""
        self.sql = self.base.replace(" WHERE ", f"{self.join} WHERE ", 1) + "".join(
            f" AND {c}" for c in self.conds
        )

    def _members(self, filters: Filters) -> list[int]:
        """Row ids of the person's or place's articles in the date range (and of the paper and
        kind asked for), newest first."""
        where = " AND ".join(filters.set_conditions("a") + filters.row_conditions("a"))
        params = {k: v for k, v in self.params.items() if k != "match"}

        def read() -> list[int]:
            return [
                r[0]
                for r in self.conn.execute(
                    # "+": the person's or place's articles drive, never a scan of every row id
                    f"SELECT a.rowid FROM articles a WHERE +a.rowid BETWEEN :lo AND :hi AND {where} "
                    "ORDER BY a.rowid DESC",
                    params,
                )
            ]

        members: list[int] = MEMO.get(("members", self.corpus.stamp, tuple(sorted(params.items()))), read)
        return members

    def _few(self, members: list[int]) -> bool:
        """Test the articles one by one when they are few and the query's matches many; True
        when done so."""
        if len(members) > SMALL_SET:
            return False
        budget = len(members) * LOOKUP_COST
        many = self.conn.execute(
            f"SELECT COUNT(*) FROM ({self.base} LIMIT {budget})", self.params
        ).fetchone()[0]
        if many < budget:
            return False  # the query's matches are fewer than the tests would cost: read them
        self.subset = [
            r[0]
            for r in self.conn.execute(
                "SELECT j.value FROM json_each(:ids) j WHERE EXISTS (SELECT 1 FROM articles_fts "
                "WHERE articles_fts MATCH :match AND rowid = j.value) ORDER BY j.value DESC",
                {"ids": json.dumps(members), "match": self.params["match"]},
            )
        ]
        return True

    def count(self, cap: int | None = None) -> tuple[int, bool]:
        """How many match, exactly up to `cap` (COUNT_CAP); (cap, False) when there are more."""
        cap = COUNT_CAP if cap is None else cap
        if self.subset is not None:
            return len(self.subset), True
        if not self.conds:
            n = self.conn.execute(
                f"SELECT COUNT(*) FROM ({self.sql} LIMIT {cap + 1})", self.params
            ).fetchone()[0]
            return (cap, False) if n > cap else (int(n), True)
        # filtered: test the newest SCAN_CAP matches; past them the count is a lower bound
        scanned, n = self.conn.execute(
            f"SELECT COUNT(*), COALESCE(SUM({' AND '.join(self.conds)}), 0) "
            f"FROM ({self.base} ORDER BY f.rowid DESC LIMIT {SCAN_CAP}) f{self.join}",
            self.params,
        ).fetchone()
        if n > cap:
            return cap, False
        return int(n), scanned < SCAN_CAP

    def newest(self, n: int, offset: int = 0, below: int | None = None) -> list[int]:
        """Row ids of `n` matches newest first, after skipping `offset`, all older than `below`."""
        if self.subset is not None:
            rows = self.subset if below is None else [r for r in self.subset if r < below]
            return rows[offset : offset + n]
        sql = self.sql + (" AND f.rowid < :below" if below is not None else "")
        params = {**self.params, "below": below, "n": n, "offset": offset}
        return [
            r[0] for r in self.conn.execute(f"{sql} ORDER BY f.rowid DESC LIMIT :n OFFSET :offset", params)
        ]


class _Scorer:
    """BM25 of an article for the query's phrases, as FTS5 weighs it (see the module's note)."""

    def __init__(
        self, conn: sqlite3.Connection, q: Query, corpus: Corpus, known: tuple[str, int] | None
    ) -> None:
        n_docs = corpus.articles
        self.avgdl = corpus.avgdl
        self.phrases: list[tuple[Callable[[str], int], float]] = []
        for raw, clause in q.phrases:
            if known is not None and known[0] == clause:
                df = known[1]  # the query is this one phrase: its count is the query's
            else:
                df = MEMO.get(("df", corpus.stamp, clause), partial(_frequency, conn, clause))
            idf = math.log(1 + (n_docs - df + 0.5) / (df + 0.5))  # Lucene's form: never below zero
            self.phrases.append((_counter(raw), idf))

    def __call__(self, r: _Article) -> float:
        return self.score(head_text(r.kicker, r.headline, r.subtitle), r.body)

    def score(self, head: str, body: str) -> float:
        norm = K1 * (1 - B + B * (len(head) + len(body)) / self.avgdl)
        score = 0.0
        for count, idf in self.phrases:
            tf = HEAD_WEIGHT * count(head) + count(body)
            score += idf * tf * (K1 + 1) / (tf + norm)
        return score

    def rank(self, conn: sqlite3.Connection, rowids: Sequence[int]) -> list[tuple[float, int]]:
        """(score, row id) of these articles, best first. Only the text is read: the other
        columns are fetched for the page's articles alone."""
        if not rowids:
            return []
        cur = conn.cursor()
        cur.row_factory = None
        rows = cur.execute(
            "SELECT a.rowid, a.kicker, a.headline, a.subtitle, a.body "
            "FROM json_each(?) j JOIN articles a ON a.rowid = j.value",
            (json.dumps(list(rowids)),),
        )
        ranked = [(self.score(head_text(k, h, s), body), r) for r, k, h, s, body in rows]
        ranked.sort(key=lambda sr: (-sr[0], -sr[1]))
        return ranked


def _frequency(conn: sqlite3.Connection, clause: str) -> int:
    """How many articles hold the clause, counted up to COUNT_CAP."""
    sql = (
        f"SELECT COUNT(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT {COUNT_CAP})"
    )
    return int(conn.execute(sql, (clause,)).fetchone()[0])


def _counter(raw: str) -> Callable[[str], int]:
    """How often a term occurs in a text, as its clause matches: str.count for a run of Han
    characters (most terms, and quick), else the term's pattern (letters fold case, punctuation
    between runs)."""
    if is_han(raw):
        return lambda text: text.count(raw)
    pattern = phrase_pattern(raw)
    return lambda text: len(pattern.findall(text))


class _Article(NamedTuple):
    rowid: int
    id: str
    kicker: str | None
    headline: str | None
    subtitle: str | None
    kind: str
    date: str | None
    publication: str | None
    body: str


_COLUMNS = ", ".join(f"a.{name}" for name in _Article._fields)


def _fetch(conn: sqlite3.Connection, rowids: Sequence[int]) -> list[_Article]:
    """The articles of these row ids, in the same order."""
    if not rowids:
        return []
    cur = conn.cursor()
    cur.row_factory = None  # plain tuples: quicker than sqlite3.Row for a thousand rows
    rows = cur.execute(
        f"SELECT {_COLUMNS} FROM json_each(?) j JOIN articles a ON a.rowid = j.value ORDER BY j.key",
        (json.dumps(list(rowids)),),
    )
    return [_Article._make(r) for r in rows]


def search(
    conn: sqlite3.Connection,
    text: str,
    filters: Filters = Filters(),
    *,
    limit: int = 20,
    offset: int = 0,
    sort: str = "relevance",
    mark: tuple[str, str] = ("【", "】"),
    window: int = RANK_WINDOW,
    with_facets: bool = False,
) -> SearchPage:
    """Articles matching `text`: best first by BM25 (over the newest `window` matches, then the
    rest newest first), or newest first with sort="date"; and their facets (see facets()) when
    `with_facets`, from the same matches."""
    q = parse_query(text)
    limit, offset = max(1, min(limit, 500)), max(0, offset)
    with _reading(text), snapshot(conn):
        corpus = Corpus.of(conn)
        matches = Matches(conn, q, filters, corpus)
        total, exact = matches.count()
        scorer = _Scorer(conn, q, corpus, (q.fts, total) if filters.plain and exact else None)
        basis: list[int] | None = None  # the newest FACET_BASIS matches, when read on the way
        if sort == "date":
            if with_facets and offset + limit <= FACET_BASIS:
                basis = matches.newest(FACET_BASIS)
                page_ids = basis[offset : offset + limit]
            else:
                page_ids = matches.newest(limit, offset)
            scored = [(scorer(r), r) for r in _fetch(conn, page_ids)]
            seen = offset + len(scored)
        else:
            window = max(1, window)
            scored, seen, newest = _ranked(conn, matches, scorer, limit, offset, window)
            if newest is not None and (window >= FACET_BASIS or len(newest) < window):
                basis = newest[:FACET_BASIS]
        if not exact:
            total = max(total, seen)  # a lower bound: no fewer than the matches seen
        facet_counts = facets_of(conn, matches, newest=basis) if with_facets else None
    hits = [_hit(r, s, q, mark) for s, r in scored]
    return SearchPage(text, total, hits, limit, offset, exact, facet_counts)


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """Every read inside sees the archive as one commit left it: a search reads the matching row
    ids and then their rows, and an ingest that replaces a page between the two must not make
    them disagree. A transaction already open is that snapshot already."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        _end_read(conn)


def _end_read(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:  # a statement may have ended it already (an interrupted query)
        conn.execute("ROLLBACK")  # nothing was written: ending the read is all it does


@contextmanager
def _reading(text: str) -> Iterator[None]:
    """An expression FTS5 will not take becomes a QueryError, never a traceback; a statement
    interrupted at the web's deadline goes on up as it is (out of time, not a bad query)."""
    try:
        yield
    except sqlite3.OperationalError as e:
        if "interrupted" in str(e):
            raise
        raise QueryError(f"cannot search for {text!r}: {e}") from e


def _ranked(
    conn: sqlite3.Connection, matches: Matches, scorer: _Scorer, limit: int, offset: int, window: int
) -> tuple[list[tuple[float, _Article]], int, list[int] | None]:
    """One page of the matches by relevance: the window ranked, then what is older, newest first;
    how many matches were seen on the way; and the window's row ids, newest first (None when the
    page lies past the window and it was not read)."""
    out: list[tuple[float, _Article]] = []
    newest: list[int] | None = None
    if offset < window:
        newest = matches.newest(window)
        page = scorer.rank(conn, newest)[offset : offset + limit]
        out = list(zip([s for s, _ in page], _fetch(conn, [r for _, r in page]), strict=True))
        if len(newest) < window or offset + limit <= window:
            return out, len(newest), newest
        last = newest[-1:]
    else:
        last = matches.newest(1, window - 1)
    if not last:
        return out, len(out), newest
    skip = max(0, offset - window)
    older = _fetch(conn, matches.newest(offset + limit - max(offset, window), skip, below=last[0]))
    return out + [(scorer(r), r) for r in older], max(window, offset) + len(older), newest


def _hit(r: _Article, score: float, q: Query, mark: tuple[str, str]) -> Hit:
    head = head_text(r.kicker, r.headline, r.subtitle)
    text = r.body if not q.terms or any(t in r.body for t in q.terms) else head
    return Hit(
        r.id,
        r.headline,
        r.kind,
        r.date,
        r.publication,
        snippet(text, q.terms, mark=mark),
        round(score, 4),
    )


def facets(conn: sqlite3.Connection, text: str, filters: Filters = Filters(), top: int = 10) -> Facets:
    """Counts of the matching articles by month, publication, kind, person and place, over the
    newest FACET_BASIS matches (`basis` says how many were counted)."""
    q = parse_query(text)
    with _reading(text):
        return facets_of(conn, Matches(conn, q, filters), top)


def facets_of(
    conn: sqlite3.Connection, matches: Matches, top: int = 10, newest: list[int] | None = None
) -> Facets:
    """facets() of matches already found; `newest`: their newest FACET_BASIS row ids, when the
    caller has read them already."""
    rowids = matches.newest(FACET_BASIS) if newest is None else newest
    ids = json.dumps(rowids)
    meta = conn.execute(
        "SELECT a.id, a.kind, a.publication FROM json_each(?) j JOIN articles a ON a.rowid = j.value",
        (ids,),
    ).fetchall()
    article_ids = json.dumps([r[0] for r in meta])
    person = conn.execute(
        "SELECT m.name, COUNT(DISTINCT m.article_id) AS n FROM json_each(?) j "
        "JOIN mentions m ON m.article_id = j.value GROUP BY m.name ORDER BY n DESC, m.name LIMIT ?",
        (article_ids, top),
    ).fetchall()
    place = conn.execute(
        "SELECT COALESCE(p.district, p.city, p.province, p.name) AS k, "
        "COUNT(DISTINCT p.article_id) AS n FROM json_each(?) j "
        "JOIN places p ON p.article_id = j.value GROUP BY k ORDER BY n DESC, k LIMIT ?",
        (article_ids, top),
    ).fetchall()
    months = Counter(month_of_day(r >> DAY_BITS) for r in rowids)
    return Facets(
        basis=len(rowids),
        month=_counts(months, by_value=True),
        publication=_counts(Counter(r[2] for r in meta)),
        kind=_counts(Counter(r[1] for r in meta)),
        person=[FacetCount(value=r[0], count=r[1]) for r in person],
        place=[FacetCount(value=r[0], count=r[1]) for r in place if r[0] is not None],
    )


def _counts(c: Counter[str | None], *, by_value: bool = False) -> list[FacetCount]:
    items = [(k, n) for k, n in c.items() if k is not None]
    items.sort(key=(lambda kn: kn[0]) if by_value else (lambda kn: (-kn[1], kn[0])))
    return [FacetCount(value=k, count=n) for k, n in items]


def month_counts(conn: sqlite3.Connection, text: str) -> dict[str, int]:
    """How many articles a month match `text`, read off the row ids alone."""
    q = parse_query(text)
    days = conn.execute(
        f"SELECT rowid >> {DAY_BITS} AS d, COUNT(*) FROM articles_fts WHERE articles_fts MATCH ? "
        f"AND rowid >= {1 << DAY_BITS} GROUP BY d",
        (q.fts,),
    ).fetchall()
    out: Counter[str] = Counter()
    for day, n in days:
        month = month_of_day(day)
        if month:
            out[month] += n
    return dict(out)


__all__ = ["FACET_BASIS", "RANK_WINDOW", "Filters", "Hit", "QueryError", "SearchPage", "facets", "search"]
