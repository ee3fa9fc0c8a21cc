"""The archive's schema as numbered migrations, applied in order and recorded in the database.

Migration N runs once, inside a transaction, and is recorded in schema_migrations; a database
made by an older fangzhi is brought forward on open. Never edit a migration that has shipped:
add the next one.

Spans are JSON lists of half-open [start, end) ranges of the page's raw text (pages.raw_text).
Every fact table hangs off an article and goes with it (ON DELETE CASCADE), so replacing a page
is deleting it and writing it again, in one transaction.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from fangzhi.ids import name_pinyin
from fangzhi.read.folio import folio_of, name_folio
from fangzhi.store.fts import head_text, index_text

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "pages, articles and their facts; persons merged across the archive; full-text index",
        """
CREATE TABLE pages (
    id             TEXT PRIMARY KEY,          -- canonical: publication-issue date-file stem
    path           TEXT NOT NULL,
    name           TEXT NOT NULL,
    publication    TEXT,
    issue_date     TEXT,
    sha256         TEXT NOT NULL,
    parser_version TEXT NOT NULL,
    encoding       TEXT NOT NULL,
    raw_text       TEXT NOT NULL,
    ingested_at    TEXT NOT NULL
);
CREATE TABLE articles (
    rowid         INTEGER PRIMARY KEY,        -- the full-text index's row
    id            TEXT NOT NULL UNIQUE,
    page_id       TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    kicker        TEXT,
    headline      TEXT,
    subtitle      TEXT,
    dateline      TEXT,
    byline        TEXT,
    credit        TEXT,
    source        TEXT,
    publication   TEXT,
    date          TEXT,
    year_inferred INTEGER NOT NULL DEFAULT 0,
    complete      INTEGER NOT NULL,
    body          TEXT NOT NULL,
    spans         TEXT NOT NULL
);
CREATE INDEX articles_page ON articles(page_id);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_kind ON articles(kind);
CREATE INDEX articles_publication ON articles(publication);

CREATE TABLE bylines (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    role       TEXT,
    name       TEXT,
    spans      TEXT NOT NULL
);
CREATE INDEX bylines_article ON bylines(article_id);

CREATE TABLE persons (
    id     INTEGER PRIMARY KEY,
    key    TEXT NOT NULL UNIQUE,              -- the name, or 名字#2 when a clash split it
    name   TEXT NOT NULL,
    places TEXT NOT NULL DEFAULT '[]'         -- jurisdictions its posts name (JSON)
);
CREATE INDEX persons_name ON persons(name);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES persons(id),
    name       TEXT NOT NULL,
    spans      TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_person ON mentions(person_id);
CREATE INDEX mentions_name ON mentions(name);

CREATE TABLE mention_posts (
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id    INTEGER NOT NULL REFERENCES persons(id),
    seq          INTEGER NOT NULL,
    title        TEXT NOT NULL,
    organisation TEXT,                        -- the body the post belongs to (市委组织部 of 市委组织部部长)
    place        TEXT,                        -- the jurisdiction it names (衡东县 of 衡东县委书记)
    spans        TEXT NOT NULL
);
CREATE INDEX mention_posts_person ON mention_posts(person_id);
CREATE INDEX mention_posts_article ON mention_posts(article_id);
CREATE INDEX mention_posts_title ON mention_posts(title);

-- A person's posts over time, with the articles that show them.
CREATE VIEW posts_held AS
SELECT mp.person_id                 AS person_id,
       p.key                        AS person_key,
       p.name                       AS name,
       mp.title                     AS title,
       MAX(mp.organisation)         AS organisation,
       MAX(mp.place)                AS place,
       MIN(a.date)                  AS first_seen,
       MAX(a.date)                  AS last_seen,
       COUNT(DISTINCT a.id)         AS articles,
       GROUP_CONCAT(DISTINCT a.id)  AS evidence
FROM mention_posts mp
JOIN articles a ON a.id = mp.article_id
JOIN persons p ON p.id = mp.person_id
GROUP BY mp.person_id, mp.title;

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    type       TEXT NOT NULL,
    name       TEXT,
    date       TEXT,
    place      TEXT,
    spans      TEXT NOT NULL
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_date ON events(date);

