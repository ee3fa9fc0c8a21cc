"""Search at archive scale: row ids in date order, the ranking window, capped counts, the two ways
of applying a person or place filter, facets and trends read off the row ids, corpus totals."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

import fangzhi.search as search_mod
from fangzhi import Archive, open_archive
from fangzhi.query import QueryError
from fangzhi.store.keys import DAY_BITS, day_number, month_of_day, rowid_range

START = date(2021, 1, 3)
N_DATED = 24
HEADLINE_PAGE = 5  # 防汛 in its headline: ranks first
REPEAT_PAGE = 7  # 防汛 three times in its body: ranks second
MAYOR_PAGES = range(0, 6)  # 市长王立 is named on these


def _page(i: int) -> str:
    d = START + timedelta(days=15 * i)
    head = "全市防汛工作会议召开" if i == HEADLINE_PAGE else f"全市第{i}次工作推进会召开"
    flood = "防汛抗旱、防汛物资和防汛队伍" if i == REPEAT_PAGE else "防汛"
    mayor = "市长王立主持会议。" if i in MAYOR_PAGES else "副市长黄敏主持会议。"
    return (
        f"# {head}\n\n某市日报讯（记者 甲某）{d.year}年{d.month}月{d.day}日，全市工作推进会召开。{mayor}"
        f"会议要求，各地要做好{flood}等各项工作，确保群众生命财产安全，推动各项任务落到实处。\n"
    )


def _undated(i: int) -> str:
    return f"# 小区排水设施第{i}次检修\n\n本报讯 近日，市民反映小区防汛排水设施年久失修，有关部门已安排人员检修。\n"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    root = tmp_path_factory.mktemp("ranking")
    pages = root / "pages"
    pages.mkdir()
    order = list(range(N_DATED))
    random.Random(7).shuffle(order)  # file names, hence ingest order, unlike date order
    for rank, i in enumerate(order):
        (pages / f"{rank:02d}-p{i:02d}.txt").write_text(_page(i), encoding="utf-8")
    for i in range(2):
        (pages / f"z{i}-letter.txt").write_text(_undated(i), encoding="utf-8")
    with open_archive(root / "a.db") as a:
        a.ingest([pages])
        yield a


def _date(i: int) -> str:
    return (START + timedelta(days=15 * i)).isoformat()


def test_day_numbers_are_sqlites_julian_days() -> None:
    conn = sqlite3.connect(":memory:")
    for iso in ("1872-04-30", "1949-10-01", "2000-02-29", "2023-05-12", "2099-12-31"):
        assert day_number(iso) == conn.execute("SELECT CAST(julianday(?) AS INTEGER)", (iso,)).fetchone()[0]
    assert day_number(None) == day_number("not a date") == 0
    assert month_of_day(day_number("2024-02-29")) == "2024-02"


def test_a_month_bound_ends_on_the_months_last_day() -> None:
    lo, hi = rowid_range("2024-02", "2024-02")
    assert lo >> DAY_BITS == day_number("2024-02-01")
    assert hi >> DAY_BITS == day_number("2024-02-29")
    assert rowid_range("2023", None)[0] >> DAY_BITS == day_number("2023-01-01")


@pytest.mark.parametrize("bound", ["2023-13", "2023-02-30", "yesterday", "23-05"])
def test_a_bound_that_is_no_date_is_a_clear_error(archive: Archive, bound: str) -> None:
    with pytest.raises(QueryError, match="not a date"):
        archive.search("防汛", date_to=bound)


def test_row_ids_follow_dates_whatever_the_ingest_order(archive: Archive) -> None:
    dates = [r[0] for r in archive.conn.execute("SELECT date FROM articles ORDER BY rowid")]
    assert dates[:2] == [None, None]  # undated first
    assert dates[2:] == sorted(_date(i) for i in range(N_DATED))


def test_date_sort_is_newest_first_and_complete(archive: Archive) -> None:
    hits = archive.search("防汛", sort="date", limit=100).hits
    dated = [h.date for h in hits if h.date]
    assert dated == sorted((_date(i) for i in range(N_DATED)), reverse=True)
    assert len(hits) == N_DATED + 2


def test_relevance_ranks_a_small_result_whole(archive: Archive) -> None:
    hits = archive.search("防汛", limit=3).hits
    assert [h.date for h in hits[:2]] == [_date(HEADLINE_PAGE), _date(REPEAT_PAGE)]
    assert hits[0].score > hits[1].score > hits[2].score > 0


def test_past_the_window_older_matches_follow_newest_first(archive: Archive) -> None:
    window = 6
    hits = archive.search("防汛", limit=100, window=window).hits
    newest = sorted((_date(i) for i in range(N_DATED)), reverse=True)
    assert sorted((h.date for h in hits[:window]), reverse=True) == newest[:window]  # the window …
    assert [h.score for h in hits[:window]] == sorted((h.score for h in hits[:window]), reverse=True)
    assert [h.date for h in hits[window:N_DATED]] == newest[window:]  # … then the rest by date
    assert [h.date for h in hits[N_DATED:]] == [None, None]


@pytest.mark.parametrize("window", [1, 5, 7, 1000])
def test_paging_reaches_every_match_once(archive: Archive, window: int) -> None:
    everything = [h.id for h in archive.search("防汛", limit=100, window=window).hits]
    paged: list[str] = []
    for offset in range(0, 30, 4):
        paged += [h.id for h in archive.search("防汛", limit=4, offset=offset, window=window).hits]
    assert paged == everything
    assert len(set(everything)) == N_DATED + 2


def test_a_total_past_the_cap_is_a_lower_bound(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_mod, "COUNT_CAP", 5)
    page = archive.search("防汛", limit=3, window=3)
    assert (page.total, page.total_exact) == (5, False)
    assert page.as_dict()["total_exact"] is False
    everything = archive.search("防汛", limit=100)
    assert len(everything.hits) == N_DATED + 2  # the hits themselves are not capped …
    assert everything.total == N_DATED + 2  # … and the bound is no less than the hits in hand
    assert archive.search("第3次").total_exact


@pytest.mark.parametrize(
    "filters",
    [{"person": "王立"}, {"kind": "news"}, {"publication": "某市日报"}, {"person": "王立", "kind": "news"}],
)
def test_a_filtered_total_past_the_scan_is_a_lower_bound(
    archive: Archive, monkeypatch: pytest.MonkeyPatch, filters: dict[str, str]
) -> None:
    full = archive.search("防汛", limit=100, **filters)
    assert full.total_exact and full.total == len(full.hits)
    monkeypatch.setattr(search_mod, "SMALL_SET", 0)  # read the index, not the person's articles
    monkeypatch.setattr(search_mod, "SCAN_CAP", 3)  # the newest three matches are tested
    first = archive.search("防汛", limit=1, window=1, **filters)
    assert not first.total_exact and 1 <= first.total <= 3
    capped = archive.search("防汛", limit=100, **filters)
    assert [h.id for h in capped.hits] == [h.id for h in full.hits]  # the hits are all there
    assert (capped.total, capped.total_exact) == (len(full.hits), False)


@pytest.mark.parametrize("query", ["防汛", "会议 -读者", "防", "王立 OR 黄敏"])
def test_a_person_filter_finds_the_same_either_way(
    archive: Archive, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    def hits() -> list[tuple[str, float]]:
        return [(h.id, h.score) for h in archive.search(query, person="王立", limit=50).hits]

    chosen = hits()
    monkeypatch.setattr(search_mod, "LOOKUP_COST", 0)  # a test costs nothing: test one by one
    one_by_one = hits()
    monkeypatch.setattr(search_mod, "SMALL_SET", 0)  # no set is small: read the index
    from_index = hits()
    assert chosen == one_by_one == from_index
    assert len(chosen) == len(MAYOR_PAGES)


def test_filters_combine_with_a_date_range(archive: Archive) -> None:
    hits = archive.search("防汛", person="王立", date_from=_date(2), date_to=_date(4), sort="date").hits
    assert [h.date for h in hits] == [_date(4), _date(3), _date(2)]


def test_a_date_range_leaves_out_undated_articles(archive: Archive) -> None:
    assert all(h.date for h in archive.search("防汛", date_to="2099", limit=100).hits)
    assert archive.search("防汛", date_to="2099").total == N_DATED


def test_month_facets_and_trends_are_read_off_row_ids(archive: Archive) -> None:
    from fangzhi import query

    months = Counter(_date(i)[:7] for i in range(N_DATED))
    facets = query.facets(archive.conn, "防汛")
    assert {f["value"]: f["count"] for f in facets["month"]} == months
    assert facets["basis"] == N_DATED + 2
    series = query.trends(archive.conn, ["防汛"])
    counts = dict(zip(series.months, series.series[0].counts, strict=True))
    assert {m: n for m, n in counts.items() if n} == months


def _corpus(conn: sqlite3.Connection) -> tuple[int, int]:
    row = conn.execute("SELECT articles, chars FROM corpus").fetchone()
    return int(row[0]), int(row[1])


def _counted(conn: sqlite3.Connection) -> tuple[int, int]:
    row = conn.execute(
        "SELECT COUNT(*), SUM(length(COALESCE(kicker, '')) + length(COALESCE(headline, '')) "
        "+ length(COALESCE(subtitle, '')) + length(body)) FROM articles"
    ).fetchone()
    return int(row[0]), int(row[1] or 0)


def test_corpus_totals_follow_every_write(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(3):
        (pages / f"p{i}.txt").write_text(_page(i), encoding="utf-8")
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages])
        assert _corpus(a.conn) == _counted(a.conn) and _corpus(a.conn)[0] == 3
        (pages / "p1.txt").write_text(_page(1) + "补充：防汛值班电话已公布，请市民留意。\n", encoding="utf-8")
        a.ingest([pages])  # a changed page is replaced
        assert _corpus(a.conn) == _counted(a.conn)
        page_id = a.conn.execute("SELECT id FROM pages WHERE name = 'p0.txt'").fetchone()[0]
        assert a.store.delete_page(page_id)
        assert _corpus(a.conn) == _counted(a.conn) and _corpus(a.conn)[0] == 2


def test_migration_4_renumbers_an_old_archive_by_date(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for rank, i in enumerate([3, 0, 2, 1]):
        (pages / f"{rank}-p{i}.txt").write_text(_page(i), encoding="utf-8")
    db = tmp_path / "old.db"
    with open_archive(db) as a:
        a.ingest([pages])
        before = [(h.id, h.score) for h in a.search("防汛").hits]
    _make_it_an_archive_of_migration_3(db)
    with open_archive(db) as a:
        dates = [r[0] for r in a.conn.execute("SELECT date FROM articles ORDER BY rowid")]
        assert dates == sorted(dates)
        assert [(h.id, h.score) for h in a.search("防汛").hits] == before
        assert _corpus(a.conn) == _counted(a.conn)
        assert a.conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] >= 4
        fts = a.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
        assert "tokenize='ascii'" in fts
        assert a.conn.execute("SELECT COUNT(*) FROM persons WHERE pinyin IS NULL").fetchone()[0] == 0


def _make_it_an_archive_of_migration_3(db: Path) -> None:
    """What fangzhi made before migration 4: row ids in ingest order, no corpus table."""
    from fangzhi.store.fts import head_text, index_text

    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    conn.execute("DROP TABLE articles_fts")
    conn.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(head, body, content='', "
        "tokenize='unicode61 remove_diacritics 0')"
    )
    rows = conn.execute("SELECT rowid, kicker, headline, subtitle, body FROM articles ORDER BY id").fetchall()
    conn.execute("UPDATE articles SET rowid = -rowid")
    for new, (old, kicker, headline, subtitle, body) in enumerate(rows, 1):
        conn.execute("UPDATE articles SET rowid = ? WHERE rowid = ?", (new, -old))
        conn.execute(
            "INSERT INTO articles_fts(rowid, head, body) VALUES (?, ?, ?)",
            (new, index_text(head_text(kicker, headline, subtitle)), index_text(body)),
        )
    conn.execute("DROP TABLE corpus")
    conn.execute("DROP INDEX pages_content")  # migration 7's, as later ones are not there yet
    conn.execute("ALTER TABLE pages DROP COLUMN reading")
    conn.execute("ALTER TABLE articles DROP COLUMN date_source")  # migration 8's
    conn.execute("ALTER TABLE mentions DROP COLUMN referenced")  # migration 9's
    conn.execute("DROP VIEW counted_events")  # migration 14's
    for table in ("reprints", "reprint_bands", "reprint_signatures"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP VIEW posts_held")  # migration 10's columns, and the view over them
    conn.execute("ALTER TABLE mention_posts DROP COLUMN place_code")
    conn.execute("ALTER TABLE mention_posts DROP COLUMN place_inferred")
    conn.execute("ALTER TABLE events DROP COLUMN actor")  # migration 11's
    conn.execute("ALTER TABLE events DROP COLUMN title")
    conn.execute("ALTER TABLE persons DROP COLUMN pinyin")  # migration 13's
    conn.execute("DROP TABLE page_images")  # migration 15's
    conn.execute("ALTER TABLE pages DROP COLUMN folio")  # migration 16's
    conn.execute("DROP TABLE quotes")  # migration 17's
    conn.execute("DROP INDEX slogans_text_basis")
    conn.execute("ALTER TABLE slogans DROP COLUMN basis")
    conn.execute("ALTER TABLE events DROP COLUMN actor_kind")
    conn.execute("ALTER TABLE events DROP COLUMN actor_spans")
    conn.execute("ALTER TABLE articles DROP COLUMN date_not_after")
    conn.execute("DELETE FROM schema_migrations WHERE version >= 4")
    conn.execute("COMMIT")
    dates = [r[0] for r in conn.execute("SELECT date FROM articles ORDER BY rowid")]
    assert dates != sorted(dates)  # the test would prove nothing otherwise
    conn.close()


@pytest.mark.parametrize("filters", [{}, {"person": "王立"}, {"date_from": "2021-03"}])
def test_facets_with_the_search_are_the_facets_alone(archive: Archive, filters: dict[str, str]) -> None:
    from fangzhi import query

    page = query.search(archive.conn, "防汛", query.Filters(**filters), with_facets=True)
    assert page.facets == query.facets(archive.conn, "防汛", query.Filters(**filters))
    assert page.as_dict()["facets"] == page.facets
    assert "facets" not in query.search(archive.conn, "防汛").as_dict()


@pytest.mark.parametrize(
    ("sort", "offset", "window"),
    [
        ("relevance", 0, 500),  # the window holds every match
        ("relevance", 0, 4),  # a window smaller than the facets' basis
        ("relevance", 10, 4),  # a page past the window: the window is not read
        ("date", 0, 500),
        ("date", 6, 500),
    ],
)
@pytest.mark.parametrize("basis", [3, 500])
def test_facets_read_on_the_way_are_the_facets_alone(
    archive: Archive, monkeypatch: pytest.MonkeyPatch, sort: str, offset: int, window: int, basis: int
) -> None:
    """A search reuses the newest matches it read for ranking or paging as its facets' basis."""
    from fangzhi import query

    monkeypatch.setattr(search_mod, "FACET_BASIS", basis)
    page = query.search(
        archive.conn, "防汛", sort=sort, offset=offset, limit=2, window=window, with_facets=True
    )
    assert page.facets == query.facets(archive.conn, "防汛")
    assert page.facets is not None and page.facets["basis"] == min(basis, page.total)


