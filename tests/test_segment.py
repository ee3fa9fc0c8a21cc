"""Segmentation and reassembly on small hand-written pages, one layout quirk each."""

from __future__ import annotations

from typing import Any

import pytest

from fangzhi.read.blocks import head_roles
from tests.conftest import SEEDS, needs_shared
from tests.helpers import flat, records

A_HEAD = "# 全市防汛工作会议召开\n\n某市日报讯（记者 甲某）"
A_BODY = "6月3日，全市防汛工作会议召开。会议强调，要压实防汛责任，确保安全度汛。\n\n"
B_HEAD = "# 市长调研重点项目建设\n\n某市日报讯（记者 乙某）"
B_BODY = "6月3日，市长某某赴高新区调研重点项目建设，详细了解项目进展。\n\n"


def by_headline(recs: list[dict[str, object]]) -> dict[str | None, dict[str, object]]:
    return {str(r["headline"]) if r["headline"] else None: r for r in recs}


def test_each_dateline_opens_an_article_under_the_head_above_it() -> None:
    recs = records(A_HEAD + A_BODY + B_HEAD + B_BODY)
    assert [r["headline"] for r in recs] == ["全市防汛工作会议召开", "市长调研重点项目建设"]
    assert [r["source"] for r in recs] == ["某市日报", "某市日报"]


@pytest.mark.parametrize("level", [0, 1])
def test_a_columns_label_in_brackets_over_a_head_is_its_kicker(level: int) -> None:
    assert head_roles([("【聚焦两会】", level), ("市委常委会召开会议", level)]) == ["kicker", "headline"]


def test_kicker_headline_subtitle_roles() -> None:
    assert head_roles([("某某在全市大会上强调——", 0), ("坚定信心 攻坚克难", 1), ("某某主持", 0)]) == [
        "kicker",
        "headline",
        "subtitle",
    ]
    assert head_roles([("某某赴某县调研时强调", 0), ("扎实做好电力保障工作", 0)]) == ["kicker", "headline"]
    assert head_roles([("为某市发展贡献力量", 0), ("——访某县委书记某某", 0)]) == ["headline", "subtitle"]
    assert head_roles([("某机场：", 0), ("蝉联服务质量优秀奖", 2)]) == ["kicker", "headline"]
    assert head_roles([("深入推进原地倍增", 1), ("全市推进会召开", 0), ("某某出席并讲话", 0)]) == [
        "headline",
        "subtitle",
        "subtitle",
    ]


def test_a_slogan_under_a_plain_statement_is_the_title_and_the_statement_its_kicker() -> None:
    assert head_roles([("县委常委会召开会议", 0), ("凝心聚力 抢抓机遇", 0)]) == ["kicker", "headline"]
    # the other way up, the slogan is the title and the statement its subtitle
    assert head_roles([("凝心聚力 抢抓机遇", 0), ("县委常委会召开会议", 0)]) == ["headline", "subtitle"]
    # a subtitle's cue (某某主持) is a subtitle, however its words are set apart
    assert head_roles([("县政府召开常务会议", 0), ("研究防汛等工作 某某主持", 0)]) == ["headline", "subtitle"]


def test_a_slogan_kicker_is_read_on_a_page() -> None:
    page = "县委常委会召开会议\n\n凝心聚力 抢抓机遇\n\n本报讯（记者 王明）3月2日，县委常委会召开会议。会议强调，要抓好落实。\n"
    rec = records(page)[0]
    assert (rec["kicker"], rec["headline"]) == ("县委常委会召开会议", "凝心聚力 抢抓机遇")


UNDATED_AFTER_A_REPORT = (
    "县长调研重点项目建设\n"
    "日前，县长李志强深入城区调研重点项目建设情况。他强调，要加快项目进度，确保早日建成投用。\n"
    "李志强先后来到城东新区和高新区，详细了解项目推进中存在的困难和问题。\n\n"
    "县委常委会召开会议\n"
    "{lead}\n"
    "会议强调，各级各部门要切实履职尽责。县领导刘明、陈红出席会议。\n"
)


@pytest.mark.parametrize(
    "lead",
    ["连日来，全县各地抢抓农时开展春耕生产。", "在城东产业园，工人们正在车间忙碌。"],
)
def test_a_plain_title_over_a_lead_that_gives_no_day_heads_a_report(lead: str) -> None:
    # the title is a line of the page's body (no dated lead under it says it heads a report), but
    # the boundary model opens a piece on it: it heads the paragraphs under it
    recs = records(UNDATED_AFTER_A_REPORT.format(lead=lead))
    assert [r["headline"] for r in recs] == ["县长调研重点项目建设", "县委常委会召开会议"]
    assert flat(recs[1]["body"]).startswith(flat(lead))


def test_a_line_a_column_cut_is_no_title_though_the_model_opens_a_piece_there() -> None:
    from fangzhi.model import RawPage
    from fangzhi.read.blocks import build_blocks
    from fangzhi.read.normalize import normalize
    from fangzhi.read.segment import segment

    page = (
        "县长调研重点项目建设\n3月5日，县长李志强深入城区调研重点项目建设情况。\n\n"
        "王明对李强一行的\n\n到来表示欢迎，介绍了全县经济社会发展情况。\n"
    )
    lay = build_blocks(normalize(RawPage("p.txt", page, "utf-8", "", len(page))))
    cut = next(i for i, b in enumerate(lay.blocks) if b.text.startswith("王明对"))
    labels = ["I"] * len(lay.blocks)
    labels[0] = labels[cut] = "B"  # the model's reading: a new piece opens on the cut line
    drafts = segment(lay, labels)
    assert not any(cut in d.head for d in drafts)


def test_subtitle_lines_are_joined_with_a_space() -> None:
    recs = records(
        "# 深入推进重点工作\n\n全市推进会召开\n\n某某出席并讲话\n\n某市日报讯（记者 甲某）" + A_BODY
    )
    assert recs[0]["subtitle"] == "全市推进会召开 某某出席并讲话"


def test_a_head_wrapped_inside_a_word_is_one_headline() -> None:
    recs = records("我市开展安\n全生产大检查\n某市日报讯（记者 甲某）" + A_BODY + B_HEAD + B_BODY)
    assert recs[0]["headline"] == "我市开展安全生产大检查"


def test_a_head_of_spaced_phrases_wrapped_inside_a_word_is_one_headline() -> None:
    recs = records("精准发力 坚\n决守牢安全生产底线\n某市日报讯（记者 甲某）" + A_BODY + B_HEAD + B_BODY)
    assert recs[0]["headline"] == "精准发力 坚决守牢安全生产底线"
    recs = records("担当作为 跑出工业经济\n运行加速度\n某市日报讯（记者 甲某）" + A_BODY + B_HEAD + B_BODY)
    assert recs[0]["headline"] == "担当作为 跑出工业经济运行加速度"


