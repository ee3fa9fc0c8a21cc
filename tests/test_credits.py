"""Datelines and bylines in the forms Chinese papers print them."""

from __future__ import annotations

import pytest

from fangzhi.read.credits import is_byline_line, match_dateline, names_only, parse_credit, trailing_credit


def pairs(text: str) -> list[tuple[str | None, str | None]]:
    return [(c.role, c.name) for c in parse_credit(text)]


@pytest.mark.parametrize(
    ("line", "source", "dateline"),
    [
        ("衡阳晚报讯（全媒体记者 陈某）11月17日，", "衡阳晚报", "衡阳晚报讯（全媒体记者 陈某）"),
        ("本报讯（记者 甲某 通讯员 乙某）昨日，", "本报", "本报讯（记者 甲某 通讯员 乙某）"),
        ("本报5月3日讯（记者 甲某）", "本报", "本报5月3日讯（记者 甲某）"),
        ("新华社北京10月8日电（记者 甲某 乙某）", "新华社", "新华社北京10月8日电（记者 甲某 乙某）"),
        ("某某新闻网讯 记者张某 报道 5月3日，", "某某新闻网", "某某新闻网讯 记者张某 报道"),
        ("人民网长沙5月3日电 （记者 甲某）", "人民网", "人民网长沙5月3日电 （记者 甲某）"),
        ("某县融媒体中心讯（通讯员 乙某）", "某县融媒体中心", "某县融媒体中心讯（通讯员 乙某）"),
        # a lead that gives no day, printed right after 讯 with no space
        ("江城日报讯“今年又是一个好年景！”", "江城日报", "江城日报讯"),
        ("本报讯连日来，江城县各地掀起春耕热潮。", "本报", "本报讯"),
        ("某某新闻网讯在江城县石门镇，", "某某新闻网", "某某新闻网讯"),
        ("掌上春城讯“以前村里没有像样的产业。”", "掌上春城", "掌上春城讯"),
    ],
)
def test_dateline_forms(line: str, source: str, dateline: str) -> None:
    m = match_dateline(line)
    assert m is not None
    assert m.source == source
    assert line[: m.end].rstrip() == dateline


@pytest.mark.parametrize(
    "line",
    [
        "朱健赴国网衡阳供电公司调研时强调",
        "群众来电反映问题",
        "据新华社报道，",
        "该网讯息显示，",
        "喜讯“传来”",
    ],
)
def test_words_ending_in_dian_or_xun_are_not_datelines(line: str) -> None:
    assert match_dateline(line) is None


def test_dateline_date_is_read() -> None:
    m = match_dateline("新华社长沙10月8日电（记者 甲某）")
    assert m is not None and m.date_text == "10月8日"


def test_a_role_carries_over_to_the_names_after_it() -> None:
    assert pairs("记者 姚某某 通讯员 朱某 范某某") == [
        ("记者", "姚某某"),
        ("通讯员", "朱某"),
        ("通讯员", "范某某"),
    ]


def test_longest_role_wins() -> None:
    assert pairs("全媒体记者 陈某") == [("全媒体记者", "陈某")]
    assert pairs("见习记者 王某") == [("见习记者", "王某")]


def test_a_name_without_a_role() -> None:
    assert pairs("谢某") == [(None, "谢某")]


def test_names_printed_without_spaces_are_split_at_surnames() -> None:
    assert pairs("记者张伟李娜") == [("记者", "张伟"), ("记者", "李娜")]


def test_the_papers_own_voice_has_no_name() -> None:
    assert pairs("本报评论员") == [("本报评论员", None)]


@pytest.mark.parametrize("line", ["本报评论员", "本报记者 唐某 通讯员 周某", "记者 王某", "特约评论员"])
def test_byline_lines(line: str) -> None:
    assert is_byline_line(line)


@pytest.mark.parametrize("line", ["记者节座谈会召开", "记者从市统计局获悉，全市经济稳中向好。"])
def test_sentences_about_reporters_are_not_byline_lines(line: str) -> None:
    assert not is_byline_line(line)


def test_list_marks_and_what_the_reporter_did_are_not_part_of_the_name() -> None:
    assert pairs("○记者郑海文/图") == [("记者", "郑海")]
    assert pairs("记者 郑海 文/图") == [("记者", "郑海")]


