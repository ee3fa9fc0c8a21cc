"""Person names found by fangzhi and by two off-the-shelf taggers, scored in one run on the same gold.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/people_baselines.py [--pages DIR] [--gold DIR] [--repeat 3] [--check]
                                                    [--json PATH]

Systems, each one line in ``systems()``:

- ``fangzhi``: ``fangzhi.pipeline.parse_file`` + ``fangzhi.records.page_records`` (what
  ``fangzhi parse --format jsonl`` prints), the ``persons[].name`` of every article record;
- ``jieba.posseg (nr)``: tokens of ``jieba.posseg.lcut(page text)`` tagged ``nr``;
- ``THULAC (np)``: tokens of ``thulac.thulac().cut(page text)`` tagged ``np`` (optional extra ``bench``;
  reported as unavailable when it cannot be imported).

Scoring is per page and micro-averaged over pages (sum tp / sum pred / sum gold). The gold set of a
page is the union of the ``persons[].name`` of its gold articles; a system's predicted set is the
distinct names it finds on the page. Bylines are not persons, so the gold byline names of the page
are left out for every system alike: the baselines tag the page text with those names deleted (so
that a split byline, 罗文鹏 -> 罗文 + 鹏, is not counted against them), and those names are removed
from every system's predicted set. fangzhi parses the page file itself, as ``fangzhi parse`` does.
fangzhi's (name, post) pairs are also scored against the gold pairs (``person_posts``): only
fangzhi gives posts. Until fangzhi's records carry ``persons`` it is reported as "no persons field".

Names are compared after the scorer's folding (NFKC, white space removed). Each system is loaded
once (imports, dictionaries, models and one warm-up page: the "load" time), then runs over all
pages ``--repeat`` times; the scores come from the first pass, the "pass" time is the best one.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import platform
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = REPO_ROOT.parent / "shared" / "seeds"
DEFAULT_GOLD = REPO_ROOT.parent / "shared" / "gold"

SUBJECT = "fangzhi"
NO_PERSONS = "no persons field"

Pair = tuple[str, str]  # (name, post)


@dataclass(frozen=True)
class Found:
    """What one system found on one page."""

    names: frozenset[str]
    pairs: frozenset[Pair] | None = None  # None: the system gives no posts
    answered: bool = True  # False: records came back, none with a persons field (fangzhi, for now)


@dataclass(frozen=True)
class PageInput:
    path: Path  # the page file: fangzhi reads and parses it as `fangzhi parse` does
    text: str  # the page text with the gold byline names left out: the baselines tag this


PageFn = Callable[[PageInput], Found]


class Unavailable(Exception):
    """The system cannot run here (a package is missing); reported, not raised."""


@dataclass(frozen=True)
class System:
    name: str
    load: Callable[[], PageFn]  # imports, loads dictionaries and models; timed apart from the passes


@dataclass(frozen=True)
class GoldPage:
    page: str  # page file name
    path: Path
    names: frozenset[str]
    pairs: frozenset[Pair]
    bylines: frozenset[str]  # byline names of the page that are not also gold persons of it
    text: str  # the page text less those byline names


@dataclass(frozen=True)
class Score:
    tp: int
    pred: int
    gold: int

    @property
    def p(self) -> float:  # the same conventions as shared/tools/score.py
        return self.tp / self.pred if self.pred else (1.0 if self.gold == 0 else 0.0)

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.pred + other.pred, self.gold + other.gold)

    def as_dict(self) -> dict[str, float | int]:
        return {"p": self.p, "r": self.r, "f1": self.f1, "tp": self.tp, "pred": self.pred, "gold": self.gold}


@dataclass(frozen=True)
class PageResult:
    page: str
    names: Score
    missed: tuple[str, ...]  # gold names not found
    invented: tuple[str, ...]  # names found that are not gold
    pairs: Score | None = None
    answered: bool = True


@dataclass
class SystemResult:
    name: str
    status: str = "ok"  # ok | unavailable: … | no persons field
    load_s: float | None = None
    runs_s: list[float] = field(default_factory=list)
    pages: list[PageResult] = field(default_factory=list)

    @property
    def scored(self) -> bool:
        return self.status == "ok"

    @property
    def best_s(self) -> float | None:
        return min(self.runs_s) if self.runs_s else None

    @property
    def names(self) -> Score:
        return sum((r.names for r in self.pages), Score(0, 0, 0))

    @property
    def pairs(self) -> Score | None:
        scores = [r.pairs for r in self.pages if r.pairs is not None]
        return sum(scores, Score(0, 0, 0)) if scores else None


@dataclass(frozen=True)
class Verdict:
    name: str
    passed: bool | None  # None: could not be measured
    detail: str


def norm(s: str) -> str:
    """The scorer's folding: NFKC, white space and markdown marks removed."""
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if not ch.isspace() and ch not in "#*")


