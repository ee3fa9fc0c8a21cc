"""Events an article reports — meetings, inspections and visits, receptions, ceremonies — and
who presided, spoke and attended; and the directives given at them.

The main event is read from the lead, where reports state it (市委常委会召开会议 / 某某赴某县调研 /
某某会见某某 / 颁奖典礼在某地举行); a later paragraph opening with another day and another kind
of event (25日为…现场观摩环节) adds one. Parts come from the verbs right after a person's name
(主持, 强调/指出/要求/讲话, 出席/参加/陪同), and 他/她 plus a verb of speech from the last person
who opened a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from fangzhi.extract.actors import set_actor, subject_at, title_of
from fangzhi.extract.persons import PersonHit
from fangzhi.lexicon import events as lex

SENTENCE_END = re.compile(r"[。！？\n]")
_HELD_QUICK = re.compile(
    r"召开|举行|举办|开幕|启动|开班|落幕|出席|揭牌|挂牌|开园|开馆|开通|开工|投产|竣工|通车|落成|成立|签约|签订|签署"
)
# The verb every match of a pattern holds: a sentence without it is not searched (the search
# of EVENT_BEFORE_VERB and LAUNCH tries every name length at every start, and costs).
_HELD_WORD = re.compile(lex.HELD_WORDS)
_LAUNCH_WORD = re.compile(lex.LAUNCH_WORDS)
_SIGNING_WORD = re.compile(lex.SIGNING_WORDS)
_PRESIDED = re.compile(r"主持(?:会议|召开)")
_DAY_BEFORE_NAME = re.compile(r"^.*?(?:\d{1,2}日(?:[上下]午|晚)?|上午|下午)")
_GENERIC_REST = re.compile(r"部分|有关|相关|重点|重大|一线|现场")
_CLAUSE_BREAK = re.compile(r"[，。；]")
_LIST_ITEM_END = re.compile(r"[、，。；\s]")
_COMPANY = re.compile(r"^(?:及[^，。；]{0,16}?领导|等[^，。；]{0,6}?)")  # 甲及有关部门领导 / 甲等
_AND_SPOKE = re.compile(r"并(?:讲话|致辞|发言|作[^，。；]{0,6}讲话)")
_PRONOUN_BEFORE = re.compile(r"(?:他|她)$")


@dataclass
class EventHit:
    type: str
    name: str | None
    date: str | None
    place: str | None
    start: int
    end: int
    presided: list[str] = field(default_factory=list)
    spoke: list[str] = field(default_factory=list)
    attended: list[str] = field(default_factory=list)
    region: tuple[int, int] = (0, 0)  # the part of the text whose parts belong to it
    actor: str | None = None  # who or what acted: the host, the visitor, the presider, the winner
    title: str | None = None  # one short line, actor and action: 某某机场荣获…
    actor_kind: str | None = None  # person | organisation
    actor_at: tuple[int, int] | None = None  # where the text prints the actor
    verb: str | None = None  # the verb the event is printed with: 举行, 揭牌, 签订
    subject: str | None = None  # the words printed as its subject, when an organisation acts


@dataclass(frozen=True, slots=True)
class DirectiveHit:
    speaker: str
    verb: str
    start: int
    end: int


def find_events(
    text: str, body_start: int, persons: list[PersonHit], day: str | None, head: str = ""
) -> list[EventHit]:
    """Events of a report whose body starts at `body_start`; `day` is the article's ISO date."""
    body = text[body_start:]
    lead_end = _sentence_end(body, 0)
    main = _main_event(body[:lead_end], head, day) or _implied_event(body, day)
    if main is None:
        return []
    main.start, main.end = body_start + main.start, body_start + main.end
    events = [main, *_later_events(body, body_start, day, main)]
    _assign_parts(text, body_start, persons, events)
    for e in events:
        set_actor(text, e, persons, body_start)
        e.title = title_of(e)
    return events


def _sentence_end(text: str, pos: int) -> int:
    m = SENTENCE_END.search(text, pos)
    return m.end() if m else len(text)


def _main_event(lead: str, head: str, day: str | None) -> EventHit | None:
    """The first event the lead states, by position; the head breaks a tie with no lead."""
    found: list[EventHit] = []
    for source in (lead, head):
        found = [
            e
            for e in (_held(source), _received(source), _inspected(source), _awarded(source), _sat(source))
            if e
        ]
        if found:
            break
    if not found:
        return None
    first = min(found, key=lambda e: e.start)
    first.date = day
    return first


