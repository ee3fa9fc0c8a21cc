"""Who a credit names and in what role, in the forms papers print credits (docs/forms-survey.md)."""

from __future__ import annotations

import pytest

from fangzhi.pipeline import parse_text
from fangzhi.read import credits

HEAD, OTHER = "# 市委常委会召开会议\n\n", "\n\n# 某县召开项目推进会\n\n日前，某县召开项目推进会。\n"
LEAD = "3月5日，市委书记某某主持召开市委常委会会议。\n\n会议强调，要切实履职尽责。市领导某甲、某乙出席会议。"
X, Y = "张晓明", "李红"


def credited(page: str) -> list[tuple[str | None, str]]:
    return [(b.role, b.name) for b in parse_text(page).articles[0].bylines]


@pytest.mark.parametrize(
    ("dateline", "people"),
    [
        ("本报讯（记者 张晓明 通讯员 李红）", [("记者", X), ("通讯员", Y)]),
        ("本报讯（张晓明）", [(None, X)]),
        ("本报讯（记者:张晓明）", [("记者", X)]),
        ("江城日报讯（记者 张晓明 李红 报道）", [("记者", X), ("记者", Y)]),
        ("本报讯（江城日报 记者张晓明 李红）", [("记者", X), ("记者", Y)]),
        ("本报讯(通讯员张晓明 记者李红)", [("通讯员", X), ("记者", Y)]),
        ("本报讯 记者张晓明 通讯员李红 报道：", [("记者", X), ("通讯员", Y)]),
    ],
)
def test_the_people_a_dateline_credits_are_read_with_their_roles(dateline: str, people: list) -> None:
    assert credited(HEAD + dateline + LEAD + OTHER) == people


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("□本报记者 张晓明", [("本报记者", X)]),
        ("张晓明", [(None, X)]),
        ("文丨张晓明", [("文", X)]),
        ("本报记者 张晓明/摄 实习生 李红/文", [("本报记者", X), ("实习生", Y)]),
        ("江城日报全媒体记者 张晓明 李红", [("全媒体记者", X), ("全媒体记者", Y)]),
        # the role in brackets, where the credited works, where the reporters file from, the
        # source first, a newsroom's staff signing with a post
        ("【作者】张晓明", [("作者", X)]),
        ("作者：张晓明（江城县委宣传部）", [("作者", X)]),
        ("记者 张晓明 李红 发自江城", [("记者", X), ("记者", Y)]),
        ("来源：江城日报 记者 张晓明", [("记者", X)]),
        ("来源：江城网   YMG全媒体记者 张晓明 李红", [("全媒体记者", X), ("全媒体记者", Y)]),
        ("江城日报社城建新闻部副主任 张晓明", [(None, X)]),
    ],
)
def test_the_people_a_byline_credits_are_read_with_their_roles(line: str, people: list) -> None:
    assert credited(HEAD + line + "\n\n" + LEAD + OTHER) == people


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("（记者 张晓明 文/图）", [("记者", X)]),
        ("（张晓明 李红）", [(None, X), (None, Y)]),
        ("本报记者 张晓明 摄", [("摄影", X)]),
        # a site's closing staff lines: its authors are credited, its editors and producers not
        ("摄像：张晓明 撰稿：李红 编辑：王建国", [("摄像", X), ("撰稿", Y)]),
        ("记者 张晓明 李红\n编辑 王建国\n编审 赵光明\n监制 孙立平", [("记者", X), ("记者", Y)]),
        ("撰稿:张晓明 编辑:王建国 责编:赵光明 审核:孙立平", [("撰稿", X)]),
    ],
)
def test_the_people_a_closing_credit_names_are_read_with_their_roles(line: str, people: list) -> None:
    assert credited(HEAD + "本报讯 " + LEAD + "\n\n" + line + OTHER) == people


def test_a_photographers_credit_under_a_closing_line_keeps_the_report_whole() -> None:
    arts = parse_text(HEAD + "本报讯 " + LEAD + "\n\n本报记者 张晓明 摄" + OTHER).articles
    assert arts[0].body_text.endswith("出席会议。") and arts[0].kind == "news"


def test_a_name_printed_spaced_right_after_its_role_is_one_name() -> None:
    page = HEAD + "本报讯（全媒体记者王 力、赵春生）" + LEAD + OTHER
    assert credited(page) == [("全媒体记者", "王力"), ("全媒体记者", "赵春生")]


