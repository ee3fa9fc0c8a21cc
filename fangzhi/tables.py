"""The archive's tables for other tools: JSON Lines, CSV or Parquet, one table at a time.

    >>> from fangzhi.tables import write_export
    >>> write_export(archive.conn, "persons", "csv", "persons.csv")   # doctest: +SKIP
    52

Each exportable name has its SQL (TABLES) and an explicit type for every column it gives
(COLUMNS); the types decide how a value is decoded from SQLite and written out:

    str, int, float, bool   scalars (None is null; CSV writes it as an empty cell)
    strings                 a JSON list of strings in SQLite → a list of str
    joined                  a comma-joined list in SQLite (GROUP_CONCAT) → a sorted list of str
    json                    any other JSON (spans, the articles' field → spans map) → decoded

JSONL keeps every value as it is; CSV opens with a UTF-8 byte-order mark (so that a spreadsheet
on a Chinese Windows reads it as UTF-8; bom=False leaves it out), joins lists of names with 、
as a reader would write them, writes other lists and maps as JSON strings and true/false for
booleans; Parquet writes list<string> for the lists of strings and JSON strings (marked in the
field's metadata) for the rest, so read_export can decode them again.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from itertools import islice
from typing import Any, Literal, TextIO

Kind = Literal["str", "int", "float", "bool", "strings", "joined", "json"]
Target = str | os.PathLike[str] | TextIO

FORMATS = ("jsonl", "csv", "parquet")
BATCH = 1024  # Parquet rows per row group written

_SPANS: tuple[str, Kind] = ("spans", "json")

_PAGE_COLUMNS: tuple[tuple[str, Kind], ...] = (
    ("id", "str"),
    ("path", "str"),
    ("name", "str"),
    ("publication", "str"),
    ("issue_date", "str"),
    ("folio", "str"),  # its number in the issue (版次): 3, A3
    ("sha256", "str"),
    ("parser_version", "str"),
    ("encoding", "str"),
    ("ingested_at", "str"),
)


def role_names(role: str) -> str:
    """The SQL of a column holding, as a JSON list in printed order, who took event e's role."""
    return (
        "(SELECT json_group_array(name) FROM (SELECT r.name FROM event_roles r "
        f"WHERE r.event_id = e.id AND r.role = '{role}' ORDER BY r.rowid)) AS {role}"
    )


def _select(columns: Iterable[tuple[str, Kind]], tail: str) -> str:
    return f"SELECT {', '.join(name for name, _ in columns)} FROM {tail}"