def test_spaced_phrases_over_a_line_stating_an_event_are_not_joined_to_it() -> None:
    recs = records("担当作为 争先进位\n某某会见某某一行\n某市日报讯（记者 甲某）" + A_BODY + B_HEAD + B_BODY)
    assert recs[0]["headline"] == "担当作为 争先进位" and recs[0]["subtitle"] == "某某会见某某一行"


def test_two_head_lines_of_one_markdown_level_are_one_headline() -> None:
    recs = records("# 全市重点项目\n# 建设推进会召开\n某市日报讯（记者 甲某）" + A_BODY + B_HEAD + B_BODY)
    assert recs[0]["headline"] == "全市重点项目建设推进会召开"


def test_a_kicker_over_its_headline_is_not_joined_to_it() -> None:
    recs = records(
        "坚持项目为王\n全市重点项目建设推进会召开\n某市日报讯（记者 甲某）" + A_BODY + B_HEAD + B_BODY
    )
    heads = {recs[0]["kicker"], recs[0]["headline"], recs[0]["subtitle"]}
    assert {"坚持项目为王", "全市重点项目建设推进会召开"} <= heads  # which is which is head_roles' call


# two reports with heads around one without: its head is printed at the page's end
HEADLESS_BETWEEN = (
    A_HEAD
    + A_BODY
    + "某市日报讯（通讯员 丙某）\n\n6月2日，某县青少年书法大赛颁奖活动在某小学举行。\n\n"
    + B_HEAD
    + B_BODY
)


def test_headline_printed_after_its_body_at_the_page_end() -> None:
    page = HEADLESS_BETWEEN + "某县举行青少年书法大赛颁奖活动\n"
    recs = by_headline(records(page))
    assert "某县举行青少年书法大赛颁奖活动" in recs
    assert flat(str(recs["某县举行青少年书法大赛颁奖活动"]["body"])).startswith("6月2日，某县青少年")
    assert flat(str(recs["市长调研重点项目建设"]["body"])).endswith("项目进展。")


def test_a_head_group_printed_after_its_body_at_the_page_end_titles_that_report() -> None:
    # a marked head with its subtitle, the last lines of the page: nothing under it to be its body
    page = HEADLESS_BETWEEN + "# 某县举行青少年书法大赛颁奖活动\n\n百余名学生获奖\n"
    recs = by_headline(records(page))
    assert len(recs) == 3
    assert flat(str(recs["某县举行青少年书法大赛颁奖活动"]["body"])).startswith("6月2日，某县青少年")
    assert recs["某县举行青少年书法大赛颁奖活动"]["subtitle"] == "百余名学生获奖"


def test_credit_lines_stacked_under_a_head_are_one_reports() -> None:
    # an interview's credits, a line each, then its date: one report, not one for each line
    page = (
        "# 某县草莓产业见闻\n\n口述：张某\n采访：李某、王某\n整理：赵某\n时间：2025年1月17日\n\n"
        "1月17日，某县草莓基地迎来采摘旺季，村民们忙着采收。\n\n" + B_HEAD + B_BODY
    )
    recs = records(page)
    assert [r["headline"] for r in recs] == ["某县草莓产业见闻", "市长调研重点项目建设"]
    assert flat(str(recs[0]["body"])) == "1月17日，某县草莓基地迎来采摘旺季，村民们忙着采收。"
    assert [b["name"] for b in recs[0]["bylines"]] == ["张某", "李某", "王某", "赵某"]


def test_a_bold_title_under_a_paragraph_cut_off_is_no_part_of_it() -> None:
    # the report goes on on another page, mid-sentence; a bold title follows: a head, not the rest
    page = (
        A_HEAD
        + "6月3日，全市防汛工作会议召开。会议强调，要压实防汛责任，本市将提供全方位\n\n"
        + "**久久为功 奋力开创稳就业新局面**\n"
    )
    recs = records(page)
    assert flat(str(recs[0]["body"])).endswith("本市将提供全方位")
    assert all("久久为功" not in flat(str(r["body"])) for r in recs)


def test_a_plain_title_and_its_subtitle_printed_after_their_report_title_it() -> None:
    # the page's last two lines: a title and 某某主持, plain, with nothing under them
    page = (
        A_HEAD
        + A_BODY
        + "某市日报讯（记者 丙某）\n\n6月2日，市政协十二届四次常委会议召开，围绕工业经济运行协商议政。\n\n"
        + "会议还研究了其他事项。\n\n"
        + "市政协召开十二届四次常委会议\n\n某某主持\n"
    )
    recs = by_headline(records(page))
    assert set(recs) == {"全市防汛工作会议召开", "市政协召开十二届四次常委会议"}
    report = recs["市政协召开十二届四次常委会议"]
    assert flat(str(report["body"])).startswith("6月2日，市政协")
    assert report["subtitle"] == "某某主持"


def test_the_one_head_over_nothing_titles_the_one_headless_report_on_less_likeness() -> None:
    # a title naming the topic only, as a report's own opening does not: the only pair on the page
    page = (
        A_HEAD
        + A_BODY
        + "某市日报讯（记者 丙某）\n\n6月2日，市长某某会见某公司董事长一行，双方就乡村振兴合作交流。\n\n"
        + "## 久久为功 跑出乡村振兴加速度\n"
    )
    recs = by_headline(records(page))
    assert set(recs) == {"全市防汛工作会议召开", "久久为功 跑出乡村振兴加速度"}
    assert flat(str(recs["久久为功 跑出乡村振兴加速度"]["body"])).startswith("6月2日，市长某某会见")


def test_tail_printed_before_its_headline_is_reattached() -> None:
    fragment = "引才、用心服务留才。要加强自身建设，打造模范部门。\n\n市领导丁某、戊某出席会议。\n\n"
    tail = "据了解，此次最美驾驶员评选活动由市文明办主办，得到社会各界广泛关注。\n\n市领导己某、庚某出席并颁奖。\n\n"
    head = "# 10名最美驾驶员荣获表彰\n\n某市日报讯（记者 甲某）"
    body = "6月3日晚，最美驾驶员颁奖典礼在市广电中心举行，10名最美驾驶员走上舞台。\n\n"
    recs = records(A_HEAD + "6月3日，会议召开。\n\n市领导甲某出席会议。\n\n" + fragment + tail + head + body)
    award = by_headline(recs)["10名最美驾驶员荣获表彰"]
    assert flat(str(award["body"])).startswith("6月3日晚")
    assert flat(str(award["body"])).endswith("出席并颁奖。")
    frag = [r for r in recs if r["kind"] == "fragment"]
    assert len(frag) == 1 and not frag[0]["complete"]
    assert flat(str(frag[0]["body"])).startswith("引才、用心服务留才")


