"""Datelines and bylines: 衡阳晚报讯（全媒体记者 张三）, 新华社北京5月3日电, ■本报记者 张三 通讯员 李四."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from fangzhi.lexicon import chars, dates, layout, names, press

_ROLE_RE = re.compile("|".join(re.escape(r) for r in sorted(press.BYLINE_ROLES, key=len, reverse=True)))
_SEP = re.compile(r"[\s、，,；;/:：|｜丨。]+")  # 丨 (a Han stroke) serves as a bar: 文丨某某
_WORD = re.compile(r"[^\s、，,；;/:：|｜丨。]+")  # what stands between separators
# A role printed with a space between its characters (记 者 | 某某, 视 觉 | 某某), as some county
# accounts print their credits: read as the role, its spaces moved after it (offsets stay).
_SPACED_ROLE = re.compile(
    "|".join(
        "[ \u3000]?".join(map(re.escape, r))
        for r in sorted(press.BYLINE_ROLES, key=len, reverse=True)
        if len(r) > 1 and "/" not in r and "·" not in r
    )
)


def _unspaced_roles(text: str) -> str:
    if " " not in text and "\u3000" not in text:
        return text
    return _SPACED_ROLE.sub(lambda m: _squeeze(m.group()), text)


def _squeeze(role: str) -> str:
    if " " not in role and "\u3000" not in role:
        return role  # most roles are printed whole
    bare = role.replace(" ", "").replace("\u3000", "")
    return bare + " " * (len(role) - len(bare))


# The list marks a credit line may open with (■ 记者 甲, ★通讯员 乙): the layout tools' bullets and
# the stars and circles papers print before a byline.
_MARKS = chars.BULLETS + "○★☆"
_MARK_CLASS = "[" + re.escape(_MARKS) + "]"

_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10}")
_SURNAMES = names.SURNAMES  # to split names printed without spaces (记者张三李四)


@dataclass(frozen=True, slots=True)
class Credit:
    role: str | None
    name: str | None
    start: int  # offsets of the name (or of a voice role) in the text given to parse_credit
    end: int
    role_start: int = -1  # where the role was printed, -1 when none was
    role_end: int = -1
    editor: bool = False  # named as the page's editor (编辑：甲): a credit's words, no byline


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    end: int  # where the dateline (with its credit) ends in the line
    source: str | None  # the outlet named, or 本报 / an agency
    date_text: str | None
    credit_start: int
    credit_end: int


# The verbs every dateline pattern of press ends its head with (讯, 电, 消息, 报道, 报导): a line
# without one is no dateline, and most lines are told so without the patterns' backtracking.
_DATELINE_VERB = re.compile("讯|电|消息|报道|报导")
_DATELINE_REACH = 90


# An outlet's name printed letter-spaced, as a masthead is (大 西 北 网 讯 （记者甲）).
_LETTER_SPACED = re.compile(r"(?:[\u4e00-\u9fff] ){2,}[\u4e00-\u9fff](?= |$)")


# A radio station's lead-in to its reporter's piece: 来听记者甲的报道：/ 请听本台记者乙发来的报道. It
# credits the reporter and is no dateline (甲的报道 is a phrase, where 记者甲报道 is a dateline).
_LISTEN_TO = r"^\s*(?:来|下面)?(?:请)?听(?:本台)?"
_LISTEN_PIECE = r"(?:的|发来的)(?:详细)?(?:报道|采访|现场报道)\s*[:：]?\s*$"
_LISTEN = re.compile(
    _LISTEN_TO
    + r"(?:记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}?(?:\s*[、和]\s*[\u4e00-\u9fff·]{2,4}?)?\s*"
    + _LISTEN_PIECE
)
_LISTEN_FRAME = re.compile(_LISTEN_TO + "|" + _LISTEN_PIECE)  # all of it but the role and the names


def _radio_lead_in(line: str) -> bool:
    """The line is a radio station's lead-in to its reporter (told first by its first character)."""
    return line[:1] in "来下请" and _LISTEN.match(line) is not None


def match_dateline(line: str, *, alone: bool = False) -> DatelineMatch | None:
    """The dateline a line opens with. A bracketed credit with no outlet before it counts when the
    lead follows it on the line, or with `alone` (the line is a dateline block already split off)."""
    if _radio_lead_in(line):
        return None
    # a letter-spaced run has a space after its first character
    spaced = _LETTER_SPACED.match(line) if line[1:2] == " " else None
    if spaced is not None:
        return _letter_spaced_dateline(line, spaced.end(), alone)
    if line[:1] in "【[":
        column = _OUTLET_COLUMN.match(line)
        if column is not None:
            return DatelineMatch(column.end(), column.group("outlet"), None, column.end(), column.end())
    return _match_dateline(line, alone) or _outlet_before_date(line, alone)


# An outlet's name and a column's label in brackets, where a dateline stands: 【某某网记者回访】
# opens the report the outlet's reporter went back to (press.COLUMN_LABEL: 记者手记, 记者调查 …);
# no one is named, and 回访 is no reporter.
_OUTLET_COLUMN = re.compile(
    r"^[【\[]\s*(?P<outlet>[\u4e00-\u9fffA-Za-z]{1,12}?(?:"
    + press.OUTLET_SUFFIX
    + r"))\s*"
    + press.COLUMN_LABEL
    + r"\s*[】\]]"
)


# A lead's date with an outlet's name before it and no verb between (某某新闻（记者 甲）5月3日，…,
# 某某融媒 5月3日，…): the outlet ends in a word outlets end in, a bracket may hold its credit, and
# nothing before the date is a sentence's (no mark of one, no word a sentence opens with).
# the lead's date, then a comma: 5月3日上午，… (人民日报5月3日刊发… is a sentence, no dateline)
_LEAD_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?=(?:" + dates.PART_OF_DAY + r")?[，,])")
_OUTLET_THEN_CREDIT = re.compile(
    r"^(?P<outlet>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z·\-]{1,13}"
    r"(?:日报|晚报|早报|时报|都市报|新闻|新闻网|网|电视台|融媒|融媒体中心|全媒体|客户端|报道组|报业集团))?"
    r"\s*(?:["
    + re.escape(press.CREDIT_OPENERS)
    + r"](?P<credit>[^"
    + re.escape(press.CREDIT_OPENERS + press.CREDIT_CLOSERS)
    + r"]{2,40})["
    + re.escape(press.CREDIT_CLOSERS)
    + r"]"
    # or the credit unbracketed, roles and names up to the date (某某报道组 记者 甲5月3日，…)
    + r"|(?P<bare>(?:"
    + press.REPORTER_ROLE
    + r")[\s\u3000]*[\u4e00-\u9fff·]{2,4}(?:[\s\u3000、，,]+(?:(?:"
    + press.REPORTER_ROLE
    + r")[\s\u3000]*)?[\u4e00-\u9fff·]{2,4}){0,5}))?\s*$"
)


_OUTLET_AND_DAY = re.compile(
    r"^\s*(?P<outlet>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z·\-]{1,13}?(?:" + press.OUTLET_SUFFIX + r"))"
    r"\s*(?P<date>" + press.DATE_IN_DATELINE + r")?\s*$"
)


# an outlet's name and its reporters' names parted by a slash, in the bracket opening a lead
_OUTLET_SLASH_NAMES = re.compile(r"^\s*(?P<outlet>[\u4e00-\u9fff]{2,12})\s*[/／]\s*(?P<names>[^/／]+?)\s*$")


