"""Documents in 《》 and slogans in “” (hand-written sentences)."""

from __future__ import annotations

import pytest

from fangzhi.extract.titles import find_documents, find_quoted, find_slogans


def docs(text: str) -> list[str]:
    return [h.text for h in find_documents(text)]


def slogans(text: str) -> list[str]:
    return [h.text for h in find_slogans(text)]


def test_every_title_in_double_angle_brackets_is_a_document() -> None:
    assert docs("审议《某市“十四五”规划〈纲要〉中期评估报告（审议稿）》《关于加强监管的工作举措》。") == [
        "某市“十四五”规划〈纲要〉中期评估报告（审议稿）",
        "关于加强监管的工作举措",
    ]


def test_newspapers_and_programmes_are_documents_too() -> None:
    assert docs("在《解放军报》、《湖南日报》推送新闻，表演《新时代的中国》。") == [
        "解放军报",
        "湖南日报",
        "新时代的中国",
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("大力实施“制造立市、文旅兴城”发展战略。", ["制造立市、文旅兴城"]),
        ("坚决落实“四个最严”要求。", ["四个最严"]),
        ("严格按照“一楼一策”“一楼一班”要求。", ["一楼一策", "一楼一班"]),
        ("深入推进“放管服”等重要领域改革。", ["放管服"]),
        ("为实现“三高四新”美好蓝图彰显担当。", ["三高四新"]),
    ],
)
def test_policy_lines_are_slogans(text: str, want: list[str]) -> None:
    assert slogans(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "他说：“要把群众的事办好。”",  # speech
        "荣获“中国工业大奖表彰奖”。",  # an award
        "“全国抗疫三八红旗手”周某等先进典型。",  # an honour
        "当好市委的“坚强前哨”和“巩固后院”。",  # figures of speech
        "做到全市“一盘棋”、上下“一条心”。",  # sayings
        "举行2023年“5·12全国防灾减灾日”集中宣传活动。",  # a day
        "原则通过《某市“十四五”城乡社区规划方案》。",  # inside a document's title
    ],
)
def test_other_quotes_are_not_slogans(text: str) -> None:
    assert slogans(text) == []


@pytest.mark.parametrize("text", ["会议同意召开市“两会”。", "他用“四个选择”概括了过去五年的工作。"])
def test_a_numeral_alone_does_not_make_a_slogan(text: str) -> None:
    assert find_slogans(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("要牢牢把握“区域性枢纽”的目标定位。", ["区域性枢纽"]),
        ("坚持“三高四新”战略定位。", ["三高四新"]),
        ("以开展“作风建设年”活动为契机。", ["作风建设年"]),
    ],
)
def test_a_line_held_as_a_goal_or_a_campaign_is_a_slogan(text: str, want: list[str]) -> None:
    assert [h.text for h in find_slogans(text)] == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("今年全县“三保”“四稳”工作落实有力。", ["三保", "四稳"]),  # a run of numbered formulas
        ("全力建设甲区、乙区、丙区“三大片区”，不断完善配套。", ["三大片区"]),  # the clause's verb
    ],
)
def test_numbered_formulas_by_their_use(text: str, want: list[str]) -> None:
    assert [h.text for h in find_slogans(text)] == want


@pytest.mark.parametrize(
    "text",
    [
        "要持续整治“推拖慢”等作风问题。",  # a problem fought, not a line pursued
        "牢牢把握“收官之年”这一关键节点。",  # a period
        "通过小切口撬动大产业，实现“四两拨千斤”。",  # a saying with numerals
    ],
)
def test_problems_periods_and_sayings_are_no_slogans(text: str) -> None:
    assert find_slogans(text) == []


def quoted(text: str) -> tuple[list[str], list[str]]:
    slogans, quotes = find_quoted(text)
    return [h.text for h in slogans], [h.text for h in quotes]


@pytest.mark.parametrize(
    "text",
    [
        "今年是“五个到位”见效的一年。",  # a numbered formula named by what it is
        "“稳产保供、增收富民”成为各乡镇的共识。",  # parallel phrases, no verb of policy
    ],
)
def test_a_quote_shaped_as_a_slogan_without_a_cue_is_left_to_its_use_elsewhere(text: str) -> None:
    assert quoted(text)[0] == [] and len(quoted(text)[1]) == 1


@pytest.mark.parametrize(
    "text",
    [
        "他用“四个选择”概括了五年来的工作。",  # a summary of a speech
        "会议同意召开市“两会”。",  # a session
        "这台机组被称为“某某一号”。",  # a name holding a numeral
        "他说，“安全生产大于一切”。",  # a saying holding a numeral
    ],
)
def test_quotes_no_use_can_make_a_slogan_are_not_kept_as_quotes(text: str) -> None:
    assert quoted(text) == ([], [])


def test_a_headlines_last_verb_does_not_cue_a_quote_opening_the_body() -> None:
    assert quoted("各地加快推进\n“稳产保供、增收富民”成为共识。") == ([], ["稳产保供、增收富民"])
