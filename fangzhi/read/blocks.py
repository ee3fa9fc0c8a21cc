"""Page → blocks: what each line is, which lines form a headline block, which gaps to close.

Three passes over the page's lines:
1. classify each line: dateline (with the body text that may follow it on the line), byline,
   photo caption, head-like, prose;
2. gather head groups: the head-like lines just above a dateline, byline or caption, or around a
   markdown heading, and give each its role (kicker / headline / subtitle);
3. reflow the rest: a gap is closed when the text before it cannot end a paragraph, or the text
   after it cannot open one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from fangzhi.lexicon import chars, layout, press
from fangzhi.model import Block, Line, Page, Span
from fangzhi.read import credits
from fangzhi.read.reflow import (
    cannot_open,
    closes_gap,
    ends_inside_word,
    ends_open,
    known_word_spans_gap,
    role_label,
    starts_mid,
    word_spans_gap,
)
from fangzhi.read.vocabulary import PageVocabulary

# The blocks that open an article under the head printed over them, and the roles of its heads.
ANCHORS = ("dateline", "byline", "caption")
HEAD_ROLES = ("kicker", "headline", "subtitle")
MAX_HEAD_LINES = 6
MAX_HEAD_LEN = 64
# The longest paragraph lines are joined into: past it a gap is left open, so that lines which
# never end a sentence (OCR that lost its marks) make paragraphs of a bounded length.
MAX_BLOCK_CHARS = 20_000


@dataclass(slots=True)
class Unit:
    """A line, or the part of one, with what the first pass made of it."""

    kind: str  # dateline | byline | caption | credit | head | prose
    span: Span
    line: Line
    heading: int = 0
    extra_spans: list[Span] = field(default_factory=list)  # a dateline continued on the next line
    role: str | None = None  # kicker / headline / subtitle once grouped
    group: int = -1
    wraps: bool = False  # a head line that goes on from the line above (a long head wrapped)


@dataclass(frozen=True)
class Layout:
    blocks: tuple[Block, ...]
    groups: dict[int, tuple[int, ...]]  # group id → indexes of its blocks
    group_of: dict[int, int]  # block index → group id

    @functools.cached_property
    def vocabulary(self) -> PageVocabulary:
        """The page's words, read once for the boundary model and the placing of tails."""
        return PageVocabulary(self.blocks)

    @functools.cached_property
    def datelines(self) -> dict[int, credits.DatelineMatch | None]:
        """Each dateline block's match, read once for the report's source, credit and date and
        for the page's publication (the block holds its dateline alone)."""
        return {
            i: credits.match_dateline(b.text, alone=True)
            for i, b in enumerate(self.blocks)
            if b.kind == "dateline"
        }

    def forget_vocabulary(self) -> None:
        """Let the page's words go: read for the boundaries and the tails only, they would
        otherwise stay while the articles are built (a tenth of a page's peak memory)."""
        self.__dict__.pop("vocabulary", None)


def build_blocks(page: Page) -> Layout:
    units = _classify(page)
    _group_heads(units, page.text)
    blocks, group_of = _reflow(units, page.text)
    groups: dict[int, list[int]] = {}
    for i, g in group_of.items():
        groups.setdefault(g, []).append(i)
    return Layout(tuple(blocks), {g: tuple(v) for g, v in groups.items()}, group_of)


# ---------------------------------------------------------------- pass 1: classify

# The marks papers set before a picture's caption (▲ under the picture, △ beside it); the same
# marks open the items of a list, printed one under another.
_CAPTION_MARKS = "▲△"


def _opening_mark(page: Page, line: Line) -> str:
    """The mark printed before the line's first character, as the raw page shows it."""
    raw = page.raw.text
    at = page.offsets.to_raw(line.span.start) - 1
    while at >= 0 and raw[at] in " \u3000":
        at -= 1
    return raw[at] if at >= 0 else ""


def _caption_marked(page: Page, line: Line) -> bool:
    """The line opens with a caption mark (normalising dropped it; Line.marks says where)."""
    at_start = bool(line.marks) and line.marks[0] == line.span.start
    return at_start and _opening_mark(page, line) in _CAPTION_MARKS


