"""The article grammar: deterministic, consistent with its own truth, and its own words."""

from __future__ import annotations

import datetime
import random
import re
from pathlib import Path

import pytest

from fangzhi.sim.grammar import KINDS, cn_number, write_story
from fangzhi.sim.truth import StoryTruth
from fangzhi.sim.world import World, make_world

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"
HAN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
DAY = datetime.date(2023, 11, 17)


def _world(seed: int) -> World:
    rng = random.Random(seed)
    return make_world(rng, "湖南省", "衡阳市", ("衡阳县", "衡南县", "衡东县", "雁峰区", "耒阳市"))


def _text(story: StoryTruth) -> str:
    heads = [h for h in (story.kicker, story.headline, story.subtitle) if h]
    return "\n".join([*heads, *story.paragraphs])


def _stories(n: int, seed: int = 11) -> list[StoryTruth]:
    rng = random.Random(seed)
    world = _world(seed)
    out = []
    for i in range(n):
        when = DAY - datetime.timedelta(days=rng.randrange(900))
        out.append(write_story(rng, world, when, KINDS[i % len(KINDS)]))
    return out


def test_same_seed_same_story() -> None:
    for kind in KINDS:
        a = write_story(random.Random(3), _world(1), DAY, kind)
        b = write_story(random.Random(3), _world(1), DAY, kind)
        assert a == b
    assert _world(2) == _world(2)
    assert _world(2) != _world(4)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        write_story(random.Random(0), _world(0), DAY, "sonnet")


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_agrees_with_its_truth(kind: str) -> None:
    for seed in range(12):
        rng = random.Random(seed)
        story = write_story(rng, _world(seed), DAY, kind)
        text = _text(story)
        body = "".join(story.paragraphs)
        assert story.paragraphs and all(p.strip() == p and p for p in story.paragraphs)
        if kind == "photo":
            assert len(story.paragraphs) == 1 and story.kind == "photo"
        else:
            assert 150 <= len(body) <= 900, (kind, len(body))
        for person in story.persons:
            assert HAN_NAME.match(person.name), person.name
            assert person.name in text
            printed = "、".join(person.posts) + person.name
            if person.posts and person.posts != ("总书记",):
                assert printed in text or all(p in text for p in person.posts), printed
        assert len({p.name for p in story.persons}) == len(story.persons)
        for doc in story.documents:
            assert f"《{doc}》" in text
        for slogan in story.slogans:
            assert f"“{slogan}”" in text
        names = {p.name for p in story.persons}
        for event in story.events:
            assert event.type in ("meeting", "inspection", "reception", "ceremony")
            assert event.name
            assert event.date == story.date
            for who in (*event.presided, *event.spoke, *event.attended):
                assert who in names, (who, event)
            assert not set(event.attended) & (set(event.presided) | set(event.spoke))
        for head in (story.headline, story.kicker):
            if head is not None and kind not in ("inspection", "meeting-special"):
                assert 6 <= len(head) <= 40, head


