"""How many general forms of printing the parser reads: a probe composed here, run on demand.

    .venv/bin/python benchmarks/forms.py [--show N]

Two reports written here are printed on one page in each form of a family of forms, and the page
is read as a reader would: two articles, each with its headline, its body from the lead's first
character to its last sentence, nothing else in it. The families are combinations drawn from
the grammar of Chinese newspaper credits, not forms copied from any page:

  datelines   outlet (本报讯, 某某日报讯, none) × bracket × roles × role/name mark × list mark ×
              names × what ends a bare credit (nothing, 报道, 报道：)
  bylines     a credit line printed between the headline and the lead
  closings    a line printed after the body (a credit, a source, an editor, a jump, an end mark)
  run-on      the same run on after the last sentence, on its line
  chrome      a web page's particulars, controls and links, under the head or after the body
  seen        datelines seen on other outlets that the combinations do not make
  captions    a photo's caption between the reports, then above the first
  folios      a page's number and header over the page, then between the reports
  undated     a plain head over a lead that gives no day, after another report

The forms each family adds beyond the grammar were seen on real pages of other outlets; where,
is in docs/forms-survey.md (shapes only, with the address of a page that prints each).

It prints, for each family, how many forms are read right, and for the dateline family how many
fail along each dimension. A rule for a new form earns its place when it raises these counts and
the scores on simulated test families (`make score`) without lowering the samples or dev.
"""

from __future__ import annotations

import argparse
import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial

from fangzhi.pipeline import parse_text

H1, H2 = "市委常委会召开会议", "李志强调研重点项目建设"
B1 = (
    "3月5日，市委书记王建国主持召开市委常委会会议，传达学习全国两会精神，研究部署全市重点工作。"
    "会议指出，要坚持稳中求进工作总基调，扎实推动高质量发展。\n"
    "会议强调，各级各部门要切实履职尽责。市领导刘明、陈红出席会议。"
)
B2 = (
    "日前，市长李志强深入城区调研重点项目建设情况。他强调，要加快项目进度，确保早日建成投用。\n"
    "李志强先后来到城东新区和高新区，详细了解项目推进中存在的困难和问题。"
)
END1, END2 = "出席会议。", "问题。"

OUTLETS = ("本报讯", "本报3月6日讯", "江城日报讯", "江城县融媒体中心讯", "")
BRACKETS = (("（", "）"), ("(", ")"), ("【", "】"), ("", " "))
ROLES = (("记者",), ("本报记者",), ("记者", "通讯员"), ("全媒体记者",), ("融媒体记者", "实习生"), ("通讯员",))
MARKS = ("", " ", "：", "/", "｜")
LISTS = (" ", "、", "，")
NAMES = (("张晓明", "李红"), ("张晓明",), ("王 力", "赵春生"))
TAILS = ("", " 报道", "报道：")