def _lone_caption(page: Page, i: int, s: str) -> bool:
    """A line opened by a caption mark, one or two sentences long, with no line next to it opened
    by the same kind of mark (a list's items)."""
    lines = page.lines
    line = lines[i]
    if line.heading or not 8 <= len(s) <= 120 or not s.endswith("。") or s.count("。") > 2:
        return False
    return _caption_marked(page, line) and not any(
        _caption_marked(page, lines[j]) for j in (i - 1, i + 1) if 0 <= j < len(lines)
    )


def _classify(page: Page) -> list[Unit]:
    text = page.text
    units: list[Unit] = []
    lines = page.lines
    skip_next = False
    for i, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        s = text[line.span.start : line.span.end]  # the line's text, sliced here: asked of every line
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        dl = credits.match_dateline(s)
        if dl is None and nxt is not None and (s[-1:].isdigit() or s[-1:] in _DATE_LEFT_OPEN):
            dl = _dateline_over_cut_date(s, nxt.span.of(text))
        elif dl is None and nxt is not None and len(s) <= _DATELINE_ALONE_MAX and _ends_as_dateline(s):
            above = text[lines[i - 1].span.start : lines[i - 1].span.end] if i else ""
            dl = _dateline_over_lead(s, nxt.span.of(text), above)
        if dl is not None and not line.heading:
            extra: list[Span] = []
            end = dl.end
            # 衡阳晚报讯 / (通讯员 某某) printed on two lines
            if dl.credit_end == dl.credit_start and end == len(s.rstrip()) and nxt is not None:
                ns = nxt.span.of(text)
                # the credit on a line of its own under it: bracketed, or its roles and names
                # spaced apart (本报讯 / 记者 张三 / 5月3日，…)
                head = "本报讯" if ns[:1] in "（(" else "本报讯 "
                cm = credits.match_dateline(head + ns)
                if cm is not None and cm.credit_end > cm.credit_start:
                    extra.append(Span(nxt.span.start, nxt.span.start + cm.end - len(head)))
                    skip_next = True
                    rest = ns[cm.end - len(head) :].lstrip()
                    units.append(
                        Unit(
                            "dateline", Span(line.span.start, line.span.start + end), line, extra_spans=extra
                        )
                    )
                    if rest:
                        off = nxt.span.end - len(rest)
                        units.append(Unit("prose", Span(off, nxt.span.end), nxt))
                    continue
            units.append(Unit("dateline", Span(line.span.start, line.span.start + end), line))
            rest_start = line.span.start + end
            while rest_start < line.span.end and text[rest_start] == " ":
                rest_start += 1
            if rest_start < line.span.end:
                units.extend(_prose_and_credit(Span(rest_start, line.span.end), line, text))
            continue
        if line.marks and _lone_caption(page, i, s):
            units.append(Unit("caption", line.span, line))  # ▲3月4日，游客在…。: under its picture
            continue
        if (
            len(s) <= 30  # photo_credit_line's own first test, asked here of every line
            and credits.photo_credit_line(s)
            and units
            and units[-1].kind == "prose"
            and units[-1].line is lines[i - 1]
        ):
            # ■通讯员 某某 摄 on its own line credits the picture captioned just above it; under
            # a report's closing line (…出席会议。) or a speaker's words it credits the report's
            # picture, its caption not printed here
            above = units[-1].span.of(text)
            if not _report_speaks(above):
                units[-1].kind = "caption"
            units.append(Unit("credit", line.span, line))
            continue
        if nxt is not None and not line.heading and _outlet_over_byline(s, nxt, text):
            # 齐鲁晚报·齐鲁壹点 / 记者 张三: the outlet's name on a line above its reporter's
            units.append(Unit("byline", line.span, line, extra_spans=[nxt.span]))
            skip_next = True
            continue
        if (
            nxt is not None
            and ("、" in s or " " in s)  # names in a list stand apart
            and not line.marks
            and credits.names_only(s)  # before the line below is read: most lines are no names
            and cannot_open(nxt.span.of(text))
        ):
            # 甲、乙、丙 / 等10人获评…: a list of names the next line goes on from, no credit
            units.append(Unit("prose", line.span, line))
            continue
        if (
            nxt is not None
            and not line.heading
            and not nxt.heading
            and role_label(s)
            and len(nxt.span.of(text).strip()) <= 24
        ):
            # 记者 / 甲乙: a closer's label on a line of its own, what it credits on the next
            units.append(Unit("credit", line.span, line, extra_spans=[nxt.span]))
            skip_next = True
            continue
        # a long line is tried only when it names a role (a credit of two roles and five names)
        tried = line.marks or len(s) <= 30 or (len(s) <= 60 and "。" not in s and credits.names_a_role(s))
        if tried and credits.is_byline_line(s):
            units.append(Unit("byline", line.span, line))
            continue
        if (
            not line.marks
            and not line.heading
            and units
            and units[-1].kind == "head"
            and nxt is not None
            and not nxt.heading
            and len(s.strip()) <= 4
            and credits.looks_like_name(s.strip())
            and not _head_like(nxt.span.of(text), nxt)
        ):
            # a name alone between a head and the lead: the report's author, unmarked
            units.append(Unit("byline", line.span, line))
            continue
        if line.marks and not line.heading and credits.looks_like_name(s.strip()):
            # ■张三: one name after a list mark, the byline under a head or the credit after a body
            after_head = bool(units) and units[-1].kind == "head"
            units.append(Unit("byline" if after_head else "credit", line.span, line))
            continue
        pc = credits.photo_credit(s) if "摄" in s else None
        if pc is not None and (line.marks or "摄" in pc.group()):
            cut = pc.start()
            cap_end = line.span.start + len(s[:cut].rstrip())
            # …出席会议。本报记者 甲 摄: a report's closing line with its picture's credit run on
            # (the picture is printed elsewhere), not a caption
            kind = "prose" if _report_speaks(s[:cut]) else "caption"
            units.append(Unit(kind, Span(line.span.start, cap_end), line))
            units.append(Unit("credit", Span(line.span.start + cut, line.span.end), line))
            continue
        if (
            not line.heading
            and s.lstrip()[:1] in _GROUP_CAPTION_OPENS
            and press.GROUP_CAPTION.match(s.strip())
        ):
            units.append(Unit("caption", line.span, line))  # 从左至右：甲、乙: who stands in the picture
            continue
        # a caption's credit is found after 图为 / 图片为 / 图中 or before 供图 / 提供
        at = credits.caption_credit(s) if "图" in s or "提供" in s else None
        if at is not None and not line.heading:
            # …。图为… 本报记者 张三: a caption whose credit gives no 摄
            cap_end = line.span.start + len(s[:at].rstrip())
            units.append(Unit("caption", Span(line.span.start, cap_end), line))
            units.append(Unit("credit", Span(line.span.start + at, line.span.end), line))
            continue
        if (
            not line.heading
            and units
            and units[-1].kind == "prose"
            and _author_under_last_sentence(s, units[-1], text)
        ):
            units.append(Unit("credit", line.span, line))  # …分析。/ 张三: the author, unmarked
            continue
        cut = not line.heading and _cut_inside_word(s, nxt.span.of(text) if nxt is not None else "")
        kind = "head" if _head_like(s, line) and not cut else "prose"
        if kind == "head" and not line.heading and credits.trailing_credit(s) == 0:
            # all of a short line is a credit: （记者 张三） after a report; under a head (来源：某报),
            # or between a head and the lead's date (（记者 甲 乙摄影报道） / N月N日，…), it credits
            # the report below, as a byline line does
            after_head = (
                bool(units)
                and units[-1].kind == "head"
                and (
                    credits.source_line(s)
                    or (nxt is not None and layout.LEAD_OPENING.match(nxt.span.of(text).lstrip()) is not None)
                )
            )
            units.append(Unit("byline" if after_head else "credit", line.span, line))
        elif kind == "prose" and not line.heading:
            units.extend(_prose_and_credit(line.span, line, text))
        else:
            units.append(Unit(kind, line.span, line, heading=line.heading))
    return units