def test_facets_read_names_from_the_indexes_alone(archive: Archive) -> None:
    """The person and place facets look up each match's names in a covering index (migration 6),
    never in the tables' rows."""
    from fangzhi import query

    statements: list[str] = []
    archive.conn.set_trace_callback(statements.append)
    try:
        query.facets(archive.conn, "防汛")
    finally:
        archive.conn.set_trace_callback(None)
    joins = [s for s in statements if "JOIN mentions" in s or "JOIN places" in s]
    assert len(joins) == 2
    for sql in joins:
        plan = " ".join(r[3] for r in archive.conn.execute("EXPLAIN QUERY PLAN " + sql))
        assert "COVERING INDEX" in plan, plan


def test_memos_of_the_archive_go_stale_with_a_write(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "p0.txt").write_text(_page(0), encoding="utf-8")
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([pages])
        assert a.search("防汛", person="王立").total == 1
        assert any(k[0] == "members" for k in search_mod.MEMO.items)  # remembered …
        (pages / "p1.txt").write_text(_page(1), encoding="utf-8")
        a.ingest([pages])
        assert a.search("防汛", person="王立").total == 2  # … until the archive changed
        with open_archive(tmp_path / "b.db") as b:  # another archive never shares a memo
            b.ingest([tmp_path / "pages" / "p0.txt"])
            assert b.search("防汛", person="王立").total == 1


def test_a_person_filter_keeps_the_kind_asked_for(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    assert archive.search("防汛", person="王立", kind="news").total == len(MAYOR_PAGES)
    assert archive.search("防汛", person="王立", kind="photo").total == 0
    monkeypatch.setattr(search_mod, "SMALL_SET", 0)  # read the index, not the person's articles
    assert archive.search("防汛", person="王立", kind="photo").total == 0
