"""Events and the parts people play in them, on hand-written reports."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers import records

HEAD = "# 标题\n\n某市日报讯（记者 甲某）"


def events(body: str, **kw: Any) -> list[tuple[str, str | None, list[str], list[str], list[str]]]:
    rec = records(HEAD + body, **kw)[0]
    return [(e["type"], e["date"], e["presided"], e["spoke"], e["attended"]) for e in rec["events"]]


def test_a_meeting_with_who_presided_spoke_and_attended() -> None:
    got = events(
        "2023年5月11日下午，市政府召开常务会议。市长王建华主持会议并讲话。副市长李红梅指出，要压实责任。"
        "市政府秘书长赵国平参加会议。\n"
    )
    assert got == [("meeting", "2023-05-11", ["王建华"], ["王建华", "李红梅"], ["赵国平"])]


def test_an_inspection_with_a_pronoun_that_speaks() -> None:
    got = events(
        "2023年5月11日上午，市委书记刘高远赴某县部分企业调研。他强调，要做优做强制造业。\n\n市领导周志强参加调研。\n"
    )
    assert got == [("inspection", "2023-05-11", [], ["刘高远"], ["周志强"])]


def test_a_reception() -> None:
    got = events("2023年11月17日，市长朱杰会见了某协会秘书长徐文峰一行。徐文峰表示，将深化合作。\n")
    assert got[0][:2] == ("reception", "2023-11-17") and set(got[0][3]) == {"徐文峰"}


def test_a_ceremony_is_typed_by_the_head_noun_of_its_name() -> None:
    assert events("2023年10月26日晚，第二届最美驾驶员颁奖典礼在市广电中心举行。\n")[0][0] == "ceremony"
    assert events("2023年11月17日上午，某委员会成立大会在某市召开。\n")[0][0] == "ceremony"
    assert events("2023年10月26日下午，全市骨干企业推进会召开。\n")[0][0] == "meeting"


def test_a_launch_is_a_ceremony() -> None:
    assert events("2024年10月15日晚，2024某市秋冬文旅消费季在古城广场启动。\n")[0][0] == "ceremony"


def test_a_second_event_on_another_day() -> None:
    got = events(
        "2023年10月25—26日，全市经济运行分析推进会举行。\n\n25日为全市重大项目现场观摩环节，甲某率队赴某县观摩。\n"
    )
    assert [(t, d) for t, d, *_ in got] == [("meeting", "2023-10-25"), ("inspection", "2023-10-25")]


def test_commentary_reports_no_event() -> None:
    rec = records("# 评论\n\n■本报评论员\n\n全市召开会议，市长主持会议。\n")[0]
    assert rec["kind"] == "commentary" and rec["events"] == []


def test_directives_name_their_speaker() -> None:
    rec = records(
        HEAD
        + "2023年5月11日，市委常委会召开会议。会议强调，要压实安全责任。\n\n市委书记刘高远要求，要守住底线。\n"
    )[0]
    assert [(d["speaker"], d["verb"]) for d in rec["directives"]] == [("会议", "强调"), ("刘高远", "要求")]
    assert rec["directives"][0]["text"].startswith("会议强调，要压实安全责任")


def test_a_county_government_website_notice() -> None:
    page = (
        "县政府召开第12次常务会议\n\n发布时间：2024-03-05 来源：县政府办\n\n"
        "2024年3月4日上午，县长王立群主持召开县政府第12次常务会议，研究部署春耕生产等工作。"
        "副县长刘建明、张秀英，县政府办主任陈志伟参加会议。\n\n会议强调，要抓好春耕备耕，确保粮食安全。\n"
    )
    rec = records(page)[0]
    assert rec["headline"] == "县政府召开第12次常务会议"
    assert {(p["name"], tuple(p["posts"])) for p in rec["persons"]} == {
        ("王立群", ("县长",)),
        ("刘建明", ("副县长",)),
        ("张秀英", ("副县长",)),
        ("陈志伟", ("县政府办主任",)),
    }
    (e,) = rec["events"]
    assert (e["type"], e["date"], e["presided"]) == ("meeting", "2024-03-04", ["王立群"])
    assert set(e["attended"]) == {"刘建明", "张秀英", "陈志伟"}


def test_a_host_who_welcomes_and_a_guest_who_thanks_both_speak() -> None:
    got = events(
        "2023年11月17日，市长朱杰会见了某集团董事长徐文峰一行。\n"
        "朱杰对徐文峰一行的到来表示欢迎，简要介绍了本市发展情况。\n"
        "徐文峰感谢当地给予的关心支持。\n"
    )
    assert got[0][0] == "reception" and set(got[0][3]) == {"朱杰", "徐文峰"}


def test_a_clause_of_speech_without_a_subject_is_its_sentences_subjects() -> None:
    got = events(
        "2023年5月11日上午，市委书记刘高远赴某县调研。\n"
        "在某公司，刘高远察看生产线运行情况，叮嘱负责人要把安全措施落实到位。\n"
    )
    assert got[0][3] == ["刘高远"]


def test_a_pronoun_after_an_attendance_line_is_not_its_last_name() -> None:
    got = events(
        "2023年5月11日上午，市委书记刘高远赴某县调研。市领导周志强、李明参加。\n他强调，要做优做强制造业。\n"
    )
    assert got[0][3] == ["刘高远"] and "李明" not in got[0][3]


def test_a_local_meeting_held_after_a_teleconference_is_an_event_of_its_own() -> None:
    got = events(
        "2023年5月11日上午，全国安全生产电视电话会议召开。市长王建华在某市分会场参加会议。\n"
        "会后，王建华主持召开全市安全生产工作会议，就贯彻落实会议精神作出部署。\n"
    )
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("meeting", "2023-05-11", []),
        ("meeting", "2023-05-11", ["王建华"]),
    ]


def test_what_follows_a_later_events_paragraph_is_its_report_too() -> None:
    got = events(
        "2023年5月11日上午，全国安全生产电视电话会议召开。副省长赵明出席并讲话。市长王建华在某市分会场参加会议。\n"
        "会后，王建华主持召开全市安全生产工作会议，就贯彻落实会议精神作出部署。\n"
        "他指出，要压实安全生产责任。\n"
    )
    assert got[0][3] == ["赵明"]
    assert (got[1][2], got[1][3]) == (["王建华"], ["王建华"])


def test_who_makes_a_visit_is_present_at_it_when_given_no_words() -> None:
    got = events("2023年5月11日上午，市委书记刘高远在某某科技有限公司调研智能制造工作，副市长周志强陪同。\n")
    assert got == [("inspection", "2023-05-11", [], [], ["刘高远", "周志强"])]


def test_a_photo_caption_that_says_who_inspected_what_is_an_event() -> None:
    page = (
        "2023年5月11日上午，市委书记刘高远在某某科技有限公司调研智能制造工作，副市长周志强陪同。"
        "图为刘高远（左二）在生产车间了解有关情况。 ■记者 甲某 摄\n"
    )
    rec = records(page)[0]
    assert rec["kind"] == "photo"
    assert [(e["type"], e["attended"]) for e in rec["events"]] == [("inspection", ["刘高远", "周志强"])]


def test_a_list_of_names_shares_the_part_read_after_its_last_name() -> None:
    got = events("2023年5月11日，全市大会召开。市领导王建华、李红梅、周志强主持会议相关议程。\n")
    assert got == [("meeting", "2023-05-11", ["王建华", "李红梅", "周志强"], [], [])]


def test_yiji_joins_a_list_and_does_not_end_it() -> None:
    got = events(
        "2023年5月11日，全市大会召开。市委书记刘高远出席并讲话。"
        "市领导王建华、李红梅以及市政府秘书长赵国平参加会议。\n"
    )
    assert got == [("meeting", "2023-05-11", [], ["刘高远"], ["王建华", "李红梅", "赵国平"])]


def test_a_press_conference_is_a_meeting_and_a_state_is_no_launch() -> None:
    assert (
        events("2023年5月11日，市政府召开新闻发布会，介绍有关情况。副市长王建华出席并讲话。\n")[0][0]
        == "meeting"
    )
    assert events("2023年5月11日，某某产品发布会在某地举行。副市长王建华出席。\n")[0][0] == "ceremony"
    assert events("2023年5月11日，已经投产的某某项目运行良好。\n") == []
    assert events("2023年5月11日，某某项目正式投产。副市长王建华出席。\n")[0][0] == "ceremony"


def test_an_award_has_its_winner_as_actor_and_a_title_of_winner_and_action() -> None:
    rec = records(HEAD + "5月11日，某某机场再次荣获“服务质量优秀机场奖”。\n")[0]
    (e,) = rec["events"]
    assert (e["type"], e["actor"], e["title"]) == ("ceremony", "某某机场", "某某机场荣获“服务质量优秀机场奖”")


def test_a_winner_named_only_in_the_headline_is_the_actor() -> None:
    rec = records("# 某某支队被评为先进支队\n\n某市日报讯（记者 甲某）近日，被评为2020年度先进支队。\n")[0]
    assert [(e["actor"], e["title"]) for e in rec["events"]] == [
        ("某某支队", "某某支队被评为2020年度先进支队")
    ]


def test_the_host_and_the_presider_act() -> None:
    rec = records(HEAD + "2023年5月11日，市委书记刘高远会见某某集团董事长王大伟一行。\n")[0]
    assert [e["actor"] for e in rec["events"]] == ["刘高远"]
    rec = records(HEAD + "2023年5月11日，市长王建华主持召开市政府常务会议。\n")[0]
    assert [(e["actor"], e["title"]) for e in rec["events"]] == [("王建华", "王建华主持召开市政府常务会议")]


def test_a_meeting_with_no_presider_has_the_body_that_sat_as_actor() -> None:
    rec = records(HEAD + "2023年5月11日，市政府召开常务会议，研究部署近期工作。\n")[0]
    assert [(e["actor"], e["title"]) for e in rec["events"]] == [("市政府", "市政府常务会议")]
    rec = records(HEAD + "2023年5月11日，市委常委会召开会议，研究部署近期工作。\n")[0]
    assert [e["actor"] for e in rec["events"]] == ["市委常委会"]


def actor_of(body: str, head: str = "标题") -> tuple[str | None, str | None, str | None, str]:
    """The first event's actor, its kind, title, and the raw text its actor spans cover."""
    page = f"# {head}\n\n某市日报讯（记者 甲某）{body}\n"
    (e, *_) = records(page)[0]["events"]
    printed = "".join(page[a:b] for a, b in e["actor_spans"])
    return e["actor"], e["actor_kind"], e["title"], printed