def _author_under_last_sentence(s: str, above: Unit, text: str) -> bool:
    """A line of one name (张三, 张 三) under prose whose sentence is ended: no sentence goes on
    into a bare name, so it is who wrote the report; so is a credit signed off with a dash
    (——张三, ——记者 张三), which as a kicker would head nothing."""
    name = s.strip()
    signed = name.startswith("—")
    name = name.lstrip("—- ") if signed else name
    if not 2 <= len(name) <= (40 if signed else 5) or above.span.of(text).rstrip()[-1:] not in "。！？”…":
        return False
    bare = name.replace(" ", "").replace("\u3000", "")
    return (len(bare) <= 4 and credits.looks_like_name(bare)) or (signed and credits.is_byline_line(name))


# the first characters press.GROUP_CAPTION can open with (从左至右, 左起, 前排, 上图, 图①, 图为, …)
_GROUP_CAPTION_OPENS = "从左右前后上下图"


def _prose_and_credit(span: Span, line: Line, text: str) -> list[Unit]:
    """Prose, less a credit printed after its last sentence on the same line (…。（记者 张三））."""
    s = span.of(text)
    credit_at = credits.trailing_credit(s)
    if credit_at is None:
        return [Unit("prose", span, line)]
    out = [Unit("credit", Span(span.start + credit_at, span.end), line)]
    if credit_at > 0:
        before = s[:credit_at].rstrip()
        # a picture's credit after the sentences it ends (…增长两成以上。 ■甲 摄): they are its
        # caption, as on a line of its own under them, unless they are a report's (someone speaks,
        # a report's closing line)
        captioned = (
            len(before) <= _CAPTION_MAX
            and credits.picture_credit(s[credit_at:])
            and not _report_speaks(before)
        )
        out.insert(
            0, Unit("caption" if captioned else "prose", Span(span.start, span.start + len(before)), line)
        )
    return out