_SPEC: dict[str, tuple[str, tuple[tuple[str, Kind], ...]]] = {
    "articles": (
        "SELECT id, page_id, seq, kind, kicker, headline, subtitle, dateline, byline, credit, source, "
        "publication, date, date_source, year_inferred, complete, body, spans FROM articles "
        "ORDER BY page_id, seq",
        (
            ("id", "str"),
            ("page_id", "str"),
            ("seq", "int"),
            ("kind", "str"),
            ("kicker", "str"),
            ("headline", "str"),
            ("subtitle", "str"),
            ("dateline", "str"),
            ("byline", "str"),
            ("credit", "str"),
            ("source", "str"),
            ("publication", "str"),
            ("date", "str"),
            ("date_source", "str"),
            ("year_inferred", "bool"),
            ("complete", "bool"),
            ("body", "str"),
            _SPANS,
        ),
    ),
    "pages": (_select(_PAGE_COLUMNS, "pages ORDER BY id"), _PAGE_COLUMNS),
    "bylines": (
        "SELECT article_id, role, name, spans FROM bylines ORDER BY rowid",
        (("article_id", "str"), ("role", "str"), ("name", "str"), _SPANS),
    ),
    "persons": (
        "SELECT p.id, p.key, p.name, COUNT(DISTINCT m.article_id) AS articles, MIN(a.date) AS first_seen, "
        "MAX(a.date) AS last_seen, (SELECT json_group_array(title) FROM "
        "(SELECT mp.title FROM mention_posts mp JOIN articles a2 ON a2.id = mp.article_id "
        "WHERE mp.person_id = p.id GROUP BY mp.title "
        "ORDER BY MIN(a2.date), mp.title)) AS posts, p.places "
        "FROM persons p LEFT JOIN mentions m ON m.person_id = p.id "
        "LEFT JOIN articles a ON a.id = m.article_id GROUP BY p.id ORDER BY p.id",
        (
            ("id", "int"),
            ("key", "str"),
            ("name", "str"),
            ("articles", "int"),
            ("first_seen", "str"),
            ("last_seen", "str"),
            ("posts", "strings"),
            ("places", "strings"),
        ),
    ),
    "mentions": (
        "SELECT m.article_id, m.person_id, p.key AS person_key, m.name, (SELECT json_group_array(title) FROM "
        "(SELECT mp.title FROM mention_posts mp WHERE mp.article_id = m.article_id "
        "AND mp.person_id = m.person_id ORDER BY mp.seq)) AS posts, m.spans "
        "FROM mentions m JOIN persons p ON p.id = m.person_id ORDER BY m.rowid",
        (
            ("article_id", "str"),
            ("person_id", "int"),
            ("person_key", "str"),
            ("name", "str"),
            ("posts", "strings"),
            _SPANS,
        ),
    ),
    "posts": (
        "SELECT person_id, person_key, name, title, organisation, place, place_code, place_inferred, "
        "first_seen, last_seen, articles, evidence FROM posts_held ORDER BY person_id, first_seen, title",
        (
            ("person_id", "int"),
            ("person_key", "str"),
            ("name", "str"),
            ("title", "str"),
            ("organisation", "str"),
            ("place", "str"),
            ("place_code", "str"),
            ("place_inferred", "bool"),
            ("first_seen", "str"),
            ("last_seen", "str"),
            ("articles", "int"),
            ("evidence", "joined"),
        ),
    ),
    "events": (
        "SELECT e.id, e.article_id, e.seq, e.type, e.name, e.actor, e.title, e.date, e.place, "
        f"{role_names('presided')}, {role_names('spoke')}, {role_names('attended')}, "
        "e.spans FROM events e ORDER BY e.id",
        (
            ("id", "int"),
            ("article_id", "str"),
            ("seq", "int"),
            ("type", "str"),
            ("name", "str"),
            ("actor", "str"),
            ("title", "str"),
            ("date", "str"),
            ("place", "str"),
            ("presided", "strings"),
            ("spoke", "strings"),
            ("attended", "strings"),
            _SPANS,
        ),
    ),
    "event_roles": (
        "SELECT r.event_id, e.article_id, r.role, r.name, r.person_id, p.key AS person_key "
        "FROM event_roles r JOIN events e ON e.id = r.event_id "
        "LEFT JOIN persons p ON p.id = r.person_id ORDER BY r.rowid",
        (
            ("event_id", "int"),
            ("article_id", "str"),
            ("role", "str"),
            ("name", "str"),
            ("person_id", "int"),
            ("person_key", "str"),
        ),
    ),
    "documents": (
        "SELECT article_id, text, spans FROM documents ORDER BY rowid",
        (("article_id", "str"), ("text", "str"), _SPANS),
    ),
    "slogans": (
        "SELECT article_id, text, spans FROM slogans ORDER BY rowid",
        (("article_id", "str"), ("text", "str"), _SPANS),
    ),
    "organisations": (
        "SELECT article_id, name, spans FROM organisations ORDER BY rowid",
        (("article_id", "str"), ("name", "str"), _SPANS),
    ),
    "places": (
        "SELECT article_id, name, code, province, city, district, level, candidates, spans FROM places "
        "ORDER BY rowid",
        (
            ("article_id", "str"),
            ("name", "str"),
            ("code", "str"),
            ("province", "str"),
            ("city", "str"),
            ("district", "str"),
            ("level", "str"),
            ("candidates", "strings"),
            _SPANS,
        ),
    ),
    "figures": (
        "SELECT article_id, text, value, unit, measure, qualifier, spans FROM figures ORDER BY rowid",
        (
            ("article_id", "str"),
            ("text", "str"),
            ("value", "float"),
            ("unit", "str"),
            ("measure", "str"),
            ("qualifier", "str"),
            _SPANS,
        ),
    ),
    "directives": (
        "SELECT article_id, speaker, verb, text, event_seq, spans FROM directives ORDER BY rowid",
        (
            ("article_id", "str"),
            ("speaker", "str"),
            ("verb", "str"),
            ("text", "str"),
            ("event_seq", "int"),
            _SPANS,
        ),
    ),
    "furniture": (
        "SELECT page_id, kind, text, spans FROM furniture ORDER BY rowid",
        (("page_id", "str"), ("kind", "str"), ("text", "str"), _SPANS),
    ),
    "problems": (
        "SELECT page_id, article_id, code, message FROM problems ORDER BY rowid",
        (("page_id", "str"), ("article_id", "str"), ("code", "str"), ("message", "str")),
    ),
}

