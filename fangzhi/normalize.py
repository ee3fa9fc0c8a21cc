"""RawPage → Page: strip markup, fold widths, set page furniture aside, keep an offset map.

Only deletions and one-for-one replacements happen here, so every normalised character keeps
its place in the raw text (see offsets.py). Lines stay lines: deciding which line breaks are
column gaps needs the blocks around them and happens in blocks.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from fangzhi.lexicon import chars, layout, press
from fangzhi.model import Furniture, Line, Page, Problem, RawPage, Span
from fangzhi.offsets import OffsetBuilder

_HEADING = re.compile(r"(#{1,6})[ \t]*")
_BOLD = re.compile(r"\*\*|__")
_SPACE = " \t\u3000\xa0\r\f\v"
_STRAY_SPACE = re.compile(rf"(?<=[{chars.HAN}，。、；：])[ ]+(?=[{chars.HAN}])")
_HALF_PUNCT = re.compile(r"[,;:?!()]")
_CJK_CONTEXT = re.compile(rf"[{chars.HAN}，。、；：！？“”‘’（）《》]")
_CREDIT_LEAD = re.compile(
    r"^.{0,16}?(?:讯|电)\s*|^(?:" + "|".join(re.escape(r) for r in press.BYLINE_ROLES if len(r) > 1) + ")"
)


def normalize(raw: RawPage, *, t2s: bool = False) -> Page:
    text = raw.text
    if t2s:
        from fangzhi.script import to_simplified

        text = to_simplified(text)
    text = text.translate(chars.FULL_TO_ASCII)
    out = OffsetBuilder()
    lines: list[Line] = []
    furniture: list[Furniture] = []
    gap = 0
    for start, end in _raw_lines(text):
        piece = _strip_line(text, start, end)
        if piece is None:
            gap += 1
            continue
        a, b, level = piece
        if lines or furniture:
            out.keep("\n", start - 1)
        line, furn = _emit_line(text, a, b, level, gap, out)
        if line is not None:
            lines.append(line)
        furniture.extend(furn)
        gap = 0
    norm, offsets = out.build(len(raw.text))
    problems: tuple[Problem, ...] = ()
    if not lines:
        problems = (Problem("page.empty", "the page holds no text once furniture is set aside"),)
    return Page(raw, norm, offsets, tuple(lines), tuple(furniture), problems)


def _raw_lines(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            if pos < n:
                yield pos, n
            return
        yield pos, nl
        pos = nl + 1


def _strip_line(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """Trim white space and a markdown heading mark; None for a blank line."""
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    if start == end:
        return None
    level = 0
    m = _HEADING.match(text, start, end)
    if m:
        level = len(m.group(1))
        start = m.end()
    if start == end:
        return None
    return start, end, level


def _emit_line(
    text: str, a: int, b: int, level: int, gap: int, out: OffsetBuilder
) -> tuple[Line | None, list[Furniture]]:
    keep, marks_raw, bold = _kept_ranges(text, a, b)
    line_text = "".join(text[x:y] for x, y in keep)
    line_text = _fold_punctuation(line_text)
    begin = out.pos
    cursor = 0
    marks: list[int] = []
    for x, y in keep:
        marks.extend(begin + cursor for m in marks_raw if m == x)
        out.keep(line_text[cursor : cursor + (y - x)], x)
        cursor += y - x
    end = out.pos
    return _split_furniture(
        out_text=line_text,
        begin=begin,
        end=end,
        level=level,
        bold=bold,
        marks=tuple(sorted(set(marks))),
        gap=gap,
    )


def _kept_ranges(text: str, a: int, b: int) -> tuple[list[tuple[int, int]], list[int], bool]:
    """Raw ranges of the line that survive: bold marks, bullets and stray spaces go."""
    line = text[a:b]
    drop = [False] * len(line)
    bold_marks = list(_BOLD.finditer(line))
    for m in bold_marks:
        for i in range(m.start(), m.end()):
            drop[i] = True
    bold = bool(bold_marks) and line.startswith(("**", "__")) and line.endswith(("**", "__"))
    bullets: list[int] = []
    for i, ch in enumerate(line):
        if ch in chars.BULLETS:
            drop[i] = True
            bullets.append(i)
    _drop_stray_spaces(line, drop, bullets)
    keep: list[tuple[int, int]] = []
    mark_starts: list[int] = []
    i = 0
    n = len(line)
    while i < n:
        if drop[i]:
            i += 1
            continue
        j = i
        while j < n and not drop[j]:
            j += 1
        # trim spaces the deletions exposed at the line's edges
        x, y = i, j
        if not keep:
            while x < y and line[x] in _SPACE:
                x += 1
        if x < y:
            keep.append((a + x, a + y))
        i = j
    while keep and text[keep[-1][1] - 1] in _SPACE:
        x, y = keep[-1]
        while y > x and text[y - 1] in _SPACE:
            y -= 1
        if y > x:
            keep[-1] = (x, y)
        else:
            keep.pop()
    for bi in bullets:
        after = a + bi + 1
        for x, _y in keep:
            if x >= after:
                mark_starts.append(x)
                break
    return keep, mark_starts, bold


def _drop_stray_spaces(line: str, drop: list[bool], bullets: list[int]) -> None:
    """Spaces between Chinese characters of running prose are OCR noise.

    Spaces that separate names in a credit, phrases of a headline, or words inside brackets,
    quotes and titles are meaningful and stay.
    """
    if not ("。" in line or len(line) > 64):
        return  # head-like lines keep the spaces that separate their phrases
    protected_until = 0
    lead = _CREDIT_LEAD.match(line)
    if lead:
        rest = line[lead.end() :]
        credit = press.BRACKETED_CREDIT.match(rest) or press.BARE_CREDIT.match(rest)
        protected_until = lead.end() + (credit.end() if credit else 0)
    first_bullet = min(bullets) if bullets else len(line)
    depth = 0
    for i, ch in enumerate(line):
        if ch in chars.OPENERS:
            depth += 1
        elif ch in chars.CLOSERS_ALL:
            depth = max(depth - 1, 0)
        elif ch == " " and depth == 0 and protected_until <= i < first_bullet:
            m = _STRAY_SPACE.match(line, i)
            if m:
                for k in range(m.start(), m.end()):
                    drop[k] = True


def _fold_punctuation(line: str) -> str:
    """Half-width , ; : ? ! ( ) that stand in Chinese text become full width (one for one)."""
    if not _HALF_PUNCT.search(line):
        return line

    def fold(m: re.Match[str]) -> str:
        i = m.start()
        ch = m.group()
        before = line[i - 1] if i > 0 else ""
        after = line[i + 1] if i + 1 < len(line) else ""
        if ch in ",:" and before.isdigit() and after.isdigit():
            return ch  # 1,000 and 10:30
        near = line[max(0, i - 2) : i] + line[i + 1 : i + 3]
        return chars.TO_FULL_WIDTH[ch] if _CJK_CONTEXT.search(near) else ch

    return _HALF_PUNCT.sub(fold, line)


def _split_furniture(
    *, out_text: str, begin: int, end: int, level: int, bold: bool, marks: tuple[int, ...], gap: int
) -> tuple[Line | None, list[Furniture]]:
    if end <= begin:
        return None, []
    if layout.FURNITURE_LINE.match(out_text) and not level:
        return None, [Furniture("page-furniture", Span(begin, end))]
    m = layout.GLUED_PAPER.search(out_text)
    if m and m.start(1) > 0:
        cut = begin + m.start()
        furn = Furniture("paper-name", Span(begin + m.start(1), end))
        return Line(Span(begin, cut), level, bold, marks, gap), [furn]
    return Line(Span(begin, end), level, bold, marks, gap), []