_CAPTION_MAX = 160  # a caption's sentences, at most: one or two


# An outlet's name: a paper's, a client's or a centre's, or two names joined by · (齐鲁晚报·齐鲁壹点).
# Short suffixes (网, 台, 报) end headlines too (智慧电网, 服务平台, 工作汇报), so they do not count.
_OUTLET_LINE = re.compile(
    r"[\u4e00-\u9fffA-Za-z]{2,12}(?:·[\u4e00-\u9fffA-Za-z]{2,10}"
    r"|日报|晚报|早报|时报|商报|都市报|客户端|融媒体中心|新闻中心|电视台|新闻网|融媒)"
)


def _outlet_over_byline(s: str, below: Line, text: str) -> bool:
    """An outlet's name alone on a line, and under it (the line `below`) a line of roles and names."""
    s = s.strip()
    if len(s) > 20 or _OUTLET_LINE.fullmatch(s) is None:
        return False  # told before the line below is read
    nxt = below.span.of(text).strip()
    if not credits.is_byline_line(nxt):
        return False
    first = credits.credits_named(nxt, 0)[:1]
    return bool(first) and first[0].role is not None


def _cut_inside_word(s: str, below: str) -> bool:
    """A paragraph a column or the page cut inside a word (…关于促消费工|作): its last word a
    character seldom alone that the line below does not complete (a head wrapped inside a word,
    我市开展安|全生产大检查, goes on in it)."""
    return (
        ends_inside_word(s)
        and not layout.SUBTITLE_START.match(s)
        and not (below and known_word_spans_gap(s, below.strip()))
    )


def _head_like(s: str, line: Line) -> bool:
    """Could this line be part of a headline block?"""
    if "。" in s or s[-1] in "，、；,;":
        return False
    if line.heading:
        return len(s) <= 100
    if layout.LEAD_OPENING.match(s) or layout.EDITORS_NOTE.match(s):
        return False  # a lead cut by a column gap before its first full stop (3月2日，市委…|…)
    if (s[-1:].isdigit() or s[-1:] in _DATE_LEFT_OPEN) and _OPEN_DATE_END.search(s):
        return False  # a lead's date a column gap cut (某某讯6月|24日，… / 2016年6月17日上|午，…)
    if len(s) > MAX_HEAD_LEN:
        return False
    return not (s[-1] in "！？!?" and "，" in s)


_CLAUSE_BREAK = re.compile("[，。；,;]")
# a date left open at a line's end: a year, a month, a day's number or its part of the day to come
_OPEN_DATE_END = re.compile(r"(?:\d{4}年|\d{1,2}月|\d{1,2}月\d|\d{1,2}日[上下中晚])$")
_DATE_LEFT_OPEN = "年月上下中晚"  # the characters such a date may end on, but a digit