def test_kinds_have_their_shapes() -> None:
    world = _world(5)
    rng = random.Random(5)
    commentary = write_story(rng, world, DAY, "commentary")
    assert commentary.kind == "commentary" and not commentary.dated_lead and commentary.date is None
    assert not commentary.paragraphs[0].startswith(f"{DAY.month}月")
    interview = write_story(rng, world, DAY, "interview")
    assert interview.kind == "interview" and interview.subtitle and interview.subtitle.startswith("——访")
    notice = write_story(rng, world, DAY, "notice")
    assert notice.events == ()
    for _ in range(5):
        tele = write_story(rng, world, DAY, "teleconference")
        assert len(tele.events) == 2 and any(p.startswith("会后，") for p in tele.paragraphs)
        multi = write_story(rng, world, DAY, "multi-event")
        assert 2 <= len(multi.events) <= 3
        news = write_story(rng, world, DAY, "meeting-standing-committee")
        lead = news.paragraphs[0]
        assert news.dated_lead and re.match(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日", lead)
        assert news.events[0].presided


def test_leads_open_with_the_date_and_attendance_ends_some_leads() -> None:
    stories = [s for s in _stories(280) if s.kind == "news" and s.dated_lead]
    assert stories
    for s in stories:
        assert s.date is not None
        assert s.paragraphs[0].startswith(
            (f"{s.date.month}月{s.date.day}日", f"{s.date.year}年{s.date.month}月{s.date.day}日")
        )
    verbs = re.compile(r"(?:参加|出席|陪同|列席|颁奖)[^。，]{0,8}。$")
    ending_lead = [s for s in stories if len(s.paragraphs) > 2 and verbs.search(s.paragraphs[0])]
    closing = [s for s in stories if verbs.search(s.paragraphs[-1])]
    assert len(ending_lead) > len(stories) // 6
    assert len(closing) > len(stories) // 6


def test_names_and_posts_are_varied() -> None:
    world = _world(9)
    names = [s.name for s in world.seats]
    assert len(set(names)) == len(names)
    assert all(HAN_NAME.match(n) for n in names)
    two = sum(len(n) == 2 for n in names) / len(names)
    assert 0.05 < two < 0.3
    assert not any(a != b and a in b for a in names for b in names)
    posts = {p for s in world.seats for p in s.official.posts}
    assert {"市委书记", "市委副书记", "市长", "市委常委", "常务副市长", "副市长", "市政协主席"} <= posts
    assert "衡东县委书记" in posts and any(
        p.endswith("镇党委书记") or p.endswith("乡党委书记") for p in posts
    )
    assert any(p.endswith("董事长") for p in posts) and any(p.endswith("局长") for p in posts)
    # a person is printed once with posts and afterwards by the bare name
    for s in _stories(60):
        text = "".join(s.paragraphs)
        for p in s.persons:
            if p.posts and p.posts != ("总书记",):
                assert text.count("、".join(p.posts) + p.name) <= 1


def test_cn_number() -> None:
    assert [cn_number(n) for n in (1, 10, 12, 20, 23, 99)] == ["一", "十", "十二", "二十", "二十三", "九十九"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the sample pages are not here")
def test_no_sentence_of_the_sample_pages_is_reproduced() -> None:
    sentences: set[str] = set()
    for page in SEEDS.glob("*.txt"):
        text = page.read_text(encoding="utf-8")
        for line in text.splitlines():
            for part in re.split(r"[。！？；]", line):
                part = part.strip(" 　#*")
                if len(part) >= 12:
                    sentences.add(part)
    assert sentences
    generated = "\n".join(_text(s) for s in _stories(200, seed=23))
    copied = [s for s in sentences if s in generated]
    assert not copied, copied[:5]


def test_the_survey_of_real_endings_is_read_with_its_addresses() -> None:
    from fangzhi.sim.endings import survey

    reports = survey()
    assert len(reports) >= 60 and len({r.seen.split("/")[2] for r in reports}) >= 25
    assert all(r.seen.startswith("http") and r.paragraphs for r in reports)


def test_attendance_ends_leads_about_as_often_as_on_real_pages() -> None:
    from fangzhi.sim.endings import rates

    share = rates().attendance_ends_lead
    assert 0.6 < share < 0.9  # counted on real pages: most attendance lines end the lead
    verbs = re.compile(r"(?:参加|出席|陪同|列席|颁奖)[^。，]{0,8}。$")
    stories = [s for s in _stories(700) if s.kind == "news" and len(s.paragraphs) > 2]
    at_lead = sum(bool(verbs.search(s.paragraphs[0])) for s in stories)
    at_end = sum(bool(verbs.search(s.paragraphs[-1])) for s in stories)
    assert abs(at_lead / (at_lead + at_end) - share) < 0.15


def test_some_reports_name_attendees_in_the_lead_and_others_at_the_end_as_real_ones_do() -> None:
    from fangzhi.sim.endings import rates

    share = rates().attendance_again_at_end
    assert 0.1 < share < 0.3  # counted on real pages: attendees listed twice, lead and end
    verbs = re.compile(r"(?:参加|出席|列席)[^。，]{0,8}。$")
    stories = [s for s in _stories(700) if s.kind == "news" and len(s.paragraphs) > 2]
    twice = [s for s in stories if verbs.search(s.paragraphs[0]) and verbs.search(s.paragraphs[-1])]
    named = [(s, {p.name for p in s.persons if p.name in s.paragraphs[-1]}) for s in twice]
    named = [(s, n) for s, n in named if n]
    assert len(named) > 5
    for s, names in named:
        # the closing line names attendees of the report's event, two or more
        attended = {a for e in s.events for a in e.attended}
        assert len(names) >= 2 and names <= attended, (names, attended)


def test_other_matters_end_their_report_as_on_real_pages() -> None:
    from fangzhi.sim.endings import rates

    assert rates().attendance_after_other_matters < 0.1  # counted on real pages
    closing = [s for s in _stories(700) if any("其他事项" in p for p in s.paragraphs)]
    assert len(closing) > 10
    assert all("其他事项" in s.paragraphs[-1] for s in closing)


def test_an_award_report_may_close_on_how_the_award_was_run_naming_it_in_quotes() -> None:
    award = re.compile(r"“([^”]+)”评选活动由")
    closing = 0
    for seed in range(60):
        story = write_story(random.Random(seed), _world(seed), DAY, "ceremony")
        named = [m.group(1) for p in story.paragraphs if (m := award.search(p))]
        if named:
            closing += 1
            assert f"“{named[0]}”" in story.paragraphs[0] + (story.headline or "") + (story.subtitle or "")
    assert closing >= 3
