"""Accuracy on simulated pages: by set, by family of the test set, by artifact, against baselines.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/sim_accuracy.py [--n 300] [--artifact-n 100] [--ref GIT_REF] [--json PATH]

Every figure is `shared/tools/score.py` over pages written by `fangzhi.sim` (dev: seed 1, test:
seed 2, holdout: seed 3, as `make sim`; each artifact alone on test-family pages: seed 3; the
holdout families are only ever scored, in aggregate, never diagnosed), and `text_lost`: the
share of the articles' own Han characters (head, dateline, body, caption) no field of the output
holds, where the scorer's han_lost counts the page's furniture too. Baselines, measured in
the same run on the same pages:
  greedy     this code with the learned models switched off (each page decided left to right by
             the rules, as before the boundary and tail models);
  GIT_REF    the parser of another commit (`--ref`), run from a temporary git worktree.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SCORE = REPO.parent / "shared" / "tools" / "score.py"
# Artifacts the sets of `make sim` do not print, at the rate each is printed when measured alone.
ALONE = {"head_wrap": 0.5, "subheads": 0.5, "undated_lead": 0.5}
METRICS = ("articles", "joins", "fields.headline", "fields.bylines", "han_lost", "text_lost")


def write(split: str, n: int, seed: int, out: Path, art: Any = None) -> Path:
    from fangzhi.sim.generate import write_set

    write_set(split, n, seed, out, art)
    return out


def score(folder: Path, env: dict[str, str], flags: str = "", cwd: str | None = None) -> dict[str, Any]:
    parse = [sys.executable, "-m", "fangzhi.cli", "parse", "--format", "jsonl", *flags.split()]
    pages = sorted(str(p) for p in (folder / "pages").glob("*.txt"))
    run = subprocess.run([*parse, *pages], capture_output=True, text=True, timeout=1800, env=env, cwd=cwd)
    if run.returncode:
        raise SystemExit(run.stderr[-2000:])
    predicted = folder / f"parsed{abs(hash((flags, cwd)))}.jsonl"
    predicted.write_text(run.stdout, encoding="utf-8")
    cmd = [
        sys.executable,
        str(SCORE),
        "--json",
        "--pages",
        str(folder / "pages"),
        "--gold",
        str(folder / "gold"),
    ]
    run = subprocess.run([*cmd, "--input", str(predicted)], capture_output=True, text=True, timeout=1800)
    if run.returncode:
        raise SystemExit(run.stderr[-2000:])
    report: dict[str, Any] = json.loads(run.stdout)
    report["text_lost"] = text_lost(folder, predicted)
    return report


def text_lost(folder: Path, predicted: Path) -> float:
    """The share of the Han characters of articles' own text (head, dateline, body and caption in
    the simulator's chunks) that no field of the output holds (its text fields, its bylines). The
    scorer's han_lost counts every Han character of the page, furniture, jump lines and credits'
    outlets too, which no article holds: this is what of the articles themselves is lost."""
    if str(SCORE.parent) not in sys.path:
        sys.path.insert(0, str(SCORE.parent))
    import score as scorer  # the shared scorer's own normalisation and counting

    by_page: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in predicted.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            by_page[Path(str(rec.get("page", ""))).name].append(rec)
    whole = lost = 0
    for gold_path in sorted((folder / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (folder / "pages" / (gold_path.stem + ".txt")).read_text(encoding="utf-8")
        recs = by_page.get(gold_path.stem + ".txt", [])
        fields_ = ("kicker", "headline", "subtitle", "dateline", "body")
        held = scorer.han("".join(scorer.norm(r.get(k)) for r in recs for k in fields_))
        # the people credited are held as bylines, as the scorer counts them
        held += Counter(
            ch
            for r in recs
            for b in r.get("bylines") or []
            for ch in scorer.norm(b.get("name")) + scorer.norm(b.get("role"))
        )
        want: Counter[str] = Counter()
        for start, end, _article, kind, _para in gold["chunks"]:
            if kind in ("head", "dateline", "body", "caption"):
                want.update(scorer.han(text[start:end]))
        whole += sum(want.values())
        lost += sum((want - held).values())
    return round(lost / whole, 4) if whole else 0.0


def flat(report: dict[str, Any]) -> dict[str, float]:
    return {
        "articles": report["articles"]["f1"],
        "joins": report["joins"],
        "fields.headline": report["fields"]["headline"],
        "fields.bylines": report["fields"]["bylines"],
        "han_lost": report["han_lost"],
        "text_lost": report["text_lost"],
    }


def by_family(folder: Path, report: dict[str, Any]) -> dict[str, float]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for name, r in report["pages"].items():
        gold = json.loads((folder / "gold" / (Path(name).stem + ".json")).read_text(encoding="utf-8"))
        c = counts[gold["publication"]]
        c[0] += r["tp"]
        c[1] += r["pred"]
        c[2] += r["gold"]
    return {fam: round(2 * tp / (p + g), 4) if p + g else 1.0 for fam, (tp, p, g) in sorted(counts.items())}


def systems(ref: str | None, tmp: Path) -> dict[str, tuple[dict[str, str], str, str | None]]:
    """Each system to score: its environment, the flags of its parse command and the folder it
    runs in (a commit's parser runs in its worktree, which then comes first on the path)."""
    base = dict(os.environ)
    out: dict[str, tuple[dict[str, str], str, str | None]] = {
        "fangzhi": (base, "", None),
        "greedy": (base, "--rules-only", None),
    }
    if ref:
        tree = tmp / "ref"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "-q", "--detach", str(tree), ref], check=True
        )
        out[ref] = ({**base, "PYTHONPATH": str(tree)}, "", str(tree))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300, help="pages of each set")
    ap.add_argument("--artifact-n", type=int, default=100, help="pages for each artifact alone")
    ap.add_argument("--ref", help="also score the parser of this git commit")
    ap.add_argument("--json", help="write every figure to this file")
    args = ap.parse_args()
    from fangzhi.sim.layout import Artifacts

    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        envs = systems(args.ref, tmp)
        sets = {
            "dev": write("dev", args.n, 1, tmp / "dev"),
            "test": write("test", args.n, 2, tmp / "test"),
            "holdout": write("holdout", args.n, 3, tmp / "holdout"),
        }
        try:
            for split, folder in sets.items():
                for name, (env, flags, cwd) in envs.items():
                    report = score(folder, env, flags, cwd)
                    out[f"{split}/{name}"] = flat(report)
                    if split == "test":
                        out[f"families/{name}"] = by_family(folder, report)
            none = Artifacts().without()
            for f in ("none", *(f.name for f in fields(Artifacts))):
                rate = ALONE.get(f, getattr(Artifacts(), f, 0.0))
                art = none if f == "none" else replace(none, **{f: rate})
                folder = write("test", args.artifact_n, 3, tmp / f"artifact-{f}", art)
                scores = {n: flat(score(folder, e, fl, c)) for n, (e, fl, c) in envs.items()}
                out[f"artifacts/{f}"] = {n: r["articles"] for n, r in scores.items()}
                out[f"artifact-heads/{f}"] = {n: r["fields.headline"] for n, r in scores.items()}
        finally:
            if args.ref:
                subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tmp / "ref")])
    names = list(envs)
    print("set/system".ljust(22) + "".join(m.rjust(16) for m in METRICS))
    for key, row in out.items():
        if key.count("/") == 1 and key.split("/")[0] in ("dev", "test", "holdout"):
            print(key.ljust(22) + "".join(f"{row[m]:16.4f}" for m in METRICS))
    print("\nartifacts alone (test families), articles F1:".ljust(40) + "".join(n.rjust(12) for n in names))
    for key, row in out.items():
        if key.startswith("artifacts/"):
            print(key.split("/")[1].ljust(40) + "".join(f"{row[n]:12.4f}" for n in names))
    print("\nartifacts alone (test families), headline:".ljust(40) + "".join(n.rjust(12) for n in names))
    for key, row in out.items():
        if key.startswith("artifact-heads/"):
            print(key.split("/")[1].ljust(40) + "".join(f"{row[n]:12.4f}" for n in names))
    print("\ntest families, articles F1:".ljust(40) + "".join(n.rjust(12) for n in names))
    for fam in out["families/fangzhi"]:
        print(fam.ljust(40) + "".join(f"{out[f'families/{n}'][fam]:12.4f}" for n in names))
    if args.json:
        Path(args.json).write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