def _names(words: Iterable[str]) -> frozenset[str]:
    return frozenset(n for n in map(norm, words) if n)


# --- systems --------------------------------------------------------------------------------------


def _fangzhi() -> PageFn:
    from fangzhi.pipeline import parse_file
    from fangzhi.records import page_records
    from fangzhi.settings import Settings

    settings = Settings()

    def run(page: PageInput) -> Found:
        records = page_records(parse_file(page.path, settings))
        names: set[str] = set()
        pairs: set[Pair] = set()
        with_field = [r for r in records if "persons" in r]
        for rec in with_field:
            for person in rec["persons"] or []:
                name = norm(str(person.get("name") or ""))
                if not name:
                    continue
                names.add(name)
                posts = person.get("posts") or []
                pairs.update((name, norm(post)) for post in posts if isinstance(post, str))
        return Found(frozenset(names), frozenset(pairs), answered=bool(with_field) or not records)

    return run


def _jieba_posseg() -> PageFn:
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()

    def run(page: PageInput) -> Found:
        return Found(_names(w.word for w in jieba.posseg.lcut(page.text) if w.flag == "nr"))

    return run


def _thulac() -> PageFn:
    try:
        import thulac  # type: ignore[import-untyped]
    except ImportError as e:
        raise Unavailable(f"cannot import thulac ({e}); install the `bench` extra") from e

    with contextlib.redirect_stdout(io.StringIO()):  # it prints "Model loaded succeed"
        tagger = thulac.thulac()  # once: loading the models takes seconds

    def run(page: PageInput) -> Found:  # cut, not fast_cut: the wheel ships no libthulac.so
        return Found(_names(word for word, tag in tagger.cut(page.text) if tag == "np"))

    return run


def systems() -> list[System]:
    """The subject first, then the baselines; adding one is one line."""
    return [
        System(SUBJECT, _fangzhi),
        System("jieba.posseg (nr)", _jieba_posseg),
        System("THULAC (np)", _thulac),
    ]


# --- gold -----------------------------------------------------------------------------------------


