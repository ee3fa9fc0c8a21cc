"""Fitting the boundary model on simulated pages: `python -m fangzhi.read.train SIM_DIR`.

SIM_DIR is a set written by `fangzhi sim pages` (pages/ and gold/); only the dev families may be
trained on, and the command refuses a set whose manifest says otherwise (a test or holdout set is
only ever scored). Each page is read as the
parser reads it (normalise, blocks); each block is labelled from the gold's chunks, which say
which article every printed piece belongs to and where it stands in that article's reading order.
Then the tail model: every pair of an orphan run and an article that the segmenter weighs on
those pages (with the boundary model just fitted) is labelled from the gold, and a logistic
regression says how likely a run is the article's rest. Both are written beside `segment.py` and
`boundaries.py`, with a JSON note of what they were fitted on.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from fangzhi.model import Page, RawPage
from fangzhi.read.blocks import Layout, build_blocks
from fangzhi.read.boundaries import MODEL_FILE, page_features, page_labels
from fangzhi.read.normalize import normalize
from fangzhi.read.segment import TAIL_FEATURES, TAILS_FILE, segment

HERE = Path(__file__).resolve().parent
# Where a piece stands in its article's reading order; a piece printed before one it follows opens
# a new stretch of the page (a displaced tail, heads printed after the body).
_RANK = {"head": 0, "byline": 1, "dateline": 2, "caption": 10, "body": 10}
_ASIDE = ("furniture", "closer", "jump")


def block_owners(page: Page, lay: Layout, chunks: Sequence[Sequence[Any]]) -> list[int]:
    """The gold article each block belongs to (-1: none, or set aside)."""
    owners = []
    for b in lay.blocks:
        chunk = _chunk_of(page, b, chunks)
        owners.append(-1 if chunk is None or chunk[3] in _ASIDE else int(chunk[2]))
    return owners


def block_labels(page: Page, lay: Layout, chunks: Sequence[Sequence[Any]]) -> list[str]:
    """B / I / C / O for each block, from the chunks of the simulator's gold."""
    labels: list[str] = []
    prev: tuple[int, float] | None = None  # owner and rank of the last block in an article
    for b in lay.blocks:
        chunk = _chunk_of(page, b, chunks)
        if chunk is None:
            labels.append("O")
            continue
        _s, _e, owner, role, para = chunk
        if role in _ASIDE or owner < 0:
            labels.append("O")
            continue
        if role == "credit" or (role == "body" and b.kind == "credit"):
            labels.append("C")  # a credit glued to the last paragraph is set apart as a line
            continue
        rank = _RANK.get(role, 10) + (para + 1 if role == "body" and para >= 0 else 0)
        same = prev is not None and prev[0] == owner and rank >= prev[1]
        labels.append("I" if same else "B")
        prev = (owner, rank)
    return labels


def _chunk_of(page: Page, b: Any, chunks: Sequence[Sequence[Any]]) -> Sequence[Any] | None:
    """The chunk that holds most of the block's raw characters."""
    votes: Counter[int] = Counter()
    for sp in b.spans:
        for a, z in page.offsets.raw_ranges(sp.start, sp.end):
            for k, c in enumerate(chunks):
                lo, hi = max(a, int(c[0])), min(z, int(c[1]))
                if lo < hi:
                    votes[k] += hi - lo
    if not votes:
        return None
    return chunks[votes.most_common(1)[0][0]]