# How a lead that gives no day opens, right after the reporter's name it is printed on with no
# space (某某报道组 记者甲清晨，… / …记者甲这几天，…): a span or a moment of time, the scene
# entered, a quotation. Only after an outlet and a named reporter (_undated_lead_at).
_UNDATED_OPENER = re.compile(
    r"(?:" + dates.VAGUE.pattern + r"|清晨|早上|一大早|傍晚|夜幕降临|这天|当天|走进|来到|在位于)"
    r"|“(?=[^”]{2,60}[，。！？]?”)"
)


def _undated_lead_at(line: str) -> int | None:
    """Where a lead that gives no day begins after an outlet's name and its reporters printed
    with no bracket or space between: the first opening after which the text before it is that
    dateline (某某报道组 记者甲 + 清晨，…)."""
    for o in _UNDATED_OPENER.finditer(line, 5, 48):
        at = o.start()
        if _CLAUSE_MARK.search(line, 0, at):
            return None
        m = _OUTLET_THEN_CREDIT.match(line[:at])
        if m is not None and m.group("outlet") and m.group("bare") and _named_with_roles(m.group("bare")):
            return at
    return None


def _outlet_before_date(line: str, alone: bool) -> DatelineMatch | None:
    """A dateline of no verb, before the lead's date; `alone`: the dateline block split off."""
    date = _LEAD_DATE.search(line, 0, 48) if "月" in line[:48] else None
    if alone and date is None:
        end = len(line.rstrip())  # the block holds the dateline alone
    elif date is None:
        # no date: a lead that gives none, after an outlet and its named reporters
        undated = _undated_lead_at(line) if "记者" in line[:24] or "通讯员" in line[:24] else None
        if undated is None:
            return None
        end = undated
    elif date.start() < 3 or _CLAUSE_MARK.search(line, 0, date.start()):
        return None
    else:
        end = date.start()
    m = _OUTLET_THEN_CREDIT.match(line[:end])
    if m is None:
        return None
    outlet, credit, bare = m.group("outlet", "credit", "bare")
    if outlet is None:
        # no outlet: a bracket opening the lead whose every name has its role is a credit
        # （某某日报记者 甲）5月3日，…, or one that names an outlet and the day alone: the
        # dateline of a paper that prints no 讯 （某某网5月3日） 5月3日，…
        if credit is None:
            return None
        named = _OUTLET_AND_DAY.match(credit)
        if named is not None:
            return DatelineMatch(end, named.group("outlet"), named.group("date"), end, end)
        slashed = _OUTLET_SLASH_NAMES.match(credit)
        if (
            slashed is not None
            and _ROLE_RE.fullmatch(slashed["outlet"]) is None
            and names_only(slashed["names"])
        ):
            # （某某网/甲 乙）5月3日，…: the outlet, a slash, its reporters' names
            at = m.start("credit")
            names = at + slashed.start("names"), at + slashed.end("names")
            return DatelineMatch(end, slashed["outlet"], None, *names)
        if not _named_with_roles(credit):
            return None
    elif outlet[0] in "在于据从对由经":
        return None  # a sentence's first word, no outlet's name
    elif bare is not None:
        # a bare credit after an outlet's name is names with their roles
        if not _named_with_roles(bare):
            return None
        return DatelineMatch(end, outlet, None, m.start("bare"), m.end("bare"))
    elif credit is not None and not (_ROLE_AT.match(credit.strip()) or names_only(credit)):
        return None  # a bracket of something else: （含…）, （记者节）
    cs, ce = (m.start("credit"), m.end("credit")) if credit is not None else (end, end)
    return DatelineMatch(end, outlet, None, cs, ce)


def _named_with_roles(credit: str) -> bool:
    """Is the credit one or more names, each with its role (记者 甲 通讯员 乙)?"""
    found = credits_named(credit, 0)
    return bool(found) and all(c.role and c.name for c in found)


def _letter_spaced_dateline(line: str, run_end: int, alone: bool) -> DatelineMatch | None:
    """Read with the run's spaces taken out; a dateline only when it holds the whole run, its
    offsets put back on the line as printed."""
    tight = line[:run_end].replace(" ", "")
    m = _match_dateline(tight + line[run_end:], alone)
    if m is None or m.end < len(tight):
        return None

    def back(i: int) -> int:
        return 2 * i if i < len(tight) else i + run_end - len(tight)

    return DatelineMatch(back(m.end), m.source, m.date_text, back(m.credit_start), back(m.credit_end))


_OWN_PAPERS = ("本报", "本台", "本网")  # what press.OWN_REPORT opens with


def _past_colons(line: str, end: int) -> int:
    """Where the text after a dateline's head or credit starts: colons and spaces are the dateline's."""
    while end < len(line) and line[end] in "：: ":
        end += 1
    return end


def _match_dateline(line: str, alone: bool) -> DatelineMatch | None:
    # every dateline pattern ends its head within its first 90 characters: a paragraph's later
    # 电视电话会议 or 报道 is no dateline's verb, and most paragraphs print one
    if _DATELINE_VERB.search(line, 0, _DATELINE_REACH) is None:
        return _opening_credit(line, alone)
    own = press.OWN_REPORT.match(line) if line.startswith(_OWN_PAPERS) else None
    if own:
        # the credit keeps the paper's word for its own reporter (本报记者), as a byline line does
        return DatelineMatch(own.end(), own.group("agency"), None, own.start(), own.end("credit"))
    # each pattern is tried only on a line that prints one of its verbs: a paragraph's 电视 or
    # 报道 is told so without the others' backtracking
    xun = "讯" in line
    m = press.DATELINE_HEAD.match(line) if xun or "电" in line else None
    if m is None and (xun or "消息" in line or "报道" in line):
        m = press.ANY_OUTLET_DATELINE.match(line)
    m = m or (press.DATE_ONLY_DATELINE.match(line) if xun else None)
    if m is not None and m.re is press.ANY_OUTLET_DATELINE and _credit_for_outlet(m):
        # 见习记者甲报道, 某某新闻记者 甲 报道: a reporter's name where an outlet's would stand
        return _reported_by(line, m, alone)
    if not m or (m.group("verb") == "电" and not m.group("date") and not m.groupdict().get("agency")):
        # 电 without a date is a word (供电, 来电), not a wire dateline; 讯 may be 通讯员's
        return _opening_credit(line, alone)
    source = (
        m.groupdict().get("outlet")
        or m.groupdict().get("agency")
        or ("本报" if m.re is press.DATE_ONLY_DATELINE else None)
    )
    end = _past_colons(line, m.end())  # 天津北方网讯：… the colon is the dateline's
    cstart = cend = end
    if source and m.re is press.ANY_OUTLET_DATELINE and (split := _outlet_and_reporter(source)) is not None:
        # 某网特派记者甲5月3日消息：the outlet's name, then its reporter's credit
        return DatelineMatch(end, source[:split], m.group("date"), m.start("outlet") + split, m.end("outlet"))
    rest = line[end:]
    relay = _RELAYED.match(rest)
    relayed = press.BRACKETED_CREDIT.match(rest[relay.end() :]) if relay is not None else None
    if relay is not None and relayed is not None:
        # 某网N月N日讯 据某报报道（记者 甲）: the paper the report is relayed from, then its
        # reporter, are the dateline's (the bracket read once, where it stands after the relay)
        end += relay.end()
        rest = line[end:]
    cm = relayed or press.BRACKETED_CREDIT.match(rest) or press.BARE_CREDIT.match(rest)
    if cm:
        group = "credit" if cm.group("credit") is not None else "credit2"  # （…） or 【…】
        cstart, cend = end + cm.start(group), end + cm.end(group)
        end += cm.end()
        while (more := _next_bracketed_credit(line, end)) is not None:
            cend = end = more  # （记者 甲）（通讯员 乙）: a bracket for each role
        if cm.re is press.BRACKETED_CREDIT and (colon := _COLON_AFTER.match(line, end)) is not None:
            end = colon.end()  # 某网消息（记者 甲）：… the colon after the bracket is the dateline's
    elif spaced := spaced_credit(rest):
        cstart, cend = end + spaced[0], end + spaced[1]
        end += spaced[2]
    elif m.groupdict().get("role") is not None:
        return _opening_credit(line, alone)  # 某报报道记者获悉，…: a role the verb runs into, no credit
    return DatelineMatch(end, source, m.group("date"), cstart, cend)


