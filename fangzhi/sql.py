"""SQL over the archive with DuckDB: read-only questions of the whole record.

    >>> from fangzhi.sql import run_sql
    >>> run_sql("SELECT type, count(*) AS n FROM events GROUP BY type", dataset="dataset")  # doctest: +SKIP
    SqlResult(columns=('type', 'n'), rows=(('meeting', 14), ...))

The views are named after the dataset's tables (fangzhi.dataset.TABLES; docs/sql.md), with
counted_events (events, a reprinted one once), and have the same columns whichever the source:

- a dataset (`dataset=DIR`, written by `fangzhi dataset export`): each view reads the table's
  Parquet files, with publication and year from the partitions' folder names;
- the SQLite archive (`db=FILE`): the tables the query names are read with Python's sqlite3,
  through the same SQL the export uses, into Arrow tables that DuckDB scans in place. DuckDB's
  own sqlite extension is not used: it is downloaded on first use, and fangzhi must answer
  offline; and it would show the archive's internal tables, not the dataset's.

Only one SELECT (or EXPLAIN of one) runs; anything else is refused before it reaches DuckDB,
whose connection has no file of its own (an in-memory database): nothing can be written back.
"""

from __future__ import annotations

import glob
import json
import os
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fangzhi.dataset import (
    PARTITION_COLUMNS,
    PARTITIONED,
    TABLES,
    WHOLE,
    DatasetError,
    archive_rows,
    table_files,
)
from fangzhi.tables import Kind, parquet_schema

# Events counted once across the printings of one story, as the archive's counted_events
# (fangzhi.reprints): an event is left out when an earlier printing in its cluster has an event
# of the same type and date.
COUNTED_EVENTS = """
CREATE VIEW counted_events AS
SELECT e.* FROM events e
WHERE NOT EXISTS (
    SELECT 1 FROM reprints r
    JOIN reprints o ON o.cluster = r.cluster AND o.printing < r.printing
    JOIN events oe ON oe.article_id = o.article_id AND oe.type = e.type
        AND oe.date IS NOT DISTINCT FROM e.date
    WHERE r.article_id = e.article_id
)
"""
VIEWS: tuple[str, ...] = (*TABLES, "counted_events")

FORMATS = ("table", "csv", "json", "parquet")
_ALLOWED = ("SELECT", "EXPLAIN")


class SqlError(ValueError):
    """A query that cannot run: refused (not read-only), or DuckDB's error, on one line."""


@dataclass(frozen=True)
class SqlResult:
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    arrow: Any = None  # the pyarrow Table DuckDB returned (for Parquet output)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split())


def check_read_only(query: str) -> None:
    """A SqlError unless `query` is exactly one SELECT (or EXPLAIN)."""
    import duckdb

    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as e:
        raise SqlError(_one_line(e)) from e
    if len(statements) != 1:
        raise SqlError(f"one query at a time: this text holds {len(statements)} statements")
    kind = statements[0].type.name
    if kind not in _ALLOWED:
        raise SqlError(f"read-only: only SELECT queries run here, and this is a {kind} statement")