def test_a_narrators_label_before_the_credit_is_dropped() -> None:
    assert pairs("讲述人：某州晚报记者韩立") == [("记者", "韩立")]


def test_a_bracketed_credit_with_outlet_reporters_and_photographer() -> None:
    assert pairs("(某省日报客户端记者 王甲 李乙 报道 摄影 赵丙)") == [
        ("记者", "王甲"),
        ("记者", "李乙"),
        ("摄影", "赵丙"),
    ]


def test_own_report_dateline_keeps_the_papers_word_for_its_reporter() -> None:
    line = "本报记者韩立报道"
    m = match_dateline(line)
    assert m is not None and m.source == "本报"
    assert pairs(line[m.credit_start : m.credit_end]) == [("本报记者", "韩立")]


@pytest.mark.parametrize("line", ["来源：某某县广播电视台", "据某某日报消息", "（记者 韩立）"])
def test_a_line_that_is_all_credit(line: str) -> None:
    assert trailing_credit(line) == 0


@pytest.mark.parametrize("line", ["据统计，前三季度全市工业增", "据悉，截至目前", "来自各乡镇的代表"])
def test_sentences_opening_with_ju_or_laizi_are_no_source_line(line: str) -> None:
    assert trailing_credit(line) is None


@pytest.mark.parametrize(
    "credit",
    [
        "（市委宣传部供稿）",
        "（本报综合）",
        "（综合新华社报道）",
        "（县融媒体中心 韩立）",
        "（作者单位：市委党校）",
    ],
)
def test_who_supplied_or_compiled_a_report_is_a_credit_after_it(credit: str) -> None:
    text = "会议还研究了其他事项。" + credit
    assert trailing_credit(text) == len("会议还研究了其他事项。")


@pytest.mark.parametrize(
    "text", ["会议还研究了其他事项。（上图为会议现场）", "会议强调，要抓好落实（具体见附件）"]
)
def test_a_bracket_of_prose_after_the_body_is_no_credit(text: str) -> None:
    assert trailing_credit(text) is None


def test_a_dateline_credit_in_lenticular_brackets() -> None:
    line = "本报讯【某报记者张三 李四】5月1日，市委书记王明主持会议。"
    m = match_dateline(line)
    assert m is not None and line[: m.end] == "本报讯【某报记者张三 李四】"
    assert [(c.role, c.name) for c in parse_credit(line[m.credit_start : m.credit_end])] == [
        ("记者", "张三"),
        ("记者", "李四"),
    ]


def test_a_byline_line_after_a_spaced_list_mark() -> None:
    assert is_byline_line("■ 记者 某某某")
    assert pairs("■ 记者 某某某") == [("记者", "某某某")]


def test_a_byline_line_with_the_outlet_named_before_each_role() -> None:
    line = "文/某某日报记者 张三 图/某某日报记者 李四"
    assert is_byline_line(line)
    assert pairs(line) == [("记者", "张三"), ("记者", "李四")]


def test_roles_printed_with_a_space_inside_and_a_bar_after() -> None:
    assert is_byline_line("记 者 | 张三 李四") and is_byline_line("视 觉 | 王五")
    assert pairs("记 者 | 张三 李四") == [("记者", "张三"), ("记者", "李四")]
    assert pairs("视 觉 | 王五") == [("视觉", "王五")]


def test_a_credit_run_on_after_the_last_sentence_keeps_the_spaces_between_its_names() -> None:
    from fangzhi.pipeline import parse_text

    text = "# 标题\n\n本报讯 5月1日，市委书记某某某主持会议。市领导甲某、乙某出席。记 者 | 张三 李四丙\n"
    (a,) = parse_text(text, "p.txt").articles
    assert a.body_text.endswith("出席。")
    assert [(b.role, b.name) for b in a.bylines] == [("记者", "张三"), ("记者", "李四丙")]