# where a relayed report comes from, between a dateline's verb and its credit (据某报报道（记者 甲）)
_RELAYED = re.compile(r"[ \u3000]*据[\u4e00-\u9fffA-Za-z·]{2,16}?(?:报道|消息)[ \u3000]*")

# a reporter's role, or what was done with the bar after it (文/甲 图/乙)
_ROLE_AT = re.compile(
    r"(?:(?:" + press.REPORTER_ROLE + r")[ \u3000]*[:：/／|｜丨]?"
    r"|(?:文|图|摄影|摄像)[ \u3000]*[/／|｜丨])[ \u3000]*"
)
_NEXT_ROLE = r"[ \u3000]*[，,][ \u3000]*(?=" + press.REPORTER_ROLE + ")"
_LEAD_WORD = re.compile(r"(?:近日|日前|昨天|昨日|今天|今日)[上下]?午?[，,]")
_CREDIT_NAME_AT = re.compile(
    r"(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff])(?=[\s、:：\d]|" + _NEXT_ROLE + "|$"
    # or the lead's first word, the space before it closed up by normalising (记者 甲 近日，…)
    r"|" + _LEAD_WORD.pattern + ")"
)
# between names: 、 or spaces; before the next role a comma too (记者甲，通讯员乙)
_CREDIT_GAP = re.compile(r"[ \u3000]*、[ \u3000]*|" + _NEXT_ROLE + r"|[ \u3000]+")


def _next_bracketed_credit(line: str, at: int) -> int | None:
    """Where a second bracketed credit right after the first ends, when one is printed there."""
    rest = line[at : at + 64]
    m = press.BRACKETED_CREDIT.match(rest)
    if m is None or rest[:1].isspace():
        return None
    inner = m.group("credit") if m.group("credit") is not None else m.group("credit2")
    return at + m.end() if _ROLE_AT.match(inner.strip()) and is_byline_line(inner) else None


_COLON_AFTER = re.compile(r"[ \u3000]*[:：][ \u3000]*")


def spaced_credit(rest: str) -> tuple[int, int, int] | None:
    """A credit run on after the dateline with no bracket and no 报道 (本报讯 记者 甲 乙 通讯员 丙
    三月…): roles and names, the lead parted from the last name by a space. Returns where the
    credit starts and ends and where the lead starts, or None."""
    pos = len(rest) - len(rest.lstrip())
    start = pos
    end = lead = -1
    while (role := _ROLE_AT.match(rest, pos)) is not None:
        pos = role.end()
        named = False
        while (nm := _CREDIT_NAME_AT.match(rest, pos)) is not None and (
            looks_like_name(nm.group().replace(" ", "").replace("\u3000", ""))
        ):
            named = True
            end = pos = nm.end()
            colon = _COLON_AFTER.match(rest, pos)
            if colon is not None:  # 本报讯 记者 甲 通讯员 乙：… the colon parts the lead
                lead = colon.end()
                break
            gap = _CREDIT_GAP.match(rest, pos)
            if gap is None:
                lead = pos
                break
            pos = gap.end()
            lead = pos if not any(c in gap.group() for c in "、，,") else -1
        if not named:
            return None
    glued = lead < len(rest) and lead == end
    if end < 0 or lead < 0 or (glued and not rest[lead].isdigit() and not _LEAD_WORD.match(rest, lead)):
        # the lead must be parted from the last name by a space (or the line end), unless it
        # opens with its date (记者 张三5月3日，…): no name holds a digit; or a word no name is
        # (记者 张三近日，…, the space closed up by normalising)
        return None
    return start, end, lead


def _credit_for_outlet(m: re.Match[str]) -> bool:
    outlet = m.group("outlet")
    return m.group("verb") != "消息" and _ROLE_RE.search(outlet) is not None and is_byline_line(outlet)


def _outlet_and_reporter(outlet: str) -> int | None:
    """Where a reporter's credit starts in what a dateline names as its outlet (某网特派记者甲), when
    an outlet's name comes before it and the rest is roles and names; else None."""
    rm = _REPORTER_IN.search(outlet, 2)
    if rm is None or not _ENDS_AS_OUTLET.search(outlet, 0, rm.start()):
        return None
    return rm.start() if _named_with_roles(outlet[rm.start() :]) else None


# a reporter's role inside an outlet's run of words (特派记者, 驻某地记者): the run's first word of one
_REPORTER_IN = re.compile(r"(?:特派|驻[\u4e00-\u9fff]{1,4})?记者")
_ENDS_AS_OUTLET = re.compile(r"(?:" + press.OUTLET_SUFFIX + r")$")


def _reported_by(line: str, m: re.Match[str], alone: bool) -> DatelineMatch | None:
    """记者甲报道 5月3日，… : a credit ending in 报道 that the lead runs on from is the report's
    dateline, as 本报记者甲报道 is; alone on its line it is the report's byline (None here), unless
    the line is a dateline block already split off (`alone`)."""
    if not (alone or line[m.end() :].strip()):
        return None
    end = _past_colons(line, m.end())
    return DatelineMatch(end, None, None, m.start("outlet"), m.end("outlet"))


def _opening_credit(line: str, alone: bool) -> DatelineMatch | None:
    """（记者 张三）3月5日，… : a paragraph that opens with a bracketed credit of roles and names,
    with no outlet before it, is a report's dateline as much as 本报讯（记者 张三） is. The bracket
    is the one a dateline's credit is printed in (press.BRACKETED_CREDIT)."""
    # the bracket opens the line after any white space: most paragraphs are told so at once
    m = press.BRACKETED_CREDIT.match(line) if line.lstrip()[:1] in press.CREDIT_OPENERS else None
    if m is None:
        return None
    group = "credit" if m.group("credit") is not None else "credit2"
    inner = m.group(group).strip().replace("，", " ").replace(",", " ")  # 记者甲，通讯员乙
    if _ROLE_AT.match(inner) is None or not is_byline_line(inner) or press.ROLE_COLUMN.match(inner):
        return None
    end = _past_colons(line, m.end())
    if end >= len(line.rstrip()) and not alone:
        return None  # a credit alone on its line closes the report above it
    return DatelineMatch(end, None, None, m.start(group), m.end(group))


# Printed around a credit's names but no part of them: brackets and list marks, a narrator's label
# (讲述人：), and what the credited did after the name (张三文/图, 张三 报道). Each is blanked to
# spaces of the same length, so that offsets still point into the text.
# A list mark the OCR read as a letter, glued to the role after it (N本报记者 甲).
_LETTER_MARK = r"[A-Za-z](?=本报|本台|记者|通讯员|特约|实习|见习)"
_FRAME = re.compile(
    r"[（）()【】〔〕\[\]]|"
    + _MARK_CLASS
    + r"|^\s*(?:讲述人[:：]|—+)|^"
    + _LETTER_MARK
    + r"|(?<=[\u4e00-\u9fff])(?:文/图|图/文|文／图|图／文|文·图)(?=$|[\s）)])"
    # where the reporter filed from (记者 甲 发自某地): no name
    + r"|(?<![\u4e00-\u9fff])发自[\u4e00-\u9fff]{2,8}"
)


