"""Reflow: close column gaps from the characters on both sides, keep true paragraph breaks."""

from __future__ import annotations

from datetime import date

from fangzhi.read.reflow import closes_gap, dangling_object, ends_open, starts_mid
from tests.conftest import SHARED, needs_shared
from tests.helpers import flat, one

HEAD = "# 全市安全生产工作会议召开\n\n本报讯（记者 甲某）"


def test_a_word_broken_across_a_column_gap_is_joined() -> None:
    rec = one(HEAD + "5月3日，会议强调，要认真做好顶层设\n\n计、抓好改革衔接，推动各项举措落地见效。\n")
    assert "顶层设计、抓好" in flat(rec["body"])


def test_a_date_broken_after_the_dateline_is_joined() -> None:
    rec = one(
        "# 市长调研园区\n\n本报讯（记者 甲某） 5\n\n月11日上午，市长某某赴园区调研。\n",
        issue=date(2023, 5, 12),
    )
    assert flat(rec["body"]).startswith("5月11日上午")
    assert rec["date"] == "2023-05-11"


def test_a_number_broken_in_the_middle_is_joined() -> None:
    rec = one(HEAD + "5月3日，全市工业增加值达1\n\n2.5亿元，同比增长7.2%。\n")
    assert "12.5亿元" in flat(rec["body"])


def test_a_quotation_broken_across_a_gap_is_joined() -> None:
    rec = one(HEAD + "5月3日，会议要求牢固树立“抓安全就是\n\n抓发展”的理念，守牢底线。\n")
    assert "“抓安全就是抓发展”" in flat(rec["body"])


def test_a_finished_sentence_keeps_its_paragraph_break() -> None:
    rec = one(HEAD + "5月3日，会议召开。\n\n会议强调，要压实责任。\n")
    assert rec["body"].split("\n") == ["5月3日，会议召开。", "会议强调，要压实责任。"]


def test_a_short_line_runs_on_when_the_next_cannot_open_a_sentence() -> None:
    rec = one(
        HEAD
        + "5月3日，两个委员会成立。\n\n市输变电设备标准化技术委员会\n\n是在原有三个委员会的基础上整合而成的。\n"
    )
    assert "委员会是在原有" in flat(rec["body"])


def test_a_short_line_runs_on_when_a_word_spans_the_gap() -> None:
    rec = one(
        HEAD
        + "5月3日，执法支队挂牌成立。\n\n市文化市场综合行政执法支队整\n\n合了文化、文物等领域执法职责。\n"
    )
    assert "支队整合了" in flat(rec["body"])


def test_an_enumerated_subhead_keeps_its_own_line() -> None:
    assert not closes_gap("一、坚持稳中求进", "各级各部门要压实责任。")
    assert not closes_gap("会议强调：", "一、要坚持问题导向。")


def test_gap_rules_from_both_sides() -> None:
    assert closes_gap("要加强招投标领域监管、规范", "招投标活动提供坚强保障。")
    assert closes_gap("会议召开，", "会议强调")
    assert not closes_gap("会议召开。", "会议强调，要加强监管。")
    assert closes_gap("现场，10名“最美驾驶员”、5名", "“最美的哥的姐”走上舞台。")


def test_a_comma_after_a_full_stop_opens_text_printed_elsewhere() -> None:
    # 。， is never printed: a line opening with a comma under a finished sentence is the rest of
    # another sentence (a fragment continued from another page), not that sentence going on
    assert not closes_gap("该项目计划总投资40亿元。", "，产品还打进了海外市场。")
    assert not closes_gap("参加会议。", "、肃立致敬。")
    assert not closes_gap("同比增长7个百分点。", "%，较去年同期提高1个百分点。")
    assert closes_gap("（本版文字由市委办提供。", "）")


def test_paragraph_opening_with_a_particle_starts_mid_sentence() -> None:
    assert starts_mid("的发展理念，推动工作落实。")
    assert starts_mid("、用心服务留才。")
    assert not starts_mid("会议强调，要压实责任。")


def test_a_dangling_object_starts_mid_sentence() -> None:
    assert dangling_object("设备监控巡视，细致做好隐患排查，科学有效制定应急预案，确保设备健康运行。")
    assert not dangling_object("会议强调，要加强监管，严格执法，压实责任，确保安全。")
    assert not dangling_object("省域副中心，奋进正当时！我们一定要抓住机遇。")


