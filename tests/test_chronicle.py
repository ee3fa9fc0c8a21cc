"""The 大事记: month by month in date order, each event with its date, what, who presided, where, source."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from docx import Document

from fangzhi import open_archive
from fangzhi.chronicle import FIELDS, day_label, month_label, phrase, render, sentence, source
from fangzhi.query import ChronicleEntry, chronicle
from tests.conftest import SEEDS, needs_shared


@pytest.fixture(scope="module")
def entries(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[ChronicleEntry]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    with open_archive(tmp_path_factory.mktemp("chronicle") / "t.db") as a:
        a.ingest([SEEDS])
        yield chronicle(a.conn)


def entry(date: str, type_: str = "meeting", what: str = "市委常委会", **kw: object) -> ChronicleEntry:
    fields: dict[str, object] = {"presided": (), "place": None, "article_id": "p-a01", "headline": None}
    fields.update(kw)
    return ChronicleEntry(date, type_, what, **fields)  # type: ignore[arg-type]


def md_of(items: list[ChronicleEntry], **kw: str) -> str:
    out = io.StringIO()
    render(items, "md", out, **kw)
    return out.getvalue()


@needs_shared
def test_md_groups_by_month_in_date_order_with_the_article_ids(entries: list[ChronicleEntry]) -> None:
    text = md_of(entries)
    assert text.startswith("# 大事记\n")
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    months = sorted({e.month for e in entries})
    assert headings == [month_label(m) for m in months]
    by_id = {e.article_id: e for e in entries}
    month, seen = "", []
    for line in text.splitlines():
        if line.startswith("## "):
            month = line[3:]
        elif line.startswith("- "):
            article_id = re.search(r"`([^`]+)`）$", line)[1]  # type: ignore[index]
            assert month_label(by_id[article_id].month) == month
            seen.append(article_id)
    assert len(seen) == len(entries) and set(seen) == set(by_id)
    assert "- 11月17日，刘越高主持召开市委常委会会议。（" in text


def test_md_line_is_one_sentence_of_date_who_what_where_and_its_source() -> None:
    e = entry(
        "2023-11-07",
        presided=("刘越高", "朱健"),
        place="衡山县",
        article_id="x-a01",
        publication="衡阳晚报",
        issue="2023-11-08",
    )
    assert md_of([e], title="衡阳大事记") == (
        "# 衡阳大事记\n\n## 2023年11月\n\n"
        "- 11月7日，刘越高、朱健主持召开市委常委会会议（衡山县）。（《衡阳晚报》2023年11月8日，`x-a01`）\n"
    )


def test_the_sentence_and_source_are_the_same_on_screen_and_in_every_download() -> None:
    e = entry("2023-12-27", "ceremony", "荣获本届质量奖", title="某钢荣获本届质量奖", publication="某市日报")
    e = replace(e, issue="2023-12-28", issue_inferred=True)
    assert sentence(e) == "12月27日，某钢荣获本届质量奖。"
    assert source(e) == "《某市日报》2023年12月28日（推定）"
    assert f"- {sentence(e)}（{source(e)}" in md_of([e])
    out = io.StringIO()
    render([e], "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff")))
    assert (row["sentence"], row["source"]) == (sentence(e), source(e))


def test_entries_given_out_of_order_come_out_in_order() -> None:
    items = [entry("2023-07-25", article_id="b"), entry("2020-12-30", article_id="a"), entry("2023-07-01")]
    text = md_of(items)
    assert re.findall(r"^## (.+)$", text, flags=re.M) == ["2020年12月", "2023年7月"]
    assert text.index("`a`") < text.index("`p-a01`") < text.index("`b`")


def test_wording() -> None:
    assert day_label("2023-05-01") == "5月1日" and month_label("2023-05") == "2023年5月"
    assert phrase(entry("2023-05-11", what="全市骨干企业推进会")) == "召开全市骨干企业推进会"
    assert phrase(entry("2023-05-11", what="会议", headline="有效防范化解风险隐患")) == "有效防范化解风险隐患"
    assert (
        phrase(entry("2023-05-11", "ceremony", "荣获优秀机场奖", headline="蝉联优秀机场奖"))
        == "蝉联优秀机场奖"
    )
    assert phrase(entry("2023-05-11", "ceremony", "集中宣传活动")) == "举行集中宣传活动"
    assert phrase(entry("2023-10-26", "ceremony", "网约车驾驶员”颁奖典礼", headline="表彰")) == "表彰"
    assert phrase(entry("2023-10-25", "inspection", "25日为重大项目观摩")) == "重大项目观摩"
    assert "5月11日，赴衡山县调研。" in md_of([entry("2023-05-11", "inspection", "赴衡山县调研")])
    assert sentence(entry("2023-05-11", what="市政府常务会议", presided=("甲某",))) == (
        "5月11日，甲某主持召开市政府常务会议。"
    )


@needs_shared
def test_csv_fields(entries: list[ChronicleEntry], tmp_path: Path) -> None:
    assert render(entries, "csv", tmp_path / "c.csv") == len(entries)
    assert (tmp_path / "c.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # for Excel
    with open(tmp_path / "c.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert tuple(rows[0]) == FIELDS and len(rows) == len(entries)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert all(r["month"] == r["date"][:7] for r in rows)
    assert {r["type"] for r in rows} <= {"meeting", "inspection", "reception", "ceremony"}
    assert any(r["presided"] == "刘越高" for r in rows)


def test_csv_joins_presiders() -> None:
    out = io.StringIO()
    render([entry("2023-11-07", presided=("刘越高", "朱健"))], "csv", out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff")))
    assert row["presided"] == "刘越高、朱健"


@needs_shared
def test_json_fields(entries: list[ChronicleEntry], tmp_path: Path) -> None:
    render(entries, "json", tmp_path / "c.json")
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert len(data) == len(entries) and all(tuple(d) == FIELDS for d in data)
    first = next(d for d in data if d["presided"])
    assert isinstance(first["presided"], list)
    assert {d["article_id"] for d in data} == {e.article_id for e in entries}


@needs_shared
def test_docx_opens_and_holds_the_month_headings(entries: list[ChronicleEntry], tmp_path: Path) -> None:
    assert render(entries, "docx", tmp_path / "c.docx", title="衡阳大事记") == len(entries)
    doc = Document(str(tmp_path / "c.docx"))
    styled = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styled[0] == ("Title", "衡阳大事记")
    headings = [t for s, t in styled if s == "Heading 1"]
    assert headings == [month_label(m) for m in sorted({e.month for e in entries})]
    events = [p for p in doc.paragraphs if p.style.name == "Normal"]
    assert len(events) == len(entries)
    assert all(re.match(r"\d+月\d+日，", p.text) for p in events)
    assert [p.runs[0].text for p in events] == [sentence(e) for e in sorted(entries, key=lambda e: e.date)]
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)  # A4


def test_docx_needs_a_path_and_formats_are_named() -> None:
    with pytest.raises(ValueError, match="docx is written to a path"):
        render([entry("2023-11-07")], "docx", io.StringIO())
    with pytest.raises(ValueError, match=r"unknown format 'pdf'.*md, csv, json, docx"):
        render([], "pdf", io.StringIO())


# ---------------------------------------------------------------- dates without a year

UNDATED_PAGE = (
    "# 市委常委会召开会议\n"
    "本报讯（记者 王明）10月23日上午，市委书记李长江主持召开市委常委会会议，传达学习有关会议精神。\n"
    "会议强调，要扎实做好各项工作，确保全年目标任务圆满完成。\n"
)
DATED_PAGE = (
    "# 全市安全生产工作会议召开\n"
    "本报讯（记者 王明）2023年6月5日，全市安全生产工作会议召开，副市长赵平主持会议。\n"
)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("partial")
    (folder / "undated.txt").write_text(UNDATED_PAGE, encoding="utf-8")
    (folder / "dated.txt").write_text(DATED_PAGE, encoding="utf-8")
    db = folder / "t.db"
    with open_archive(db) as a:
        a.ingest([folder / "undated.txt", folder / "dated.txt"])
    return db


def test_an_event_without_a_year_is_listed_after_the_dated_under_its_own_heading(mixed: Path) -> None:
    with open_archive(mixed) as a:
        items = a.chronicle()
    assert [e.date for e in items] == ["2023-06-05", "--10-23"]
    assert items[1].partial and items[1].month == "--10" and not items[0].partial
    text = md_of(items)
    assert re.findall(r"^## (.+)$", text, flags=re.M) == ["2023年6月", "年份不详·10月"]
    assert "- 10月23日，李长江主持召开市委常委会会议。" in text


def test_a_range_of_years_leaves_out_a_date_without_a_year_unless_asked(mixed: Path) -> None:
    with open_archive(mixed) as a:
        assert [e.date for e in a.chronicle("2023-01-01", "2023-12-31")] == ["2023-06-05"]
        asked = a.chronicle("2023-01-01", "2023-12-31", partial=True)
        assert [e.date for e in asked] == ["2023-06-05", "--10-23"]
        assert [e.date for e in a.chronicle(partial=False)] == ["2023-06-05"]


def test_records_say_whether_the_year_is_known(mixed: Path) -> None:
    with open_archive(mixed) as a:
        out = io.StringIO()
        render(a.chronicle(), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert [(r["date"], r["month"], r["year_known"]) for r in rows] == [
        ("2023-06-05", "2023-06", "True"),
        ("--10-23", "--10", "False"),
    ]


def test_labels_of_a_date_without_a_year() -> None:
    assert day_label("--10-23") == "10月23日" and month_label("--10") == "年份不详·10月"
    assert day_label("--1-2") == "1月2日"


def test_the_chronicle_page_heads_a_yearless_month_and_counts_what_a_range_leaves_out(mixed: Path) -> None:
    from fastapi.testclient import TestClient

    from fangzhi.web.app import create_app

    client = TestClient(create_app(mixed))
    whole = client.get("/chronicle").text
    assert "<h2>2023年6月</h2>" in whole and "年份不详·10月" in whole  # a month a page, linked
    yearless = client.get("/chronicle", params={"month": "--10"}).text
    assert "<h2>年份不详·10月</h2>" in yearless and "10月23日，李长江主持召开市委常委会会议。" in yearless
    ranged = client.get("/chronicle", params={"from": "2023-01-01", "to": "2023-12-31"}).text
    assert "10月23日" not in ranged and "另有 1 件事件的日期只有月日" in ranged
    items = client.get("/api/chronicle").json()["items"]
    assert [(i["date"], i["year_known"]) for i in items] == [("2023-06-05", True), ("--10-23", False)]


def test_the_cli_lists_a_yearless_event_when_asked(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from fangzhi.cli import main

    assert main(["chronicle", "--db", str(mixed), "--from", "2023-01-01", "--to", "2023-12-31"]) == 0
    assert "年份不详" not in capsys.readouterr().out
    assert (
        main(["chronicle", "--db", str(mixed), "--from", "2023-01-01", "--to", "2023-12-31", "--partial"])
        == 0
    )
    out = capsys.readouterr().out
    assert out.index("## 2023年6月") < out.index("## 年份不详·10月")


def test_an_award_is_worded_with_its_winner() -> None:
    e = entry("2023-05-11", "ceremony", "荣获优秀机场奖", headline="蝉联", title="某某机场荣获优秀机场奖")
    assert phrase(e) == "某某机场荣获优秀机场奖"
