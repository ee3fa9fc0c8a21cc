"""Credits of shapes no outlet of the catalogue was seen printing: roles, separators, list marks,
brackets and what-was-done words combined at random (a fixed seed), each on a page of two reports.
The share read exactly (every person with the role printed before them) is held to a floor, so that
credit reading is measured on forms it was not written for, not only on the catalogue's."""

from __future__ import annotations

import random

from fangzhi.pipeline import parse_text
from fangzhi.settings import Settings
from fangzhi.sim.catalogue import Form
from fangzhi.sim.layout import fill

OUTLETS = ("临川日报", "东江晚报", "青山县融媒体中心", "白水新闻网", "北原报")
ROLES = ("记者", "本报记者", "{o}记者", "{o}全媒体记者", "全媒体记者", "融媒体记者", "通讯员", "本报通讯员",
         "实习生", "见习记者", "特约记者", "首席记者", "特约通讯员", "摄影记者")  # fmt: skip
ROLE_GAPS = ("", " ", "：", ":", "/", "\u3000")
NAME_GAPS = (" ", "、", "  ", "，", "\u3000")
GROUP_GAPS = (" ", "  ", "\u3000", "，", "；", " / ", "、")
DONE = ("", " 报道", "报道", "/文", " 文", " 文/图", "/图")
MARKS = ("", "□", "■", "●", "◎", "▲", "★", "◆", "○", "◇", "文/", "文｜")
BRACKETS = (("（", "）"), ("(", ")"), ("【", "】"), ("〔", "〕"), ("[", "]"))
LEAD = (
    "{M}月{D}日，市委书记某某主持召开会议，研究部署下一阶段重点工作。市领导某甲、某乙出席会议。\n"
    "会议听取了有关部门工作情况汇报，对当前重点任务逐项进行了分析，明确了责任单位和完成时限。\n"
)
OTHER = "\n# 乡村振兴产业项目加快建设\n{M}月{D}日，县长某丙带队到乡镇调研农业生产。\n调研中，某丙指出，要加强田间管理。\n"


def credit(rng: random.Random) -> str:
    role_gap, name_gap = rng.choice(ROLE_GAPS), rng.choice(NAME_GAPS)
    groups = [
        rng.choice(ROLES) + role_gap + name_gap.join(["{name}"] * rng.choice((1, 1, 2, 3)))
        for _ in range(rng.choice((1, 1, 2)))
    ]
    return rng.choice(GROUP_GAPS).join(groups).replace("{o}", rng.choice(OUTLETS)) + rng.choice(DONE)


def page(rng: random.Random) -> tuple[str, set[tuple[str, str]]]:
    where = rng.choice(("under", "dateline", "after"))
    form = credit(rng)
    if where == "dateline":
        left, right = rng.choice(BRACKETS[:3])
        form = rng.choice(("本报讯", "临川日报讯", "本报讯 ", "临川日报{M}月{D}日讯")) + left + form + right
    elif where == "after":
        left, right = rng.choice((*BRACKETS, ("", "")))
        form = left + form + right
    else:
        form = rng.choice(MARKS) + form
    values = {"M": "5", "D": str(rng.randint(1, 28))}
    line, people = fill(Form(form.replace("{M}", "5").replace("{D}", values["D"]), ""), rng, values, 0.2)
    lead, other = LEAD.format(**values), OTHER.format(**values)
    head = "# 全市重点项目建设推进会召开\n"
    text = {
        "under": head + line + "\n" + lead,
        "dateline": head + line + lead,
        "after": head + "本报讯 " + lead + line + "\n",
    }[where]
    return text + other, {(role or "", name) for role, name in people}


def test_credits_of_shapes_combined_at_random_are_read() -> None:
    rng, settings = random.Random(2026), Settings(extract_facts=False)
    read = 0
    for _ in range(300):
        text, people = page(rng)
        articles = parse_text(text, settings=settings).articles
        got = {(b.role or "", (b.name or "").replace(" ", "")) for b in articles[0].bylines}
        read += len(articles) == 2 and got == people
    assert read / 300 >= 0.95