def test_interleaved_heads_of_a_report_and_a_commentary() -> None:
    page = (
        "某某赴供电公司调研时强调\n\n扎实做好电力保障工作\n\n推动高质量发展 建设区域中心城市\n\n■本报评论员\n\n"
        "本报讯（记者 甲某）2020年12月31日，市长某某赴供电公司调研电力保障工作。\n\n"
        "市领导乙某参加调研。\n\n"
        "谋定而动，实至功成。我们要紧紧抓住新机遇，加快建设区域中心城市。\n\n时间不等人！让我们真抓实干。\n\n"
    )
    recs = by_headline(records(page))
    news = recs["扎实做好电力保障工作"]
    assert news["kicker"] == "某某赴供电公司调研时强调" and news["kind"] == "news"
    comment = recs["推动高质量发展 建设区域中心城市"]
    assert comment["kind"] == "commentary"
    assert [(b["role"], b["name"]) for b in comment["bylines"]] == [("本报评论员", None)]  # type: ignore[union-attr]
    assert flat(str(comment["body"])).startswith("谋定而动") and comment["date"] is None


def test_fragment_at_the_top_of_the_page() -> None:
    recs = records("的发展理念，持续推进各项工作。\n\n市领导甲某参加调研。\n\n" + A_HEAD + A_BODY)
    assert recs[0]["kind"] == "fragment" and recs[0]["complete"] is False and recs[0]["date"] is None


def test_article_cut_off_at_the_column_end_is_incomplete() -> None:
    recs = records(A_HEAD + "6月3日，督导组先后4次对某县道路交通、\n\n" + B_HEAD + B_BODY)
    assert recs[0]["complete"] is False and recs[1]["complete"] is True
    assert flat(str(recs[0]["body"])).endswith("道路交通、")


def test_jump_marker_makes_the_article_incomplete() -> None:
    recs = records(A_HEAD + "6月3日，全市防汛工作会议召开，会议强调要压实责任。（下转第2版）\n")
    assert recs[0]["complete"] is False


def test_photo_caption_with_credit() -> None:
    recs = records(A_HEAD + A_BODY + "6月2日，菜农在育苗基地给幼苗增光补温，确保幼苗御寒越冬。 ■张某 摄\n")
    photo = recs[-1]
    assert photo["kind"] == "photo" and photo["headline"] is None
    assert [(b["role"], b["name"]) for b in photo["bylines"]] == [("摄影", "张某")]
    assert flat(str(photo["body"])).endswith("御寒越冬。")


def test_a_caption_saying_what_its_picture_shows_is_one_though_its_credit_names_no_she() -> None:
    recs = records(
        A_HEAD + A_BODY + "6月2日，市长某某在育苗基地调研。图为某某（左二）察看幼苗长势。    本报记者 张某\n"
    )
    photo = recs[-1]
    assert photo["kind"] == "photo" and flat(str(photo["body"])).endswith("察看幼苗长势。")
    assert [b["name"] for b in photo["bylines"]] == ["张某"]
    assert not flat(str(recs[0]["body"])).endswith("长势。")


def test_a_sentence_that_only_mentions_a_picture_leaves_the_report_whole() -> None:
    recs = records(A_HEAD + A_BODY + "会议要求，要绘好蓝图为民造福，把各项工作抓实抓细。\n")
    assert len(recs) == 1 and flat(str(recs[0]["body"])).endswith("抓实抓细。")


def test_interview_with_byline_line() -> None:
    page = "为区域发展贡献县域力量\n\n——访某县委书记某某\n\n■本报记者 甲某 通讯员 乙某\n\n“省委赋予的战略定位，是人民期盼。”近日，某某在接受采访时表示。\n"
    rec = records(page)[0]
    assert rec["kind"] == "interview" and rec["subtitle"] == "——访某县委书记某某"
    assert [(b["role"], b["name"]) for b in rec["bylines"]] == [("本报记者", "甲某"), ("通讯员", "乙某")]


def test_dateline_split_over_two_lines() -> None:
    rec = records("# 某县举行颁奖活动\n\n某市晚报讯  \n(通讯员 丙某)\n\n6月2日，颁奖活动举行。\n")[0]
    assert flat(rec["dateline"]) == "某市晚报讯（通讯员丙某）"
    assert [(b["role"], b["name"]) for b in rec["bylines"]] == [("通讯员", "丙某")]


def test_markdown_head_without_a_dateline_still_heads_its_body() -> None:
    recs = records("# 全市防汛工作会议召开\n\n6月3日，全市防汛工作会议召开。会议强调，要压实责任。\n")
    assert recs[0]["headline"] == "全市防汛工作会议召开"
    assert recs[0]["kind"] == "news"


def test_unmarked_title_over_a_dated_lead_heads_a_new_report() -> None:
    page = (
        A_HEAD
        + A_BODY
        + "某县开展防汛应急演练\n\n6月2日上午，某县在城区开展防汛应急演练，检验队伍快速反应能力。\n\n演练结束后，各单位进行了总结。\n"
    )
    recs = records(page)
    assert [r["headline"] for r in recs] == ["全市防汛工作会议召开", "某县开展防汛应急演练"]
    assert flat(str(recs[1]["body"])).startswith("6月2日上午")


def test_a_subhead_over_an_undated_paragraph_stays_in_the_body() -> None:
    page = A_HEAD + A_BODY + "强化责任落实\n\n各级各部门要压实防汛责任，确保安全度汛。\n"
    recs = records(page)
    assert len(recs) == 1 and "强化责任落实" in str(recs[0]["body"])


def test_reporters_lines_over_a_dateline_belong_to_the_report_it_opens() -> None:
    page = (
        "# 全力推进项目建设\n\n记者 韩立\n通讯员 赵丙\n\n新华社北京4月9日电\n\n"
        "4月9日，市委书记王甲会见客商，副市长李乙参加。\n\n王甲对客人一行表示欢迎。\n"
    )
    recs = records(page)
    assert len(recs) == 1
    assert recs[0]["headline"] == "全力推进项目建设"
    assert recs[0]["dateline"] == "新华社北京4月9日电"
    assert [(b["role"], b["name"]) for b in recs[0]["bylines"]] == [("记者", "韩立"), ("通讯员", "赵丙")]
    assert flat(recs[0]["body"]).endswith("王甲对客人一行表示欢迎。")


def test_a_unit_named_in_a_credit_is_not_taken_for_a_reporter() -> None:
    page = "# 全力推进项目建设\n\n本报讯 4月9日，市委书记王甲到项目现场调研。（县融媒体中心 韩立）\n"
    recs = records(page)
    assert [(b["role"], b["name"]) for b in recs[0]["bylines"]] == [(None, "韩立")]


