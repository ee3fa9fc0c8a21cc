"""Recognised text lines → page text in reading order, in the form the parser reads.

A newspaper page is read band by band, top to bottom, and within a band column by column: a
headline across the columns comes before the columns under it. The order is found by cutting the
page recursively at white space (an XY-cut): first at horizontal gaps wider than the space between
the lines of a column, which separate a headline from the columns under it and one band of
columns from the next; then, in a band, at vertical gaps at least a character wide, which are the
gutters between columns. What cannot be cut further is one column: its lines are read top to
bottom, and lines side by side in it (a line the detector broke at a space) left to right.

Lines then join into paragraphs as the seed pages hold them (one paragraph a line, a blank line
between): a paragraph ends where a line stops short of its column's right edge or the next line
is indented, and goes on from the foot of one column to the head of the next. Lines set larger
than the body type are headings: `#` for the largest, `##` for the next, as the OCR tools that
made the seed pages mark them.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from fangzhi.ocr.boxes import Box, BoxMap, LineRun, char_weight

H_GAP = 0.7  # a horizontal cut needs a gap of this many body-line heights (the leading is less)
V_GAP = 1.0  # a gutter between columns is at least this many character widths
# at most this share of a band's lines may cross a gutter: the detector runs a line into the next
# column's now and then (PP-OCRv4 on one line in twenty of a page set in two columns)
GUTTER_SHARE = 0.1
INDENT = 1.0  # a line starting this many character widths in from its column's left is indented
SHORT = 2.0  # a line ending this many character widths short of its column's right edge ends a paragraph
# (the ink of a line ending in 、 or 。 stops up to one and a half characters short)
HEADING = (1.6, 1.25)  # line height over the body's that makes a level-1 and a level-2 heading
_SENTENCE_END = frozenset("。，、；：.,;:")
SPACE = 0.6  # pieces of one line further apart than this many character widths are joined by a space


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line as the recogniser read it."""

    text: str
    box: Box
    score: float = 1.0


@dataclass(frozen=True)
class PageLayout:
    """The page text in reading order, and where each of its characters came from."""

    text: str
    boxes: BoxMap
    columns: int  # the most columns side by side in one band, for the record


@dataclass(frozen=True)
class _Row:
    pieces: tuple[TextLine, ...]  # left to right

    @property
    def box(self) -> Box:
        b = self.pieces[0].box
        for p in self.pieces[1:]:
            b = b.union(p.box)
        return b


@dataclass(frozen=True)
class _Metrics:
    line_h: float  # the body type's line height
    char_w: float  # the body type's full-width character width


def lay_out(lines: Sequence[TextLine]) -> PageLayout:
    """Order the lines of one page and write them as page text with its box map."""
    lines = [ln for ln in lines if ln.text.strip()]
    if not lines:
        return PageLayout("", BoxMap(()), 0)
    m = _metrics(lines)
    columns: list[list[_Row]] = []
    bands = [0]
    _cut(lines, m, columns, bands)
    return _write(columns, m, max(bands))