_PAPER_WORD = re.compile(r"[\u4e00-\u9fff]{1,10}(?:日报|晚报|早报|融媒体中心|融媒|新闻网|电视台)")


# labels of where a report comes from (来源：某县融媒, 稿源：县委办): an outlet or an office, no person
_SOURCE_LABELS = frozenset({"来源", "稿源", "信息来源", "出处", "消息来源"})
# labels of a meeting record's list of who sat in (列席人员：新闻媒体记者甲): no name, the names after
_ATTENDANCE_LABELS = frozenset({"列席人员", "出席人员", "参会人员"})
# an editor's label, alone or after the outlet's name (天水在线编辑), or run into the name (责编甲)
_EDITORIAL = re.compile(
    r"(?:[\u4e00-\u9fff]{2,12}?(?<![总副]))?(?:" + press.EDITORIAL_ROLE + r")(?P<rest>[\u4e00-\u9fff·]*)"
)


def _editorial(word: str) -> re.Match[str] | None:
    """The word as an editor's label, or the label and the editor's name run together."""
    m = _EDITORIAL.fullmatch(word)
    return m if m is not None and (m.group("rest") == "" or _NAME.fullmatch(m.group("rest"))) else None


def parse_credit(text: str, offset: int = 0) -> list[Credit]:
    """Split a credit into (role, name) pairs; a role carries over to the names after it. The
    page's editors a credit names are none of them."""
    return [c for c in credits_named(text, offset) if not c.editor]


def credits_named(text: str, offset: int = 0) -> list[Credit]:
    """Every person a credit names with the role before them, its editors too: what reads a line
    as a credit counts them; what credits a piece does not (parse_credit)."""
    out: list[Credit] = []
    role: str | None = None
    rs = re = -1
    if text.rstrip().endswith(("）", ")")):
        text = _AFFILIATION.sub(lambda m: " " * len(m.group()), text)  # no one's name: where one works
    text = _unspaced_roles(_FRAME.sub(lambda m: " " * len(m.group()), text))
    if _radio_lead_in(text):
        text = _LISTEN_FRAME.sub(
            lambda m: " " * len(m.group()), text
        )  # 来听记者甲的报道：the role and the name
    if "记者" in text or "通讯员" in text:  # the roles an outlet is named before: 文/某某日报|记者 甲
        text = _OUTLET_AT_ROLE.sub(lambda m: " " * len(m.group()), text)
    waiting = False  # a role was read and no name after it yet
    source = False  # a source's label was read: the word after it names the source, no person
    editors = False  # an editor's label was read: the names after it are the page's staff
    for start, token, spaced in _tokens(text):
        word = token
        if (label := _editorial(word)) is not None:
            editors = True
            rs, re = offset + start, offset + start + label.start("rest")
            if label.group("rest"):  # 责编甲
                out.append(Credit("编辑", label.group("rest"), re, offset + start + len(word), rs, re, True))
            continue
        if editors and not (_ROLE_RE.match(word) or _LABEL_WORD.match(word) or word in _SOURCE_LABELS):
            glued = None if spaced else _ROLE_RE.search(word, 2)  # 甲作者: the next role run on
            name = word if glued is None or glued.end() < len(word) else word[: glued.start()]
            if spaced or looks_like_name(name):
                out.append(Credit("编辑", name, offset + start, offset + start + len(word), rs, re, True))
            if glued is None or glued.end() < len(word):
                continue
            role, waiting = glued.group(), True
            rs, re = offset + start + glued.start(), offset + start + glued.end()
            editors = False
            continue
        editors = False
        if word in _SOURCE_LABELS:
            source = True
            continue
        if word in _ATTENDANCE_LABELS:
            continue
        if word not in press.BYLINE_ROLES and _LABEL_WORD.fullmatch(word):
            # 口述：甲 / 策划：乙: the people after it are credited under no byline's role (整理 is
            # one); 文字/甲 and 图片/乙 credit the text and the pictures, as 文/甲 and 图/乙 do
            role = _LABEL_ROLES.get(word)
            rs, re = offset + start, offset + start + len(word)
            waiting = role is not None
            continue
        if source:
            source = False
            continue
        if spaced:  # 崔 霞: one name printed with a space; its span runs over the space
            out.append(Credit(role, word, offset + start, offset + start + 3, rs, re))
            waiting = False
            continue
        rm = _ROLE_RE.match(word) or _outlet_role(word, after=role)
        if rm and rm.group() in ("文", "图") and len(word) == 3 and (waiting or role in press.REPORTER_ROLES):
            # 记者 文某某 / 记者 甲 乙 文某某: a name with the surname 文 where the role's name is
            # awaited, or among the names a reporter's role carries over to
            rm = None
        if rm:
            rest = _name_part(word[rm.end() :])
            if rest == "站" and rm.group() == "记者":
                rest = ""  # 某县记者站 甲: the station's reporters
            if rest == "" or _NAME.fullmatch(rest) or len(rest) in (4, 6) or _names_glued(rest):
                role = _canon_role(rm.group())
                rs, re = offset + start, offset + start + rm.end()
                waiting = not rest
                if not rest:
                    if role in press.VOICE_ROLES:
                        out.append(Credit(role, None, rs, re, rs, re))
                    continue
                start += rm.end()
                word = rest
        station = _STATION.match(word)
        if station:  # 贵州台甲: a station's reporter, the name after its station
            start += station.end()
            word = word[station.end() :]
        word = _name_part(word)
        if (
            not (_NAME.fullmatch(word) or len(word) == 6 or _names_glued(word))
            or _PAPER_WORD.fullmatch(word)
            or _outlet(word)
        ):
            continue  # not a name (a paper's name among its people: 某某日报 记者甲): roles and names only
        for a, name in _split_names(word):
            if out and out[-1].name is None and out[-1].role == role:
                out.pop()  # 某报评论员 甲: the voice's name, printed after it
            out.append(Credit(role, name, offset + start + a, offset + start + a + len(name), rs, re))
        waiting = False
    return out


_WHAT_DONE_ROLES = frozenset({"文", "图", "文/图", "文·图", "文图", "图/文"})

# A broadcaster's station printed before its reporter's name with no space (央广网 credits: 记者甲
# 贵州台乙): 2-5 characters of a place and 台, then a name.
_STATION = re.compile(r"[\u4e00-\u9fff]{2,5}台(?=[\u4e00-\u9fff]{2,3}$)")


def _outlet_role(word: str, after: str | None = None) -> re.Match[str] | None:
    """A role printed after its outlet's name (川观新闻记者, 南国早报记者, 天山网-新疆日报记者). After
    another role (记者 甲 本报通讯员 乙) the word before the role must be no name (甲通讯员)."""
    m = _ROLE_RE.search(word, 2)
    # a one-character role after a name is the name's own end (毛洁文): an outlet's role has two
    if m is None or len(m.group()) < 2 or m.start() > 16 or not _OUTLET_PREFIX.fullmatch(word[: m.start()]):
        return None
    if after is not None and after not in _WHAT_DONE_ROLES and looks_like_name(word[: m.start()]):
        return None
    return _ROLE_RE.match(word, m.start())


