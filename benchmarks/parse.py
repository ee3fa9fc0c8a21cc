"""Parser speed and memory against named baselines, measured in the same run on the same text.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/parse.py [--pages DIR] [--mb 10] [--repeat 3] [--check] [--json PATH]

The sample pages are read once and cycled into an in-memory corpus of about ``--mb`` MB of UTF-8
text, so file I/O is never timed. Each candidate is one line in ``candidates()``: a name and a
callable over one page; every candidate runs over the whole corpus ``--repeat`` times after a
warm-up call, so one-off loads (dictionaries, lazy imports) are excluded. The candidates take
turns every few pages, so that a shared machine's drifting speed slows them alike.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from itertools import cycle
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = REPO_ROOT.parent / "shared" / "seeds"
MB = 1_000_000  # decimal megabytes, for MB and MB/s alike

SUBJECT = "fangzhi"  # the parse; its memory is measured
EXTRACT = "fangzhi parse+extract"  # the parse with fact extraction (persons, posts, events …)
SUBJECTS = (SUBJECT, EXTRACT)  # every other candidate is a baseline
SPEED_BASELINE = "jieba.lcut"
# (subject, baseline, least throughput ratio): the parse at least 3x jieba's segmentation, the parse
# with extraction at least as fast as it
SPEED_TARGETS = ((SUBJECT, SPEED_BASELINE, 3.0), (EXTRACT, SPEED_BASELINE, 1.0))
MEMORY_TARGET = 10.0  # peak traced bytes of one page's parse under this many times its input bytes

Page = tuple[str, str]  # (name, text)
PageFn = Callable[[str, str], object]  # (name, text) -> anything; the result is dropped
Ratios = dict[str, dict[str, float]]  # subject -> baseline -> subject's throughput / baseline's


@dataclass(frozen=True)
class Candidate:
    name: str
    run: PageFn
    setup: Callable[[], None] | None = None  # untimed, once, before the warm-up call


@dataclass(frozen=True)
class Corpus:
    pages: tuple[Page, ...]
    distinct: int
    chars: int
    bytes: int


@dataclass(frozen=True)
class Timing:
    name: str
    runs: tuple[float, ...]

    @property
    def best(self) -> float:
        return min(self.runs)

    @property
    def median(self) -> float:
        return statistics.median(self.runs)


@dataclass(frozen=True)
class Memory:
    corpus_peak: int  # largest traced bytes at any moment of a pass over the whole corpus
    retained: int  # traced bytes still held after that pass (caches; leaks if it keeps growing)
    page_peak: int  # largest peak of a single page's parse
    page_peak_name: str
    page_peak_bytes: int  # input bytes of that page
    worst_ratio: float  # largest (page peak / page input bytes) over all pages
    worst_ratio_name: str


@dataclass(frozen=True)
class Verdict:
    name: str
    value: float
    target: str
    passed: bool


# --- candidates -----------------------------------------------------------------------------------


def _fangzhi_parse(label: str = SUBJECT, *, extract: bool = False) -> Candidate:
    from fangzhi.pipeline import parse_text
    from fangzhi.settings import Settings

    settings = Settings(extract_facts=extract)

    def run(name: str, text: str) -> int:
        return len(parse_text(text, name, settings).articles)  # touch the articles: nothing lazy

    return Candidate(label, run)


def _fangzhi_parse_extract() -> Candidate:
    """The whole pipeline: the parse, then every fact of every article."""
    return _fangzhi_parse(EXTRACT, extract=True)


def _jieba_lcut() -> Candidate:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)

    def run(name: str, text: str) -> object:
        return jieba.lcut(text)

    return Candidate(SPEED_BASELINE, run, setup=jieba.initialize)


def _jieba_posseg() -> Candidate:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)

    def run(name: str, text: str) -> object:
        return list(jieba.posseg.cut(text))

    return Candidate("jieba.posseg", run, setup=jieba.initialize)


def _re_han_runs() -> Candidate:
    def run(name: str, text: str) -> object:
        return re.findall(r"[\u4e00-\u9fff]+", text)

    return Candidate("re.findall (floor)", run)


def candidates() -> list[Candidate]:
    """The subjects first, then the baselines; adding one is one line."""
    return [
        _fangzhi_parse(),
        _fangzhi_parse_extract(),
        _jieba_lcut(),
        _jieba_posseg(),
        _re_han_runs(),
    ]


# --- corpus ---------------------------------------------------------------------------------------


def read_pages(folder: Path) -> list[Page]:
    paths = sorted(p for p in folder.glob("*.txt") if p.is_file())
    return [(p.name, p.read_text(encoding="utf-8")) for p in paths]


def build_corpus(pages: Sequence[Page], target_bytes: int) -> Corpus:
    """Cycle whole pages until at least ``target_bytes`` of UTF-8 text (overshoots by under a page)."""
    sizes = {name: len(text.encode("utf-8")) for name, text in pages}
    out: list[Page] = []
    total = 0
    for name, text in cycle(pages):
        if total >= target_bytes:
            break
        out.append((name, text))
        total += sizes[name]
    return Corpus(tuple(out), len(pages), sum(len(t) for _, t in out), total)


# --- timing ---------------------------------------------------------------------------------------


def warm_up(candidate: Candidate, page: Page) -> None:
    if candidate.setup is not None:
        candidate.setup()
    candidate.run(*page)


def one_pass(run: PageFn, pages: Sequence[Page]) -> float:
    gc.collect()
    start = time.perf_counter()
    for name, text in pages:
        run(name, text)
    return time.perf_counter() - start


CHUNK_PAGES = 10  # the candidates take turns every this many pages


def time_interleaved(todo: Sequence[Candidate], corpus: Corpus, repeat: int) -> list[Timing]:
    """Each candidate's passes over the corpus, the candidates taking turns every few pages: on a
    shared machine whose speed drifts from one minute to the next, a slow minute then slows every
    candidate alike, where timing one candidate after another let it fall on one of them and move
    their ratio by half."""
    for c in todo:
        warm_up(c, corpus.pages[0])
    chunks = [corpus.pages[k : k + CHUNK_PAGES] for k in range(0, len(corpus.pages), CHUNK_PAGES)]
    runs: dict[str, list[float]] = {c.name: [] for c in todo}
    for _ in range(repeat):
        spent = dict.fromkeys(runs, 0.0)
        for chunk in chunks:
            for c in todo:
                spent[c.name] += one_pass(c.run, chunk)
        for name, seconds in spent.items():
            runs[name].append(seconds)
    return [Timing(c.name, tuple(runs[c.name])) for c in todo]


# --- memory ---------------------------------------------------------------------------------------


def measure_memory(run: PageFn, corpus: Corpus) -> Memory:
    """Untimed pass under tracemalloc; pages are parsed one at a time and dropped, as the CLI does.

    Only Python-heap allocations are traced: memory a native extension allocates itself is not.
    The corpus text was allocated before tracing starts, so every traced byte is the parser's.
    """
    sizes = {name: len(text.encode("utf-8")) for name, text in corpus.pages}
    worst: tuple[float, str] = (0.0, "")
    largest: tuple[int, str] = (0, "")
    gc.collect()
    tracemalloc.start()
    try:
        start, _ = tracemalloc.get_traced_memory()
        corpus_peak = 0
        for name, text in corpus.pages:
            before, _ = tracemalloc.get_traced_memory()
            tracemalloc.reset_peak()
            run(name, text)
            _, peak = tracemalloc.get_traced_memory()
            corpus_peak = max(corpus_peak, peak - start)
            page_peak = peak - before
            largest = max(largest, (page_peak, name))
            worst = max(worst, (page_peak / sizes[name], name))
        gc.collect()
        end, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return Memory(
        corpus_peak=corpus_peak,
        retained=end - start,
        page_peak=largest[0],
        page_peak_name=largest[1],
        page_peak_bytes=sizes[largest[1]],
        worst_ratio=worst[0],
        worst_ratio_name=worst[1],
    )


# --- report ---------------------------------------------------------------------------------------


def throughput(t: Timing, corpus: Corpus) -> dict[str, float]:
    s = t.best
    return {
        "best_s": s,
        "median_s": t.median,
        "pages_per_s": len(corpus.pages) / s,
        "mb_per_s": corpus.bytes / MB / s,
        "chars_per_s": corpus.chars / s,
    }


def speed_ratios(timings: Sequence[Timing]) -> Ratios:
    """Throughput of each subject over each baseline's, from best times on the same corpus."""
    baselines = [t for t in timings if t.name not in SUBJECTS]
    return {s.name: {b.name: b.best / s.best for b in baselines} for s in timings if s.name in SUBJECTS}


