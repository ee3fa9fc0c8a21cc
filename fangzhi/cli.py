"""The `fangzhi` command: thin adapters over the library."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date

from fangzhi.errors import SourceError
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
    return ap


def cmd_parse(args: argparse.Namespace) -> int:
    from fangzhi.export import markdown, page_document, page_records
    from fangzhi.pipeline import parse_page
    from fangzhi.sources import iter_page_paths, read_page

    settings = Settings(t2s=args.t2s, issue_date=args.issue_date, publication=args.publication)
    failed = 0
    out = sys.stdout
    for item in iter_page_paths(args.paths, settings):
        if isinstance(item, SourceError):
            failed += 1
            _error(item)
            continue
        try:
            parsed = parse_page(read_page(item, settings), settings)
        except SourceError as e:
            failed += 1
            _error(e)
            continue
        for a in parsed.articles:
            for p in a.problems:
                print(f"fangzhi: {item}: {a.id}: {p.message} [{p.code}]", file=sys.stderr)
        if args.format == "jsonl":
            for rec in page_records(parsed):
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        elif args.format == "json":
            out.write(json.dumps(page_document(parsed), ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(markdown(parsed) + "\n")
    return 2 if failed else 0


def _error(e: SourceError) -> None:
    print(f"fangzhi: {e.path}: {e.message} [{e.code}]", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