def _outlet_before_role(word: str) -> str:
    """本报 of 本报通讯员: what a role read with its outlet holds before the role word itself."""
    if len(word) < 3 or _ROLE_RE.fullmatch(word):
        return ""
    m = _ROLE_RE.search(word, 1)
    return word[: m.start()] if m is not None and m.end() == len(word) else ""


def _org_before_role(line: str) -> str:
    """The outlet or team named before a credit's first role (昆明报业集团全媒体报道组 记者…), or ''."""
    m = _ROLE_RE.search(line, 2)
    if m is None or m.start() > 32:
        return ""
    prefix = line[: m.start()].strip()
    return prefix if _OUTLET_PREFIX.fullmatch(prefix.replace(" ", "")) else ""


_OUTLET_PREFIX = re.compile(
    # outlets printing one report name each, with a slash between (某报/某网/某客户端记者 甲)
    _MARK_CLASS + r"?(?:讲述人[:：])?[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9·\-+]{1,15}"
    r"(?:[/／][\u4e00-\u9fffA-Za-z0-9·\-+]{2,15}){0,3}[/／]?"
)


def _name_part(word: str) -> str:
    """The name in a credit word: 摄 and 报道 go, and a place printed after the name (黄某某广州)."""
    for tail in ("报道", "报导", "摄影", "摄"):  # 摄影报道: both go
        if word.endswith(tail) and len(word) > len(tail):
            word = word[: -len(tail)]
    if word in ("摄", "摄影", "报道", "报导"):
        return ""
    if len(word) > 4 and not _NAME.fullmatch(word) and not _names_glued(word):
        word = _strip_place(word)  # (a segmenter reads places inside names run together: 谭强东)
    return word


# A reporter's role glued to the name before it (记者甲乙丙通讯员丁戊, 记者/甲乙丙通讯员/丁戊): the
# roles of two or more characters, which no name holds.
_GLUED_ROLE = re.compile("|".join(re.escape(r) for r in press.REPORTER_ROLES if len(r) > 1))


def _glued(tok: str) -> bool:
    """Could a role be glued to a name in this word? A role two characters or more past the role
    the word opens with (全媒体记者 alone is none)."""
    if len(tok) < 4:
        return False
    rm = _ROLE_RE.match(tok)
    return _GLUED_ROLE.search(tok, (rm.end() if rm else 0) + 2) is not None


def _unglued(toks: list[tuple[int, str, bool]]) -> list[tuple[int, str, bool]]:
    """Words cut where a name runs into the next role: only after a role (the word's own, or the
    word before), and only where what stands between is a name."""
    out: list[tuple[int, str, bool]] = []
    for start, tok, spaced in toks:
        after_role = bool(out) and _ROLE_RE.fullmatch(out[-1][1]) is not None
        pos = 0
        while True:
            rm = _ROLE_RE.match(tok, pos)
            if rm is None and not (pos == 0 and after_role):
                break
            name_at = rm.end() if rm is not None else pos
            cut = next(
                (
                    j
                    for j in range(name_at + 2, min(name_at + 5, len(tok)))
                    if _GLUED_ROLE.match(tok, j)
                    and looks_like_name(tok[name_at:j])
                    # and the role there is no longer role's tail (记者全媒体记者)
                    and not any((m := _GLUED_ROLE.match(tok, k)) and m.end() > j for k in range(name_at, j))
                ),
                None,
            )
            if cut is None:
                break
            out.append((start + pos, tok[pos:cut], False))
            pos = cut
        out.append((start + pos, tok[pos:], spaced))
    return out


_OWN_WORDS = ("本报", "本台", "本网")  # a paper's word for itself, before its reporter's role


def _tokens(text: str) -> list[tuple[int, str, bool]]:
    """(start, word, spaced): the words of a credit; two one-character words with a single space
    between them are one name printed spaced (崔 霞)."""
    # the runs between separators, read as runs of what no separator is
    toks = [(m.start(), m.group(), False) for m in _WORD.finditer(text)]
    if any(_glued(tok) for _s, tok, _sp in toks):
        toks = _unglued(toks)
    if all(len(tok[1]) > 1 for tok in toks):
        return toks  # both joins below take a one-character word: none to make
    out: list[tuple[int, str, bool]] = []
    for tok in toks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev[2]
            and len(prev[1]) == 1
            and len(tok[1]) == 1
            and tok[0] == prev[0] + 2
            and text[prev[0] + 1] == " "
            and prev[1] in _SURNAMES
        ):
            out[-1] = (prev[0], prev[1] + tok[1], True)
        elif (
            prev is not None
            and not prev[2]
            and len(prev[1]) > 1
            and len(tok[1]) == 1
            and tok[0] == prev[0] + len(prev[1]) + 1
            and text[tok[0] - 1] == " "
            and prev[1][-1] in _SURNAMES
            # (本报见习记者王 力: the paper's word before the role)
            and _ROLE_RE.fullmatch(prev[1][2:-1] if prev[1].startswith(_OWN_WORDS) else prev[1][:-1])
        ):
            # 全媒体记者王 力: a role, then a name printed spaced right after it
            cut = prev[0] + len(prev[1]) - 1
            out[-1] = (prev[0], prev[1][:-1], False)
            out.append((cut, prev[1][-1] + tok[1], True))
        else:
            out.append(tok)
    return out


_COMPOUND_SURNAMES = names.COMPOUND_SURNAMES


def looks_like_name(word: str) -> bool:
    """A Chinese personal name: a known surname and one or two more characters (or a · name)."""
    if "·" in word:
        return True
    if word[:2] in _COMPOUND_SURNAMES:
        return 3 <= len(word) <= 4
    return 2 <= len(word) <= 3 and word[0] in _SURNAMES


def _strip_place(word: str) -> str:
    """黄某某广州 → 黄某某: drop a place name the segmenter finds at the end."""
    import rjieba

    tags = rjieba.tag(word)
    while tags and tags[-1][1] == "ns" and len(word) - len(tags[-1][0]) >= 2:
        word = word[: len(word) - len(tags[-1][0])]
        tags = tags[:-1]
    return word


def _canon_role(role: str) -> str:
    return "摄影" if role == "摄" else role


def _split_names(word: str) -> list[tuple[int, str]]:
    """A run of names printed without spaces: split 4 and 6 characters when surnames say so."""
    if len(word) == 4 and word[:2] in _COMPOUND_SURNAMES:
        return [(0, word)]  # 司马某某: one name of a two-character surname
    if len(word) == 4 and word[0] in _SURNAMES and word[2] in _SURNAMES:
        return [(0, word[:2]), (2, word[2:])]
    if len(word) == 6 and word[0] in _SURNAMES and word[3] in _SURNAMES:
        return [(0, word[:3]), (3, word[3:])]
    if len(word) == 5 and word[0] in _SURNAMES and word[:2] not in _COMPOUND_SURNAMES:
        # 甲乙丙丁戊: a name of three and one of two, or of two and three, where a surname opens
        # only one of the two places the second name may start
        cuts = [k for k in (2, 3) if word[k] in _SURNAMES and word[k : k + 2] not in _COMPOUND_SURNAMES]
        if len(cuts) == 1:
            return [(0, word[: cuts[0]]), (cuts[0], word[cuts[0] :])]
    return [(0, word)]


