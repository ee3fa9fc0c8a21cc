"""The read side of the archive: search, articles, people, the chronicle. Every adapter (CLI,
Python API, HTTP API, web) calls these and renders what they return."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from typing import Any, cast

from fangzhi import browse
from fangzhi.answers import (
    ArticleItem,
    Articles,
    Companion,
    People,
    PersonArticle,
    PersonEvent,
    PersonPlace,
    PersonRow,
    PostHeld,
    StoredArticle,
    Trends,
    TrendSeries,
)
from fangzhi.search import FACET_BASIS, RANK_WINDOW, Filters, Hit, SearchPage, facets, month_counts, search
from fangzhi.store.fts import QueryError, parse_query
from fangzhi.store.keys import last_day

__all__ = ["FACET_BASIS", "RANK_WINDOW", "Filters", "Hit", "QueryError", "SearchPage", "facets", "search"]

# A date with its year: a partial one (--MM-DD) bounds no first or last sighting.
_FULL_DATE = "CASE WHEN {0}.date GLOB '[0-9]*' THEN {0}.date END"


# ---------------------------------------------------------------- articles


def article(conn: sqlite3.Connection, article_id: str) -> StoredArticle | None:
    """One article with all its facts, as stored."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    out = {k: row[k] for k in row.keys() if k != "rowid"}  # noqa: SIM118 (a Row iterates values)
    out["spans"] = json.loads(row["spans"])
    out["complete"] = bool(row["complete"])
    out["year_inferred"] = bool(row["year_inferred"])
    out["bylines"] = _rows(conn, "SELECT role, name, spans FROM bylines WHERE article_id = ?", article_id)
    out["persons"] = _persons_of(conn, article_id)
    out["events"] = _events_of(conn, article_id)
    for table, cols in (
        ("documents", "text, spans"),
        ("slogans", "text, spans, basis"),  # basis: use (its article's) | repeated (other articles')
        ("organisations", "name, spans"),
        ("places", "name, code, province, city, district, level, candidates, spans"),
        ("figures", "text, value, unit, measure, qualifier, spans"),
        ("directives", "speaker, verb, text, event_seq, spans"),
    ):
        out[table] = _rows(conn, f"SELECT {cols} FROM {table} WHERE article_id = ?", article_id)
    out["problems"] = _rows(conn, "SELECT code, message FROM problems WHERE article_id = ?", article_id)
    page = conn.execute(  # the page's file name, not where it lay on the server
        "SELECT id, name, publication, issue_date FROM pages WHERE id = ?", (row["page_id"],)
    ).fetchone()
    out["page"] = dict(page) if page else None
    return cast(StoredArticle, out)


def articles(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0) -> Articles:
    """A page of the archive's articles, newest first, with how many there are in all."""
    rows = conn.execute(
        "SELECT id, date, kind, headline, publication FROM articles ORDER BY date DESC, id LIMIT ? OFFSET ?",
        (limit, offset),
    ).fetchall()
    total = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    return Articles(total, limit, offset, tuple(ArticleItem(*r) for r in rows))


def page_text(conn: sqlite3.Connection, page_id: str) -> str | None:
    row = conn.execute("SELECT raw_text FROM pages WHERE id = ?", (page_id,)).fetchone()
    return None if row is None else str(row[0])


def page_image(conn: sqlite3.Connection, page_id: str) -> tuple[str, bytes] | None:
    """(media type, bytes) of the scan a page was read from by OCR; None for a text page."""
    row = conn.execute("SELECT media_type, data FROM page_images WHERE page_id = ?", (page_id,)).fetchone()
    return None if row is None else (str(row[0]), bytes(row[1]))


def page_scan(conn: sqlite3.Connection, page_id: str) -> dict[str, Any] | None:
    """The size of a page's scan and its lines' boxes (fangzhi.ocr.boxes JSON); None for a text page."""
    row = conn.execute(
        "SELECT width, height, lines FROM page_images WHERE page_id = ?", (page_id,)
    ).fetchone()
    return None if row is None else {"width": row[0], "height": row[1], "lines": row[2]}


