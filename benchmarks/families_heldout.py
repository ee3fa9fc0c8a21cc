"""Accuracy on dev families the models were not fitted on: the learned segmentation, held out by family.

Run on demand (not part of the test suite):

    .venv/bin/python benchmarks/families_heldout.py [--train build/sim/dev-train] [--n 920] [--seeds 41 43 45]
        [--artifact undated_lead=0.5] [--worst 10]

The dev families are split in two by their place in the set's family list (even, odd). The
boundary and tail models are fitted (`fangzhi.read.train`, into a copy of the package) on the
dev-train pages of one half and score pages of the other half's families (`fangzhi sim pages
--family dev --n N --seed S`, written here), then the other way round; articles F1 is reported for
each half and over both. It asks of a change what the brief asks of a rule, whether it raises the
score on house styles it was not fitted on, without touching the test set, and with every dev
family scored once. Every figure is `shared/tools/score.py`. With `--worst K`, the K families read
worst when held out, pooled over the seeds: the house styles to study next (dev pages only).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SCORE = REPO.parent / "shared" / "tools" / "score.py"


def half(src: Path, out: Path, families: list[str], parity: int) -> Path:
    """The pages of src whose family's place in the list has this parity, linked into out."""
    (out / "pages").mkdir(parents=True)
    (out / "gold").mkdir()
    n = 0
    for gold in sorted((src / "gold").glob("*.json")):
        if families.index(json.loads(gold.read_text(encoding="utf-8"))["publication"]) % 2 == parity:
            os.link(gold, out / "gold" / gold.name)
            os.link(src / "pages" / (gold.stem + ".txt"), out / "pages" / (gold.stem + ".txt"))
            n += 1
    manifest = json.loads((src / "manifest.json").read_text(encoding="utf-8"))
    (out / "manifest.json").write_text(
        json.dumps({**manifest, "pages": n}, ensure_ascii=False), encoding="utf-8"
    )
    return out


def fit(train: Path, work: Path) -> None:
    """Fit on train into a copy of the package in work."""
    shutil.copytree(REPO / "fangzhi", work / "fangzhi", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "fangzhi.read.train", str(train)],
        cwd=work,
        env={**os.environ, "PYTHONPATH": str(work)},
        check=True,
        capture_output=True,
    )


def score(work: Path, pages: Path) -> dict[str, Any]:
    """Parse pages with the package fitted in work, score."""
    py = sys.executable
    parsed = work / f"parsed-{pages.name}.jsonl"
    with parsed.open("w", encoding="utf-8") as out:
        run = subprocess.run(
            [py, "-m", "fangzhi.cli", "parse", "--format", "jsonl", str(pages / "pages")],
            cwd=work,
            env={**os.environ, "PYTHONPATH": str(work)},
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
        )
    if run.returncode:
        raise SystemExit(run.stderr[-2000:])
    cmd = [py, str(SCORE), "--json", "--pages", str(pages / "pages"), "--gold", str(pages / "gold")]
    scored = subprocess.run([*cmd, "--input", str(parsed)], capture_output=True, text=True, check=True)
    report: dict[str, Any] = json.loads(scored.stdout)
    return report


def _family(gold: Path) -> str:
    family: str = json.loads(gold.read_text(encoding="utf-8"))["publication"]
    return family


def _f1(counts: list[int]) -> float:
    tp, pred, gold = counts
    return 2 * tp / (pred + gold) if pred + gold else 1.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--train", type=Path, default=REPO / "build" / "sim" / "dev-train", help="dev pages to fit on"
    )
    ap.add_argument(
        "--n", type=int, default=920, help="dev pages to score (every family five times by default)"
    )
    ap.add_argument(
        "--seeds",
        type=int,
        nargs="+",
        default=[41],
        help="seeds of the pages scored, N pages each: one draw moves a change's figure by 0.003",
    )
    ap.add_argument(
        "--worst", type=int, default=0, metavar="K", help="print the K families read worst when held out"
    )
    ap.add_argument(
        "--artifact",
        action="append",
        default=[],
        metavar="NAME=RATE",
        help="score pages printed with this artifact at this rate (as `fangzhi sim pages --artifact`)",
    )
    args = ap.parse_args()
    manifest = json.loads((args.train / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("split") != "dev":
        raise SystemExit(f"{args.train}: a dev set to fit on, not {manifest.get('split')}")
    families = list(manifest["families"])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        sys.path.insert(0, str(REPO))
        from fangzhi.sim.generate import write_set
        from fangzhi.sim.layout import Artifacts

        art = Artifacts().with_rates(args.artifact)
        for seed in args.seeds:
            scored = write_set("dev", args.n, seed, root / f"scored{seed}", art)
            if list(scored.families) != families:
                raise SystemExit("the pages scored print other families than the pages fitted on: make sim")
        totals: dict[int, list[int]] = {seed: [0, 0, 0] for seed in args.seeds}
        by_family: dict[str, list[int]] = {}
        for parity in (0, 1):
            work = root / f"fold{parity}"
            fit(half(args.train, root / f"train{parity}", families, parity), work)
            for seed in args.seeds:
                pages = half(root / f"scored{seed}", root / f"pages{seed}-{1 - parity}", families, 1 - parity)
                report = score(work, pages)
                for name, page in report["pages"].items():
                    family = _family(pages / "gold" / (Path(name).stem + ".json"))
                    found = (page["tp"], page["pred"], page["gold"])
                    for counts in (totals[seed], by_family.setdefault(family, [0, 0, 0])):
                        counts[:] = [c + f for c, f in zip(counts, found, strict=True)]
                f1 = report["articles"]["f1"]
                print(f"seed {seed}: fitted on half {parity}, scored on half {1 - parity}: F1 {f1:.4f}")
        for seed in args.seeds:
            print(f"seed {seed}: families held out, both halves: articles F1 {_f1(totals[seed]):.4f}")
        pooled = [sum(c[k] for c in totals.values()) for k in range(3)]
        print(f"families held out, both halves, all seeds: articles F1 {_f1(pooled):.4f}")
        for family, counts in sorted(by_family.items(), key=lambda kv: _f1(kv[1]))[: args.worst]:
            print(f"  {_f1(counts):.4f}  {counts[2]:4d} articles  {family}")


if __name__ == "__main__":
    main()