# Forms composed here from the grammar of credits (not taken from a page): a credit run on after
# the dateline with no bracket and no 报道, the lead parted from the last name by a space.
@pytest.mark.parametrize(
    ("line", "credit", "names"),
    [
        ("本报讯 记者 陈某 杨某 3月5日，市委召开会议。", "记者 陈某 杨某", ["陈某", "杨某"]),
        ("某某日报讯 记者 张某 通讯员 李某 近日，", "记者 张某 通讯员 李某", ["张某", "李某"]),
        ("本报讯 记者张某、李某 通讯员刘某 日前，", "记者张某、李某 通讯员刘某", ["张某", "李某", "刘某"]),
        ("本报讯 记者 王 力 昨天，", "记者 王 力", ["王力"]),
        ("本报3月6日讯特约记者张某、李某 近日，", "特约记者张某、李某", ["张某", "李某"]),
        ("本报讯 记者/张某 通讯员｜李某 近日，", "记者/张某 通讯员｜李某", ["张某", "李某"]),
        ("某某日报讯记者|张某、通讯员|刘某 报道 近日，", "记者|张某、通讯员|刘某", ["张某", "刘某"]),
        ("本报讯 记者张某，通讯员刘某 近日，", "记者张某，通讯员刘某", ["张某", "刘某"]),
    ],
)
def test_spaced_credit_after_the_dateline(line: str, credit: str, names: list[str]) -> None:
    m = match_dateline(line)
    assert m is not None
    assert line[m.credit_start : m.credit_end] == credit
    assert [c.name for c in parse_credit(line[m.credit_start : m.credit_end])] == names


@pytest.mark.parametrize(
    "line",
    [
        "本报讯 记者近日从市委获悉，",  # the lead runs on from the role: no name is printed
        "本报讯 记者 张某主持召开会议，",  # no space parts the name from the lead
    ],
)
def test_no_spaced_credit_without_a_name_and_a_space(line: str) -> None:
    m = match_dateline(line)
    assert m is not None and m.credit_end == m.credit_start


def test_bracketed_credit_opening_a_paragraph_is_a_dateline() -> None:
    line = "（记者 张某，通讯员 李某）3月5日，市委召开常委会会议。"
    m = match_dateline(line)
    assert m is not None and m.source is None and line[m.end :].startswith("3月5日")
    assert [c.name for c in parse_credit(line[m.credit_start : m.credit_end])] == ["张某", "李某"]


@pytest.mark.parametrize(
    "line",
    [
        "（记者 张某 通讯员 李某）",  # alone on its line: the credit of the report above
        "（一）加强组织领导，",  # a numbered point, no role in it
        "（市委办）",  # an office's credit, no reporter role
    ],
)
def test_opening_brackets_that_are_no_dateline(line: str) -> None:
    assert match_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "dateline", "names"),
    [
        (
            "某某报业集团全媒体报道组 记者张某清晨，走进某某实验中学，",
            "某某报业集团全媒体报道组 记者张某",
            ["张某"],
        ),
        ("某某报道组 记者张某这几天，在某镇的草莓基地里，", "某某报道组 记者张某", ["张某"]),
        ("某某融媒 记者张某 通讯员李某近日，某某县", "某某融媒 记者张某 通讯员李某", ["张某", "李某"]),
        ("某某报道组 记者张某“今年又是一个好年景！”在某村，", "某某报道组 记者张某", ["张某"]),
    ],
)
def test_an_outlet_and_its_reporters_printed_on_a_lead_that_gives_no_day(
    line: str, dateline: str, names: list[str]
) -> None:
    m = match_dateline(line)
    assert m is not None and line[: m.end] == dateline
    assert [c.name for c in parse_credit(line[m.credit_start : m.credit_end])] == names


@pytest.mark.parametrize(
    "line",
    [
        "记者张某近日，走进某某实验中学，",  # no outlet's name before the reporter
        "市委书记张某近日，走进某某实验中学，",  # an official, no reporter
        "某某报道组记者近日，走进某某实验中学，",  # no one named
    ],
)
def test_a_lead_that_gives_no_day_is_no_dateline_without_an_outlet_and_a_named_reporter(line: str) -> None:
    assert match_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "credited"),
    [
        ("口述：张某", [(None, "张某")]),  # who told it: no reporter's role, and the label is no one
        ("采访：张某、李某、王某", [(None, "张某"), (None, "李某"), (None, "王某")]),
        ("整理：张某", [("整理", "张某")]),  # a byline's role stays one
        ("文字：张某 图片：李某", [("文", "张某"), ("图", "李某")]),  # the text's and the pictures' roles
    ],
)
def test_a_line_of_labelled_names_is_a_credit_whose_labels_name_no_one(
    line: str, credited: list[tuple[str | None, str]]
) -> None:
    assert is_byline_line(line)
    assert [(c.role, c.name) for c in parse_credit(line)] == credited


