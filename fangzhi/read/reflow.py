"""Whether a gap between two pieces of text is a column gap (close it) or a paragraph break.

The characters on both sides decide: can the left end a paragraph, can the right open one, and
does a word run across the gap (设|计, 整|合)? A terse title-like left keeps its break unless the
right cannot stand on its own.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from fangzhi.lexicon import chars, layout, names


def closes_gap(left: str, right: str, *, left_titleish: bool = False) -> bool:
    if not left or not right:
        return False
    if layout.ENUMERATED_SUBHEAD.match(right):
        return False
    if len(left) <= 8 and layout.EDITORS_NOTE.match(left):
        return False  # 编者按 on a line of its own labels the paragraph below
    if role_label(left) or role_label(right):
        return False  # 记者 / 甲乙 / 编辑 / 丙: a closer's labels and names on lines of their own
    if layout.ENUMERATED_SUBHEAD.match(left) and len(left) <= 30 and "。" not in left:
        return False  # 一、坚持稳中求进 is a subhead, not a sentence cut short
    if cannot_open(right):
        # after a full stop a word's cut end (处，… / 的…) or a comma is no part of that sentence
        # (。， is never printed): the rest of a sentence printed elsewhere starts there, not this
        # one going on. Only a closing bracket may follow a stop (…。）)
        return not (left[-1] in "。！？" and right[0] not in _CLOSE_AFTER_STOP)
    if left[-1].isdigit() and (right[0].isdigit() or right[0] in ".．%％年月日时号万亿元个"):
        return True  # a number cut by the gap from its digits or its unit: 41|2.5亿元, 本报讯2|月20日
    if left_titleish:
        return word_spans_gap(left, right)
    return not chars.can_end(left)


def role_label(line: str) -> bool:
    """The line is only a credit's label (记者, 编辑：), the names under it."""
    return len(line) <= 8 and layout.ROLE_LABEL_LINE.match(line) is not None


_CLOSE_AFTER_STOP = frozenset("）」』》〉】)")

# A first sentence of at most four characters: no paragraph of a report opens so.
_CUT_SENTENCE = re.compile(r"[\u4e00-\u9fff]{1,4}[。！？；]")


# A reporting verb and a comma or colon first (介绍，… / 表示：…): a sentence opens with who speaks.
_VERBS = sorted((v for v in layout.REPORTING_VERBS if len(v) > 1), key=len, reverse=True)
_VERB_FIRST = re.compile("(?:" + "|".join(_VERBS) + ")[，,：:]")


def cannot_open(text: str) -> bool:
    """The text cannot open a sentence: punctuation that continues, a particle or suffix, or
    the last character of a word cut off before a list comma (理、垃圾分类 ← 管|理、) or a comma."""
    c = text[:1]
    if not c:
        return False
    if c in chars.NO_START_PUNCT:
        return True
    if _CUT_SENTENCE.match(text):
        return True  # 增效。要…: a sentence of a word or two is the end of one cut off
    if _VERB_FIRST.match(text):
        return True  # 介绍，近年来…: the verb of a speaker named on the line cut above it
    if c in chars.NO_START_HAN:
        return text[:2] not in chars.OPENING_WORDS and not _SPEAKER.match(text)
    if text[1:2] == "，":
        return chars.is_han(c) and c not in chars.COMMA_OPENERS  # 处，容不得… ← 之|处，
    return text[1:2] == "、" and chars.is_han(c) and c not in chars.LIST_HEAD_CHARS


# A person of a surname that is also a particle (于, 和) who speaks or goes somewhere: 于某某指出，…
_SPEAKER = re.compile(
    "[" + "".join(c for c in chars.NO_START_HAN if c in names.SURNAMES) + r"][\u4e00-\u9fff]{1,2}?"
    r"(?:指出|强调|表示|介绍|说|要求|认为|希望|一行|代表|主持|察看|来到)"
)


def starts_mid(text: str) -> bool:
    """The paragraph begins in the middle of a sentence printed elsewhere."""
    return (
        cannot_open(text)
        or bool(layout.JUMP_FROM.match(text))
        or list_tail(text)
        or quote_closed_first(text)
        or dangling_object(text)
    )


