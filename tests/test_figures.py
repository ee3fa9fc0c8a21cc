"""Figures: the number, its unit as printed, what it measures and how it stands."""

from __future__ import annotations

from fangzhi.extract.figures import FigureHit, find_figures


def one(text: str) -> FigureHit:
    hits = find_figures(text)
    assert len(hits) == 1, hits
    return hits[0]


def test_a_change_names_its_measure_and_qualifier() -> None:
    hit = one("前三季度，全市规模工业增加值增长7.2%。")
    assert (hit.text, hit.value, hit.unit) == ("7.2%", 7.2, "%")
    assert (hit.measure, hit.qualifier) == ("规模工业增加值", "增长")


def test_an_approximation_and_a_multiplier_kept_in_the_unit() -> None:
    hit = one("输变电产业产值近400亿元。")
    assert (hit.value, hit.unit, hit.qualifier) == (400, "亿元", "近")
    assert hit.measure is not None and hit.measure.endswith("产值")


def test_what_is_counted_follows_the_unit() -> None:
    hit = one("目前，全市已有225家输变电产业集群企业。")
    assert (hit.value, hit.unit, hit.measure, hit.qualifier) == (225, "家", "输变电产业集群企业", None)


def test_a_measure_reaches_across_the_verb_that_governs_the_number() -> None:
    assert one("全市规上企业已有225家。").measure == "规上企业"


def test_percentage_points_compared_across_a_scope_word() -> None:
    hit = one("增速高于全省1.3个百分点。")
    assert (hit.value, hit.unit, hit.qualifier) == (1.3, "个百分点", "高于")


def test_a_qualifier_of_two_words_with_le() -> None:
    assert one("营业收入同比增长了12.5%。").qualifier == "同比增长"


def test_a_qualifier_after_the_figure() -> None:
    hit = one("组织三成以上企业参加。")
    assert (hit.value, hit.unit, hit.measure, hit.qualifier) == (3, "成", "企业", "以上")


def test_a_chinese_numeral_with_more_than() -> None:
    hit = one("举办十余场招聘会。")
    assert (hit.text, hit.value, hit.unit, hit.measure) == ("十余场", 10, "余场", "招聘会")


def test_a_chinese_multiplier_moves_to_the_unit() -> None:
    hit = one("发放宣传资料一百二十万份。")
    assert (hit.value, hit.unit, hit.measure) == (120, "万份", "宣传资料")


def test_liang_is_two() -> None:
    assert one("新建两个产业园。").value == 2


def test_thousands_separators_and_decimals() -> None:
    assert one("完成投资1,234.5万元。").value == 1234.5


def test_a_range_gives_its_first_number() -> None:
    hit = one("预计增长10—15%。")
    assert (hit.value, hit.unit) == (10, "%")


def test_dates_and_years_are_no_figures() -> None:
    assert find_figures("2023年11月17日上午，10月25—26日") == []


def test_ordinals_are_no_figures() -> None:
    assert find_figures("第三届湖南旅发大会，中国残联第八次代表大会，第15次会议") == []


def test_session_numbers_are_no_figures() -> None:
    assert find_figures("市委十二届五次全会，市十六届人大三次会议") == []


def test_telephone_numbers_and_times_are_no_figures() -> None:
    assert find_figures("咨询电话：0734-8888888，上午8:30开始") == []


def test_yi_before_a_classifier_is_an_article() -> None:
    assert find_figures("形成一个中心、一批项目，一次性解决") == []


def test_numbered_slogans_are_no_counts() -> None:
    assert find_figures("坚决落实“四个最严”要求，深刻领悟两个确立") == []


def test_a_vague_count_is_no_figure() -> None:
    assert find_figures("数十家企业参加") == []


def test_a_unit_character_opening_a_word_is_no_unit() -> None:
    assert find_figures("12部门联合印发通知，庆祝成立70周年") == []


def test_offsets_cover_the_figure_as_printed() -> None:
    text = "累计免费服务旅客近25万人次。"
    hit = one(text)
    assert text[hit.start : hit.end] == hit.text == "25万人次"
    assert hit.unit == "万人次"


def test_yi_with_a_multiplier_is_a_count() -> None:
    hit = one("吸引一万人次参加。")
    assert (hit.value, hit.unit) == (1, "万人次")


def test_a_run_of_numerals_cn2an_cannot_read_is_no_figure_and_no_crash() -> None:
    # cn2an raises KeyError on 一亿一 read as spoken (一万二 = 12000): no number is read from it
    assert all(h.text != "一亿一个" for h in find_figures("共有一亿一个项目"))
