"""fangzhi: newspaper pages → articles → facts → an archive to search, browse and export.

Every command is a thin adapter: it reads its arguments, calls one library function, renders.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any

from fangzhi.errors import SourceError
from fangzhi.model import ParsedPage
from fangzhi.settings import Settings
from fangzhi.textout import table

DB_HELP = "the archive's SQLite file (default: ./fangzhi.db)"


def _date(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s}") from e


def _positive(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {s}")
    return n


def _page_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--issue-date", type=_date, help=Settings.help()["issue_date"])
    p.add_argument("--publication", help=Settings.help()["publication"])
    p.add_argument("--t2s", action="store_true", help=Settings.help()["t2s"])
    p.add_argument("--rules-only", action="store_true", help=Settings.help()["learned"])
    p.add_argument(
        "--max-line-chars",
        type=_positive,
        default=Settings.max_line_chars,
        help=Settings.help()["max_line_chars"],
    )


def _tables_help() -> str:
    from fangzhi.tables import COLUMNS

    lines = ["tables and their columns:"]
    for name, cols in COLUMNS.items():
        lines.append(f"  {name}: {', '.join(cols)}")
    return "\n".join(lines)


def _dataset_tables() -> tuple[str, ...]:
    from fangzhi.dataset import TABLES

    return TABLES


def _command(
    sub: Any, name: str, help_: str, func: Callable[[argparse.Namespace], int], *, db: bool = False
) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_, description=help_)
    p.set_defaults(func=func)
    if db:
        p.add_argument("--db", default="fangzhi.db", help=DB_HELP)
    return p


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="fangzhi", description=__doc__)
    sub = ap.add_subparsers(dest="command", required=True)

    p = _command(sub, "parse", "parse page files or folders of them into articles", cmd_parse)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("jsonl", "json", "md"), default="jsonl")
    _page_options(p)

    p = _command(
        sub,
        "ocr",
        "read scanned pages (PNG, JPEG, TIFF, PDF) into page text, with a JSON of each line's box beside it",
        cmd_ocr,
    )
    p.add_argument("paths", nargs="+", metavar="PAGE", help="scan files, or folders of them")
    p.add_argument(
        "--out", default=".", help="folder for PAGE.txt and PAGE.boxes.json (default: the current folder)"
    )

    p = _command(sub, "ingest", "parse pages and store them in the archive (idempotent)", cmd_ingest, db=True)
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument(
        "--no-reprints",
        dest="find_reprints",
        action="store_false",
        help="do not look up each article's other printings (quicker; fangzhi reprints --find does it later)",
    )
    p.add_argument(
        "--workers",
        type=_positive,
        help="parse on a local Dask cluster of this many processes (default: parse in this process)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="parse on the Dask cluster of this scheduler (tcp://host:8786); its workers must see the pages",
    )
    _page_options(p)

    p = _command(sub, "search", "full-text search of the archive", cmd_search, db=True)
    p.add_argument("query", help='words (AND), OR, -exclude, "exact phrase"')
    p.add_argument("--from", dest="date_from", type=_date)
    p.add_argument("--to", dest="date_to", type=_date)
    p.add_argument("--person")
    p.add_argument("--place")
    p.add_argument("--publication")
    p.add_argument("--kind", choices=("news", "commentary", "interview", "photo", "fragment"))
    p.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")

    p = _command(
        sub, "person", "a person: posts over time, activity, places, companions", cmd_person, db=True
    )
    p.add_argument("name")
    p.add_argument("--format", choices=("table", "json"), default="table")

    p = _command(
        sub, "people", "people of the archive, or of the pages given, posts merged", cmd_people, db=True
    )
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="parse these pages instead of reading the archive"
    )
    p.add_argument("--post", help="titles ending with this (市长 finds 市长 and 副市长)")
    p.add_argument(
        "--name", help="in the archive: part of a name, or its pinyin, whole or initials (zhujian, zj)"
    )
    p.add_argument("--place", help="a place of their posts or of the articles naming them")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    _page_options(p)

    p = _command(sub, "chronicle", "大事记: the events of the archive by month", cmd_chronicle, db=True)
    p.add_argument("--from", dest="date_from", type=_date)
    p.add_argument("--to", dest="date_to", type=_date)
    p.add_argument("--format", choices=("md", "csv", "json", "docx"), default="md")
    p.add_argument("--output", "-o", help="file to write (required for docx)")
    p.add_argument(
        "--partial",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="list events dated without a year (年份不详) after the rest; by default only when no "
        "--from/--to is given",
    )

    p = _command(sub, "export", "export a table of the archive", cmd_export, db=True)
    p.epilog = _tables_help()
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.add_argument("--what", default="articles", help="the table to export (listed below with its columns)")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="jsonl")
    p.add_argument("--output", "-o", help="file to write (required for parquet)")
    p.add_argument(
        "--no-bom",
        dest="bom",
        action="store_false",
        help="CSV without the UTF-8 byte-order mark that spreadsheets need to read it as UTF-8",
    )

    p = _command(sub, "dataset", "the archive as a Parquet dataset for analysis", cmd_dataset)
    ds = p.add_subparsers(dest="dataset_command", required=True)
    d = ds.add_parser(
        "export",
        help="write the dataset, or bring it up to date: only partitions whose pages changed",
        description="write the archive as Parquet, partitioned by publication and year (docs/sql.md); "
        "a second run rewrites only the partitions whose pages changed",
    )
    d.add_argument("--db", default="fangzhi.db", help=DB_HELP)
    d.add_argument("--out", required=True, metavar="DIR", help="the dataset's folder (made if need be)")
    d.add_argument("--quiet", action="store_true", help="only the summary line")

    p = _command(sub, "sql", "a read-only SQL query (DuckDB) over the dataset or the archive", cmd_sql)
    p.epilog = "tables: " + ", ".join(_dataset_tables()) + ", counted_events (docs/sql.md gives every column)"
    p.add_argument("query", help='one SELECT, e.g. "SELECT type, count(*) FROM events GROUP BY type"')
    src = p.add_mutually_exclusive_group()
    src.add_argument("--dataset", metavar="DIR", help="a dataset written by: fangzhi dataset export")
    src.add_argument("--db", help="the archive's SQLite file, read directly (default: ./fangzhi.db)")
    p.add_argument("--format", choices=("table", "csv", "json", "parquet"), default="table")
    p.add_argument("--out", "-o", help="file to write (required for parquet; default: standard output)")

    p = _command(
        sub, "reprints", "stories printed more than once (日报 and 晚报, other papers)", cmd_reprints, db=True
    )
    p.add_argument("--limit", type=_positive, default=100, help="clusters to list (largest first)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument(
        "--find",
        action="store_true",
        help="first look up the reprints of articles stored without them (an archive made before fangzhi "
        "found reprints)",
    )

    p = _command(sub, "network", "the co-appearance network of people", cmd_network, db=True)
    p.add_argument("--format", choices=("gexf", "graphml", "json"), default="json")
    p.add_argument("--person", help="only this person's neighbourhood")
    p.add_argument("--min-weight", type=int, default=1)
    p.add_argument("--output", "-o", help="file to write (default: standard output)")

    p = _command(sub, "sim", "simulated pages with their gold (the parser's training and test data)", cmd_sim)
    sim = p.add_subparsers(dest="sim_command", required=True)
    s = sim.add_parser("pages", help="write N pages of one set of families, with gold")
    s.add_argument(
        "--family",
        choices=("dev", "test", "holdout"),
        required=True,
        help="the set of house styles (holdout: only ever scored, never tuned on)",
    )
    s.add_argument("--n", type=_positive, default=300, help="how many pages (default 300)")
    s.add_argument("--seed", type=int, default=1)
    s.add_argument("--out", required=True, help="folder: pages/ and gold/ are written under it")
    s.add_argument("--clean", action="store_true", help="no artifact: every story printed whole, in order")
    s.add_argument(
        "--artifact",
        action="append",
        default=[],
        metavar="NAME=RATE",
        help="print an artifact at this rate (repeatable; e.g. subheads=0.3)",
    )
    sim.add_parser("families", help="list the families of each set and the outlets behind them")

    p = _command(sub, "serve", "the archive in a browser, and as a JSON API", cmd_serve, db=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help="server processes (default: one per CPU this process may use, at most 8)",
    )
    return ap


# ---------------------------------------------------------------- parsing


def _settings(args: argparse.Namespace) -> Settings:
    return Settings(
        t2s=args.t2s,
        issue_date=args.issue_date,
        publication=args.publication,
        learned=not args.rules_only,
        max_line_chars=args.max_line_chars,
    )


def _parsed_pages(args: argparse.Namespace, failed: list[int]) -> Iterator[ParsedPage]:
    """Parse every page the arguments name; bad files are reported and counted, never fatal."""
    from fangzhi.pipeline import parse_pages
    from fangzhi.read.sources import iter_page_paths

    settings = _settings(args)
    for item in iter_page_paths(args.paths, settings):
        if isinstance(item, SourceError):
            failed.append(1)
            _error(item)
            continue
        try:
            pages = parse_pages(item, settings)  # a scan may hold several
        except SourceError as e:
            failed.append(1)
            _error(e)
            continue
        for parsed in pages:
            where = parsed.page.raw.path
            for p in parsed.problems:  # the page's own: text in no article, lines cut, marks replaced
                print(f"fangzhi: {where}: {p.message} [{p.code}]", file=sys.stderr)
            for a in parsed.articles:
                for p in (*a.problems, *a.facts.problems):
                    print(f"fangzhi: {where}: {a.id}: {p.message} [{p.code}]", file=sys.stderr)
            yield parsed


def cmd_parse(args: argparse.Namespace) -> int:
    from fangzhi.records import markdown, page_document, page_records

    failed: list[int] = []
    out = sys.stdout
    for parsed in _parsed_pages(args, failed):
        if args.format == "jsonl":
            for rec in page_records(parsed):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif args.format == "json":
            out.write(json.dumps(page_document(parsed), ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(markdown(parsed) + "\n")
    return 2 if failed else 0


def cmd_ocr(args: argparse.Namespace) -> int:
    from fangzhi.ocr import is_image_path
    from fangzhi.ocr.output import write_page
    from fangzhi.read.sources import iter_page_paths

    settings = Settings()
    failed = 0
    for item in iter_page_paths(args.paths, settings):
        if not isinstance(item, SourceError) and not is_image_path(item):
            if str(item) not in args.paths:
                continue  # a text page in a folder of scans: already text
            item = SourceError(str(item), "is no scan (PNG, JPEG, TIFF or PDF): nothing to recognise")
        if isinstance(item, SourceError):
            failed += 1
            _error(item)
            continue
        try:
            written = write_page(item, args.out, settings)
        except SourceError as e:
            failed += 1
            _error(e)
            continue
        except OSError as e:
            print(f"fangzhi: {args.out}: cannot write: {e.strerror or e}", file=sys.stderr)
            return 2
        for path in written:
            print(path)
    return 2 if failed else 0


def _error(e: SourceError) -> None:
    print(f"fangzhi: {e.path}: {e.message} [{e.code}]", file=sys.stderr)


# ---------------------------------------------------------------- the archive


def _archive(args: argparse.Namespace, *, write: bool = False) -> Any:
    from fangzhi.archive import open_archive

    if not write and not os.path.exists(args.db):
        raise SystemExit(
            f"fangzhi: {args.db}: no archive here; create one with: fangzhi ingest PAGES --db {args.db}"
        )
    return open_archive(args.db, find_reprints=getattr(args, "find_reprints", True))


def cmd_ingest(args: argparse.Namespace) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from fangzhi.read.sources import iter_page_paths

    settings = _settings(args)
    total = sum(1 for _ in iter_page_paths(args.paths, settings))
    with (
        _archive(args, write=True) as archive,
        Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            disable=args.quiet,
            transient=True,
            console=_stderr_console(),
        ) as bar,
    ):
        task = bar.add_task("", total=total)

        def step(path: str, result: object) -> None:
            if isinstance(result, SourceError):
                _error(result)
            bar.update(task, advance=1, description=os.path.basename(path))

        cluster = _cluster(args)
        try:
            summary = archive.ingest(args.paths, settings, progress=step, cluster=cluster)
        except OSError as e:
            if cluster is None:
                raise
            # the cluster cannot be reached or started; what was stored stays
            where = f"at {args.scheduler}" if args.scheduler else f"of {args.workers} local workers"
            print(f"fangzhi ingest: no Dask cluster {where}: {e}", file=sys.stderr)
            return 2
    s = summary.as_dict()
    print(
        f"pages: {s['new']} new, {s['unchanged']} unchanged, {s['replaced']} replaced, {s['failed']} failed; "
        f"{s['articles']} articles, {s['persons']} person mentions, {s['events']} events written to {args.db}"
    )
    return 2 if summary.failed else 0


def _cluster(args: argparse.Namespace) -> Any:
    if args.workers is None and args.scheduler is None:
        return None
    from fangzhi.distributed import Cluster

    return Cluster(workers=args.workers, scheduler=args.scheduler)


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True)


def cmd_search(args: argparse.Namespace) -> int:
    from fangzhi.query import QueryError

    filters = {
        "date_from": args.date_from and args.date_from.isoformat(),
        "date_to": args.date_to and args.date_to.isoformat(),
        "person": args.person,
        "place": args.place,
        "publication": args.publication,
        "kind": args.kind,
    }
    with _archive(args) as archive:
        try:
            page = archive.search(args.query, limit=args.limit, offset=args.offset, sort=args.sort, **filters)
        except QueryError as e:
            print(f"fangzhi: {e}", file=sys.stderr)
            return 2
    if args.format == "json":
        print(json.dumps(page.as_dict(), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(["id", "date", "kind", "publication", "headline", "snippet", "score"])
        for h in page.hits:
            w.writerow([h.id, h.date, h.kind, h.publication, h.headline, h.snippet, h.score])
    else:
        many = f"{page.total}" if page.total_exact else f"at least {page.total}"
        print(f"{many} articles match {args.query!r}")
        for h in page.hits:
            print(f"{h.date or '????-??-??'}  {h.headline or '（无标题）'}  [{h.id}]\n    {h.snippet}")
    return 0


def cmd_person(args: argparse.Namespace) -> int:
    with _archive(args) as archive:
        views = archive.person(args.name)
    if not views:
        print(f"fangzhi: no person named {args.name} in {args.db}", file=sys.stderr)
        return 1
    if args.format == "json":
        print(json.dumps([v.as_dict() for v in views], ensure_ascii=False, indent=2))
        return 0
    for v in views:
        print(f"{v.key}  ({len(v.articles)} articles)")
        print("  posts:")
        for p in v.posts:
            span = f"{p['first_seen'] or '?'} — {p['last_seen'] or '?'}"
            print(f"    {p['title']:<24} {span}  ({p['articles']} articles)")
        roles: dict[str, int] = {}
        for e in v.events:
            roles[e["role"]] = roles.get(e["role"], 0) + 1
        print("  activity: " + ("；".join(f"{r} {n}" for r, n in roles.items()) or "—"))
        print("  places: " + ("、".join(f"{p['place']}×{p['times']}" for p in v.places) or "—"))
        print("  appears with: " + ("、".join(f"{c['key']}({c['articles']})" for c in v.companions) or "—"))
    return 0


def cmd_people(args: argparse.Namespace) -> int:
    if args.paths:
        return _people_of_pages(args)
    with _archive(args) as archive:
        rows = archive.people(post=args.post, place=args.place, name=args.name, limit=args.limit)
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.format == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    else:
        print(
            table(
                ["姓名", "篇数", "首见—末见", "职务"],
                [
                    [
                        r["key"],
                        str(r["articles"]),
                        f"{r['first_seen'] or '?'}—{r['last_seen'] or '?'}",
                        "、".join(r["posts"]),
                    ]
                    for r in rows
                ],
            )
        )
    return 0


def _people_of_pages(args: argparse.Namespace) -> int:
    from fangzhi.people import merge_people, record_dict

    failed: list[int] = []
    records = merge_people(_parsed_pages(args, failed))
    for rec in records:
        for p in rec.problems:
            print(f"fangzhi: {rec.key}: {p.message} [{p.code}]", file=sys.stderr)
    if args.format == "json":
        print(json.dumps([record_dict(r) for r in records], ensure_ascii=False, indent=2))
    elif args.format == "jsonl":
        for r in records:
            print(json.dumps(record_dict(r), ensure_ascii=False))
    else:  # the archive's layout: name, articles, first—last seen, posts
        print(
            table(
                ["姓名", "篇数", "首见—末见", "职务"],
                [
                    [r.key, str(len(r.articles)), f"{r.first or '?'}—{r.last or '?'}", "、".join(r.posts)]
                    for r in records
                ],
            )
        )
    return 2 if failed else 0


def cmd_chronicle(args: argparse.Namespace) -> int:
    from fangzhi.chronicle import render

    with _archive(args) as archive:
        entries = archive.chronicle(
            args.date_from and args.date_from.isoformat(),
            args.date_to and args.date_to.isoformat(),
            partial=args.partial,
        )
    if args.format == "docx" and not args.output:
        print("fangzhi: --format docx needs --output FILE.docx", file=sys.stderr)
        return 2
    render(entries, args.format, args.output or sys.stdout)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from fangzhi.tables import write_export

    if args.format == "parquet" and not args.output:
        print("fangzhi: --format parquet needs --output FILE.parquet", file=sys.stderr)
        return 2
    with _archive(args) as archive:
        try:
            n = write_export(archive.conn, args.what, args.format, args.output or sys.stdout, bom=args.bom)
        except ValueError as e:
            print(f"fangzhi: {e}", file=sys.stderr)
            return 2
    if args.output:
        print(f"{n} rows of {args.what} written to {args.output}", file=sys.stderr)
    return 0


def cmd_dataset(args: argparse.Namespace) -> int:
    from fangzhi.dataset import DatasetError, export_dataset

    def tell(what: str, name: str) -> None:
        if not args.quiet and what != "unchanged":
            print(f"{what}: {name}", file=sys.stderr)

    with _archive(args) as archive:
        try:
            r = export_dataset(archive.conn, args.out, progress=tell)
        except (DatasetError, OSError) as e:
            print(f"fangzhi: {e}", file=sys.stderr)
            return 2
    print(
        f"{args.out}: {len(r.written)} partitions written, {len(r.unchanged)} unchanged (skipped), "
        f"{len(r.removed)} removed; archive-wide tables written: {', '.join(r.tables_written) or 'none'}; "
        f"{r.rows['articles']} articles, {r.rows['events']} events"
    )
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    from fangzhi.dataset import DatasetError
    from fangzhi.sql import SqlError, render, run_sql, write_parquet

    if args.format == "parquet" and not args.out:
        print("fangzhi: --format parquet needs --out FILE.parquet", file=sys.stderr)
        return 2
    try:
        if args.dataset is not None:
            result = run_sql(args.query, dataset=args.dataset)
        else:
            args.db = args.db or "fangzhi.db"
            with _archive(args) as archive:
                result = run_sql(args.query, conn=archive.conn)
        if args.format == "parquet":
            write_parquet(result, args.out)
        else:
            from fangzhi.textout import write_text

            write_text(args.out or sys.stdout, render(result, args.format))
    except (SqlError, DatasetError) as e:
        print(f"fangzhi sql: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"fangzhi sql: {args.out}: {e.strerror}", file=sys.stderr)
        return 2
    if args.out:
        print(f"{len(result.rows)} rows written to {args.out}", file=sys.stderr)
    return 0


def cmd_reprints(args: argparse.Namespace) -> int:
    with _archive(args) as archive:
        if args.find:
            n = archive.find_reprints()
            print(f"{n} articles looked up", file=sys.stderr)
        clusters = archive.reprints(limit=args.limit)
    if args.format == "json":
        print(json.dumps([c.as_dict() for c in clusters], ensure_ascii=False, indent=2))
        return 0
    if not clusters:
        print(f"no story printed more than once in {args.db}")
    for c in clusters:
        print(f"cluster {c.cluster}: {len(c.members)} printings")
        for m in c.members:
            print(
                f"  {m.date or '????-??-??'}  {m.publication or '报刊不详'}  {m.headline or '（无标题）'}  "
                f"[{m.article_id}]  相似度 {m.similarity:.2f}"
            )
    return 0


def cmd_network(args: argparse.Namespace) -> int:
    from fangzhi.network import build_network, write_network

    with _archive(args) as archive:
        try:
            g = build_network(archive.conn, person=args.person, min_weight=args.min_weight)
        except ValueError as e:  # no such person: a message, not a traceback
            print(f"fangzhi: {e}", file=sys.stderr)
            return 1
    nodes, edges = write_network(g, args.format, args.output or sys.stdout)
    print(f"{nodes} people, {edges} ties", file=sys.stderr)
    return 0


def cmd_sim(args: argparse.Namespace) -> int:
    from pathlib import Path

    from fangzhi.sim.catalogue import CatalogueError, load_catalogue
    from fangzhi.sim.families import split_families
    from fangzhi.sim.generate import write_set
    from fangzhi.sim.layout import Artifacts

    try:
        if args.sim_command == "families":
            for split, families in split_families(load_catalogue()).items():
                for f in families:
                    print(f"{split}\t{f.name}\t{f.outlet.province}\t{f.outlet.kind}")
            return 0
        art = (Artifacts().without() if args.clean else Artifacts()).with_rates(args.artifact)
        m = write_set(args.family, args.n, args.seed, Path(args.out), art)
    except (CatalogueError, OSError, ValueError) as e:
        print(f"fangzhi: {e}", file=sys.stderr)
        return 2
    print(
        f"{m.pages} pages, {m.articles} articles of {len(m.families)} families written to {args.out}",
        file=sys.stderr,
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from fangzhi.web import app as web

    if not os.path.exists(args.db):
        _archive(args, write=True).close()  # an empty archive: pages can be uploaded to it
    workers = args.workers if args.workers is not None else web.default_workers()
    if workers < 1:
        print("fangzhi: --workers must be at least 1", file=sys.stderr)
        return 2
    web.archive_token(args.db)  # made and printed here, once, before any worker reads it
    print(
        f"fangzhi: serving {args.db} at http://{args.host}:{args.port}/ "
        f"({workers} worker{'s' if workers > 1 else ''})",
        file=sys.stderr,
    )
    if workers == 1:
        web.tune_process()
        uvicorn.run(web.create_app(args.db), host=args.host, port=args.port, log_level="warning")
        return 0
    # Python runs one thread at a time per process: more processes use more cores. Each worker
    # builds its app from the environment (uvicorn imports it by name in a fresh process).
    os.environ[web.SERVE_DB_ENV] = os.path.abspath(args.db)
    uvicorn.run(
        "fangzhi.web.app:served_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=workers,
        log_level="warning",
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(_query_terms_kept(list(sys.argv[1:] if argv is None else argv)))
    try:
        code: int = args.func(args)
    except BrokenPipeError:  # the reader stopped early (| head): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return code


def _query_terms_kept(argv: list[str]) -> list[str]:
    """`fangzhi search 安全 -生产` excludes a word; `-生产` is no option. The words of the query
    (any argument not an option or an option's value, and a `-` before a word not ASCII) are
    gathered into one query after `--`, so argparse takes them whole (every option of search
    takes a value)."""
    if not argv or argv[0] != "search" or "--" in argv or {"-h", "--help"} & set(argv):
        return argv
    options: list[str] = []
    words: list[str] = []
    i = 1
    while i < len(argv):
        a = argv[i]
        if a.startswith("-") and len(a) > 1 and a[1].isascii():
            options.append(a)
            if "=" not in a and i + 1 < len(argv):
                options.append(argv[i + 1])
                i += 1
        else:
            words.append(a)
        i += 1
    if not any(w.startswith("-") for w in words):
        return argv  # nothing argparse would misread
    return ["search", *options, "--", " ".join(words)]


__all__ = ["main"]


if __name__ == "__main__":
    sys.exit(main())
