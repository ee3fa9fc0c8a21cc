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
import importlib.util
import math
import re
from array import array
from collections.abc import Iterable
from itertools import chain, compress, filterfalse, islice
from operator import is_
from pathlib import Path
from typing import cast

from fangzhi.lexicon import chars
from fangzhi.model import Block

SIMILARITY_CHARS = 80  # a block's opening words carry its vocabulary
COMMON_SHARE = 0.15  # a bigram printed in more than this share of a page's blocks (and 3) is common

Words = frozenset[int]


@functools.cache
def _codes_table() -> tuple[int, ...]:
    """One int object per 16-bit code, shared by every set of every page."""
    return tuple(range(1 << 16))


_TWO_CHAR_IDF = re.compile(r"^(\S\S) ([0-6]\.\d+)$", re.M)  # below 7 (GENERIC_IDF) by its first digit
GENERIC_IDF = 7.0  # a two-character word this common in general Chinese text says nothing of whose


# The organs whose officials every report of a place names, with their titles (市委组织部部长).
_ORGANS = (
    "委",
    "委组织部",
    "委宣传部",
    "委统战部",
    "委政法委",
    "纪委",
    "监委",
    "委办公室",
    "政府",
    "政府办公室",
    "人大",
    "人大常委会",
    "政协",
    "人民法院",
    "人民检察院",
    "发展改革委",
    "财政局",
    "公安局",
)


@functools.cache
def generic_codes() -> frozenset[int]:
    """Codes of words any report of local government prints: officials' titles with the level
    that holds them (县委常委, 副县长, 组织部部长), and the two-character words of general text
    with a low inverse document frequency (会议, 工作, 参加) in the table jieba ships. Sharing
    them says nothing about two paragraphs being one report; names and places say much."""
    from fangzhi.lexicon.posts import TITLES

    words = [lvl + t for lvl in "省市州县区镇乡" for t in (*TITLES, *_ORGANS)]
    words += ["委" + t for t in TITLES] + [o + t for o in _ORGANS for t in TITLES]
    # found, not imported: importing jieba.analyse loads all of jieba
    spec = importlib.util.find_spec("jieba")
    assert spec is not None and spec.submodule_search_locations
    idf = (Path(spec.submodule_search_locations[0]) / "analyse" / "idf.txt").read_text(encoding="utf-8")
    # two-character words only: their lines read "词语 7.25"
    words += [m[0] for m in _TWO_CHAR_IDF.findall(idf) if float(m[1]) < GENERIC_IDF]
    table = _codes_table()
    return frozenset(c for w in words for k in range(len(w) - 1) for c in _codes(w[k : k + 2], table))


@functools.cache
def _kept_codes_table() -> tuple[int | None, ...]:
    """The shared int of each code a block's words keep, None for a generic one: reading a
    block's codes drops the generic ones in the same step that shares their ints."""
    generic = generic_codes()
    return tuple(None if c in generic else c for c in _codes_table())


class PageVocabulary:
    def __init__(self, blocks: tuple[Block, ...]) -> None:
        table = _kept_codes_table()
        codes = [_codes(b.text, table) for b in blocks]
        # a code in more than `limit` blocks (a block holds a code once): in the sorted codes of
        # all blocks it stands at some i and again at i + limit, the same shared int object. A
        # list of those ints, where a Counter's table, grown while counting, made the largest
        # part of a parse's peak memory
        limit = int(max(3, COMMON_SHARE * len(blocks)))
        ranked = sorted(chain.from_iterable(codes))
        common = frozenset(compress(ranked, map(is_, ranked, islice(ranked, limit, None))))
        del ranked
        # kept as tuples of shared ints: 8 bytes a code, a set only while a comparison needs it;
        # beside them the few common ones each block holds, for a stretch's words with them (a
        # second copy of every code made a tenth of a parse's peak memory)
        self.codes: list[tuple[int, ...]] = []
        self.shared: list[tuple[int, ...]] = []
        for cs in codes:
            held = common.intersection(cs)
            # a block's codes are distinct already, so filtering them needs no set of their own
            self.codes.append(tuple(filterfalse(held.__contains__, cs)) if held else cs)
            self.shared.append(tuple(held))

    def words(self, i: int) -> Words:
        """Block i's words, as a set made now (the page keeps only the compact codes)."""
        return frozenset(self.codes[i])

    def of(self, idx: Iterable[int], limit: int = 2, *, with_common: bool = False) -> Words:
        """The words of the blocks (the first `limit` of them: a stretch's opening words), with
        `with_common` those the page prints in many blocks too."""
        codes, shared = self.codes, self.shared
        if with_common:
            return frozenset(chain.from_iterable(chain(codes[i], shared[i]) for i in islice(idx, limit)))
        return frozenset(chain.from_iterable(codes[i] for i in islice(idx, limit)))


def overlap(a: Words | set[int], b: Words | set[int]) -> float:
    """Shared words over the geometric mean of the two sets' sizes (a cosine of 0/1 vectors)."""
    shared = len(a & b)
    return shared / math.sqrt(len(a) * len(b)) if shared else 0.0


def _codes(text: str, table: tuple[int | None, ...]) -> tuple[int, ...]:
    """The distinct codes of the text's opening bigrams, less those `table` maps to None: each
    character by the low byte of its code point, each pair by the two bytes, the pairs starting at
    even and at odd positions read as 16-bit numbers in C (deterministic, unlike str's salted hash)."""
    # the Han runs joined: the same text as deleting the rest, with one match a run, not a gap
    han = "".join(chars.HAN_RUN.findall(text, 0, SIMILARITY_CHARS * 2))[:SIMILARITY_CHARS]
    low = han.encode("utf-16-le")[0::2]
    # shared int objects (8 bytes a code), looked up as they are read: one pass, all in C
    found = set(map(table.__getitem__, array("H", low[: len(low) // 2 * 2])))
    found.update(map(table.__getitem__, array("H", low[1 : 1 + (len(low) - 1) // 2 * 2])))
    found.discard(None)
    return cast("tuple[int, ...]", tuple(found))