def _connect() -> Any:
    import duckdb

    # no extension is fetched or loaded behind the query's back: fangzhi answers offline
    return duckdb.connect(
        ":memory:", config={"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    )


def _empty(types: Mapping[str, Kind]) -> Any:
    import pyarrow as pa

    return pa.Table.from_pylist([], schema=parquet_schema(types))


def _named(query: str) -> set[str]:
    """The views a query names (counted_events brings the two it reads); all of them when DuckDB
    cannot tell without the tables (it binds JOIN … USING)."""
    import duckdb

    try:
        named = {n.split(".")[-1].lower() for n in duckdb.get_table_names(query, qualified=False)}
    except duckdb.Error:
        named = set(VIEWS)
    if "counted_events" in named:
        named |= {"events", "reprints"}
    return named


def _dataset_views(con: Any, root: str | os.PathLike[str], named: set[str]) -> None:
    """A view per table the query names, over its Parquet files (an empty table where the
    dataset has none; listing a table's files is most of a small query's time), and counted_events."""
    for name, pattern in table_files(root).items():
        if name not in named:
            continue
        if name in PARTITIONED:
            if glob.glob(pattern):
                source = (
                    f"read_parquet({_literal(pattern)}, hive_partitioning = true, "
                    "hive_types = {'publication': VARCHAR, 'year': INTEGER})"
                )
                con.execute(f"CREATE VIEW {name} AS SELECT * FROM {source}")
                continue
            cols = dict((*PARTITIONED[name][1], *PARTITION_COLUMNS))
        elif Path(pattern).is_file():
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({_literal(pattern)})")
            continue
        else:
            cols = dict(WHOLE[name][1])
        con.register(f"_{name}_empty", _empty(cols))
        con.execute(f"CREATE VIEW {name} AS SELECT * FROM _{name}_empty")
    if "counted_events" in named:
        con.execute(COUNTED_EVENTS)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _archive_tables(con: Any, conn: sqlite3.Connection, named: set[str]) -> None:
    """The tables the query names, read from the archive into Arrow and registered by name."""
    import pyarrow as pa

    for name in TABLES:
        if name in named:
            types, rows = archive_rows(conn, name)
            con.register(name, pa.Table.from_pylist(rows, schema=parquet_schema(types)))
    if "counted_events" in named:
        con.execute(COUNTED_EVENTS)


@contextmanager
def duckdb_over(
    *, dataset: str | os.PathLike[str] | None = None, conn: sqlite3.Connection | None = None, query: str = ""
) -> Iterator[Any]:
    """A DuckDB connection with the tables as views, over a dataset folder or the archive's
    connection: the views `query` names, or every one when no query is given."""
    con = _connect()
    try:
        named = _named(query) if query else set(VIEWS)
        if dataset is not None:
            _dataset_views(con, dataset, named)
        elif conn is not None:
            _archive_tables(con, conn, named)
        yield con
    finally:
        con.close()


def run_sql(
    query: str,
    *,
    dataset: str | os.PathLike[str] | None = None,
    conn: sqlite3.Connection | None = None,
) -> SqlResult:
    """Run one read-only query over a dataset folder or an archive connection."""
    import duckdb

    if (dataset is None) == (conn is None):
        raise SqlError("give a dataset folder or an archive, one of them")
    check_read_only(query)
    try:
        with duckdb_over(dataset=dataset, conn=conn, query=query) as con:
            rel = con.sql(query)
            # DuckDB 2 names it to_arrow_table; 1.x's arrow() gives the same table
            arrow = rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.arrow()
    except duckdb.Error as e:
        raise SqlError(_one_line(e)) from e
    except DatasetError:
        raise
    columns = tuple(arrow.column_names)
    rows = tuple(tuple(r[c] for c in columns) for r in arrow.to_pylist()) if columns else ()
    return SqlResult(columns, rows, arrow)


# ---------------------------------------------------------------- output


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def render(result: SqlResult, fmt: str) -> str:
    """The result as an aligned table, CSV or JSON (a list of objects)."""
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=1, default=str) + "\n"
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(result.columns)
        w.writerows([_cell(v) for v in row] for row in result.rows)
        return buf.getvalue()
    if fmt == "table":
        from fangzhi.textout import table

        body = table(list(result.columns), [[_cell(v) for v in row] for row in result.rows])
        n = len(result.rows)
        return f"{body}\n({n} row{'s' if n != 1 else ''})\n"
    raise SqlError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")


def write_parquet(result: SqlResult, path: str | os.PathLike[str]) -> None:
    import pyarrow.parquet as pq

    pq.write_table(result.arrow, os.fspath(path))


__all__ = ["FORMATS", "SqlError", "SqlResult", "check_read_only", "duckdb_over", "render", "run_sql"]
