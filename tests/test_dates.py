"""Article dates: where they are printed, how the year is found, what cannot be resolved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fangzhi.extract.dates import page_year, read_date
from tests.helpers import one, records


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


def test_no_year_anywhere_is_a_partial_date_and_a_problem_not_a_guess() -> None:
    fact, problems = read_date("5月11日，会议召开。", 0, issue=None, year_hint=None)
    assert fact.iso == "--05-11" and fact.source == "none"
    assert problems[0].code == "date.no_year"


def test_a_year_comes_from_the_issue_and_says_so() -> None:
    fact, _ = read_date(
        "5月11日，会议召开。", 0, issue=date(2023, 5, 12), year_hint=None, issue_source="masthead"
    )
    assert (fact.iso, fact.source) == ("2023-05-11", "masthead")


def test_a_bare_year_of_another_article_is_not_this_ones() -> None:
    page = (
        "# 某项工作取得进展\n\n5月11日，2022年度评价结果出炉，某机场再获优秀奖。\n\n"
        "# 另一篇报道\n\n本报讯 2023年5月10日，市委召开会议。\n"
    )
    recs = records(page)
    assert recs[0]["date"] == "2023-05-11" and recs[0]["date_source"] == "page"
    assert recs[1]["date"] == "2023-05-10" and recs[1]["date_source"] == "body"


def test_a_page_with_no_year_anywhere_gives_month_and_day() -> None:
    rec = one("# 某项工作取得进展\n\n本报讯 5月11日，市委召开会议。\n")
    assert (rec["date"], rec["date_source"]) == ("--05-11", "none")


def test_a_date_in_the_file_name_gives_the_year() -> None:
    from fangzhi.pipeline import parse_text
    from fangzhi.records import page_records

    recs = page_records(parse_text("# 某项工作\n\n本报讯 5月11日，市委召开会议。\n", "hyrb-20230512-02.txt"))
    assert (recs[0]["date"], recs[0]["date_source"]) == ("2023-05-11", "file-name")


def test_article_date_comes_from_a_wire_dateline() -> None:
    rec = one(
        "# 某项工作取得进展\n\n新华社北京2023年10月8日电（记者 甲某）记者从有关部门获悉，工作进展顺利。\n"
    )
    assert rec["date"] == "2023-10-08"


def test_the_archive_keeps_a_partial_date_and_where_each_year_came_from(tmp_path: Path) -> None:
    from fangzhi.archive import open_archive

    (tmp_path / "p.txt").write_text(
        "# 某项工作取得进展\n\n本报讯 5月11日，市委书记王建华主持召开会议。\n", encoding="utf-8"
    )
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([tmp_path / "p.txt"])
        row = a.conn.execute("SELECT date, date_source FROM articles").fetchone()
        assert tuple(row) == ("--05-11", "none")
        seen = a.conn.execute("SELECT first_seen FROM posts_held WHERE name = '王建华'").fetchall()
        assert seen and all(r[0] is None for r in seen)  # a partial date bounds no term


UNDATED = "# 某县推进秋冬种\n\n本报讯（记者 甲某）各乡镇抢抓农时推进秋冬种。\n\n（上接第一版）各地要加强领导，确保各项任务落实。\n"


def test_an_issue_date_given_dates_an_article_that_prints_none() -> None:
    rec = records(UNDATED, issue=date(2023, 11, 17))[0]
    assert (rec["date"], rec["date_source"]) == ("2023-11-17", "issue-date")


def test_without_an_issue_date_an_article_that_prints_none_has_no_date() -> None:
    rec = records(UNDATED)[0]
    assert (rec["date"], rec["date_source"]) == (None, "none")


def test_a_continuation_is_bounded_by_its_issue_not_dated_by_it() -> None:
    frag = records(UNDATED, issue=date(2023, 11, 17))[1]
    assert (frag["kind"], frag["date"], frag["date_not_after"]) == ("fragment", None, "2023-11-17")


def test_the_archive_keeps_the_latest_day_a_continuation_can_report(tmp_path: Path) -> None:
    from fangzhi.archive import open_archive
    from fangzhi.settings import Settings

    (tmp_path / "p.txt").write_text(UNDATED, encoding="utf-8")
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([tmp_path / "p.txt"], Settings(issue_date=date(2023, 11, 17)))
        rows = a.conn.execute("SELECT kind, date_not_after FROM articles ORDER BY seq").fetchall()
        assert [tuple(r) for r in rows] == [("news", None), ("fragment", "2023-11-17")]


@pytest.mark.parametrize(
    "lead", ["近日，江城县石门镇的稻田迎来丰收。", "为推动乡村振兴，日前，江城县召开现场会。"]
)
def test_a_lead_that_names_no_day_under_a_dated_dateline_is_undated(lead: str) -> None:
    # the dateline's day is when the report was filed; the lead says the event was some days before
    rec = one("# 稻田丰收\n\n江城日报3月5日讯（记者 张晓明）" + lead + "\n")
    assert rec["date"] is None


def test_a_lead_that_opens_on_its_subject_under_a_dated_dateline_takes_the_datelines_day() -> None:
    rec = one("# 市委书记调研春耕\n\n江城日报3月5日讯（记者 张晓明）市委书记王建国来到石门镇调研春耕生产。\n")
    assert rec["date"] == "--03-05"  # no year printed anywhere on the page


@pytest.mark.parametrize(
    "lead",
    ["国庆假期期间，走进某中学，书声琅琅。", "8月上旬，全市开展安全检查。", "本周，全市开展安全检查。"],
)
def test_a_lead_opening_with_a_span_of_days_dates_the_report_to_no_day(lead: str) -> None:
    from tests.helpers import records

    rec = records("# 某某标题\n\n某某网8月18日讯（记者 韩立） " + lead + "\n")
    assert rec[0]["date"] is None


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        ("“孩子在家门口就能上好学。”走进某中学，书声琅琅。", None),
        ("走进某中学，琅琅书声从教学楼里传出。", None),
        ("“这是我们的新家。”9月28日，在某村，村民甲说。", "--09-28"),
        ("市委书记甲会见某公司董事长一行。", "--09-30"),  # hard news: the dateline's day
    ],
)
def test_a_feature_opening_on_a_quotation_or_a_scene_is_dated_by_its_lead_not_its_dateline(
    lead: str, day: str | None
) -> None:
    from tests.helpers import records

    rec = records("# 某某标题\n\n本报某地9月30日讯（记者 韩立） " + lead + "\n")
    assert rec[0]["date"] == day
