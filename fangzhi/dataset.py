"""The archive as a Parquet dataset for analysis: hive-partitioned by publication and year,
written atomically and incrementally.

    >>> from fangzhi.dataset import export_dataset
    >>> export_dataset(archive.conn, "dataset")              # doctest: +SKIP
    DatasetExport(written=('publication=衡阳晚报/year=2023', ...), unchanged=(), ...)

Layout (docs/sql.md describes every table and column):

    DIR/manifest.json                               what was written, and from which pages
    DIR/publication=衡阳晚报/year=2023/articles.parquet   … one file per table of articles' facts
    DIR/persons.parquet, DIR/posts.parquet, …       archive-wide tables, one file each

A partition holds the articles of one publication and year (a missing publication or year is
hive's __HIVE_DEFAULT_PARTITION__, read back as NULL) with their mentions, events, roles,
documents, slogans and places. Its fingerprint is a hash of the pages behind it (id, content
hash, parser and reading settings): a partition whose fingerprint the manifest already holds is
not written again. Persons, posts and reprints belong to no one partition (a person appears in
many papers, a reprint cluster joins them); each is one file, fingerprinted by its own rows.

Atomic: a partition is written whole into a staging folder, then renamed into place (the old
one renamed away first and removed after); an archive-wide file is written beside its place and
renamed over it; the manifest is rewritten (the same way) after each. A killed export leaves
every table either as it was or as it is now, never half written, and the manifest records only
what was completed: the next run writes what is missing or out of date.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fangzhi import tables as export_tables
from fangzhi.tables import Kind, parquet_schema, role_names

DATASET_VERSION = 1  # bump when a table's shape changes: every partition is then written again
MANIFEST = "manifest.json"
NULL_PART = "__HIVE_DEFAULT_PARTITION__"  # hive's name for a missing key (DuckDB and pyarrow read NULL)
_STAGING = ".staging"
_TRASH = ".trash"

# A year only when the date has one: --10-23 (month and day) and undated articles have none.
_YEAR = "CASE WHEN a.date GLOB '[0-9][0-9][0-9][0-9]*' THEN CAST(substr(a.date, 1, 4) AS INTEGER) END"
# The partition's articles, given as a JSON list of ids (an IN over the article indexes).
_IN_PART = "a.id IN (SELECT value FROM json_each(:ids))"
PARTITION_COLUMNS: tuple[tuple[str, Kind], ...] = (("publication", "str"), ("year", "int"))
_PART_SQL = f", a.publication, {_YEAR} AS year"


# table → (SQL over the articles {where} picks, its columns with their types). publication and
# year are not in the files: they are the partition's folder names; read from the archive, they
# are columns too, put where {part} stands (PARTITION_COLUMNS).
PARTITIONED: Mapping[str, tuple[str, tuple[tuple[str, Kind], ...]]] = {
    "articles": (
        "SELECT a.id, a.page_id, a.seq, a.kind, a.kicker, a.headline, a.subtitle, a.dateline, a.byline, "
        "a.credit, a.source, a.date, a.date_source, a.year_inferred, a.complete, a.body, "
        "length(a.body) AS chars{part} FROM articles a WHERE {where} ORDER BY a.rowid",
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
            ("date", "str"),
            ("date_source", "str"),
            ("year_inferred", "bool"),
            ("complete", "bool"),
            ("body", "str"),
            ("chars", "int"),
        ),
    ),
    "mentions": (
        "SELECT m.article_id, m.person_id, p.key AS person_key, m.name, m.referenced, "
        "(SELECT json_group_array(title) FROM (SELECT mp.title FROM mention_posts mp "
        "WHERE mp.article_id = m.article_id AND mp.person_id = m.person_id ORDER BY mp.seq)) AS posts{part} "
        "FROM articles a JOIN mentions m ON m.article_id = a.id JOIN persons p ON p.id = m.person_id "
        "WHERE {where} ORDER BY a.rowid, m.rowid",
        (
            ("article_id", "str"),
            ("person_id", "int"),
            ("person_key", "str"),
            ("name", "str"),
            ("referenced", "bool"),
            ("posts", "strings"),
        ),
    ),
    "events": (
        "SELECT e.id, e.article_id, e.seq, e.type, e.name, e.actor, e.title, e.date, e.place, "
        f"{role_names('presided')}, {role_names('spoke')}, {role_names('attended')}"
        "{part} FROM articles a JOIN events e ON e.article_id = a.id WHERE {where} ORDER BY e.id",
        # the archive's export of events, less where each was printed (spans)
        tuple((c, k) for c, k in export_tables.COLUMNS["events"].items() if c != "spans"),
    ),
    "roles": (
        "SELECT r.event_id, e.article_id, e.type AS event_type, e.date AS event_date, r.role, r.name, "
        "r.person_id, p.key AS person_key{part} FROM articles a JOIN events e ON e.article_id = a.id "
        "JOIN event_roles r ON r.event_id = e.id LEFT JOIN persons p ON p.id = r.person_id "
        "WHERE {where} ORDER BY e.id, r.rowid",
        (
            ("event_id", "int"),
            ("article_id", "str"),
            ("event_type", "str"),
            ("event_date", "str"),
            ("role", "str"),
            ("name", "str"),
            ("person_id", "int"),
            ("person_key", "str"),
        ),
    ),
    "documents": (
        "SELECT d.article_id, d.text{part} FROM articles a JOIN documents d ON d.article_id = a.id "
        "WHERE {where} ORDER BY a.rowid, d.rowid",
        (("article_id", "str"), ("text", "str")),
    ),
    "slogans": (
        "SELECT s.article_id, s.text{part} FROM articles a JOIN slogans s ON s.article_id = a.id "
        "WHERE {where} ORDER BY a.rowid, s.rowid",
        (("article_id", "str"), ("text", "str")),
    ),
    "places": (
        "SELECT pl.article_id, pl.name, pl.code, pl.province, pl.city, pl.district, pl.level{part} "
        "FROM articles a JOIN places pl ON pl.article_id = a.id WHERE {where} ORDER BY a.rowid, pl.rowid",
        (
            ("article_id", "str"),
            ("name", "str"),
            ("code", "str"),
            ("province", "str"),
            ("city", "str"),
            ("district", "str"),
            ("level", "str"),
        ),
    ),
}

# Archive-wide tables: one file each.
WHOLE: Mapping[str, tuple[str, tuple[tuple[str, Kind], ...]]] = {
    "persons": (
        "SELECT p.id, p.key, p.name, p.pinyin, p.places, COUNT(DISTINCT m.article_id) AS articles, "
        "MIN(CASE WHEN a.date GLOB '[0-9]*' THEN a.date END) AS first_seen, "
        "MAX(CASE WHEN a.date GLOB '[0-9]*' THEN a.date END) AS last_seen "
        "FROM persons p LEFT JOIN mentions m ON m.person_id = p.id AND m.referenced = 0 "
        "LEFT JOIN articles a ON a.id = m.article_id GROUP BY p.id ORDER BY p.id",
        (
            ("id", "int"),
            ("key", "str"),
            ("name", "str"),
            ("pinyin", "str"),
            ("places", "strings"),
            ("articles", "int"),
            ("first_seen", "str"),
            ("last_seen", "str"),
        ),
    ),
    # a person's posts over time, as the archive's own export gives them
    "posts": (export_tables.TABLES["posts"], tuple(export_tables.COLUMNS["posts"].items())),
    "reprints": (
        "SELECT r.cluster, r.article_id, ROW_NUMBER() OVER (PARTITION BY r.cluster ORDER BY a.rowid) "
        "AS printing, r.similarity, r.matched FROM reprints r JOIN articles a ON a.id = r.article_id "
        "ORDER BY r.cluster, printing",
        (
            ("cluster", "int"),
            ("article_id", "str"),
            ("printing", "int"),
            ("similarity", "float"),
            ("matched", "str"),
        ),
    ),
}

TABLES: tuple[str, ...] = (*PARTITIONED, *WHOLE)


class DatasetError(ValueError):
    """A folder that cannot hold the dataset, or a dataset that cannot be read."""


@dataclass(frozen=True)
class Partition:
    publication: str | None
    year: int | None

    @property
    def path(self) -> str:
        """publication=衡阳晚报/year=2023, as hive names it (a / in a name is %2F)."""
        pub = NULL_PART if self.publication is None else _escape(self.publication)
        year = NULL_PART if self.year is None else str(self.year)
        return f"publication={pub}/year={year}"


def _escape(name: str) -> str:
    """A publication's name as a folder name: readable (Han characters kept), with the few
    characters a path or hive's key=value cannot hold percent-encoded, as hive readers decode."""
    return "".join(f"%{ord(c):02X}" if c in '%/\\=:*?"<>|' or ord(c) < 32 else c for c in name)


