"""Traditional to simplified Chinese, one character for one character.

Offsets into a page's text are reported to users, so conversion must never move a character:
`to_simplified` keeps the length and every position, giving up phrase context where OpenCC would not.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import numpy as np

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
    han, convertible = _counts(sample)
    if not han or convertible / han <= threshold:
        # too few characters t2s could change to make the share, however it reads them: a
        # simplified page is told so without converting it
        return False
    simplified = to_simplified(sample)
    if simplified == sample:
        return False
    changed = sum(1 for a, b in zip(sample, simplified, strict=True) if a != b)
    return changed / han > threshold


# Characters t2s changes only inside a word of its phrase table (覆 in 答覆 → 答复, 沈 in 深沈 →
# 深沉, 坏 in 毛坏 → 毛坯), none of them converted on its own; tests/test_script.py checks the list
# against OpenCC's own tables.
PHRASE_ONLY = "么俱哩坏彷沈甦瞭藉衹覆"


def _counts(text: str) -> tuple[int, int]:
    """The text's Han characters (U+3400–U+9FFF, U+F900–U+FAFF) and its UTF-16 units that t2s
    may change (see _unit_classes), at least as many as the characters it changes: both counted
    over the text's UTF-16 units at once, where the conversion looks every character up in three
    tables."""
    import numpy as np  # late: importing fangzhi.read.script must stay cheap

    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype="<u2")
    _neither, han, convertible, both = np.bincount(_unit_classes()[units], minlength=4).tolist()
    return han + both, convertible + both


_HAN_UNIT, _CONVERTIBLE_UNIT = 1, 2  # the bits of a unit's class


@functools.lru_cache(maxsize=1)
def _unit_classes() -> np.ndarray[Any, np.dtype[np.uint8]]:
    """For each UTF-16 unit, whether it is a Han character's (_HAN_UNIT) and whether t2s may change
    the character where it stands (_CONVERTIBLE_UNIT): a BMP character OpenCC converts on its own
    (each asked once, all in one conversion, a line break after each), one of PHRASE_ONLY, or half
    of a pair (a character past the BMP, counted twice). A conversion that does not keep the
    characters in place marks every unit: every text is then converted, as before this table."""
    import numpy as np

    classes = np.zeros(1 << 16, dtype=np.uint8)
    classes[0x3400:0xA000] = classes[0xF900:0xFB00] = _HAN_UNIT
    asked = np.array([c for c in range(0x20, 1 << 16) if not 0xD800 <= c < 0xE000], dtype=np.uint32)
    text = "\n".join(map(chr, asked.tolist()))
    converted = _convert(_converter(), text)
    points = np.frombuffer((converted or "").encode("utf-32-le", "surrogatepass"), dtype="<u4")
    if converted is None or len(converted) != len(text) or (points[1::2] != ord("\n")).any():
        # a character became more or fewer, or none could be read: the breaks no longer part them
        classes |= _CONVERTIBLE_UNIT
        return classes
    classes[asked[points[::2] != asked]] |= _CONVERTIBLE_UNIT
    classes[[ord(c) for c in PHRASE_ONLY]] |= _CONVERTIBLE_UNIT
    classes[0xD800:0xE000] |= _CONVERTIBLE_UNIT
    return classes


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
