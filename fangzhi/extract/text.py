"""ArticleText: an article's fields as one string, with a map back to page spans.

Extractors are pure functions over a string; they report character offsets into it, and
`ArticleText.spans` turns those into spans of the page's normalised text.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from dataclasses import dataclass

from fangzhi.model import Article, Block, Span
from fangzhi.read.assemble import sub_spans

FIELDS = ("kicker", "headline", "subtitle")


@dataclass(frozen=True)
class Piece:
    start: int  # offset in ArticleText.text
    block: Block
    field: str


@dataclass(frozen=True)
class ArticleText:
    """The head lines, then each body paragraph, one per line."""

    text: str
    pieces: tuple[Piece, ...]
    body_start: int  # where the body begins in `text`
    starts: tuple[int, ...] = ()  # each piece's start, for bisection
    # each piece's end, and for a piece printed as one span the shift from offsets in `text` to
    # page offsets (None for a piece of several spans): spans() asks thousands of times a page
    ends: tuple[int, ...] = dataclasses.field(init=False, repr=False, compare=False)
    shifts: tuple[int | None, ...] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ends", tuple(p.start + len(p.block.text) for p in self.pieces))
        shifts = tuple(
            p.block.spans[0].start - p.start if len(p.block.spans) == 1 else None for p in self.pieces
        )
        object.__setattr__(self, "shifts", shifts)

    @classmethod
    def of(cls, article: Article) -> ArticleText:
        parts: list[str] = []
        pieces: list[Piece] = []
        pos = 0
        blocks: list[tuple[str, Block]] = [(f, b) for f in FIELDS if (b := getattr(article, f)) is not None]
        body_start = -1
        for field, block in [*blocks, *(("body", b) for b in article.body)]:
            if field == "body" and body_start < 0:
                body_start = pos  # (0 for an article printed without a head)
            pieces.append(Piece(pos, block, field))
            parts.append(block.text)
            pos += len(block.text) + 1
        body_start = max(body_start, 0)  # a head without a body is read as one
        return cls("\n".join(parts), tuple(pieces), body_start, tuple(p.start for p in pieces))

    def spans(self, start: int, end: int) -> tuple[Span, ...]:
        """Page spans of text[start:end] (a range may cross pieces; the newlines between map nowhere)."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        shift = self.shifts[first]
        if shift is not None and end <= self.ends[first]:  # one span, one piece: a shift
            return (Span(shift + start, shift + end),) if start < end else ()
        out: list[Span] = []
        for p in self.pieces[first:]:
            if p.start >= end:
                break
            lo, hi = max(start, p.start), min(end, p.start + len(p.block.text))
            if lo < hi:
                out.extend(sub_spans(p.block, lo - p.start, hi - p.start))
        return tuple(out)

    def field_at(self, pos: int) -> str:
        for p in reversed(self.pieces):
            if p.start <= pos:
                return p.field
        return "body"