def is_titleish(s: str) -> bool:
    """Head-like and terse: no clause breaks, short. Such a line may stand alone as a title."""
    if len(s) > 40 or _CLAUSE_BREAK.search(s) or s[-1] in "、：":
        return False
    return _FOUR_HAN.search(s) is not None


# four Han characters with anything between them: a text holds it when it holds four or more
# (found without a list of every Han character, as counting them made)
_FOUR_HAN = re.compile(f"[{chars.HAN}](?:[^{chars.HAN}]*[{chars.HAN}]){{3}}")


def _dateline_over_cut_date(s: str, ns: str) -> credits.DatelineMatch | None:
    """A dateline that reads only with the lead's date, which a column gap cut (某网（记者 甲）20 /
    16年2月10日，…): read with the next line, it ends on this one."""
    if not (ns[:1].isdigit() or ns[:1] in "年月日午"):
        return None
    dl = credits.match_dateline(s + ns)
    return dl if dl is not None and dl.end < len(s) else None


# A dateline printed on a line of its own, the lead's day opening the next line: how long it may be
_DATELINE_ALONE_MAX = 48
# the outlets such a line may name with no one credited: a paper's or a newsroom's word, never
# 网 or 新闻 alone, which close many a title (织密安全防护网 over a lead is no dateline)
_OUTLET_ALONE = ("报", "融媒", "融媒体中心", "全媒体", "报道组", "新闻网", "客户端", "电视台", "广播电视台")


# the brackets a credit alone on its line is framed by
_CREDIT_OPENS, _CREDIT_CLOSES = "（(【[", ")）】]"


def _ends_as_dateline(s: str) -> bool:
    """The line ends as a dateline does: on a bracket closing its credit, or on an outlet's name."""
    last = s[-1:]
    return last in _CREDIT_CLOSES or chars.is_han(last)


def _dateline_over_lead(s: str, ns: str, above: str) -> credits.DatelineMatch | None:
    """A dateline alone on its line ((某某日报记者 甲) / 某某晚报全媒体 / 某某网(特约记者 甲)), the
    next line opening the lead with its day: read with that line, it ends where this one does. It
    must credit someone in brackets, or name an outlet by a word only outlets end in. A bracket
    that opens the line under a sentence's end is the credit of the report over it, as papers
    print one after a report's last paragraph: no dateline."""
    if s[:1] in _CREDIT_OPENS and above.rstrip().endswith(("。", "！", "？", "”", "…")):
        return None
    if layout.LEAD_OPENING.match(ns) is None:
        # a lead that gives no day (a feature's opening): only an outlet's name and a bracket
        # crediting its people (某某网(特约记者 甲)) is a dateline on its own, as no title is
        dl = credits.match_dateline(s, alone=True)
        named = dl is not None and dl.source is not None and dl.credit_end > dl.credit_start
        return dl if named and s[:1] not in _CREDIT_OPENS and s.rstrip()[-1:] in _CREDIT_CLOSES else None
    dl = credits.match_dateline(s + ns)
    if dl is None or not len(s.rstrip()) <= dl.end <= len(s):
        return None
    if dl.credit_end > dl.credit_start:
        # a credit in brackets; its roles and names bare on their line (某某网记者 甲) are a byline's
        return dl if s.rstrip()[-1:] in _CREDIT_CLOSES else None
    return dl if dl.source is not None and dl.source.endswith(_OUTLET_ALONE) else None


# ---------------------------------------------------------------- pass 2: head groups


def _group_heads(units: list[Unit], text: str) -> None:
    gid = 0
    n = len(units)
    for i, u in enumerate(units):
        if u.kind not in ANCHORS and not _lead_after_titles(units, i, text):
            continue
        members = _heads_before(units, i, text)
        if not members:
            continue
        nxt = units[i + 1] if i + 1 < n else None
        if (
            u.kind == "byline"
            and nxt is not None
            and nxt.kind == "dateline"
            and len(members) >= 2
            and _credited(nxt, text)
        ):
            # two heads interleaved: the byline's article takes the last title, the dateline's
            # the rest — when the dateline names its own reporters; else the line over it is its
            take = 2 if text[units[members[-1]].span.start : units[members[-1]].span.start + 1] == "—" else 1
            own, other = members[-take:], members[:-take]
            _assign(units, other, gid, text)
            gid += 1
            members = own
        _assign(units, members, gid, text)
        gid += 1
    # markdown headings and whole bold lines that no anchor claimed still head something
    for i, u in enumerate(units):
        if u.kind == "head" and (u.heading or u.line.bold) and u.group < 0:
            members = [i]
            j = i + 1
            while j < n and units[j].kind == "head" and units[j].group < 0 and len(members) < 3:
                if not is_titleish(units[j].span.of(text)) and not (units[j].heading or units[j].line.bold):
                    break
                members.append(j)
                j += 1
            k = i - 1
            while k >= 0 and units[k].kind == "head" and units[k].group < 0 and len(members) < 4:
                if not _kicker_like(units[k].span.of(text)):
                    break
                members.insert(0, k)
                k -= 1
            _assign(units, members, gid, text)
            gid += 1