def _pages(sim_dir: Path) -> Iterator[tuple[Page, Layout, list[Any]]]:
    for gold_path in sorted((sim_dir / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = (sim_dir / "pages" / (gold_path.stem + ".txt")).read_text(encoding="utf-8")
        page = normalize(RawPage(gold_path.stem + ".txt", text, "utf-8", "", len(text)))
        lay = build_blocks(page)
        if lay.blocks:
            yield page, lay, gold["chunks"]


def examples(sim_dir: Path) -> tuple[list[list[list[str]]], list[list[str]]]:
    xs: list[list[list[str]]] = []
    ys: list[list[str]] = []
    for page, lay, chunks in _pages(sim_dir):
        xs.append(page_features(lay))
        ys.append(block_labels(page, lay, chunks))
    return xs, ys


def tail_examples(sim_dir: Path, tagger: Any) -> tuple[list[list[float]], list[int]]:
    """Every (orphan run, article) pair the segmenter weighs, labelled: is it the article's rest?"""
    xs: list[list[float]] = []
    ys: list[int] = []
    for page, lay, chunks in _pages(sim_dir):
        owners = block_owners(page, lay, chunks)
        pairs: list[tuple[list[int], list[int], list[float]]] = []
        segment(lay, page_labels(lay, tagger), collect=pairs)
        for run, draft, x in pairs:
            xs.append(x)
            ys.append(int(_majority(owners, run) == _majority(owners, draft) != -1))
    return xs, ys


def _majority(owners: list[int], idx: list[int]) -> int:
    votes = Counter(owners[i] for i in idx)
    return votes.most_common(1)[0][0] if votes else -1


def fit_logistic(xs: list[list[float]], ys: list[int], *, l2: float = 1e-3, steps: int = 3000) -> list[float]:
    """Logistic regression by gradient descent (the bias is the first feature, always 1)."""
    import numpy as np

    x = np.asarray(xs, dtype=float)
    y = np.asarray(ys, dtype=float)
    w = np.zeros(x.shape[1])
    rate = 0.5
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) / len(y) + l2 * w
        w -= rate * grad
    return [round(float(v), 5) for v in w]


def train(
    sim_dir: Path,
    out: Path,
    *,
    c1: float = 2.0,
    c2: float = 0.01,
    iterations: int = 200,
    tails_only: bool = False,
) -> dict[str, Any]:
    import pycrfsuite

    manifest = json.loads((sim_dir / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("split") != "dev":
        raise SystemExit(
            f"{sim_dir}: the boundary model is fitted on dev families only, not {manifest.get('split')}"
            " (test and holdout sets are only ever scored)"
        )
    if tails_only:
        # the boundary model stays as shipped: only the tail model is fitted, against its labels
        return _fit_tails(sim_dir, out, manifest)
    xs, ys = examples(sim_dir)
    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(x, y)
    trainer.set_params(
        {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
    )
    trainer.train(str(out / MODEL_FILE))
    _fit_tails(sim_dir, out, manifest)
    note = {
        "command": "python -m fangzhi.read.train " + str(sim_dir.name),
        "fitted_on": _fitted_on(manifest),
        "families": manifest["families"],
        "labels": dict(Counter(label for y in ys for label in y)),
        "params": {"c1": c1, "c2": c2, "max_iterations": iterations},
    }
    (out / "boundaries.json").write_text(
        json.dumps(note, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return note


def _fit_tails(sim_dir: Path, out: Path, manifest: dict[str, Any]) -> dict[str, Any]:
    """The tail model, fitted on the pairs the segmenter weighs with the boundary model in `out`."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(out / MODEL_FILE))
    txs, tys = tail_examples(sim_dir, tagger)
    weights = fit_logistic(txs, tys)
    tails = {
        "command": "python -m fangzhi.read.train --tails-only " + sim_dir.name,
        "features": list(TAIL_FEATURES),
        "weights": weights,
        "pairs": len(tys),
        "positives": sum(tys),
    }
    (out / TAILS_FILE).write_text(json.dumps(tails, indent=1) + "\n", encoding="utf-8")
    return {"fitted_on": _fitted_on(manifest), "tails": tails}


def _fitted_on(manifest: dict[str, Any]) -> dict[str, Any]:
    """What the set fitted on was: its split, seed and size, and the artifact rates it was printed
    with where they differ from the scored sets' (a set's manifest says so)."""
    note = {k: manifest[k] for k in ("split", "seed", "pages", "articles")}
    if manifest.get("artifacts"):
        note["artifacts"] = manifest["artifacts"]
    return note


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m fangzhi.read.train", description=__doc__)
    ap.add_argument("sim_dir", help="a set of simulated dev pages (fangzhi sim pages --family dev)")
    ap.add_argument("--out", default=str(HERE), help="folder to write the model to (default: the package)")
    ap.add_argument(
        "--tails-only", action="store_true", help="keep the boundary model in --out; fit only the tail model"
    )
    args = ap.parse_args(argv)
    note = train(Path(args.sim_dir), Path(args.out), tails_only=args.tails_only)
    what = f"tail pairs {note['tails']['pairs']}" if args.tails_only else f"labels {note['labels']}"
    print(f"fitted on {note['fitted_on']['pages']} dev pages: {what}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