def test_a_heading_with_nothing_under_it_is_an_article_not_dropped() -> None:
    from fangzhi.pipeline import parse_text

    parsed = parse_text("# 市政府召开常务会议\n某某机场：\n# 某市召开会议\n")
    heads = [(a.headline.text if a.headline else None, a.complete) for a in parsed.articles]
    assert heads == [("市政府召开常务会议", False), ("某市召开会议", False)]


def test_a_lone_surrogate_is_read_as_a_replacement_mark_with_a_problem() -> None:
    from fangzhi.pipeline import parse_text

    parsed = parse_text("市委书记某某某主持会议\udfff。")
    assert parsed.articles and "\ufffd" in parsed.articles[0].body_text
    assert [p.code for p in parsed.problems] == ["text.surrogate"]


def test_a_paragraph_that_lost_its_punctuation_is_text_not_furniture() -> None:
    from fangzhi.pipeline import parse_text

    words = "市委书记某某某主持召开市委常委会会议传达学习有关会议精神研究部署近期重点工作"
    parsed = parse_text(words * 10)  # 380 characters, not one mark
    assert len(parsed.articles) == 1 and parsed.articles[0].body_text == words * 10
    assert not parsed.page.furniture


@needs_shared
def test_on_a_long_page_a_run_is_weighed_against_the_articles_nearest_it_only(monkeypatch: Any) -> None:
    from collections import Counter

    import fangzhi.read.segment as seg
    from fangzhi.pipeline import parse_text

    weighed: Counter[int] = Counter()
    real = seg.tail_features

    def counting(blocks: Any, r: Any, d: Any, vocab: Any) -> Any:
        weighed[r.blocks[0]] += 1
        return real(blocks, r, d, vocab)

    monkeypatch.setattr(seg, "tail_features", counting)
    pages = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    parsed = parse_text(pages * 3)  # about a hundred articles on one page
    assert len(parsed.articles) > 2 * seg.NEAR_ARTICLES
    assert weighed and max(weighed.values()) == seg.NEAR_ARTICLES


def test_lines_that_never_end_a_sentence_make_paragraphs_of_bounded_length() -> None:
    from fangzhi.model import RawPage
    from fangzhi.read.blocks import MAX_BLOCK_CHARS, build_blocks
    from fangzhi.read.normalize import normalize

    line = "市委书记某某主持召开会议研究部署近期重点工作" * 20  # no mark: every gap closes
    text = "\n".join([line] * 120)
    blocks = build_blocks(normalize(RawPage("p.txt", text, "utf-8", "", len(text)))).blocks
    assert len(blocks) > 1 and max(len(b.text) for b in blocks) < MAX_BLOCK_CHARS + len(line) + 1


def test_a_reporters_line_after_a_body_with_the_next_head_after_it_is_the_credit_of_the_report_above() -> (
    None
):
    recs = records(A_HEAD + A_BODY + "记者 丙某某\n\n" + B_HEAD + B_BODY + "记者 丁某某\n")
    assert [r["headline"] for r in recs] == ["全市防汛工作会议召开", "市长调研重点项目建设"]
    assert [[b["name"] for b in r["bylines"]] for r in recs] == [["甲某", "丙某某"], ["乙某", "丁某某"]]


def test_credit_lines_one_under_another_before_the_next_head_are_the_report_above_s() -> None:
    recs = records(A_HEAD + A_BODY + "记 者 | 丙某某 丁某\n\n视 觉 | 戊某某\n\n" + B_HEAD + B_BODY)
    assert [r["headline"] for r in recs] == ["全市防汛工作会议召开", "市长调研重点项目建设"]
    assert [b["name"] for b in recs[0]["bylines"]] == ["甲某", "丙某某", "丁某", "戊某某"]


def test_a_credit_line_under_a_stretch_set_apart_goes_with_that_stretch() -> None:
    from fangzhi.pipeline import parse_text
    from fangzhi.records import page_records
    from fangzhi.settings import Settings

    # by the rules, the attendance line ends the report and the paragraph after it is a stretch
    # of its own; the credit line under it is that stretch's, never an empty article
    text = (
        A_HEAD + "6月3日，全市防汛工作会议召开。市领导甲某、乙某出席。\n\n"
        "会议要求，各地要压实防汛责任，确保安全度汛。\n\n融媒体记者：丙某某\n\n" + B_HEAD + B_BODY
    )
    recs = page_records(parse_text(text, "hand.txt", Settings(learned=False)))
    assert all(r["body"] for r in recs)
    credited = [r for r in recs if any(b["name"] == "丙某某" for b in r["bylines"])]
    assert len(credited) == 1 and "压实防汛责任" in credited[0]["body"]


def test_heads_and_a_reporters_line_over_a_dateline_that_names_none_are_one_report() -> None:
    text = (
        "**久久为功 凝心聚力**\n\n某某在分会场参加并部署贯彻落实工作\n\n某某报业集团全媒体报道组 记者甲某某\n\n"
        "某某网讯  1月24日，全国文明城市创建电视电话会议召开。会议要求，要扎实推进各项工作。\n"
    )
    (rec,) = records(text)
    assert (rec["headline"], rec["subtitle"]) == ("久久为功 凝心聚力", "某某在分会场参加并部署贯彻落实工作")
    assert [b["name"] for b in rec["bylines"]] == ["甲某某"]


def test_a_title_printed_at_the_page_end_heads_the_commentary_that_has_none() -> None:
    text = (
        "本报评论员\n\n春风正劲，奋进当时。抓春耕生产，必须把各项措施落到实处，容不得半点懈怠。真抓实干是关键。\n\n"
        "回望过去，全市上下迎难而上，各项工作扎实推进。\n\n"
        "市政府召开常务会议\n\n某某晚报讯（记者 陈某）8月15日上午，市长杨某主持召开市政府常务会议。"
        "会议强调，要抓好春耕生产，确保粮食安全。\n\n真抓实干 跑出春耕生产加速度\n"
    )
    recs = records(text)
    assert [(r["kind"], r["headline"]) for r in recs] == [
        ("commentary", "真抓实干 跑出春耕生产加速度"),
        ("news", "市政府召开常务会议"),
    ]
    assert recs[1]["body"].endswith("确保粮食安全。")


def test_lines_marked_alike_are_read_by_their_words() -> None:
    # three lines all marked as headings: the one under the kicker and over the —— line heads
    lines = [("坚持稳中求进", 2), ("市委常委会召开会议", 2), ("——研究部署全年重点工作", 2)]
    assert head_roles(lines) == ["kicker", "headline", "subtitle"]
    assert head_roles([("推动高质量发展——", 2), ("市委常委会召开会议", 2)]) == ["kicker", "headline"]