def test_an_organisation_that_wins_is_the_actor_with_its_span() -> None:
    got = actor_of("2023年5月11日，岳阳市第一中学被评为全国文明校园。")
    assert got == ("岳阳市第一中学", "organisation", "岳阳市第一中学被评为全国文明校园", "岳阳市第一中学")


def test_an_anaphor_for_a_company_is_the_company_the_headline_names() -> None:
    got = actor_of("2023年5月11日，在全国质量大会上，该公司荣获本届质量奖。", head="长江钢管有限公司获质量奖")
    assert got[:3] == ("长江钢管有限公司", "organisation", "长江钢管有限公司荣获本届质量奖")


def test_an_organisation_that_holds_a_ceremony_is_its_actor() -> None:
    got = actor_of("2023年5月11日，市消防救援支队举行授衔仪式。")
    assert got[:3] == ("市消防救援支队", "organisation", "市消防救援支队举行授衔仪式")


def test_a_bureau_that_holds_a_meeting_is_its_actor() -> None:
    got = actor_of("2023年5月11日，市生态环境局召开全市生态环境保护工作会议。")
    assert got[:3] == ("市生态环境局", "organisation", "市生态环境局召开全市生态环境保护工作会议")


def test_a_signing_is_a_ceremony_whose_first_party_acts() -> None:
    page = "# 标题\n\n某市日报讯（记者 甲某）2023年5月11日，长江智能科技有限公司与君山区人民政府签订战略合作协议。\n"
    (e,) = records(page)[0]["events"]
    assert (e["type"], e["actor"], e["title"]) == (
        "ceremony",
        "长江智能科技有限公司",
        "长江智能科技有限公司与君山区人民政府签订战略合作协议",
    )


