"""The OCR front end on this machine: seconds per page image against RapidOCR alone on the same
images (the overhead of fangzhi's layout and box mapping), character accuracy of the two RapidOCR
packages, and pages per hour parsed on 2 Dask workers.

Run on demand (not part of the test suite; about 15 minutes for the five sample pages on 2 cores):

    .venv/bin/pip install -e '.[dev,bench]'     # bench: rapidocr-onnxruntime, the PP-OCRv4 engine
    .venv/bin/python benchmarks/ocr.py [--pages DIR] [--n 5] [--workers 2] [--json PATH]

The sample pages' text is set as page images in 2-4 columns under their headlines
(fangzhi.ocr.render) in a temporary folder; nothing is timed until they are written.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = REPO_ROOT.parent / "shared" / "seeds"
COLUMNS = (2, 3, 4, 3, 2)


def fold(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", re.sub(r"^#+ ", "", text, flags=re.M)))


def accuracy(source: str, read: str) -> float:
    from rapidfuzz.distance import Levenshtein

    src, got = fold(source), fold(read)
    return 1 - Levenshtein.distance(src, got) / max(1, len(src))


def render(pages: list[Path], folder: Path) -> list[tuple[Path, str]]:
    from fangzhi.ocr.render import render_page

    out = []
    for i, page in enumerate(pages):
        rendered = render_page(page.read_text(encoding="utf-8"), columns=COLUMNS[i % len(COLUMNS)])
        image = folder / f"{page.stem}.png"
        rendered.image.save(image)
        out.append((image, rendered.source))
    return out


def v4_lines(image: Path) -> list[Any]:
    """The PP-OCRv4 engine of rapidocr-onnxruntime, set as fangzhi sets PP-OCRv6 (full size to
    4,000 px, no angle classifier), its lines in fangzhi's form so the same layout orders them."""
    from rapidocr_onnxruntime import RapidOCR

    from fangzhi.ocr.boxes import Box
    from fangzhi.ocr.layout import TextLine

    engine = _V4.get("engine")
    if engine is None:
        engine = _V4["engine"] = RapidOCR(max_side_len=4000, use_cls=False)
    result, _ = engine(str(image), use_cls=False)
    lines = []
    for quad, text, score in result or []:
        xs, ys = [p[0] for p in quad], [p[1] for p in quad]
        lines.append(TextLine(text, Box(int(min(xs)), int(min(ys)), round(max(xs)), round(max(ys))), score))
    return lines


_V4: dict[str, Any] = {}


def timed(fn: Any, *args: Any) -> tuple[float, Any]:
    t = time.perf_counter()
    value = fn(*args)
    return time.perf_counter() - t, value


def measure(images: list[tuple[Path, str]]) -> dict[str, Any]:
    from PIL import Image

    from fangzhi.ocr import ocr_file
    from fangzhi.ocr.engine import _engine, text_lines
    from fangzhi.ocr.layout import lay_out

    rows = []
    _engine()  # models loaded before anything is timed
    for image, source in images:
        engine_s, result = timed(lambda p: _engine()(str(p)), image)  # RapidOCR alone, as its users call it
        fangzhi_s, (page,) = timed(ocr_file, image)  # read, recognise, lay out, map boxes
        layout_s, _ = timed(lay_out, text_lines(result, *Image.open(image).size))
        row: dict[str, Any] = {
            "page": image.name,
            "rapidocr_s": round(engine_s, 2),
            "fangzhi_ocr_s": round(fangzhi_s, 2),
            "layout_s": round(layout_s, 4),
            "v6_accuracy": round(accuracy(source, page.raw.text), 4),
        }
        try:
            v4_s, v4 = timed(v4_lines, image)
            row["v4_s"] = round(v4_s, 2)
            row["v4_accuracy"] = round(accuracy(source, lay_out(v4).text), 4)
        except ImportError:
            row["v4_s"] = row["v4_accuracy"] = None
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return {"pages": rows}


def on_dask(images: list[Path], workers: int) -> dict[str, Any]:
    """Every image read and parsed on a local Dask cluster of `workers` processes (start-up timed)."""
    from fangzhi.distributed import Cluster, parse_on_dask
    from fangzhi.settings import Settings

    t = time.perf_counter()
    results = list(parse_on_dask(images, Settings(), Cluster(workers=workers, chunk=1, in_flight=1)))
    seconds = time.perf_counter() - t
    failed = [p for p, r in results if not hasattr(r, "articles")]
    return {
        "workers": workers,
        "pages": len(images),
        "failed": len(failed),
        "seconds": round(seconds, 1),
        "pages_per_hour": round(len(images) / seconds * 3600),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of page .txt files to render")
    ap.add_argument("--n", type=int, default=5, help="how many pages (default 5)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path, help="write the report here too")
    args = ap.parse_args()
    pages = sorted(args.pages.glob("*.txt"))[: args.n]
    if not pages:
        print(f"no pages in {args.pages}", file=sys.stderr)
        return 2
    print(f"load average at start: {os.getloadavg()}; {platform.processor() or platform.machine()}")
    with tempfile.TemporaryDirectory(prefix="fangzhi-ocr-bench-") as tmp:
        images = render(pages, Path(tmp))
        report = measure(images)
        report["dask"] = on_dask([p for p, _ in images], args.workers)
    rows = report["pages"]
    summary = {
        "rapidocr_s_median": statistics.median(r["rapidocr_s"] for r in rows),
        "fangzhi_ocr_s_median": statistics.median(r["fangzhi_ocr_s"] for r in rows),
        "layout_s_median": statistics.median(r["layout_s"] for r in rows),
        "v6_accuracy_min": min(r["v6_accuracy"] for r in rows),
        "v6_accuracy_mean": round(statistics.fmean(r["v6_accuracy"] for r in rows), 4),
    }
    if all(r["v4_accuracy"] is not None for r in rows):
        summary["v4_s_median"] = statistics.median(r["v4_s"] for r in rows)
        summary["v4_accuracy_min"] = min(r["v4_accuracy"] for r in rows)
        summary["v4_accuracy_mean"] = round(statistics.fmean(r["v4_accuracy"] for r in rows), 4)
    report["summary"] = summary
    report["load_average_end"] = os.getloadavg()
    print(json.dumps({"summary": summary, "dask": report["dask"]}, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