def test_text_cut_mid_sentence_ends_open() -> None:
    assert ends_open("先后4次对衡阳县道路交通、")
    assert ends_open("推动工作落实（下转第2版）")
    assert not ends_open("会议还研究了其他事项。")
    assert not ends_open("他说：“要干在实处。”")


def test_a_words_cut_end_before_a_comma_is_joined_to_the_word() -> None:
    rec = one(HEAD + "5月3日，会议强调，要把有限的财力用在刀刃\n\n上，坚决防止挤占挪用。\n")
    assert "用在刀刃上，坚决" in flat(rec["body"])


def test_a_words_cut_end_after_a_full_stop_starts_text_printed_elsewhere() -> None:
    assert not closes_gap("较去年同期提高2.1个百分点。", "处，容不得半点懈怠。")
    assert starts_mid("处，容不得半点懈怠。") and not starts_mid("对，就是要这样干。")


def test_a_sentence_opening_with_a_word_whose_first_character_cannot_open_is_whole() -> None:
    assert not starts_mid("过去的一年，全市上下攻坚克难。") and not starts_mid("着力推进项目建设。")
    assert starts_mid("过了一个阶段的检验。") or starts_mid("的工作成效明显。")
    rec = one(HEAD + "5月3日，支队正式挂牌成立。\n\n过去的一年，支队开展专项整治行动。\n")
    assert rec["complete"] is True and rec["body"].split("\n")[1].startswith("过去的一年")


def test_a_sentence_of_a_word_or_two_is_the_end_of_one_cut_off() -> None:
    # …提质|增效。要…: after a full stop it starts text printed elsewhere; after a cut word it goes on
    assert starts_mid("增效。要学习借鉴先进地区的经验做法，结合实际大胆探索。")
    assert not closes_gap("确保各项措施落地生根。", "增效。要学习借鉴先进地区的经验做法。")
    assert closes_gap("推动各项工作提质", "增效。要学习借鉴先进地区的经验做法。")
    assert not starts_mid("会议指出，要学习借鉴先进地区的经验做法。")


def test_a_quote_closed_before_any_opens_starts_mid_sentence() -> None:
    assert starts_mid("能照顾老人孩子。”他笑着说。今年以来，全村新增就业岗位120个。")


def test_a_quote_opened_and_closed_does_not_start_mid_sentence() -> None:
    assert not starts_mid("“这两年变化很大，”村民介绍，收入比以前高了。")
    assert not starts_mid("他说：“这两年变化很大。”")


def test_a_speaker_of_a_surname_that_is_also_a_particle_opens_a_paragraph() -> None:
    assert not starts_mid("于维明指出，要学习借鉴先进地区的经验做法。")
    assert not starts_mid("于红一行还来到坪龙镇，察看防护设施。")
    assert starts_mid("于2019年建成投用。")


def test_a_title_or_bracket_closed_before_it_opens_starts_mid_sentence() -> None:
    # …条例（草案）》作为重要抓手…: the 《 was printed with the rest of the sentence, elsewhere
    assert starts_mid("某市生态环境保护条例（草案）》作为重要抓手，细化分工。")
    assert starts_mid("2025年）的通知，要求各地抓好落实。")
    assert not starts_mid("1）加强组织领导，压实各方责任。")
    assert not starts_mid("会议审议了《某市生态环境保护条例（草案）》。")


def test_a_closer_s_labels_and_names_on_lines_of_their_own_are_not_run_together() -> None:
    assert not closes_gap("记者", "韩立赵雪")
    assert not closes_gap("韩立赵雪", "编辑")
    assert not closes_gap("制作：", "融媒体中心")
    assert closes_gap("接受本报", "记者采访时说")  # a role word inside a sentence cut by the gap


def test_a_closer_printed_a_label_a_line_is_no_part_of_the_report_s_last_paragraph() -> None:
    page = (
        "# 全市春耕生产现场会召开\n\n本报讯 9月24日上午，全市春耕生产现场会在河西镇召开。\n\n"
        "会议要求，要抓住农时，确保粮食播种面积稳中有增。\n记者\n韩立赵雪\n编辑\n钱明\n"
    )
    report = one(page)
    assert flat(str(report["body"])).endswith("稳中有增。")
    assert ("记者", "韩立") in {(b["role"], b["name"]) for b in report["bylines"]}