def test_a_place_that_signs_acts_through_its_government() -> None:
    got = actor_of("2023年5月11日，岳阳市君山区与长江智能科技有限公司举行项目签约仪式。")
    assert got[:2] == ("岳阳市君山区", "organisation")


def test_an_unveiling_is_titled_with_what_was_unveiled_and_the_verb() -> None:
    got = actor_of("2023年5月11日，君山区人民医院胸痛中心揭牌。")
    assert got[:3] == ("君山区人民医院胸痛中心", "organisation", "君山区人民医院胸痛中心揭牌")


def test_the_company_opening_a_projects_name_is_the_actor_of_its_start_of_works() -> None:
    got = actor_of("2023年5月11日，长江新材料有限公司年产十万吨项目开工。")
    assert got[:3] == ("长江新材料有限公司", "organisation", "长江新材料有限公司年产十万吨项目开工")


def test_a_person_who_acts_is_a_person_actor_with_the_span_of_the_name() -> None:
    got = actor_of("2023年5月11日，市长王建华主持召开市政府常务会议。")
    assert got == ("王建华", "person", "王建华主持召开市政府常务会议", "王建华")


def test_a_body_that_opens_is_the_actor_of_its_opening() -> None:
    got = actor_of("2023年5月11日，岳阳市城市管理综合执法支队正式挂牌成立。")
    assert got[:3] == ("岳阳市城市管理综合执法支队", "organisation", "岳阳市城市管理综合执法支队挂牌成立")


