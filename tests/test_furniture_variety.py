"""Page furniture, editors' closing lines and jump marks of many shapes, combined at random (a
fixed seed) on pages of three reports: the share of pages whose three reports are read whole (each
head over its own body, nothing of the furniture left at a body's end or taken for a head) is held
to a floor, so that furniture reading is measured on shapes it was not written for."""

from __future__ import annotations

import random

from fangzhi.pipeline import parse_text
from fangzhi.settings import Settings

REPORTS = (
    ("全市重点项目建设推进会召开", (
        "本报讯（记者 赵小兵）5月3日，市委书记某某主持召开会议，研究部署下一阶段重点工作。市领导某甲、某乙出席会议。",
        "会议听取了有关部门工作情况汇报，对当前重点任务逐项进行了分析，明确了责任单位和完成时限。",
        "会议强调，要坚持问题导向，细化工作措施，确保各项任务按期完成。",
    )),
    ("县长带队调研农业生产", (
        "本报讯（通讯员 孙立）5月3日，县长某丙带队深入乡镇调研农业生产工作，实地察看了种植基地和水利设施建设情况。",
        "调研中，某丙指出，要加强田间管理，做好技术服务，保障农民增收。",
    )),
    ("全市安全生产工作会议召开", (
        "本报讯 5月3日，全市安全生产工作会议召开。会议通报了前三季度全市安全生产形势。",
        "会议要求，各地各部门要压紧压实责任，深入开展隐患排查整治。",
        "副市长某丁出席会议并讲话。",
    )),
)  # fmt: skip
CLOSERS = (
    "（责任编辑：钱多多）", "责任编辑：钱多多", "编辑：钱多多 校对：周周", "（完）", "【编辑：钱多多】",
    "一审：钱多多 二审：周周 三审：吴吴", "（来源：临川日报）", "来源：临川日报", "（编辑 钱多多）", "责编：钱多多",
    "[责任编辑：钱多多]", "（本报综合）", "初审：钱多多 复审：周周 终审：吴吴", "监制：周周 编辑：钱多多",
)  # fmt: skip
JUMPS = (
    "（下转第二版）",
    "（转第3版）",
    "（下转2版）",
    "（紧转第4版）",
    "→下转A2版",
    "（详见第3版）",
    "（转A3版）",
)
FURNITURE = (
    "第3版 要闻 2023年5月3日 星期三", "2023年5月3日 星期三 第3版", "A02 今日要闻", "责任编辑 钱多多 美术编辑 周周",
    "www.example.com.cn", "扫码阅读", "临川日报 2023.5.3", "版面设计：周周", "要闻·综合", "本版编辑：钱多多",
    "04 │ 要闻 │ 2023年5月3日", "第3版：要闻", "【返回】【打印】【关闭】", "分享到：", "字号：大 中 小", "点击量：1234",
)  # fmt: skip


def page(rng: random.Random) -> str:
    lines: list[str] = []
    if rng.random() < 0.5:
        lines.append(rng.choice(FURNITURE))
    for k, (head, body) in enumerate(REPORTS):
        lines.append(("# " if rng.random() < 0.5 else "") + head)
        lines.extend(body)
        if k == 0 and rng.random() < 0.3:
            lines.append(rng.choice(JUMPS))
        if rng.random() < 0.4:
            lines.append(rng.choice(CLOSERS))
    if rng.random() < 0.5:
        lines.append(rng.choice(FURNITURE))
    return "\n".join(lines) + "\n"


def test_reports_among_furniture_closers_and_jump_marks_of_many_shapes_are_read_whole() -> None:
    rng, settings = random.Random(2026), Settings(extract_facts=False)
    want = [(head, body[-1][-8:]) for head, body in REPORTS]
    whole = 0
    for _ in range(300):
        articles = parse_text(page(rng), settings=settings).articles
        got = [(a.headline.text if a.headline else "", a.body_text[-8:]) for a in articles]
        whole += got == want
    assert whole / 300 >= 0.97