def test_a_paragraph_opening_with_a_character_seldom_a_word_alone_begins_inside_a_word() -> None:
    from fangzhi.read.reflow import opens_inside_word

    assert opens_inside_word("件化解，不让小问题拖成大麻烦。")  # …逐|件化解
    assert opens_inside_word("展情况，叮嘱现场负责人要把措施落实到位。")  # …进|展情况


def test_a_paragraph_opening_with_a_word_does_not_begin_inside_one() -> None:
    from fangzhi.read.reflow import opens_inside_word

    for text in (
        "会议强调，要抓好落实。",
        "据了解，全市已完成投资。",
        "在产业园，他察看了生产线。",
        "随后，一行人来到村里。",
    ):
        assert not opens_inside_word(text), text


def test_a_line_naming_a_speaker_goes_on_into_the_verb_cut_under_it() -> None:
    from fangzhi.model import RawPage
    from fangzhi.read.blocks import build_blocks
    from fangzhi.read.normalize import normalize
    from fangzhi.read.reflow import cannot_open

    # the speaker's post and name at a column's foot, 介绍，… at the next one's head: one sentence
    assert cannot_open("介绍，近年来村里依托茶叶产业增收。") and cannot_open("表示：将加强跟踪问效。")
    assert not cannot_open("据介绍，全市已完成投资。")
    text = "# 市长调研乡村振兴\n\n3月2日，市长甲乙到某村调研。\n\n某村党支部书记丙丁\n\n介绍，近年来村里依托茶叶产业，带动农户增收。\n"
    blocks = build_blocks(normalize(RawPage("p.txt", text, "utf-8", "", len(text)))).blocks
    assert any(b.text.startswith("某村党支部书记丙丁介绍，近年来") for b in blocks)


def test_a_paragraph_opening_on_a_character_alone_that_opens_no_sentence_is_loose() -> None:
    from fangzhi.read.reflow import opens_loose

    assert opens_loose("写合作新篇章。")  # …谱|写
    assert opens_loose("作了交流发言。")  # …分别|作了
    assert opens_loose("看防护设施和应急物资储备。")  # …察|看


def test_a_paragraph_opening_on_a_word_a_sentence_opens_with_is_not_loose() -> None:
    from fangzhi.read.reflow import opens_loose

    for text in (
        "在产业园，他察看了生产线。",  # a preposition
        "冯丽国指出，要抓好落实。",  # a surname
        "凤东村党支部书记介绍，村里发展产业。",  # a place
        "市领导王五出席。",  # the city the report names itself by
        "据了解，全市已完成投资。",
        "会议强调，要抓好落实。",
    ):
        assert not opens_loose(text), text


@needs_shared
def test_no_article_of_the_sample_pages_opens_inside_a_word() -> None:
    import json

    from fangzhi.read.reflow import opens_inside_word

    starts = [
        str(a["body_start"])
        for page in sorted((SHARED / "gold").glob("*.json"))
        for a in json.loads(page.read_text(encoding="utf-8"))["articles"]
        if a.get("body_start")
    ]
    assert len(starts) > 20
    assert not [s for s in starts if opens_inside_word(s)]


@needs_shared
def test_the_sample_pages_lines_cut_inside_a_word_at_a_column_gap_are_found() -> None:
    from fangzhi.read.reflow import opens_inside_word

    lines = [
        line.strip()
        for page in sorted((SHARED / "seeds").glob("*.txt"))
        for line in page.read_text(encoding="utf-8").splitlines()
    ]
    # 统|计、抓好…: a line of the OCR that goes on from a word cut at the column's edge
    assert any(line.startswith("计、") and opens_inside_word(line) for line in lines)


def test_an_opening_written_as_a_couplet_is_not_the_rest_of_a_cut_word() -> None:
    from fangzhi.read.reflow import opens_inside_word

    # classical words the segmenter reads a character at a time, in two clauses of one length
    assert not opens_inside_word("民为国基，谷为民命。锚定目标不放松。")
    # the rest of a word a column cut off (处|件化解), its clause not matched by the next
    assert opens_inside_word("件化解，不让小问题拖成大麻烦。")
    assert opens_inside_word("民为国基，谷为民命也。")