BYLINES = (
    "本报记者 张晓明 实习生 李红 文/图",
    "文/本报记者 张晓明",
    "文 / 张晓明 图 / 李红",
    "◎ 本报记者 张晓明",
    "江城日报记者 张晓明",
    "全媒体记者 张晓明 通讯员 李红 报道",
    "张晓明 李红",
    "■ 文/图 张晓明",
    "记者｜张晓明",
    "作者：张晓明",
    "本报评论员",
    "□ 江城日报全媒体记者 张晓明",
    "●记者 张晓明",
    "■张晓明",
    "记者：张晓明 通讯员：李红",
    "江城县融媒体中心记者 张晓明",
    "记者 张晓明 摄影 李红",
    "本报记者 张晓明/文 李红/图",
    "来源：江城日报",
    "转自：江城新闻网",
    # seen on other outlets (docs/forms-survey.md, section B)
    "□张晓明",
    "张晓明",
    "文丨张晓明",
    "本报见习记者张晓明",
    "本报记者 张晓明/摄 实习生 李红/文",
    "□本报记者 张晓明 摄影报道",
    "■ 撰文/张晓明",
    "■  江城日报记者  张晓明",
    "江城日报记者 张晓明 江城日报通讯员 李红",
    "□江城县记者站 张晓明 实习生 李红 本报记者 刘芳 文/图",
    # session 17: the role in brackets, a unit after the name, where the reporters file from, the
    # source before the reporter, a newsroom's staff signing with a post
    "【作者】张晓明",
    "作者：张晓明（江城县委宣传部）",
    "记者 张晓明 李红 发自江城",
    "来源：江城日报 记者 张晓明",
    "江城日报社城建新闻部副主任 张晓明",
)
CLOSINGS = (
    "（张晓明）",
    "■张晓明",
    "文/张晓明",
    "（通讯员 张晓明 记者 李红）",
    "记者 张晓明",
    "（本报记者）",
    "（江城县委宣传部供稿）",
    "（据江城日报）",
    "稿件来源：江城日报",
    "【来源：江城日报】",
    "责编：张晓明",
    "（本文来源：江城日报）",
    "（编辑：张晓明）",
    "编辑 | 张晓明",
    "（完）",
    "（江城日报全媒体记者 张晓明）",
    "□ 张晓明 李红",
    "张晓明 李红",
    "(江城融媒 张晓明)",
    "来源：江城县融媒体中心",
    "作者：张晓明",
    "原标题：江城召开常委会",
    "（下转2版）",
    "下转第2版",
    "（紧转第二版）",
    "(文/图 张晓明)",
    "张晓明/文 李红/图",
    "一审：张晓明 二审：李红 三审：刘芳",
    "【责任编辑：张晓明】",
    # seen on other outlets (docs/forms-survey.md, section C)
    "（记者 张晓明 文/图）",
    "初审:张晓明",
    "编 辑:张晓明",
    "一 审:李红",
    "总监制:刘芳",
    "撰稿:张晓明",
    "责编:",
    "[ 责任编辑:张晓明 ]",
    "(责编:张晓明、李红)",
    "本站原创文章，转载请附上原文链接。",
    "【未经授权，严禁转载！】",
    "免责声明",
    "记者：张晓明、李红",
    "江城县融媒体中心记者:张晓明",
    "记者：张晓明、李红\n编导：刘芳\n配音：王力",
)
RUN_ON = (
    "■",
    "（记者 张晓明 通讯员 李红 文/摄）",
    "【编辑：张晓明】",
    " 记者 张晓明",
    "（江城日报）",
    "(完)",
    " （张晓明）",
    "（编辑：张晓明 校对：李红）",
    "（融媒记者 张晓明 李红）",
    "　文/张晓明",
    "（记者 张晓明）（完）",
    "【来源：江城日报】",
    "（来源：江城日报 作者：张晓明）",
    " 张晓明 李红",
    "（文/张晓明 图/李红）",
    "(江城新闻网记者 张晓明)",
    # seen on other outlets (docs/forms-survey.md, section D)
    "(江城网县委办通讯员 张晓明)",
    "(记者:张晓明)",
    "(下转第六版)",
    "(记者张晓明、李红、刘芳)",
    "(文/江城县新闻中心 张晓明)",
    "张晓明",
)
# Datelines seen on other outlets that the combinations above do not make (docs/forms-survey.md, A).
DATELINES_SEEN = (
    "江城网讯(记者 张晓明)",
    "江城网3月5日讯(记者 张晓明)",
    "本报讯 ",
    "江城网讯：",
    "江城日报消息 ",
    "江城网3月5日消息(记者 张晓明)",
    "本报江城3月5日电 ",
    "新华社江城3月5日电（记者张晓明）",
    "【本报讯】",
    "【本报讯】（江城日报社全媒体记者 张晓明）",
    "本报讯（张晓明）",
    "本报讯（记者:张晓明）",
    "江城日报讯（记者 张晓明 李红 报道）",
    "江城网讯（江城日报融媒记者 张晓明 李红/文 刘芳/图）",
    "江城日报·江城新闻讯（记者 张晓明）",
    "江城县讯(通讯员张晓明李红)",
    "江城网讯\n",
    "江城网·江城客户端讯 ",
    "江城网江城讯 通讯员张晓明、李红摄影报道:",
    "江城新闻网-江城日报讯 (记者 张晓明)",
    "本报讯（江城日报 记者张晓明 李红）",
    "中新社江城三月五日电 (记者 张晓明) ",
)
CHROME_UNDER = (
    "2023-03-05",
    "2023-03-05 10:20:33",
    "【字体：大 中 小】",
    "分享到：",
    "时间：2023-03-05 10:20",
    "2023年03月05日 10:20 来源：江城日报",
    "发布日期：2023-03-05",
    "作者：张晓明 来源：江城日报",
    "江城日报 | 2023-03-05",
    "阅读：1234",
    "来源:江城新闻网 浏览:1858 2010-6-2",
    "江城日报 2011-12-16 06:30 大字",
    "当前位置：首页 > 新闻中心 > 本地新闻",
    "索引号：001-2023-00123 发布机构：江城县人民政府办公室",
    # seen on other outlets (docs/forms-survey.md, section G)
    "来源:\n作者:\n发布时间:2023-03-05",
    "来源:江城网-江城日报2023-03-05",
    "放大 缩小 默认",
    "时 间：2023-03-05",
    "来源:江城日报发布时间:2023-03-05",
    "索 引 号：001-2023-0012\n发布机构：江城县人民政府办公室",
    "2023-03-05 10:20:33 来源:江城日报 作者:张晓明 编辑:李红 点击:",
    "发布时间：2023-03-05 | 来源：江城日报 | 浏览：",
)
CHROME_AFTER = (
    "上一篇：江城召开项目推进会",
    "相关新闻",
    "【打印本页】 【关闭窗口】",
    "分享到：",
    "扫一扫在手机打开当前页",
    "【纠错】",
    "打印 关闭",
    "返回顶部",
    "版权所有：江城日报社",
    "点赞 收藏 分享",
    # seen on other outlets (docs/forms-survey.md, section G)
    "上一版3 4下一版",
    "国内统一刊号:CN43-0001 江城日报社出版",
    "我来说两句",
    "网友评论",
    "上一期 下一期",
    "扫码阅读手机版",
    "一键分享",
    "主办：江城县人民政府 承办：江城县融媒体中心",
    "您是第1234位访客",
)


