"""Who acted in an event, and its title: the person named first before its verb, its presider,
else the organisation its clause names as subject (某支队举行…, 某公司荣获…, 甲与乙签约; 该公司 →
the company named before), or that opens what was launched (某中心揭牌); else the body that sat,
who addressed it, or what the headline names. The title reads actor and action in one line."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from fangzhi.extract.persons import PersonHit
from fangzhi.lexicon import events as lex

if TYPE_CHECKING:
    from fangzhi.extract.events import EventHit


def set_actor(text: str, e: EventHit, persons: list[PersonHit], head_end: int) -> None:
    """Who acted, with where it is printed: the person named first in the event's own clause
    before its verb (the host of a reception, the visitor), else its presider; else the
    organisation its clause names as subject (市消防救援支队举行…, 某公司荣获…, 甲与乙签约; 该公司 →
    the company named before), or that opens its name (某公司某项目开工); else for a meeting the
    body that sat; else the person or organisation the headline names."""
    clause = max(text.rfind(c, 0, e.start) for c in "，。；\n") + 1
    # the sentence's subject may open a clause before the event's own: 市长甲深入某区，就…开展调研
    sentence = max(text.rfind(c, 0, e.start) for c in "。；\n") + 1
    award = e.type == "ceremony" and bool(e.name and lex.AWARD.match(e.name))
    named = [] if award else [p for p in persons if sentence <= p.start < e.start]
    if not named and e.presided:
        named = [p for p in persons if p.name == e.presided[0]]
    if named:
        e.actor, e.actor_kind, e.actor_at = named[0].name, "person", (named[0].start, named[0].end)
        return
    org = _org_subject(text, clause, e, loose=award)
    if org is None and e.name and e.type != "meeting" and not award:
        org = _org_opening(text, e)
    if org is None and e.type == "meeting":
        org = _sitting_body(text, clause, e)
    if org is None and e.spoke:  # no one presided nor sat: who addressed it (出席并讲话)
        org = next(((p.start, p.end) for p in persons if p.name == e.spoke[0] and p.start >= e.start), None)
    if org is None:
        org = _head_actor(text, persons, head_end, award=award)
    if org is not None:
        e.actor, e.actor_at = text[org[0] : org[1]], org
        e.actor_kind = "person" if any(p.start == org[0] for p in persons) else "organisation"


def _org_subject(text: str, clause: int, e: EventHit, *, loose: bool = False) -> tuple[int, int] | None:
    """The organisation printed as the subject before the verb (its first party: 甲与乙签约; the
    subject as printed, all parties, is kept for the title); `loose`: any subject (a winner:
    某某机场荣获…, whatever the segmenter makes of its name)."""
    from fangzhi.extract.orgs import find_orgs

    span = subject_at(text[clause : e.start])
    if span is None:
        return None
    at = clause + span[0]
    subject = e.subject = text[at : clause + span[1]]
    first = lex.PARTIES.split(subject, maxsplit=1)[0]
    kind = lex.ANAPHOR.match(first)
    if kind:
        return _antecedent(text, kind.group("kind"), at)
    orgs = [o for o in find_orgs(subject) if o.start == 0]
    if orgs:
        return at, at + orgs[0].end
    if loose or _BODY_IN_NAME.fullmatch(first) or _is_place(first):
        # 市政府, 市委常委会: bodies the segmenter may not name; a place that signs or hosts
        # (某区与某公司签约) acts through its government
        return at, at + len(first)
    return None


def _is_place(words: str) -> bool:
    from fangzhi.extract.places import find_places

    hits = find_places(words)
    return bool(hits) and hits[0].start == 0 and hits[-1].end == len(words)


def _antecedent(text: str, kind: str, before: int) -> tuple[int, int] | None:
    """The body an anaphor (该公司, 该校) stands for: the last one named before it, in the
    headline or the text, whose head is of that kind."""
    from fangzhi.extract.orgs import find_orgs

    heads = lex.ANAPHOR_HEADS.get(kind, (kind,))
    found = [o for o in find_orgs(text[:before]) if o.name.endswith(heads)]
    if not found:
        return None
    last = found[-1]
    return last.start, last.end


def _org_opening(text: str, e: EventHit) -> tuple[int, int] | None:
    """An organisation that opens the event's name: 某公司年产十万吨项目 (开工), 某医院胸痛中心 (揭牌)."""
    from fangzhi.extract.orgs import find_orgs

    name = e.name or ""
    at = text.rfind(name, 0, e.end)  # printed before the verb (挂牌成立) or from the event's start
    if at < 0 or not name:
        return None
    orgs = [o for o in find_orgs(name) if o.start == 0]
    if orgs:
        return at + orgs[0].start, at + orgs[0].end
    # what is unveiled is a body itself (某市应急指挥中心揭牌), however its words segment
    return (at, at + len(name)) if launched(e.verb) and name.endswith(lex.UNVEILED_BODY_HEADS) else None