def test_the_winners_a_headline_names_are_not_the_actor_of_the_ceremony() -> None:
    got = actor_of("2023年5月11日晚，第二届“最美护士”颁奖典礼在市会展中心举行。", head="20名护士荣获表彰")
    assert got[0] != "20名护士"


@pytest.mark.parametrize(
    "attendance",
    [
        "副市长赵国平、钱文华、孙立新参加会见。",
        "市领导赵国平、钱文华、孙立新参与活动。",
        "市领导赵国平、钱文华、孙立新应邀出席。",
        "副市长赵国平、钱文华，市法院院长孙立新列席会议。",
        "赵国平、钱文华、孙立新参加座谈。",
    ],
)
def test_every_name_of_a_list_before_an_attendance_verb_attended(attendance: str) -> None:
    got = events("2023年5月11日，市长王建华主持召开座谈会。" + attendance + "\n")
    assert got[0][4] == ["赵国平", "钱文华", "孙立新"]


@pytest.mark.parametrize(
    "speech",
    ["市长王建华致辞。", "市长王建华作工作报告。", "市长王建华作宣讲报告。", "市长王建华进行动员部署。"],
)
def test_an_address_by_any_verb_of_speech_is_spoken(speech: str) -> None:
    assert events("2023年5月11日，全市教育大会召开。" + speech + "\n")[0][3] == ["王建华"]


def test_a_pronoun_that_addresses_someone_speaks() -> None:
    got = events("2023年5月11日，市委书记王建华在某中学调研。他向师生寄语，要珍惜时光。\n")
    assert got[0][3] == ["王建华"]


@pytest.mark.parametrize("verb", ["视察", "暗访", "督导", "检查"])
def test_visits_of_every_kind_are_inspections(verb: str) -> None:
    assert events(f"2023年5月11日，市委书记王建华{verb}某县安全生产工作。\n")[0][0] == "inspection"


@pytest.mark.parametrize("line", ["市长王建华与某集团董事长李大伟会谈。", "市长王建华接见全市劳动模范代表。"])
def test_talks_and_audiences_are_receptions(line: str) -> None:
    assert events("2023年5月11日，" + line + "\n")[0][0] == "reception"