@pytest.mark.parametrize(("credit", "name"), [("记者 文锐正", "文锐正"), ("全媒体记者 文略寿", "文略寿")])
def test_a_name_with_the_surname_wen_after_a_role_is_a_name_not_the_role_wen(credit: str, name: str) -> None:
    from fangzhi.read.credits import parse_credit

    assert [c.name for c in parse_credit(credit)] == [name]


def test_wen_and_tu_as_roles_still_credit_what_each_did() -> None:
    from fangzhi.read.credits import parse_credit

    assert [(c.role, c.name) for c in parse_credit("文/张三 图/李四")] == [("文", "张三"), ("图", "李四")]


def test_a_line_of_who_took_part_is_a_subtitle_not_a_credit() -> None:
    from fangzhi.read.credits import is_byline_line

    assert not is_byline_line("霍德乔文朴出席") and not is_byline_line("张晓明 李红主持")
    assert is_byline_line("记者 张晓明 李红")


def test_two_credit_lines_under_a_report_both_credit_it() -> None:
    page = (
        HEAD + "本报讯 " + LEAD + "\n\n今年以来，全市围绕项目建设持续发力，累计实施重点项目283个。\n\n"
        "记 者 | 张晓明 李红\n视 觉 | 刘芳\n\n# 某县召开项目推进会\n\n日前，某县召开项目推进会。\n"
    )
    people = [(b.role, b.name) for a in parse_text(page).articles for b in a.bylines]
    assert ("视觉", "刘芳") in people and ("记者", "张晓明") in people
    arts = parse_text(page).articles
    owner = {b.name: a.id for a in arts for b in a.bylines}
    assert owner["刘芳"] == owner["张晓明"]


@pytest.mark.parametrize(
    ("line", "people"),
    [
        ("★本报记者 张晓明", [("本报记者", X)]),  # a star, not only the bullets, marks a credit
        ("◇通讯员 张晓明", [("通讯员", X)]),
        ("记者 张晓明，李红", [("记者", X), ("记者", Y)]),  # names parted by a comma
        (
            "记者 张晓明 本报通讯员 李红",
            [("记者", X), ("通讯员", Y)],
        ),  # the outlet's word before a later role
        ("文/本报通讯员 张晓明", [("通讯员", X)]),  # what was done, then who did it
        ("特约通讯员张晓明报道", [("特约通讯员", X)]),  # a reporter's name where an outlet's would stand
        ("通讯员 司马晓明", [("通讯员", "司马晓明")]),  # one name of a two-character surname
    ],
)
def test_credit_lines_of_further_shapes_are_read_with_their_roles(line: str, people: list) -> None:
    assert credited(HEAD + line + "\n\n" + LEAD + OTHER) == people


def test_a_long_credit_line_of_two_roles_is_read_whole() -> None:
    line = "本报记者：张晓明 王国华 赵春生、本报通讯员：李红 孙立军 周海波 文/图"
    assert len(line) > 30 and credited(HEAD + line + "\n\n" + LEAD + OTHER) == [
        ("本报记者", X),
        ("本报记者", "王国华"),
        ("本报记者", "赵春生"),
        ("通讯员", Y),
        ("通讯员", "孙立军"),
        ("通讯员", "周海波"),
    ]


@pytest.mark.parametrize("line", ["〔记者 张晓明〕", "[记者 张晓明]"])
def test_a_closing_credit_in_square_brackets_is_read(line: str) -> None:
    assert credited(HEAD + "本报讯 " + LEAD + "\n\n" + line + OTHER) == [("记者", X)]


def test_a_dateline_credit_names_each_role_of_its_outlet() -> None:
    page = HEAD + "本报讯（记者 张晓明 本报通讯员 李红）" + LEAD + OTHER
    assert credited(page) == [("记者", X), ("通讯员", Y)]


def test_a_reporters_credit_ending_in_baodao_opens_the_lead_as_a_dateline() -> None:
    page = HEAD + "记者张晓明报道 " + LEAD + OTHER
    art = parse_text(page).articles[0]
    assert [(b.role, b.name) for b in art.bylines] == [("记者", X)]
    assert art.body_text.startswith("3月5日")


@pytest.mark.parametrize("line", ["记者获悉，全市", "记者了解到，今年"])
def test_a_clause_after_a_role_and_a_comma_is_no_credit(line: str) -> None:
    from fangzhi.read.credits import is_byline_line

    assert not is_byline_line(line)