@dataclass(frozen=True)
class DatasetExport:
    """What one export did: partitions by their paths, archive-wide tables by name."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    tables_written: tuple[str, ...]
    tables_unchanged: tuple[str, ...]
    rows: Mapping[str, int]  # table → rows now in the dataset

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed or self.tables_written)


# ---------------------------------------------------------------- what the archive holds


@dataclass(frozen=True)
class _Plan:
    articles: Mapping[Partition, tuple[str, ...]]
    fingerprints: Mapping[Partition, str]


def _plan(conn: sqlite3.Connection) -> _Plan:
    """Each partition's articles and the fingerprint of the pages behind them."""
    articles: dict[Partition, list[str]] = defaultdict(list)
    pages: dict[Partition, set[tuple[str, ...]]] = defaultdict(set)
    for row in conn.execute(
        f"SELECT a.id, a.publication, {_YEAR}, p.id, p.sha256, p.parser_version, COALESCE(p.reading, '') "
        "FROM articles a JOIN pages p ON p.id = a.page_id ORDER BY a.rowid"
    ):
        part = Partition(row[1], row[2])
        articles[part].append(row[0])
        pages[part].add(tuple(str(v) for v in row[3:]))
    fingerprints = {part: _digest([DATASET_VERSION, sorted(p)]) for part, p in pages.items()}
    return _Plan({k: tuple(v) for k, v in articles.items()}, fingerprints)


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, default=str).encode()).hexdigest()[:32]


