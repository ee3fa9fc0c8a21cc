"""Traditional to simplified Chinese, one character for one character.

Offsets into a page's text are reported to users, so conversion must never move a character:
`to_simplified` keeps the length and every position, giving up phrase context where OpenCC would not.
"""

from __future__ import annotations

import functools
import re
from typing import Protocol

_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_SAMPLE = 4000  # characters read to tell the script
_TRADITIONAL_SHARE = 0.1  # simplified pages still hold a few characters t2s changes (names, 乾 in 乾隆)


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@functools.lru_cache(maxsize=1)
def _converter() -> _Converter:
    """OpenCC's t2s converter, built on first use: loading its dictionaries costs time."""
    import opencc  # late: importing fangzhi.read.script must stay cheap

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


def to_simplified(text: str) -> str:
    """`text` in simplified characters, the same length, each character where it was.

    The whole text is converted at once for OpenCC's phrase context; when that changes the length,
    each line is converted alone, and a line that still changes length character by character.
    """
    converter = _converter()
    whole = _convert(converter, text)
    if whole is not None and len(whole) == len(text):
        return whole
    return "".join(_simplify_line(converter, line) for line in text.splitlines(keepends=True))


def is_mostly_traditional(text: str, threshold: float = _TRADITIONAL_SHARE) -> bool:
    """Whether more than `threshold` of the Chinese characters of `text` are traditional forms.

    A page is one script throughout, so its first few thousand characters decide.
    """
    sample = text[:_SAMPLE]
    simplified = to_simplified(sample)
    if simplified == sample:
        return False
    han = len(sample) - len(_HAN.sub("", sample))  # a count without a list of one-character strings
    if not han:
        return False  # what changed lies outside the common ideographs (compatibility forms)
    changed = sum(1 for a, b in zip(sample, simplified, strict=True) if a != b)
    return changed / han > threshold


def _simplify_line(converter: _Converter, line: str) -> str:
    converted = _convert(converter, line)
    if converted is not None and len(converted) == len(line):
        return converted
    return "".join(_simplify_char(converter, ch) for ch in line)


def _simplify_char(converter: _Converter, ch: str) -> str:
    converted = _convert(converter, ch)
    return converted if converted is not None and len(converted) == 1 else ch


def _convert(converter: _Converter, text: str) -> str | None:
    """OpenCC's conversion, or None when it cannot take the text (a lone surrogate has no UTF-8)."""
    try:
        return converter.convert(text)
    except UnicodeError:
        return None