@pytest.mark.parametrize(
    "dateline",
    [
        "本报讯：记者 张晓明 李红 ",  # a colon after 讯, the credit's names spaced apart
        "【本报讯】记者 张晓明 李红 ",
        "江城日报消息 记者 张晓明 李红 ",
        "本报讯 记者 张晓明 李红：",  # a colon parts the credit from the lead
        "本报讯〔记者 张晓明 李红〕",
        "本报讯[记者 张晓明 李红]",
    ],
)
def test_a_dateline_credits_its_reporters_in_further_shapes(dateline: str) -> None:
    assert credited(HEAD + dateline + LEAD + OTHER) == [("记者", X), ("记者", Y)]


def test_a_dateline_with_a_bracket_for_each_role_credits_both() -> None:
    page = HEAD + "本报讯（记者 张晓明）（通讯员 李红）" + LEAD + OTHER
    assert credited(page) == [("记者", X), ("通讯员", Y)]


@pytest.mark.parametrize(("line", "name"), [("张晓明", X), ("李 红", Y)])
def test_a_name_alone_under_a_finished_report_is_its_author(line: str, name: str) -> None:
    page = HEAD + "本报讯 " + LEAD + "\n" + line + OTHER
    art = parse_text(page).articles[0]
    assert [(b.role, b.name) for b in art.bylines] == [(None, name)]
    assert art.body_text.endswith("出席会议。")


def test_a_name_under_a_sentence_that_goes_on_is_no_credit() -> None:
    page = HEAD + "本报讯 3月5日，市委书记某某主持召开会议，出席会议的有\n张晓明\n等同志。" + OTHER
    art = parse_text(page).articles[0]
    assert art.bylines == () or list(art.bylines) == []
    assert "张晓明" in art.body_text


def test_an_outlets_reporter_credited_with_baodao_opens_the_lead_as_a_dateline() -> None:
    page = HEAD + "江城新闻记者 张晓明 报道 " + LEAD + OTHER
    art = parse_text(page).articles[0]
    assert [(b.role, b.name) for b in art.bylines] == [("记者", X)]
    assert art.body_text.startswith("3月5日")


def test_a_dateline_credit_glued_to_the_leads_date_is_read() -> None:
    page = HEAD + "本报讯 记者 张晓明" + LEAD + OTHER  # the lead opens with 3月5日 right after the name
    art = parse_text(page).articles[0]
    assert [(b.role, b.name) for b in art.bylines] == [("记者", X)]
    assert art.body_text.startswith("3月5日")


@pytest.mark.parametrize("credit", ["记者 张晓明 李红", "记者张晓明 李红", "（记者 张晓明 李红）"])
def test_a_dateline_alone_takes_the_credit_printed_on_the_line_under_it(credit: str) -> None:
    page = HEAD + "江城新闻网讯\n" + credit + "\n" + LEAD + OTHER
    arts = parse_text(page).articles
    assert len(arts) == 2
    assert [(b.role, b.name) for b in arts[0].bylines] == [("记者", X), ("记者", Y)]
    assert arts[0].body_text.startswith("3月5日")


def test_an_outlet_joined_by_a_dash_names_the_dateline() -> None:
    from fangzhi.read.credits import match_dateline

    m = match_dateline("江城晚报—江城新闻讯（记者 张晓明）3月5日，")
    assert m is not None and m.source == "江城晚报—江城新闻"


@pytest.mark.parametrize(("line", "people"), [("——张晓明", [(None, X)]), ("——记者 张晓明", [("记者", X)])])
def test_a_credit_signed_off_with_a_dash_under_a_report_is_its_byline(line: str, people: list) -> None:
    arts = parse_text(HEAD + "本报讯 " + LEAD + "\n" + line + OTHER).articles
    assert [(b.role, b.name) for b in arts[0].bylines] == people
    assert arts[0].body_text.endswith("出席会议。") and arts[1].kicker is None


def test_a_dateline_credit_of_what_each_did_is_read() -> None:
    page = HEAD + "本报讯 文/张晓明 图/李红 " + LEAD + OTHER
    assert credited(page) == [("文", X), ("图", Y)]


@pytest.mark.parametrize(
    ("dateline", "people"),
    [
        ("江城新闻（记者 张晓明）", [("记者", X)]),
        ("江城融媒 ", []),
        ("江城新闻客户端（通讯员 李红）", [("通讯员", Y)]),
    ],
)
def test_an_outlet_before_the_leads_date_with_no_verb_is_a_dateline(dateline: str, people: list) -> None:
    art = parse_text(HEAD + dateline + LEAD + OTHER).articles[0]
    assert art.dateline is not None and art.body_text.startswith("3月5日")
    assert [(b.role, b.name) for b in art.bylines] == people