def _credited(u: Unit, text: str) -> bool:
    """A dateline that names its own reporters (本报讯（记者 某某）)."""
    m = credits.match_dateline(u.span.of(text), alone=True)
    return m is not None and m.credit_end > m.credit_start


def _lead_after_titles(units: list[Unit], i: int, text: str) -> bool:
    """A report printed without a dateline: title lines, then a lead opening with its date
    (6月3日上午，… / 近日，…), under a finished paragraph or at the top of the page."""
    u = units[i]
    # no title line just above: most paragraphs are told so before the three openings are tried
    if u.kind != "prose" or i == 0 or units[i - 1].kind != "head":
        return False
    if not opens_as_lead(u.span.of(text)) and not _reports_the_title(units, i, text):
        return False  # the lead, or an editor's note over it, opens the report under its titles
    k = i
    while k > 0 and units[k - 1].kind == "head" and is_titleish(units[k - 1].span.of(text)):
        k -= 1
    if k == i:
        return False
    before = units[k - 1] if k > 0 else None
    # a paragraph sent on to another page (（下转第五版）) has ended here, though mid-sentence
    return (
        before is None
        or before.kind != "prose"
        or before.line.jump == "to"
        or chars.can_end(before.span.of(text))
    )


def opens_as_lead(paragraph: str) -> bool:
    """Does the paragraph open as a report's lead does (with its day, 近日, 本周, 记者从…获悉), or
    with an editor's note over the lead?"""
    return bool(
        layout.LEAD_OPENING.match(paragraph)
        or layout.EDITORS_NOTE.match(paragraph)
        or layout.UNDATED_LEAD.match(paragraph)
    )


def _reports_the_title(units: list[Unit], i: int, text: str) -> bool:
    """A single terse line naming an event (某某会议召开, 甲调研某某), over a paragraph whose first
    sentence reports that event in the line's words: a headline over its lead, no subhead."""
    if units[i - 1].kind != "head" or (i >= 2 and units[i - 2].kind == "head"):
        return False
    return reports_the_title(units[i - 1].span.of(text), units[i].span.of(text))


def reports_the_title(title: str, lead: str) -> bool:
    """The lead's first sentence reports the event the title names, in the title's words."""
    m = layout.EVENT_IN_TITLE.search(title)
    first = lead.split("。", 1)[0]
    if m is None or m.group() not in first:
        return False
    shared = {title[k : k + 2] for k in range(len(title) - 1)} & {
        first[k : k + 2] for k in range(len(first) - 1)
    }
    return sum(1 for b in shared if chars.is_han(b[0]) and chars.is_han(b[1])) >= 3


def _heads_before(units: list[Unit], i: int, text: str) -> list[int]:
    members: list[int] = []
    k = i - 1
    while k >= 0 and units[k].kind == "head" and units[k].group < 0 and len(members) < MAX_HEAD_LINES:
        members.insert(0, k)
        k -= 1
    # a clause-bearing line opens a group only as a kicker or after a markdown headline
    while members:
        first = units[members[0]]
        s = first.span.of(text)
        if first.heading or is_titleish(s) or _kicker_like(s):
            break
        members.pop(0)
    if units[i].kind == "caption" and any(units[m].kind != "head" for m in members):
        return []
    return members


# a line of short phrases set apart by spaces, with no mark between them: a slogan title
_SLOGAN = re.compile(f"[{chars.HAN}]{{2,12}}(?:[ \u3000]+[{chars.HAN}]{{2,14}})+")


