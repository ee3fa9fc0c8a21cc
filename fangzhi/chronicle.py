"""The chronicle (大事记) as a local yearbook prints it: month by month, one line per event.

    >>> from fangzhi.chronicle import render
    >>> render(archive.chronicle("2023-01-01", "2023-12-31"), "md", "dashiji.md")   # doctest: +SKIP
    16

Each event is one sentence, built the same way on the web page and in every download: its date,
who, what and where (`11月7日，刘越高主持召开市委常委会会议（衡山县）。`), and after it the
source as a yearbook cites one (`《衡阳晚报》2023年11月8日`). Markdown and Word (A4) read as a
yearbook does: a heading per month, the entries under it. CSV and JSON give the same entries as
data, with `what` as extracted and the sentence and source beside it.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from typing import Any, TextIO

from fangzhi.answers import ChronicleRecord
from fangzhi.query import ChronicleEntry
from fangzhi.read.folio import folio_label
from fangzhi.textout import write_text

FORMATS = ("md", "csv", "json", "docx")
FIELDS = tuple(ChronicleRecord.__annotations__)  # the columns of the CSV: an entry as data
TYPES = {"meeting": "会议", "inspection": "调研视察", "reception": "会见", "ceremony": "仪式活动"}
EAST_ASIAN_FONT = "宋体"

# A meeting named for the body that sits (市委常委会) "召开会议"; one named for the meeting
# itself (推进会, 全体会议) is "召开"-ed; an event read as a bare predicate (荣获…) or a bare
# type word lacks its subject, and one with a quotation mark unmatched was cut short: the
# headline says those better. A leading day (25日为…) is the date again, said already.
_BODIES = ("常委会", "常务委员会", "委员会", "党组", "领导小组")
_MEETINGS = ("会议", "会")
_CEREMONIES = ("大会", "典礼", "仪式", "活动", "颁奖会", "晚会")
_OPENERS = ("召开", "举行", "举办", "开展")
_PREDICATES = ("荣获", "获评", "获得", "荣膺", "被评为", "被授予", "入选", "蝉联")
_LEADING_DAY = re.compile(r"^\d{1,2}日(?:上午|下午|晚上|晚)?[，,、为]?")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")


def render(
    entries: Iterable[ChronicleEntry],
    fmt: str,
    out: str | os.PathLike[str] | TextIO,
    *,
    title: str = "大事记",
) -> int:
    """Write the entries as md, csv, json or docx to `out` (a path, or for all but docx a text
    stream); returns how many were written. Entries are put in date order, grouped by month."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    # stable: the chronicle's own order within a day; dates without a year after those with one
    items = sorted(entries, key=lambda e: (e.partial, e.date))
    if fmt == "docx":
        if not isinstance(out, str | os.PathLike):
            raise ValueError("docx is written to a path, not a text stream: give a file name")
        _write_docx(items, out, title)
    elif fmt == "md":
        write_text(out, markdown(items, title=title))
    elif fmt == "json":
        write_text(out, json.dumps([record(e) for e in items], ensure_ascii=False, indent=2) + "\n")
    else:
        _write_csv(items, out)
    return len(items)


# ---------------------------------------------------------------- wording


PARTIAL_YEAR = "年份不详"  # the heading over events whose page gave month and day but no year


def month_label(month: str) -> str:
    """2023-11 → 2023年11月 (a bare year → 2023年; --11, a month without its year → 年份不详·11月)."""
    if month.startswith("--"):
        return f"{PARTIAL_YEAR}·{int(month[2:4])}月" if month[2:4].isdigit() else PARTIAL_YEAR
    parts = month.split("-")
    try:
        return f"{int(parts[0])}年" + (f"{int(parts[1])}月" if len(parts) > 1 else "")
    except ValueError:
        return month


def day_label(date: str) -> str:
    """2023-11-07 → 11月7日 (a month → 11月; a bare year as it is; --11-07 → 11月7日)."""
    if date.startswith("--"):
        date = "0000" + date[1:]  # the year is unknown; the month and day read as any other's
    parts = date.split("-")
    try:
        if len(parts) >= 3:
            return f"{int(parts[1])}月{int(parts[2])}日"
        if len(parts) == 2:
            return f"{int(parts[1])}月"
    except ValueError:
        pass
    return date


def type_label(kind: str) -> str:
    return TYPES.get(kind, kind)


def phrase(e: ChronicleEntry) -> str:
    """What happened, worded for the chronicle: 市委常委会 → 市委常委会召开会议, 推进会 → 召开推进会."""
    what = _LEADING_DAY.sub("", e.what.strip())
    if what.startswith(_PREDICATES) and e.title and not _cut(e.title):
        return e.title  # 荣获… with who won it: 某某机场荣获…
    if e.headline and (not what or what == type_label(e.type) or what.startswith(_PREDICATES) or _cut(what)):
        return e.headline.strip()
    if not what or what.startswith(_OPENERS):
        return what or type_label(e.type)
    if e.type == "meeting" and what.endswith(_BODIES):
        return f"{what}召开会议"
    if e.type == "meeting" and what.endswith(_MEETINGS):
        return f"召开{what}"
    if e.type == "ceremony" and what.endswith(_CEREMONIES):
        return f"举行{what}"
    return what