CREATE TABLE event_roles (
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role      TEXT NOT NULL,                  -- presided | spoke | attended
    name      TEXT NOT NULL,
    person_id INTEGER REFERENCES persons(id)
);
CREATE INDEX event_roles_event ON event_roles(event_id);
CREATE INDEX event_roles_person ON event_roles(person_id);

CREATE TABLE documents (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    spans      TEXT NOT NULL
);
CREATE INDEX documents_article ON documents(article_id);
CREATE TABLE slogans (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    spans      TEXT NOT NULL
);
CREATE INDEX slogans_article ON slogans(article_id);
CREATE INDEX slogans_text ON slogans(text);
CREATE TABLE organisations (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    spans      TEXT NOT NULL
);
CREATE INDEX organisations_article ON organisations(article_id);
CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    code       TEXT,
    province   TEXT,
    city       TEXT,
    district   TEXT,
    level      TEXT,
    candidates TEXT NOT NULL DEFAULT '[]',
    spans      TEXT NOT NULL
);
CREATE INDEX places_article ON places(article_id);
CREATE INDEX places_name ON places(name);
CREATE INDEX places_code ON places(code);
CREATE TABLE figures (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    value      REAL NOT NULL,
    unit       TEXT,
    measure    TEXT,
    qualifier  TEXT,
    spans      TEXT NOT NULL
);
CREATE INDEX figures_article ON figures(article_id);
CREATE TABLE directives (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker    TEXT NOT NULL,
    verb       TEXT NOT NULL,
    text       TEXT NOT NULL,
    event_seq  INTEGER,
    spans      TEXT NOT NULL
);
CREATE INDEX directives_article ON directives(article_id);
CREATE TABLE furniture (
    page_id TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    kind    TEXT NOT NULL,
    text    TEXT NOT NULL,
    spans   TEXT NOT NULL
);
CREATE INDEX furniture_page ON furniture(page_id);
CREATE TABLE problems (
    page_id    TEXT NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
    article_id TEXT,
    code       TEXT NOT NULL,
    message    TEXT NOT NULL
);
CREATE INDEX problems_page ON problems(page_id);

-- Full text: Han character bigrams (and the ASCII words) of each article's head and body, in a
-- contentless FTS5 table: the text itself is stored once, in articles; see store/fts.py.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    head, body, content='', tokenize='unicode61 remove_diacritics 0'
);
""",
    ),
    (
        2,
        "indexes for the search filters: articles by person, articles by place at any level",
        """
CREATE INDEX mentions_name_article ON mentions(name, article_id);
CREATE INDEX places_city ON places(city);
CREATE INDEX places_district ON places(district);
CREATE INDEX places_province ON places(province);
""",
    ),
    (
        3,
        "index for an article's posts by person (the article page)",
        """
CREATE INDEX mention_posts_article_person ON mention_posts(article_id, person_id);
""",
    ),
    (
        4,
        "row ids in date order (store/keys.py) and corpus totals for ranking",
        """
-- Renumber the articles so that a row id follows the date: day number << 20, then 1, 2, 3 …
-- within the day in the order they came; then index them again under their new ids, with FTS5's
-- ascii tokenizer: the index's tokens are Han bigrams and ASCII words separated by spaces
-- (store/fts.py), which it splits exactly as unicode61 does, a third quicker.
CREATE TEMP TABLE renumbered (old INTEGER PRIMARY KEY, new INTEGER NOT NULL);
INSERT INTO temp.renumbered
    SELECT rowid, (day << 20) + ROW_NUMBER() OVER (PARTITION BY day ORDER BY rowid)
    FROM (SELECT rowid, COALESCE(CAST(julianday(date) AS INTEGER), 0) AS day FROM articles);
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(head, body, content='', tokenize='ascii');
UPDATE articles SET rowid = -rowid;
UPDATE articles SET rowid = (SELECT new FROM temp.renumbered WHERE old = -articles.rowid);
DROP TABLE temp.renumbered;
INSERT INTO articles_fts(rowid, head, body)
    SELECT rowid, fangzhi_index_head(kicker, headline, subtitle), fangzhi_index_text(body) FROM articles;

