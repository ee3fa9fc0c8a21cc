"""Chinese full-text search finds what a reader types, and no query string breaks it."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fangzhi import Archive, open_archive
from fangzhi.query import QueryError
from tests.archive_pages import write_pages


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    root = tmp_path_factory.mktemp("search")
    with open_archive(root / "a.db") as a:
        a.ingest([write_pages(root / "pages")])
        yield a


def found(a: Archive, q: str, **filters: str | None) -> set[str]:
    return {h.id.rsplit("-", 1)[0].rsplit("-", 1)[-1] for h in a.search(q, limit=100, **filters).hits}


@pytest.mark.parametrize(
    ("query", "pages"),
    [
        ("调研", {"p2"}),  # a two-character word
        ("朱健", {"p1"}),  # a two-character name
        ("刘越高", {"p2"}),  # a three-character name
        ("安全", {"p1"}),  # a sub-word of 安全生产
        ("会议", {"p1", "p3"}),  # inside 主持会议 and 工作会议
        ("安全生产工作会议", {"p1"}),  # a long term is its phrase
        ("防汛", {"p2", "p3"}),
        ("防汛 会议", {"p3"}),  # AND by default
        ("调研 OR 颁奖", {"p2", "p4"}),
        ("防汛 -调研", {"p3"}),  # exclusion
        ('"防汛抗旱"', {"p3"}),  # exact phrase
        ("5G基站", {"p3"}),  # letters and characters together
        ("5g", {"p3"}),  # letters fold case
    ],
)
def test_queries_find_what_a_reader_expects(archive: Archive, query: str, pages: set[str]) -> None:
    assert found(archive, query) == pages


def test_a_single_character_where_asked(archive: Archive) -> None:
    assert found(archive, "朱") == {"p1", "p4"}  # 朱健 and 朱老师


def test_a_phrase_is_not_just_its_words(archive: Archive) -> None:
    assert found(archive, '"工作会议"') == {"p1"}
    assert found(archive, "推进会 安全") == set()


def test_filters_narrow_the_results(archive: Archive) -> None:
    assert found(archive, "会议", date_from="2023-07-01") == {"p3"}
    assert found(archive, "会议", person="朱健") == {"p1"}
    assert found(archive, "调研", place="衡山县") == {"p2"}
    assert found(archive, "会议", kind="commentary") == set()


def test_results_are_ranked_and_highlighted(archive: Archive) -> None:
    page = archive.search("防汛")
    assert page.total == 2
    assert all("【防汛】" in h.snippet for h in page.hits)
    assert page.hits[0].score >= page.hits[1].score


def test_sort_by_date(archive: Archive) -> None:
    assert [h.date for h in archive.search("会议", sort="date").hits] == ["2023-07-08", "2023-05-11"]


@pytest.mark.parametrize("query", ["", "   ", '"', "--", "()", "、。", "-调研"])
def test_queries_with_nothing_to_find_get_a_clear_message(archive: Archive, query: str) -> None:
    with pytest.raises(QueryError):
        archive.search(query)


@pytest.mark.parametrize(
    "query",
    [
        '会议" OR "',
        "NEAR(会议 调研)",
        "会议 AND",
        "OR",
        "col:会议",
        "调研*",
        "^会议",
        "'; DROP TABLE articles; --",
        "会议) OR (1=1",
        '"""',
        "{会议}",
        "会议 NOT",
    ],
)
def test_fts_syntax_and_sql_are_read_as_text(archive: Archive, query: str) -> None:
    with contextlib.suppress(QueryError):
        archive.search(query)
    assert archive.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 4


@given(st.text(max_size=40))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_query_string_gives_results_or_a_clear_message(archive: Archive, query: str) -> None:
    try:
        page = archive.search(query)
    except QueryError as e:
        assert str(e)
        return
    assert page.total >= len(page.hits)


def test_digits_then_a_lone_character_match_inside_longer_runs(tmp_path: Path) -> None:
    pages = {"d.txt": "# 标题\n\n某市日报讯（记者 甲某）2023年5月11日，市政府召开2023年第3次常务会议。\n"}
    with open_archive(tmp_path / "d.db") as a:
        a.ingest([write_pages(tmp_path / "p", pages)])
        assert a.search("2023年").total == 1  # 年 opens the run 年第3…: indexed as 年 and 年第
        assert a.search("第3次").total == 1
        assert a.search("3次常务").total == 1
        assert a.search("2023年第4次").total == 0


@pytest.mark.parametrize(
    ("term", "fts"),
    [
        ("2021年", '"2021 年"'),  # exact, not the prefix 年* that would read every 年x bigram
        ("第3次会议", '"第 3 次 次会 会议"'),
        ("5G基站", '"5g 基 基站"'),
        ("安全生产", '"安全 全生 生产"'),  # may sit inside a longer run at both ends
        ("朱", '"朱"*'),  # a lone character is all that stays a prefix query
    ],
)
def test_terms_that_run_into_digits_are_exact_phrases(term: str, fts: str) -> None:
    from fangzhi.store.fts import parse_query

    assert parse_query(term).fts == fts


def test_a_new_migration_brings_an_old_archive_forward(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    import fangzhi.store.schema as schema

    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    everything = schema.MIGRATIONS
    monkeypatch.setattr(schema, "MIGRATIONS", everything[:1])  # an archive made before migration 2
    assert schema.migrate(conn) == [1]
    monkeypatch.setattr(schema, "MIGRATIONS", everything)
    assert schema.migrate(conn) == [m[0] for m in everything[1:]]
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"mentions_name_article", "places_city_article"} <= names