def verdicts(ratios: Ratios, memory: Memory) -> list[Verdict]:
    speed = [
        Verdict(f"speed: {s} / {b}", ratios[s][b], f">= {least:g}x", ratios[s][b] >= least)
        for s, b, least in SPEED_TARGETS
    ]
    return [
        *speed,
        Verdict(
            "memory: page peak / page input bytes",
            memory.worst_ratio,
            f"< {MEMORY_TARGET:g}x",
            memory.worst_ratio < MEMORY_TARGET,
        ),
    ]


def fmt_bytes(n: float) -> str:
    return f"{n / MB:,.2f} MB" if abs(n) >= MB else f"{n / 1000:,.1f} kB"


def print_header(corpus: Corpus, repeat: int) -> None:
    print(f"Python {platform.python_version()} ({platform.python_implementation()}) on {sys.platform}")
    print(
        f"corpus: {len(corpus.pages):,} pages ({corpus.distinct} distinct, cycled), "
        f"{corpus.bytes / MB:,.2f} MB UTF-8, {corpus.chars:,} characters"
    )
    print(f"timing: best and median of {repeat} passes over the whole corpus, after one warm-up page\n")


def print_table(timings: Sequence[Timing], corpus: Corpus, ratios: Ratios) -> None:
    width = max(len(t.name) for t in timings)
    head = f"{'candidate':<{width}} {'best s':>8} {'median s':>9} {'pages/s':>9} {'MB/s':>7} {'chars/s':>12}"
    print(head)
    print("-" * len(head))
    for t in timings:
        f = throughput(t, corpus)
        print(
            f"{t.name:<{width}} {f['best_s']:>8.3f} {f['median_s']:>9.3f} {f['pages_per_s']:>9,.1f} "
            f"{f['mb_per_s']:>7.2f} {f['chars_per_s']:>12,.0f}"
        )
    print("\nthroughput ratio, subject / baseline (best times):")
    for subject, by_baseline in ratios.items():
        for baseline, r in by_baseline.items():
            print(f"  {subject} / {baseline} = {r:.2f}x")


