"""Writing text to a path or to an open stream: the exports, the chronicle and the network share it."""

from __future__ import annotations

import os
from typing import TextIO


def write_text(out: str | os.PathLike[str] | TextIO, text: str) -> None:
    if isinstance(out, str | os.PathLike):
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        out.write(text)


def display_width(text: str) -> int:
    """Columns a terminal gives `text`: two for a wide (CJK) character, none for a combining one."""
    import unicodedata

    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
        for c in text
    )


def table(headers: list[str], rows: list[list[str]]) -> str:
    """Rows under their headers in columns aligned by display width (Han characters take two
    columns), the last column left ragged."""
    widths = [display_width(h) for h in headers]
    for r in rows:
        for k, cell in enumerate(r[:-1]):
            widths[k] = max(widths[k], display_width(cell))

    def line(cells: list[str]) -> str:
        padded = [c + " " * (widths[k] - display_width(c)) for k, c in enumerate(cells[:-1])]
        return "  ".join([*padded, cells[-1]]).rstrip()

    return "\n".join([line(headers), *(line(r) for r in rows)])