def _rows(
    conn: sqlite3.Connection, sql: str, types: Mapping[str, Kind], **params: Any
) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [{c: _decode(types[c], v) for c, v in zip(names, row, strict=True)} for row in cur]


def _decode(kind: Kind, value: Any) -> Any:
    if value is None:
        return [] if kind in ("strings", "joined") else None
    if kind == "bool":
        return bool(value)
    if kind == "strings":
        return json.loads(value)
    if kind == "joined":
        return sorted(str(value).split(","))
    return value


# ---------------------------------------------------------------- writing


Writer = Callable[[list[dict[str, Any]], Mapping[str, Kind], Path], None]


def _write_parquet(rows: list[dict[str, Any]], types: Mapping[str, Kind], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(types)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, compression="zstd")


def export_dataset(
    conn: sqlite3.Connection,
    out: str | os.PathLike[str],
    *,
    progress: Callable[[str, str], None] | None = None,
    writer: Writer = _write_parquet,
) -> DatasetExport:
    """Write (or bring up to date) the Parquet dataset of the archive at `out`; `progress` hears
    ("written" | "unchanged" | "removed", partition path or table name) as the export goes."""
    root = _prepare(Path(out))
    manifest = _read_manifest(root)
    # one read transaction: every table from the same state of the archive, whatever an ingest
    # commits meanwhile (WAL: the ingest is not held up)
    conn.execute("BEGIN")
    try:
        return _export(conn, root, manifest, progress or (lambda what, name: None), writer)
    finally:
        conn.execute("COMMIT")


def _export(
    conn: sqlite3.Connection,
    root: Path,
    manifest: dict[str, Any],
    tell: Callable[[str, str], None],
    writer: Writer,
) -> DatasetExport:
    plan = _plan(conn)
    written, unchanged, removed = [], [], []
    parts: dict[str, Any] = manifest["partitions"]
    for part in sorted(plan.articles, key=lambda p: p.path):
        known = parts.get(part.path)
        if known and known["fingerprint"] == plan.fingerprints[part] and (root / part.path).is_dir():
            unchanged.append(part.path)
            tell("unchanged", part.path)
            continue
        rows = _write_partition(conn, root, part, plan.articles[part], writer)
        parts[part.path] = {
            "publication": part.publication,
            "year": part.year,
            "fingerprint": plan.fingerprints[part],
            "rows": rows,
        }
        _write_manifest(root, manifest)
        written.append(part.path)
        tell("written", part.path)
    for path in sorted(set(parts) - {p.path for p in plan.articles}):
        _remove(root, root / path)
        del parts[path]
        _write_manifest(root, manifest)
        removed.append(path)
        tell("removed", path)
    tables_written, tables_unchanged = _write_whole(conn, root, manifest, writer, tell)
    shutil.rmtree(root / _TRASH, ignore_errors=True)
    totals: dict[str, int] = {t: 0 for t in TABLES}
    for entry in parts.values():
        for t, n in entry["rows"].items():
            totals[t] += n
    for t, entry in manifest["tables"].items():
        totals[t] = entry["rows"]
    return DatasetExport(
        tuple(written), tuple(unchanged), tuple(removed), tables_written, tables_unchanged, totals
    )


