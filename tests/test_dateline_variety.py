"""Datelines of shapes no outlet of the catalogue was seen printing: an outlet's name (a paper, a
site, a media centre, an app's), a place and a date or none, 讯/消息/报道, 据 or a square bracket
around it, a credit in a bracket or run on, a colon, and a lead opening with its day or with
近日/日前, combined at random (a fixed seed), each over a report followed by another. The share read
exactly (two reports; the dateline, its credits and the lead's opening) is held to a floor, so that
dateline reading is measured on forms it was not written for."""

from __future__ import annotations

import random
import unicodedata

from fangzhi.pipeline import parse_text
from fangzhi.settings import Settings

PLACES = ("临川", "东江", "青山县", "白水区", "北原")
SUFFIXES = ("日报", "晚报", "新闻网", "融媒体中心", "融媒", "客户端", "新闻", "广播电视台", "电视台", "时报",
            "都市报", "新闻中心", "网", "发布", "头条", "APP")  # fmt: skip
APPS = ("掌上{p}", "爱{p}", "i{p}", "{p}+", "今日{p}", "{p}观察", "{p}在线", "云上{p}")
VERBS = ("讯", "讯", "消息", "报道")
LEADS = ("{M}月{D}日，", "{M}月{D}日上午，", "近日，", "日前，", "{M}月{D}日下午，")
CREDITS = (
    ("", set()),
    ("（记者 王明远）", {("记者", "王明远")}),
    ("(记者 王明远)", {("记者", "王明远")}),
    ("（记者 王明远 通讯员 李海峰）", {("记者", "王明远"), ("通讯员", "李海峰")}),
    (" 记者 王明远 ", {("记者", "王明远")}),
    ("【记者 王明远】", {("记者", "王明远")}),
    ("（全媒体记者 王明远）", {("全媒体记者", "王明远")}),
    ("（通讯员 李海峰）", {("通讯员", "李海峰")}),
)
COLONS = ("", "", "：", ":", " ")
BODY = (
    "市委书记某某主持召开会议，研究部署下一阶段重点工作。市领导某甲、某乙出席会议。\n"
    "会议听取了有关部门工作情况汇报，对当前重点任务逐项进行了分析，明确了责任单位和完成时限。\n"
)
OTHER = "\n# 乡村振兴产业项目加快建设\n本报讯 5月3日，县长某丙带队到乡镇调研农业生产。\n调研中，某丙指出，要加强田间管理。\n"


def outlet(rng: random.Random) -> str:
    place = rng.choice(PLACES)
    if rng.random() < 0.25:
        return rng.choice(APPS).format(p=place.rstrip("县区"))
    return place + rng.choice(SUFFIXES)


def page(rng: random.Random) -> tuple[str, str, str, set[tuple[str, str]]]:
    """A page, its first report's dateline and lead, and the people the dateline credits."""
    verb, day = rng.choice(VERBS), str(rng.randint(1, 28))
    date = "" if verb == "报道" else rng.choice(("", "", f"5月{day}日"))
    place = rng.choice(("", rng.choice(PLACES))) if date else ""
    opening = rng.choice(("", "", "据", "【"))
    head = opening + outlet(rng) + place + date + verb + ("】" if opening == "【" else "")
    credit, people = rng.choice(CREDITS)
    dateline = head + credit + (rng.choice(COLONS) if credit.strip() == credit else "")
    lead = rng.choice(LEADS).format(M=5, D=day)
    return "# 全市重点项目建设推进会召开\n" + dateline + lead + BODY + OTHER, dateline, lead, people


def folded(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).rstrip(":")


def test_datelines_of_shapes_combined_at_random_are_read() -> None:
    rng, settings = random.Random(2026), Settings(extract_facts=False)
    read = 0
    for _ in range(200):
        text, dateline, lead, people = page(rng)
        articles = parse_text(text, settings=settings).articles
        first = articles[0]
        read += (
            len(articles) == 2
            and first.dateline is not None
            and folded(first.dateline.text) == folded(dateline)
            and folded(first.body[0].text).startswith(folded(lead)[:4])
            and {(b.role or "", b.name or "") for b in first.bylines} == people
        )
    assert read / 200 >= 0.97