@pytest.mark.parametrize("line", ["讲述：我们村的变化", "采访：记者来到现场，看到"])
def test_a_label_before_a_sentence_is_no_credit(line: str) -> None:
    assert not is_byline_line(line)


@pytest.mark.parametrize("line", ["【某某网记者回访】", "【某某日报记者调查】近日，某县…"])
def test_an_outlet_and_a_columns_label_in_brackets_is_a_dateline_naming_no_one(line: str) -> None:
    m = match_dateline(line)
    assert m is not None and m.source in ("某某网", "某某日报")
    assert m.credit_start == m.credit_end  # 回访 / 调查 is the column's, no reporter's name


def test_a_credit_alone_is_a_dateline_once_split_off() -> None:
    m = match_dateline("【记者 张某 通讯员 李某】", alone=True)
    assert m is not None and m.credit_end > m.credit_start


@pytest.mark.parametrize("dateline", ["本报讯 记者 陈某 杨某 ", "（记者 陈某 杨某）"])
def test_reports_credited_in_these_forms_are_read_apart(dateline: str) -> None:
    from fangzhi.pipeline import parse_text

    lead = "3月5日，市委召开常委会会议，研究部署重点工作。会议强调，要狠抓落实。"
    page = f"市委召开常委会会议\n{dateline}{lead}\n\n市政府召开常务会议\n{dateline}{lead.replace('市委', '市政府')}"
    arts = parse_text(page).articles
    assert [a.headline.text if a.headline else None for a in arts] == [
        "市委召开常委会会议",
        "市政府召开常务会议",
    ]
    assert all(a.body_text.startswith("3月5日") for a in arts)
    assert all([b.name for b in a.bylines] == ["陈某", "杨某"] for a in arts)


# Closing lines composed here in the general forms papers and portals print under a report: each
# stays with the report above it and opens no article of its own.
@pytest.mark.parametrize(
    "closing",
    [
        "■张某",
        "（本报记者）",
        "稿件来源：某某日报",
        "【来源：某某日报】",
        "（本文来源：某某日报）",
        "（某某融媒 张某）",
        "作者：张某",
        "原标题：某某召开常委会",
        "下转第2版",
        "（紧转第二版）",
        "（完）",
        "【责任编辑：张某】",
        "张某/文 李某/图",
    ],
)
def test_closing_lines_stay_with_their_report(closing: str) -> None:
    from fangzhi.pipeline import parse_text

    one = "3月5日，市委召开常委会会议，研究部署重点工作。会议强调，要狠抓落实。市领导陈某出席会议。"
    two = "日前，市长杨某深入城区调研重点项目建设。他强调，要加快项目进度。"
    page = f"市委召开常委会会议\n{one}\n{closing}\n\n杨某调研重点项目建设\n{two}\n{closing}"
    arts = parse_text(page).articles
    assert [a.headline.text if a.headline else None for a in arts] == [
        "市委召开常委会会议",
        "杨某调研重点项目建设",
    ]
    assert [a.body_text for a in arts] == [one, two]


@pytest.mark.parametrize(("line", "kind"), [("■张某", "byline"), ("●张某", "byline")])
def test_a_marked_name_under_a_head_is_its_byline(line: str, kind: str) -> None:
    from fangzhi.pipeline import parse_text

    lead = "3月5日，市委召开常委会会议，研究部署重点工作。会议强调，要狠抓落实。"
    (article,) = parse_text(f"市委召开常委会会议\n{line}\n{lead}").articles
    assert [b.name for b in article.bylines] == ["张某"]
    assert article.body_text == lead


def test_a_marked_name_after_a_body_is_its_credit() -> None:
    from fangzhi.pipeline import parse_text

    lead = "3月5日，市委召开常委会会议，研究部署重点工作。会议强调，要狠抓落实。"
    (article,) = parse_text(f"市委召开常委会会议\n{lead}\n■张某").articles
    assert article.body_text == lead
    assert [b.name for b in article.bylines] == ["张某"]
    assert names_only("■张某") and not names_only("■要闻")


