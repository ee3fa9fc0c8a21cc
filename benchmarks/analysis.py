"""Analysis at archive scale, in one run on one generated corpus: SQL over the Parquet dataset
(DuckDB) against the same question asked of SQLite, what finding reprints adds to an ingest, and
how far ingest goes past the one-SQLite-writer ceiling when workers write Parquet instead.

Run on demand (not part of the test suite; try ``--articles 5000`` first):

    .venv/bin/python benchmarks/analysis.py [--articles 100000] [--reprints 0.05] [--workers 2]
        [--pages DIR] [--seed 1] [--repeat 3] [--json PATH]

1. Corpus: pages of about five articles composed from the sample pages' parts (benchmarks/archive.py's
   generator: dates over 2015-2024, 22 papers of 11 cities), and for a share of them (``--reprints``)
   the same page printed by the city's other paper with its last paragraph cut.
2. Ingest with and without reprint detection: each page is parsed once, then stored into two fresh
   archives, one finding reprints and one not, in alternating order; each store is timed alone, so
   the ratio is the cost of detection on the same parsed pages, and the whole ingest's ratio adds
   the parse time both share.
3. SQL: the archive that found reprints is exported as the dataset (then exported again: nothing to
   write); each aggregate runs through fangzhi.sql over the dataset and as plain SQL in SQLite over
   the archive, best of ``--repeat``, and the answers are checked equal. Also timed once: the same
   query over the archive through DuckDB (``fangzhi sql --db``) and the CLI as a process.
4. Past the writer: the pages are parsed by ``--workers`` processes that each write their articles'
   records as Parquet files of their own (no shared writer), against one process parsing and
   storing into SQLite (the serial ingest) — end to end, articles per second.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import archive as corpus  # noqa: E402  (benchmarks/archive.py: the generator of pages)

# --------------------------------------------------------------------------- the corpus


def reprint_of(text: str) -> str:
    """The page as the city's other paper prints it: 日报 ↔ 晚报, its last paragraph cut."""
    swapped = text.replace("日报", "\0").replace("晚报", "日报").replace("\0", "晚报")
    lines = swapped.rstrip("\n").split("\n")
    last = max(i for i, line in enumerate(lines) if line.strip())
    return "\n".join(lines[:last]) + "\n"


def write_pages(folder: Path, articles: int, seed: int, share: float) -> tuple[list[Path], int]:
    material, _ = corpus.read_material(corpus.DEFAULT_PAGES if not ARGS.pages else Path(ARGS.pages))
    gen = corpus.Generator(material, seed)
    folder.mkdir(parents=True)
    paths: list[Path] = []
    written = copies = 0
    every = round(1 / share) if share > 0 else 0
    while written < articles:
        name, text, count = gen.page(len(paths))
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        written += count
        if every and len(paths) % every == 0:
            copy = folder / name.replace("bench-", "bench-reprint-")
            copy.write_text(reprint_of(text), encoding="utf-8")
            paths.append(copy)
            copies += 1
    return paths, copies


# --------------------------------------------------------------------------- ingest


@dataclass
class IngestRun:
    pages: int = 0
    articles: int = 0
    parse_s: float = 0.0
    store_plain_s: float = 0.0
    store_reprints_s: float = 0.0
    clusters: int = 0
    clustered_articles: int = 0

    def rates(self) -> dict[str, float]:
        n = self.articles
        return {
            "parse_articles_per_s": n / self.parse_s,
            "store_plain_articles_per_s": n / self.store_plain_s,
            "store_reprints_articles_per_s": n / self.store_reprints_s,
            "store_ratio_with_over_without": self.store_reprints_s / self.store_plain_s,
            "ingest_ratio_with_over_without": (self.parse_s + self.store_reprints_s)
            / (self.parse_s + self.store_plain_s),
            "serial_ingest_articles_per_s": n / (self.parse_s + self.store_reprints_s),
        }


