"""How much two stretches of a page share in words, leaving out the words the whole page uses.

Words every article of a page uses (the city's name, the paper's set phrases, the leaders named
everywhere) say little about which article a paragraph belongs to; words that few blocks share
say much. A page's vocabulary keeps, for each block, the codes of the Han bigrams of its opening
words less those printed in many blocks of the page: a bigram's code is its two characters' low
bytes, read in C. A block keeps its codes as a tuple of shared int objects; a set of them is made
when a comparison needs one.
"""

from __future__ import annotations

import functools
import math
import re
from array import array
from collections.abc import Iterable
from itertools import chain, islice

from fangzhi.model import Block

SIMILARITY_CHARS = 80  # a block's opening words carry its vocabulary
COMMON_SHARE = 0.15  # a bigram printed in more than this share of a page's blocks (and 3) is common
_NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")

Words = frozenset[int]


@functools.cache
def _codes_table() -> tuple[int, ...]:
    """One int object per 16-bit code, shared by every set of every page."""
    return tuple(range(1 << 16))


class PageVocabulary:
    def __init__(self, blocks: tuple[Block, ...]) -> None:
        table = _codes_table()
        codes = [tuple(_codes(b.text, table)) for b in blocks]  # each set freed once read
        # a code in more than `limit` blocks: in the sorted codes of all blocks (a block holds a
        # code once) it is still there `limit` places on
        every = sorted(chain.from_iterable(codes))
        step = int(max(3, COMMON_SHARE * len(blocks))) + 1
        common = {every[i] for i in range(len(every) - step + 1) if every[i] == every[i + step - 1]}
        # kept as tuples of shared ints: 8 bytes a code, a set only while a comparison needs it
        self.codes: list[tuple[int, ...]] = (
            [tuple(set(cs).difference(common)) for cs in codes] if common else codes
        )

    def words(self, i: int) -> Words:
        """Block i's words, as a set made now (the page keeps only the compact codes)."""
        return frozenset(self.codes[i])

    def of(self, idx: Iterable[int], limit: int = 2) -> Words:
        """The words of the blocks (the first `limit` of them: a stretch's opening words)."""
        return frozenset(chain.from_iterable(self.codes[i] for i in islice(idx, limit)))


def overlap(a: Words | set[int], b: Words | set[int]) -> float:
    """Shared words over the geometric mean of the two sets' sizes (a cosine of 0/1 vectors)."""
    shared = len(a & b)
    return shared / math.sqrt(len(a) * len(b)) if shared else 0.0


def _codes(text: str, table: tuple[int, ...]) -> Words:
    """The distinct codes of the text's opening bigrams: each character by the low byte of its
    code point, each pair by the two bytes, the pairs starting at even and at odd positions read
    as 16-bit numbers in C (deterministic, unlike str's salted hash)."""
    han = _NOT_HAN.sub("", text[: SIMILARITY_CHARS * 2])[:SIMILARITY_CHARS]
    low = han.encode("utf-16-le")[0::2]
    evens = array("H", low[: len(low) // 2 * 2])
    odds = array("H", low[1 : 1 + (len(low) - 1) // 2 * 2])
    return frozenset(map(table.__getitem__, chain(evens, odds)))
