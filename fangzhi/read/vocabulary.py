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
import sys
from array import array
from collections.abc import Iterable
from itertools import chain, compress, filterfalse, islice, pairwise
from operator import is_
from pathlib import Path
from typing import Any, cast

import numpy as np

from fangzhi.lexicon import chars
from fangzhi.model import Block

SIMILARITY_CHARS = 80  # a block's opening words carry its vocabulary
COMMON_SHARE = 0.15  # a bigram printed in more than this share of a page's blocks (and 3) is common

Words = frozenset[int]


@functools.cache
def _codes_table() -> tuple[int, ...]:
    """One int object per 16-bit code, shared by every set of every page."""
    return tuple(range(1 << 16))


@functools.cache
def _codes_objects() -> np.ndarray[Any, np.dtype[np.object_]]:
    """_codes_table's int objects in an array, which a page's codes index all at once."""
    return np.array(_codes_table(), dtype=object)


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
        # each block's distinct codes, those of words many blocks print apart (see _page_codes)
        self.codes, self.shared = _page_codes(blocks, int(max(3, COMMON_SHARE * len(blocks))))

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


@functools.cache
def _generic_mask() -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Whether each 16-bit code is a generic word's, as one lookup table for the whole page."""
    mask = np.zeros(1 << 16, dtype=np.bool_)
    mask[sorted(generic_codes())] = True
    return mask


def _page_codes(blocks: tuple[Block, ...], limit: int) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """For each block, the distinct non-generic codes of its opening bigrams (as _codes reads them),
    less those printed in more than `limit` blocks, and beside them those it holds; each as the
    shared int objects of _codes_table (8 bytes a code), ascending.

    Read for the whole page in one pass of array operations, where a pass per block made a set of
    every block's codes a code at a time. The arrays are of the narrowest type and let go as soon
    as read: this runs near a parse's peak memory."""
    n = len(blocks)
    if n >= 1 << 16:  # more blocks than a 16-bit block number holds: block by block
        return _page_codes_by_block(blocks, limit)
    code, owner = _opening_codes(blocks)
    held = _in_many(code, limit)
    bounds = np.arange(n + 1)
    own_at = np.searchsorted(owner[~held], bounds).tolist()
    held_at = np.searchsorted(owner[held], bounds).tolist()
    # the codes as the table's int objects, looked up for the whole page at once in C (no int
    # object made for a code: 8 bytes a code), then cut into each block's
    table = _codes_objects()
    own, shared = table[code[~held]].tolist(), table[code[held]].tolist()
    del code, owner, held
    return [tuple(own[a:b]) for a, b in pairwise(own_at)], [tuple(shared[a:b]) for a, b in pairwise(held_at)]


_Codes = np.ndarray[Any, np.dtype[np.uint16]]


def _opening_codes(blocks: tuple[Block, ...]) -> tuple[_Codes, _Codes]:
    """The distinct non-generic codes of each block's opening bigrams and the block of each, in
    the order of block and code: the blocks' openings read as one UTF-16 text, a code the low
    bytes of two Han characters next to each other among the first SIMILARITY_CHARS Han
    characters of a block's first 2·SIMILARITY_CHARS characters (as _codes reads one block)."""
    text = bytearray()  # grown a block at a time: no list of the pieces beside their join
    sizes = []
    for b in blocks:
        piece = b.text[: SIMILARITY_CHARS * 2].encode("utf-16-le")
        text += piece
        sizes.append(len(piece) >> 1)
    units = np.frombuffer(text, dtype="<u2")
    han = (units >= 0x4E00) & (units <= 0x9FFF)
    owner = np.repeat(np.arange(len(blocks), dtype=np.uint16), sizes)[han]
    units = units[han]
    del han
    kept = np.ones(len(units), dtype=np.bool_)  # a block's Han characters stand together
    start = 0
    for count in np.bincount(owner, minlength=len(blocks)).tolist():
        if count > SIMILARITY_CHARS:
            kept[start + SIMILARITY_CHARS : start + count] = False
        start += count
    low, owner = units[kept], owner[kept]
    del units, kept, text
    low &= 0xFF
    # a pair's code as _codes reads it: the two low bytes as one native 16-bit number
    little = sys.byteorder == "little"
    code = (low[1:] if little else low[:-1]) << 8
    code |= low[:-1] if little else low[1:]
    del low
    keep = owner[:-1] == owner[1:]
    keep &= ~_generic_mask()[code]
    keys = owner[:-1][keep].astype(np.uint32)
    keys <<= 16
    keys |= code[keep]
    del code, owner, keep
    keys.sort()
    if len(keys):
        keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]  # a block holds a code once
    return (keys & 0xFFFF).astype(np.uint16), (keys >> 16).astype(np.uint16)


def _in_many(code: _Codes, limit: int) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Whether each code (each block's distinct codes) is printed in more than `limit` blocks: such
    a code stands at some i and again at i + limit in them all sorted."""
    ranked = np.sort(code)
    later = ranked[limit:]
    common = np.unique(later[later == ranked[: len(later)]])
    del ranked, later
    if not len(common):
        return np.zeros(len(code), dtype=np.bool_)
    held: np.ndarray[Any, np.dtype[np.bool_]] = (
        common[np.minimum(np.searchsorted(common, code), len(common) - 1)] == code
    )
    return held


def _page_codes_by_block(
    blocks: tuple[Block, ...], limit: int
) -> tuple[list[tuple[int, ...]], list[tuple[int, ...]]]:
    """_page_codes for a page of more blocks than its keys hold, one block at a time."""
    table = _kept_codes_table()
    codes = [_codes(b.text, table) for b in blocks]
    ranked = sorted(chain.from_iterable(codes))
    common = frozenset(compress(ranked, map(is_, ranked, islice(ranked, limit, None))))
    del ranked
    own: list[tuple[int, ...]] = []
    shared: list[tuple[int, ...]] = []
    for cs in codes:
        held = common.intersection(cs)
        own.append(tuple(filterfalse(held.__contains__, cs)) if held else cs)
        shared.append(tuple(held))
    return own, shared
