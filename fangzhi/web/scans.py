"""The article page's scan: where on the page image the article and each of its facts stand.

Spans are ranges of the page's raw text; for a page read by OCR that text was written from the
scan's lines, and the page's BoxMap turns a range back into boxes (one for each piece of a line).
An article's boxes are drawn as its region: a line's box joins the one above it when they share a
column and nothing stands between them, so a column of text is one rectangle, not a stack of lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fangzhi.answers import Outline, ScanBoxes
from fangzhi.ocr.boxes import Box, BoxMap
from fangzhi.web.marks import fact_ranges

_LEADING = 1.0  # boxes this many of their heights apart (or less) are one region


def outlines(article: Mapping[str, Any], raw: str, scan: dict[str, Any]) -> ScanBoxes:
    """{"width", "height", "regions": [[x, y, w, h], …] of the article, "facts": [{"kind",
    "label", "boxes": [[x, y, w, h], …]}, …]} for a page's scan."""
    boxes = BoxMap.from_json(scan["lines"])
    spans = [r for ranges in article["spans"].values() for r in ranges]
    regions = _regions(boxes.boxes(raw, sorted(spans)))
    facts = [
        Outline(kind=kind, label=label, boxes=[_xywh(b) for b in boxes.boxes(raw, [(a, b)])])
        for a, b, kind, label in fact_ranges(article)
    ]
    return ScanBoxes(
        width=scan["width"],
        height=scan["height"],
        regions=[_xywh(b) for b in regions],
        facts=[f for f in facts if f["boxes"]],
    )


def _regions(boxes: list[Box]) -> list[Box]:
    """Boxes in reading order merged down each column into rectangles."""
    out: list[Box] = []
    for b in boxes:
        for i, r in enumerate(out):
            overlap = min(r.x1, b.x1) - max(r.x0, b.x0)
            near = b.y0 - r.y1 <= _LEADING * max(1, b.height) and b.y1 >= r.y0
            if overlap > 0.5 * min(r.width, b.width) and near:
                out[i] = r.union(b)
                break
        else:
            out.append(b)
    return out


def _xywh(b: Box) -> tuple[int, int, int, int]:
    return (b.x0, b.y0, b.width, b.height)
