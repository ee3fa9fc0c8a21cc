"""Where one piece of an article ends and the next begins, decided over the whole page.

Each block of a page gets one label:
  B  opens a new piece: an article's head or dateline, or a body paragraph that does not go on
     from the block before it (another article, a displaced tail, a fragment from elsewhere);
  I  goes on from the block before it, in reading order;
  C  a credit printed after an article's body (（文/图 记者 X）, a line of names): the article's;
  O  belongs to no article: page furniture, an editors' line, a jump line left in the text.

A linear-chain CRF (python-crfsuite) labels the page's blocks in one decision, from features of
each block and of the gap before it: the shapes the rules see (dateline, byline, head, closing
line, a dated lead, an open end, a jump marker), how the text before can end and the text after
can open, the first words of a paragraph, and how much vocabulary it shares with what is printed
before it. The weights are fitted on simulated pages of the dev families only
(`python -m fangzhi.read.train`, `make train`) and ship in the package beside this module.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right
from collections import deque
from importlib import resources
from typing import Any

from fangzhi.lexicon import chars, events, layout
from fangzhi.model import Block
from fangzhi.read import reflow
from fangzhi.read.blocks import ANCHORS, HEAD_ROLES, Layout
from fangzhi.read.vocabulary import Words

MODEL_FILE = "boundaries.crfsuite"
LABELS = ("B", "I", "C", "O")
EDGES = (0.05, 0.1, 0.2, 0.35)  # similarity buckets
# Words that open a paragraph which goes on from the one before it (会议强调 / 他指出 / 随后).
_OPENERS = re.compile(
    r"^(?:会议|会上|会后|会前|他|她|随后|同时|此外|另外|据悉|据了解|据介绍|近年来|目前|其中|下一步|"
    r"在|对此|为此|与会|大家|委员们|代表们|期间|活动|当天|当日|此次|该|这|双方|一行)"
)
_ROLE_START = re.compile(
    r"^[（(【\[]?\s*(?:文/图|文·图|图/文|文|图|记者|通讯员|来源|作者|编辑|责任编辑|责编|一审|审核|实习生|见习记者)"
)
# A first clause this short with no word that opens a paragraph (引导，讲好… / 在刀刃上，…) is the
# rest of a sentence begun elsewhere: a fragment's, not a paragraph's opening.
_FIRST_CLAUSE = re.compile(r"^[^，。；：、！？,;:!?“”（(]{1,5}(?<![中时后上里前间来场外内看说年])[，。；,;]")
_CLAUSE_OPENERS = re.compile(
    r"^(?:近日|日前|今年|去年|明年|今天|昨天|当前|首先|其次|再次|最后|然而|但是|因此|所以|总之|据统计|"
    r"截至目前|与此同时|一方面|另一方面|一是|二是|三是|四是|五是|第一|第二|第三|目前|同时|此外|另外|"
    r"据悉|据了解|据介绍|近年来|其中|下一步|对此|为此|会上|会后|当天|当日|期间|随后|"
    r"这几天|这些年|根据[\u4e00-\u9fff]{1,4}|(?:当天|当日|今天|昨天)?(?:上午|下午|晚上|晚间))[，,：:]"
    # a couplet or a call, as commentary opens (干字当头，实字托底。/ 某某，正当时！)
    r"|^[\u4e00-\u9fff]{3,5}[，,][\u4e00-\u9fff]{3,6}[。；，！？!?]"
)
_NAME_LIST = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{1,4}){0,6}$")


# What kind of event a stretch of text tells of, as a report's head and lead name it and as its
# last lines do (…参加调研。/ …陪同考察。/ 会议还研究了…): a closing line that tells of another
# kind than the report over it, and of the kind of the report under the next head, is that
# report's displaced tail. The same words in every paper: the event's own nouns and verbs.
_NOT_ORGAN = r"(?!副?主任|副?秘书长|委员|党组|机关|办公厅)"
_KIND_WORDS = (
    # 常委会 before a title is the organ (人大常委会副主任甲 in every attendance line), not a meeting;
    # each noun its own branch: a pattern whose every branch opens on a character is searched
    # skipping the characters none opens with, four times as fast as the nouns in one group
    (1, "|".join(noun + _NOT_ORGAN for noun in events.MEETING_NOUN.split("|")) + "|会上|列席"),
    (2, events.INSPECTION_WORDS),
    (4, r"会见|会晤|会谈|接见|看望|一行|客商|宾"),
    (8, events.CEREMONY_NOUN + r"|开工|签约|签署|升旗"),
    # a meeting held over a video link: its local part is held in 分会场, as no other meeting is
    (16, r"电视电话会议?|视频会议?|分会场|主会场"),
)
_EVENT_KINDS = tuple((bit, re.compile(words)) for bit, words in _KIND_WORDS)
EVENT_CHARS = 120  # a paragraph's opening as far as its kind of event is read


def event_kinds(text: str) -> int:
    """The kinds of event the text names, one bit each: 1 a meeting, 2 an inspection, 4 a
    reception, 8 a ceremony, 16 a meeting held over a video link (its 分会场)."""
    kinds = 0
    for bit, pattern in _EVENT_KINDS:
        if pattern.search(text, 0, EVENT_CHARS):
            kinds |= bit
    return kinds


# an attendance line of named leaders: whether the report over it said who attended already, and
# whether the report under the next head says so anywhere
_ATTEND_AGAIN, _ATTEND_FIRST = "attend=again", "attend=first"
_ATTEND_BELOW, _ATTEND_NOT_BELOW = "attend_below=1", "attend_below=0"
ATTENDANCE_CHARS = 300  # a paragraph's opening as far as an attendance sentence is looked for
ATTENDANCE_TAIL = 24  # …and its end (layout.ATTENDANCE's longest match)


def attends(b: Block) -> bool:
    """The paragraph lists leaders who attended: a sentence of its opening, or its closing line."""
    text = b.text
    m = layout.ATTENDANCE.search(text, 0, ATTENDANCE_CHARS)
    if m is None and b.closing:
        m = layout.ATTENDANCE.search(text, max(0, len(text) - ATTENDANCE_TAIL))
    return m is not None and layout.LEADER_WORD.search(text, 0, m.end()) is not None


def closes_attended(b: Block) -> bool:
    """The paragraph is a closing line naming the leaders who attended (市领导甲、乙陪同。), not the
    units' people (有关负责同志…参加会议。)."""
    return b.closing and attends(b) and layout.UNNAMED_ATTENDEES.search(b.text) is None


