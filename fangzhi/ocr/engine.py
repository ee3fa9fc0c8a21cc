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


@functools.cache
def _engine() -> Any:
    from rapidocr import RapidOCR

    return RapidOCR(params=dict(_PARAMS))


def recognise(image: Image.Image) -> list[TextLine]:
    """Every text line RapidOCR finds on the image, with its box clipped to the image."""
    import numpy as np

    rgb = np.asarray(image.convert("RGB"))[:, :, ::-1]  # RapidOCR reads OpenCV's BGR order
    with _lock:
        result = _engine()(rgb)
    if result.boxes is None or result.txts is None:
        return []
    width, height = image.size
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
