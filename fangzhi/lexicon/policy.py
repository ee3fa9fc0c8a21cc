"""How a paper prints policy lines in quotation marks, and what else it quotes.

A slogan (“制造立市、文旅兴城”, “三高四新”, “一楼一策”) is quoted as the object of policy verbs or
the modifier of policy nouns: 实施“…”战略, 落实“…”要求, 推进“…”行动. Quotation marks also hold
speech, honours (“全国抗疫三八红旗手”), names of things and figures of speech (“金钥匙”);
those are not slogans.
"""

from __future__ import annotations

import re

# Verbs printed just before a slogan.
CUE_VERBS = (
    r"(?:实施|落实|贯彻落实|贯彻|推进|深入推进|推动|坚持|围绕|聚焦|践行|打造|打好|打赢|深化|开展|紧盯|按照|"
    r"突出|对标|构建|抓实|抓好|推行|实行|建设|建好|参与|扎实推进|加快推进|全面落实|持续推进|"
    r"大力实施|加快建设|争创|创建|力争|为实现|在实现|把握|锚定|瞄准|以开展)"
)
CUE_BEFORE = re.compile(CUE_VERBS + r"[\u4e00-\u9fff]{0,6}$")
# The same verb anywhere in the quote's clause: 打造甲、乙、丙“五张产业名片”.
CUE_IN_CLAUSE = re.compile(CUE_VERBS)
# Nouns printed just after one.
CUE_AFTER = re.compile(
    r"^(?:发展战略|战略|总目标|目标任务|目标|行动计划|行动|攻坚行动|专项行动|工程|要求|格局|理念|"
    r"园区|建设|工作|任务|规划|美好蓝图|蓝图|政策|政策措施|改革|机制|模式|精神|课题|"
    r"这一|等|战略目标|攻坚战|为主线|为抓手|主线|导向|体系|示范|试点|进程|的目标定位|目标定位|定位|"
    r"的总体布局|总体布局|布局|活动)"
)
# A numbered formula: 三高四新, 十四五, 一楼一策, 两个毫不动摇, 14条优势产业链.
NUMBERED = re.compile(r"[一二三四五六七八九十两双百千万\d]")
# Quotes that are honours, awards, names of things, holidays: never slogans.
HONOUR_END = re.compile(
    r"(?:奖|奖项|称号|标兵|卫士|红旗手|先锋|模范|好人|明星|之星|能手|工匠|示范村|示范县|先进集体|"
    r"先进个人|先进|典型|集体|个人|驾驶员|教师|医生|家庭|楷模|英雄|人物|的哥的姐|节|日|周|月)$"
)
HONOUR_BEFORE = re.compile(
    r"(?:荣获|获得|获评|评为|授予|荣膺|被评为|颁发|命名为|入选|当选|最美)[\u4e00-\u9fff]{0,4}$"
)
# A figure of speech: 是“指挥棒”, 当好“坚强前哨”, 成为“金钥匙”.
METAPHOR_BEFORE = re.compile(r"(?:是|当好|当|成为|做|的|像|如|似|称为|誉为|被誉为)$")
# Quoted names with a numeral that are no policy line: the year's sessions, a party routine.
NOT_SLOGANS = frozenset("两会 三会一课 双节 五一 十一 七一 八一".split())
# A quote that sums up what someone said: 用“四个选择”概括, 以“三个没想到”形容.
SUMMARY_AROUND = re.compile(r"(?:用|以)“[^”]{2,12}”(?:来)?(?:概括|总结|形容|描述)")
# Idioms of four characters are phrases of style, not policy (and 一盘棋, 一条心).
IDIOM_FORMULAS = frozenset(
    "一盘棋 一条心 一张图 一把手 一家亲 一股劲 满堂红 满堂彩 四两拨千斤 一举两得 一石二鸟 "
    "三心二意 七上八下 九牛一毛 千方百计 三番五次 四面八方 五湖四海 万无一失 一清二楚 十全十美 "
    "千军万马 一鼓作气 一马当先 一往无前 独一无二 一针见血 一目了然 一丝不苟 一如既往 千家万户 "
    "千头万绪 万紫千红 五花八门 四通八达".split()
)
# What is fought, not pursued: 整治“庸懒散”, 破除“四风”问题 — a named problem is no policy line.
AGAINST_BEFORE = re.compile(
    r"(?:整治|纠治|破除|杜绝|防止|克服|反对|纠正|根治|治理|查处|惩治)[\u4e00-\u9fff]{0,4}$"
)
# A period named in quotes: 把握“决胜之年”, 迎来“收官之年”.
PERIOD_END = re.compile(r"(?:之年|之际|之时|元年)$")

# A quote shaped as policy lines are, whose own sentence does not say it is one (今年是“十四五”
# 的关键之年; “甲、乙、丙”已成共识): a numbered formula, or a run of parallel phrases. Its use
# elsewhere decides it — a slogan by a policy verb in another article, or quoted in REPEATS
# articles of the page or the archive. A one-off quote of this shape stays a quote. A formula
# opens with its numeral (三高四新, 两个毫不动摇); a name or saying holds one inside (某某一号, 大于一切).
NUMBERED_SHAPE = re.compile(r"^(?:[一二三四五六七八九十两双百千万]|\d+[条个项大])[\u4e00-\u9fff、]{1,11}$")
PARALLEL_SHAPE = re.compile(r"^[\u4e00-\u9fff]{3,8}(?:、[\u4e00-\u9fff]{3,8})+$")
REPEATS = 2