def _slogan(s: str) -> bool:
    return _SLOGAN.fullmatch(s.strip(" #\u3000")) is not None


# what a title urges: the thesis a report's event served, as papers title it (推动某某再上新台阶,
# 为某某注入强劲动能, 奋力开创某某新局面, 坚决守牢某某底线)
_THESIS = re.compile(
    r"推动|打好|做好|抓好|守牢|注入|提升|开创|跑出|奋力|确保|惠及|谱写|加快|助力|全力|坚决|高质量"
)


def _states_event(s: str) -> bool:
    """The line states an event (某某召开会议, 某某调研某某), urging nothing."""
    return layout.EVENT_IN_TITLE.search(s) is not None and _THESIS.search(s) is None


def _kicker_like(s: str) -> bool:
    return bool(layout.KICKER_END.search(s)) or _COLUMN_LABEL.fullmatch(s.strip()) is not None


# a column's label wholly in brackets over a head (【聚焦两会】): the kicker, never the title
_COLUMN_LABEL = re.compile(r"【[^【】]{2,16}】")


def _assign(units: list[Unit], members: list[int], gid: int, text: str) -> None:
    lines: list[tuple[str, int]] = []
    of: list[int] = []  # the line (of `lines`) each member is part of
    for k, m in enumerate(members):
        s, lv = units[m].span.of(text), units[m].heading
        if k and _wrapped(units[members[k - 1]], units[m], text):
            units[m].wraps = True
            lines[-1] = (lines[-1][0] + s, lv)
        else:
            lines.append((s, lv))
        of.append(len(lines) - 1)
    roles = head_roles(lines)
    for m, line in zip(members, of, strict=True):
        units[m].role = roles[line]
        units[m].group = gid


def _wrapped(above: Unit, unit: Unit, text: str) -> bool:
    """A head too long for its line goes on on the next: marked alike, and a word runs across the
    break (我市开展安|全生产大检查 → 安全生产), where a kicker and its headline part between words."""
    if unit.heading != above.heading:
        return False
    a, b = above.span.of(text), unit.span.of(text)
    if layout.SUBTITLE_START.match(b) or not a or not chars.is_han(a[-1]) or not chars.is_han(b[:1] or " "):
        return False
    if layout.SUBTITLE_CUE.search(b):
        return False  # 某某主持: a subtitle naming who, whose name may make a word with the line above
    phrases = a.split()
    if len(phrases) > 1:
        # a line of phrases spaced apart (抢抓机遇 争先进位) is a whole title, unless its last
        # phrase is one character or a word runs on into the next line (坚|决守牢…, 经济|运行…),
        # which does not state an event of its own (甲会见乙一行: a subtitle)
        if layout.EVENT_IN_TITLE.search(b):
            return False
        return len(phrases[-1]) == 1 or word_spans_gap(a, b)
    if above.heading and not layout.KICKER_END.search(a) and not chars.can_end(a):
        return True  # two lines of one markdown level, the first ending no phrase: one head wrapped
    return word_spans_gap(a, b)


def head_roles(lines: list[tuple[str, int]]) -> list[str]:
    """Kicker (引题), headline (主题) and subtitle (副题) for the lines of one headline block."""
    n = len(lines)
    levels = [lv for _, lv in lines if lv]
    # the one line marked above the others is the headline; lines all marked alike say nothing
    # of which is, and are read by their words as plain lines are
    if levels and (len(levels) < n or levels.count(min(levels)) == 1):
        top = min(levels)
        h = next(i for i, (_, lv) in enumerate(lines) if lv == top)
        return ["kicker" if i < h else "headline" if i == h else "subtitle" for i in range(n)]
    if n == 1:
        return ["headline"]
    first, second = lines[0][0], lines[1][0]
    kicker_first = _kicker_like(first) and not layout.SUBTITLE_START.match(second)
    if n == 2:
        if layout.SUBTITLE_START.match(second) or (layout.SUBTITLE_CUE.search(second) and not kicker_first):
            return ["headline", "subtitle"]
        if kicker_first or (_slogan(second) and not _slogan(first)):
            # phrases set apart (凝心聚力 抢抓机遇) under a plain statement (市委常委会召开会议): the
            # slogan is the title, the statement over it its kicker, as papers set them
            return ["kicker", "headline"]
        if _states_event(first) and _THESIS.search(second) and not _states_event(second):
            # the event stated (市委常委会召开会议) over the thesis it served (为某某注入强劲动能):
            # the thesis is the title; under it, the event would be its subtitle
            return ["kicker", "headline"]
        return ["headline", "subtitle"]
    if kicker_first or not (layout.SUBTITLE_START.match(second) or layout.SUBTITLE_CUE.search(second)):
        return ["kicker", "headline"] + ["subtitle"] * (n - 2)
    return ["headline"] + ["subtitle"] * (n - 1)