# Captions seen on other outlets (docs/forms-survey.md, section F), printed between the two
# reports and above the first: the reports read as before, the caption no part of either.
CAPTIONS = (
    "3月4日，游客在江城公园赏花。张晓明 摄",
    "3月4日，游客在江城公园赏花。江城网记者张晓明摄",
    "3月4日，游客在江城公园赏花。（张晓明 摄）",
    "3月4日，游客在江城公园赏花。（摄影 张晓明）",
    "3月4日，游客在江城公园赏花。\n（本报记者 张晓明 摄）",
    "3月4日，游客在江城公园赏花。张晓明/摄",
    "3月4日，游客在江城公园赏花。（2023年3月4日摄） 新华社记者 张晓明 摄",
    "3月4日，游客在江城公园赏花。 江城县委宣传部供图",
    "3月4日，游客在江城公园赏花。图为游客在赏花。 本报记者 张晓明",
    "▲3月4日，游客在江城公园赏花。",
    "△游客在江城公园赏花。 本报记者 张晓明 摄",
    "上图：游客在江城公园赏花。 下图：市民在广场健身。",
    "右图 游客在江城公园赏花。",
    "图为游客在江城公园赏花。",
    "图①：游客在江城公园赏花。",
    "从左至右：张晓明、李红、刘芳",
    "（资料图片）",
)


# Page numbers and headers as papers and e-papers print them (docs/forms-survey.md, section G),
# over the page and between the reports.
FOLIOS = (
    "第09版:文化",
    "A01版:重点",
    "H01版:今日运河·头版",
    "HC01版",
    "第rb02版:要闻",
    "00003版:要闻",
    "第D06版:市民记者",
    "版次:[J2]",
    "版次:A08",
    "2023年3月5日 星期日 第A03版：要闻",
    "江城日报 2023-03-05 第3版",
    "A3 要闻 2023年3月5日 星期日 责编 张晓明 美编 李红",
)


# How leads open when they give no day, under a plain head with no dateline (many outlets print
# no dateline at all: docs/forms-survey.md, section A). Read right only where the opening is one
# no body paragraph shares; the rest are counted, not yet read.
UNDATED_LEADS = (
    "春节前夕，市委书记王建国走访慰问困难群众。",
    "本周，江城县召开项目推进会。",
    "3月初，江城县召开项目推进会。",
    "记者从市发改委获悉，今年全市重点项目建设进展顺利。",
    "连日来，江城县各地掀起春耕生产热潮。",
    "今年以来，江城县扎实推进项目建设。",
    "近年来，江城县坚持把民生实事摆在突出位置。",
    "为进一步推动高质量发展，市委常委会召开会议。",
    "在江城县产业园，工人们正在车间忙碌。",
    "“今年订单已经排到了年底。”公司负责人介绍。",
    "江城县召开项目推进会，研究部署重点工作。",
)


def undated_right(lead: str) -> bool:
    """The report under a plain head whose lead gives no day, printed after another, reads whole."""
    page = f"{H2}\n{B2}\n\n{H1}\n{lead}\n会议强调，各级各部门要切实履职尽责。市领导刘明、陈红出席会议。"
    arts = parse_text(page).articles
    heads = [a.headline.text if a.headline else None for a in arts]
    return heads == [H2, H1] and arts[1].body_text.startswith(lead[:6])