# Marks that close what another opened: a quotation, a title, a bracket (full and half width).
_PAIRS = (("“", "”"), ("《", "》"), ("（", "）"), ("(", ")"))


def quote_closed_first(text: str) -> bool:
    """A quotation, a title or a bracket closed before any is opened (…孩子。”他笑着说 /
    …条例（草案）》作为…): the paragraph begins inside marks whose opening is printed elsewhere.
    A bracket closed within the first four characters is an item's number (1）…), not that."""
    for opening, closing in _PAIRS:
        close = text.find(closing, 0, 150)
        if close >= 4 and opening not in text[:close]:
            return True
    return False


_LIST_TAIL = re.compile(r"^([\u4e00-\u9fff]{2})、")


def list_tail(text: str) -> bool:
    """A two-character item and a list comma, not a name: the rest of a list cut at a page or
    column break (…引|才、用心服务留才). A sentence may open with a list of names, not of verbs."""
    m = _LIST_TAIL.match(text)
    return m is not None and m.group(1)[0] not in names.SURNAMES and m.group(1) not in layout.LIST_OPENERS


_CLAUSE = re.compile(r"[，；]")
_SENTENCE = re.compile(r"[。！？]")
_BREAK = re.compile(r"[，；。！？]")  # a clause's end or a sentence's
_NOMINAL = frozenset({"n", "vn", "nz", "ng", "an"})
_PREDICATE_OPEN = frozenset({"v", "vd", "d", "a", "ad"})


def dangling_object(text: str) -> bool:
    """A bare noun phrase, then subjectless verb clauses: 设备监控巡视，细致做好…，科学制定…，确保….

    Such a sentence is the object of a verb printed before the gap (要加强|设备监控巡视), so the
    paragraph continues text the page does not hold. Kept narrow: the noun phrase is short and
    holds no name, place, time or reporting verb, and at least three verb clauses follow it.
    """
    # the first clause's length before the sentence is read: most paragraphs fail it, told by
    # their first characters (a clause ends at the first break or stop, as the sentence does)
    first_break = _BREAK.search(text, 0, 9)
    if not 2 <= (first_break.start() if first_break else min(len(text), 160)) <= 8:
        return False
    stop = _SENTENCE.search(text, 0, 160)  # the first sentence, as far as 160 characters
    clauses = _CLAUSE.split(text[: stop.start() if stop else 160])
    if len(clauses) < 4 or not 2 <= len(clauses[0]) <= 8:
        return False
    first = _tags(clauses[0])
    if not first or any(t not in _NOMINAL for _w, t in first[:-1]):
        return False
    if first[-1][1] not in _NOMINAL and first[-1][1] != "v":
        return False
    if first[-1][0] in layout.REPORTING_VERBS:
        return False
    return all(_opens_with_predicate(c) for c in clauses[1:4])


def _opens_with_predicate(clause: str) -> bool:
    tags = _tags(clause[:8])
    for _w, t in tags[:3]:
        if t == "v":
            return True
        if t not in _PREDICATE_OPEN and t != "n":
            return False
    return False


@lru_cache(maxsize=4096)
def _tags(text: str) -> tuple[tuple[str, str], ...]:
    import rjieba

    return tuple(rjieba.tag(text))


# A character the segmenter's dictionary uses as a word of its own in under this share of its uses
# (件, 化, 展: mostly inside words such as 文件, 发展) rarely opens a paragraph: read alone first,
# the paragraph likely begins inside a word cut at a column or page (…条|件化解，…).
_BOUND_SHARE = 0.1


@cache
def _bound_chars() -> frozenset[str]:
    """The characters the dictionary, by its frequencies, uses as a word of their own in under
    _BOUND_SHARE of their uses."""
    import jieba

    alone: dict[str, int] = {}
    inside: dict[str, int] = {}
    with jieba.get_dict_file() as raw:
        for line in raw.read().decode("utf-8").splitlines():
            word, freq = line.split(" ", 2)[:2]
            if len(word) == 1:
                alone[word] = alone.get(word, 0) + int(freq)
            else:
                for c in word:
                    inside[c] = inside.get(c, 0) + int(freq)
    return frozenset(c for c, n in inside.items() if alone.get(c, 0) < _BOUND_SHARE * (alone.get(c, 0) + n))


