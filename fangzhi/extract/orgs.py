"""Organisations named in a text, as printed: 国网衡阳供电公司, 市安全生产委员会.

A name ends in a head word that says what kind of body it is (委员会, 局, 公司 …: the lexicon)
and extends left over the words that say whose or which. The segmenter decides both edges:
- the head must end a word (宣传部, not the 部 of 部长) that is a noun, not a verb (举办) nor
  a noun that names no body (格局, 干部);
- leftwards, nominal words carry the name (nouns, places, abbreviations: 国网|衡阳|供电|公司),
  as do words the segmenter coined for syllables it does not know (市住|建局) and ordinals
  (市|第一|中学); an adjective or nominal verb may sit inside but never opens a name;
- once the name has reached a place or a level's own word (衡阳, 市委, 市), only more proper
  words extend it (中共|衡阳|市委; 会议研究|市人大 stops at 研究);
- anything else stops it: verbs, prepositions, particles, numbers and dates, and the words that
  say how widely rather than whose (全市, 各级, 有关 …).
What is left must be particular: a proper word or a level in it (市政府, 中国残联), or long
enough to name one body (安全生产委员会); a kind of body (公安局, 政府办公室) is not a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from fangzhi.lexicon import chars
from fangzhi.lexicon import orgs as lex

_HEAD = re.compile("|".join(map(re.escape, lex.SUFFIXES)))
_BREAK_CHARS = r"，。；：！？、,;:!?（）()“”‘’《》〈〉「」【】\s"
_NEXT_BREAK = re.compile(f"[{_BREAK_CHARS}]")
_LAST_BREAK = re.compile(f".*[{_BREAK_CHARS}]", re.S)
_ORDINAL = re.compile(r"第[一二三四五六七八九十百零〇\d]+")
_WINDOW = 40  # characters left of a head the segmenter reads: longer than any name

Token = tuple[str, str, int]  # word, tag, start


@dataclass(frozen=True, slots=True)
class OrgHit:
    name: str
    start: int
    end: int


def find_orgs(text: str) -> list[OrgHit]:
    """Each distinct organisation once, at its first mention, in order of first mention.

    A name inside a longer one at the same place gives way to it (衡阳市人民政府 inside
    衡阳市人民政府办公室) but counts where it is printed on its own.
    """
    # the run read last, by where its clause (or window) starts: heads come left to right and a
    # run's start never moves back, so no earlier run is asked for again (kept, all of them made
    # a page of one title printed thousands of times hold millions of tokens)
    tagged_at, run = -1, None
    spans: list[tuple[int, int]] = []
    for m in _HEAD.finditer(text):
        start, end = m.span()
        lo = max(0, start - _WINDOW)
        if last := _LAST_BREAK.match(text, lo, start):
            lo = last.end()
        if lo != tagged_at:
            tagged_at, run = lo, None
        if run is None or run[1][-1] < end:
            # to the clause's end, but never more than a window past the head: a clause that
            # never ends (OCR that lost its punctuation) would be read again for every head in it
            stop = min(len(text), end + _WINDOW)
            nxt = _NEXT_BREAK.search(text, end, stop)
            run = _tag(text, lo, nxt.start() if nxt else stop)
        tokens, ends = run
        span = _name_ending(tokens, end, ends.index(end) if end in ends else None)
        if span is not None:
            spans.append(span)
    return _distinct(text, spans)


def _tag(text: str, lo: int, hi: int) -> tuple[list[Token], list[int]]:
    """The tokens of text[lo:hi], and where each ends."""
    import rjieba

    tokens: list[Token] = []
    ends: list[int] = []
    for w, t in rjieba.tag(text[lo:hi]):
        tokens.append((w, t, lo))
        lo += len(w)
        ends.append(lo)
    return tokens, ends


def _name_ending(tokens: list[Token], end: int, k: int | None) -> tuple[int, int] | None:
    """The span of the name whose head ends at `end`, the end of token `k`, or None."""
    if k is None:
        return None  # the head is inside a longer word (部长, 委员)
    word, tag, _ = tokens[k]
    if word in lex.NOT_HEADS or not (tag in lex.NAME_TAGS or _coined(word)):
        return None
    start = _left_edge(tokens, k, end)
    words = [t for t in tokens[: k + 1] if t[2] + len(t[0]) > start]
    return (start, end) if _particular(words, start, end) else None


def _left_edge(tokens: list[Token], k: int, end: int) -> int:
    """Where the name starts: a token's start, or one past a conjunction the segmenter glued
    to the syllable after it (和衡|南县教育局)."""
    first = k
    proper_only = _anchors(tokens[k][0], tokens[k][1])
    for i in range(k - 1, -1, -1):
        word, tag, start = tokens[i]
        if end - start > lex.MAX_LEN or not _carries(word, tag, proper_only):
            if _coined(word) and word[0] in lex.FUNCTION_CHARS:
                return start + 1
            break
        first = i
        proper_only = proper_only or _anchors(word, tag)
    while first < k and tokens[first][1] in lex.BRIDGE_TAGS:
        first += 1  # 建设|区域经济中心: a verb and its object, not a name's opening
    return tokens[first][2]


def _anchors(word: str, tag: str) -> bool:
    """A place or a level's own word (衡阳, 市委, 市): what stands left of it is a larger place
    or a proper name, never a common word."""
    return tag == "ns" or _level_word(word)


def _level_word(word: str) -> bool:
    return word[0] in lex.LEVEL_PREFIXES and word[:2] not in lex.NOT_LEVEL_WORDS


def _carries(word: str, tag: str, proper_only: bool) -> bool:
    if word in lex.STOP_WORDS:
        return False
    if tag in lex.PROPER_TAGS or word.startswith(lex.NATIONAL_WORDS):
        return True
    if _coined(word):
        return word[0] not in lex.FUNCTION_CHARS  # 和衡: a conjunction glued to a syllable
    if proper_only:
        return False
    return tag in lex.NAME_TAGS or tag in lex.BRIDGE_TAGS or bool(_ORDINAL.fullmatch(word))


@lru_cache(maxsize=4096)
def _coined(word: str) -> bool:
    """A run of Chinese characters the segmenter joined without knowing the word (市住 of
    市住建局): most likely part of a proper name, whatever tag it guessed."""
    import rjieba

    return len(word) > 1 and bool(chars.HAN_RUN.fullmatch(word)) and not rjieba.has_word(word)


def _particular(words: list[Token], start: int, end: int) -> bool:
    """`words`: the tokens from the one `start` falls in to the head."""
    name = "".join(w for w, _, _ in words)[start - words[0][2] :]
    size = end - start
    if not lex.MIN_LEN <= size <= lex.MAX_LEN:
        return False
    if name.endswith(lex.NOT_ENDINGS) or name.startswith(lex.GENERIC_OPENINGS):
        return False
    qualified = _level_word(name) or name.startswith(lex.NATIONAL_WORDS)
    if len(words) == 1:  # one word: a known body's name (中国残联), a coinage (市卫健委)
        return qualified or (words[0][1] == "nt" and size >= 4) or _coined(name)
    qualified = qualified or any(t in lex.PROPER_TAGS for _, t, _ in words[:-1])
    if name.endswith(lex.WEAK_HEADS):
        return qualified
    return qualified or size >= lex.PLAIN_MIN_LEN


def _distinct(text: str, spans: list[tuple[int, int]]) -> list[OrgHit]:
    spans.sort(key=lambda s: (s[0], -s[1]))
    out: list[OrgHit] = []
    seen: set[str] = set()
    reach = -1
    for s, t in spans:
        if t <= reach:
            continue  # inside the longer name just kept
        reach = t
        name = text[s:t]
        if name not in seen:
            seen.add(name)
            out.append(OrgHit(name, s, t))
    return out