def test_a_meeting_held_is_a_headline_not_a_subtitle() -> None:
    # 召开/举行 end headlines (某某会议召开); 主持/讲话 end the subtitles under them
    assert head_roles([("坚持稳中求进", 0), ("市委常委会召开会议", 0), ("——研究部署全年重点工作", 0)]) == [
        "kicker",
        "headline",
        "subtitle",
    ]
    assert head_roles([("市委常委会召开会议", 0), ("某某主持并讲话", 0)]) == ["headline", "subtitle"]


@pytest.mark.parametrize("label", ["版面：6版：要闻", "【版次】第A06版:城事", "版次：第三版"])
def test_a_web_copys_page_label_is_furniture_not_the_headline(label: str) -> None:
    recs = records(label + "\n\n" + A_HEAD + A_BODY)
    assert len(recs) == 1 and recs[0]["headline"] == "全市防汛工作会议召开"


@pytest.mark.parametrize(
    "caption",
    [
        "6月2日，菜农在育苗基地采收。 某县委宣传部供图",
        "从左至右：张某、李某、王某",
        "右图 菜农在育苗基地采收。",
        "图①：菜农在育苗基地采收。",
        "6月2日，菜农在育苗基地采收。（摄影 张某）",
        "▲6月2日，菜农在育苗基地采收。",
        "△ 菜农在育苗基地采收。",
    ],
)
def test_a_caption_in_any_of_its_printed_forms_is_no_part_of_the_report_above(caption: str) -> None:
    recs = records(A_HEAD + A_BODY + caption + "\n")
    assert flat(str(recs[0]["body"])).endswith("确保安全度汛。")
    assert recs[-1]["kind"] == "photo"


def test_items_marked_as_captions_are_marked_one_under_another_in_a_list() -> None:
    items = "▲加强组织领导，压实各方责任。\n\n▲加大资金投入，保障项目建设。\n"
    recs = records(A_HEAD + A_BODY + items)
    assert all(r["kind"] != "photo" for r in recs)


def test_a_note_in_place_of_a_caption_is_furniture() -> None:
    recs = records(A_HEAD + A_BODY + "（资料图片）\n\n" + B_HEAD + B_BODY)
    assert len(recs) == 2 and all("资料图片" not in flat(str(r["body"])) for r in recs)
    assert recs[1]["headline"] != "（资料图片）"


@pytest.mark.parametrize(
    "note", ["编者按：为推进作风建设，本报今起开设专栏。", "核心提示：某县推进作风建设。"]
)
def test_an_editors_note_between_the_head_and_the_lead_keeps_the_head_a_head(note: str) -> None:
    recs = records("# 全市防汛工作会议召开\n\n" + note + "\n\n" + A_BODY)
    assert recs[0]["headline"] == "全市防汛工作会议召开"
    assert flat(str(recs[0]["body"])).startswith(flat(note))


def test_a_column_label_in_brackets_over_a_headline_is_no_credit() -> None:
    recs = records("【记者手记】全市防汛工作会议召开\n\n" + A_BODY)
    assert recs[0]["headline"] == "【记者手记】全市防汛工作会议召开" and not recs[0]["bylines"]


@pytest.mark.parametrize(
    "line",
    ["时 间：2023-03-05", "索 引 号：001-2023-0012", "来源：", "上一版3 4下一版", "您是第1234位访客", "▌"],
)
def test_letter_spaced_labels_empty_fields_and_footer_lines_are_furniture(line: str) -> None:
    recs = records(A_HEAD + A_BODY + line + "\n\n" + B_HEAD + B_BODY)
    assert len(recs) == 2 and flat(str(recs[0]["body"])).endswith("确保安全度汛。")


@pytest.mark.parametrize(
    "folio", ["HC01版", "第rb02版:要闻", "00003版:要闻", "版次:[J2]", "某某日报 2023-03-05 第3版"]
)
def test_an_e_papers_page_number_between_reports_is_furniture(folio: str) -> None:
    recs = records(A_HEAD + A_BODY + folio + "\n\n" + B_HEAD + B_BODY)
    assert len(recs) == 2 and recs[1]["headline"] == "市长调研重点项目建设"


@pytest.mark.parametrize("line", ["编导：张某、李某", "配音：王某"])
def test_a_video_reports_credit_roll_is_furniture(line: str) -> None:
    recs = records(A_HEAD + A_BODY + line + "\n\n" + B_HEAD + B_BODY)
    assert len(recs) == 2 and flat(str(recs[0]["body"])).endswith("确保安全度汛。")


def test_a_line_opening_with_a_credit_rolls_word_but_no_colon_is_text() -> None:
    recs = records(A_HEAD + A_BODY + "制作精良的产品远销海外市场。\n")
    assert flat(str(recs[0]["body"])).endswith("远销海外市场。")


@pytest.mark.parametrize(
    "lead",
    [
        "春节前夕，市委书记某某走访慰问困难群众。",
        "3月初，某县召开项目推进会。",
        "记者从市发改委获悉，今年全市重点项目进展顺利。",
    ],
)
def test_a_plain_head_over_a_lead_that_gives_no_day_heads_it(lead: str) -> None:
    recs = records(B_HEAD + B_BODY + "全市防汛工作会议召开\n\n" + lead + "\n")
    assert len(recs) == 2 and recs[1]["headline"] == "全市防汛工作会议召开"
    assert flat(str(recs[1]["body"])).startswith(flat(lead)[:6])


def test_a_span_of_years_opening_a_paragraph_under_a_short_line_starts_no_report() -> None:
    # 近年来，… opens body paragraphs as often as leads: under a terse line it is read on
    recs = records(A_HEAD + A_BODY + "坚持高位推动\n\n近年来，某县坚持把防汛摆在突出位置。\n")
    assert len(recs) == 1


def test_a_plain_head_naming_an_event_heads_the_lead_that_reports_it() -> None:
    recs = records(
        B_HEAD
        + B_BODY
        + "全市安全生产工作会议召开\n\n全市安全生产工作会议在市行政中心召开，会议部署了下阶段工作。\n"
    )
    assert len(recs) == 2 and recs[1]["headline"] == "全市安全生产工作会议召开"


def test_a_slogan_like_line_over_a_paragraph_stays_in_the_report() -> None:
    recs = records(A_HEAD + A_BODY + "坚持高位推动\n\n某县坚持高位推动，成立防汛工作专班。\n")
    assert len(recs) == 1


def test_a_plain_head_under_a_report_sent_on_to_another_page_heads_the_next_report() -> None:
    page = (
        "# 市长会见客商一行\n\n本报讯（记者 乙某）6月2日，市长某某会见了某公司董事长一行，市委组织部部长\n\n"
        "（下转第五版）\n\n市商务局发布燃气安全提示\n\n6月1日，市商务局发布提示，提醒市民提高警惕。\n"
    )
    recs = records(page)
    assert [r["headline"] for r in recs] == ["市长会见客商一行", "市商务局发布燃气安全提示"]