def opens_inside_word(text: str) -> bool:
    """The paragraph's first word, as the segmenter reads it, is a character seldom a word alone."""
    first = text[:1]
    # the segmenter is asked only of the few characters seldom alone: it costs most
    if first not in _bound_chars() or not chars.is_han(first) or text[:2] in chars.OPENING_WORDS:
        return False
    couplet = _COUPLET.match(text)
    if couplet is not None and len(couplet.group(1)) == len(couplet.group(2)):
        return False
    return _first_word_alone(text)


def _first_word_alone(text: str) -> bool:
    """The segmenter reads the text's first character as a word of its own."""
    words = _tags(text[:8])
    return bool(words) and len(words[0][0]) == 1


# Characters a sentence opens with as a word of their own: prepositions, pronouns, conjunctions,
# adverbs of time and degree, and the words a report names its own government by (市, 县, 副市长…).
SENTENCE_OPENERS = frozenset(
    "在他她它据各市县区省副抓新要把对从为将让经由与但而并又还也以当自因如这此该其每全本我今近去明有是请凡只均共约已更再既若虽即"
)
# a place or a firm named first (某某镇党委书记…, 某某集团…): its first character may stand alone
_NAMED_PLACE = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:省|市|县|区|镇|乡|村|街道|社区|集团|公司)")


def opens_loose(text: str) -> bool:
    """The paragraph's first word, as the segmenter reads it, is one character that opens no
    sentence (not a preposition, pronoun or the like, not a surname, not a place's or firm's
    first character): weaker evidence than opens_inside_word that a column or page cut a word."""
    first = text[:1]
    if not chars.is_han(first) or first in SENTENCE_OPENERS or first in names.SURNAMES:
        return False
    if text[:2] in chars.OPENING_WORDS or _NAMED_PLACE.match(text):
        return False
    return _first_word_alone(text)


# Two clauses of one length, the first closed by a comma (仓廪实，天下安。/ 民为国基，谷为民命。): an
# opening written as a couplet, in classical words the segmenter reads a character at a time; the
# rest of a word a column cut off is seldom followed by a clause of its own length.
_COUPLET = re.compile(r"([\u4e00-\u9fff]{3,5})[，,]([\u4e00-\u9fff]{3,5})[，,。；;]")


def ends_inside_word(text: str) -> bool:
    """The text's last word, as the segmenter reads it, is a character seldom a word alone: a
    column or a page cut the text inside a word (…关于促消费工|作的报告)."""
    t = text.rstrip()
    if not t or not chars.is_han(t[-1]) or t[-1] not in _bound_chars():
        return False
    words = _tags(t[-8:])
    return bool(words) and len(words[-1][0]) == 1


def ends_open(text: str) -> bool:
    t = text.rstrip()
    if layout.JUMP_TO.search(t[-16:]):
        return True
    return not chars.can_end(t)


def known_word_spans_gap(left: str, right: str) -> bool:
    """Does a word of the segmenter's dictionary run across the gap (开展安|全生产 → 安全)? Its
    guesses at words it does not know (工作情|州人大 → 情州) are not asked."""
    return _spans(left[-4:], right[:4], guesses=False)


def word_spans_gap(left: str, right: str) -> bool:
    """Does the segmenter read a word across the gap (规模工业增|加值 → 增加)?"""
    tail, head = left[-4:], right[:4]
    return _spans(tail, head)


@lru_cache(maxsize=4096)
def _spans(tail: str, head: str, guesses: bool = True) -> bool:
    import rjieba

    pos = 0
    cut = len(tail)
    for w in rjieba.cut(tail + head, hmm=guesses):
        end = pos + len(w)
        if pos < cut < end and len(w) >= 2 and all(chars.is_han(c) for c in w):
            return True
        pos = end
    return False