@functools.lru_cache(maxsize=4096)
def _names_glued(word: str) -> bool:
    """Two names printed with nothing between them, as surnames part them (甲乙丙丁戊丙), the
    second no place the segmenter knows as one word (黄某某东莞). Asked of one word up to three
    times as a credit is read (its role's rest, its name part, the name): the answer is kept."""
    if len(word) not in (4, 5, 6) or _OUTLET_WORD.search(word) or "媒" in word:
        return False  # 某报全媒体: an outlet's words, no names
    parts = _split_names(word)
    if len(parts) != 2:
        return False
    import rjieba

    tags = rjieba.tag(parts[1][1])
    return not (len(tags) == 1 and tags[0][1] == "ns")


def names_a_role(text: str) -> bool:
    """Does the text print a credit's role (记者, 通讯员, 文, 摄影…)? A long credit line names one."""
    return _ROLE_RE.search(text) is not None


# where the one credited studies or works, in brackets after the name: 小记者 甲（某某中心小学）
_AFFILIATION = re.compile(
    r"\s*[（(][\u4e00-\u9fff]{2,20}(?:学校|小学|中学|大学|学院|幼儿园|医院|公司|部|局|委|办|中心|站|所|队)[）)]\s*$"
)
# what a credit line may print around its people and roles: the role in brackets (【作者】甲),
# where the reporter files from (记者 甲 乙 发自某地), the source before it (来源：某报 记者 甲)
_BRACKETED_ROLE = re.compile(r"^【(" + "|".join(press.BYLINE_ROLES) + r")】")
# a newsroom's staff signing with their post (某某日报社城建新闻部副主任 甲)
_STAFF_POST = re.compile(
    r"[\u4e00-\u9fff]{2,12}?(?:日报社|晚报社|报社|广播电视台|电视台|融媒体中心|新闻中心)[\u4e00-\u9fff]{0,10}?"
    r"(?:副?主任|副?部长|副?总监|副?主编|首席编辑)\s+[\u4e00-\u9fff]{2,4}"
)
_FILED_FROM = re.compile(r"\s+发自[\u4e00-\u9fff]{2,10}$")
_SOURCE_FIRST = re.compile(
    r"^(?:来源|稿源)\s*[:：]\s*[\u4e00-\u9fff]{2,16}\s+(?=[A-Z]{0,4}(?:" + press.REPORTER_ROLE + r"))"
)
# a web page's date before the source and the people it credits, in figures (2021-7-19 某某发布 甲 乙)
_PAGE_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+")


def is_byline_line(line: str) -> bool:
    """A line that is nothing but a credit: 本报评论员 / 本报记者 张三 通讯员 李四 / 川观新闻记者 张三."""
    # the spaces between a long credit's names are no part of its length
    if len(line) - line.count(" ") > 40 or layout.SUBTITLE_CUE.search(line):
        return False  # 甲 乙出席 / 甲主持: who took part, a subtitle's words, no credit
    line = _unspaced_roles(_LEAD_MARKS.sub("", line))  # ■ 记者 某某: a list mark is no part of it
    if _radio_lead_in(line):
        return True
    if line.endswith(("）", ")")):
        line = _AFFILIATION.sub("", line)  # 小记者 甲（某某中心小学）: where the credited studies or works
    if line[:1] == "【":
        line = _BRACKETED_ROLE.sub(r"\1 ", line)
    if "发自" in line:
        line = _FILED_FROM.sub("", line)
    if line[:1] in "来稿":
        line = _SOURCE_FIRST.sub("", line)
    if _STAFF_POST.fullmatch(line) is not None and looks_like_name(line.split()[-1]):
        return True
    dated = _PAGE_DATE.match(line)
    if dated is not None and dated.end() < len(line):
        line = line[dated.end() :]  # 2021-7-19 某某日报记者 甲: a web page's date, then its credit
    if line[:1] in "（(" and not any(c in line for c in "）)"):
        line = _UNCLOSED.sub("", line)  # （/文：某县新闻中心 甲: a bracket never closed frames nothing
    # an outlet named before each role (文/某某日报记者 甲 图/某某日报记者 乙) is the credit's too
    if "记者" in line or "通讯员" in line:  # the roles an outlet is named before
        line = _OUTLET_AT_ROLE.sub("", line)
    first = _org_before_role(line)
    if not (_ROLE_RE.match(line) or first):
        return (
            names_only(line)
            or _outlets_then_names(line)
            or _labelled_names(line)
            or _names_among_outlets(line)
        )
    if _PROSE_MARK.search(line):
        return False
    # names parted by commas (记者 甲，乙；通讯员 丙) are a credit only when every one is a name by
    # its surname: a sentence's clause after a role (记者获悉，…) is none
    listed = "，" in line or "；" in line
    credits = credits_named(line, 0)
    if not credits or not all(
        c.name is None or (len(c.name) <= 3 and not listed) or looks_like_name(c.name) for c in credits
    ):
        return False
    covered = sum(c.end - c.start for c in credits)
    labels = {k for r in _ROLE_RE.finditer(line) for k in range(r.start(), r.end())}
    for at, word, _spaced in _tokens(line):  # an editor's label is a credit's word too (责编：甲)
        if (label := _editorial(word)) is not None:
            labels.update(range(at, at + label.start("rest")))
    roles = len(labels)
    # the outlet's word before a later role (记者 甲 本报通讯员 乙) is the role's, as read
    read_roles = {(c.role_start, c.role_end) for c in credits}
    roles += sum(len(_outlet_before_role(line[a:b])) for a, b in read_roles)
    if first and not _ROLE_RE.match(line):
        roles += sum(1 for c in first if "\u4e00" <= c <= "\u9fff")  # the outlet's name is the credit's
    han = sum(1 for c in line if "\u4e00" <= c <= "\u9fff")
    if covered + roles >= han - 2:
        return True
    # the outlets a credit names beside its people (文/某县新闻中心 甲) are the credit's words too
    covered += sum(len(w) for _s, w, _sp in _tokens(_FRAME.sub(" ", line)) if _outlet(w))
    return covered + roles >= han - 2


_LEAD_MARKS = re.compile(r"^(?:" + _MARK_CLASS + r"|\s|" + _LETTER_MARK + ")+")
_UNCLOSED = re.compile(r"^[（(]\s*[/／]?\s*")
_OUTLET_AT_ROLE = re.compile(
    r"(?<=[/／\s])[\u4e00-\u9fff·]{2,12}?(?:日报社|日报|晚报|都市报|新闻网|电视台|融媒体中心|融媒|报|网)"
    r"(?=(?:全媒体|融媒体|融媒)?记者|通讯员)"
)


def photo_credit_line(line: str) -> re.Match[str] | None:
    """A line that is only a photo credit: 通讯员 某某 摄."""
    if len(line) > 30 or "摄" not in line:  # the credit ends in 摄 or 摄影
        return None
    return press.PHOTO_CREDIT.fullmatch(line.strip())


# a credit naming who took the picture by its label before the names: 图/某某客户端记者：甲 / 摄影：乙
_PICTURE_LABEL = re.compile(r"^(?:图|图片|摄影)\s*[/／:：丨|]\s*(?=\S)")


def picture_credit(line: str) -> bool:
    """A credit of a picture alone: 通讯员 某某 摄, or 图/… and 摄影：… before a credit's words."""
    s = line.strip()
    if photo_credit_line(s) is not None:
        return True
    label = _PICTURE_LABEL.match(s)
    if label is None or len(s) > 40:
        return False
    rest = s[label.end() :]
    if _TEXT_TOO.search(rest):
        return False  # 图/甲 乙 文/丙: who wrote the report is credited too, no picture's alone
    if is_byline_line(rest):
        return True
    words = [w for _start, w, _spaced in _tokens(rest)]
    return 1 <= len(words) <= 4 and all(looks_like_name(w) for w in words)


