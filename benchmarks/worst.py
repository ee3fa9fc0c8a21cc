"""Worst-case pages: seconds and peak RSS per MB of input for each pathological shape.

Run on demand (not part of the test suite), alone or from `benchmarks/parse.py --worst`:

    .venv/bin/python benchmarks/worst.py [--mb 1] [--json PATH]

Each shape is parsed (with fact extraction, as an ingest does) in a process of its own, so that
its peak resident memory is its own: the figure is the growth of the process's peak RSS over
what it held once fangzhi was imported and warmed up on a small page. Shapes are what archives
of bad OCR hold: text that lost its punctuation, a page with no line breaks, one dateline or one
title printed thousands of times, random characters.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = REPO_ROOT.parent / "shared" / "seeds"
MB = 1_000_000
SECONDS_PER_MB = 2.0  # targets of issue 19
RSS_MB_PER_MB = 300.0

_MARKS = re.compile(r"[\s，。、；：！？“”（）《》,.;:!?()#*]")


@dataclass(frozen=True)
class Shape:
    name: str
    make: Callable[[str, int], str]  # (sample text, bytes wanted) -> the page


def _fill(unit: str, size: int) -> str:
    """`unit` repeated to about `size` bytes of UTF-8."""
    per = max(1, len(unit.encode("utf-8")))
    return unit * max(1, size // per)


def _random_han(_sample: str, size: int) -> str:
    import random

    rng = random.Random(19)
    return "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(size // 3))


SHAPES = (
    Shape("no punctuation, one line", lambda s, n: _fill(_MARKS.sub("", s), n)),
    Shape("no line breaks", lambda s, n: _fill(s.replace("\n", ""), n)),
    Shape("a dateline repeated", lambda s, n: _fill("本报讯（记者 张三）", n)),
    Shape("a title repeated", lambda s, n: _fill("市委书记", n) + "刘越高主持会议。"),
    Shape("random Han characters", _random_han),
    Shape("the sample pages repeated", lambda s, n: _fill(s + "\n", n)),
)

# Run in a fresh interpreter: reads the page from stdin, prints seconds and RSS figures as JSON.
_CHILD = """
import json, resource, sys, time
from fangzhi.pipeline import parse_text
parse_text("# 标题\\n\\n本报讯 5月1日，市委书记某某主持会议。\\n", "warm.txt")
text = sys.stdin.read()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
parsed = parse_text(text, "worst.txt")
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "base_kb": base, "peak_kb": peak, "articles": len(parsed.articles)}))
"""


@dataclass(frozen=True)
class Result:
    shape: str
    megabytes: float
    seconds: float
    rss_growth_mb: float  # peak RSS over the warmed-up interpreter's, in MB
    articles: int

    @property
    def seconds_per_mb(self) -> float:
        return self.seconds / self.megabytes

    @property
    def rss_per_mb(self) -> float:
        return self.rss_growth_mb / self.megabytes

    @property
    def passed(self) -> bool:
        return self.seconds_per_mb <= SECONDS_PER_MB and self.rss_per_mb <= RSS_MB_PER_MB


def run_shape(shape: Shape, sample: str, size: int) -> Result:
    text = shape.make(sample, size)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    got = json.loads(done.stdout.strip().splitlines()[-1])
    megabytes = len(text.encode("utf-8", "surrogatepass")) / MB
    growth = (got["peak_kb"] - got["base_kb"]) / 1000  # ru_maxrss is in kB on Linux
    return Result(shape.name, megabytes, got["seconds"], growth, got["articles"])


def measure(pages: Path, mb: float) -> list[Result]:
    sample = "\n".join(p.read_text(encoding="utf-8") for p in sorted(pages.glob("*.txt")))
    if not sample:
        raise SystemExit(f"no *.txt pages in {pages}: pass --pages DIR")
    return [run_shape(s, sample, int(mb * MB)) for s in SHAPES]


def print_results(results: Sequence[Result]) -> None:
    print(
        f"\nworst-case pages (targets: <= {SECONDS_PER_MB:g} s and <= {RSS_MB_PER_MB:g} MB peak RSS per MB):"
    )
    print(f"{'shape':28} {'MB':>6} {'s':>7} {'s/MB':>7} {'RSS MB':>8} {'RSS/MB':>7} {'articles':>9}")
    for r in results:
        print(
            f"{r.shape:28} {r.megabytes:6.2f} {r.seconds:7.2f} {r.seconds_per_mb:7.2f} "
            f"{r.rss_growth_mb:8.1f} {r.rss_per_mb:7.1f} {r.articles:9d}  {'PASS' if r.passed else 'FAIL'}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of *.txt sample pages")
    ap.add_argument("--mb", type=float, default=1.0, help="size of each worst-case page in MB (default 1)")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    ap.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    args = ap.parse_args(argv)
    results = measure(args.pages, args.mb)
    print_results(results)
    if args.json is not None:
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=1) + "\n", encoding="utf-8")
    return 1 if args.check and not all(r.passed for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
