"""Where each character of a recognised page stands on its image.

The recogniser gives one box a text line; a line's characters share it out along its width, a
full-width character (Han, full-width punctuation) taking twice the room of a half-width one
(digits, Latin, ASCII punctuation), as type is set. A `BoxMap` keeps the lines, each as the half-open
range of page text it became and its box, so a span of the page text maps back to boxes without a
box stored per character.
"""

from __future__ import annotations

import json
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Box:
    """An axis-aligned rectangle of image pixels: [x0, x1) × [y0, y1)."""

    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    def within(self, width: int, height: int) -> bool:
        return 0 <= self.x0 <= self.x1 <= width and 0 <= self.y0 <= self.y1 <= height

    def union(self, other: Box) -> Box:
        return Box(
            min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1)
        )


@dataclass(frozen=True, slots=True)
class LineRun:
    """Page text [start, end) was read from the line in `box`."""

    start: int
    end: int
    box: Box


def char_weight(ch: str) -> int:
    """Room a character takes in a line: 2 for full-width, 1 for half-width."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


class BoxMap:
    """Page text offsets → image boxes, through the lines the text was read from."""

    __slots__ = ("_starts", "runs")

    def __init__(self, runs: Iterable[LineRun]) -> None:
        self.runs = tuple(sorted(runs, key=lambda r: r.start))
        self._starts = [r.start for r in self.runs]

    def _run(self, pos: int) -> LineRun | None:
        i = bisect_right(self._starts, pos) - 1
        if i < 0 or pos >= self.runs[i].end:
            return None
        return self.runs[i]

    def char_box(self, text: str, pos: int) -> Box | None:
        """The box of the character at `pos` of the page `text`; None for characters no line holds
        (the line breaks and heading marks the layout wrote)."""
        run = self._run(pos)
        if run is None:
            return None
        return _share(text, run, pos, pos + 1)

    def boxes(self, text: str, ranges: Iterable[tuple[int, int] | list[int]]) -> list[Box]:
        """One box for each piece of a line that the ranges cover, in order."""
        out: list[Box] = []
        for a, b in ranges:
            pos = a
            while pos < b:
                i = bisect_right(self._starts, pos) - 1
                run = self.runs[i] if i >= 0 else None
                if run is None or pos >= run.end:
                    nxt = self._starts[i + 1] if i + 1 < len(self._starts) else b
                    pos = max(pos + 1, min(nxt, b))
                    continue
                stop = min(b, run.end)
                out.append(_share(text, run, pos, stop))
                pos = stop
        return out

    def to_json(self) -> str:
        return json.dumps([[r.start, r.end, r.box.x0, r.box.y0, r.box.x1, r.box.y1] for r in self.runs])

    @classmethod
    def from_json(cls, data: str) -> BoxMap:
        return cls(LineRun(s, e, Box(x0, y0, x1, y1)) for s, e, x0, y0, x1, y1 in json.loads(data))


def _share(text: str, run: LineRun, a: int, b: int) -> Box:
    """The part of the run's box that characters [a, b) take, by their widths."""
    weights = [char_weight(ch) for ch in text[run.start : run.end]]
    total = sum(weights) or 1
    before = sum(weights[: a - run.start])
    inside = sum(weights[a - run.start : b - run.start])
    box = run.box
    left = box.x0 + box.width * before / total
    right = box.x0 + box.width * (before + inside) / total
    return Box(int(left), box.y0, max(int(left), min(box.x1, round(right))), box.y1)