def page_articles(conn: sqlite3.Connection, page_id: str) -> tuple[browse.ArticleRow, ...]:
    return browse.page_articles(conn, page_id)


def _persons_of(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for m in conn.execute(
        "SELECT m.name, m.spans, p.key, p.id FROM mentions m JOIN persons p ON p.id = m.person_id "
        "WHERE m.article_id = ? ORDER BY m.rowid",
        (article_id,),
    ):
        posts = conn.execute(
            "SELECT title, spans FROM mention_posts WHERE article_id = ? AND person_id = ? ORDER BY seq",
            (article_id, m["id"]),
        ).fetchall()
        out.append(
            {
                "name": m["name"],
                "key": m["key"],
                "posts": [p["title"] for p in posts],
                "post_spans": [json.loads(p["spans"]) for p in posts],
                "spans": json.loads(m["spans"]),
            }
        )
    return out


def _events_of(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for e in conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY seq", (article_id,)):
        roles: dict[str, list[str]] = {"presided": [], "spoke": [], "attended": []}
        for r in conn.execute(
            "SELECT role, name FROM event_roles WHERE event_id = ? ORDER BY rowid", (e["id"],)
        ):
            roles[r["role"]].append(r["name"])
        out.append(
            {
                "type": e["type"],
                "name": e["name"],
                "date": e["date"],
                "place": e["place"],
                **roles,
                "spans": json.loads(e["spans"]),
                # who acted, a person or an organisation, printed where actor_spans say
                "actor": e["actor"],
                "actor_kind": e["actor_kind"],
                "actor_spans": json.loads(e["actor_spans"]) if e["actor_spans"] else [],
                "title": e["title"],
            }
        )
    return out


def _rows(conn: sqlite3.Connection, sql: str, *args: Any) -> list[Any]:
    """The rows as dicts, JSON columns decoded; the caller names their shape (fangzhi.answers)."""
    out: list[dict[str, Any]] = []
    for r in conn.execute(sql, args):
        d = dict(r)
        for k in ("spans", "candidates"):
            if k in d and isinstance(d[k], str):
                d[k] = json.loads(d[k])
        out.append(d)
    return out


# ---------------------------------------------------------------- people


@dataclass
class PersonView:
    key: str
    name: str
    posts: list[PostHeld] = field(default_factory=list)
    events: list[PersonEvent] = field(default_factory=list)
    places: list[PersonPlace] = field(default_factory=list)
    companions: list[Companion] = field(default_factory=list)
    articles: list[PersonArticle] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Persons:
    """The people of one name or key (a name held by two people in different places is two)."""

    items: tuple[PersonView, ...]


def person(conn: sqlite3.Connection, name: str) -> list[PersonView]:
    """The person(s) of that name or key: posts over time, activity, places, companions."""
    rows = conn.execute(
        "SELECT id, key, name FROM persons WHERE key = ? OR name = ? ORDER BY id", (name, name)
    ).fetchall()
    return [_person_view(conn, int(r["id"]), r["key"], r["name"]) for r in rows]


def near_names(conn: sqlite3.Connection, name: str, limit: int = 5) -> list[str]:
    """Names of the archive like `name`, for a reader who mistyped one: sharing its surname and
    most of its characters first."""
    chars = list(dict.fromkeys(c for c in name if "\u4e00" <= c <= "\u9fff"))[:4]
    if not chars:
        return []
    where = " OR ".join("name LIKE ?" for _ in chars)
    rows = conn.execute(
        f"SELECT DISTINCT name FROM persons WHERE {where} LIMIT 2000", [f"%{c}%" for c in chars]
    ).fetchall()

    def likeness(other: str) -> tuple[int, int, int]:
        shared = sum(1 for c in chars if c in other)
        return (-(other[:1] == name[:1]), -shared, abs(len(other) - len(name)))

    return sorted((r[0] for r in rows if r[0] != name), key=lambda n: (*likeness(n), n))[:limit]


def _person_view(conn: sqlite3.Connection, pid: int, key: str, name: str) -> PersonView:
    v = PersonView(key, name)
    for p in _rows(
        conn,
        "SELECT title, organisation, place, place_code, place_inferred, first_seen, last_seen, articles, "
        "evidence FROM posts_held WHERE person_id = ? ORDER BY first_seen, title",
        pid,
    ):
        evidence = (p["evidence"] or "").split(",")
        v.posts.append(
            PostHeld(
                title=p["title"],
                organisation=p["organisation"],
                place=p["place"],
                place_code=p["place_code"],
                place_inferred=bool(p["place_inferred"]),
                first_seen=p["first_seen"],
                last_seen=p["last_seen"],
                articles=p["articles"],
                evidence=evidence,
                seen=_days_seen(conn, evidence),
            )
        )
    v.events = _rows(
        conn,
        "SELECT e.date, e.type, e.name, e.place, r.role, e.article_id FROM event_roles r "
        "JOIN counted_events e ON e.id = r.event_id WHERE r.person_id = ? ORDER BY e.date, e.id",
        pid,
    )
    v.places = _rows(
        conn,
        "SELECT e.place AS place, COUNT(*) AS times, "
        f"MIN({_FULL_DATE.format('e')}) AS first, MAX({_FULL_DATE.format('e')}) AS last "
        "FROM event_roles r JOIN counted_events e ON e.id = r.event_id WHERE r.person_id = ? "
        "AND e.place IS NOT NULL "
        "GROUP BY e.place ORDER BY times DESC, first",
        pid,
    )
    v.companions = _rows(
        conn,
        "SELECT p.key, p.name, COUNT(DISTINCT m2.article_id) AS articles FROM mentions m1 "
        "JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.person_id != m1.person_id "
        "AND m2.referenced = 0 JOIN persons p ON p.id = m2.person_id WHERE m1.person_id = ? "
        "AND m1.referenced = 0 "
        "GROUP BY p.id ORDER BY articles DESC, p.key LIMIT 15",
        pid,
    )
    v.articles = _rows(
        conn,
        "SELECT DISTINCT a.id, a.date, a.headline, a.kind FROM mentions m "
        "JOIN articles a ON a.id = m.article_id WHERE m.person_id = ? ORDER BY a.date, a.id",
        pid,
    )
    return v


def _days_seen(conn: sqlite3.Connection, article_ids: list[str]) -> list[str]:
    """The days the articles were printed: a chart shows a gap between sightings as a gap."""
    return sorted(
        {
            r[0]
            for r in conn.execute(
                "SELECT a.date FROM json_each(?) j JOIN articles a ON a.id = j.value "
                "WHERE a.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'",
                (json.dumps(article_ids),),
            )
        }
    )


def _people_where(post: str | None, place: str | None, name: str | None) -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if name:
        if name.isascii():  # pinyin, run together or as initials: zhuj… / zj
            clauses.append("(' ' || p.pinyin) LIKE :pinyin")
            params["pinyin"] = "% " + name.lower().replace(" ", "").replace("%", "").replace("_", "") + "%"
        else:
            clauses.append("p.name LIKE :name")
            params["name"] = "%" + name.replace("%", "").replace("_", "") + "%"
    if post:
        clauses.append(
            "EXISTS (SELECT 1 FROM mention_posts mp WHERE mp.person_id = p.id AND mp.title LIKE :post)"
        )
        params["post"] = "%" + post.replace("%", "").replace("_", "")
    if place:
        clauses.append(
            "(EXISTS (SELECT 1 FROM mention_posts mp WHERE mp.person_id = p.id AND mp.place = :place) OR "
            "EXISTS (SELECT 1 FROM mentions m JOIN places pl ON pl.article_id = m.article_id "
            "WHERE m.person_id = p.id AND :place IN (pl.name, pl.province, pl.city, pl.district)))"
        )
        params["place"] = place
    return " AND ".join(clauses) or "1", params


def people_count(
    conn: sqlite3.Connection, *, post: str | None = None, place: str | None = None, name: str | None = None
) -> int:
    """How many people people() would list with these filters, over all its pages."""
    where, params = _people_where(post, place, name)
    return int(
        conn.execute(
            f"SELECT COUNT(*) FROM persons p WHERE {where} AND EXISTS "
            "(SELECT 1 FROM mentions m WHERE m.person_id = p.id AND m.referenced = 0)",
            params,
        ).fetchone()[0]
    )


def people(
    conn: sqlite3.Connection,
    *,
    post: str | None = None,
    place: str | None = None,
    name: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[PersonRow]:
    """People of the archive, most mentioned first; `post` matches titles ending with it
    (市长 → 市长, 副市长), `place` the places of their posts or of the articles naming them,
    `name` a part of the name or its pinyin (zhujian, zj)."""
    where, params = _people_where(post, place, name)
    params |= {"limit": limit, "offset": offset}
    rows: list[PersonRow] = [
        cast(PersonRow, dict(r))
        for r in conn.execute(
            "SELECT p.key, p.name, COUNT(DISTINCT m.article_id) AS articles, "
            f"MIN({_FULL_DATE.format('a')}) AS first_seen, MAX({_FULL_DATE.format('a')}) AS last_seen "
            "FROM persons p JOIN mentions m ON m.person_id = p.id AND m.referenced = 0 "
            f"JOIN articles a ON a.id = m.article_id WHERE {where} GROUP BY p.id "
            "ORDER BY articles DESC, p.key LIMIT :limit OFFSET :offset",
            params,
        )
    ]
    for r in rows:
        r["posts"] = [
            t[0]
            for t in conn.execute(
                "SELECT title FROM posts_held WHERE person_key = ? ORDER BY first_seen, title", (r["key"],)
            )
        ]
    return rows


def people_page(
    conn: sqlite3.Connection,
    *,
    post: str | None = None,
    place: str | None = None,
    name: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> People:
    """A page of people() with how many there are over all pages."""
    items = people(conn, post=post, place=place, name=name, limit=limit, offset=offset)
    total = people_count(conn, post=post, place=place, name=name)
    return People(total, limit, offset, tuple(items))


# ---------------------------------------------------------------- chronicle


@dataclass(frozen=True)
class ChronicleEntry:
    date: str
    type: str
    what: str
    presided: tuple[str, ...]
    place: str | None
    article_id: str
    headline: str | None
    title: str | None = None  # actor and action: 某某机场荣获… where `what` is the action alone
    publication: str | None = None  # the paper it was printed in
    issue: str | None = None  # the issue's date (ISO), or the latest its page's reports give
    issue_inferred: bool = False  # the page printed no issue date: `issue` is inferred
    folio: str | None = None  # the page's number in the issue (3, A3), when known

    @property
    def partial(self) -> bool:
        """Month and day without a year (--10-23, as ISO 8601 writes it): the page gave no year."""
        return self.date.startswith("--")

    @property
    def month(self) -> str:
        return self.date[:4] if self.partial else self.date[:7]


def chronicle(
    conn: sqlite3.Connection,
    date_from: str | None = None,
    date_to: str | None = None,
    *,
    partial: bool | None = None,
) -> list[ChronicleEntry]:
    """Events in date order (大事记): what happened, who presided, where, from which article.

    Events dated by month and day alone (--10-23) cannot be placed in a range of years: they come
    after the dated ones, when `partial` is true or, by default, when no range is asked for. An
    event reported by several printings of one story is listed once, from the first printing
    (counted_events, fangzhi.reprints)."""
    with_partial = (date_from is None and date_to is None) if partial is None else partial
    params: dict[str, Any] = {
        "f": date_from or "0000",
        "t": last_day(date_to) if date_to else "9999",
        "p": with_partial,
    }
    out: list[ChronicleEntry] = []
    # '-' sorts before every digit, so a partial date is outside any range of years
    for e in conn.execute(
        "SELECT e.id, e.date, e.type, e.name, e.place, e.article_id, a.headline, e.title, a.page_id, "
        "COALESCE(a.publication, p.publication) AS publication, p.folio "
        "FROM counted_events e JOIN articles a ON a.id = e.article_id JOIN pages p ON p.id = a.page_id "
        "WHERE e.date IS NOT NULL "
        "AND ((e.date >= :f AND e.date <= :t) OR (:p AND e.date LIKE '--%')) "
        "ORDER BY e.date LIKE '--%', e.date, a.id, e.seq",
        params,
    ):
        presided = tuple(
            r[0]
            for r in conn.execute(
                "SELECT name FROM event_roles WHERE event_id = ? AND role = 'presided' ORDER BY rowid",
                (e["id"],),
            )
        )
        day, inferred = browse.page_day(conn, e["page_id"])
        out.append(
            ChronicleEntry(
                e["date"],
                e["type"],
                e["name"] or e["headline"] or "",
                presided,
                e["place"],
                e["article_id"],
                e["headline"],
                e["title"],
                e["publication"],
                day,
                inferred,
                e["folio"],
            )
        )
    return out


def partial_dated_events(conn: sqlite3.Connection) -> int:
    """How many events the chronicle of a range of years leaves out: dated without a year."""
    return int(conn.execute("SELECT count(*) FROM counted_events WHERE date LIKE '--%'").fetchone()[0])


# ---------------------------------------------------------------- facets and trends


MAX_TREND_MONTHS = 600  # fifty years of months on one axis


def trends(conn: sqlite3.Connection, terms: list[str], *, slogans: int = 5) -> Trends:
    """How many articles a month carry each term (found as search finds it), and the slogans
    most printed over the archive, month by month; with the articles printed each month, so a
    count reads per 1,000 articles printed as well. The months run without a gap from the first
    to the last dated article: each step of the axis is one month."""
    printed = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT substr(date, 1, 7), COUNT(*) FROM articles "
            "WHERE date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' GROUP BY 1"
        )
    }
    months = _month_range(min(printed), max(printed)) if printed else []
    if len(months) > MAX_TREND_MONTHS:  # a stray date decades off: the months that hold articles
        months = sorted(printed)
    series: dict[str, dict[str, int]] = {}
    for term in terms[:8]:
        try:
            parse_query(term)  # a term with nothing to search for is left out
        except QueryError:
            continue
        series[term] = month_counts(conn, term)
    top = [
        r[0]
        for r in conn.execute(
            "SELECT text FROM slogans GROUP BY text ORDER BY COUNT(DISTINCT article_id) DESC, text LIMIT ?",
            (slogans,),
        )
    ]
    for s in top:
        rows = conn.execute(
            "SELECT substr(a.date, 1, 7), COUNT(DISTINCT a.id) FROM slogans s "
            "JOIN articles a ON a.id = s.article_id WHERE s.text = ? AND a.date IS NOT NULL GROUP BY 1",
            (s,),
        ).fetchall()
        series.setdefault(f"“{s}”", {r[0]: r[1] for r in rows})
    per = tuple(printed.get(m, 0) for m in months)
    return Trends(
        tuple(months),
        per,
        tuple(
            TrendSeries(
                t,
                tuple(c.get(m, 0) for m in months),
                tuple(
                    round(1000 * c.get(m, 0) / n, 1) if n else 0.0 for m, n in zip(months, per, strict=True)
                ),
            )
            for t, c in series.items()
        ),
    )


def _month_range(first: str, last: str) -> list[str]:
    """Every month from first to last (YYYY-MM), none left out."""
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out