def _where(above: bool, below: bool) -> str:
    return ("a" if above else "") + ("b" if below else "") if above or below else "-"


# a feature's strings for each (over it, under the next head), made once
_EV = {(a, b): "ev=" + _where(a, b) for a in (False, True) for b in (False, True)}
_SPEAKER = {(a, b): "speaker=" + _where(a, b) for a in (False, True) for b in (False, True)}
_SPEAKER_ELSEWHERE = "speaker=o"  # named only in a report printed before the one over it
_QUOTED = {(a, b): "quoted=" + _where(a, b) for a in (False, True) for b in (False, True)}
# a name set in quotation marks (a campaign, an award, a title): a paragraph that prints one its
# head printed is that report's, wherever on the page it stands
_QUOTE = re.compile(r"“([^“”]{2,24})”")


def _similar(a: Words | set[int], b: Words | set[int]) -> int:
    """The similarity bucket of two stretches' words, the bucket of overlap(a, b) among EDGES in one call,
    asked five times a block."""
    if a.isdisjoint(b):
        return 0  # most pairs share no word: told without making the set they share
    return bisect_right(EDGES, len(a & b) / math.sqrt(len(a) * len(b)))


# A page's blocks repeat the same few feature strings (kind=body, prev:end=stop, sim_prev=0): each
# is made once and shared, not built again for every block of every page.
class _Features(dict[str, str]):
    """prefix + value, made the first time it is asked, for values from a small fixed set (never a
    block's own words); looked up as a dict is, where a cached function took a call a feature."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def __missing__(self, value: str) -> str:
        made = self[value] = self.prefix + value
        return made


_KIND, _END = _Features("kind="), _Features("end=")
_CUT_AFTER = _Features("cut_after:")  # a paragraph opening mid-sentence, by how the one over it ends
_LOOSE_AFTER = _Features("loose_after:")  # …opening on a character alone that opens no sentence, likewise
_CLAUSE_AFTER = _Features("clause_after:")  # …opening on a short clause (short_clause), likewise
_PREV, _NEXT = _Features("prev:"), _Features("next:")  # a shape feature as a neighbour shows it


def _similarities(name: str) -> tuple[str, ...]:
    """The feature string of each similarity bucket."""
    return tuple(f"{name}={k}" for k in range(len(EDGES) + 1))


_SIM_UNIT, _SIM_PREV, _SIM_PREV2, _SIM_HEAD, _SIM_NEXT_HEAD, _SIM_NEXT_BODY, _SIM_BEFORE_HEAD = map(
    _similarities,
    ("sim_unit", "sim_prev", "sim_prev2", "sim_head", "sim_next_head", "sim_next_body", "sim_before_head"),
)


def _group_features(lay: Layout, g: tuple[int, ...]) -> list[str]:
    """How a head group stands: how many lines, and what follows it (an anchor, a lead that opens
    a report, a paragraph that goes on, as after a subhead)."""
    blocks = lay.blocks
    f = [f"group_n={min(len(g), 3)}"]
    after = g[-1] + 1
    if after >= len(blocks):
        f.append("group_then=end")
        return f
    nb = blocks[after]
    if nb.kind in ANCHORS:
        f.append("group_then=anchor")
    elif nb.kind != "body":
        f.append("group_then=" + nb.kind)
    else:
        s = nb.text.lstrip()
        if layout.LEAD_OPENING.match(s):
            f.append("group_then=dated")
        elif layout.UNDATED_LEAD.match(s):
            f.append("group_then=undated")
        elif _OPENERS.match(s) or layout.SPEAKER_OPENS.match(s):
            f.append("group_then=opener")
        else:
            f.append("group_then=body")
    return f


SPEAKER_LOOKBACK = 4000  # characters of the report over a paragraph searched for its speaker


def _speaker_seen(name: str, unit_texts: list[str], below: str, earlier: deque[str]) -> str:
    """Where a paragraph's opening speaker (甲强调，…) is named: in the report printed over it
    (as far back as SPEAKER_LOOKBACK), under the next head, only in the reports printed before
    that one (`earlier`: the displaced last paragraph of one of them), or nowhere (a name no
    report here introduced: the rest of a report from elsewhere)."""
    seen = 0
    above = False
    for t in reversed(unit_texts):
        if name in t:
            above = True
            break
        seen += len(t)
        if seen > SPEAKER_LOOKBACK:
            break
    after = name in below
    if not above and not after and any(name in t for t in earlier):
        # the speaker of a report printed before: its displaced last paragraph
        return _SPEAKER_ELSEWHERE
    return _SPEAKER[above, after]


def _end_class(s: str) -> str:
    s = s.rstrip()
    if not s:
        return "empty"
    c = s[-1]
    if c in "。！？!?":
        return "stop"
    if c in "”’）)】》":
        return "close" + ("stop" if len(s) > 1 and s[-2] in "。！？!?" else "")
    if c in "，、；,;：:":
        return "comma"
    if c == "—":
        return "dash"
    return "han" if "\u4e00" <= c <= "\u9fff" else "other"


_LENGTHS = (8, 20, 40, 80, 160, 320)  # a block's length buckets
_LENGTH_FEATURES = tuple(f"len={k}" for k in range(len(_LENGTHS) + 1))


def _block_shape(b: Block) -> list[str]:
    s = b.text.strip()
    f = [
        _KIND[b.kind],
        _END[_end_class(s)],
        _LENGTH_FEATURES[bisect_right(_LENGTHS, len(s))],
    ]
    enumerated = len(s) <= 40 and (layout.ENUMERATED_SUBHEAD.match(s) or s[:1] in _SUBHEAD_MARKS)
    if b.kind != "body":
        if enumerated:
            f.append("enumerated")  # 一、 / （二） / ■: a subhead of a long report, or a list's item
        return f
    first = s[:2]
    f.append(f"first2={first}")
    f.append(f"first1={s[:1]}")
    if enumerated:
        f.append("enumerated")
    if b.closing:
        f.append("closing")
    if b.starts_mid:
        f.append("starts_mid")
    elif reflow.opens_inside_word(s):
        f.append("in_word")
    elif reflow.opens_loose(s):
        f.append("loose_word")
    if b.ends_open:
        f.append("ends_open")
    if b.jump:
        f.append(f"jump={b.jump}")
    if b.titleish:
        f.append("titleish")
    dated = layout.LEAD_OPENING.match(s) is not None
    if dated:
        f.append("dated_lead")
    if _OPENERS.match(s):
        f.append("opener")
    if _ROLE_START.match(s):
        f.append("role_start")
    if (
        not b.starts_mid
        and _FIRST_CLAUSE.match(s)
        and not dated
        and not _CLAUSE_OPENERS.match(s)
        and not layout.SPEAKER_OPENS.match(s)
        and not layout.PRONOUN_SPEAKS.match(s)
    ):
        f.append("short_clause")
    if len(s) <= 40 and _NAME_LIST.match(s):
        f.append("name_list")
    if chars.can_end(s):
        f.append("can_end")
    if "摄" in s[-12:]:
        f.append("photo_credit")
    return f


_SUBHEAD_MARKS = frozenset("■●▲◆◇○◎★☆▶►")
_KIND_BODY = _KIND["body"]
# shape features a block does not show its neighbour: _shown leaves them out by position, and
# tests/test_fast_paths.py holds it to this, read by name
_OWN_ONLY = ("first", "len")


def _shown(shape: list[str]) -> list[str]:
    """A block's shape as its neighbour sees it (prev:…), its own-only features left out: _block_shape
    puts them third (len=) and, for a body, fourth and fifth (first2=, first1=), so the rest is
    its first two and what follows the fifth (the third, for a block of no body), read without
    testing each feature's name."""
    rest = shape[5:] if shape[0] == _KIND_BODY else shape[3:]
    return [_PREV[x] for x in shape[:2]] + [_PREV[x] for x in rest]


