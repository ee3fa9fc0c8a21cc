"""Slogans decided by their use across the archive.

An article decides most of its slogans itself: a policy verb or noun around the quote (推进
“三高四新”), a strategy named. A quote shaped as a slogan whose own sentence decides nothing
(今年是“十四五”的关键之年) is kept in `quotes`; it is a slogan (basis 'repeated') wherever it is
printed, as long as some article of the archive uses the line as one (basis 'use') or
policy.REPEATS stories quote it (the printings of one story, fangzhi/reprints.py, are one). The
parser decides the same over the articles of one page (fangzhi.extract.facts.promote_repeated);
here the archive's other pages count too.

The table keeps one invariant, text by text: a line decided has every quote of it among the
slogans, a line undecided has no slogan of basis 'repeated'. Storing or deleting a page looks up
only the lines that page prints, each through an index, so the work is in proportion to the page.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from fangzhi.lexicon.policy import REPEATS


def page_lines(conn: sqlite3.Connection, page_id: str) -> set[str]:
    """The lines a stored page prints as slogans or slogan-shaped quotes."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT text FROM slogans WHERE article_id IN (SELECT id FROM articles WHERE page_id = ?) "
            "UNION SELECT text FROM quotes WHERE article_id IN (SELECT id FROM articles WHERE page_id = ?)",
            (page_id, page_id),
        )
    }


def decided(conn: sqlite3.Connection, text: str) -> bool:
    """Some article uses the line as a slogan, or REPEATS stories quote it."""
    if conn.execute("SELECT 1 FROM slogans WHERE text = ? AND basis = 'use' LIMIT 1", (text,)).fetchone():
        return True
    # the printings of one story (fangzhi/reprints.py) are one use of the line, not several
    row = conn.execute(
        "SELECT COUNT(*) FROM (SELECT DISTINCT COALESCE('cluster ' || r.cluster, q.article_id) FROM quotes q "
        "LEFT JOIN reprints r ON r.article_id = q.article_id WHERE q.text = ? LIMIT ?)",
        (text, REPEATS),
    ).fetchone()
    return int(row[0]) >= REPEATS


def promote(conn: sqlite3.Connection, lines: Iterable[str], page_id: str) -> int:
    """After a page is written: its quotes of a decided line become slogans, and so do the
    other pages' quotes of a line this page decides; returns how many were promoted."""
    n = 0
    for text in sorted(set(lines)):
        if not decided(conn, text):
            continue
        # decided before this page: the other pages' quotes of it are slogans already
        before = conn.execute(
            "SELECT 1 FROM slogans s JOIN articles a ON a.id = s.article_id "
            "WHERE s.text = ? AND a.page_id != ? LIMIT 1",
            (text, page_id),
        ).fetchone()
        scope = " AND q.article_id IN (SELECT id FROM articles WHERE page_id = ?)" if before else ""
        n += conn.execute(
            "INSERT INTO slogans (article_id, text, spans, basis) "
            "SELECT q.article_id, q.text, q.spans, 'repeated' FROM quotes q WHERE q.text = ?"
            + scope
            + " AND NOT EXISTS (SELECT 1 FROM slogans s WHERE s.article_id = q.article_id AND s.text = ?)",
            (text, page_id, text) if before else (text, text),
        ).rowcount
    return n


def withdraw(conn: sqlite3.Connection, lines: Iterable[str]) -> int:
    """After a page is deleted: a line it alone decided is a quote again wherever printed."""
    n = 0
    for text in sorted(set(lines)):
        if not decided(conn, text):
            n += conn.execute("DELETE FROM slogans WHERE text = ? AND basis = 'repeated'", (text,)).rowcount
    return n