TABLES: Mapping[str, str] = {name: sql for name, (sql, _) in _SPEC.items()}
"""The exportable names → the SQL that reads them."""

COLUMNS: Mapping[str, Mapping[str, Kind]] = {name: dict(cols) for name, (_, cols) in _SPEC.items()}
"""The exportable names → their columns, in order, with each one's type."""

_PAGES_WITH_TEXT = _select((*_PAGE_COLUMNS, ("raw_text", "str")), "pages ORDER BY id")


def check_table(what: str) -> str:
    """`what`, or a ValueError naming the choices when it is none of TABLES."""
    if what not in TABLES:
        raise ValueError(f"unknown table {what!r}: choose one of {', '.join(TABLES)}")
    return what


def _check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return fmt


def kinds(what: str, *, raw_text: bool = False) -> dict[str, Kind]:
    """The columns `what` exports, in order, with their types."""
    out = dict(COLUMNS[check_table(what)])
    if what == "pages" and raw_text:
        out["raw_text"] = "str"
    return out


# ---------------------------------------------------------------- reading the archive


def _from_sqlite(kind: Kind, value: Any) -> Any:
    if value is None:
        return [] if kind == "joined" else None
    if kind == "bool":
        return bool(value)
    if kind == "float":
        return float(value)
    if kind in ("strings", "json"):
        return json.loads(value) if isinstance(value, str) else value
    if kind == "joined":
        return sorted(str(value).split(","))
    return value


def export_rows(
    conn: sqlite3.Connection, what: str, *, raw_text: bool = False
) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """The columns of `what` and its rows, JSON columns decoded (pages leave out raw_text
    unless asked for it)."""
    types = kinds(what, raw_text=raw_text)
    sql = _PAGES_WITH_TEXT if what == "pages" and raw_text else TABLES[what]
    cur = conn.execute(sql)
    columns = [d[0] for d in cur.description]
    decode = [types[c] for c in columns]

    def rows() -> Iterator[dict[str, Any]]:
        for row in cur:
            yield {c: _from_sqlite(k, v) for c, k, v in zip(columns, decode, row, strict=True)}

    return columns, rows()


# ---------------------------------------------------------------- writing


def write_export(
    conn: sqlite3.Connection,
    what: str,
    fmt: str,
    out: Target,
    *,
    raw_text: bool = False,
    bom: bool = True,
) -> int:
    """Write table `what` as jsonl, csv or parquet to `out` (a path, or for jsonl and csv a text
    stream too); returns the number of rows written. `bom`: CSV opens with a byte-order mark."""
    check_table(what)
    _check_format(fmt)
    if fmt == "parquet" and not isinstance(out, str | os.PathLike):
        raise ValueError("parquet is written to a path, not a stream: give a file name")
    _, rows = export_rows(conn, what, raw_text=raw_text)
    types = kinds(what, raw_text=raw_text)
    if fmt == "csv":
        return _write_csv(types, rows, out, bom=bom)
    return _WRITERS[fmt](types, rows, out)


@contextmanager
def _text(out: Target) -> Iterator[TextIO]:
    if isinstance(out, str | os.PathLike):
        with open(out, "w", encoding="utf-8", newline="") as f:
            yield f
    else:
        yield out


def _write_jsonl(types: Mapping[str, Kind], rows: Iterator[dict[str, Any]], out: Target) -> int:
    n = 0
    with _text(out) as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