@pytest.mark.parametrize(
    "lead", ["本报记者3月5日从市发改委获悉，全市项目进展顺利。", "在该中心3月5日举行的活动上，甲某讲话。"]
)
def test_a_sentence_before_a_date_is_no_verbless_dateline(lead: str) -> None:
    from fangzhi.read.credits import match_dateline

    assert match_dateline(lead) is None


def test_a_paper_named_before_a_date_in_a_sentence_is_no_dateline() -> None:
    from fangzhi.read.credits import match_dateline

    assert match_dateline("人民日报3月5日刊发评论员文章，强调要压实责任。") is None


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("大江网/大江新闻客户端讯 全媒体记者甲乙丙、丁戊己报道：", "大江网/大江新闻客户端"),
        ("新华网、人民网、央视网6月3日消息（记者 甲乙丙）", "新华网、人民网、央视网"),
    ],
)
def test_outlets_printing_one_report_together_make_one_dateline(line: str, source: str) -> None:
    m = credits.match_dateline(line, alone=True)
    assert m is not None and m.end == len(line) and m.source == source


def test_a_bracket_of_an_outlets_reporter_opening_the_lead_is_its_dateline() -> None:
    line = "（某某日报记者 甲乙丙）6月3日，市委召开会议。"
    m = credits.match_dateline(line, alone=False)
    assert m is not None and line[m.credit_start : m.credit_end] == "某某日报记者 甲乙丙"
    assert credits.match_dateline("（某某日报 甲乙丙）6月3日，市委召开会议。", alone=False) is None


def test_an_outlets_team_and_a_bare_credit_before_the_leads_date_are_its_dateline() -> None:
    line = "某某报业集团全媒体报道组 记者甲乙丙10月31日上午，市委召开会议。"
    m = credits.match_dateline(line, alone=False)
    assert m is not None and m.source == "某某报业集团全媒体报道组"
    assert line[m.credit_start : m.credit_end] == "记者甲乙丙" and line[m.end :].startswith("10月31日")
    # a name with no role after an outlet's name is no credit
    assert credits.match_dateline("某某网 甲乙丙6月3日，市委召开会议。", alone=False) is None


def test_a_colon_after_a_datelines_bracketed_credit_is_the_datelines() -> None:
    line = "某某网某某频道消息(甲乙丙):3月6日，市委召开会议。"
    m = credits.match_dateline(line, alone=False)
    assert m is not None and line[m.end :].startswith("3月6日")


@pytest.mark.parametrize(
    ("line", "credited"),
    [
        ("2019-3-3  来源：  某某新闻网  作者： 记者 田发敏", [("记者", "田发敏")]),
        ("2023-05-03 来源：某县融媒体中心 记者：张明远 李海峰", [("记者", "张明远"), ("记者", "李海峰")]),
        ("发布时间：2023-05-03 来源：某县融媒体中心 作者：张明远", [("作者", "张明远")]),
        ("发布时间：2023-05-03 来源：某县融媒体中心 作者：县政府办", []),  # an office, no one's name
    ],
)
def test_a_particulars_lines_author_field_naming_a_reporter_is_the_byline(
    line: str, credited: list[tuple[str, str]]
) -> None:
    page = (
        "# 市长调研重点项目建设\n\n"
        + line
        + "\n\n3月3日，市长王明远赴高新区调研重点项目建设，详细了解项目进展。\n"
    )
    art = parse_text(page).articles[0]
    assert [(b.role, b.name) for b in art.bylines] == credited
    assert art.headline is not None and art.headline.text == "市长调研重点项目建设"
    assert art.body[0].text.startswith("3月3日")


def test_an_outlets_special_correspondent_before_the_datelines_date_is_its_credit() -> None:
    line = "某某网特派记者王明远5月27日消息：昨天，市委召开会议。"
    m = credits.match_dateline(line, alone=False)
    assert m is not None and m.source == "某某网" and m.date_text == "5月27日"
    assert line[m.credit_start : m.credit_end] == "特派记者王明远" and line[m.end :].startswith("昨天")


def test_a_dateline_naming_the_day_as_today_or_yesterday_is_read() -> None:
    line = "本报北京今晨专电 (记者甲乙 丙丁 实习生戊己)市委召开会议。"
    m = credits.match_dateline(line, alone=False)
    assert m is not None and m.source == "本报" and line[m.credit_start : m.credit_end].startswith("记者甲乙")


