"""Page text → a page image laid out as a newspaper prints it: for tests and benchmarks of the OCR
front end, which need scans whose every character is known.

The text is read as the seed pages hold it (one paragraph a line, `#`/`##` headings, `**bold**`);
the markup is not printed. Each run of headings opens a section: the headings centred across the
page, larger by level, and the paragraphs under them set in `columns` balanced columns, first lines
indented two characters, as Chinese papers set them. What a reader would read back is `source`:
the printed characters, one paragraph a line, in reading order.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

# Debian's fonts-wqy-zenhei: a CJK font found on a plain Debian system (fc-match asks first).
DEBIAN_CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
_HEADING = re.compile(r"^(#{1,6})\s*")
HEADING_SCALE = {1: 1.8, 2: 1.45}  # size of a heading of each level over the body's
_NO_LINE_START = frozenset("，。、；：！？）》」』”’,.;:!?)")


def cjk_font() -> Path | None:
    """A font that prints Chinese: fontconfig's choice for zh-cn, else Debian's WenQuanYi."""
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(
                ["fc-match", "-f", "%{file}", ":lang=zh-cn"], capture_output=True, text=True, timeout=10
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found.endswith((".ttc", ".ttf", ".otf")) and Path(found).is_file():
            return Path(found)
    return DEBIAN_CJK_FONT if DEBIAN_CJK_FONT.is_file() else None


# a row set on the page: its top and bottom, and what to draw (x, y, text, font)
_Placed = tuple[float, float, tuple[int, int, str, ImageFont.FreeTypeFont]]


@dataclass(frozen=True)
class Block:
    level: int  # 0 for a paragraph, else the heading level
    text: str  # as printed: markup gone


@dataclass(frozen=True)
class Rendered:
    image: Image.Image
    source: str  # the printed text in reading order, one block a line
    blocks: tuple[Block, ...]


def blocks_of(page_text: str) -> tuple[Block, ...]:
    out: list[Block] = []
    for line in page_text.splitlines():
        text = line.strip()
        m = _HEADING.match(text)
        level = len(m.group(1)) if m else 0
        text = text[m.end() :] if m else text
        text = text.replace("**", "").strip()
        if text:
            out.append(Block(min(level, 2), text))
    return tuple(out)


def render_page(page_text: str, *, columns: int = 3, size: int = 24, font: Path | None = None) -> Rendered:
    """The page set in `columns` columns of body type `size` pixels high, on white."""
    path = font or cjk_font()
    if path is None:
        raise FileNotFoundError("no CJK font: install Debian's fonts-wqy-zenhei")
    blocks = blocks_of(page_text)
    setter = _Setter(path, size, columns)
    rows = setter.set(blocks)
    # the longest column's foot, not the last row set: that is the foot of the last, shortest column
    height = max(r[1] for r in rows) + setter.margin if rows else 2 * setter.margin
    image = Image.new("L", (setter.width, int(height)), 255)
    draw = ImageDraw.Draw(image)
    for x, y, text, face in (r[2] for r in rows):
        draw.text((x, y), text, font=face, fill=0)
    return Rendered(image, "\n".join(b.text for b in blocks), blocks)


class _Setter:
    """Sets blocks into rows of (top, bottom, (x, y, text, font)) down the page."""

    def __init__(self, path: Path, size: int, columns: int) -> None:
        self.size = size
        self.columns = columns
        self.body = ImageFont.truetype(str(path), size)
        self.heads = {lv: ImageFont.truetype(str(path), round(size * s)) for lv, s in HEADING_SCALE.items()}
        self.col_width = size * {2: 30, 3: 22}.get(columns, 18)
        self.gutter = size * 2  # wide: a narrow gutter lets the detector join lines across columns
        self.margin = size * 2
        self.leading = round(size * 1.6)
        self.width = 2 * self.margin + columns * self.col_width + (columns - 1) * self.gutter

    def set(self, blocks: tuple[Block, ...]) -> list[_Placed]:
        rows: list[_Placed] = []
        y = float(self.margin)
        body: list[str] = []
        i = 0
        while i <= len(blocks):
            b = blocks[i] if i < len(blocks) else None
            if b is None or b.level:
                y = self._columns(body, y, rows)
                body = []
            if b is None:
                break
            if b.level:
                y = self._heading(b, y, rows)
            else:
                body.append(b.text)
            i += 1
        return rows

    def _heading(self, b: Block, y: float, rows: list[_Placed]) -> float:
        face = self.heads[b.level]
        inner = self.width - 2 * self.margin
        height = face.size
        y += self.size  # headlines stand clear of the text around them, as papers set them
        for line in _wrap(b.text, face, inner):
            x = self.margin + (inner - face.getlength(line)) / 2
            rows.append((y, y + height, (round(x), round(y), line, face)))
            y += height * 1.35
        return y + self.size

    def _columns(self, paragraphs: list[str], y: float, rows: list[_Placed]) -> float:
        lines: list[tuple[int, str]] = []  # (indent, text)
        indent = round(self.body.getlength("\u3000\u3000"))
        for p in paragraphs:
            for k, line in enumerate(_wrap(p, self.body, self.col_width, first_indent=indent)):
                lines.append((indent if k == 0 else 0, line))
        if not lines:
            return y
        per = -(-len(lines) // self.columns)
        bottom = y
        for c in range(self.columns):
            x0 = self.margin + c * (self.col_width + self.gutter)
            for r, (ind, line) in enumerate(lines[c * per : (c + 1) * per]):
                top = y + r * self.leading
                rows.append((top, top + self.size, (x0 + ind, round(top), line, self.body)))
                bottom = max(bottom, top + self.leading)
        return bottom + self.size * 0.6


def _wrap(text: str, face: ImageFont.FreeTypeFont, width: float, first_indent: int = 0) -> list[str]:
    """Lines of at most `width` pixels, broken between any two characters (as Chinese is set),
    except that closing punctuation never starts a line: it hangs at the end of the line before."""
    lines: list[str] = []
    line = ""
    room = width - first_indent
    for ch in text:
        if line and ch not in _NO_LINE_START and face.getlength(line + ch) > room:
            lines.append(line)
            line, room = "", width
        line += ch
    if line:
        lines.append(line)
    return lines