def print_memory(memory: Memory, corpus: Corpus) -> None:
    print(f"\nmemory ({SUBJECT}, tracemalloc, untimed pass, each page's result dropped after use):")
    print(
        f"  corpus pass peak    {fmt_bytes(memory.corpus_peak):>12}  "
        f"= {memory.corpus_peak / corpus.bytes:.3f}x the corpus ({fmt_bytes(corpus.bytes)})"
    )
    print(f"  retained after pass {fmt_bytes(memory.retained):>12}  (caches; grows with a leak)")
    print(
        f"  largest page peak   {fmt_bytes(memory.page_peak):>12}  "
        f"= {memory.page_peak / memory.page_peak_bytes:.1f}x its input "
        f"({memory.page_peak_name}, {fmt_bytes(memory.page_peak_bytes)})"
    )
    print(f"  worst page ratio    {memory.worst_ratio:>10.1f}x    ({memory.worst_ratio_name})")


def print_verdicts(results: Sequence[Verdict]) -> None:
    print()
    for v in results:
        print(f"{'PASS' if v.passed else 'FAIL'}  {v.name} = {v.value:.4f}x (target {v.target})")


def write_json(
    path: Path,
    corpus: Corpus,
    timings: Sequence[Timing],
    ratios: Ratios,
    memory: Memory,
    results: Sequence[Verdict],
) -> None:
    doc = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "corpus": {
            "pages": len(corpus.pages),
            "distinct_pages": corpus.distinct,
            "bytes": corpus.bytes,
            "mb": corpus.bytes / MB,
            "chars": corpus.chars,
        },
        "candidates": {t.name: {**throughput(t, corpus), "runs_s": list(t.runs)} for t in timings},
        "ratios": {f"{s} / {b}": r for s, by_baseline in ratios.items() for b, r in by_baseline.items()},
        "memory": {**asdict(memory), "corpus_bytes": corpus.bytes},
        "targets": [asdict(v) for v in results],
    }
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# --- main -----------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of *.txt sample pages")
    p.add_argument("--mb", type=float, default=10.0, help="corpus size in MB of UTF-8 text (default 10)")
    p.add_argument("--repeat", type=int, default=3, help="timed passes per candidate (default 3)")
    p.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    p.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    p.add_argument(
        "--worst",
        action="store_true",
        help="also parse each worst-case shape (benchmarks/worst.py): seconds and peak RSS per MB",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.repeat < 1 or args.mb <= 0:
        print("--repeat must be at least 1 and --mb above 0", file=sys.stderr)
        return 2
    pages = read_pages(args.pages)
    if not pages:
        print(f"no *.txt pages in {args.pages}: pass --pages DIR", file=sys.stderr)
        return 2
    corpus = build_corpus(pages, int(args.mb * MB))
    todo = candidates()
    print_header(corpus, args.repeat)
    timings = time_interleaved(todo, corpus, args.repeat)
    ratios = speed_ratios(timings)
    print_table(timings, corpus, ratios)
    memory = measure_memory(next(c.run for c in todo if c.name == SUBJECT), corpus)
    print_memory(memory, corpus)
    results = verdicts(ratios, memory)
    print_verdicts(results)
    worst_passed = True
    if args.worst:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import worst

        found = worst.measure(args.pages, 1.0)
        worst.print_results(found)
        worst_passed = all(r.passed for r in found)
    if args.json is not None:
        write_json(args.json, corpus, timings, ratios, memory, results)
    return 1 if args.check and not (all(v.passed for v in results) and worst_passed) else 0


if __name__ == "__main__":
    sys.exit(main())