def ingest_both(paths: Sequence[Path], plain_db: Path, reprints_db: Path) -> IngestRun:
    from fangzhi.archive import open_archive
    from fangzhi.distributed import parse_path
    from fangzhi.errors import SourceError
    from fangzhi.settings import Settings

    settings = Settings()
    reading = settings.reading_key()
    run = IngestRun()
    with (
        open_archive(plain_db, find_reprints=False) as plain,
        open_archive(reprints_db, find_reprints=True) as found,
    ):
        for i, path in enumerate(paths):
            t0 = time.perf_counter()
            _, parsed = parse_path(str(path), settings)
            run.parse_s += time.perf_counter() - t0
            if isinstance(parsed, SourceError) or not hasattr(parsed, "articles"):
                continue
            issue = parsed.issue_date.isoformat() if parsed.issue_date else None
            order = (plain, found) if i % 2 == 0 else (found, plain)  # neither always second
            for archive in order:
                t0 = time.perf_counter()
                archive.store.ingest(
                    parsed, parsed.page_id, publication=parsed.publication, issue_date=issue, reading=reading
                )
                spent = time.perf_counter() - t0
                if archive is plain:
                    run.store_plain_s += spent
                else:
                    run.store_reprints_s += spent
            run.pages += 1
            run.articles += len(parsed.articles)
            if (i + 1) % 2000 == 0:
                print(f"  … {i + 1:,} pages, {run.articles:,} articles", file=sys.stderr, flush=True)
        run.clusters = int(found.conn.execute("SELECT COUNT(DISTINCT cluster) FROM reprints").fetchone()[0])
        run.clustered_articles = int(found.conn.execute("SELECT COUNT(*) FROM reprints").fetchone()[0])
        for a in (plain, found):
            a.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return run


# --------------------------------------------------------------------------- SQL

# (name, the question in DuckDB over the dataset, the same question in SQLite over the archive)
QUERIES: tuple[tuple[str, str, str], ...] = (
    (
        "events per paper and year",
        "SELECT publication, year, count(*) AS n FROM events GROUP BY ALL",
        "SELECT a.publication, CASE WHEN a.date GLOB '[0-9][0-9][0-9][0-9]*' "
        "THEN CAST(substr(a.date, 1, 4) AS INTEGER) END AS year, count(*) FROM events e "
        "JOIN articles a ON a.id = e.article_id GROUP BY 1, 2",
    ),
    (
        "events presided per person",
        "SELECT person_key, count(DISTINCT event_id) AS n FROM roles "
        "WHERE role = 'presided' AND person_key IS NOT NULL GROUP BY ALL",
        "SELECT p.key, count(DISTINCT r.event_id) FROM event_roles r JOIN persons p ON p.id = r.person_id "
        "WHERE r.role = 'presided' GROUP BY p.key",
    ),
    (
        "slogans per month",
        "SELECT substr(a.date, 1, 7) AS month, s.text, count(*) AS n FROM slogans s "
        "JOIN articles a ON a.id = s.article_id WHERE a.date LIKE '2%' GROUP BY ALL",
        "SELECT substr(a.date, 1, 7), s.text, count(*) FROM slogans s JOIN articles a ON a.id = s.article_id "
        "WHERE a.date LIKE '2%' GROUP BY 1, 2",
    ),
    (
        "characters printed per paper",
        "SELECT publication, sum(chars) AS n FROM articles GROUP BY ALL",
        "SELECT publication, sum(length(body)) FROM articles GROUP BY publication",
    ),
)


@dataclass
class SqlTimes:
    name: str
    rows: int
    duckdb_dataset_s: float  # run_sql over the dataset: a fresh connection and views, as the CLI
    sqlite_s: float
    duckdb_archive_s: float  # run_sql over the archive: the tables read into Arrow first
    duckdb_warm_s: float  # the query alone, on a connection whose views are made already
    duckdb_compact_s: float  # the query alone, over one file a table (the dataset compacted)
    same_answer: bool

    @property
    def speedup(self) -> float:
        return self.sqlite_s / self.duckdb_dataset_s


def best(fn: Any, repeat: int) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), out


def _norm(rows: Any) -> list[tuple[Any, ...]]:
    return sorted((tuple(r) for r in rows), key=repr)


