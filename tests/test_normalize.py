"""Normalising: markup out, widths folded, furniture set aside, offsets kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fangzhi.model import RawPage
from fangzhi.read.normalize import normalize


def page(text: str) -> tuple[str, list[str], list[str]]:
    p = normalize(RawPage("t.txt", text, "utf-8", "", len(text)))
    return p.text, [ln.span.of(p.text) for ln in p.lines], [f.span.of(p.text) for f in p.furniture]


def test_markdown_heading_marks_are_removed_and_remembered() -> None:
    p = normalize(RawPage("t.txt", "## 市政府召开常务会议\n", "utf-8", "", 0))
    assert p.lines[0].span.of(p.text) == "市政府召开常务会议"
    assert p.lines[0].heading == 2


def test_bold_marks_are_removed() -> None:
    _, lines, _ = page("**衡阳晚报讯** (全媒体记者 陈某) 5月11日，会议召开。")
    assert lines[0].startswith("衡阳晚报讯 （全媒体记者 陈某）")


def test_bullet_is_removed_and_its_place_marked() -> None:
    p = normalize(RawPage("t.txt", "■本报评论员\n", "utf-8", "", 0))
    assert p.lines[0].span.of(p.text) == "本报评论员"
    assert p.lines[0].marks == (p.lines[0].span.start,)


def test_half_width_punctuation_in_chinese_becomes_full_width() -> None:
    _, lines, _ = page("10月26日下午,全市推进会召开;会议指出:要抓落实!")
    assert lines[0] == "10月26日下午，全市推进会召开；会议指出：要抓落实！"


def test_numbers_keep_their_half_width_separators() -> None:
    _, lines, _ = page("产值达1,200亿元，会议于10:30开始。")
    assert "1,200" in lines[0] and "10:30" in lines[0]


def test_full_width_digits_fold_to_ascii() -> None:
    _, lines, _ = page("２０２３年５月１１日，增长７．２％。")
    assert lines[0].startswith("2023年5月11日") and "%" in lines[0]


def test_stray_space_inside_prose_is_removed() -> None:
    _, lines, _ = page(
        "会议强调，要坚定不移推进高质量发展，全力以赴完成全年目 标任务，确保各项工作落地见效。"
    )
    assert "目标任务" in lines[0]


def test_spaces_between_credited_names_stay() -> None:
    _, lines, _ = page(
        "本报讯 记者 张某 李某 报道 5月3日，全市安全生产工作会议召开，会议强调，要压实责任，守住底线。"
    )
    assert "张某 李某" in lines[0]


def test_spaces_inside_titles_and_quotes_stay() -> None:
    _, lines, _ = page(
        "演出《一路有你 筑梦有我》和“文明创建 有你有我”主题活动在市文化中心举行，吸引了大批市民。"
    )
    assert "一路有你 筑梦有我" in lines[0] and "文明创建 有你有我" in lines[0]


def test_headline_keeps_the_space_between_its_phrases() -> None:
    _, lines, _ = page("# 坚定信心 攻坚克难 笃行实干\n")
    assert lines[0] == "坚定信心 攻坚克难 笃行实干"


def test_paper_name_glued_to_a_sentence_is_furniture() -> None:
    _, lines, furniture = page("确保在实现美好蓝图中展现更多担当。某某日报\n")
    assert lines == ["确保在实现美好蓝图中展现更多担当。"]
    assert furniture == ["某某日报"]


def test_folio_and_editor_lines_are_furniture() -> None:
    _, lines, furniture = page("2023年11月17日 星期五\n\n责任编辑：王某\n\n第3版\n\n市委召开会议。\n")
    assert lines == ["市委召开会议。"]
    assert len(furniture) == 3


@pytest.mark.parametrize(
    "roll", ["某某网主播|韩立责任编辑|赵雪二审编辑|钱江终审编辑|孙梅监制|李涛", "编辑|韩立 审核|赵雪"]
)
def test_a_review_chain_of_labels_and_names_parted_by_bars_is_furniture(roll: str) -> None:
    _, lines, furniture = page("市委召开会议，研究部署工作。\n\n" + roll + "\n")
    assert lines == ["市委召开会议，研究部署工作。"]
    assert furniture == [roll]


def test_a_reporters_and_a_photographers_names_parted_by_bars_are_no_review_chain() -> None:
    _, lines, furniture = page("记者|韩立 摄影|赵雪\n\n市委召开会议，研究部署工作。\n")
    assert lines[0] == "记者|韩立 摄影|赵雪" and not furniture


def test_offsets_map_each_character_back_to_the_raw_page() -> None:
    raw = "## 标题\n\n**本报讯** (记者 甲某) 正文,继续。\r\n"
    p = normalize(RawPage("t.txt", raw, "utf-8", "", 0))
    for line in p.lines:
        for a, b in p.offsets.raw_ranges(line.span.start, line.span.end):
            assert "*" not in raw[a:b] and "#" not in raw[a:b] and "\r" not in raw[a:b]
    start = p.text.index("正文")
    assert raw[p.offsets.to_raw(start)] == "正"


def test_blank_lines_are_counted_as_the_gap_before_a_line() -> None:
    p = normalize(RawPage("t.txt", "甲\n\n\n乙\n丙", "utf-8", "", 0))
    assert [ln.gap for ln in p.lines] == [0, 2, 0]


@given(st.text(alphabet="（）()【】《》“”甲 ", max_size=60))
def test_bracket_depths_in_one_pass_equal_depths_counted_afresh(line: str) -> None:
    from fangzhi.lexicon import chars
    from fangzhi.read.normalize import _BRACKET, _bracket_depths

    def afresh(pos: int) -> int:
        depth = 0
        for m in _BRACKET.finditer(line, 0, pos):
            depth = depth + 1 if m.group() in chars.OPENERS else max(depth - 1, 0)
        return depth

    positions = [i for i, c in enumerate(line) if c == " "]
    assert _bracket_depths(line, positions) == [afresh(p) for p in positions]


@pytest.mark.parametrize(
    "line",
    [
        "来源：某某新闻网 浏览：1858 2010-6-2",
        "刊发日期：2011-12-08 阅读次数： 作者：  语音阅读：",
        "某某日报 2011-12-16 06:30 大字",
        "发布时间：2023-03-06 来源：某某日报",
        "来源：某某日报 | 2023-03-06",
        "索引号：001-2023-00123 发布机构：某某县人民政府办公室",
    ],
)
def test_a_web_pages_particulars_are_furniture(line: str) -> None:
    from fangzhi.pipeline import parse_text

    lead = "3月5日，市委召开常委会会议，研究部署重点工作。会议强调，要狠抓落实。"
    parsed = parse_text(f"市委召开常委会会议\n{line}\n{lead}")
    assert [f.kind for f in parsed.page.furniture] == ["particulars"]
    (article,) = parsed.articles
    assert article.headline is not None and article.headline.text == "市委召开常委会会议"
    assert article.body_text == lead


@pytest.mark.parametrize("line", ["来源：新华社", "时间：3月5日上午 地点：市民中心", "作者：张某"])
def test_lines_a_report_prints_itself_are_no_particulars(line: str) -> None:
    from fangzhi.lexicon.layout import particulars_line

    assert not particulars_line(line)


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ("2023-03-05 10:20:33", "under"),
        ("分享到：", "under"),
        ("阅读：1234", "under"),
        ("时间：2023-03-05 10:20", "under"),
        ("上一篇：某某召开项目推进会", "after"),
        ("【打印本页】 【关闭窗口】", "after"),
        ("扫一扫在手机打开当前页", "after"),
        ("【纠错】", "after"),
        ("版权所有：某某日报社", "after"),
        ("点赞 收藏 分享", "after"),
        ("当前位置：首页 > 新闻中心 > 本地新闻", "under"),
        ("首页 >> 要闻", "after"),
        # the page's day and weekday beside its controls, a breadcrumb's label in the first person,
        # a link line with arrows and the day, a counter left empty, a call to scroll
        ("2016-5-19 星期四     字体设置：", "under"),
        ("我的位置： 首页 > 市县新闻>某州 > 正文", "under"),
        ("<<上一篇    下一篇>> 2016年6月7日", "after"),
        ("- 浏览次数：", "under"),
        ("滑动查看更多", "after"),
    ],
)
def test_a_web_pages_chrome_is_furniture(line: str, where: str) -> None:
    from fangzhi.pipeline import parse_text

    one = "3月5日，市委召开常委会会议，研究部署重点工作。会议强调，要狠抓落实。"
    two = "日前，市长杨某深入城区调研重点项目建设。他强调，要加快项目进度。"
    if where == "under":
        page = f"市委召开常委会会议\n{line}\n{one}\n\n杨某调研重点项目建设\n{line}\n{two}"
    else:
        page = f"市委召开常委会会议\n{one}\n{line}\n\n杨某调研重点项目建设\n{two}\n{line}"
    parsed = parse_text(page)
    assert {f.kind for f in parsed.page.furniture} == {"chrome"}
    assert [a.body_text for a in parsed.articles] == [one, two]


@pytest.mark.parametrize(
    "line",
    ["时间：3月5日上午9时", "更多精彩内容请关注", "大中小学生", "2016年6月7日 星期二", "——访市委书记某某"],
)
def test_text_that_only_looks_like_chrome_stays(line: str) -> None:
    from fangzhi.lexicon.layout import chrome_line

    assert not chrome_line(line)


def test_a_folio_with_its_sections_name_after_a_colon_is_furniture() -> None:
    from fangzhi.pipeline import parse_text

    lead = "3月5日，市委召开常委会会议，研究部署重点工作。会议强调，要狠抓落实。"
    parsed = parse_text(f"A5版：文化·副刊\n\n市委召开常委会会议\n\n{lead}")
    assert [f.kind for f in parsed.page.furniture] == ["page-header"]
    assert [a.body_text for a in parsed.articles] == [lead]


def test_no_line_furniture_matches_is_longer_than_the_length_tried() -> None:
    from fangzhi.lexicon.layout import FURNITURE_LINE, FURNITURE_MAX

    longest = [
        "某某 2023年3月5日 星期日 " + "要" * 40,
        "（本版责任编辑：" + "张" * 61,
        "发布时间：2023-03-05 10:20:33 来源：" + "江" * 60,
        "本期新闻热线：" + "1" * 40,
    ]
    assert all(FURNITURE_LINE.match(s) for s in longest)
    assert all(len(s) <= FURNITURE_MAX for s in longest)


@pytest.mark.parametrize(
    "line",
    [
        "04 │ 要闻 │ 2023年5月3日",
        "A2 要闻 2023年5月3日 星期三",
        "www.example.com.cn",
        "http://www.example.gov.cn/a/b.html",
    ],
)
def test_a_page_header_of_furniture_parts_or_an_address_is_set_aside(line: str) -> None:
    text = "# 全市重点项目建设推进会召开\n本报讯 5月3日，全市重点项目建设推进会召开。\n" + line + "\n"
    page = normalize(RawPage("p.txt", text, "utf-8", "", len(text)))
    assert [page.text[x.span.start : x.span.end] for x in page.lines][
        -1
    ] == "本报讯 5月3日，全市重点项目建设推进会召开。"
    assert any(f.kind == "page-header" for f in page.furniture)


@pytest.mark.parametrize("line", ["聚焦 乡村振兴", "全市重点项目 建设推进会"])
def test_a_kickers_spaced_words_are_no_page_header(line: str) -> None:
    from fangzhi.lexicon.layout import header_line

    assert not header_line(line)


@pytest.mark.parametrize(
    "line", ["星期日", "当前报纸名称：某某日报", "时间：", "来源:", "——2016年5月9日1版", "电子报阅读机"]
)
def test_an_e_paper_reader_s_particulars_one_a_line_are_furniture(line: str) -> None:
    from fangzhi.lexicon.layout import furniture_line

    assert furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "首页 新闻中心 政务要闻",
        "首页 > 本地新闻 > 要闻",
        "某某蒙古自治州人民政府网 2022年3月1日 星期二",
        "2025年1月18日 放大 缩小 默认",  # a web page's date beside its type-size buttons
    ],
)
def test_a_web_page_s_menu_and_a_long_site_name_over_its_date_are_furniture(line: str) -> None:
    from fangzhi.lexicon.layout import furniture_line

    assert furniture_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "周末",
        "星期日上午，全市召开会议。",
        "时间：3月5日上午9时",
        "——他说。",
        "首页推出新栏目",
        "首钢召开大会",
    ],
)
def test_a_report_s_lines_that_open_alike_are_not_furniture(line: str) -> None:
    from fangzhi.lexicon.layout import furniture_line

    assert not furniture_line(line)


def test_an_e_paper_reader_s_name_alone_over_a_head_is_not_the_headline() -> None:
    from fangzhi.pipeline import parse_text

    page = (
        "电子报阅读机\n县委常委会召开会议\n"
        "本报讯（记者 王小明）2024年5月5日，县委书记李大同主持召开县委常委会会议，研究部署近期工作。\n"
        "会议强调，要坚持问题导向，扎实推进各项工作落地见效。\n"
    )
    (article,) = parse_text(page).articles
    assert article.headline is not None and article.headline.text == "县委常委会召开会议"


_UNDER_HEADER = (
    "江城日报 | 2023-03-05\n3月5日，市委常委会召开会议，研究部署近期重点工作。市领导刘明出席会议。\n"
)


def test_a_short_name_over_the_page_header_is_the_papers_masthead() -> None:
    from fangzhi.pipeline import parse_text

    page = parse_text("今日江城\n" + _UNDER_HEADER)
    assert page.publication == "今日江城"
    assert all(a.headline is None or a.headline.text != "今日江城" for a in page.articles)


@pytest.mark.parametrize("title", ["市委常委会召开会议", "市领导走访企业", "书记暗访夜市", "市长会见客商"])
def test_a_title_naming_what_happened_over_the_page_header_is_the_reports_head(title: str) -> None:
    from fangzhi.pipeline import parse_text

    page = parse_text(title + "\n" + _UNDER_HEADER)
    assert page.publication != title
    assert [a.headline.text if a.headline else None for a in page.articles] == [title]


@pytest.mark.parametrize(
    "line",
    [
        "主编 韩立",
        "责任校对 韩立",
        "摄制 | 韩立",
        "责任编辑│韩立",
        "第2020-10-25期",
        "©某某报业传媒发展有限公司",
        "欢迎分享转发",
        "转载须注明来源某某(ID:abcd)",
        "投稿邮箱:",
        "过往期刊",
        "值班主任：韩立",
        "今日8版 总第3640期 星期六",
    ],
)
def test_editors_copyright_and_account_lines_are_furniture(line: str) -> None:
    assert_set_aside_under_a_sentence(line)


def assert_set_aside_under_a_sentence(line: str) -> None:
    _, lines, furniture = page("市委召开会议，研究部署工作。\n\n" + line + "\n")
    assert lines == ["市委召开会议，研究部署工作。"]
    assert len(furniture) == 1  # the line, its punctuation folded to full width


@pytest.mark.parametrize(
    "line",
    [
        "展开详细",
        "阅读全文>>>",
        "背景色：",
        "新岭南>广东>某市>某市新闻>正文",
        "您所在的位置：某某网>>新闻>>聚焦",
        "更多详细新闻请浏览某某网",
        "某某集团系列数字报刊",
        "中共某某州委宣传部主办",
        "某某晚报数字报",
        "某某数字报纸",
        "某某网 某某数字报",  # the portal's name, a space, then its e-paper's
        "日期：[2024年8月23日] -- 某某报 -- 版次：[A3]",  # an e-paper's particulars
        "某某日报 | 2024年03月05日 07:30",  # the outlet, a bar and the day in characters
        "通版阅读请点击：",
        ">>我要举报",
        "最新文章",
        "点击蓝字 关注我们",
        "您现在的位置是：首页>某某>详细内容",
    ],
)
def test_a_web_pages_controls_trails_and_footer_are_set_aside(line: str) -> None:
    assert_set_aside_under_a_sentence(line)


@pytest.mark.parametrize(
    "line", ["主编强调要抓好落实", "第三期培训班开班", "欢迎来到美丽乡村", "大会由市委宣传部主办。"]
)
def test_a_sentence_that_opens_as_furniture_does_is_text(line: str) -> None:
    _, lines, furniture = page(line + "\n")
    assert lines == [line] and not furniture


def test_a_line_of_page_numbers_and_controls_is_chrome() -> None:
    _, lines, furniture = page("3 上一篇  下一篇 4 放大 缩小 默认\n\n市委召开会议，研究部署工作。\n")
    assert lines == ["市委召开会议，研究部署工作。"] and len(furniture) == 1


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("综合 >2024-5-27编印", "2024-05-27"),
        ("刊发日期：2019-08-01 阅读次数： 作者：  语音阅读：", "2019-08-01"),
        ("2023年11月17日 星期五", "2023-11-17"),
    ],
)
def test_the_pages_date_from_its_header_or_its_published_particulars(line: str, day: str) -> None:
    p = normalize(RawPage("t.txt", line + "\n\n市委召开会议，研究部署工作。\n", "utf-8", "", 0))
    assert p.printed_date is not None and p.printed_date.isoformat() == day