def test_an_outlets_other_name_in_brackets_before_its_verb_is_part_of_the_dateline() -> None:
    line = "某某网（某某日报网）讯（记者 甲乙 通讯员 丙丁）3月6日，市委召开会议。"
    m = credits.match_dateline(line, alone=False)
    assert m is not None and m.source == "某某网" and line[m.end :].startswith("3月6日")
    assert line[m.credit_start : m.credit_end] == "记者 甲乙 通讯员 丙丁"


def test_a_bracket_naming_an_outlet_and_the_day_opening_the_lead_is_its_dateline() -> None:
    line = "（某某广播网7月16日） 7月16日，市委召开会议。"
    m = credits.match_dateline(line, alone=False)
    assert m is not None and m.source == "某某广播网" and m.date_text == "7月16日"
    # a bracket of anything else before the lead's date is none
    assert credits.match_dateline("（图为会议现场）7月16日，市委召开会议。", alone=False) is None


def test_a_dateline_whose_leads_date_a_column_gap_cut_is_read_on_its_line() -> None:
    page = "# 市委召开常委会会议\n\n某某新闻网(特约记者甲乙)20\n\n16年2月10日，市委召开常委会会议。\n\n会议强调，要抓好落实。\n"
    art = parse_text(page).articles[0]
    assert art.dateline is not None and art.dateline.text == "某某新闻网（特约记者甲乙）"  # normalised width
    assert art.body_text.startswith("2016年2月10日")


def test_a_photo_credit_naming_its_photographers_in_quotes_is_read() -> None:
    assert credits.photo_credit_line("“某报手机记者” 甲乙摄") is not None


@pytest.mark.parametrize(
    ("line", "role", "name"),
    [("□某某日报副总编 方明", "副总编", "方明"), ("本报总编辑 王明", "总编辑", "王明")],
)
def test_a_paper_s_editor_signing_a_piece_is_its_byline(line: str, role: str, name: str) -> None:
    from fangzhi.read.credits import is_byline_line, parse_credit

    assert is_byline_line(line)
    assert [(c.role, c.name) for c in parse_credit(line)] == [(role, name)]


def test_an_editor_s_byline_under_a_head_is_no_subtitle() -> None:
    page = "全面提升服务水平\n□某某日报副总编 方明\n3月2日，全市营商环境大会召开。会议强调，要抓好落实。\n"
    (article,) = parse_text(page).articles
    assert article.headline is not None and article.headline.text == "全面提升服务水平"
    assert article.subtitle is None
    assert [(b.role, b.name) for b in article.bylines] == [("副总编", "方明")]


@pytest.mark.parametrize(
    "line", ["（江城在线编辑：王建国）", "责任编辑：王建国", "一审：王建国\n二审：赵光明\n三审：孙立平"]
)
def test_a_pages_editors_named_after_a_report_are_no_bylines(line: str) -> None:
    arts = parse_text(HEAD + "本报讯 " + LEAD + "\n\n" + line + OTHER).articles
    assert arts[0].bylines == () and arts[0].body_text.endswith("出席会议。")


def test_a_line_of_staff_labels_and_names_reads_as_a_credit_with_its_editors_counted() -> None:
    line = "撰稿:张晓明 编辑:王建国 责编:赵光明 审核:孙立平"
    assert credits.is_byline_line(line)
    assert [(c.role, c.name) for c in credits.parse_credit(line)] == [("撰稿", X)]
    assert [c.name for c in credits.credits_named(line) if c.editor] == ["王建国", "赵光明", "孙立平"]


def test_a_commentarys_signing_editor_in_chief_stays_its_byline() -> None:
    assert [(c.role, c.name) for c in credits.parse_credit("本报总编辑 张晓明")] == [("总编辑", X)]


@pytest.mark.parametrize(
    "last",
    [
        "谈及未来，某某表示：“我们将抓好落实，交出让群众满意的答卷。”",
        "会议要求，要抓好落实，交出让群众满意的答卷。",
    ],
)
def test_a_credit_of_pictures_and_text_run_on_after_the_last_sentence_is_the_reports(last: str) -> None:
    arts = parse_text(HEAD + "本报讯 " + LEAD + "\n\n" + last + "图/张晓明 李红 文/王建国" + OTHER).articles
    assert arts[0].kind == "news" and arts[0].body_text.endswith(last)
    assert [(b.role, b.name) for b in arts[0].bylines] == [("图", X), ("图", Y), ("文", "王建国")]


