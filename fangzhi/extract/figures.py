"""Figures in a text: a number, its unit, what it measures and how it stands.

规模工业增加值增长7.2%     -> 7.2 %    measure 规模工业增加值, qualifier 增长
产值近400亿元              -> 400 亿元 measure 产值, qualifier 近
全市已有225家输变电产业集群企业 -> 225 家 measure 输变电产业集群企业 (what is counted follows)
组织十余场招聘会            -> 10 余场  measure 招聘会

A number is Arabic (1,234.5) or Chinese (一百二十万, 三成, 两个); a range gives its first number
(10—15%, 七八个). It is a figure only with a unit from the lexicon (or a multiplier: 1.5万), so
dates (2023年, 11月17日), times and telephone numbers, which carry none, fall away; ordinals
(第三届, 第15次), session numbers (十二届五次), vague counts (数十家) and numbered slogans
(两个确立) are skipped, as is 一 before a classifier (一个, 一次: an article, not a count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from fangzhi.lexicon import units as lex
from fangzhi.patterns import compile_scanning

_CN_DIGIT = "一二两三四五六七八九"
_CN_BODY = "零〇一二两三四五六七八九十百千万亿"
_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# a Chinese numeral never ends in 万/亿 here: those are read as the multiplier (一百二十|万份)
_CHINESE = (
    rf"零点[零〇{_CN_DIGIT}]+"
    rf"|[{_CN_DIGIT}十](?:[{_CN_BODY}]*[零〇{_CN_DIGIT}十百千])?(?:点[零〇{_CN_DIGIT}]+)?"
)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


_FIGURE = compile_scanning(
    rf"(?P<pct>百分之)?(?P<num>{_ARABIC}|{_CHINESE})"
    rf"(?:\s*[—–\-~～至到]\s*(?:{_ARABIC}|{_CHINESE}))?"
    rf"(?P<mult>{_alternation(lex.MULTIPLIERS)})?"
    rf"(?P<approx>{_alternation(lex.APPROXIMATE)})?"
    rf"(?P<unit>{_alternation(lex.UNITS)})?"
)
_POST = re.compile(_alternation(lex.POST_QUALIFIERS))
_BREAK = re.compile(r"[，。；：！？、,;:!?（）()“”‘’《》「」【】\s]")
_LAST_BREAK = re.compile(r".*[，。；：！？、,;:!?（）()“”‘’《》「」【】\s]", re.S)
_CODE_CHAR = re.compile(r"[A-Za-z0-9.\-/_]")
_WINDOW = 16  # characters either side the segmenter reads for the measure
_QUOTE = 12  # the longest quotation a figure is read as part of (a slogan, a title)
_MAX_MEASURE_TOKENS = 4

# Segmenter tags of a measure's words: nouns, abbreviations, nominal verbs (增加值, 投资), idioms
# used as nouns (输变电 l), distinguishing words (规上 b).
_MEASURE_TAGS = frozenset({"n", "nz", "nt", "ng", "j", "vn", "an", "l", "b", "eng"})
_NOUN_TAGS = frozenset({"n", "nz", "nt", "ng", "j", "l", "eng"})


@dataclass(frozen=True, slots=True)
class FigureHit:
    text: str  # the number through its unit, as printed: 400亿元, 十余场, 百分之三十
    start: int
    end: int
    value: float
    unit: str | None  # as printed with its multiplier and approximation: 亿元, 余场, %
    measure: str | None = None  # what it measures or counts
    qualifier: str | None = None  # 近, 增长, 同比增长, 以上 …


def find_figures(text: str) -> list[FigureHit]:
    """Every figure in `text`, in order."""
    out: list[FigureHit] = []
    pos = 0
    while (m := _FIGURE.search(text, pos)) is not None:
        # a number with no unit, multiplier nor 百分之 is no figure (most are: 一些, 2023年)
        hit = _figure(text, m) if m.group("unit", "mult", "pct") != (None, None, None) else None
        if hit is not None:
            out.append(hit)
            pos = hit.end
        elif m.group("num")[0].isdigit():
            pos = m.end()
        else:
            pos = m.start() + 1  # 十二届五次: the 五次 inside is judged on its own
    return out


def _figure(text: str, m: re.Match[str]) -> FigureHit | None:
    s = m.start()
    num, mult, approx = m.group("num"), m.group("mult") or "", m.group("approx") or ""
    unit = m.group("unit") or ""
    if unit and text.startswith(lex.NOT_UNITS, m.start("unit")):
        unit = ""  # 12部门, 70周年
    pct = bool(m.group("pct"))
    if not (unit or mult or pct) or _skipped(text, s, num, mult + unit):
        return None
    value = _value(num, mult)
    if value is None:
        return None
    end = m.end("num")
    for group, present in (("mult", mult), ("approx", approx), ("unit", unit)):
        if present:
            end = m.end(group)
    if _quoted(text, s, end):
        return None  # “四个最严”, “14条优势产业链”: a slogan's numeral
    before = _tokens(text, _clause_start(text, s), s)
    if unit == lex.SESSION_UNIT and any(lex.SESSION_MARK in w for w, _, _ in before[-3:]):
        return None  # 十六届人大三次会议
    qualifier, i = _qualifier(text, before)
    post = _POST.match(text, end)
    measure = _measure_after(text, post.end() if post else end) or _measure_before(text, before[:i])
    if qualifier is None and post:
        qualifier = post.group()
    printed = "%" if pct else mult + approx + unit
    return FigureHit(text[s:end], s, end, value, printed, measure, qualifier)


def _skipped(text: str, s: int, num: str, unit: str) -> bool:
    """Ordinals, sessions, vague counts, codes, slogans, and 一 as an article (一个, not 一万人
    nor 一成)."""
    before = text[s - 1] if s else ""
    if before in lex.NOT_BEFORE or (before and _CODE_CHAR.match(before)):
        return True
    if num == "一" and unit[:1] not in ("万", "亿", "成", "倍"):
        return True
    return text.startswith(lex.SLOGANS, s)


def _quoted(text: str, s: int, end: int) -> bool:
    """Inside a short quotation: “四个最严”, “原地倍增13条”."""
    opening = text.rfind("“", max(0, s - _QUOTE), s)
    if opening < 0 or "”" in text[opening:s]:
        return False
    return "”" in text[end : end + _QUOTE]


def _value(num: str, mult: str) -> float | None:
    if num[0].isdigit():
        return float(num.replace(",", ""))
    return _chinese(num, mult)


@lru_cache(maxsize=1024)
def _chinese(num: str, mult: str) -> float | None:
    """一百二十 + 万 -> 120 (the multiplier stays in the unit); 七八 -> 7 (a range's first)."""
    import cn2an

    if not any(c in "十百千万亿点" for c in num):
        if len(num) > 2 or "零" in num or "〇" in num:
            return None  # 二〇二三: digits read out, a year or a code
        num = num[0]  # 七八个: seven or eight
    else:
        num = re.sub(f"([{_CN_DIGIT}])[{_CN_DIGIT}]", r"\1", num)  # 三四十 -> 三十
    try:
        whole = float(cn2an.cn2an(num + mult, "smart"))
    except (ValueError, KeyError):
        # 十四五 and the like: not a number; cn2an raises KeyError on some runs it half-reads
        # as spoken numbers (一两十二), a fault of its own, which says the same
        return None
    return whole / lex.MULTIPLIER_VALUES[mult] if mult else whole


Token = tuple[str, int, str]  # word, start, tag


def _qualifier(text: str, tokens: list[Token]) -> tuple[str | None, int]:
    """The qualifier printed before the number, in whole words (最近 holds no 近), and the index
    of the token where the measure before it ends."""
    i = len(tokens)
    if i and tokens[i - 1][0] == "了":  # 增长了7.2%
        i -= 1
    if i >= 2 and tokens[i - 1][0] in lex.SCOPE_WORDS and _qualifier_at(tokens, i - 1) is not None:
        i -= 1  # 高于|全省|1.3个百分点
    last = i
    while (j := _qualifier_at(tokens, i)) is not None:
        i = j
    if i == last:
        return None, len(tokens)
    return text[tokens[i][1] : _end(tokens[last - 1])], i


def _qualifier_at(tokens: list[Token], i: int) -> int | None:
    """Where a qualifier of one or two words ending before token i starts (同比|增长)."""
    for n in (2, 1):
        if i - n >= 0 and "".join(t[0] for t in tokens[i - n : i]) in lex.QUALIFIERS:
            return i - n
    return None


def _measure_before(text: str, tokens: list[Token]) -> str | None:
    """The nominal phrase that ends the tokens, or that stands before the verb or adverb
    that governs the number (企业|已有|225家)."""
    i = len(tokens)
    while i and tokens[i - 1][0] in lex.GOVERNING_WORDS:
        i -= 1
    j = i
    if j and tokens[j - 1][2] == "v" and j >= 2 and _measure_word(tokens[j - 2]):
        j -= 1  # 营业|收入: a noun the segmenter took for a verb
    while j and i - j < _MAX_MEASURE_TOKENS and _measure_word(tokens[j - 1]):
        j -= 1
    return text[tokens[j][1] : _end(tokens[i - 1])] if j < i else None


def _measure_after(text: str, start: int) -> str | None:
    """What is counted, right after the unit (的 allowed between): a nominal phrase that ends
    in a noun (225家|输变电产业集群企业), or a quoted title (10名“最美公交驾驶员”)."""
    if text.startswith("的", start):
        start += 1
    if text.startswith("“", start):
        close = text.find("”", start, start + _QUOTE)
        return text[start + 1 : close] if close > start + 1 else None
    nxt = _BREAK.search(text, start, start + _WINDOW)
    tokens = _tokens(text, start, nxt.start() if nxt else min(len(text), start + _WINDOW))
    j = 0
    while j < len(tokens) and j < _MAX_MEASURE_TOKENS and _forward_word(tokens[j], j):
        j += 1
    while j and tokens[j - 1][2] not in _NOUN_TAGS:
        j -= 1  # it ends in a noun: 26个|老|工业基地
    return text[start : _end(tokens[j - 1])] if j else None


def _forward_word(tok: Token, j: int) -> bool:
    if tok[2] == "vn" and j == 0:
        return False  # 400亿元|建设: a verb taking the figure as its subject
    return _measure_word(tok) or tok[2] in ("ns", "a")


def _measure_word(tok: Token) -> bool:
    return tok[2] in _MEASURE_TAGS and tok[0] not in lex.SCOPE_WORDS


def _end(tok: Token) -> int:
    return tok[1] + len(tok[0])


def _clause_start(text: str, s: int) -> int:
    lo = max(0, s - _WINDOW)
    last = _LAST_BREAK.match(text, lo, s)
    return last.end() if last else lo


def _tokens(text: str, lo: int, hi: int) -> list[Token]:
    if lo >= hi:
        return []
    import rjieba

    pairs = rjieba.tag(text[lo:hi])
    starts = accumulate((len(w) for w, _ in pairs), initial=lo)
    return [(w, st, t) for (w, t), st in zip(pairs, starts, strict=False)]