def _sitting_body(text: str, clause: int, e: EventHit) -> tuple[int, int] | None:
    """The body that sat: named in the meeting's name (市委常委会会议)."""
    body = _BODY_IN_NAME.match(e.name or "")
    if body is None:
        return None
    at = text.find(body.group(1), clause)
    return (at, at + len(body.group(1))) if at >= 0 else None


def _head_actor(text: str, persons: list[PersonHit], head_end: int, *, award: bool) -> tuple[int, int] | None:
    """The subject of the headline (某某支队被评为先进支队, 某公司喜获大奖): a person, or the first
    organisation it names."""
    from fangzhi.extract.orgs import find_orgs

    in_head = [p for p in persons if p.end <= head_end]
    if in_head:
        return in_head[0].start, in_head[0].end
    head = text[:head_end]
    won = (
        lex.AWARD.search(head) if award else None
    )  # the winner; the winners of another event are not its actor
    span = subject_at(head[: won.start()]) if won else None
    if span is not None:
        return span
    orgs = find_orgs(head)
    if orgs:
        return orgs[0].start, orgs[0].end
    # a place opening a headline is its subject (某市评出…): it acts through its government
    from fangzhi.extract.places import find_places

    line = head.rfind("\n", 0, max(0, head_end - 1)) + 1
    places = find_places(text[line:head_end])
    return (line + places[0].start, line + places[0].end) if places and places[0].start == 0 else None


# A meeting named for the body that sits: 市委常委会会议, 市政府常务会议, 县人大常委会第十次会议;
# not one named for its scope (全市政协工作会议 is no sitting of a 全市政协)
_BODY_IN_NAME = re.compile(
    r"^(?!全[市省县区州国])([^，。；]{1,12}?(?:人大常委会|常委会|人民政府|政府|政协|委员会|党组))"
)


def subject_at(before: str) -> tuple[int, int] | None:
    """Where the subject printed before a verb stands in `before`: its last line, less the day
    and the words that open a lead, and less how and where it acted (某市|在某广场|隆重|举行)."""
    start = before.rfind("\n") + 1
    opening = _LEAD_OPENING.match(before[start:])  # (^ holds only at a string's real start)
    start += opening.end() if opening else 0
    end = len(before)
    while start < end and before[start] in _PADDING:
        start += 1
    while True:
        while end > start and before[end - 1] in _PADDING:
            end -= 1
        tail = _ADVERBS_AFTER.search(before, start, end) or _WHERE_AFTER.search(before, start, end)
        if tail is None or tail.start() == end:
            break
        end = tail.start()
    return (start, end) if 2 <= end - start <= 30 else None


_PADDING = frozenset("，、： ")


_LEAD_OPENING = re.compile(
    r"^(?:.*?\d{1,2}日(?:[上下]午|晚)?[，,]?|近日[，,]?|日前[，,]?|近期[，,]?|昨天[，,]?|今天[，,]?)"
)
# 某某机场再次|荣获: how it won, not who
_ADVERBS_AFTER = re.compile(
    r"(?:再次|再度|又一次|又|连续|首次|成功|一举|均|分别|光荣|喜|顺利|正式|已|也|隆重|共同|联合)+$"
)
_WHERE_AFTER = re.compile(r"(?:在|于)[^，。；]{2,24}$")  # where it acted, not who


def title_of(e: EventHit) -> str | None:
    """Actor and action in one short line: 某公司荣获…, 某医院胸痛中心揭牌, 市消防救援支队举行授衔仪式,
    甲与乙签订…协议; the name alone when it names its actor already."""
    if not e.name:
        return None
    action = e.name
    if launched(e.verb) and e.verb and not action.endswith(e.verb):
        action += e.verb  # 某医院胸痛中心 + 揭牌
    if e.actor is None or e.actor in action:
        return action
    if e.actor in e.presided:  # 某某主持召开…会议, 某某主持签约仪式
        verb = "召开" if e.type == "meeting" and not e.name.startswith(("召开", "举行")) else ""
        return f"{e.actor}主持{verb}{e.name}"
    # an organisation's subject as printed, with all its parties: 甲与乙签约
    who = (
        e.subject
        if e.actor_kind == "organisation" and e.subject and e.subject.startswith(e.actor)
        else e.actor
    )
    if e.actor_kind == "organisation" and e.verb in _HELD_VERBS and not _BODY_IN_NAME.fullmatch(e.actor):
        return f"{who}{e.verb}{action}"  # 某支队举行授衔仪式; a body sat: 市政府常务会议
    return who + action


_HELD_VERBS = frozenset({"召开", "举行", "举办"})


def launched(verb: str | None) -> bool:
    """The verb of a launch or an opening, which a title prints after what was launched."""
    return verb is not None and bool(lex.LAUNCH_VERB.fullmatch(verb) or lex.OPENING.fullmatch(verb))