def read_gold(gold_dir: Path, pages_dir: Path) -> tuple[list[GoldPage], list[str]]:
    """Gold pages whose page file exists, in file order; and warnings about the rest."""
    out: list[GoldPage] = []
    warnings: list[str] = []
    for path in sorted(gold_dir.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        page = doc.get("page_file") or path.with_suffix(".txt").name
        text_path = pages_dir / page
        if not text_path.is_file():
            warnings.append(f"{path.name}: no page {page} in the pages folder; skipped")
            continue
        articles = doc.get("articles", [])
        persons = [p for a in articles for p in a.get("persons", [])]
        names = _names(p["name"] for p in persons)
        pairs = frozenset((norm(p["name"]), norm(t)) for p in persons for t in p.get("posts", []))
        bylines = _names(b["name"] for a in articles for b in a.get("bylines", []) if b.get("name"))
        if both := bylines & names:
            warnings.append(f"{page}: {'、'.join(sorted(both))} both byline and person; kept as persons")
        bylines -= names
        text = text_path.read_text(encoding="utf-8")
        for name in sorted(bylines, key=len, reverse=True):
            if inside := [n for n in names if name in n]:
                warnings.append(f"{page}: byline {name} inside person {'、'.join(inside)}; left in the text")
            else:
                text = text.replace(name, "")
        out.append(GoldPage(page, text_path, names, pairs, bylines, text))
    return out, warnings


# --- scoring --------------------------------------------------------------------------------------


def score_page(gold: GoldPage, found: Found) -> PageResult:
    names = found.names - gold.bylines
    pairs: Score | None = None
    if found.pairs is not None:
        pred_pairs = {pp for pp in found.pairs if pp[0] not in gold.bylines}
        pairs = Score(len(pred_pairs & gold.pairs), len(pred_pairs), len(gold.pairs))
    return PageResult(
        page=gold.page,
        names=Score(len(names & gold.names), len(names), len(gold.names)),
        missed=tuple(sorted(gold.names - names)),
        invented=tuple(sorted(names - gold.names)),
        pairs=pairs,
        answered=found.answered,
    )


def run_system(system: System, gold: Sequence[GoldPage], repeat: int) -> SystemResult:
    result = SystemResult(system.name)
    inputs = [PageInput(g.path, g.text) for g in gold]
    start = time.perf_counter()
    try:
        run = system.load()
    except (Unavailable, ImportError) as e:
        result.status = f"unavailable: {e}"
        return result
    run(inputs[0])  # warm-up: whatever the first call loads lazily counts as loading
    result.load_s = time.perf_counter() - start
    first: list[Found] = []
    for i in range(repeat):
        start = time.perf_counter()
        found = [run(page) for page in inputs]
        result.runs_s.append(time.perf_counter() - start)
        if i == 0:
            first = found
    result.pages = [score_page(g, f) for g, f in zip(gold, first, strict=True)]
    if result.pages and not any(r.answered for r in result.pages):
        result.status = NO_PERSONS
    return result


def verdicts(results: Sequence[SystemResult]) -> list[Verdict]:
    """fangzhi above every scored baseline on precision and on recall."""
    subject = next(r for r in results if r.name == SUBJECT)
    baselines = [r for r in results if r.name != SUBJECT and r.scored]
    metrics: tuple[tuple[str, Callable[[Score], float]], ...] = (
        ("precision", lambda s: s.p),
        ("recall", lambda s: s.r),
    )
    out: list[Verdict] = []
    for label, get in metrics:
        name = f"{label}: {SUBJECT} above every baseline"
        if not subject.scored or not baselines:
            why = subject.status if not subject.scored else "no baseline scored"
            out.append(Verdict(name, None, f"not measured ({why})"))
            continue
        best = max(baselines, key=lambda b: get(b.names))
        ours, theirs = get(subject.names), get(best.names)
        out.append(Verdict(name, ours > theirs, f"{ours:.3f} vs {theirs:.3f} ({best.name})"))
    return out


# --- report ---------------------------------------------------------------------------------------


def _cells(s: Score) -> str:
    return f"{s.p:.3f} | {s.r:.3f} | {s.f1:.3f} | {s.tp}/{s.pred}/{s.gold}"


def _row(r: SystemResult, score: Score | None) -> str:
    if not r.scored or score is None:
        return f"| {r.name} | — | — | — | {r.status} |"
    return f"| {r.name} | {_cells(score)} |"


def print_report(results: Sequence[SystemResult], gold: Sequence[GoldPage]) -> None:
    n_names = sum(len(g.names) for g in gold)
    n_pairs = sum(len(g.pairs) for g in gold)
    print(
        f"Python {platform.python_version()}; {len(gold)} pages; gold: {n_names} person names "
        f"(distinct per page, summed), {n_pairs} (name, post) pairs; gold byline names left out "
        "for every system\n"
    )
    print("persons (names), micro over pages:\n")
    print("| system | P | R | F1 | tp/pred/gold |")
    print("|---|---|---|---|---|")
    for r in results:
        print(_row(r, r.names))

    print("\nperson_posts ((name, post) pairs), micro over pages; only fangzhi gives posts:\n")
    print("| system | P | R | F1 | tp/pred/gold |")
    print("|---|---|---|---|---|")
    for r in results:
        if r.name == SUBJECT or r.pairs is not None:
            print(_row(r, r.pairs))

    print("\nper page, names: F1 (tp/pred), gold names in the second column:\n")
    print("| page | gold | " + " | ".join(r.name for r in results) + " |")
    print("|---|---" + "|---" * len(results) + "|")
    for i, g in enumerate(gold):
        cells = []
        for r in results:
            if not r.scored:
                cells.append("—")
                continue
            pr = r.pages[i]
            s = pr.names
            cells.append(f"{s.f1:.3f} ({s.tp}/{s.pred})" + ("" if pr.answered else f" {NO_PERSONS}"))
        print(f"| {g.page} | {len(g.names)} | " + " | ".join(cells) + " |")

    print(
        "\ntime over the pages (seconds; load = imports, models and one warm-up page, once; "
        "pass = best of the passes):\n"
    )
    print("| system | load s | pass s | pages/s |")
    print("|---|---|---|---|")
    for r in results:
        if r.best_s is None or r.load_s is None:
            print(f"| {r.name} | — | — | — |")
            continue
        rate = len(gold) / r.best_s if r.best_s else float("inf")
        print(f"| {r.name} | {r.load_s:.3f} | {r.best_s:.4f} | {rate:,.1f} |")

    print("\nmissed (gold names not found) and invented (found, not gold); ×N: on N pages:\n")
    for r in results:
        if not r.scored:
            print(f"- {r.name}: {r.status}")
            continue
        missed = Counter(n for p in r.pages for n in p.missed)
        invented = Counter(n for p in r.pages for n in p.invented)
        print(f"- {r.name}: missed {sum(missed.values())}: {_counted(missed)}")
        print(f"  invented {sum(invented.values())}: {_counted(invented)}")
        silent = [p.page for p in r.pages if not p.answered]
        if silent:
            print(f"  {NO_PERSONS} on {len(silent)} pages: {', '.join(silent)}")


def _counted(c: Counter[str]) -> str:
    if not c:
        return "none"
    return "、".join(f"{n}×{k}" if k > 1 else n for n, k in sorted(c.items(), key=lambda x: (-x[1], x[0])))


def print_verdicts(results: Sequence[Verdict]) -> None:
    print()
    for v in results:
        mark = "N/A " if v.passed is None else ("PASS" if v.passed else "FAIL")
        print(f"{mark}  {v.name}: {v.detail}")


def write_json(
    path: Path, results: Sequence[SystemResult], gold: Sequence[GoldPage], checks: Sequence[Verdict]
) -> None:
    def system(r: SystemResult) -> dict[str, Any]:
        pairs = r.pairs
        return {
            "status": r.status,
            "load_s": r.load_s,
            "pass_s": r.best_s,
            "runs_s": r.runs_s,
            "persons": r.names.as_dict() if r.scored else None,
            "person_posts": pairs.as_dict() if r.scored and pairs is not None else None,
            "pages": [
                {
                    "page": p.page,
                    "answered": p.answered,
                    "persons": p.names.as_dict(),
                    "person_posts": p.pairs.as_dict() if p.pairs is not None else None,
                    "missed": list(p.missed),
                    "invented": list(p.invented),
                }
                for p in r.pages
            ],
        }

    doc = {
        "python": platform.python_version(),
        "pages": [g.page for g in gold],
        "gold": {"persons": sum(len(g.names) for g in gold), "person_posts": sum(len(g.pairs) for g in gold)},
        "systems": {r.name: system(r) for r in results},
        "targets": [{"name": v.name, "passed": v.passed, "detail": v.detail} for v in checks],
    }
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


# --- main -----------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of *.txt pages")
    p.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of gold *.json")
    p.add_argument("--repeat", type=int, default=3, help="timed passes over the pages (default 3)")
    p.add_argument("--check", action="store_true", help="exit 1 unless every target passes")
    p.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.repeat < 1:
        print("--repeat must be at least 1", file=sys.stderr)
        return 2
    gold, warnings = read_gold(args.gold, args.pages)
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    if not gold:
        print(f"no gold page in {args.gold} has its page in {args.pages}", file=sys.stderr)
        return 2
    results = [run_system(s, gold, args.repeat) for s in systems()]
    print_report(results, gold)
    checks = verdicts(results)
    print_verdicts(checks)
    if args.json is not None:
        write_json(args.json, results, gold, checks)
    return 1 if args.check and not all(v.passed for v in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