def read_right(page: str, *, besides_photos: bool = False) -> bool:
    arts = parse_text(page).articles
    if besides_photos:
        arts = [a for a in arts if a.kind != "photo"]
    heads = [a.headline.text if a.headline else None for a in arts]
    bodies = [a.body_text for a in arts]
    return (
        heads == [H1, H2]
        and bodies[0].startswith("3月5日")
        and bodies[1].startswith("日前")
        and bodies[0].endswith(END1)
        and bodies[1].endswith(END2)
    )


def datelines() -> Iterator[tuple[tuple[str, ...], str]]:
    for outlet, (op, cl), roles, mark, sep, names, tail in itertools.product(
        OUTLETS, BRACKETS, ROLES, MARKS, LISTS, NAMES, TAILS
    ):
        if (not outlet and not op) or (op and tail):
            continue  # no form prints neither outlet nor bracket; 报道 ends bare credits only
        credit = sep.join(
            f"{role}{mark}{'、'.join(names) if k == 0 else '刘芳'}" for k, role in enumerate(roles)
        )
        dims = (outlet or "-", op or "-", "+".join(roles), mark or "-", sep, str(len(names)), tail or "-")
        yield dims, f"{outlet}{op}{credit}{tail}{cl}"


def family(
    name: str,
    forms: tuple[str, ...],
    page: Callable[[str], str],
    show: int,
    right: Callable[[str], bool] = read_right,
) -> None:
    bad = [f for f in forms if not right(page(f))]
    print(f"{name:10s} {len(forms) - len(bad):5d} of {len(forms):5d} read right")
    for f in bad[:show]:
        print("    ", repr(f))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", type=int, default=5, help="forms misread to print for each family")
    args = ap.parse_args()
    total: Counter[tuple[int, str]] = Counter()
    failed: Counter[tuple[int, str]] = Counter()
    examples: list[str] = []
    n = ok = 0
    for dims, dl in datelines():
        right = read_right(f"{H1}\n{dl}{B1}\n\n{H2}\n{dl}{B2}")
        n += 1
        ok += right
        for k, v in enumerate(dims):
            total[k, v] += 1
            failed[k, v] += not right
        if not right and len(examples) < args.show:
            examples.append(dl)
    print(f"{'datelines':10s} {ok:5d} of {n:5d} read right")
    names = ("outlet", "bracket", "roles", "mark", "list", "names", "tail")
    for (k, v), t in sorted(total.items()):
        if failed[k, v]:
            print(f"     {names[k]:8s} {v!r:22s} {failed[k, v]:5d} of {t:5d} misread")
    for dl in examples:
        print("    ", repr(dl))
    family("seen", DATELINES_SEEN, lambda f: f"{H1}\n{f}{B1}\n\n{H2}\n{f}{B2}", args.show)
    photos_aside = partial(read_right, besides_photos=True)
    family("captions", CAPTIONS, lambda f: f"{H1}\n{B1}\n\n{f}\n\n{H2}\n{B2}", args.show, photos_aside)
    family("captions", CAPTIONS, lambda f: f"{f}\n\n{H1}\n{B1}\n\n{H2}\n{B2}", args.show, photos_aside)
    family("folios", FOLIOS, lambda f: f"{f}\n{H1}\n{B1}\n\n{H2}\n{B2}", args.show)
    family("folios", FOLIOS, lambda f: f"{H1}\n{B1}\n\n{f}\n{H2}\n{B2}", args.show)
    family("undated", UNDATED_LEADS, lambda f: f, args.show, undated_right)
    family("bylines", BYLINES, lambda f: f"{H1}\n{f}\n{B1}\n\n{H2}\n{f}\n{B2}", args.show)
    family("closings", CLOSINGS, lambda f: f"{H1}\n{B1}\n{f}\n\n{H2}\n{B2}\n{f}", args.show)
    family("run-on", RUN_ON, lambda f: f"{H1}\n本报讯 {B1}{f}\n\n{H2}\n本报讯 {B2}{f}", args.show)
    family("chrome", CHROME_UNDER, lambda f: f"{H1}\n{f}\n{B1}\n\n{H2}\n{f}\n{B2}", args.show)
    family("chrome", CHROME_AFTER, lambda f: f"{H1}\n{B1}\n{f}\n\n{H2}\n{B2}\n{f}", args.show)


if __name__ == "__main__":
    main()
