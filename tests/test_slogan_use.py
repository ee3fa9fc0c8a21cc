"""Slogans decided by their use across articles: on one page at parse time, over the archive when
stored (hand-written pages)."""

from __future__ import annotations

from pathlib import Path

from fangzhi import Archive, open_archive
from tests.archive_pages import write_pages
from tests.helpers import records

LINE = "稳产保供、增收富民"
QUOTED = "# 全县秋冬种有序推进\n\n本报讯（记者 甲某）“稳产保供、增收富民”成为各乡镇的共识。\n\n"
QUOTED_AGAIN = "# 某镇召开座谈会\n\n本报讯（记者 乙某）与会人员表示，“稳产保供、增收富民”已落到实处。\n\n"
USED = "# 某区推进秋冬种\n\n本报讯（记者 丙某）该区紧紧围绕“稳产保供、增收富民”抓好秋冬种。\n\n"
SUMMED_UP = "# 某县政协召开常委会议\n\n本报讯（记者 丁某）他用“四个选择”概括了五年来的工作。\n\n"


def slogans_of(page: str) -> list[list[str]]:
    return [r["slogans"] for r in records(page)]


def test_a_line_quoted_once_without_a_cue_is_no_slogan() -> None:
    assert slogans_of(QUOTED) == [[]]


def test_a_line_quoted_in_two_articles_of_a_page_is_a_slogan_in_both() -> None:
    assert slogans_of(QUOTED + QUOTED_AGAIN) == [[LINE], [LINE]]


def test_a_line_one_article_uses_as_policy_is_a_slogan_where_another_quotes_it() -> None:
    assert slogans_of(QUOTED + USED) == [[LINE], [LINE]]


def test_a_summary_of_a_speech_quoted_twice_is_still_no_slogan() -> None:
    assert slogans_of(SUMMED_UP + SUMMED_UP.replace("某县", "某区")) == [[], []]


def stored(a: Archive) -> list[tuple[str, str]]:
    return a.conn.execute(
        "SELECT article_id, basis FROM slogans WHERE text = ? ORDER BY 1", (LINE,)
    ).fetchall()


def test_a_line_quoted_on_two_pages_is_a_slogan_of_the_archive(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", {"a.txt": QUOTED, "b.txt": QUOTED_AGAIN})
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages / "a.txt"])
        assert stored(a) == []
        a.ingest([pages / "b.txt"])
        assert [basis for _, basis in stored(a)] == ["repeated", "repeated"]


def test_a_page_using_the_line_as_policy_decides_the_quotes_stored_before(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", {"a.txt": QUOTED, "b.txt": USED})
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages / "a.txt"])
        a.ingest([pages / "b.txt"])
        assert sorted(basis for _, basis in stored(a)) == ["repeated", "use"]


def test_deleting_the_page_that_decided_a_line_makes_it_a_quote_again(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", {"a.txt": QUOTED, "b.txt": QUOTED_AGAIN})
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages])
        page = a.conn.execute("SELECT page_id FROM articles WHERE body LIKE '%与会人员%'").fetchone()[0]
        a.store.delete_page(page)
        assert stored(a) == []
        assert a.conn.execute("SELECT COUNT(*) FROM quotes WHERE text = ?", (LINE,)).fetchone()[0] == 1


def test_an_article_shows_why_each_of_its_slogans_is_one(tmp_path: Path) -> None:
    pages = write_pages(tmp_path / "pages", {"a.txt": QUOTED, "b.txt": USED})
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages])
        ids = [r[0] for r in a.conn.execute("SELECT id FROM articles")]
        shown = [s["basis"] for i in ids for s in (a.article(i) or {})["slogans"]]
        assert sorted(shown) == ["repeated", "use"]


STORY = (
    "“稳产保供、增收富民”成为各乡镇的共识。今年以来，全县各地抢抓农时，组织农机手开展秋冬种作业，"
    "截至目前已完成油菜播种面积十二万亩，小麦播种面积八万亩，均超过去年同期水平。县农业农村局组织技术人员"
    "深入田间地头，指导农户科学施肥、合理密植，确保苗齐苗壮。各乡镇还建立了秋冬种工作台账，实行周调度、"
    "月通报，对进度滞后的村组及时督促整改。\n\n据了解，全县今年计划完成秋冬种面积三十万亩，目前各项工作进展顺利，"
    "农资供应充足，价格总体平稳，农户种植积极性较高。\n"
)


def test_one_story_printed_by_two_papers_is_one_use_of_a_line(tmp_path: Path) -> None:
    from datetime import date

    from fangzhi.settings import Settings

    pages = write_pages(
        tmp_path / "pages",
        {
            "a.txt": "# 全县秋冬种有序推进\n\n某县报讯（记者 甲某）" + STORY,
            "b.txt": "# 某县推进秋冬种\n\n某市日报讯（记者 乙某）" + STORY,
        },
    )
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages / "a.txt"], Settings(publication="某县报", issue_date=date(2023, 11, 17)))
        a.ingest([pages / "b.txt"], Settings(publication="某市日报", issue_date=date(2023, 11, 18)))
        assert a.conn.execute("SELECT COUNT(*) FROM reprints").fetchone()[0] == 2
        assert stored(a) == []