-- Indexes that a longer one covers: mentions(name, article_id), mention_posts(article_id, person_id).
DROP INDEX IF EXISTS mentions_name;
DROP INDEX IF EXISTS mention_posts_article;

-- How many articles and characters the archive holds (for BM25's document lengths), kept by
-- the store in the transaction that writes or deletes a page. Not by a trigger: a statement with
-- a trigger runs in a savepoint, and FTS5 writes its pending index out at every savepoint.
CREATE TABLE corpus (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    articles INTEGER NOT NULL,
    chars    INTEGER NOT NULL,
    writes   INTEGER NOT NULL  -- pages written or deleted: readers' memos are good until it moves
);
INSERT INTO corpus SELECT 1, COUNT(*), COALESCE(SUM(length(COALESCE(kicker, ''))
    + length(COALESCE(headline, '')) + length(COALESCE(subtitle, '')) + length(body)), 0), 0
    FROM articles;
""",
    ),
    (
        5,
        "covering indexes for the place filter: a place's articles read from the index alone",
        """
DROP INDEX IF EXISTS places_name;
DROP INDEX IF EXISTS places_city;
DROP INDEX IF EXISTS places_district;
DROP INDEX IF EXISTS places_province;
CREATE INDEX IF NOT EXISTS places_name_article ON places(name, article_id);
CREATE INDEX IF NOT EXISTS places_city_article ON places(city, article_id);
CREATE INDEX IF NOT EXISTS places_district_article ON places(district, article_id);
CREATE INDEX IF NOT EXISTS places_province_article ON places(province, article_id);
""",
    ),
    (
        6,
        "covering indexes for the person and place facets: an article's names read from the index alone",
        """
-- A search's facets look up the people and places of its newest matches by article; with the
-- names in the index, no table row is read. Each replaces the article's index it extends.
CREATE INDEX IF NOT EXISTS mentions_article_name ON mentions(article_id, name);
DROP INDEX IF EXISTS mentions_article;
CREATE INDEX IF NOT EXISTS places_article_keys ON places(article_id, district, city, province, name);
DROP INDEX IF EXISTS places_article;
""",
    ),
    (
        7,
        "the settings a page was read under; pages found by content: an unchanged file is not parsed again",
        """
-- Settings.reading_key(): a page read under other settings (--t2s, --issue-date, --publication)
-- is read again. NULL, for pages stored before this migration, matches no key: each is read once more.
ALTER TABLE pages ADD COLUMN reading TEXT;
CREATE INDEX IF NOT EXISTS pages_content ON pages(sha256, name);
""",
    ),
    (
        8,
        "where each article's year came from; partial dates (--MM-DD) kept out of first and last seen",
        """
-- dateline | body | masthead | issue-date | file-name | page | none (the date is --MM-DD)
ALTER TABLE articles ADD COLUMN date_source TEXT;
DROP VIEW IF EXISTS posts_held;
CREATE VIEW posts_held AS
SELECT mp.person_id                 AS person_id,
       p.key                        AS person_key,
       p.name                       AS name,
       mp.title                     AS title,
       MAX(mp.organisation)         AS organisation,
       MAX(mp.place)                AS place,
       MIN(CASE WHEN a.date GLOB '[0-9]*' THEN a.date END) AS first_seen,
       MAX(CASE WHEN a.date GLOB '[0-9]*' THEN a.date END) AS last_seen,
       COUNT(DISTINCT a.id)         AS articles,
       GROUP_CONCAT(DISTINCT a.id)  AS evidence
FROM mention_posts mp
JOIN articles a ON a.id = mp.article_id
JOIN persons p ON p.id = mp.person_id
GROUP BY mp.person_id, mp.title;
""",
    ),
    (
        9,
        "a mention that only names the source of what is studied or commemorated",
        """
-- 学习贯彻某某重要讲话精神: kept with its spans, out of who appears with whom and the people lists
ALTER TABLE mentions ADD COLUMN referenced INTEGER NOT NULL DEFAULT 0;
""",
    ),
    (
        10,
        "a post as an office in a place: the division's code, and whether the place was inferred",
        """
-- place: the jurisdiction the title names (衡东县 of 衡东县委书记), else the paper's or the
-- dateline's at the title's level (市长 in 衡阳日报: 衡阳市), then place_inferred = 1
ALTER TABLE mention_posts ADD COLUMN place_code TEXT;
ALTER TABLE mention_posts ADD COLUMN place_inferred INTEGER NOT NULL DEFAULT 0;
DROP VIEW IF EXISTS posts_held;
CREATE VIEW posts_held AS
SELECT mp.person_id                 AS person_id,
       p.key                        AS person_key,
       p.name                       AS name,
       mp.title                     AS title,
       MAX(mp.organisation)         AS organisation,
       COALESCE(MAX(CASE WHEN mp.place_inferred = 0 THEN mp.place END), MAX(mp.place)) AS place,
       COALESCE(MAX(CASE WHEN mp.place_inferred = 0 THEN mp.place_code END), MAX(mp.place_code))
                                    AS place_code,
       CASE WHEN MAX(CASE WHEN mp.place_inferred = 0 THEN mp.place END) IS NOT NULL THEN 0
            WHEN MAX(mp.place) IS NOT NULL THEN 1 ELSE 0 END AS place_inferred,
       MIN(CASE WHEN a.date GLOB '[0-9]*' THEN a.date END) AS first_seen,
       MAX(CASE WHEN a.date GLOB '[0-9]*' THEN a.date END) AS last_seen,
       COUNT(DISTINCT a.id)         AS articles,
       GROUP_CONCAT(DISTINCT a.id)  AS evidence
FROM mention_posts mp
JOIN articles a ON a.id = mp.article_id
JOIN persons p ON p.id = mp.person_id
GROUP BY mp.person_id, mp.title;
""",
    ),
    (
        11,
        "each event's actor and a short title of actor and action",
        """
-- actor: the host, visitor, presider or winner; title: 某某机场荣获… (an award's name alone has no subject)
ALTER TABLE events ADD COLUMN actor TEXT;
ALTER TABLE events ADD COLUMN title TEXT;
""",
    ),
    (
        12,
        "the search index in simplified characters: a page printed in traditional ones is found by either",
        """
-- index_text() now folds traditional characters to simplified (store/fts.py); a contentless
-- index is deleted from with the tokens it was given, so every row is indexed again with the new
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(head, body, content='', tokenize='ascii');
INSERT INTO articles_fts(rowid, head, body)
    SELECT rowid, fangzhi_index_head(kicker, headline, subtitle), fangzhi_index_text(body) FROM articles;
""",
    ),
    (
        13,
        "each person's name in pinyin, for lookup by pinyin or initials",
        """
-- 朱健 → 'zhujian zj' (ids.name_pinyin): found by zhuj… or zj
ALTER TABLE persons ADD COLUMN pinyin TEXT;
UPDATE persons SET pinyin = fangzhi_name_pinyin(name);
""",
    ),
    (
        14,
        "reprints: each article's MinHash signature and LSH bands; clusters of a story printed twice or more",
        """
-- fangzhi/reprints.py: a signature of NUM_PERM 32-bit values (little-endian); one row a band,
-- keyed by the band's hash, so that a new article finds its candidates by index, not by scan
CREATE TABLE reprint_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash    BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE reprint_bands (
    key        INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX reprint_bands_key ON reprint_bands(key);
CREATE INDEX reprint_bands_article ON reprint_bands(article_id);
-- only articles with another printing: cluster, and the estimated similarity (Jaccard of the
-- bodies' shingles) with the printing it was found like (matched, which may since be gone)
CREATE TABLE reprints (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    cluster    INTEGER NOT NULL,
    similarity REAL NOT NULL,
    matched    TEXT
) WITHOUT ROWID;
CREATE INDEX reprints_cluster ON reprints(cluster);
-- Events counted once however many copies of the story report them: an event is left out when
-- an earlier-printed copy (lower article row id: earlier date) in its cluster has an event of the
-- same type and date. Person pages, the network, counts and the chronicle read this view.
CREATE VIEW counted_events AS
SELECT e.* FROM events e
WHERE NOT EXISTS (
    SELECT 1 FROM reprints r
    JOIN reprints o ON o.cluster = r.cluster AND o.article_id != r.article_id
    JOIN events oe ON oe.article_id = o.article_id AND oe.type = e.type AND oe.date IS e.date
    WHERE r.article_id = e.article_id
      AND (SELECT rowid FROM articles WHERE id = o.article_id)
        < (SELECT rowid FROM articles WHERE id = e.article_id)
);
""",
    ),
    (
        15,
        "the scanned image of each page read by OCR, with the box of every line of its text",
        """
-- pages.raw_text of such a page is the text the OCR front end wrote; every span into it maps to
-- boxes on this image through `lines` (fangzhi/ocr/boxes.py): JSON [[start, end, x0, y0, x1, y1], …],
-- the raw text [start, end) read from the line in that box, its characters sharing the box's width
CREATE TABLE page_images (
    page_id    TEXT PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE,
    media_type TEXT NOT NULL,                -- image/png or image/jpeg
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    data       BLOB NOT NULL,
    lines      TEXT NOT NULL
);
""",
    ),
    (
        16,
        "each page's number in its issue (版次), for citing it: 《衡阳晚报》2023年5月11日 第3版",
        """
-- as printed, less its padding: 3, A3 (fangzhi/read/folio.py); NULL where neither the page's
-- header nor its file name gives one
ALTER TABLE pages ADD COLUMN folio TEXT;
-- pages stored before: their header lines are kept in furniture, their file names in pages
UPDATE pages SET folio = COALESCE(
    (SELECT fangzhi_folio(f.text) FROM furniture f
     WHERE f.page_id = pages.id AND f.kind = 'page-header' AND fangzhi_folio(f.text) IS NOT NULL
     ORDER BY f.rowid LIMIT 1),
    fangzhi_name_folio(name)
);
""",
    ),
    (
        17,
        "slogans decided by their use across the archive (quotes, slogans.basis); the kind and spans of "
        "each event's actor; the latest day a continuation can report",
        """
-- fangzhi/store/slogans.py: a quote shaped as a slogan (“十四五”) whose article does not use it as
-- one. It becomes a slogan (basis 'repeated') while some article uses the same line as a slogan
-- (basis 'use') or REPEATS articles quote it; written, and withdrawn, as pages come and go
CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    spans      TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_text ON quotes(text);
ALTER TABLE slogans ADD COLUMN basis TEXT NOT NULL DEFAULT 'use';      -- use | repeated
CREATE INDEX slogans_text_basis ON slogans(text, basis);
-- an event's actor is a person or an organisation (a company, a bureau, a school: 某公司荣获…,
-- 某局召开…), printed at actor_spans (JSON, as spans)
ALTER TABLE events ADD COLUMN actor_kind TEXT;
ALTER TABLE events ADD COLUMN actor_spans TEXT;
-- the latest day an article can report: a continuation appeared in its page's issue
ALTER TABLE articles ADD COLUMN date_not_after TEXT;
""",
    ),
)


def register_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions migrations call: the tokens the full-text index takes for a text."""
    conn.create_function("fangzhi_index_text", 1, index_text, deterministic=True)
    conn.create_function("fangzhi_name_pinyin", 1, name_pinyin, deterministic=True)
    conn.create_function(
        "fangzhi_index_head", 3, lambda *parts: index_text(head_text(*parts)), deterministic=True
    )
    conn.create_function("fangzhi_folio", 1, folio_of, deterministic=True)
    conn.create_function("fangzhi_name_folio", 1, name_folio, deterministic=True)


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the migrations this database lacks; returns the versions applied."""
    register_functions(conn)
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    done = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    applied: list[int] = []
    for version, description, sql in MIGRATIONS:
        if version in done:
            continue
        with conn:  # one transaction per migration: all of it or none
            conn.execute("BEGIN IMMEDIATE")
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                (version, description, datetime.now(UTC).isoformat(timespec="seconds")),
            )
        applied.append(version)
    return applied


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def _statements(sql: str) -> list[str]:
    """Split a migration into statements: comments out first, then at each semicolon that ends a
    complete statement (a trigger's body holds semicolons of its own)."""
    code = "\n".join(line.split("--", 1)[0].rstrip() for line in sql.splitlines())
    out: list[str] = []
    pending = ""
    for piece in code.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                out.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        out.append(pending.strip())
    return out