def test_a_video_makers_credit_under_a_head_is_the_reports_byline() -> None:
    recs = records("# 全市防汛工作会议召开\n\n视频制作：张某\n\n" + A_BODY + B_HEAD + B_BODY)
    assert len(recs) == 2 and recs[0]["headline"] == "全市防汛工作会议召开"
    assert [(b["role"], b["name"]) for b in recs[0]["bylines"]] == [("视频制作", "张某")]


def test_runs_go_to_articles_as_one_assignment_over_the_page() -> None:
    from fangzhi.read.segment import _assignment

    # run 0 fits article 0 best and article 1 nearly as well; run 1 fits article 0 alone: taking
    # the best pair first would leave run 1 with nothing, the page's best assignment places both
    pairs = [(0.9, 0, 0), (0.8, 0, 1), (0.7, 1, 0)]
    assert sorted(_assignment(pairs)) == [(0, 1), (1, 0)]
    assert sorted(_assignment([(0.6, 0, 2), (0.5, 1, 3)])) == [(0, 2), (1, 3)]


@pytest.mark.parametrize("mark", ["（详见第3版）", "（见第二版）"])
def test_a_see_page_mark_is_set_aside_as_a_jump_to_line(mark: str) -> None:
    recs = records(A_HEAD + A_BODY.rstrip() + mark + "\n\n" + B_HEAD + B_BODY)
    assert [r["headline"] for r in recs] == ["全市防汛工作会议召开", "市长调研重点项目建设"]
    assert mark not in str(recs[0]["body"]) and recs[1]["kicker"] is None


def test_a_continued_from_the_page_before_mark_with_no_page_is_a_jump_mark() -> None:
    recs = records(A_HEAD + A_BODY + "（接上版）会议强调，要压实责任。\n\n" + B_HEAD + B_BODY)
    assert not any("接上版" in str(r["body"]) for r in recs)
    assert any("会议强调，要压实责任。" in str(r["body"]) for r in recs)


PARTED = (
    "# 全力推进乡村振兴工作\n\n"
    "本报讯（记者 王某 通讯员 李某）5月3日，县委书记张某某到青山镇调研乡村振兴工作。"
    "他强调，要坚持高位推动，扎实做好各项工作。\n\n"
    "{one}\n\n"
    "在青山镇茶叶基地，张某某详细了解茶叶种植和销售情况。他指出，要做大做强特色产业，带动群众增收致富。\n\n"
    "{two}\n\n"
    "随后，张某某来到白水村，实地察看人居环境整治情况。他要求，要持续开展村庄清洁行动，建设美丽宜居乡村。\n\n"
)


@pytest.mark.parametrize(
    ("one", "two"),
    [
        ("产业兴旺有底气", "人居环境换新颜"),
        ("一、聚焦特色产业", "二、抓实人居环境"),
        ("## 聚焦特色产业", "## 抓实人居环境"),
        ("**聚焦特色产业**", "**抓实人居环境**"),
    ],
)
def test_subheads_part_a_report_and_head_none_of_their_own(one: str, two: str) -> None:
    recs = records(PARTED.format(one=one, two=two) + B_HEAD + B_BODY)
    assert [r["headline"] for r in recs] == ["全力推进乡村振兴工作", "市长调研重点项目建设"]
    body = flat(str(recs[0]["body"]))
    assert flat(two.strip("#* ")) in body and body.endswith("建设美丽宜居乡村。")


def test_the_one_title_left_at_the_page_end_heads_the_one_report_printed_without_one() -> None:
    recs = records(
        B_HEAD
        + B_BODY
        + "某市日报讯（记者 丙某）10月9日，全市民营经济发展工作部署会召开。市长某某出席并讲话。\n\n"
        + "会上，各县市区主要负责同志作了交流发言。\n\n"
        + "精准发力 以更实举措抓好民营经济发展\n"
    )
    assert [r["headline"] for r in recs] == ["市长调研重点项目建设", "精准发力 以更实举措抓好民营经济发展"]


def test_a_bracketed_credit_between_a_head_and_a_dated_lead_is_the_reports_byline() -> None:
    # （记者 甲 乙摄影报道） on its own line under the head, the lead's date on the next: the
    # report's credit, printed over it, not the credit of the report before
    page = (
        "# 市委常委会召开会议\n\n（记者张某某 李某某摄影报道）\n\n10月5日，市委常委会召开会议。\n\n"
        "会议强调，要抓好落实。\n\n# 全市城市更新工作推进会召开\n\n（记者王某某摄影报道）\n\n"
        "10月4日下午，全市城市更新工作推进会召开。\n"
    )
    recs = records(page)
    assert [r["headline"] for r in recs] == ["市委常委会召开会议", "全市城市更新工作推进会召开"]
    assert [b["name"] for b in recs[0]["bylines"]] == ["张某某", "李某某"]


@pytest.mark.parametrize(
    "line",
    [
        "各县市区、市直有关单位负责同志在各分会场参加会议。",  # the officials named by their units
        "市领导甲乙、丙丁参加升旗仪式。",  # the event named by what it is
        "副盟长丁戊参加。",
    ],
)
def test_a_report_s_closing_line_is_read_as_one(line: str) -> None:
    from fangzhi.model import RawPage
    from fangzhi.read.blocks import build_blocks
    from fangzhi.read.normalize import normalize

    text = "# 标题一\n\n3月2日，市委书记甲乙主持召开会议，研究部署有关工作。\n\n" + line + "\n"
    blocks = build_blocks(normalize(RawPage("p.txt", text, "utf-8", "", len(text)))).blocks
    assert [b.closing for b in blocks if b.kind == "body"] == [False, True]


@pytest.mark.parametrize(("margin", "joined"), [(0.05, True), (-0.05, False)])
def test_a_run_joins_the_article_the_tail_model_finds_likelier_however_unsure(
    monkeypatch: Any, margin: float, joined: bool
) -> None:
    import fangzhi.read.segment as seg

    # one article to weigh the run with: it joins where p·TAIL_ODDS > 1 - p
    likelihood = 1 / (1 + seg.TAIL_ODDS) + margin
    monkeypatch.setattr(seg, "_logistic", lambda w, x: likelihood)
    run = "引才、用心服务留才。要加强自身建设，打造模范部门。\n\n"  # opens mid-sentence: the cues say no
    head = "# 全市人才工作会议召开\n\n某市日报讯（记者 甲某）6月3日，全市人才工作会议召开。\n\n会议要求，要做好引才工作。\n"
    recs = records(run + head)
    report = by_headline(recs)["全市人才工作会议召开"]
    assert flat(str(report["body"])).endswith("打造模范部门。") is joined
    assert [r["kind"] for r in recs].count("fragment") == (0 if joined else 1)