_TEXT_TOO = re.compile(r"(?:^|[\s、])(?:文字?|撰文|撰稿)\s*[/／:：丨|]")
_WROTE_AND_SHOT = re.compile(r"文\s*[/／、·]?\s*(?:摄影|摄)")


def caption_credit(line: str) -> int | None:
    """Where the credit of a caption begins when it names no 摄: a caption that says what its
    picture shows (…。图为甲在车间察看。 本报记者 乙), or one that names who supplied the
    picture (…。 某县委宣传部供图); None for any other line."""
    supplied = press.SUPPLIED_PHOTO.search(line) if ("供图" in line or "提供" in line) else None
    if supplied is not None and supplied.start() > 0:
        return supplied.start() + len(supplied.group()) - len(supplied.group().lstrip())
    # each of the pattern's words (图为, 图片为, 图中) is sought before the pattern is
    if not ("图为" in line or "图片为" in line or "图中" in line) or not press.CAPTION_SENTENCE.search(line):
        return None
    cut = trailing_credit(line)
    return cut if cut else None


_CREDIT_ENDS = ("摄", "摄影", "）", ")")  # how press.PHOTO_CREDIT's match ends a line


def photo_credit(line: str) -> re.Match[str] | None:
    # every form of the credit closes the line with 摄, 摄影 or a bracket: a line that does not is
    # not searched (a search tries the pattern's long alternatives at every character)
    m = press.PHOTO_CREDIT.search(line) if line.rstrip().endswith(_CREDIT_ENDS) else None
    if not m or _WROTE_AND_SHOT.search(m.group()):
        return None  # （记者 某某 文/摄）: who wrote the report took its pictures, no caption
    # the caption must be more than the credit
    return m if m.start() > 0 else None


_TRAILING_BRACKET = re.compile(r"(?:" + press.bracketed_credit(2, 60, "c", "c2") + r")\s*$")
_SOURCE = re.compile(r"^(?:(?:稿件|本文|信息|新闻|文章)?来源|稿源|据|转自|来自)[:：]?\s*\S")
# A line that is nothing but where a report came from; a sentence may open with 据 or 来自 too
# (据统计，… / 来自各地的…), so those need the shape of an outlet's name.
# the unit that made a video report, after it: 某某社音视频部制作 / 某某融媒体中心出品
_PRODUCED_BY = re.compile(r"^[\u4e00-\u9fff]{2,16}(?:部|中心|社|台|站|组|室|工作室)(?:联合)?(?:制作|出品)$")
_SOURCE_LINE = re.compile(
    r"^(?:(?:(?:稿件|本文|信息|新闻|文章|消息)?来源|稿源|转自|来自)[:：\s]\s*\S"
    r"|据[^，,。：:]{2,24}(?:报道|消息|日报|晚报|网|台|社|中心|客户端|新闻|微信公众号)\s*$)"
)
_ORG_CREDIT = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:办|部|局|委|中心|站|所|队|院|组)$")


def names_reporter(line: str) -> bool:
    """The line names someone in a reporter's role after whatever comes first (来源：某报 记者 甲)."""
    return _SOURCE_FIRST.match(line.strip()) is not None


def source_line(line: str) -> bool:
    """A line that is nothing but where a report came from: 来源：某某日报, 转自某某网."""
    s = line.strip()
    return len(s) <= 40 and "。" not in s and _SOURCE_LINE.match(s) is not None


_STOPS = ("。", "！", "？")
# a meeting record's list of who sat in naming only the press, the report's reporter (列席人员：
# 新闻媒体记者甲。, a county portal's form): a credit, full stop and all
_PRESS_SAT_IN = re.compile(
    r"(?:列席|出席|参会)人员\s*[:：]\s*(?:新闻)?媒体记者\s*[\u4e00-\u9fff·]{2,4}(?:[、，]\s*[\u4e00-\u9fff·]{2,4})*。?$"
)


def trailing_credit(text: str) -> int | None:
    """Where a credit printed after a report's last sentence begins, or None.

    （记者 张三）, （文/图 全媒体记者 张三）, （来源：某某日报）, （区委办）, （张三 李四）, and
    unbracketed, a credit line's words after the full stop: …。记者 张三 摄.
    """
    s = text.rstrip()
    if len(s) <= 40 and "。" not in s and (_SOURCE_LINE.match(s) or _PRODUCED_BY.match(s)):
        return 0  # 来源：某某县融媒体中心 / 某某社音视频部制作, a line of its own
    # the bracket closes the stripped line: search only a line that ends in one
    m = _TRAILING_BRACKET.search(s) if s[-1:] and s[-1] in press.CREDIT_CLOSERS else None
    before = s[: m.start()].rstrip() if m is not None else ""
    after_stop = m is not None and (not before or before[-1] in "。！？”’…")
    if m is not None and after_stop and _credit_words((m.group("c") or m.group("c2")).strip()):
        return m.start()
    sat_in = _PRESS_SAT_IN.search(s) if "人员" in s else None
    if sat_in is not None and (sat_in.start() == 0 or s[sat_in.start() - 1] in "。！？”"):
        return sat_in.start()  # 列席人员：新闻媒体记者甲。: the reporter who sat in, a county's record
    if s[-1:] in _STOPS:
        return None  # the last sentence closes the line: nothing is printed after it
    stop = max(s.rfind("。"), s.rfind("！"), s.rfind("？"))
    # a quotation or bracket the last sentence closes is the sentence's (…答卷。”本报记者 甲)
    tail = s[stop + 1 :].lstrip("”’」』）) \u3000").rstrip()
    if not (0 <= stop < len(s) - 1 and 2 <= len(tail) <= 40):
        return None
    if is_byline_line(tail.lstrip("—- ")) or (_SOURCE.match(tail) and not tail.startswith("据")):
        return s.index(tail, stop + 1)
    if tail.startswith("据") and _SOURCE_LINE.match(tail):
        return s.index(tail, stop + 1)  # …。据新华社: the source run on, an outlet's name and no clause
    if (len(tail) == 3 and looks_like_name(tail)) or names_only(tail):
        return s.index(tail, stop + 1)  # …。张三 李四: the authors run on, no mark before them
    return None


# An outlet's name as a credit prints it before its people (某某报业传媒集团 某某报 甲).
# The marks of a sentence: a credit prints none. Searched in C, where a test of each mark in
# turn took a Python frame for every line a credit is looked for in.
_SENTENCE_MARK = re.compile("[，。；：！？]")
_CLAUSE_MARK = re.compile("[，。；：！？,]")
_PROSE_MARK = re.compile("[。！？“”]")
# (某某发布, 某某观察: a government's or a partner's news account)
_OUTLET_WORD = re.compile(r"[\u4e00-\u9fff]{1,12}(?:集团|日报|晚报|早报|报|网|台|中心|融媒|发布|观察|新闻)")


def _outlet(word: str) -> bool:
    # a name ending in 网 is no one's: 安网 may be a name, 安徽网 is a site
    return _OUTLET_WORD.fullmatch(word) is not None and (
        not looks_like_name(word) or (len(word) >= 3 and word[-1] == "网")
    )