def compact(dataset: Path, out: Path) -> None:
    """The dataset with one Parquet file a table (partitions merged): what the files' number
    costs a query, apart from the engine's own speed."""
    from fangzhi.dataset import TABLES
    from fangzhi.sql import duckdb_over

    out.mkdir()
    with duckdb_over(dataset=dataset) as con:
        for name in TABLES:
            con.execute(f"COPY (SELECT * FROM {name}) TO '{out / name}.parquet' (FORMAT parquet)")


def _arrow(con: Any, q: str) -> Any:
    rel = con.sql(q)
    return rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.arrow()


def time_sql(db: Path, dataset: Path, repeat: int, compacted: Path) -> list[SqlTimes]:
    import duckdb

    from fangzhi.sql import COUNTED_EVENTS, duckdb_over, run_sql

    out: list[SqlTimes] = []
    flat = duckdb.connect()
    for name in (p.stem for p in compacted.glob("*.parquet")):
        flat.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{compacted / name}.parquet')")
    flat.execute(COUNTED_EVENTS)
    conn = sqlite3.connect(f"file:{db.resolve()}?mode=ro", uri=True)
    conn.execute("PRAGMA mmap_size = 1073741824")  # as fangzhi's own readers
    try:
        for name, duck, lite in QUERIES:
            run_sql(duck, dataset=dataset)  # warm: the OS cache holds the files either way
            conn.execute(lite).fetchall()
            d_s, d_rows = best(lambda q=duck: run_sql(q, dataset=dataset).rows, repeat)
            s_s, s_rows = best(lambda q=lite: conn.execute(q).fetchall(), repeat)
            a_s, _ = best(lambda q=duck: run_sql(q, conn=conn).rows, 1)
            with duckdb_over(dataset=dataset, query=duck) as con:
                _arrow(con, duck)
                w_s, _ = best(lambda q=duck, c=con: _arrow(c, q), repeat)
            _arrow(flat, duck)
            c_s, c_rows = best(lambda q=duck: _arrow(flat, q).to_pylist(), repeat)
            same = _norm(d_rows) == _norm(s_rows) == _norm(tuple(r.values()) for r in c_rows)
            out.append(SqlTimes(name, len(d_rows), d_s, s_s, a_s, w_s, c_s, same))
            print(f"  {name}: DuckDB {d_s * 1000:.0f} ms, SQLite {s_s * 1000:.0f} ms", file=sys.stderr)
    finally:
        conn.close()
        flat.close()
    return out


def cli_seconds(dataset: Path) -> float:
    """`fangzhi sql` as a reader runs it: a fresh process (interpreter and imports included)."""
    env = {**os.environ, "PYTHONPATH": str(HERE.parent)}
    t0 = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "fangzhi.cli",
            "sql",
            QUERIES[0][1],
            "--dataset",
            str(dataset),
            "--format",
            "csv",
        ],
        check=True,
        capture_output=True,
        env=env,
        cwd=HERE.parent,
    )
    return time.perf_counter() - t0


# --------------------------------------------------------------------------- past the writer