def _cut(text: str) -> bool:
    """A quotation left open or closed that was never opened: the text was cut short."""
    return text.count("“") != text.count("”") or text.count("《") != text.count("》")


def sentence(e: ChronicleEntry) -> str:
    """The entry as one sentence: date, who, what, where (11月7日，甲主持召开市委常委会会议（衡山县）。)."""
    what = phrase(e)
    chair = "、".join(n for n in e.presided if n not in what)
    if chair and what.startswith(_OPENERS):
        what = f"{chair}主持{what}"  # 甲主持召开…
    elif chair and what.endswith("召开会议"):
        what = f"{chair}主持召开{what[:-4]}会议"  # 市委常委会召开会议 → 甲主持召开市委常委会会议
    elif chair:
        what = f"{what}，{chair}主持"
    if e.place and e.place not in what:
        what += f"（{e.place}）"
    return f"{day_label(e.date)}，{what.rstrip('。')}。"


def source(e: ChronicleEntry) -> str:
    """Where it was printed, as a yearbook cites it: 《衡阳晚报》2023年5月11日 第3版 (推定 when the
    page printed no issue date and its reports' latest date stands in for it; the page, 第3版 or
    A3版, when its header or file name gives it)."""
    cited = f"《{e.publication}》" if e.publication else "报名不详·"
    if e.issue:
        y, m, d = (int(x) for x in e.issue.split("-")[:3])
        cited += f"{y}年{m}月{d}日" + ("（推定）" if e.issue_inferred else "")
    if not e.folio:
        return cited
    return cited + ("" if cited.endswith("·") else " ") + folio_label(e.folio)


def line_parts(e: ChronicleEntry) -> tuple[str, str]:
    """The entry's sentence and its source."""
    return sentence(e), source(e)


def by_month(entries: Sequence[ChronicleEntry]) -> Iterator[tuple[str, list[ChronicleEntry]]]:
    for month, group in groupby(entries, key=lambda e: e.month):
        yield month, list(group)


def record(e: ChronicleEntry) -> ChronicleRecord:
    return ChronicleRecord(
        date=e.date,
        month=e.month,
        year_known=not e.partial,
        type=e.type,
        what=e.what,
        presided=list(e.presided),
        place=e.place,
        article_id=e.article_id,
        headline=e.headline,
        sentence=sentence(e),
        source=source(e),
    )


# ---------------------------------------------------------------- formats


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def markdown(entries: Sequence[ChronicleEntry], *, title: str = "大事记") -> str:
    lines = [f"# {_md(title)}", ""]
    for month, group in by_month(entries):
        lines += [f"## {month_label(month)}", ""]
        for e in group:
            text, cited = line_parts(e)
            lines.append(f"- {_md(text)}（{_md(cited)}，`{e.article_id}`）")
        lines.append("")
    return "\n".join(lines)


def _write_csv(entries: Sequence[ChronicleEntry], out: str | os.PathLike[str] | TextIO) -> None:
    if isinstance(out, str | os.PathLike):
        with open(out, "w", encoding="utf-8", newline="") as f:
            _csv_rows(entries, f)
    else:
        _csv_rows(entries, out)


def _csv_rows(entries: Sequence[ChronicleEntry], f: TextIO) -> None:
    f.write("\ufeff")  # a byte-order mark: Excel on a Chinese Windows reads the file as UTF-8
    w = csv.DictWriter(f, fieldnames=FIELDS)
    w.writeheader()
    for e in entries:
        w.writerow({**record(e), "presided": "、".join(e.presided)})


def _write_docx(entries: Sequence[ChronicleEntry], path: str | os.PathLike[str], title: str) -> None:
    from docx import Document
    from docx.shared import Cm

    doc = Document()
    for section in doc.sections:  # A4, the paper yearbooks are printed on (python-docx: US Letter)
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.6)
        section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    _east_asian_font(doc)
    doc.add_heading(title, level=0)
    for month, group in by_month(entries):
        doc.add_heading(month_label(month), level=1)
        for e in group:
            text, cited = line_parts(e)
            p = doc.add_paragraph()
            p.add_run(text)
            p.add_run(f"（{cited}）").italic = True
    doc.save(os.fspath(path))


def _east_asian_font(doc: Any) -> None:
    """Han characters in a Chinese font in the body and headings (Word's default is Latin only)."""
    from docx.oxml.ns import qn

    for name in ("Normal", "Title", "Heading 1"):
        doc.styles[name].element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), EAST_ASIAN_FONT)