def _metrics(lines: Sequence[TextLine]) -> _Metrics:
    """The body type's size: the lower quartile of the line heights (body lines are most lines of
    a page, and on a page of a few lines the headline must not count as body)."""
    heights = sorted(ln.box.height for ln in lines)
    line_h = heights[(len(heights) - 1) // 4]
    body = [ln for ln in lines if ln.box.height <= line_h * 1.15]
    widths = [2 * ln.box.width / max(1, sum(map(char_weight, ln.text))) for ln in body]
    return _Metrics(line_h, statistics.median(widths) if widths else line_h)


def _cut(lines: list[TextLine], m: _Metrics, out: list[list[_Row]], bands: list[int]) -> None:
    """XY-cut: horizontal gaps first, then gutters; what is left is a column, appended to out."""
    rows = _gaps(lines, lambda b: (b.y0, b.y1), m.line_h * H_GAP)
    if len(rows) > 1:
        for part in rows:
            _cut(part, m, out, bands)
        return
    if len(_rows(lines, m)) > 1:  # a single row is one line, whatever its spaces
        cols = _split_columns(lines, _gutters(lines, m), m)
        if len(cols) > 1 and _side_by_side(cols):
            bands.append(len(cols))
            for part in cols:
                _cut(part, m, out, bands)
            return
    out.append(_rows(lines, m))


def _side_by_side(cols: list[list[TextLine]]) -> bool:
    """Columns stand side by side: each overlaps the next in height. Lines apart in both height and
    width (a headline above and to the right of a short line) are rows, not columns."""
    spans = [(min(ln.box.y0 for ln in c), max(ln.box.y1 for ln in c)) for c in cols]
    return all(max(a[0], b[0]) < min(a[1], b[1]) for a, b in itertools.pairwise(spans))


def _gutters(lines: list[TextLine], m: _Metrics) -> list[tuple[int, int]]:
    """The gutters between columns: runs of x, at least V_GAP characters wide and inside the
    region, that almost no line covers. "Almost": the detector now and then runs a line across a
    gutter into the next column's line, or pads a box into it."""
    events: dict[int, int] = {}
    for ln in lines:
        events[ln.box.x0] = events.get(ln.box.x0, 0) + 1
        events[ln.box.x1] = events.get(ln.box.x1, 0) - 1
    allowed = round(len(lines) * GUTTER_SHARE)  # none in a region of a few lines
    gutters: list[tuple[int, int]] = []
    covered = 0
    start: int | None = None
    xs = sorted(events)
    for x in xs:
        before = covered
        covered += events[x]
        if before > allowed >= covered and x != xs[-1]:
            start = x
        elif start is not None and covered > allowed >= before:
            if x - start >= m.char_w * V_GAP:
                gutters.append((start, x))
            start = None
    return gutters


def _split_columns(
    lines: list[TextLine], gutters: list[tuple[int, int]], m: _Metrics
) -> list[list[TextLine]]:
    """The lines of each column between the gutters; a line run across a gutter is cut there."""
    cols: list[list[TextLine]] = [[] for _ in range(len(gutters) + 1)]
    for ln in lines:
        rest: TextLine | None = ln
        for k, (g0, g1) in enumerate(gutters):
            if rest is None:
                break
            if rest.box.x1 <= (g0 + g1) / 2:
                cols[k].append(rest)
                rest = None
            elif rest.box.x0 < (g0 + g1) / 2:
                left, rest = _cut_line(rest, g0, g1)
                if left is not None:
                    cols[k].append(left)
        if rest is not None:
            cols[-1].append(rest)
    return [c for c in cols if c]


def _cut_line(ln: TextLine, g0: int, g1: int) -> tuple[TextLine | None, TextLine | None]:
    """A line that runs across the gutter [g0, g1) cut in two there: its characters share the
    box's width less the gutter, which holds none."""
    weights = [char_weight(ch) for ch in ln.text]
    room = max(1, ln.box.width - max(0, min(g1, ln.box.x1) - max(g0, ln.box.x0)))
    unit = room / max(1, sum(weights))
    left_room = max(0, g0 - ln.box.x0)
    n, used = 0, 0.0
    while n < len(weights) and used + weights[n] * unit / 2 <= left_room:
        used += weights[n] * unit
        n += 1
    head, tail = ln.text[:n].strip(), ln.text[n:].strip()
    b = ln.box
    left = TextLine(head, Box(b.x0, b.y0, min(b.x1, g0), b.y1), ln.score) if head else None
    right = TextLine(tail, Box(max(b.x0, g1), b.y0, b.x1, b.y1), ln.score) if tail else None
    return left, right


def _gaps(
    lines: list[TextLine], extent: Callable[[Box], tuple[int, int]], gap: float
) -> list[list[TextLine]]:
    """The lines split where their projections onto one axis (`extent`: a box's low and high
    coordinate on it) leave a gap wider than `gap`."""
    ordered = sorted(lines, key=lambda ln: extent(ln.box))
    parts: list[list[TextLine]] = [[ordered[0]]]
    reach = extent(ordered[0].box)[1]
    for ln in ordered[1:]:
        lo, hi = extent(ln.box)
        if lo - reach > gap:
            parts.append([])
        parts[-1].append(ln)
        reach = max(reach, hi)
    return parts


def _rows(lines: list[TextLine], m: _Metrics) -> list[_Row]:
    """A column's lines grouped into rows (vertical centres within half a line) top to bottom."""
    ordered = sorted(lines, key=lambda ln: (ln.box.y0 + ln.box.y1) / 2)
    rows: list[list[TextLine]] = []
    centre = -1e9
    for ln in ordered:
        c = (ln.box.y0 + ln.box.y1) / 2
        if rows and abs(c - centre) <= m.line_h / 2:
            rows[-1].append(ln)
        else:
            rows.append([ln])
            centre = c
    return [_Row(tuple(sorted(r, key=lambda ln: ln.box.x0))) for r in rows]


def _level(row: _Row, m: _Metrics) -> int:
    """The heading level of a row by the height of its longest piece: the detector pads a box of one
    or two characters (a line it broke after its first character) taller than a whole line's."""
    longest = max(row.pieces, key=lambda p: len(p.text))
    text = longest.text.strip()
    # the last characters of a paragraph, alone on a line, are boxed taller than they are; a
    # headline has more than two characters and never ends a sentence
    if len(text) < 3 or text[-1] in _SENTENCE_END:
        return 0
    ratio = longest.box.height / m.line_h
    return 1 if ratio >= HEADING[0] else 2 if ratio >= HEADING[1] else 0


class _Writer:
    """Builds the page text and its line runs as paragraphs are written."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.runs: list[LineRun] = []
        self.pos = 0

    def put(self, text: str, box: Box | None = None) -> None:
        if box is not None and text:
            self.runs.append(LineRun(self.pos, self.pos + len(text), box))
        self.parts.append(text)
        self.pos += len(text)


def _write(columns: list[list[_Row]], m: _Metrics, bands: int) -> PageLayout:
    w = _Writer()
    open_level: int | None = None  # the level of the paragraph being written; None: none open
    ended = True  # the last line written ended its paragraph (stopped short)
    for rows in columns:
        left = min(r.box.x0 for r in rows)
        right = max(r.box.x1 for r in rows)
        for row in rows:
            level = _level(row, m)
            box = row.box
            indented = box.x0 - left >= m.char_w * INDENT and len(rows) > 1
            new = open_level is None or level != open_level or (level == 0 and (indented or ended))
            if new:
                if open_level is not None:
                    w.put("\n\n")
                if level:
                    w.put("#" * level + " ")
            open_level = level
            _put_row(w, row, m)
            short = right - box.x1 >= m.char_w * SHORT
            # a lone row (a column of one line) is as wide as its column: only its end says
            ended = short or (len(rows) == 1 and level == 0 and row.pieces[-1].text[-1:] in "。！？”")
    if open_level is not None:
        w.put("\n")
    return PageLayout("".join(w.parts), BoxMap(w.runs), bands)


def _put_row(w: _Writer, row: _Row, m: _Metrics) -> None:
    prev: Box | None = None
    for piece in row.pieces:
        text = piece.text.strip()
        if prev is not None and piece.box.x0 - prev.x1 > m.char_w * SPACE:
            w.put(" ")
        w.put(text, piece.box)
        prev = piece.box