LIST_JOIN = "、"  # a list of names or posts in one cell, as a reader writes one


def _to_cell(kind: Kind, value: Any) -> str:
    if value is None:
        return ""
    if kind == "bool":
        return "true" if value else "false"
    if kind in ("strings", "joined"):
        return LIST_JOIN.join(value)
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _write_csv(
    types: Mapping[str, Kind], rows: Iterator[dict[str, Any]], out: Target, *, bom: bool = True
) -> int:
    n = 0
    with _text(out) as f:
        if bom:
            f.write("\ufeff")  # Excel on a Chinese Windows reads UTF-8 only when told so
        w = csv.writer(f)
        w.writerow(list(types))
        for row in rows:
            w.writerow([_to_cell(k, row[c]) for c, k in types.items()])
            n += 1
    return n


_JSON_FIELD = {b"encoding": b"json"}


def parquet_schema(types: Mapping[str, Kind]) -> Any:
    """The pyarrow schema for columns of these types."""
    import pyarrow as pa

    arrow = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "strings": pa.list_(pa.string()),
        "joined": pa.list_(pa.string()),
        "json": pa.string(),
    }
    return pa.schema(
        [pa.field(c, arrow[k], metadata=_JSON_FIELD if k == "json" else None) for c, k in types.items()]
    )


def _write_parquet(types: Mapping[str, Kind], rows: Iterator[dict[str, Any]], out: Target) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(types)
    jsons = [c for c, k in types.items() if k == "json"]
    n = 0
    with pq.ParquetWriter(os.fspath(out), schema) as w:  # type: ignore[arg-type]  # checked: a path
        while batch := list(islice(rows, BATCH)):
            for row in batch:
                for c in jsons:
                    row[c] = None if row[c] is None else json.dumps(row[c], ensure_ascii=False)
            w.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


_WRITERS: dict[str, Callable[[Mapping[str, Kind], Iterator[dict[str, Any]], Target], int]] = {
    "jsonl": _write_jsonl,
    "csv": _write_csv,
    "parquet": _write_parquet,
}


# ---------------------------------------------------------------- reading back


def read_export(path: str | os.PathLike[str], fmt: str, *, what: str | None = None) -> list[dict[str, Any]]:
    """The rows of a file write_export wrote. JSONL and Parquet carry their types; CSV is typed
    by `what`'s columns, or when it is not given by the table whose columns the header names
    (failing that, only cells holding JSON lists or objects are decoded)."""
    _check_format(fmt)
    if fmt == "jsonl":
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    if fmt == "parquet":
        return _read_parquet(path)
    return _read_csv(path, what)


def _read_parquet(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    table = pq.read_table(os.fspath(path))
    jsons = [f.name for f in table.schema if (f.metadata or {}).get(b"encoding") == b"json"]
    rows: list[dict[str, Any]] = table.to_pylist()
    for row in rows:
        for c in jsons:
            if row[c] is not None:
                row[c] = json.loads(row[c])
    return rows


def _from_cell(kind: Kind | None, cell: str) -> Any:
    if kind is None:  # untyped: decode what is plainly JSON
        return json.loads(cell) if cell[:1] in ("[", "{") else cell
    if cell == "":
        return [] if kind in ("strings", "joined") else None
    if kind == "int":
        return int(cell)
    if kind == "float":
        return float(cell)
    if kind == "bool":
        return cell == "true"
    if kind in ("strings", "joined"):
        return cell.split(LIST_JOIN)
    if kind == "json":
        return json.loads(cell)
    return cell


def _csv_types(header: list[str], what: str | None) -> Mapping[str, Kind] | None:
    if what is not None:
        return kinds(what, raw_text="raw_text" in header)
    for name in TABLES:
        for raw in (False, True):
            types = kinds(name, raw_text=raw)
            if list(types) == header:
                return types
    return None


def _read_csv(path: str | os.PathLike[str], what: str | None) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8-sig", newline="") as f:  # with its byte-order mark or without
        reader = csv.reader(f)
        header = next(reader, [])
        types = _csv_types(header, what)
        return [
            {c: _from_cell(types[c] if types else None, cell) for c, cell in zip(header, line, strict=True)}
            for line in reader
        ]
