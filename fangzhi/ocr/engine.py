"""Text lines of a page image, recognised by RapidOCR.

The `rapidocr` package is used: its wheel ships the PP-OCRv6 small detection and recognition
models, so nothing is fetched at run time, and on rendered newspaper pages it reads more
accurately and about twice as fast as `rapidocr-onnxruntime` with its PP-OCRv4 models (figures in
docs/ocr.md). The engine is built once a process, on first use, and kept: loading the models takes
about a second, a page several.
"""

from __future__ import annotations

import functools
import threading
from typing import Any

from PIL import Image

from fangzhi.ocr.boxes import Box
from fangzhi.ocr.layout import TextLine

# Pages are scanned upright: the angle classifier only costs time, and turns a line it misjudges.
# Detection runs on the page at full size up to MAX_SIDE pixels: shrinking a newspaper page to
# the default 2,000 leaves its body type too small to read.
MAX_SIDE = 4000
_PARAMS = {
    "Global.log_level": "error",
    "Global.use_cls": False,
    "Global.max_side_len": MAX_SIDE,
}
_lock = threading.Lock()  # one onnxruntime session serves one call at a time


# The models in the wheel, named: RapidOCR would otherwise look them up in its table and fetch
# any it does not find; with a path given it never goes to the network.
DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"


@functools.cache
def _engine(threads: int = 0) -> Any:
    return build_engine(threads)


def build_engine(threads: int = 0) -> Any:
    """A RapidOCR engine on the models its wheel ships (a FileNotFoundError naming them if not),
    running on `threads` threads (0: one per CPU, onnxruntime's default)."""
    from pathlib import Path

    import rapidocr
    from rapidocr import RapidOCR

    models = Path(rapidocr.__file__).parent / "models"
    paths = {"Det.model_path": models / DET_MODEL, "Rec.model_path": models / REC_MODEL}
    for path in paths.values():
        if not path.is_file():
            raise FileNotFoundError(f"{path}: the rapidocr wheel no longer ships this model")
    params: dict[str, Any] = {**_PARAMS, **{k: str(v) for k, v in paths.items()}}
    if threads > 0:
        params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
        params["EngineConfig.onnxruntime.inter_op_num_threads"] = 1
    return RapidOCR(params=params)


def recognise(image: Image.Image, threads: int = 0) -> list[TextLine]:
    """Every text line RapidOCR finds on the image, with its box clipped to the image."""
    import numpy as np

    rgb = np.asarray(image.convert("RGB"))[:, :, ::-1]  # RapidOCR reads OpenCV's BGR order
    with _lock:
        result = _engine(threads)(rgb)
    return text_lines(result, *image.size)


def text_lines(result: Any, width: int, height: int) -> list[TextLine]:
    """RapidOCR's output as lines with axis-aligned boxes clipped to a `width` × `height` image."""
    if result.boxes is None or result.txts is None:
        return []
    out: list[TextLine] = []
    for quad, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
        xs = [float(p[0]) for p in quad]
        ys = [float(p[1]) for p in quad]
        box = Box(
            max(0, int(min(xs))),
            max(0, int(min(ys))),
            min(width, round(max(xs))),
            min(height, round(max(ys))),
        )
        if text.strip() and box.width > 0 and box.height > 0:
            out.append(TextLine(str(text), box, float(score)))
    return out