@pytest.mark.parametrize(
    "credit",
    ["（记者 张某 通讯员 李某 文/摄）", "（某某日报）", " （张某）", "（来源：某某日报 作者：张某）"],
)
def test_credits_run_on_after_the_last_sentence_leave_the_body(credit: str) -> None:
    from fangzhi.pipeline import parse_text

    one = "3月5日，市委召开常委会会议，研究部署重点工作。\n会议强调，要狠抓落实。市领导陈某出席会议。"
    two = "日前，市长杨某深入城区调研重点项目建设。\n他强调，要加快项目进度。"
    page = f"市委召开常委会会议\n本报讯 {one}{credit}\n\n杨某调研重点项目建设\n本报讯 {two}{credit}"
    arts = parse_text(page).articles
    assert [a.body_text for a in arts] == [one, two]


@pytest.mark.parametrize("line", ["来源：某某日报", "转自：某某新闻网"])
def test_a_source_line_under_a_head_credits_the_report_below(line: str) -> None:
    from fangzhi.pipeline import parse_text

    lead = "3月5日，市委召开常委会会议，研究部署重点工作。会议强调，要狠抓落实。"
    (article,) = parse_text(f"市委召开常委会会议\n{line}\n{lead}").articles
    assert article.headline is not None and article.headline.text == "市委召开常委会会议"
    assert article.body_text == lead
    assert article.bylines == ()


def test_a_name_ending_in_wen_is_a_name_not_an_outlet_and_its_role() -> None:
    # 中新网某地电 （甲乙文）: a bracket holding a name alone; 文 is the name's last character
    assert [(c.role, c.name) for c in parse_credit("毛洁文")] == [(None, "毛洁文")]


def test_a_station_before_a_reporter_name_is_no_part_of_it() -> None:
    # 央广网 credits: （记者甲 贵州台乙 丙）: the station's reporter, the role carried over
    got = [(c.role, c.name) for c in parse_credit("记者陆莲卓 贵州台顾孝峻 田霞伟")]
    assert got == [("记者", "陆莲卓"), ("记者", "顾孝峻"), ("记者", "田霞伟")]


def test_a_county_station_credits_its_reporters() -> None:
    line = "□武胜县记者站 裴小越 实习生 余杉菁 宗俭建 本报记者 张涛颂 文/图"
    assert is_byline_line(line)  # its spaces make it longer than a credit, not its words
    got = [(c.role, c.name) for c in parse_credit(line)]
    assert got[0] == ("记者", "裴小越") and got[-1] == ("本报记者", "张涛颂")


def test_a_video_maker_is_credited() -> None:
    assert is_byline_line("视频制作:肖婷杉")
    assert [(c.role, c.name) for c in parse_credit("视频制作:肖婷杉")] == [("视频制作", "肖婷杉")]


@pytest.mark.parametrize("line", ["新华报业传媒集团 乡村干部报 姜祺葵", "某某网 张三 李四"])
def test_outlets_then_names_with_no_role_are_a_credit(line: str) -> None:
    assert is_byline_line(line)
    assert all(c.role is None and c.name and not c.name.endswith(("报", "网")) for c in parse_credit(line))


def test_a_head_then_a_name_is_no_credit_of_outlets() -> None:
    assert not is_byline_line("召开会议 张三")


def test_a_dateline_may_name_its_place_after_the_date() -> None:
    # 某网5月3日合肥消息: the date first, then where it was filed
    m = match_dateline("台湾网6月3日合肥消息6月3日，市政协召开会议")
    assert m is not None and m.source == "台湾网" and m.date_text == "6月3日" and m.end == 11


def test_a_letter_spaced_outlet_opens_a_dateline_with_offsets_as_printed() -> None:
    line = "大 西 北 网 讯 （记者丁珍涛） 6月10日上午，市委"
    m = match_dateline(line)
    assert m is not None and m.source == "大西北网"
    assert line[: m.end] == "大 西 北 网 讯 （记者丁珍涛）"
    assert line[m.credit_start : m.credit_end] == "记者丁珍涛"