def _implied_event(body: str, day: str | None) -> EventHit | None:
    """No lead states the event (a fragment, a lead cut off): someone presiding implies a
    meeting; an attendance line says what was attended (参加调研 → an inspection)."""
    m = _PRESIDED.search(body)
    if m:
        return EventHit("meeting", None, day, None, m.start(), m.end())
    m = lex.ATTENDED_OBJECT.search(body)
    if m:
        kind = {
            "会议": "meeting",
            "座谈": "meeting",
            "会见": "reception",
            "活动": "ceremony",
            "仪式": "ceremony",
            "典礼": "ceremony",
        }.get(m.group("what"), "inspection")
        return EventHit(kind, None, day, None, m.start(), m.end())
    return None


def _held(text: str) -> EventHit | None:
    if not _HELD_QUICK.search(text):
        return None  # the patterns below backtrack; most sentences hold none of their verbs
    best: EventHit | None = None
    for rx in (lex.EVENT_BEFORE_VERB, lex.EVENT_AFTER_VERB):
        if rx is lex.EVENT_BEFORE_VERB and not _HELD_WORD.search(text):
            continue
        m = rx.search(text)
        if m is None:
            continue
        name = _trim_name(m.group("name"))
        ceremony = lex.CEREMONY_RE.search(name) and not lex.BRIEFING_RE.search(name)
        kind = "ceremony" if ceremony else "meeting"
        place = m.groupdict().get("place")
        hit = EventHit(kind, name, None, place, m.start(), m.end(), verb=m.group("verb"))
        if best is None or hit.start < best.start:
            best = hit
    launch = lex.LAUNCH.search(text) if _LAUNCH_WORD.search(text) else None
    if launch and lex.GOAL.search(launch.group("name")):
        launch = None  # 力争早日竣工投产: wished for, not held
    if launch and (best is None or launch.start() < best.start):
        name = _trim_name(launch.group("name"))
        best = EventHit(
            "ceremony",
            name,
            None,
            launch.group("place"),
            launch.start(),
            launch.end(),
            verb=launch.group("verb"),
        )
    signing = lex.SIGNING.search(text) if _SIGNING_WORD.search(text) else None
    if signing and (best is None or signing.start() < best.start):
        # its name is the act (签约 / 签订战略合作协议); the parties are its subject
        name = signing.group("verb") + (signing.group("what") or "")
        best = EventHit("ceremony", name, None, signing.group("place"), signing.start("verb"), signing.end())
    opening = lex.OPENING.search(text)
    if opening and (best is None or opening.start() < best.start):
        # named for what opened (某支队|正式|挂牌成立), as a launch is
        before = text[max(0, opening.start() - 30) : opening.start()].split("，")[-1]
        span = subject_at(before)
        name = before[span[0] : span[1]] if span else before
        best = EventHit("ceremony", name, None, None, opening.start(), opening.end(), verb=opening.group(0))
    return best


def _trim_name(name: str) -> str:
    """A held event's name, less the date and the subject that precede it in the clause."""
    name = _DAY_BEFORE_NAME.sub("", name)
    return name.strip("，、 ")


def _received(text: str) -> EventHit | None:
    m = lex.RECEPTION.search(text)
    if m is None:
        return None
    clause_start = max(text.rfind("，", 0, m.start()), text.rfind("。", 0, m.start())) + 1
    clause_end = _clause_end(text, m.end())
    name = lex.NAME_TAIL.sub("", text[clause_start:clause_end])
    return EventHit("reception", name, None, None, m.start(), m.end())


def _sat(text: str) -> EventHit | None:
    """甲与…座谈: a reception of guests, or a meeting with those one governs."""
    m = lex.SITTING.search(text)
    if m is None:
        return None
    kind = "reception" if lex.GUESTS.search(m.group("whom")) else "meeting"
    clause_start = max(text.rfind("，", 0, m.start()), text.rfind("。", 0, m.start())) + 1
    name = lex.NAME_TAIL.sub("", text[clause_start : _clause_end(text, m.end())])
    return EventHit(kind, name, None, None, m.start(), m.end())


def _inspected(text: str) -> EventHit | None:
    m = lex.INSPECTION.search(text)
    if m is None:
        return None
    clause_start = max(text.rfind("，", 0, m.start()), text.rfind("。", 0, m.start())) + 1
    name = lex.NAME_TAIL.sub("", text[clause_start : _clause_end(text, m.end())])
    return EventHit("inspection", name, None, _visited(m.group("place")), m.start(), m.end())


