"""How much two stretches of a page share in words, weighed by how rare the words are on the page.

Words every article of a page uses (the city's name, the paper's set phrases, the leaders named
everywhere) say little about which article a paragraph belongs to; words that only two stretches
share say much. A page's vocabulary counts, for each Han bigram, how many of its blocks use it.
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import islice, pairwise

from fangzhi.model import Block

SIMILARITY_CHARS = 400


class PageVocabulary:
    """How many of a page's blocks use each Han bigram: words every article of the page uses (the
    city's name, the paper's set phrases) say little about which article a paragraph is from."""

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self.df: Counter[str] = Counter()
        for b in blocks:
            self.df.update(set(_grams(b.text)))
        self.n = max(len(blocks), 1)

    def similarity(self, a: str, b: str) -> float:
        """Cosine of the two texts' bigram counts, each weighed by its rarity on the page."""
        va, vb = self._vector(a), self._vector(b)
        dot = sum(w * vb.get(g, 0.0) for g, w in va.items())
        na = math.sqrt(sum(w * w for w in va.values()))
        nb = math.sqrt(sum(w * w for w in vb.values()))
        return dot / (na * nb) if na and nb else 0.0

    def _vector(self, text: str) -> dict[str, float]:
        tf = Counter(_grams(text))
        return {g: math.log1p(c) * math.log(1 + self.n / self.df.get(g, 1)) for g, c in tf.items()}


def _grams(text: str) -> list[str]:
    han = [c for c in text[: SIMILARITY_CHARS * 2] if "\u4e00" <= c <= "\u9fff"]
    return [a + b for a, b in islice(pairwise(han), SIMILARITY_CHARS)]
