"""The command line: formats, exit status, and bad input that never stops a batch."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fangzhi.cli import main

PAGE = "# 全市防汛工作会议召开\n\n某市日报讯（记者 甲某）2023年6月3日，全市防汛工作会议召开。会议强调，要压实责任。\n"


def write(p: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["parse", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_jsonl_has_one_record_per_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(write(tmp_path / "a.txt", PAGE)))
    recs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and err == ""
    assert recs[0]["headline"] == "全市防汛工作会议召开"
    assert recs[0]["date"] == "2023-06-03"
    assert {"id", "page", "spans", "problems", "bylines", "complete"} <= recs[0].keys()


def test_json_gives_the_page_with_its_furniture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(write(tmp_path / "a.txt", "第2版\n\n" + PAGE)), "--format", "json")
    doc = json.loads(out)
    assert code == 0 and doc["furniture"][0]["text"] == "第2版"
    assert doc["encoding"] == "utf-8" and len(doc["articles"]) == 1


def test_markdown_is_for_people(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(write(tmp_path / "a.txt", PAGE)), "--format", "md")
    assert code == 0 and "## 全市防汛工作会议召开" in out and "2023-06-03" in out


def test_t2s_reads_a_traditional_page_like_its_simplified_twin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trad = "# 全市防汛工作會議召開\n\n某市日報訊（記者 甲某）2023年6月3日，全市防汛工作會議召開。會議強調，要壓實責任。\n"
    _, simp, _ = run(capsys, str(write(tmp_path / "s.txt", PAGE)))
    _, conv, _ = run(capsys, str(write(tmp_path / "t.txt", trad)), "--t2s")
    keys = ("kind", "kicker", "headline", "subtitle", "dateline", "date", "body", "complete")
    assert {k: json.loads(conv)[k] for k in keys} == {k: json.loads(simp)[k] for k in keys}


def test_relative_date_without_issue_date_is_reported_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "# 全市防汛工作会议召开\n\n本报讯（记者 甲某）昨日，全市防汛工作会议召开。\n"
    code, out, err = run(capsys, str(write(tmp_path / "a.txt", page)))
    assert code == 0 and "date.relative" in err and json.loads(out)["date"] is None
    code, out, err = run(capsys, str(tmp_path / "a.txt"), "--issue-date", "2023-06-04")
    assert json.loads(out)["date"] == "2023-06-03" and err == ""


def test_bad_files_are_named_one_line_each_and_the_rest_is_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    write(batch / "1_empty.txt", b"")
    write(batch / "2_binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    big = batch / "3_huge.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    write(batch / "4_undecodable.txt", b"\xff\xfe\xfa" * 10 + b"\x81")
    write(batch / "5_english.txt", "Minutes of the county council meeting.\n")
    write(batch / "6_good.txt", PAGE)
    code, out, err = run(capsys, str(batch))
    lines = err.strip().splitlines()
    assert code == 2
    assert len(lines) == 5
    for name, code_word in [
        ("1_empty", "source.empty"),
        ("2_binary", "source.binary"),
        ("3_huge", "source.too_large"),
        ("4_undecodable", "source."),
        ("5_english", "source.no_chinese"),
    ]:
        assert any(name in line and code_word in line for line in lines), name
    assert [json.loads(line)["page"] for line in out.splitlines()] == ["6_good.txt"]


def test_unreadable_folder_is_reported_and_the_rest_is_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    write(locked / "x.txt", PAGE)
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with privileges that ignore permissions")
        code, out, err = run(
            capsys, str(locked), str(write(tmp_path / "ok.txt", PAGE)), str(tmp_path / "missing.txt")
        )
    finally:
        locked.chmod(0o755)
    assert code == 2 and "locked" in err and "missing.txt" in err and len(out.splitlines()) == 1


def test_a_missing_file_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(tmp_path / "nope.txt"), str(write(tmp_path / "ok.txt", PAGE)))
    assert code == 2 and "nope.txt" in err and len(out.splitlines()) == 1


def test_people_prints_each_person_once_with_posts_over_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(
        tmp_path / "a.txt",
        "# 标题\n\n某市日报讯（记者 甲某）2023年5月11日，市委副书记、市长朱杰主持召开会议。\n",
    )
    b = write(tmp_path / "b.txt", "# 标题\n\n某市日报讯（记者 甲某）2023年11月17日，市长朱杰会见客人。\n")
    code = main(["people", str(a), str(b), "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    (rec,) = [r for r in out if r["name"] == "朱杰"]
    assert code == 0 and rec["first_seen"] == "2023-05-11" and rec["last_seen"] == "2023-11-17"
    assert [p["title"] for p in rec["posts"]] == ["市委副书记", "市长"]


def test_a_page_problem_is_reported_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "long.txt"
    page.write_text("# 标题\n" + "市委书记某某主持召开会议，研究部署近期重点工作。" * 400, encoding="utf-8")
    assert main(["parse", str(page), "--max-line-chars", "2000", "--format", "jsonl"]) == 0
    err = capsys.readouterr().err
    assert f"fangzhi: {page}: " in err and "[line.long]" in err


@pytest.fixture()
def small_db(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(
        "# 市长调研安全生产\n\n本报讯 2023年5月1日，市长王建华赴某县调研安全生产工作。\n", encoding="utf-8"
    )
    (pages / "b.txt").write_text(
        "# 全市安全工作会议召开\n\n本报讯 2023年5月2日，全市安全工作会议召开，部署防汛工作。\n",
        encoding="utf-8",
    )
    (pages / "c.txt").write_text(  # a page printed in traditional characters
        "# 縣長調研鄉村振興\n\n本報訊 2023年5月3日，縣長某某某赴鄉鎮調研鄉村振興工作。\n", encoding="utf-8"
    )
    db = tmp_path / "a.db"
    assert main(["ingest", str(pages), "--db", str(db)]) == 0
    return db


def test_a_query_word_after_a_minus_is_an_exclusion_not_an_option(
    small_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["search", "安全", "-调研", "--db", str(small_db), "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    assert [h["headline"] for h in hits] == ["全市安全工作会议召开"]


def test_a_traditional_query_finds_what_its_simplified_form_finds(
    small_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    found = {}
    for q in ("調研", "调研"):
        assert main(["search", q, "--db", str(small_db), "--format", "json"]) == 0
        found[q] = {h["id"] for h in json.loads(capsys.readouterr().out)["hits"]}
    assert found["調研"] == found["调研"] and len(found["调研"]) == 2  # the traditional page too


def test_a_network_of_someone_unknown_is_a_message(
    small_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["network", "--person", "张三", "--db", str(small_db)]) == 1
    assert "no person '张三'" in capsys.readouterr().err


def test_people_are_looked_up_by_pinyin_initials(small_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["people", "--db", str(small_db), "--name", "wjh", "--format", "json"]) == 0
    assert {p["name"] for p in json.loads(capsys.readouterr().out)} == {"王建华"}


def test_export_help_lists_every_table_with_its_columns(capsys: pytest.CaptureFixture[str]) -> None:
    from fangzhi.tables import COLUMNS

    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    for name, cols in COLUMNS.items():
        assert f"  {name}: {', '.join(cols)}" in out
    assert "actor, title" in out and "date_source" in out


def test_both_people_layouts_are_one_table_aligned_by_display_width(
    small_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from fangzhi.textout import display_width

    capsys.readouterr()
    assert main(["people", "--db", str(small_db)]) == 0
    from_archive = capsys.readouterr().out.splitlines()
    page = tmp_path / "p.txt"
    page.write_text("# 标题\n\n本报讯 2023年5月1日，市长王建华、副市长欧阳明出席会议。\n", encoding="utf-8")
    assert main(["people", str(page)]) == 0
    from_pages = capsys.readouterr().out.splitlines()
    for lines in (from_archive, from_pages):
        assert lines[0].split() == ["姓名", "篇数", "首见—末见", "职务"]
        starts = {display_width(line[: line.index(line.split()[1], len(line.split()[0]))]) for line in lines}
        assert len(starts) == 1  # the second column starts at one display column on every line


_EVERY_COMMAND = [
    ["search", "调研"],
    ["search", "-调研"],
    ["search", ""],
    ["search", "调研", "--limit", "-1"],
    ["person", "张三"],
    ["people"],
    ["people", "--name", "zz"],
    ["chronicle"],
    ["chronicle", "--format", "docx"],
    ["chronicle", "--from", "2023-13-01"],
    ["export", "--what", "nope"],
    ["export", "--what", "events", "--format", "csv"],
    ["network"],
    ["network", "--person", "张三"],
    ["dataset", "export", "--out", "{tmp}/ds"],
    ["dataset", "export", "--out", "{tmp}/a.db"],
    ["sql", "SELECT count(*) FROM articles"],
    ["sql", "SELECT nope FROM events"],
    ["sql", "DROP TABLE articles"],
    ["reprints"],
    ["reprints", "--find", "--format", "json"],
]


@pytest.mark.parametrize("archive", ["empty", "missing"])
@pytest.mark.parametrize("args", _EVERY_COMMAND, ids=lambda a: " ".join(a) or "empty")
def test_no_command_gives_a_traceback_on_an_empty_or_missing_archive(
    tmp_path: Path, archive: str, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "a.db"
    if archive == "empty":
        (tmp_path / "none").mkdir()
        main(["ingest", str(tmp_path / "none"), "--db", str(db)])
    try:
        code: object = main([*(a.replace("{tmp}", str(tmp_path)) for a in args), "--db", str(db)])
    except SystemExit as e:  # argparse's usage errors and 'no archive here' leave this way
        code = e.code
    assert code in (0, 1, 2) or (isinstance(code, str) and code.startswith("fangzhi: "))
    assert "Traceback" not in capsys.readouterr().err