def test_a_letter_spaced_head_is_no_dateline() -> None:
    assert match_dateline("喜 迎 国 庆 大 会") is None


def test_a_sentence_cut_after_a_company_and_a_name_is_no_credit() -> None:
    assert not is_byline_line("走进源威储能集团，陆汉")


def test_an_outlet_beside_the_people_is_no_name() -> None:
    assert pairs("（文/某县新闻中心 张三）") == [("文", "张三")]


@pytest.mark.parametrize("line", ["（/文：县新闻中心 蒋信翰", "(/文:县新闻中心 戴 鹰"])
def test_a_credit_whose_bracket_never_closes_is_a_credit_line(line: str) -> None:
    assert is_byline_line(line)


def test_an_unclosed_bracket_of_a_source_is_no_credit_line() -> None:
    assert not is_byline_line("（据新华社")


def test_a_list_mark_read_as_a_letter_before_a_role_is_no_part_of_the_credit() -> None:
    # OCR of an e-paper renders the mark before 本报记者 as a letter: N本报记者 甲 乙
    assert is_byline_line("N本报记者 庄沅劲 叶诗略")
    assert pairs("N本报记者 庄沅劲 叶诗略") == [("本报记者", "庄沅劲"), ("本报记者", "叶诗略")]


@pytest.mark.parametrize(
    "line", ["〔记者 甲某某〕3月5日，市委召开会议。", "[记者 甲某某]3月5日，市委召开会议。"]
)
def test_a_paragraph_opening_with_a_square_bracketed_credit_opens_with_its_dateline(line: str) -> None:
    m = match_dateline(line)
    assert m is not None and line[m.credit_start : m.credit_end] == "记者 甲某某"


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("记者王明远通讯员李海峰", [("记者", "王明远"), ("通讯员", "李海峰")]),
        ("记者/王明远通讯员/李海峰", [("记者", "王明远"), ("通讯员", "李海峰")]),
        ("记者 王明远 发自某某", [("记者", "王明远")]),
        ("某某报评论员 王明远", [("评论员", "王明远")]),
        ("椰网/某某新闻记者 王明远", [("记者", "王明远")]),
        ("全媒体记者王明远", [("全媒体记者", "王明远")]),
    ],
)
def test_credit_forms_of_the_fifth_survey(text: str, read: list[tuple[str, str]]) -> None:
    assert [(c.role, c.name) for c in parse_credit(text)] == read


@pytest.mark.parametrize(
    "line", ["某某晚报/某某网/某某客户端记者 王明远 李海峰", "某某日报/某某网记者 王明远 李海峰"]
)
def test_outlets_parted_by_slashes_before_a_role_make_a_byline_line(line: str) -> None:
    assert is_byline_line(line)
    assert [(c.role, c.name) for c in parse_credit(line)] == [("记者", "王明远"), ("记者", "李海峰")]


def test_a_name_with_the_surname_wen_among_a_reporters_names_is_a_name() -> None:
    # 文 credits who wrote a report (文/甲), and is a surname too: among the names a reporter's
    # role carries over to, 文某某 is one more reporter
    got = [(c.role, c.name) for c in parse_credit("某报记者 唐某华 龚某昌 文静斌 陆某颂")]
    assert got == [("记者", "唐某华"), ("记者", "龚某昌"), ("记者", "文静斌"), ("记者", "陆某颂")]
    assert [(c.role, c.name) for c in parse_credit("文/张三 图/李四")] == [("文", "张三"), ("图", "李四")]


def test_a_bracket_of_a_photographer_and_a_source_is_a_credit() -> None:
    # （甲 摄 来源：某报）: who took the picture, then where the report came from, in one bracket
    assert trailing_credit("（张某某 摄 来源：某某都市报）") == 0
    assert trailing_credit("(张某某摄来源:某某都市报)") == 0
    assert trailing_credit("（会议来源：某报）") is None


def test_outlets_named_one_after_another_before_a_role_are_no_names() -> None:
    # 某晚报 某某网 某客户端记者 甲: every outlet that prints the report, then its reporter; a
    # three-character word ending in 网 is a site, though its first character is a surname
    got = [(c.role, c.name) for c in parse_credit("新安晚报 安徽网 大皖客户端记者 孔某某")]
    assert got == [("记者", "孔某某")]
    assert [(c.role, c.name) for c in parse_credit("记者 张网 李四")] == [("记者", "张网"), ("记者", "李四")]


