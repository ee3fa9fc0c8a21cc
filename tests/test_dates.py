"""Article dates: where they are printed, how the year is found, what cannot be resolved."""

from __future__ import annotations

from datetime import date

from fangzhi.extract.dates import page_year, read_date
from tests.helpers import one


def iso(text: str, issue: date | None = None, year: int | None = 2023) -> str | None:
    return read_date(text, 0, issue=issue, year_hint=year)[0].iso


def test_full_date_in_the_lead() -> None:
    assert iso("2020年12月31日中午，市长某某赴供电公司调研。") == "2020-12-31"


def test_month_and_day_take_the_page_year() -> None:
    fact, _ = read_date("11月17日，市委常委会召开会议。", 0, issue=None, year_hint=2023)
    assert fact.iso == "2023-11-17" and fact.year_inferred


def test_a_range_gives_its_first_day() -> None:
    assert iso("10月25—26日，全市推进会举行。") == "2023-10-25"
    assert iso("10月25日至26日，全市推进会举行。") == "2023-10-25"


def test_date_after_the_subject_in_the_opening_clause() -> None:
    assert iso("市委书记某某11月17日上午在某县调研时强调，") == "2023-11-17"


def test_a_date_beyond_the_opening_clause_is_not_the_event_date() -> None:
    assert iso("谋定而动，实至功成。2020年12月31日召开的会议明确提出。") is None


def test_relative_day_resolves_against_the_issue_date() -> None:
    assert iso("昨日上午，全市安全生产工作会议召开。", issue=date(2023, 5, 12)) == "2023-05-11"


def test_relative_day_without_issue_date_is_a_problem() -> None:
    fact, problems = read_date("昨日上午，全市会议召开。", 0, issue=None, year_hint=2023)
    assert fact.iso is None and problems[0].code == "date.relative"


def test_vague_day_gives_no_date_and_no_guess() -> None:
    assert iso("近日，衡东县委书记接受采访。") is None


def test_issue_date_in_january_puts_december_in_the_year_before() -> None:
    assert iso("12月30日，市委召开会议。", issue=date(2024, 1, 2), year=None) == "2023-12-30"


def test_dates_in_chinese_numerals() -> None:
    assert iso("二〇二三年十一月十七日，大会开幕。") == "2023-11-17"


def test_page_year_prefers_full_dates_then_the_latest() -> None:
    assert page_year("2023年8月25日成立。2022年度评价。2023年度方案。2019年统计数据。") == 2023
    assert page_year("没有年份。") is None


def test_no_year_anywhere_is_a_problem_not_a_guess() -> None:
    fact, problems = read_date("5月11日，会议召开。", 0, issue=None, year_hint=None)
    assert fact.iso is None and problems[0].code == "date.no_year"


def test_article_date_comes_from_a_wire_dateline() -> None:
    rec = one(
        "# 某项工作取得进展\n\n新华社北京2023年10月8日电（记者 甲某）记者从有关部门获悉，工作进展顺利。\n"
    )
    assert rec["date"] == "2023-10-08"