def page_features(lay: Layout) -> list[list[str]]:
    """Features of each block of the page, with its neighbours' and the gap before it."""
    blocks = lay.blocks
    shapes = [_block_shape(b) for b in blocks]
    vocab = lay.vocabulary
    # the head printed next below each block: a displaced tail shares words with its own head
    below: list[int | None] = [None] * len(blocks)
    nxt: int | None = None
    for i in range(len(blocks) - 1, -1, -1):
        below[i] = nxt
        if blocks[i].kind in ("headline", "kicker"):
            nxt = i
    attended = [b.kind == "body" and attends(b) for b in blocks]
    # whether a block or one after it says who attended, before the next head: read for the
    # report under each head
    attended_on = [False] * (len(blocks) + 1)
    for i in range(len(blocks) - 1, -1, -1):
        attended_on[i] = blocks[i].kind not in ("headline", "kicker") and (attended[i] or attended_on[i + 1])
    # the words of the next head below and of the opening paragraphs under it, for one head at a
    # time: the next head below never moves up the page, so none is needed again once passed
    below_k: int | None = None
    head_below: Words = frozenset()
    body_below: Words = frozenset()
    prev: Words = frozenset()
    prev2: Words = frozenset()
    out: list[list[str]] = []
    head: Words | None = None  # the last head line's words
    unit: set[int] = set()  # the words of the body printed since the last head or dateline
    before_group: set[int] = set()  # the words of the body printed over the last head
    standing: list[str] = []  # the features of the head group being read
    head_text = ""  # the last head group's lines
    above_text = ""  # the head group over a block and its lead: where its quoted names are looked for
    above_kinds = 0  # the kinds of event the report over a block tells of (event_kinds)
    below_kinds = 0  # …and the report under the next head
    below_text = ""  # the next head below and the opening of its report, where a speaker is looked for
    unit_texts: list[str] = []  # the body printed since the last head or dateline
    unit_attended = False  # …and whether it said who attended
    below_attended = False  # …and whether the report under the next head does
    earlier: deque[str] = deque()  # the body of the reports before it, as far back as SPEAKER_LOOKBACK
    earlier_size = 0
    # a lead and a head group are read for their kinds of event twice (as the report under the
    # next head, then as the report over what follows): once each
    kinds: dict[str, int] = {}

    def kinds_of(text: str) -> int:
        k = kinds.get(text)
        if k is None:
            k = kinds[text] = event_kinds(text)
        return k

    for i, b in enumerate(blocks):
        f = list(shapes[i])
        words = vocab.words(i)
        body = b.kind == "body"
        k = below[i]
        if body and k is not None and k != below_k:
            below_k = k
            head_below = vocab.of(range(k, min(k + 2, len(blocks))))
            first = next((j for j in range(k + 1, min(k + 6, len(blocks))) if blocks[j].kind == "body"), None)
            body_below = vocab.of(range(first, min(first + 2, len(blocks)))) if first else frozenset()
            heads = "".join(blocks[j].text for j in range(k, first or k + 1))
            lead = blocks[first].text if first else ""
            below_kinds = kinds_of(heads) | kinds_of(lead)
            below_text = heads + lead[:SPEAKER_LOOKBACK]
            below_attended = first is not None and attended_on[first]
        if body and unit:
            f.append(_SIM_UNIT[_similar(words, unit)])
            mine = event_kinds(b.text)
            if mine & 16:
                mine = 16  # 分会场: a video-linked meeting's, not any meeting's
            if mine:
                # what kind of event it tells of, against the report over it and the one under
                # the next head: a closing line of another kind than its report's is a displaced tail
                f.append(_EV[bool(mine & above_kinds), k is not None and bool(mine & below_kinds)])
            quoted = _QUOTE.findall(b.text)
            if quoted:
                f.append(
                    _QUOTED[
                        any(q in above_text for q in quoted),
                        k is not None and any(q in below_text for q in quoted),
                    ]
                )
            if closes_attended(b):
                # leaders named attending, closing a report that already said who attended, over
                # a report that never does: the other's closing line, displaced (printed as it is)
                f.append(_ATTEND_AGAIN if unit_attended else _ATTEND_FIRST)
                if unit_attended and k is not None:
                    # read only with a second line: a report's one line of attendees closes it
                    # whatever the report below prints
                    f.append(_ATTEND_BELOW if below_attended else _ATTEND_NOT_BELOW)
            speaker = layout.SPEAKER_OPENS.match(b.text)
            if speaker is not None:
                f.append(
                    _speaker_seen(speaker.group(1), unit_texts, below_text if k is not None else "", earlier)
                )
        if i in lay.group_of:
            g = lay.groups[lay.group_of[i]]
            if g[0] == i:  # how the group stands, read once for all its lines
                standing = _group_features(lay, g)
                f.append("group_first")
            else:
                f.append("group_more")
            f.extend(standing)
        elif body and i > 0 and i - 1 in lay.group_of and before_group:
            # the paragraph under a head with no dateline: does it go on from the text over the
            # head (a subhead parting a report) or open a report of its own?
            f.append(_SIM_BEFORE_HEAD[_similar(words, before_group)])
        if i == 0:
            f.append("page_start")
        else:
            f.extend(_shown(shapes[i - 1]))
            if body and (b.starts_mid or "in_word" in shapes[i]):
                # a paragraph opening mid-sentence goes on from a text cut off, not from one that
                # ended: how the one over it ends, read with it (a fragment from elsewhere under a
                # full stop; the rest of a sentence under a line the column cut)
                f.append(_CUT_AFTER[shapes[i - 1][1]])
            elif body and "loose_word" in shapes[i]:
                f.append(_LOOSE_AFTER[shapes[i - 1][1]])
            elif body and "short_clause" in shapes[i]:
                f.append(_CLAUSE_AFTER[shapes[i - 1][1]])
            f.append(_SIM_PREV[_similar(prev, words)])
            if i >= 2:
                f.append(_SIM_PREV2[_similar(prev2, words)])
        if body and head is not None:
            f.append(_SIM_HEAD[_similar(head, words)])
        if body and k is not None:
            f.append(_SIM_NEXT_HEAD[_similar(head_below, words)])
            # a displaced tail shares words (names, places) with the report under the next head
            f.append(_SIM_NEXT_BODY[_similar(body_below, words)])
        if i + 1 < len(blocks):
            kind, end = shapes[i + 1][:2]
            f.append(_NEXT[kind])
            f.append(_NEXT[end])
        else:
            f.append("page_end")
        if b.kind in HEAD_ROLES or b.kind == "dateline":
            if b.kind != "dateline":
                head = words
                head_text = (head_text if i > 0 and blocks[i - 1].kind in HEAD_ROLES else "") + b.text
            if unit:
                before_group = unit
            unit = set()
            unit_attended = False
            for t in unit_texts:
                earlier.append(t)
                earlier_size += len(t)
            while earlier_size > SPEAKER_LOOKBACK and len(earlier) > 1:
                earlier_size -= len(earlier.popleft())
            unit_texts = []
        elif b.kind == "body":
            if not unit_texts:  # the lead: with the head, it says what the report tells of
                above_kinds = kinds_of(head_text) | kinds_of(b.text)
                above_text = head_text + b.text[:SPEAKER_LOOKBACK]
            unit |= words
            unit_texts.append(b.text)
            unit_attended |= attended[i]
        prev2, prev = prev, words
        out.append(f)
    return out