def _names_among_outlets(line: str) -> bool:
    """Correspondents named before their outlets, then an outlet's reporter: 甲 某某观察 乙 丙
    某某新闻记者 丁 (a partner outlet's name after its people's). Every word a name, an outlet,
    or a role with or without a name, and a role among them."""
    if _CLAUSE_MARK.search(line) or _SEP.search(line) is None:
        return False
    words = [w for _start, w, _spaced in _tokens(line.strip())]
    if not 3 <= len(words) <= 12:
        return False
    roles = 0
    for w in words:
        if looks_like_name(w) or _outlet(w):
            continue
        role = _ROLE_RE.search(w)
        if role is None or not (role.start() == 0 or _outlet(w[: role.start()])):
            return False
        rest = w[role.end() :]
        if rest and not looks_like_name(rest):
            return False
        roles += 1
    return roles > 0


def _outlets_then_names(line: str) -> bool:
    """A credit that names its outlets, then its people with no role: 某某集团 某某报 甲."""
    if _CLAUSE_MARK.search(line):
        return False  # 走进某某集团，甲…: a sentence cut at a line's end
    if _SEP.search(line) is None:
        return False  # one word: an outlet's name with no one after it, or no credit at all
    words = [w for _start, w, _spaced in _tokens(line.strip())]
    k = 0
    while k < len(words) and _outlet(words[k]):
        k += 1
    names = words[k:]
    return k >= 1 and 1 <= len(names) <= 4 and all(looks_like_name(w) for w in names)


_WHAT_DONE = re.compile(r"[/／](?:文图|文|图|摄影|摄)(?=[\s、]|$)")


# The labels an interview's or a feature's credits print before their people, one line each
# under the head (口述：甲 / 采访：乙、丙 / 讲述：丁): who told it, who asked, who set it down;
# and who planned, coordinated or voiced a report, as new media credit them (策划：甲, 统筹|乙).
# who reads a report aloud, as stations' sites print it over the text: 本期诵读人：某某台主播 甲
_VOICE_LABELS = r"(?:本期)?(?:诵读|朗读|朗诵|播音|播讲)(?:人|者|员)?|本期主播"
_LABELS = (
    r"口述|讲述|采访|采写|记录|整理|撰文|文字|图片|视频|海报|设计|"
    + _VOICE_LABELS
    + "|"
    + press.PRODUCTION_ROLE
)
# the station and the role before a reader's name, after the label (某某广播电视台主播 甲)
_VOICED_BY = re.compile(
    r"[\u4e00-\u9fff]{2,14}?(?:广播电视台|电视台|广播电台|电台|融媒体中心|新闻中心)(?:主播|播音员|主持人)\s*"
)
_CREDIT_LABEL = re.compile(r"^(?:" + _LABELS + r")\s*[:：|｜丨]\s*")
_LABEL_WORD = re.compile(_LABELS)
_LABEL_ROLES = {"文字": "文", "图片": "图"}  # labels that name a byline's role in other words


def _labelled_names(line: str) -> bool:
    """A credit label and names only after it: 口述：甲 / 采访：乙、丙、丁."""
    label = _CREDIT_LABEL.match(line.strip())
    if label is None or _SENTENCE_MARK.search(line, label.end()):
        return False
    rest = line.strip()[label.end() :]
    station = _VOICED_BY.match(rest)
    # words as a credit's are read: a two-character name printed spaced (韩 荣) is one
    words = [w for _start, w, _spaced in _tokens(rest[station.end() :] if station else rest)]
    return 1 <= len(words) <= 6 and all(looks_like_name(w) for w in words)


def names_only(line: str) -> bool:
    """A credit of names alone, as printed under a report: 张三 李 四 / 张三、李四 / 张三/文 李四/图,
    or one name after a list mark (■张三)."""
    if len(line) > 40 or _SENTENCE_MARK.search(line):
        return False
    stripped = line.strip()
    body = _WHAT_DONE.sub(" ", stripped.lstrip(_MARKS)).strip()
    if stripped[:1] in _MARKS and looks_like_name(body):
        return True
    if _SEP.search(body) is None:
        return False  # one word (a headline, mostly): two names need a space or a mark between
    words = [w for _start, w, _spaced in _tokens(body)]
    return 2 <= len(words) <= 8 and all(looks_like_name(w) for w in words)


# Who supplied or compiled a report: （市委宣传部供稿）, （本报综合）, （综合新华社报道）,
# （图片由县委宣传部提供）, （作者单位：市委党校）.
_SUPPLIED = re.compile(
    r"^(?:[\u4e00-\u9fff、·\s]{2,24}(?:供稿|供图|提供|综合|报道组)"
    r"|(?:本报|本台|本网)?综合[\u4e00-\u9fff、，,·\s]{0,24}(?:报道|消息)?"
    r"|作者(?:单位[:：]|系)[\u4e00-\u9fff、·\s]{2,30})$"
)


# An outlet that credits its people in the bracket: （某某融媒 张三）, （某某日报 张三 李四）.
_OUTLET_CREDIT = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:融媒体中心|融媒|日报|晚报|新闻网|电视台|报|网|台)$")


_WHAT_DONE_FIRST = re.compile(r"^(?:文/图|文图|文|图|摄影|摄|撰文|撰稿)\s*[/／:：丨|]\s*(?=\S)")


# where a report came from, named after who took its picture: 来源：某报 (with something named)
_SOURCE_AFTER = re.compile(r"\s*(?:稿件|本文)?(?:来源|稿源)[:：]\s*(?=\S)")


# A production credit as new media print it after a report: who planned, coordinated or voiced
# it, a bar or a colon, then units and people (（统筹协调|某某台总编室 甲 乙 融媒体中心 丙）).
_PRODUCTION_ROLE = re.compile(r"^(?:" + press.PRODUCTION_ROLE + r")\s*[|｜丨:：]\s*(?=\S)")
_UNIT = re.compile(r"^[\u4e00-\u9fff]{2,14}(?:室|部|中心|台|站|社|办|组|局|委)$")


def _production_credit(inner: str) -> bool:
    """（统筹协调|某某台总编室 甲 乙 融媒体中心 丙）: a production role, then units and names only."""
    role = _PRODUCTION_ROLE.match(inner)
    if role is None:
        return False
    words = [w for w in _SEP.split(inner[role.end() :]) if w]
    named = [w for w in words if _UNIT.match(w) is None]
    return bool(named) and len(words) <= 16 and all(looks_like_name(w) for w in named)


def _credit_words(inner: str) -> bool:
    if _production_credit(inner):
        return True
    cut = _SOURCE_AFTER.search(inner, 2) if "源" in inner else None
    if cut is not None:
        # （甲 摄 来源：某报）: who took the picture, then where the report came from
        before = inner[: cut.start()].strip()
        if photo_credit_line(before) is not None or _credit_words(before):
            return True
    done = _WHAT_DONE_FIRST.match(inner)
    if done is not None and _credit_words(inner[done.end() :]):
        return True  # （文/县新闻中心 张三）: what was done, then by whom
    if _SOURCE.match(inner) or _ORG_CREDIT.match(inner) or _SUPPLIED.match(inner):
        return True
    if _OUTLET_CREDIT.match(inner) or inner in press.REPORTER_ROLES:
        # （某某日报）: the paper it came from; （本报记者）: the paper's reporter, unnamed
        return True
    org, _, people = inner.partition(" ")
    if (_ORG_CREDIT.match(org) or _OUTLET_CREDIT.match(org)) and people.strip():
        # （县融媒体中心 张三 李四）: the unit, then its people
        inner = people
    if is_byline_line(inner):
        return True
    words = [w for w in _SEP.split(inner) if w]
    return 1 <= len(words) <= 6 and all(looks_like_name(w) for w in words)