def test_a_relayed_reports_paper_and_reporter_are_the_datelines() -> None:
    # 某网N月N日讯 据某报报道（记者 甲）: the report relayed from another paper, its reporter credited
    line = "江州网3月11日讯 据江州日报报道（记者王建国）"
    m = match_dateline(line)
    assert m is not None and m.end == len(line)
    assert line[m.credit_start : m.credit_end] == "记者王建国"
    assert m.source == "江州网"
    # 据了解 after a dateline is the lead's: no paper, no credit
    m = match_dateline("本报讯 据了解，3月2日，市委召开会议。")
    assert m is not None and m.end == len("本报讯 ")


@pytest.mark.parametrize("opening", ["（某某网/韩立 赵雪）", "(某某区域经济/韩立 赵雪) "])
def test_a_bracket_of_an_outlet_and_its_reporters_names_opening_a_lead_is_its_dateline(opening: str) -> None:
    line = opening + "9月24日上午，全市春耕生产现场会在河西镇召开。"
    m = match_dateline(line)
    assert m is not None and line[m.end :].startswith("9月24日")
    assert m.source == opening.strip()[1:].split("/")[0]
    assert [(c.role, c.name) for c in parse_credit(line[m.credit_start : m.credit_end])] == [
        (None, "韩立"),
        (None, "赵雪"),
    ]


def test_a_bracket_of_a_role_a_slash_and_a_name_is_no_outlet() -> None:
    m = match_dateline("（通讯员/韩立）9月24日上午，全市春耕生产现场会在河西镇召开。")
    assert m is None or m.source is None


@pytest.mark.parametrize(
    "line", ["【来源：某县融媒】", "来源：县委办 摄影：韩立", "稿源：某某日报 记者 韩立"]
)
def test_the_source_a_credit_names_is_no_person(line: str) -> None:
    names = [c.name for c in parse_credit(line)]
    assert "来源" not in names and "稿源" not in names and "县委办" not in names
    assert names == ([] if "韩立" not in line else ["韩立"])


def test_a_source_line_under_a_head_credits_no_one() -> None:
    from tests.helpers import records

    page = (
        "# 全市春耕生产现场会召开\n\n【来源:某县融媒】\n\n9月24日上午，全市春耕生产现场会在河西镇召开。\n\n"
        "# 乡村振兴产业项目加快建设\n\n本报讯 5月3日，县长某丙带队到乡镇调研农业生产。\n"
    )
    report = next(r for r in records(page) if r["headline"] == "全市春耕生产现场会召开")
    assert report["bylines"] == []
    assert str(report["body"]).startswith("9月24日上午")


@pytest.mark.parametrize("line", ["列席人员:新闻媒体记者韩立。", "记者 韩立。", "出席人员：记者韩立"])
def test_a_reporter_listed_among_who_sat_in_is_the_report_s_byline(line: str) -> None:
    assert [(c.role, c.name) for c in parse_credit(line)] == [("记者", "韩立")]


def test_a_meeting_record_s_last_line_of_who_sat_in_credits_its_reporter() -> None:
    from tests.helpers import records

    page = (
        "县政府召开常务会议\n2024年5月5日，县长某丙主持召开县政府常务会议，研究部署近期工作。\n"
        "会议强调，要坚持问题导向，扎实推进各项工作落地见效。\n列席人员:新闻媒体记者韩立。\n相关文章\n"
    )
    (report,) = records(page)
    assert [(b["role"], b["name"]) for b in report["bylines"]] == [("记者", "韩立")]
    assert str(report["body"]).endswith("落地见效。")


@pytest.mark.parametrize("part", ["清晨", "早晨", "晚间", "深夜", "上午"])
def test_a_bracketed_outlet_reporter_before_a_lead_dated_to_a_part_of_the_day_is_its_dateline(
    part: str,
) -> None:
    line = f"(某某日报记者 韩立)  9月19日{part}，某市在市民广场举行升国旗仪式。"
    m = match_dateline(line)
    assert m is not None and line[m.end :].startswith("9月19日" + part)
    assert [(c.role, c.name) for c in parse_credit(line[m.credit_start : m.credit_end])] == [("记者", "韩立")]