# ---------------------------------------------------------------- pass 3: reflow


def _reflow(units: list[Unit], text: str) -> tuple[list[Block], dict[int, int]]:
    blocks: list[Block] = []
    group_of: dict[int, int] = {}
    para: list[Unit] = []
    left = ""  # the text of `para`, grown with it rather than joined again for every line

    def flush() -> None:
        if para:
            blocks.append(_body_block(para, left))
            para.clear()

    for u in units:
        if u.kind in ("prose", "head") and u.group < 0:
            s = text[u.span.start : u.span.end]
            if para:
                ended = para[-1].line.ended or para[-1].line.jump == "to"
                joins = len(left) < MAX_BLOCK_CHARS and not ended
                if joins and closes_gap(left, s, left_titleish=len(para) == 1 and is_titleish(left)):
                    para.append(u)
                    left += s
                    continue
                flush()
            para.append(u)
            left = s
            continue
        flush()
        if u.group >= 0:
            if u.wraps and blocks and group_of.get(len(blocks) - 1) == u.group:
                last = blocks[-1]  # the rest of the head line above
                blocks[-1] = Block(last.kind, (*last.spans, u.span), last.text + u.span.of(text))
                continue
            group_of[len(blocks)] = u.group
            blocks.append(Block(u.role or "headline", (u.span,), u.span.of(text)))
            continue
        spans = (u.span, *u.extra_spans)
        blocks.append(Block(u.kind, spans, "".join(sp.of(text) for sp in spans)))
    flush()
    return blocks, group_of


def _report_speaks(text: str) -> bool:
    """The paragraph is a report's, not a picture's: someone speaks in it, or it closes a
    report as reports close (市领导某某出席会议。)."""
    closes = layout.CLOSING_TAIL.search(text) and layout.LEADER_WORD.search(text)
    return bool(layout.SPEAKS.search(text) or closes or layout.CLOSING_OTHER.search(text))


# layout.CLOSING_TAIL's longest match (a verb, 了, an event's name of up to six characters and its
# word, 并 and a verb, 。) is 18 characters, and it ends the text: it is sought among the text's
# last characters only
_CLOSING_TAIL_REACH = 24
# how layout.CLOSING_OTHER's match ends the text (before a last line break, as $ reads it)
_CLOSING_OTHER_ENDS = ("其他事项。", "完）", "完)")


def _closes_report(body: str) -> bool:
    """The body ends as a report closes: layout.CLOSING_TAIL with a leader named, or CLOSING_OTHER."""
    tail = layout.CLOSING_TAIL.search(body, max(0, len(body) - _CLOSING_TAIL_REACH))
    if tail and layout.LEADER_WORD.search(body):
        return True
    end = body[:-1] if body.endswith("\n") else body
    return end.endswith(_CLOSING_OTHER_ENDS) and layout.CLOSING_OTHER.search(body) is not None


def _body_block(units: list[Unit], body: str) -> Block:
    """A paragraph of the units, whose text is `body`."""
    spans = tuple(u.span for u in units)
    closing = units[-1].line.ended or bool(
        len(body) <= 200
        # both closings end in 。 or a bracket, and a body never ends in a line break
        and body.endswith(("。", "）", ")"))
        and _closes_report(body)
    )
    jump = units[-1].line.jump if units[-1].line.jump == "to" else units[0].line.jump
    return Block(
        "body",
        spans,
        body,
        closing=closing,
        starts_mid=starts_mid(body) or jump == "from",
        ends_open=ends_open(body) or jump == "to",
        jump=jump,
        titleish=is_titleish(body),
    )


__all__ = ["Layout", "build_blocks", "chars", "head_roles", "is_titleish"]