def test_a_run_is_weighed_by_the_kind_of_event_it_and_the_article_tell_of() -> None:
    import fangzhi.read.segment as seg
    from fangzhi.model import RawPage
    from fangzhi.read.blocks import build_blocks
    from fangzhi.read.normalize import normalize

    text = (
        "# 市委书记会见客商\n\n本报讯 3月2日，市委书记甲乙会见了某集团董事长丙丁一行。\n\n"
        "# 全市春耕生产现场会召开\n\n本报讯 3月2日，全市春耕生产现场会召开。\n\n"
        "市委常委戊己参加会见。\n"
    )
    lay = build_blocks(normalize(RawPage("p.txt", text, "utf-8", "", len(text))))
    run = seg._Run([len(lay.blocks) - 1], closed=True)
    heads = [i for i, b in enumerate(lay.blocks) if b.kind == "headline"]
    same, other = (
        seg.TAIL_FEATURES.index("same_kind_of_event"),
        seg.TAIL_FEATURES.index("other_kind_of_event"),
    )
    drafts = [seg.Draft(order=head, head=[head], dateline=head + 1, body=[head + 2]) for head in heads]
    pairs: list[tuple[list[int], list[int], list[float]]] = []
    seg._place_runs(lay.blocks, drafts, [run], vocab=lay.vocabulary, collect=pairs)
    weighed = {article[0]: x for _run, article, x in pairs}
    for head, kind in zip(heads, ("same", "other"), strict=True):
        x = weighed[head]
        assert len(x) == len(seg.TAIL_FEATURES)
        assert (x[same], x[other]) == ((1.0, 0.0) if kind == "same" else (0.0, 1.0))


@pytest.mark.parametrize(
    "lead",
    [
        "连日来，全县上下抢抓农时开展春耕生产。",
        "近期，县市场监管局在全县开展食品安全专项检查。",
        "县委副书记、县长李志强会见了某集团董事长王刚一行，双方就项目合作进行了交流。",
        "县人大常委会主任张红深入城东乡，就耕地保护工作开展调研。",
    ],
)
def test_a_lead_that_opens_with_a_span_of_days_or_a_leader_s_posts_opens_a_report(lead: str) -> None:
    from fangzhi.read.blocks import opens_as_lead

    assert opens_as_lead(lead)


@pytest.mark.parametrize(
    "paragraph", ["李志强强调，要抓好落实。", "副县长王刚陪同。", "县委书记王明在会上指出，要压实责任。"]
)
def test_a_later_paragraph_naming_a_leader_opens_no_report(paragraph: str) -> None:
    from fangzhi.read.blocks import opens_as_lead

    assert not opens_as_lead(paragraph)


def test_a_plain_title_over_a_lead_opening_with_a_span_of_days_heads_it() -> None:
    page = (
        "县长调研重点项目建设\n"
        "3月5日，县长李志强深入城区调研重点项目建设情况。他强调，要加快项目进度，确保早日建成投用。\n\n"
        "各地掀起春耕生产热潮\n"
        "连日来，全县各地抢抓农时开展春耕生产。\n"
        "县农业农村局组织技术人员深入田间地头，指导农户科学施肥、合理用药。\n"
    )
    recs = records(page)
    assert [r["headline"] for r in recs] == ["县长调研重点项目建设", "各地掀起春耕生产热潮"]


def test_a_head_over_nothing_takes_the_run_its_words_are_likest_not_the_nearest() -> None:
    # heads printed together (a report's, then a commentary's), the report's lead, a paragraph of
    # that report read apart (the column lost a line over it), then the commentary
    page = (
        "某某赴供电公司调研时强调\n\n扎实做好电力保障工作\n\n推动高质量发展 建设区域中心城市\n\n■本报评论员\n\n"
        "本报讯（记者 甲某）2020年12月31日，市长某某赴供电公司调研电力保障工作。\n\n"
        "设备巡视，细致做好隐患排查，科学制定应急预案。\n\n随后，某某来到供电公司调度中心慰问职工。\n\n"
        "谋定而动，实至功成。我们要推动高质量发展，加快建设区域中心城市。\n\n"
        "建设区域中心城市，奋进正当时！让我们推动高质量发展。\n\n"
    )
    from fangzhi.model import RawPage
    from fangzhi.read.blocks import build_blocks
    from fangzhi.read.boundaries import page_labels
    from fangzhi.read.normalize import normalize
    from fangzhi.read.segment import segment

    lay = build_blocks(normalize(RawPage("p.txt", page, "utf-8", "", len(page))))
    labels = page_labels(lay)
    assert labels is not None
    texts = [b.text for b in lay.blocks]
    for opening in ("设备巡视", "谋定而动"):  # each read apart from what is over it, as a model may read them
        labels[next(i for i, t in enumerate(texts) if t.startswith(opening))] = "B"
    commentary = next(d for d in segment(lay, labels) if [texts[i] for i in d.head] == [texts[2]])
    assert texts[commentary.body[0]].startswith("谋定而动")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("(某某日报记者 韩立)", ["韩立"]),
        ("某某晚报全媒体", []),
        ("某某新闻网(特约记者 韩立)", ["韩立"]),
        ("（记者韩立 赵雪 摄影报道）", ["韩立", "赵雪"]),
    ],
)
def test_a_dateline_on_a_line_of_its_own_over_a_dated_lead_is_the_reports(
    line: str, names: list[str]
) -> None:
    page = (
        "# 全市工作会议召开\n\n"
        + line
        + "\n\n3月25日下午，市委常委会召开会议，研究部署工作。\n\n会议要求，要抓好落实。\n"
    )
    rec = records(page)
    assert len(rec) == 1 and rec[0]["subtitle"] is None
    assert flat(str(rec[0]["dateline"])) == flat(line.replace("(", "（").replace(")", "）"))
    assert [b["name"] for b in rec[0]["bylines"]] == names


@pytest.mark.parametrize("title", ["织密安全防护网", "打造智慧新闻"])
def test_a_title_ending_as_an_outlets_name_over_a_dated_lead_is_no_dateline(title: str) -> None:
    rec = records("# 全市工作会议召开\n\n" + title + "\n\n3月25日下午，市委常委会召开会议，研究部署工作。\n")
    assert rec[0]["dateline"] is None


def test_an_outlets_reporter_bare_on_a_line_over_a_dated_lead_is_a_byline_not_a_dateline() -> None:
    rec = records(
        "# 全市工作会议召开\n\n某某网记者 韩立\n\n3月25日下午，市委常委会召开会议，研究部署工作。\n"
    )
    assert rec[0]["dateline"] is None
    assert [b["name"] for b in rec[0]["bylines"]] == ["韩立"]