@functools.cache
def _tagger() -> Any:
    import pycrfsuite

    ref = resources.files("fangzhi.read") / MODEL_FILE
    if not ref.is_file():
        return None
    tagger = pycrfsuite.Tagger()
    with resources.as_file(ref) as path:
        tagger.open(str(path))
    return tagger


def page_labels(lay: Layout, tagger: Any = None) -> list[str] | None:
    """B/I/C/O for each block, or None when the package ships no model (before `make train`)."""
    if not lay.blocks:
        return []
    tagger = tagger or _tagger()
    if tagger is None:
        return None
    labels: list[str] = tagger.tag(page_features(lay))
    blocks = lay.blocks
    for i, b in enumerate(blocks):
        if labels[i] == "O" and _prose(b.text):
            # running prose is never furniture: the likelier of the labels left (decoded above)
            labels[i] = max("BIC", key=lambda label: tagger.marginal(label, i))
        if labels[i] == "I" and i > 0 and labels[i - 1] == "C":
            _lead_after_credit(blocks, labels, i)
    return labels


def _lead_after_credit(blocks: tuple[Block, ...], labels: list[str], i: int) -> None:
    """Block i decoded as going on from a credit that closed the report over it: a dated lead
    there opens the next report (its head printed elsewhere), which the model holds the evidence
    for but decodes past. A line read as a byline over it (not a bracketed credit after a body) is
    that next report's."""
    b = blocks[i]
    if b.kind != "body" or layout.LEAD_OPENING.match(b.text.lstrip()) is None:
        return
    if blocks[i - 1].kind == "byline":
        labels[i - 1] = "B"
    else:
        labels[i] = "B"


def _prose(text: str) -> bool:
    """Running text: a sentence's marks and some length, or length alone (OCR that lost its
    punctuation prints paragraphs no furniture is as long as)."""
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    return (("，" in text or "。" in text) and han >= 16) or han >= 120