def test_a_reception_that_goes_on_to_a_visit_and_a_signing_is_three_events() -> None:
    got = events(
        "2023年5月11日上午，市长王建华会见了某集团董事长李大伟一行。\n"
        "随后，王建华陪同李大伟一行来到某产业园，参观考察园区建设情况。\n"
        "当天下午，某市人民政府与某集团举行项目签约仪式。副市长赵国平主持签约仪式。\n"
    )
    assert [(t, d, p) for t, d, p, _, _ in got] == [
        ("reception", "2023-05-11", []),
        ("inspection", "2023-05-11", []),
        ("ceremony", "2023-05-11", ["赵国平"]),
    ]


def test_a_day_of_flag_raising_a_gathering_and_an_inspection_is_three_events() -> None:
    got = events(
        "2023年1月20日上午，市委、市政府在市民广场举行升国旗仪式。市委书记王建华出席。\n"
        "随后，市委、市政府举行春节团拜会。市长赵国平主持团拜会。\n"
        "当天下午，王建华来到某县调研节日市场供应情况。\n"
    )
    assert [t for t, *_ in got] == ["ceremony", "ceremony", "inspection"]


def test_a_spring_gathering_is_no_call_paid() -> None:
    assert events("2023年1月20日，某县举行春节团拜会。县长赵国平主持团拜会。\n")[0][0] == "ceremony"


def test_a_presider_of_a_ceremony_is_titled_as_presiding_it() -> None:
    rec = records(HEAD + "2023年5月11日，某县举行春节团拜会。县长赵国平主持团拜会。\n")[0]
    assert [e["title"] for e in rec["events"]] == ["赵国平主持春节团拜会"]


def test_a_sitting_with_guests_from_elsewhere_is_a_reception() -> None:
    assert events("2023年5月11日，市委书记王建华与某集团董事长李大伟一行座谈。\n")[0][0] == "reception"


def test_a_sitting_with_those_one_governs_is_a_meeting() -> None:
    assert events("2023年5月11日，市委书记王建华与民营企业家代表座谈。\n")[0][0] == "meeting"


def test_the_kai_of_zhaokai_opens_no_park() -> None:
    assert events("2023年5月11日，市委书记王建华主持召开园区建设工作调度会。\n")[0][0] == "meeting"


def test_the_next_stop_of_a_visit_is_the_same_inspection() -> None:
    got = events(
        "2023年5月11日，市委书记王建华深入某县调研安全生产工作。\n"
        "随后，王建华来到某公司，实地察看安全生产工作落实情况。\n"
        "某村党支部书记赵国平介绍，村里依托柑橘产业增收。\n"
    )
    assert [(t, s) for t, _, _, s, _ in got] == [("inspection", ["赵国平"])]


def test_a_pronoun_after_a_briefing_is_still_the_visitor() -> None:
    got = events(
        "2023年5月11日，市委书记王建华深入某县调研安全生产工作。\n"
        "某村党支部书记赵国平介绍，近年来村里依托柑橘产业增收。\n"
        "他强调，要压实安全生产责任。\n"
    )
    assert got[0][3] == ["赵国平", "王建华"]


def test_everyone_of_a_line_ending_in_canjia_huijian_attended() -> None:
    got = events(
        "2023年5月11日，市长王建华会见某集团董事长李大伟一行。"
        "某集团总经理钱文华，市委秘书长孙立新，副市长赵国平参加会见。\n"
    )
    assert got[0][4] == ["钱文华", "孙立新", "赵国平"]


def test_an_article_printed_without_a_head_has_the_event_its_lead_reports() -> None:
    from fangzhi.extract.text import ArticleText
    from fangzhi.pipeline import parse_text

    page = "2023年5月11日，市长王建华主持召开市政府常务会议。\n王建华指出，要压实责任。\n"
    (article,) = parse_text(page).articles
    assert ArticleText.of(article).body_start == 0
    assert [e.type for e in article.facts.events] == ["meeting"]


def test_a_visit_printed_with_ocrs_shenren_for_shenru_is_read() -> None:
    got = events("2023年5月11日，市委书记王建华深人某县调研安全生产工作。他强调，要压实责任。\n")
    assert [(t, s) for t, _, _, s, _ in got] == [("inspection", ["王建华"])]


def test_a_launch_wished_for_is_no_ceremony() -> None:
    assert events("2023年5月11日，市长王建华要求各方倒排工期，力争早日竣工投产。\n") == []