def test_a_bracketed_credit_under_a_reports_last_sentence_is_its_credit_not_the_next_dateline() -> None:
    from fangzhi.model import RawPage
    from fangzhi.read.blocks import build_blocks
    from fangzhi.read.normalize import normalize

    page = (
        "# 全市工作会议召开\n\n本报讯（记者 韩立）3月2日，市委召开会议。会议强调，要抓好落实。\n\n"
        "（记者 赵雪 钱江）\n\n3月3日，市长王某某赴高新区调研重点项目建设。\n"
    )
    lay = build_blocks(normalize(RawPage("p.txt", page, "utf-8", "", len(page))))
    assert [b.kind for b in lay.blocks] == ["headline", "dateline", "body", "credit", "body"]


def test_an_outlet_and_its_bracketed_credit_over_a_lead_that_gives_no_day_is_a_dateline() -> None:
    page = "# 某某：技改添动能\n\n某某新闻网(特约记者韩立)\n\n一分耕耘，一分收获。在位于高新区的工厂里，工人们正忙着赶制订单。\n"
    rec = records(page)[0]
    assert flat(str(rec["dateline"])) == "某某新闻网（特约记者韩立）"
    assert [(b["role"], b["name"]) for b in rec["bylines"]] == [("特约记者", "韩立")]


@pytest.mark.parametrize(
    ("first", "second", "roles"),
    [
        ("市委常委会召开会议", "为防汛抗旱注入强劲动能", ["kicker", "headline"]),
        ("市委常委会召开会议", "研究部署防汛抗旱等工作", ["headline", "subtitle"]),
        ("扎实做好防汛抗旱各项工作", "市委常委会召开会议", ["headline", "subtitle"]),
    ],
)
def test_an_event_stated_over_the_thesis_it_served_is_the_kicker(
    first: str, second: str, roles: list[str]
) -> None:
    assert head_roles([(first, 0), (second, 0)]) == roles


def _photos_between_two_reports(line: str) -> list[dict[str, Any]]:
    """The photos read on a page that prints `line` between two reports."""
    page = (
        "# 全市工作会议召开\n\n本报讯（记者 韩立）5月10日，全市工作会议召开。会议要求，要抓好落实。\n\n"
        + line
        + "\n\n## 某某会议召开\n\n本报讯（记者 赵雪）5月10日，某某会议召开。\n"
    )
    return [r for r in records(page) if r["kind"] == "photo"]


def test_a_pictures_credit_after_the_sentences_it_ends_makes_them_its_caption() -> None:
    photo = _photos_between_two_reports(
        "2024年5月9日，在某乡某村的草莓基地，农技人员正在指导村民防治病虫害。 ■钱江 摄"
    )
    assert len(photo) == 1 and photo[0]["date"] == "2024-05-09"
    assert [(b["role"], b["name"]) for b in photo[0]["bylines"]] == [("摄影", "钱江")]


def test_a_caption_whose_credit_names_the_picture_by_its_label_is_a_photo() -> None:
    photo = _photos_between_two_reports(
        "△ 2月21日上午，在某乡某村的中药材基地，农技人员正在指导村民管护药材。图/某某客户端记者：钱江"
    )
    assert len(photo) == 1 and [b["name"] for b in photo[0]["bylines"]] == ["钱江"]


def test_a_credit_line_over_a_plain_title_closes_the_report_above_it() -> None:
    from fangzhi.pipeline import parse_text

    page = (
        "# 市委常委会召开会议\n\n3月5日，市委书记王建国主持召开市委常委会会议，研究部署重点工作。\n\n"
        "会议强调，各级各部门要切实履职尽责，确保各项任务落地见效。\n\n"
        "江城台记者张晓明报道\n\n"
        "某村：茶叶铺就致富路\n\n"
        "“今年又是一个好年景！”在某镇某村，连片的茶叶基地一眼望不到头，村民们正忙着田间管护。\n\n"
        "村民在基地务工，一年能挣三万多元。\n"
    )
    arts = parse_text(page).articles
    assert [a.headline and a.headline.text for a in arts] == ["市委常委会召开会议", "某村：茶叶铺就致富路"]
    assert [b.name for b in arts[0].bylines] == ["张晓明"] and arts[1].body_text.startswith("“今年")


@pytest.mark.parametrize(
    ("cut", "rest", "dateline", "lead"),
    [
        ("江城新闻讯6月", "24日，市委常委会召开会议，学习贯彻重要讲话精神。", "江城新闻讯", "6月24日"),
        (
            "2016年6月17日上",
            "午，市委副书记某某采取不发通知、不打招呼的方式暗访。",
            None,
            "2016年6月17日上午",
        ),
        ("本报讯 2016年", "6月17日，市委副书记某某采取不发通知的方式暗访。", "本报讯", "2016年6月17日"),
    ],
)
def test_a_leads_date_a_column_gap_cut_is_the_leads_not_a_subtitle(
    cut: str, rest: str, dateline: str | None, lead: str
) -> None:
    from fangzhi.pipeline import parse_text

    page = f"# 市委常委会召开会议\n\n{cut}\n\n{rest}\n\n会议强调，要切实履职尽责。\n\n# 某县召开项目推进会\n\n日前，某县召开项目推进会。\n"
    art = parse_text(page).articles[0]
    assert art.subtitle is None and art.body_text.startswith(lead)
    assert (art.dateline and art.dateline.text.strip()) == dateline


def test_a_paragraph_the_page_cut_inside_a_word_is_no_kicker_of_the_next_head() -> None:
    from fangzhi.pipeline import parse_text

    page = (
        "# 市人大常委会举行会议\n\n9月16日，市人大常委会第七次会议召开。市人大常委会主任某某主持会议。\n\n"
        "会议听取和审议了市政府关于促消费工\n\n"
        "市人大常委会举行第十一次会议\n\n某某主持\n\n本报讯 9月15日上午，市人大常委会第十一次会议举行。\n"
    )
    arts = parse_text(page).articles
    assert arts[-1].kicker is None and arts[-1].headline is not None
    assert arts[-1].headline.text == "市人大常委会举行第十一次会议"
    assert arts[0].body_text.endswith("关于促消费工")


def test_a_words_end_is_read_where_the_segmenter_reads_one() -> None:
    from fangzhi.read.reflow import ends_inside_word

    assert ends_inside_word("会议听取和审议了市政府关于促消费工")
    assert not ends_inside_word("奋力开创工业经济运行新局面") and not ends_inside_word("某村：茶叶铺就致富路")


def test_a_word_the_dictionary_knows_runs_across_a_gap_where_a_guess_does_not() -> None:
    from fangzhi.read.reflow import known_word_spans_gap

    assert known_word_spans_gap("我市开展安", "全生产大检查")
    assert not known_word_spans_gap("防治工作情", "州人大常委会举行第七次会议")