def test_a_credit_naming_who_wrote_is_no_pictures_alone() -> None:
    assert credits.picture_credit("图/张晓明 李红")
    assert not credits.picture_credit("图/张晓明 李红 文/王建国")


@pytest.mark.parametrize("source", ["据新华社", "据中新社", "据某某日报"])
def test_a_source_run_on_after_the_last_sentence_is_no_part_of_the_body(source: str) -> None:
    arts = parse_text(HEAD + "本报讯 " + LEAD + source + OTHER).articles
    assert arts[0].body_text.endswith("出席会议。")


def test_a_last_sentence_opening_on_ju_stays_in_the_body() -> None:
    arts = parse_text(HEAD + "本报讯 " + LEAD + "据统计" + OTHER).articles
    assert arts[0].body_text.endswith("出席会议。据统计")


@pytest.mark.parametrize(
    ("meta", "people"),
    [
        ("来源：江城新闻网 作者：张晓明 编辑：王建国 2024-3-5", [("作者", X)]),
        ("作者：张晓明 来源：本站原创 发布时间：2024-3-5 点击数：", [("作者", X)]),
        ("来源:江城日报 作者:张晓明 李红 编辑:王建国 2024-3-5", [("作者", X), ("作者", Y)]),
        ("时间：2024-3-5    来源：江城县委新闻办    作者：张晓明 李红 文/图", [("作者", X), ("作者", Y)]),
        ("作者：本站 来源：县政府办 发布时间：2024-3-5", []),  # a unit, no one's name
        # a line past the length of a head, controls among its fields: its spaces part fields
        (
            "时间：2024-3-5       大    中    小      来源：江城县委新闻办      作者：张晓明 李红 文/图",
            [("作者", X), ("作者", Y)],
        ),
    ],
)
def test_the_author_a_web_pages_particulars_name_under_the_head_is_the_reports(
    meta: str, people: list
) -> None:
    arts = parse_text(HEAD + meta + "\n\n" + LEAD + OTHER).articles
    assert len(arts) == 2 and arts[0].body_text.startswith("3月5日")
    assert [(b.role, b.name) for b in arts[0].bylines] == people


def test_particulars_over_the_pages_first_head_credit_no_one() -> None:
    page = "来源：江城新闻网 作者：张晓明 发布时间：2024-3-5\n\n" + HEAD + LEAD + OTHER
    arts = parse_text(page).articles
    assert [a.bylines for a in arts] == [(), ()]


def test_who_did_text_and_pictures_both_is_credited_so_and_the_checker_not() -> None:
    assert [(c.role, c.name) for c in credits.parse_credit("（图文：张晓明 审核：李红）")] == [("图文", X)]


@pytest.mark.parametrize("sep", ["", "\n\n"])
def test_the_press_listed_as_sitting_in_after_a_report_is_its_credit(sep: str) -> None:
    arts = parse_text(HEAD + "本报讯 " + LEAD + sep + "列席人员：新闻媒体记者张晓明、李红。" + OTHER).articles
    assert arts[0].body_text.endswith("出席会议。")
    assert [(b.role, b.name) for b in arts[0].bylines] == [("记者", X), ("记者", Y)]


def test_a_picture_credit_run_on_after_a_reports_closing_line_is_the_reports() -> None:
    arts = parse_text(HEAD + "本报讯 " + LEAD + "本报记者 张晓明 摄" + OTHER).articles
    assert len(arts) == 2 and arts[0].kind == "news" and arts[0].body_text.endswith("出席会议。")
    assert [(b.role, b.name) for b in arts[0].bylines] == [("摄影", X)]


def test_a_packages_authors_marked_one_a_line_with_arrows_both_ways_are_its_bylines() -> None:
    page = HEAD + "▶张晓明\n▶李红\n◀王建国\n\n" + LEAD + OTHER
    arts = parse_text(page).articles
    assert arts[0].body_text.startswith("3月5日") and [b.name for b in arts[0].bylines] == [X, Y, "王建国"]


@pytest.mark.parametrize(
    ("dateline", "lead"),
    [
        ("新华社北京3月5日电", "一分耕耘，一分收获。"),
        ("江城新闻网3月5日南宁消息", "国庆假期期间，走进某镇。"),
    ],
)
def test_a_dated_datelines_verb_may_run_into_any_lead(dateline: str, lead: str) -> None:
    m = credits.match_dateline(dateline + lead)
    assert m is not None and m.end == len(dateline)


def test_an_undated_word_before_dian_is_no_dateline() -> None:
    assert credits.match_dateline("某某集团供电服务中心召开会议") is None
