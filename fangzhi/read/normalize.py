"""RawPage → Page: strip markup, fold widths, set page furniture aside, keep an offset map.

Only deletions and one-for-one replacements happen here, so every normalised character keeps
its place in the raw text (see offsets.py). Lines stay lines: deciding which line breaks are
column gaps needs the blocks around them and happens in blocks.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from fangzhi.lexicon import chars, events, layout, press
from fangzhi.model import Furniture, Line, Page, Problem, RawPage, Span
from fangzhi.read.folio import folio_of
from fangzhi.read.offsets import OffsetBuilder

_HEADING = re.compile(r"(#{1,6})[ \t]*")
_BOLD = re.compile(r"\*\*|__")
_SPACE = " \t\u3000\xa0\r\f\v"
_STRAY_SPACE = re.compile(rf"(?<=[{chars.HAN}，。、；：])[ ]+(?=[{chars.HAN}])")
_BULLET = re.compile(f"[{chars.BULLETS}]")
_BRACKET = re.compile("[" + re.escape(chars.OPENERS + chars.CLOSERS_ALL) + "]")
_NEEDS_WIDTH_FOLD = re.compile("[\uff05\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\xa0\t]")
_HALF_PUNCT = re.compile(r"[,;:?!()]")
# every character _drops_any or _fold_punctuation looks for: a bold mark's, a bullet, a space, a
# half-width mark; a line with none of them is kept whole as printed
_DROPPED_OR_FOLDED = re.compile(f"[*_ {chars.BULLETS},;:?!()]")
_CJK_CONTEXT = f"[{chars.HAN}，。、；：！？“”‘’（）《》]"
# a half-width mark with Chinese text among the two characters before it or the two after it:
# the marks a page folds, found by the pattern alone (a Python call a mark searched its context)
_IN_CJK_CONTEXT = re.compile(
    rf"[,;:?!()](?:(?<={_CJK_CONTEXT}.)|(?<={_CJK_CONTEXT}..)|(?=.?{_CJK_CONTEXT}))", re.DOTALL
)
# a dateline's head (本报讯, 【本报讯】, 某某日报消息：) or a role: a credit's spaces follow
_CREDIT_LEAD = re.compile(
    r"^.{0,16}?(?:讯|电|消息)】?[\s:：]*|^(?:"
    + "|".join(re.escape(r) for r in press.BYLINE_ROLES if len(r) > 1)
    + ")"
)


def normalize(raw: RawPage, *, t2s: bool = False, max_line: int = 20_000) -> Page:
    """Normalise a page. With t2s the page reads and shows simplified; a traditional page read
    without it is analysed through its simplified shadow and still shown as printed."""
    from fangzhi.read.script import is_mostly_traditional, to_simplified

    text = raw.text
    shown: str | None = None
    lone = _lone_surrogate(text)
    if lone:
        # half of a character pair, left by a broken decoder: no character at all, and nothing
        # downstream can encode it; a replacement mark of the same length keeps every offset
        text = _SURROGATE.sub("\ufffd", text)
    if t2s or is_mostly_traditional(text):
        simplified = to_simplified(text)
        shown = None if t2s else text.translate(chars.FULL_TO_ASCII)
        text = simplified
    if _NEEDS_WIDTH_FOLD.search(text):
        text = text.translate(chars.FULL_TO_ASCII)
    out = OffsetBuilder()
    lines: list[Line] = []
    furniture: list[Furniture] = []
    gap = 0
    coming = False  # a jump line of its own (（上接第一版）) came: the next line comes from elsewhere
    long_lines = 0
    for start, end, cut, empty in _raw_lines(text, max_line):
        long_lines += cut
        gap += empty
        piece = _strip_line(text, start, end)
        if piece is None:
            gap += 1
            continue
        a, b, level = piece
        # the line break before the line (none before the first), kept with the line's text
        brk = start - 1 if lines or furniture else -1
        line, furn = _emit_line(text, a, b, level, gap, out, shown, brk, under=bool(lines))
        if line is None:
            jump = furn[-1].kind if furn else None
            if jump == "jump-to" and lines and lines[-1].jump is None:
                lines[-1] = replace(lines[-1], jump="to")
            elif jump == "end-mark" and lines:
                lines[-1] = replace(lines[-1], ended=True)
            coming = coming or jump == "jump-from"
        elif coming:
            line, coming = replace(line, jump=line.jump or "from"), False
        if line is not None:
            lines.append(line)
        furniture.extend(furn)
        gap = 0
    norm, norm_shown, offsets = out.build(len(raw.text))
    lines, furniture = _masthead(lines, furniture, norm)
    problems: tuple[Problem, ...] = ()
    if long_lines:
        problems += (
            Problem(
                "line.long",
                f"{long_lines} stretches of a line longer than {max_line} characters were read as lines "
                "of their own (no line breaks in the text: OCR that lost them?)",
            ),
        )
    if lone:
        problems += (
            Problem(
                "text.surrogate",
                f"the text holds a lone surrogate (U+{ord(lone.group()):04X}) at character {lone.start()}: "
                "no character; read as U+FFFD",
            ),
        )
    if not lines:
        problems += (Problem("page.empty", "the page holds no text once furniture is set aside"),)
    return Page(
        raw,
        norm,
        norm_shown,
        offsets,
        tuple(lines),
        tuple(sorted(furniture, key=lambda f: f.span.start)),
        problems,
        printed_date=_printed_date(furniture, norm),
        masthead=_paper_name(furniture, norm),
        folio=_folio(furniture, norm),
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(text: str) -> re.Match[str] | None:
    """The first lone surrogate in the text. UTF-8 encodes every other character: the encoder (in
    C, a quarter of the pattern's time) clears a page that holds none before the pattern is sought."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.search(text)
    return None


# A masthead is a name (今日某县, 某某日报); a title names what happened: a meeting, an event held,
# a visit, a reception, a ceremony.
_VISITS = events.INSPECTION_WORDS + r"|会见|会谈"
_EVENT_TITLE = re.compile("|".join((events.MEETING_NOUN, events.HELD_WORDS, events.CEREMONY_NOUN, _VISITS)))


def _masthead(lines: list[Line], furniture: list[Furniture], text: str) -> tuple[list[Line], list[Furniture]]:
    """A short title at the very top, next to the page header, is the paper's masthead (今日某县)."""
    if not lines or not furniture:
        return lines, furniture
    first = lines[0]
    s = first.span.of(text)
    header = [f for f in furniture if f.kind == "page-header"]
    if not header or len(s) > 10 or first.heading or any(c in s for c in "，。：:、"):
        return lines, furniture
    if _EVENT_TITLE.search(s):
        return lines, furniture  # 市委常委会召开会议 over `某报 | 日期`: a report's title, not a paper's name
    nxt = lines[1].span.start if len(lines) > 1 else len(text) + 1
    if any(first.span.end <= f.span.start < nxt for f in header) and header[0].span.start < nxt:
        return lines[1:], [Furniture("masthead", first.span), *furniture]
    return lines, furniture


def _printed_date(furniture: list[Furniture], text: str) -> date | None:
    """The page's date: a page header's day and weekday, else the day a web page's particulars
    or an e-paper's page line say it was published (刊发日期：… / …编印)."""
    for f in furniture:
        m = layout.ISSUE_DATE_LINE.search(f.span.of(text))
        if m and f.kind == "page-header":
            return _day(m.group("y"), m.group("m"), m.group("d"))
    for f in furniture:
        if f.kind in ("particulars", "page-header"):
            m = layout.PUBLISHED_DATE.search(f.span.of(text))
            if m:
                return _day(m.group("y"), m.group("m"), m.group("d"))
    return None


def _day(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _folio(furniture: list[Furniture], text: str) -> str | None:
    """The page's number in its issue, as the first page-header line to print one gives it."""
    for f in furniture:
        if f.kind == "page-header":
            found = folio_of(f.span.of(text))
            if found:
                return found
    return None


def _paper_name(furniture: list[Furniture], text: str) -> str | None:
    for f in furniture:
        if f.kind == "masthead":
            return f.span.of(text).strip()
    for f in furniture:
        if f.kind == "page-header":
            m = re.search(layout.PAPER_NAME, f.span.of(text))
            if m:
                return m.group()
    return None


_LINE = re.compile("[^\n]+")


def _raw_lines(text: str, max_line: int = 20_000) -> Iterator[tuple[int, int, bool, int]]:
    """(start, end, cut, empty) of each line that holds anything, with the number of empty lines
    just before it (half a page's lines are empty: found in C, between the lines); a line longer
    than `max_line` in pieces (cut: True), each ending after a full stop where one falls in its
    second half, so no stage reads one unbounded line."""
    after = -1  # the line break after the last line
    for m in _LINE.finditer(text):
        pos, end = m.span()
        empty, after = pos - after - 1, end
        while end - pos > max_line:
            cut = text.rfind("。", pos + max_line // 2, pos + max_line)
            cut = cut + 1 if cut >= 0 else pos + max_line
            yield pos, cut, True, empty
            empty, pos = 0, cut
        yield pos, end, False, empty


def _strip_line(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """Trim white space and a markdown heading mark; None for a blank line."""
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    if start == end:
        return None
    level = 0
    m = _HEADING.match(text, start, end) if text[start] == "#" else None
    if m:
        level = len(m.group(1))
        start = m.end()
    if start == end:
        return None
    return start, end, level


def _emit_line(
    text: str,
    a: int,
    b: int,
    level: int,
    gap: int,
    out: OffsetBuilder,
    shown: str | None = None,
    brk: int = -1,
    under: bool = False,
) -> tuple[Line | None, list[Furniture]]:
    """Keep the line text[a:b] (and the line break at `brk` before it, -1 for none) and read it;
    `under`: a line of the page's text came before it (a head, where a web page prints one)."""
    line = text[a:b]
    # most lines hold no character that is dropped or folded: told by one search, where each test
    # searched the line again; the line is kept whole as one piece, as printed
    plain = _DROPPED_OR_FOLDED.search(line) is None
    whole = plain or not _drops_any(line)
    if brk >= 0 and not (whole and brk == a - 1):
        out.keep("\n", brk)
        brk = -1
    if whole:
        line_text = line if plain else _fold_punctuation(line)
        line_shown = _fold_punctuation(shown[a:b]) if shown is not None else None
        if brk >= 0:  # the break and the line stand together in the raw text: one piece of it
            begin = out.pos + 1
            out.keep("\n" + line_text, brk, None if line_shown is None else "\n" + line_shown)
        else:
            begin = out.pos
            out.keep(line_text, a, line_shown)
        return _split_furniture(line_text, begin, out.pos, level, False, (), gap, under)
    keep, marks_raw, bold = _kept_ranges(text, a, b)
    begin = out.pos
    marks: list[int] = []
    if len(keep) == 1:  # nothing dropped inside the line, one piece kept whole
        ((x, y),) = keep
        line_text = _fold_punctuation(text[x:y])
        out.keep(line_text, x, _fold_punctuation(shown[x:y]) if shown is not None else None)
        if x in marks_raw:
            marks.append(begin)
    else:
        line_text = _fold_punctuation("".join(text[x:y] for x, y in keep))
        line_shown = _fold_punctuation("".join(shown[x:y] for x, y in keep)) if shown is not None else None
        cursor = 0
        for x, y in keep:
            marks.extend(begin + cursor for m in marks_raw if m == x)
            piece_shown = line_shown[cursor : cursor + (y - x)] if line_shown is not None else None
            out.keep(line_text[cursor : cursor + (y - x)], x, piece_shown)
            cursor += y - x
    end = out.pos
    kept_marks = tuple(sorted(set(marks))) if marks else ()
    return _split_furniture(line_text, begin, end, level, bold, kept_marks, gap, under)


def _drops_any(line: str) -> bool:
    """Whether _kept_ranges drops anything from the line: a bold mark, a bullet or a stray space
    (the tests it makes before it drops, asked at once; most lines have none of them)."""
    if "**" in line or "__" in line or _BULLET.search(line):
        return True
    return " " in line and bool(_stray_spaces(line, []))


def _kept_ranges(text: str, a: int, b: int) -> tuple[list[tuple[int, int]], list[int], bool]:
    """Raw ranges of the line that survive: bold marks, bullets and stray spaces go."""
    line = text[a:b]
    drops: list[tuple[int, int]] = []
    bold = False
    if "**" in line or "__" in line:
        drops.extend(m.span() for m in _BOLD.finditer(line))
        bold = line.startswith(("**", "__")) and line.endswith(("**", "__"))
    bullets = [m.start() for m in _BULLET.finditer(line)] if _BULLET.search(line) else []
    if bullets:
        drops.extend((i, i + 1) for i in bullets)
    if " " in line:
        drops.extend(_stray_spaces(line, bullets))
    if not drops:
        return [(a, b)], [], bold
    drops.sort()
    keep: list[tuple[int, int]] = []
    pos = 0
    for x, y in drops:
        if x > pos:
            keep.append((pos, x))
        pos = max(pos, y)
    if pos < len(line):
        keep.append((pos, len(line)))
    keep = _trim_edges(line, keep)
    marks = [next((a + x for x, _y in keep if x > bi), -1) for bi in bullets]
    return [(a + x, a + y) for x, y in keep], [m for m in marks if m >= 0], bold


def _trim_edges(line: str, keep: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spaces that deletions expose at the line's two ends go too."""
    while keep:
        x, y = keep[0]
        while x < y and line[x] in _SPACE:
            x += 1
        if x < y:
            keep[0] = (x, y)
            break
        keep.pop(0)
    while keep:
        x, y = keep[-1]
        while y > x and line[y - 1] in _SPACE:
            y -= 1
        if y > x:
            keep[-1] = (x, y)
            break
        keep.pop()
    return keep


def _stray_spaces(line: str, bullets: list[int]) -> list[tuple[int, int]]:
    """Spaces between Chinese characters of running prose are OCR noise.

    Spaces that separate names in a credit, phrases of a headline, or words inside brackets,
    quotes and titles are meaningful and stay.
    """
    if not ("。" in line or len(line) > 64):
        return []  # head-like lines keep the spaces that separate their phrases
    if "。" not in line and len(layout.ANY_FIELD.findall(line)) >= 2:
        return []  # a web page's particulars (时间：… 来源：… 作者：甲 乙): spaces part its fields
    found = [m.span() for m in _STRAY_SPACE.finditer(line)]
    if not found:
        return []
    protected_until = 0
    lead = _CREDIT_LEAD.match(line)
    if lead:
        rest = line[lead.end() :]
        credit = press.BRACKETED_CREDIT.match(rest) or press.BARE_CREDIT.match(rest)
        protected_until = lead.end() + (credit.end() if credit else _spaced_credit_end(rest))
    first_bullet = min(bullets) if bullets else len(line)
    first_bullet = min(first_bullet, _credit_after_stop(line))
    depths = _bracket_depths(line, [x for x, _ in found])
    return [
        (x, y)
        for (x, y), d in zip(found, depths, strict=True)
        if protected_until <= x < first_bullet and d == 0
    ]


def _spaced_credit_end(rest: str) -> int:
    """Where a credit run on after the dateline with no bracket (本报讯 记者 甲 乙 三月…) ends, its
    spaces parting names from each other and from the lead; 0 when none is printed."""
    from fangzhi.read.credits import spaced_credit  # late: credits is the heavier module

    found = spaced_credit(rest)
    return found[2] if found else 0


def _credit_after_stop(line: str) -> int:
    """Where a credit run on after the last sentence begins (…陪同。记 者 | 张三 李四), else the
    line's length: its spaces part names and stay."""
    stop = max(line.rfind("。"), line.rfind("！"), line.rfind("？"))
    # a quotation or bracket the last sentence closes is the sentence's (…答卷。”图/甲 乙 文/丙)
    closed = len(line[stop + 1 :]) - len(line[stop + 1 :].lstrip("”’」』）)"))
    tail = line[stop + 1 + closed :].strip()
    if stop < 0 or not 2 <= len(tail) <= 40 or " " not in tail:
        return len(line)
    from fangzhi.read.credits import is_byline_line  # late: credits is the heavier module

    return stop + 1 + closed if is_byline_line(tail) else len(line)


def _bracket_depths(line: str, positions: list[int]) -> list[int]:
    """How deep inside brackets each of the (ascending) positions stands, in one pass over the
    line: counted afresh for each, a line of many spaces and brackets took time squared."""
    out: list[int] = []
    depth = 0
    marks = _BRACKET.finditer(line)
    m = next(marks, None)
    for pos in positions:
        while m is not None and m.start() < pos:
            depth = depth + 1 if m.group() in chars.OPENERS else max(depth - 1, 0)
            m = next(marks, None)
        out.append(depth)
    return out


def _fold_punctuation(line: str) -> str:
    """Half-width , ; : ? ! ( ) that stand in Chinese text become full width (one for one)."""
    if not _HALF_PUNCT.search(line):
        return line
    return _IN_CJK_CONTEXT.sub(_fold, line)


def _fold(m: re.Match[str]) -> str:
    """A mark _IN_CJK_CONTEXT found, full width unless it stands between two digits (1,000 and
    10:30)."""
    ch = m.group()
    if ch in ",:":
        i, line = m.start(), m.string
        if 0 < i < len(line) - 1 and line[i - 1].isdigit() and line[i + 1].isdigit():
            return ch
    return chars.TO_FULL_WIDTH[ch]


# The first characters a bare jump line (layout.BARE_JUMP_TO / BARE_JUMP_FROM) can open with
_BARE_JUMP_OPENS = "→▶►下紧转续上承"


def _author_named(line: str) -> tuple[int, int] | None:
    """Where a particulars line names the report's author (作者：甲 乙 / 某某全媒体记者 甲), each name
    a person's, not a unit's (作者：本站, 作者：县政府办)."""
    m = layout.AUTHOR_NAMED.search(line) if "作者" in line or "记者" in line else None
    if m is None:
        return None
    from fangzhi.read.credits import looks_like_name, parse_credit  # late: the heavier module

    people = parse_credit(m.group())
    if not people or not all(c.name and looks_like_name(c.name) for c in people):
        return None
    return m.start(), m.end()


def _split_furniture(
    out_text: str,
    begin: int,
    end: int,
    level: int,
    bold: bool,
    marks: tuple[int, ...],
    gap: int,
    under: bool = False,
) -> tuple[Line | None, list[Furniture]]:
    """Set page furniture aside: whole furniture lines, and marks glued to a line's ends."""
    if end <= begin:
        return None, []
    short = not level and len(out_text) <= layout.CHROME_MAX  # a paragraph is never either
    if short and layout.chrome_line(out_text):
        return None, [Furniture("chrome", Span(begin, end))]  # 打印 关闭 / 上一篇：… / 阅读：123
    if short and layout.header_line(out_text):
        return None, [Furniture("page-header", Span(begin, end))]  # 04 │ 要闻 │ 2023年5月3日
    if short and layout.particulars_line(out_text):
        # a web page's particulars under a headline: the head above is the report's, no masthead
        author = layout.AUTHOR_FIELD.search(out_text) if "：" in out_text or ":" in out_text else None
        if author is not None:
            # …作者：记者 甲 at its end: the report's byline, the rest the page's particulars
            at = begin + author.start("credit")
            return Line(Span(at, end), 0, bold, (), gap), [Furniture("particulars", Span(begin, at))]
        named = _author_named(out_text) if under else None
        if named is not None:
            # 来源：某网 作者：甲 乙 发布时间：… under a head: the author is the report's byline, the
            # fields around it the page's particulars (over the page's first head, a masthead's)
            a, b = begin + named[0], begin + named[1]
            around = [Furniture("particulars", Span(x, y)) for x, y in ((begin, a), (b, end)) if y > x]
            return Line(Span(a, b), 0, bold, (), gap), around
        return None, [Furniture("particulars", Span(begin, end))]
    furniture_length = len(out_text) <= layout.FURNITURE_MAX  # no alternative matches a longer line
    if (not level and furniture_length and layout.furniture_line(out_text)) or (
        furniture_length and layout.SECTION_LINE.match(out_text)
    ):
        return None, [Furniture("page-header", Span(begin, end))]
    alone = out_text.strip()
    # a bare jump line opens with its arrow or its word (下转, 上接, …): most lines are told so
    # by their first character
    if alone[:1] in _BARE_JUMP_OPENS and (
        layout.BARE_JUMP_TO.match(alone) or layout.BARE_JUMP_FROM.match(alone)
    ):
        kind = "jump-to" if layout.BARE_JUMP_TO.match(alone) else "jump-from"
        return None, [Furniture(kind, Span(begin, end))]
    bracketed = alone.startswith(("（", "("))
    if bracketed and layout.CLOSED.fullmatch(alone):
        return None, [Furniture("end-mark", Span(begin, end))]  # （完） on a line of its own
    # both jump patterns open with a bracket: a line that does not is tried against neither
    if bracketed and (layout.JUMP_TO.fullmatch(alone) or layout.JUMP_FROM.fullmatch(alone)):
        # a jump line of its own: the text before it goes on elsewhere, or the text after it comes from there
        return None, [
            Furniture("jump-to" if layout.JUMP_TO.fullmatch(alone) else "jump-from", Span(begin, end))
        ]
    furniture: list[Furniture] = []
    a, b = begin, end
    jump: str | None = None
    ended = False
    sm = layout.START_MARK.match(out_text) if out_text.lstrip().startswith(("（", "(")) else None
    if sm and sm.end() < len(out_text):
        furniture.append(Furniture("jump-from", Span(begin, begin + sm.end())))
        a = begin + sm.end()
        jump = "from"
    # both marks close the line (a paper's name ends in 报, a mark in a bracket): most lines end in
    # neither and skip the search
    if out_text.endswith("报") or out_text.rstrip().endswith((")", "）")):
        for _ in range(2):  # a paper's name after a （完）, or the other way round
            tail = out_text[: b - begin]
            m = layout.GLUED_PAPER.search(tail) if tail.endswith("报") else None
            if m and m.start(1) > a - begin:
                furniture.append(Furniture("paper-name", Span(begin + m.start(1), b)))
                b = begin + m.start()
                continue
            em = layout.END_MARK.search(tail) if tail.rstrip().endswith((")", "）")) else None
            if em and em.start() > a - begin:
                mark = em.group().strip()
                kind = "jump-to" if layout.JUMP_TO.search(mark) else "end-mark"
                mark_at = begin + em.start() + (len(em.group()) - len(em.group().lstrip()))
                furniture.append(Furniture(kind, Span(mark_at, b)))
                b = begin + em.start()
                jump = "to" if kind == "jump-to" else jump
                ended = ended or kind == "end-mark"
    kept_marks = tuple(m for m in marks if a <= m < b) if marks else ()
    return Line(Span(a, b), level, bold, kept_marks, gap, jump, ended), furniture