def _visited(where: str | None) -> str | None:
    """Where a visit went: the places it opens with (常宁市、衡阳县…), else the body visited
    (国网某供电公司), less the generic rest (部分企业、园区 / 重大项目建设现场)."""
    if not where:
        return None
    from fangzhi.extract.places import find_places

    places: list[str] = []
    pos = 0
    for h in find_places(where):
        if h.start != pos:
            break
        places.append(h.name)
        pos = h.end + (1 if where[h.end : h.end + 1] == "、" else 0)
    if places:
        return "、".join(places)
    return _GENERIC_REST.split(where, maxsplit=1)[0] or None


def _awarded(text: str) -> EventHit | None:
    m = lex.AWARD.search(text)
    if m is None:
        return None
    return EventHit("ceremony", text[m.start() : _clause_end(text, m.end())], None, None, m.start(), m.end())


def _clause_end(text: str, pos: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos)
    return m.start() if m else len(text)


def _later_events(body: str, offset: int, day: str | None, main: EventHit) -> list[EventHit]:
    """A paragraph that opens with another day and reports another kind of event, or with what
    followed the same day (会后，… / 随后，… / 当天下午，…) and reports another event."""
    out: list[EventHit] = []
    told = {main.name}  # the names of the events already read
    turns: list[int] = []  # where a paragraph opens with another day or with what followed
    pos = 0
    for para in body.split("\n")[1:]:
        pos = body.index(para, pos)
        m = lex.DAY_OPENING.match(para)
        after = lex.AFTER_OPENING.match(para) if m is None else None
        if m is None and after is None:
            continue
        turns.append(offset + pos)
        first = para[: _sentence_end(para, 0)]
        found = [x for x in (_inspected(first), _held(first), _received(first)) if x is not None]
        mention = lex.MEETING_MENTION.search(first)
        if mention:
            found.append(EventHit("meeting", None, None, None, mention.start(), mention.end()))
        if not found:
            continue
        e = min(found, key=lambda x: x.start)
        if e.type == main.type and (after is None or e.name is None or e.name in told):
            continue  # the main event told again, not another one
        if e.type == main.type == "inspection" and lex.GOES_ON.match(para):
            continue  # 随后，甲来到某公司察看…: the visit's next stop, the same inspection
        e.date = _same_month(day, int(m.group("d"))) if m is not None else day
        e.start, e.end = offset + pos + e.start, offset + pos + e.end
        e.region = (offset + pos, offset + len(body))
        out.append(e)
        told.add(e.name)
    # a later event's report runs past its paragraph (他指出… after 会后，…召开), up to the next
    # paragraph that opens with a day or what followed (26日上午的会议…)
    for e in out:
        e.region = (e.region[0], next((x for x in turns if x > e.region[0]), e.region[1]))
    return out


def _same_month(day: str | None, d: int) -> str | None:
    if day is None:
        return None
    try:
        return date.fromisoformat(day).replace(day=d).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------- parts


def _assign_parts(text: str, body_start: int, persons: list[PersonHit], events: list[EventHit]) -> None:
    subjects: list[tuple[int, str]] = []
    for p in persons:
        if (
            p.start == 0
            or text[p.start - 1] in "，。；：\n"
            or (p.posts and text[p.posts[0].start - 1 : p.posts[0].start] in ("", "，", "。", "\n", "；"))
        ) and not _in_attendance_line(text, p.start):  # a name listed as present says nothing after
            subjects.append((p.start, p.name))
    listed = _list_roles(text, persons)
    briefed = {p.start for p in persons if lex.BRIEFED.match(text, p.end)}
    for p in persons:
        target = _target(events, p.start)
        roles = (
            _parts(text, p.end)
            or listed.get(p.start)
            or (["attended"] if _in_attendance_line(text, p.start) else [])
        )
        for role in roles:
            getattr(target, role).append(p.name)
    for m in lex.PRONOUN.finditer(text, body_start):
        # not one who only briefed (某村党支部书记乙介绍，…): 他强调 after it is still the visitor
        before = [name for pos, name in subjects if pos < m.start() and pos not in briefed]
        if before:
            _target(events, m.start()).spoke.append(before[-1])
    for m in lex.CLAUSE_SPEECH.finditer(text, body_start):
        # 甲察看…，叮嘱…: the sentence's own subject, never one of an earlier sentence
        start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        own = [name for pos, name in subjects if start <= pos < m.start()]
        if own:
            _target(events, m.start()).spoke.append(own[0])
    for e in events:
        e.presided = _unique(e.presided)
        e.spoke = _unique(e.spoke)
        e.attended = [n for n in _unique(e.attended) if n not in e.presided and n not in e.spoke]


