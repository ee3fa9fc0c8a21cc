"""Store: writes parsed pages into the archive, one page per transaction, idempotently.

A page is known by its canonical id; its content by the raw bytes' hash and the parser's
version. Ingesting a page already stored with the same hash and version changes nothing; a page
whose content (or parser) changed is replaced — its old rows deleted and the new written in the
same transaction — so a reader sees the old page or the new one, never half of either. WAL mode
lets readers go on while an ingest writes; a process killed at any moment leaves the database as
it was before the page it was writing, and the next run writes that page again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from fangzhi import __version__, reprints
from fangzhi.extract.offices import named_place as jurisdiction
from fangzhi.ids import name_pinyin
from fangzhi.lexicon.posts import TITLES
from fangzhi.model import Article, ParsedPage, Problem, Span
from fangzhi.store import slogans
from fangzhi.store.fts import article_length, head_text, index_text
from fangzhi.store.keys import day_number, day_range
from fangzhi.store.schema import migrate

# Bump when the parser reads the same page differently: stored pages are then re-parsed.
PARSER_VERSION = f"{__version__}+4"  # +4: slogans decided by their use across articles
_TITLE_WORDS = tuple(sorted(TITLES, key=len, reverse=True))
WRITE_CACHE_KIB = 256 * 1024
MMAP_BYTES = 1 << 30
CHECKPOINT_PAGES = 10_000


@dataclass(frozen=True)
class IngestResult:
    page_id: str
    status: str  # new | unchanged | replaced
    articles: int = 0
    persons: int = 0
    events: int = 0


class Store:
    def __init__(self, path: str | Path, *, readonly: bool = False, find_reprints: bool = True) -> None:
        self.path = str(path)
        self.find_reprints = find_reprints  # find each new article's other printings (fangzhi/reprints.py)
        if readonly:
            uri = f"file:{Path(self.path).resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        else:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA busy_timeout = 30000")
        self.conn.execute("PRAGMA foreign_keys = ON")
        # pages read straight from the OS's cache, never copied into the connection's own: a
        # search reads hundreds of article rows, which the default 2 MB cache would keep re-reading
        self.conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        if not readonly:
            self.conn.execute("PRAGMA journal_mode = WAL")
            # WAL with synchronous=NORMAL: a crash of the process never corrupts or half-writes
            self.conn.execute("PRAGMA synchronous = NORMAL")
            # an archive's indexes outgrow the default 2 MB cache early: every insert would read
            # its index pages again
            self.conn.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
            # a checkpoint copies each page once however often it changed since the last: fewer,
            # larger checkpoints copy less (the WAL grows to about 40 MB between them)
            self.conn.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
            migrate(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # ------------------------------------------------------------------ writing

    def known(self, name: str, sha256: str, reading: str) -> str | None:
        """The id of the page stored from a file of this name and content, read by this parser
        under these settings (Settings.reading_key): parsing the file again would give the same
        page, so it need not be parsed."""
        row = self.conn.execute(
            "SELECT id FROM pages WHERE sha256 = ? AND name = ? AND parser_version = ? AND reading = ? "
            "LIMIT 1",
            (sha256, name, PARSER_VERSION, reading),
        ).fetchone()
        return None if row is None else str(row[0])

    def ingest(
        self,
        parsed: ParsedPage,
        page_id: str,
        *,
        publication: str | None,
        issue_date: str | None,
        reading: str = "",
    ) -> IngestResult:
        """Store a parsed page (`reading`: the key of the settings it was read under)."""
        raw = parsed.page.raw
        with self.transaction() as c:
            row = c.execute(
                "SELECT sha256, parser_version, reading FROM pages WHERE id = ?", (page_id,)
            ).fetchone()
            if row is not None and tuple(row) == (raw.sha256, PARSER_VERSION, reading):
                return IngestResult(page_id, "unchanged")
            status = "new" if row is None else "replaced"
            if row is not None:
                self._delete_page(page_id)
            c.execute(
                # columns named: a migrated archive may hold them in another order
                "INSERT INTO pages (id, path, name, publication, issue_date, sha256, parser_version, "
                "encoding, raw_text, ingested_at, reading, folio) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    page_id,
                    raw.path,
                    raw.name,
                    publication,
                    issue_date,
                    raw.sha256,
                    PARSER_VERSION,
                    raw.encoding,
                    raw.text,
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    reading,
                    parsed.folio,
                ),
            )
            if parsed.image is not None:
                img = parsed.image
                c.execute(
                    "INSERT INTO page_images VALUES (?,?,?,?,?,?)",
                    (page_id, img.media_type, img.width, img.height, img.data, img.boxes.to_json()),
                )
            offsets = parsed.page.offsets
            for f in parsed.page.furniture:
                c.execute(
                    "INSERT INTO furniture VALUES (?,?,?,?)",
                    (page_id, f.kind, f.span.of(parsed.page.shown), _spans(offsets, [f.span])),
                )
            for p in parsed.problems:
                c.execute("INSERT INTO problems VALUES (?,?,?,?)", (page_id, None, p.code, p.message))
            counts = [0, 0]
            chars = 0
            lines: set[str] = set()
            for seq, (article, rec) in enumerate(zip(parsed.articles, _records(parsed), strict=True), 1):
                n_persons, n_events = self._write_article(page_id, seq, article, rec, publication)
                counts[0] += n_persons
                counts[1] += n_events
                chars += article_length(rec["kicker"], rec["headline"], rec["subtitle"], rec["body"])
                lines.update(rec["slogans"], rec["quotes"])
            slogans.promote(c, lines, page_id)
            self._count(len(parsed.articles), chars)
            return IngestResult(page_id, status, len(parsed.articles), counts[0], counts[1])

    def delete_page(self, page_id: str) -> bool:
        with self.transaction():
            return self._delete_page(page_id)

    def _delete_page(self, page_id: str) -> bool:
        c = self.conn
        rows = c.execute(
            "SELECT rowid, kicker, headline, subtitle, body FROM articles WHERE page_id = ?", (page_id,)
        ).fetchall()
        self._count(
            -len(rows),
            -sum(article_length(r["kicker"], r["headline"], r["subtitle"], r["body"]) for r in rows),
        )
        clusters = reprints.clusters_of_page(c, page_id)
        lines = slogans.page_lines(c, page_id)
        for row in rows:
            c.execute(
                "INSERT INTO articles_fts(articles_fts, rowid, head, body) VALUES ('delete', ?, ?, ?)",
                (
                    row["rowid"],
                    index_text(head_text(row["kicker"], row["headline"], row["subtitle"])),
                    index_text(row["body"]),
                ),
            )
        gone = c.execute("DELETE FROM pages WHERE id = ?", (page_id,)).rowcount > 0
        c.execute("DELETE FROM persons WHERE id NOT IN (SELECT person_id FROM mentions)")
        slogans.withdraw(c, lines)
        reprints.prune(c, clusters)
        return gone

    def _write_article(
        self, page_id: str, seq: int, a: Article, rec: dict[str, Any], publication: str | None
    ) -> tuple[int, int]:
        c = self.conn
        rowid = self._next_rowid(a.date.iso)
        c.execute(
            "INSERT INTO articles (rowid, id, page_id, seq, kind, kicker, headline, subtitle, dateline, "
            "byline, credit, source, publication, date, year_inferred, complete, body, spans, date_source, "
            "date_not_after) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                rowid,
                a.id,
                page_id,
                seq,
                a.kind,
                rec["kicker"],
                rec["headline"],
                rec["subtitle"],
                rec["dateline"],
                rec["byline"],
                rec["credit"],
                rec["source"],
                publication,
                a.date.iso,
                int(rec["year_inferred"]),
                int(a.complete),
                rec["body"],
                json.dumps(rec["spans"]),
                rec["date_source"],
                rec["date_not_after"],
            ),
        )
        if self.find_reprints:
            reprints.index_article(c, a.id, page_id, rec["body"])
        c.execute(
            "INSERT INTO articles_fts(rowid, head, body) VALUES (?, ?, ?)",
            (
                rowid,
                index_text(head_text(rec["kicker"], rec["headline"], rec["subtitle"])),
                index_text(rec["body"]),
            ),
        )
        if rec["bylines"]:
            c.executemany(
                "INSERT INTO bylines VALUES (?,?,?,?)",
                [(a.id, b["role"], b["name"], json.dumps(b["spans"])) for b in rec["bylines"]],
            )
        ids = self._write_persons(a, rec)
        for i, e in enumerate(rec["events"]):
            ev = c.execute(
                "INSERT INTO events (article_id, seq, type, name, date, place, spans, actor, title, "
                "actor_kind, actor_spans) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    a.id,
                    i,
                    e["type"],
                    e["name"],
                    e["date"],
                    e["place"],
                    json.dumps(e["spans"]),
                    e.get("actor"),
                    e.get("title"),
                    e.get("actor_kind"),
                    json.dumps(e["actor_spans"]) if e.get("actor_spans") else None,
                ),
            ).lastrowid
            roles = [
                (ev, role, name, ids.get(name))
                for role in ("presided", "spoke", "attended")
                for name in e[role]
            ]
            if roles:
                c.executemany("INSERT INTO event_roles VALUES (?,?,?,?)", roles)
        for key in ("documents", "quotes"):
            c.executemany(
                f"INSERT INTO {key} VALUES (?,?,?)",
                [
                    (a.id, text, json.dumps(spans))
                    for text, spans in zip(rec[key], rec["fact_spans"][key], strict=True)
                ],
            )
        # the slogans the article uses as such; those its page's other articles decide (a quote
        # here) are decided again over the whole archive (store/slogans.py)
        c.executemany(
            "INSERT INTO slogans (article_id, text, spans) VALUES (?,?,?)",
            [
                (a.id, text, json.dumps(spans))
                for text, spans in zip(rec["slogans"], rec["fact_spans"]["slogans"], strict=True)
                if text not in rec["quotes"]
            ],
        )
        c.executemany(
            "INSERT INTO organisations VALUES (?,?,?)",
            [(a.id, o["name"], json.dumps(o["spans"])) for o in rec["organisations"]],
        )
        c.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    a.id,
                    p["name"],
                    p["code"],
                    p["province"],
                    p["city"],
                    p["district"],
                    p["level"],
                    json.dumps(p["candidates"], ensure_ascii=False),
                    json.dumps(p["spans"]),
                )
                for p in rec["places"]
            ],
        )
        c.executemany(
            "INSERT INTO figures VALUES (?,?,?,?,?,?,?)",
            [
                (a.id, f["text"], f["value"], f["unit"], f["measure"], f["qualifier"], json.dumps(f["spans"]))
                for f in rec["figures"]
            ],
        )
        c.executemany(
            "INSERT INTO directives VALUES (?,?,?,?,?,?)",
            [
                (a.id, d["speaker"], d["verb"], d["text"], d["event"], json.dumps(d["spans"]))
                for d in rec["directives"]
            ],
        )
        for p in rec["problems"]:
            c.execute(
                "INSERT INTO problems VALUES (?,?,?,?)",
                (a.id.rsplit("-a", 1)[0], a.id, p["code"], p["message"]),
            )
        return len(rec["persons"]), len(rec["events"])

    def _count(self, articles: int, chars: int) -> None:
        """Keep the corpus totals BM25 reads (schema migration 4) in step with the articles, and
        count the write, so that readers know their memos of the archive are out of date."""
        self.conn.execute(
            "UPDATE corpus SET articles = articles + ?, chars = chars + ?, writes = writes + 1",
            (articles, chars),
        )

    def _next_rowid(self, iso: str | None) -> int:
        """The next free row id of the article's day (store/keys.py: row ids follow dates)."""
        first, last = day_range(day_number(iso))
        top = self.conn.execute(
            "SELECT MAX(rowid) FROM articles WHERE rowid BETWEEN ? AND ?", (first, last)
        ).fetchone()[0]
        if top == last:
            raise ValueError(f"more than {last - first + 1} articles dated {iso}: no row id left")
        return first if top is None else int(top) + 1

    def _write_persons(self, a: Article, rec: dict[str, Any]) -> dict[str, int]:
        """Mentions of the article, each tied to the archive's record of that person."""
        ids: dict[str, int] = {}
        mentions: list[tuple[Any, ...]] = []
        posts: list[tuple[Any, ...]] = []
        for p in rec["persons"]:
            pid = self._person_id(a, p["name"], p["posts"])
            ids[p["name"]] = pid
            mentions.append((a.id, pid, p["name"], json.dumps(p["spans"]), int(p.get("referenced", False))))
            seats = p.get("post_seats") or [None] * len(p["posts"])
            held = zip(p["posts"], p["post_spans"], seats, strict=True)
            posts.extend(
                (a.id, pid, seq, title, organisation_of(title), *_place(title, seat), json.dumps(spans))
                for seq, (title, spans, seat) in enumerate(held)
            )
        if mentions:
            self.conn.executemany(
                "INSERT INTO mentions (article_id, person_id, name, spans, referenced) VALUES (?,?,?,?,?)",
                mentions,
            )
        if posts:
            self.conn.executemany(
                "INSERT INTO mention_posts (article_id, person_id, seq, title, organisation, place, "
                "place_code, place_inferred, spans) VALUES (?,?,?,?,?,?,?,?,?)",
                posts,
            )
        return ids

    def _person_id(self, a: Article, name: str, posts: list[str]) -> int:
        """The record this mention belongs to: same name, posts in no other jurisdiction."""
        places = {p for t in posts if (p := jurisdiction(t))}
        rows = self.conn.execute(
            "SELECT id, key, places FROM persons WHERE name = ? ORDER BY id", (name,)
        ).fetchall()
        for row in rows:
            known = set(json.loads(row["places"]))
            if not places or not known or places & known:
                if places - known:
                    self.conn.execute(
                        "UPDATE persons SET places = ? WHERE id = ?",
                        (json.dumps(sorted(known | places), ensure_ascii=False), row["id"]),
                    )
                return int(row["id"])
        key = name if not rows else f"{name}#{len(rows) + 1}"
        if rows:
            self.conn.execute(
                "INSERT INTO problems VALUES (?,?,?,?)",
                (
                    a.id.rsplit("-a", 1)[0],
                    a.id,
                    "person.clash",
                    f"{name} holds posts in {'、'.join(sorted(places))}, unlike the {name} already known: "
                    f"kept as {key}",
                ),
            )
        cur = self.conn.execute(
            "INSERT INTO persons (key, name, places, pinyin) VALUES (?,?,?,?)",
            (key, name, json.dumps(sorted(places), ensure_ascii=False), name_pinyin(name)),
        )
        return int(cur.lastrowid or 0)


def _place(title: str, seat: dict[str, Any] | None) -> tuple[str | None, str | None, int]:
    """(place, division code, inferred) of a post: its seat, else the place its title names."""
    if seat is None:
        return jurisdiction(title), None, 0
    return seat["place"], seat["code"], int(bool(seat["inferred"]))


@lru_cache(maxsize=4096)
def organisation_of(title: str) -> str | None:
    """The body a post belongs to: 市委组织部 of 市委组织部部长 (None for a bare 市长)."""
    for word in _TITLE_WORDS:
        if title.endswith(word):
            body = title[: -len(word)].rstrip("原副")
            return body if len(body) >= 2 else None
    return None


def _spans(offsets: Any, spans: Iterable[Span]) -> str:
    return json.dumps(offsets.spans_to_raw(spans))


def _records(parsed: ParsedPage) -> list[dict[str, Any]]:
    from fangzhi.records import article_record

    return [article_record(parsed, a) for a in parsed.articles]


__all__ = ["PARSER_VERSION", "IngestResult", "Problem", "Store"]