def _parquet_worker(job: tuple[int, list[str], str]) -> tuple[int, int, float]:
    """Parse a share of the pages and write their article records (facts as JSON) as Parquet,
    500 articles a file, into a folder of this worker's own: no lock shared with anyone."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from fangzhi.distributed import parse_path
    from fangzhi.errors import SourceError
    from fangzhi.records import page_records
    from fangzhi.settings import Settings

    index, paths, out = job
    folder = Path(out) / f"worker={index}"
    folder.mkdir(parents=True)
    settings = Settings()
    batch: list[dict[str, Any]] = []
    articles = files = 0
    t0 = time.perf_counter()

    def flush() -> None:
        nonlocal files
        if batch:
            pq.write_table(
                pa.Table.from_pylist(batch), folder / f"part-{files:05d}.parquet", compression="zstd"
            )
            files += 1
            batch.clear()

    for path in paths:
        _, parsed = parse_path(path, settings)
        if isinstance(parsed, SourceError) or not hasattr(parsed, "articles"):
            continue
        for rec in page_records(parsed):
            batch.append(
                {
                    k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                    for k, v in rec.items()
                }
            )
            articles += 1
        if len(batch) >= 500:
            flush()
    flush()
    return index, articles, time.perf_counter() - t0


@dataclass
class Parallel:
    workers: int
    articles: int
    seconds: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds


def parquet_ingest(paths: Sequence[Path], workers: int, out: Path) -> Parallel:
    shares = [[str(p) for p in paths[i::workers]] for i in range(workers)]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        done = list(pool.map(_parquet_worker, [(i, s, str(out)) for i, s in enumerate(shares)]))
    return Parallel(workers, sum(d[1] for d in done), time.perf_counter() - t0)


# --------------------------------------------------------------------------- the run


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000, help="articles to generate (default 100,000)")
    ap.add_argument(
        "--reprints", type=float, default=0.05, help="share of pages printed again by another paper"
    )
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="processes writing Parquet")
    ap.add_argument("--pages", help="the sample pages to compose from (default ../shared/seeds)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each query; the best is kept")
    ap.add_argument("--json", help="also write the figures here")
    ap.add_argument(
        "--keep", help="work in this new folder and keep it: the archives, the dataset, the pages"
    )
    return ap


ARGS = argparse.Namespace(pages=None)


def main(argv: Sequence[str] | None = None) -> int:
    global ARGS
    ARGS = build_parser().parse_args(argv)
    if ARGS.articles < 50 or not 0 <= ARGS.reprints < 1 or ARGS.workers < 1:
        print("--articles at least 50, --reprints in [0, 1), --workers at least 1", file=sys.stderr)
        return 2
    if ARGS.keep:
        if Path(ARGS.keep).exists():
            print(f"{ARGS.keep} exists: give a new folder", file=sys.stderr)
            return 2
        Path(ARGS.keep).mkdir(parents=True)
        return run(Path(ARGS.keep))
    with tempfile.TemporaryDirectory(prefix="fangzhi-analysis-") as tmp:
        return run(Path(tmp))


def run(tmp: Path) -> int:
    from fangzhi.archive import open_archive
    from fangzhi.dataset import export_dataset

    print(
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.2f} (other work on the machine slows every figure)"
    )
    t0 = time.perf_counter()
    paths, copies = write_pages(tmp / "pages", ARGS.articles, ARGS.seed, ARGS.reprints)
    print(
        f"generated {len(paths):,} pages ({copies:,} reprinted) in {time.perf_counter() - t0:.0f} s",
        file=sys.stderr,
    )

    ing = ingest_both(paths, tmp / "plain.db", tmp / "reprints.db")
    rates = ing.rates()
    print(f"ingested {ing.articles:,} articles twice", file=sys.stderr)

    with open_archive(tmp / "reprints.db") as a:
        t0 = time.perf_counter()
        first = export_dataset(a.conn, tmp / "dataset")
        export_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = export_dataset(a.conn, tmp / "dataset")
        again_s = time.perf_counter() - t0
    dataset_bytes = sum(p.stat().st_size for p in (tmp / "dataset").rglob("*.parquet"))
    compact(tmp / "dataset", tmp / "compact")
    sql = time_sql(tmp / "reprints.db", tmp / "dataset", ARGS.repeat, tmp / "compact")
    cli_s = cli_seconds(tmp / "dataset")

    par = parquet_ingest(paths, ARGS.workers, tmp / "parquet")
    print(f"{ARGS.workers} workers wrote Parquet in {par.seconds:.0f} s", file=sys.stderr)
    archive_bytes = (tmp / "reprints.db").stat().st_size
    shutil.rmtree(tmp / "parquet", ignore_errors=True)

    report: dict[str, Any] = {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
        "corpus": {"pages": ing.pages, "articles": ing.articles, "reprinted_pages": copies},
        "ingest": {**asdict(ing), **rates},
        "dataset": {
            "partitions": len(first.written),
            "export_s": export_s,
            "second_export_s": again_s,
            "second_export_written": len(again.written) + len(again.tables_written),
            "parquet_bytes": dataset_bytes,
            "archive_bytes": archive_bytes,
        },
        "sql": [
            {
                **asdict(t),
                "speedup_sqlite_over_duckdb": t.speedup,
                "speedup_sqlite_over_compact": t.sqlite_s / t.duckdb_compact_s,
            }
            for t in sql
        ],
        "sql_cli_process_s": cli_s,
        "parallel_parquet": {**asdict(par), "articles_per_s": par.articles_per_s},
    }
    print_report(report, sql, par, rates, again_s)
    if ARGS.json:
        Path(ARGS.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if all(t.same_answer for t in sql) else 1


def print_report(
    r: dict[str, Any], sql: Sequence[SqlTimes], par: Parallel, rates: dict[str, float], second_s: float
) -> None:
    c, ing, ds = r["corpus"], r["ingest"], r["dataset"]
    print(
        f"\n{c['articles']:,} articles on {c['pages']:,} pages ({c['reprinted_pages']:,} pages printed twice)"
    )
    print("\nIngest, reprint detection on and off (the same parsed pages, stores timed alone)")
    print(
        f"  parse                 {ing['parse_s']:8.1f} s  {rates['parse_articles_per_s']:8,.0f} articles/s"
    )
    print(
        f"  store, no reprints    {ing['store_plain_s']:8.1f} s  "
        f"{rates['store_plain_articles_per_s']:8,.0f} articles/s"
    )
    print(
        f"  store, with reprints  {ing['store_reprints_s']:8.1f} s  "
        f"{rates['store_reprints_articles_per_s']:8,.0f} articles/s"
    )
    print(f"  store ratio (with / without)   {rates['store_ratio_with_over_without']:.2f}x")
    print(f"  ingest ratio (with / without)  {rates['ingest_ratio_with_over_without']:.2f}x")
    print(f"  clusters found        {ing['clusters']:,} ({ing['clustered_articles']:,} articles)")
    print(
        f"\nDataset: {ds['partitions']} partitions, {ds['parquet_bytes'] / 1e6:,.1f} MB of Parquet "
        f"(archive {ds['archive_bytes'] / 1e6:,.1f} MB); export {ds['export_s']:.1f} s, "
        f"again {second_s:.2f} s ({ds['second_export_written']} written)"
    )
    print("\nSQL: DuckDB over the dataset against SQLite over the archive (best of runs)")
    print(
        "  DuckDB: fangzhi sql --dataset (fresh connection, views made, files listed); ratio: SQLite/DuckDB;"
    )
    print(
        "  warm: the query alone on a connection already made; compact: one file a table; --db: over SQLite"
    )
    print(
        f"  {'question':30} {'rows':>7} {'DuckDB':>9} {'SQLite':>9} {'ratio':>7} {'warm':>9} {'compact':>9} "
        f"{'--db':>9}  same"
    )
    for t in sql:
        print(
            f"  {t.name:30} {t.rows:7,} {t.duckdb_dataset_s * 1000:7.0f}ms {t.sqlite_s * 1000:7.0f}ms "
            f"{t.speedup:6.1f}x {t.duckdb_warm_s * 1000:7.0f}ms {t.duckdb_compact_s * 1000:7.0f}ms "
            f"{t.duckdb_archive_s * 1000:7.0f}ms  {'yes' if t.same_answer else 'NO'}"
        )
    print(f"  `fangzhi sql` as a process (first question): {r['sql_cli_process_s']:.2f} s")
    print("\nPast the one-writer ceiling: end-to-end articles/s")
    print(f"  1 process, parse + store into SQLite        {rates['serial_ingest_articles_per_s']:8,.0f}")
    print(f"  SQLite writer alone (store time only)       {rates['store_reprints_articles_per_s']:8,.0f}")
    print(f"  {par.workers} processes, parse + write Parquet each     {par.articles_per_s:8,.0f}")


if __name__ == "__main__":
    sys.exit(main())