def _list_roles(text: str, persons: list[PersonHit]) -> dict[int, list[str]]:
    """The part a list of names plays, read after its last name, for every name of it:
    甲、乙、丙主持会议相关议程 — all three presided; 甲、乙以及秘书长丙参加会议."""
    out: dict[int, list[str]] = {}
    group: list[PersonHit] = []
    for p in sorted(persons, key=lambda h: h.start):
        # a post printed before this name (not one shared with the names before it) opens it
        begin = p.posts[0].start if p.posts and group and p.posts[0].start >= group[-1].end else p.start
        if group and text[group[-1].end : begin] not in _LIST_JOINS:
            _give(text, group, out)
            group = []
        group.append(p)
    _give(text, group, out)
    return out


def _give(text: str, group: list[PersonHit], out: dict[int, list[str]]) -> None:
    if len(group) > 1:
        roles = _parts(text, group[-1].end)
        for p in group[:-1]:
            out[p.start] = roles


_LIST_JOINS = frozenset({"、", "和", "与", "及", "以及", "，以及", "、以及"})


def _parts(text: str, end: int) -> list[str]:
    """The parts a name plays, from the words right after it (and its list: 甲、乙出席);
    主持会议并讲话 is two parts."""
    pos = end
    while pos < len(text) and text[pos] == "、":  # skip the rest of a list of names
        nxt = _LIST_ITEM_END.search(text, pos + 1)
        if nxt is None or nxt.start() - pos > 5:
            break
        pos = nxt.start()
    rest = text[pos : pos + 24]
    rest = _COMPANY.sub("", rest)
    m = lex.PRESIDE.match(rest)
    if m:
        tail = rest[m.end() :]
        spoke = _AND_SPOKE.match(tail)
        return ["presided", "spoke"] if spoke else ["presided"]
    if lex.SPEAK_AFTER_ATTEND.match(rest) or lex.SPEAK.match(rest):
        return ["spoke"]
    if lex.ATTEND.match(rest):
        return ["attended"]
    if lex.VISITOR.match(text, pos, min(len(text), pos + 40)):
        return ["attended"]
    return []


def _in_attendance_line(text: str, pos: int) -> bool:
    """The name stands in a sentence that ends as attendance lines do (…参加会议。): 副县长甲、乙，
    县政府办主任丙参加会议 — everyone listed attended, not only the last."""
    start = max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1
    end = _sentence_end(text, pos)
    sentence = text[start:end]
    return len(sentence) <= 160 and bool(_ATTENDANCE_END.search(sentence))


_ATTENDANCE_END = re.compile(
    r"(?:出席|参加|陪同|列席)(?:了)?(?:会议|调研|活动|仪式|座谈|考察|检查|视察|督导|会见|会谈)?[。！]?$"
)


def _target(events: list[EventHit], pos: int) -> EventHit:
    for e in events[1:]:
        if e.region[0] <= pos < e.region[1]:
            return e
    return events[0]


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(names))


# ---------------------------------------------------------------- directives


def find_directives(text: str, body_start: int, persons: list[PersonHit]) -> list[DirectiveHit]:
    """会议强调，要… / 某某要求，… / 他指出，…: each runs to the end of its paragraph or the next."""
    starts = {p.end: p.name for p in persons}
    out: list[DirectiveHit] = []
    for m in lex.BODY_SPEAKS.finditer(text, body_start):
        who = m.group("who")
        speaker = "会议" if who and who.startswith("会") else starts.get(m.start())
        if speaker is None:
            pm = _PRONOUN_BEFORE.search(text, max(0, m.start() - 1), m.start())
            if pm is None:
                continue
            speaker = _last_subject(text, persons, m.start())
            if speaker is None:
                continue
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        out.append(DirectiveHit(speaker, m.group("verb"), m.start(), end))
    return _split_overlaps(out)


def _last_subject(text: str, persons: list[PersonHit], pos: int) -> str | None:
    before = [p for p in persons if p.start < pos and (p.start == 0 or text[p.start - 1] in "，。；：\n")]
    return before[-1].name if before else None


def _split_overlaps(hits: list[DirectiveHit]) -> list[DirectiveHit]:
    out: list[DirectiveHit] = []
    for i, h in enumerate(hits):
        nxt = hits[i + 1].start if i + 1 < len(hits) else None
        end = min(h.end, nxt) if nxt is not None and nxt > h.start else h.end
        out.append(DirectiveHit(h.speaker, h.verb, h.start, end))
    return out
