"""The `fangzhi` command: thin adapters over the library."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date

from fangzhi.errors import SourceError
from fangzhi.model import ParsedPage
from fangzhi.settings import Settings


def _date(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError as e:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {s}") from e


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="fangzhi", description=__doc__)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse page files or folders of them into articles")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("jsonl", "json", "md"), default="jsonl")
    p.add_argument("--issue-date", type=_date, help=Settings.help()["issue_date"])
    p.add_argument("--publication", help=Settings.help()["publication"])
    p.add_argument("--t2s", action="store_true", help=Settings.help()["t2s"])
    p.set_defaults(func=cmd_parse)
    pp = sub.add_parser("people", help="parse pages and print each person once, posts merged over time")
    pp.add_argument("paths", nargs="+", metavar="PATH")
    pp.add_argument("--format", choices=("table", "json", "jsonl"), default="table")
    pp.add_argument("--issue-date", type=_date, help=Settings.help()["issue_date"])
    pp.add_argument("--publication", help=Settings.help()["publication"])
    pp.add_argument("--t2s", action="store_true", help=Settings.help()["t2s"])
    pp.set_defaults(func=cmd_people)
    return ap


def _parsed_pages(args: argparse.Namespace, failed: list[int]) -> Iterator[ParsedPage]:
    """Parse every page the arguments name; bad files are reported and counted, never fatal."""
    from fangzhi.pipeline import parse_page
    from fangzhi.sources import iter_page_paths, read_page

    settings = Settings(t2s=args.t2s, issue_date=args.issue_date, publication=args.publication)
    for item in iter_page_paths(args.paths, settings):
        if isinstance(item, SourceError):
            failed.append(1)
            _error(item)
            continue
        try:
            parsed = parse_page(read_page(item, settings), settings)
        except SourceError as e:
            failed.append(1)
            _error(e)
            continue
        for a in parsed.articles:
            for p in (*a.problems, *a.facts.problems):
                print(f"fangzhi: {item}: {a.id}: {p.message} [{p.code}]", file=sys.stderr)
        yield parsed


def cmd_parse(args: argparse.Namespace) -> int:
    from fangzhi.export import markdown, page_document, page_records

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


def cmd_people(args: argparse.Namespace) -> int:
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
    else:
        for r in records:
            posts = (
                "；".join(f"{p.title}（{p.first or '?'}—{p.last or '?'}）" for p in r.posts.values()) or "—"
            )
            print(f"{r.key}\t{len(r.articles)} 篇\t{posts}")
    return 2 if failed else 0


def _error(e: SourceError) -> None:
    print(f"fangzhi: {e.path}: {e.message} [{e.code}]", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except BrokenPipeError:  # the reader stopped early (| head): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
