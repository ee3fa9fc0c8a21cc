"""What `fangzhi ocr` writes for each scanned page: PAGE.txt, the page text in the form the parser
reads, and PAGE.boxes.json beside it, where on the image each line and each character of it stand."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from fangzhi.ocr import OcrPage, ocr_file
from fangzhi.settings import Settings


def boxes_document(page: OcrPage) -> dict[str, Any]:
    """The JSON beside the text: image size, each line's text range and box, each character's box
    (null for the line breaks and heading marks the layout wrote)."""
    text = page.raw.text
    boxes = page.image.boxes
    chars = []
    for i in range(len(text)):
        b = boxes.char_box(text, i)
        chars.append(None if b is None else [b.x0, b.y0, b.x1, b.y1])
    return {
        "image": Path(page.raw.path).name,
        "width": page.image.width,
        "height": page.image.height,
        "columns": page.layout.columns,
        "lines": [[r.start, r.end, r.box.x0, r.box.y0, r.box.x1, r.box.y1] for r in boxes.runs],
        "chars": chars,
    }


def write_page(path: str | os.PathLike[str], out: str | os.PathLike[str], settings: Settings) -> list[str]:
    """Recognise a scan file and write each of its pages' text and boxes into `out`; the paths written."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[str] = []
    for page in ocr_file(path, settings):
        stem = Path(page.raw.path).stem
        txt = folder / f"{stem}.txt"
        txt.write_text(page.raw.text, encoding="utf-8")
        doc = json.dumps(boxes_document(page), ensure_ascii=False, separators=(",", ":"))
        (folder / f"{stem}.boxes.json").write_text(doc, encoding="utf-8")
        written.append(str(txt))
    return written
