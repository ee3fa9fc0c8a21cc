"""Small hand-written pages for archive tests: known words, names and dates."""

from __future__ import annotations

from pathlib import Path

PAGES = {
    "p1.txt": (
        "# 全市安全生产工作会议召开\n\n某市日报讯（记者 甲某）2023年5月11日，全市安全生产工作会议召开。"
        "市长朱健主持会议并讲话。他强调，要压实安全生产责任。副市长黄立参加会议。\n"
    ),
    "p2.txt": (
        "# 市委书记赴某县调研\n\n某市日报讯（记者 乙某）2023年6月2日，市委书记刘越高赴衡山县调研乡村振兴工作。"
        "他强调，要抓好防汛工作。市领导丁芬参加调研。\n"
    ),
    "p3.txt": (
        "# 防汛抗旱工作推进会召开\n\n某市日报讯（记者 丙某）2023年7月8日，全市防汛抗旱工作推进会召开。"
        "副市长黄立主持会议。会议要求，要做好5G基站等设施的防汛准备。\n"
    ),
    "p4.txt": (
        "# 某县举行书法大赛颁奖活动\n\n某市日报讯（通讯员 丁某）2022年11月16日，某县青少年书法大赛颁奖活动在某小学举行。"
        "活动由县教育局主办，朱老师为获奖学生颁奖。\n"
    ),
}


def write_pages(folder: Path, pages: dict[str, str] = PAGES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