def _prepare(root: Path) -> Path:
    """The dataset's folder, made if need be; one holding anything but a dataset is refused,
    and what a killed export left in staging is cleared."""
    if root.exists() and not root.is_dir():
        raise DatasetError(f"{root}: not a folder")
    if root.is_dir() and any(root.iterdir()) and not (root / MANIFEST).is_file():
        raise DatasetError(
            f"{root}: holds files but no {MANIFEST}: not a dataset of fangzhi's; give a new folder"
        )
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DatasetError(f"{root}: cannot make the folder: {e.strerror}") from e
    if not os.access(root, os.W_OK):
        raise DatasetError(f"{root}: cannot write here")
    for leftover in (_STAGING, _TRASH):
        shutil.rmtree(root / leftover, ignore_errors=True)
    return root


def _read_manifest(root: Path) -> dict[str, Any]:
    path = root / MANIFEST
    if not path.is_file():
        return {"version": DATASET_VERSION, "partitions": {}, "tables": {}}
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise DatasetError(f"{path}: unreadable manifest: {e}") from e
    if data.get("version") != DATASET_VERSION:  # another shape of tables: write everything again
        return {"version": DATASET_VERSION, "partitions": {}, "tables": {}}
    return data


def _write_manifest(root: Path, manifest: Mapping[str, Any]) -> None:
    tmp = root / f".{MANIFEST}.{uuid.uuid4().hex}"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, root / MANIFEST)


def _write_partition(
    conn: sqlite3.Connection, root: Path, part: Partition, ids: tuple[str, ...], writer: Writer
) -> dict[str, int]:
    """Every table of one partition into staging, then the folder swapped into place."""
    stage = root / _STAGING / uuid.uuid4().hex
    stage.mkdir(parents=True)
    counts: dict[str, int] = {}
    try:
        for name, (sql, cols) in PARTITIONED.items():
            types = dict(cols)
            rows = _rows(conn, sql.format(part="", where=_IN_PART), types, ids=json.dumps(ids))
            writer(rows, types, stage / f"{name}.parquet")
            counts[name] = len(rows)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    final = root / part.path
    final.parent.mkdir(parents=True, exist_ok=True)
    _remove(root, final)
    os.rename(stage, final)
    return counts


def _remove(root: Path, folder: Path) -> None:
    """Move a folder out of the dataset's view at once (a rename), then delete it."""
    if not folder.exists():
        return
    trash = root / _TRASH / uuid.uuid4().hex
    trash.parent.mkdir(exist_ok=True)
    os.rename(folder, trash)
    shutil.rmtree(trash, ignore_errors=True)
    parent = folder.parent
    if parent != root and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()  # publication=X with no year left


def _write_whole(
    conn: sqlite3.Connection,
    root: Path,
    manifest: dict[str, Any],
    writer: Writer,
    tell: Callable[[str, str], None],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    written: list[str] = []
    unchanged: list[str] = []
    for name, (sql, cols) in WHOLE.items():
        types = dict(cols)
        rows = _rows(conn, sql, types)
        fingerprint = _digest([DATASET_VERSION, rows])
        final = root / f"{name}.parquet"
        known = manifest["tables"].get(name)
        if known and known["fingerprint"] == fingerprint and final.is_file():
            unchanged.append(name)
            tell("unchanged", name)
            continue
        tmp = root / f".{name}.{uuid.uuid4().hex}.parquet"
        try:
            writer(rows, types, tmp)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        os.replace(tmp, final)
        manifest["tables"][name] = {"fingerprint": fingerprint, "rows": len(rows)}
        _write_manifest(root, manifest)
        written.append(name)
        tell("written", name)
    return tuple(written), tuple(unchanged)


def archive_rows(conn: sqlite3.Connection, table: str) -> tuple[dict[str, Kind], list[dict[str, Any]]]:
    """A dataset table read straight from the archive: its columns (a partitioned table's with
    publication and year last, where a hive reader puts them) and its rows."""
    if table in PARTITIONED:
        sql, cols = PARTITIONED[table]
        types = dict((*cols, *PARTITION_COLUMNS))
        return types, _rows(conn, sql.format(part=_PART_SQL, where="1"), types)
    sql, cols = WHOLE[table]
    return dict(cols), _rows(conn, sql, dict(cols))


def table_files(root: str | os.PathLike[str]) -> dict[str, str]:
    """Each table of the dataset at `root` → the glob of its Parquet files (partitioned tables
    as publication=*/year=*/TABLE.parquet); a folder without a manifest is a DatasetError."""
    base = Path(root)
    if not (base / MANIFEST).is_file():
        raise DatasetError(f"{base}: no {MANIFEST}: not a dataset (write one with: fangzhi dataset export)")
    out = {name: str(base / "publication=*" / "year=*" / f"{name}.parquet") for name in PARTITIONED}
    out.update({name: str(base / f"{name}.parquet") for name in WHOLE})
    return out