@pytest.mark.parametrize(
    "line", ["本期诵读人：某某广播电视台主播 韩立", "朗读：韩立", "本期主播：韩立 赵雪", "播音员：韩立"]
)
def test_a_line_naming_who_reads_the_report_aloud_is_a_byline_line(line: str) -> None:
    assert is_byline_line(line)
    names = [c.name for c in parse_credit(line)]
    assert names == [n for n in ("韩立", "赵雪") if n in line]


@pytest.mark.parametrize(
    ("line", "pairs_"),
    [
        ("2021-7-19 某某日报某某日报记者 韩立", [("记者", "韩立")]),
        ("2018-9-20    某某发布   韩立 赵雪", [(None, "韩立"), (None, "赵雪")]),
        ("文字/韩立", [("文", "韩立")]),
        ("图片/韩立 文字/赵雪", [("图", "韩立"), ("文", "赵雪")]),
    ],
)
def test_credit_lines_of_web_pages_and_their_labels(line: str, pairs_: list[tuple[str | None, str]]) -> None:
    assert is_byline_line(line)
    assert [(c.role, c.name) for c in parse_credit(line)] == pairs_


def test_a_units_line_that_made_the_report_after_it_is_its_credit() -> None:
    assert trailing_credit("某某社音视频部制作") == 0
    assert trailing_credit("某某融媒体中心出品") == 0
    assert trailing_credit("精心制作") is None


@pytest.mark.parametrize("line", ["来听记者韩立的报道：", "请听本台记者韩立发来的报道"])
def test_a_radio_stations_lead_in_to_its_reporter_credits_the_reporter_and_is_no_dateline(line: str) -> None:
    assert match_dateline(line) is None
    assert is_byline_line(line)
    assert [(c.role, c.name) for c in parse_credit(line)] == [("记者", "韩立")]


def test_a_readers_name_printed_spaced_is_one_name() -> None:
    line = "本期诵读人：某某广播电视台主播 韩 立"
    assert is_byline_line(line)
    assert [c.name for c in parse_credit(line)] == ["韩立"]


def test_a_source_labelled_as_the_news_s_is_a_credit_line() -> None:
    assert trailing_credit("消息来源：某某县新闻中心") == 0


@pytest.mark.parametrize(
    ("credit", "names"),
    [
        ("通讯员韩立国谭强东", ["韩立国", "谭强东"]),  # the segmenter reads 东 as a place: no matter
        ("通讯员魏东航邹墨", ["魏东航", "邹墨"]),  # three and two, one surname where the second opens
        ("记者 黄建国东莞", ["黄建国"]),  # a place after the name, no second name
    ],
)
def test_names_printed_with_nothing_between_them_are_parted_by_their_surnames(
    credit: str, names: list[str]
) -> None:
    assert [c.name for c in parse_credit(credit)] == names


def test_an_outlets_words_run_together_are_no_two_names() -> None:
    assert [c.name for c in parse_credit("商报全媒体记者 韩立")] == ["韩立"]


def test_the_papers_word_before_a_role_and_a_name_printed_spaced() -> None:
    assert is_byline_line("本报见习记者龚 建")
    assert [(c.role, c.name) for c in parse_credit("本报见习记者龚 建")] == [("见习记者", "龚建")]


def test_correspondents_named_before_their_outlet_then_an_outlets_reporter_are_a_byline_line() -> None:
    line = "韩立 某某观察 赵雪   钱 江  孙梅  某某新闻记者 李涛"
    assert is_byline_line(line)
    assert [(c.role, c.name) for c in parse_credit(line)] == [
        (None, "韩立"),
        (None, "赵雪"),
        (None, "钱江"),
        (None, "孙梅"),
        ("记者", "李涛"),
    ]
    assert not is_byline_line("市委 召开 会议")


def test_where_the_credited_studies_in_brackets_after_the_name_is_no_name() -> None:
    line = "■某某小记者 韩立（某某中心小学）"
    assert is_byline_line(line)
    assert [(c.role, c.name) for c in parse_credit(line)] == [("记者", "韩立")]
