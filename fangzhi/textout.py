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
