"""Headline blocks, report closings, jump markers and page furniture."""

from __future__ import annotations

import re

from fangzhi.lexicon import press

# A kicker (引题) ends by handing over to the headline.
KICKER_END = re.compile(r"(?:——|—|：|:|强调|指出|表示|要求|时说|寄语|讲话)$")
# How a report's lead opens: with the day it tells of.
LEAD_OPENING = re.compile(
    r"(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|近日|日前|昨天|昨日|今天|今日|前不久|\d{1,2}日)"
    r"(?:[上下]午|晚|晚上|早上|凌晨|中午|傍晚)?(?:[，,]|\s*[\u4e00-\u9fff]{0,12}[，,])"
)
# How a report's lead opens when it gives no day, as a body paragraph does not: a week or a part
# of a month (本周, 3月初), a festival's eve (春节前夕), where the reporter learnt it (记者从…获悉).
# Spans of years (近年来, 今年以来) and aims (为进一步…) open body paragraphs as often: not here.
UNDATED_LEAD = re.compile(
    r"(?:本周|上周|连日来|近期|近段时间|近一段时间|(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:初|中旬|下旬|底|末|上旬)"
    r"|(?:春节|元旦|国庆|中秋|端午|清明|五一|“五一”|新春)(?:前夕|期间|假期|来临之际|前后)"
    r"|记者(?:从|日前从|近日从)[^，。]{2,24}(?:获悉|了解到|得知)"
    # a leader named with the posts a report's first sentence gives (市委副书记、市长甲会见…),
    # where a later paragraph names him alone
    r"|(?:[\u4e00-\u9fff]{1,10}?(?:书记|市长|县长|区长|州长|省长|主任|主席)[、，,]){0,2}"
    r"[\u4e00-\u9fff]{0,10}?(?:书记|市长|县长|区长|州长|省长|主任|主席)[\u4e00-\u9fff]{2,3}?"
    r"(?:会见|会晤|调研|主持|来到|深入|赴|带队|率队|走访|看望|检查|督导|视察|考察|出席))"
    r"[^。]{0,30}?[，,]"
)
# Who speaks, as segmentation weighs it: a paragraph opening with a speaker (甲强调，… / 甲在讲话中
# 指出，…), or with a pronoun (他强调…); a report's words of speech (SPEECH), and a sentence's
# (SPEAKS: 甲强调，…), which no photo's caption prints.
# (after the scene a report's later paragraph sets first: 视察中，甲指出… / 会上，乙强调…)
SPEAKER_OPENS = re.compile(
    r"^(?:(?:(?:视察|调研|检查|督导检查|督导|督查|暗访|考察|座谈|会见|会谈|走访|慰问)(?:中|时|期间)|会上|会后)[，,])?"
    r"([\u4e00-\u9fff]{2,4}?)(?:在讲话中|在致辞中|在会上|在调研中|在座谈中)?"
    r"(?:强调|指出|要求|表示|说|介绍|希望|认为|提出|感谢|代表)"
)
PRONOUN_SPEAKS = re.compile(r"(?:他|她)(?:在讲话中|在会上)?(?:强调|指出|要求|表示|说)")
SPEECH = re.compile(r"强调|指出|要求")
SPEAKS = re.compile(r"(?:强调|指出|要求|表示|认为|提出)[，,：:]")
# The event a headline names (某某会议召开, 甲调研某某), which its lead reports in the same words.
EVENT_IN_TITLE = re.compile(
    r"召开|举行|调研|会见|会谈|督导|检查|视察|开工|揭牌|签约|走访|慰问|座谈|开幕|闭幕|启动"
)
# An editor's note or summary printed between a report's head and its lead: 编者按：… / 【核心提示】….
EDITORS_NOTE = re.compile(
    r"^[【\[]?(?:编者按|编者的话|编后语|开栏的话|核心提示|内容提要|内容摘要|导读)[】\]]?\s*(?:[:：]|$)"
)
# A subtitle (副题) opens with a dash (——访…) or reports who presided or spoke.
SUBTITLE_START = re.compile(r"^(?:——|—|－－|--)")
SUBTITLE_CUE = re.compile(
    r"(?:主持|出席|讲话|致辞|颁奖|参加|会见|看望|慰问|调研|陪同|作报告|宣讲|督导|带队)"
    r"(?:会议)?$"
)
INTERVIEW = re.compile(r"^(?:——|—)?\s*(?:访|专访|对话)")
ENUMERATED_SUBHEAD = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d{1,2}(?:、|[.．](?!\d))"
    r"|第[一二三四五六七八九十]+[，、])"
)

# Verbs that report speech: a clause ending in one opens a paragraph (会议强调，…).
REPORTING_VERBS = frozenset(
    (
        "强调", "指出", "要求", "表示", "认为", "提出", "说", "称", "介绍", "透露",
        "坦言", "希望", "建议", "主张", "部署", "宣布", "通报", "听取", "要", "应",
    )
)  # fmt: skip

# Who an attendance line names, and the verb it ends with.
LEADER_WORD = re.compile(
    r"领导|书记|市长|县长|区长|省长|州长|主任|部长|局长|厅长|处长|主席|委员|常委|秘书长|镇长|乡长|校长|"
    r"院长|董事长|总经理|组长|司令员|政委|参事|巡视员|代表|盟长|旗长|负责同志|负责人"
)
_ATTENDING = (
    r"(?:出席|参加|陪同|参与|在场|列席|一同)(?:了)?(?:调研|座谈|考察|检查|视察|督导|慰问|颁奖|会见|会谈|"
    # an event named by what it is (升旗仪式, 集中开工活动, 全市经济工作会议): up to six characters
    r"[\u4e00-\u9fff]{0,6}?(?:会议|活动|仪式|典礼|大会|开幕式|座谈会))?"
)
CLOSING_TAIL = re.compile(_ATTENDING + r"(?:并[\u4e00-\u9fff]{1,4})?。$")
# A sentence listing who attended, anywhere (a lead's second): not the leader who attended and
# spoke (甲出席并讲话), whom a report names first and its attendees after
ATTENDANCE = re.compile(_ATTENDING + "。")
# Attendees named by no one's post: the units' people (各县市区有关负责同志…参加会议), a line that
# follows the leaders' in a report of a meeting held over a video link
UNNAMED_ATTENDEES = re.compile(r"负责同志|负责人|有关单位|有关部门")
# A line that is only a credit's label (记者 / 编辑 / 制作 on a line of its own, the names on the
# next): a closer printing roles and names on alternate lines. No sentence is cut so short.
ROLE_LABEL_LINE = re.compile(
    r"^\s*(?:记者|通讯员|摄影|摄像|编辑|责任编辑|责编|美编|校对|审核|一审|二审|三审|初审|复审|终审|编审|"
    r"监制|总监制|制作|出品|策划|统筹|撰稿|来源|作者|剪辑|配音|主播|文/图|图/文)\s*[:：]?\s*$"
)
CLOSING_OTHER = re.compile(r"(?:会议还研究了?其他事项|其他事项)。$|[（(]完[）)]$")

# Two-character words that open a sentence with a list (省、市、县三级…, 党政、企业…).
LIST_OPENERS = frozenset(
    "党政 省市 市县 县乡 乡镇 城乡 军地 政企 校企 银企 中小 大中 上下 内外 左右 前后".split()
)

# Jump markers: the article continues on, or comes from, another page.
# A page is numbered in digits or Chinese numerals, a circled digit may follow (第二版④).
PAGE_NO = r"[A-Za-z]?(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# 下转/转/续 (and 详见, 见: where the rest is printed); 上接/接/承, or with no page (接上版)
_TO = r"(?:下转|紧转|转|续|下接|详见|见)"
_FROM = r"(?:(?:上接|接|紧接|承)(?:第)?\s*" + PAGE_NO + r"\s*(?:版|页)|(?:接|承)上(?:版|页))"
JUMP_TO = re.compile(r"[（(]\s*" + _TO + r"(?:第)?\s*" + PAGE_NO + r"\s*(?:版|页)[^）)]{0,6}[）)]")
JUMP_FROM = re.compile(r"[（(]\s*" + _FROM + r"[^）)]{0,6}[）)]")
# The same printed as a line of its own with no bracket: 下转第2版 / →转A3版 / 上接第一版.
BARE_JUMP_TO = re.compile(r"^[→▶►]?\s*" + _TO + r"(?:第)?\s*" + PAGE_NO + r"\s*(?:版|页)\S{0,6}$")
BARE_JUMP_FROM = re.compile(
    r"^[→▶►]?\s*(?:(?:上接|紧接|承)(?:第)?\s*" + PAGE_NO + r"\s*(?:版|页)|(?:接|承)上(?:版|页))\S{0,6}$"
)

# Page furniture: a paper's name, folio, page header, section name, editors' credits.
PAPER_NAME = r"[\u4e00-\u9fff]{2,8}?(?:日报|晚报|早报|时报|商报|都市报|快报|周报|青年报|法治报)"
# Section (栏目) names printed in page headers.
SECTION = (
    r"(?:要闻|综合|综合新闻|本地新闻|本埠新闻|地方新闻|时政|时政要闻|政务|经济|财经|产经|社会|民生|城事|文化|文体|"
    r"体育|国际|国内|评论|时评|理论|副刊|专版|专题|特刊|广告|县域|区县|视觉|图片新闻|图片|乡村振兴|党建|法治|"
    r"教育|健康|科技|旅游|文旅|生活|观察|聚焦|关注|要闻·综合|新闻)"
)
SECTION_LINE = re.compile(r"^" + SECTION + r"$")
# a page's number: 第3版, 第三版, A3, A03版, and e-papers' HC01版, 第rb02版, 00003版
FOLIO = (
    r"(?:第\s*(?:[A-Za-z]{0,2}\d{1,5}|[一二三四五六七八九十]{1,3})\s*版|[A-Za-z]{0,2}\d{1,3}(?:版)?"
    r"|[A-Za-z]{0,2}\d{1,5}版)"
)
ISSUE_DATE_LINE = re.compile(
    r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日\s*(?:星期|周)[一二三四五六日天]"
)
# The day a web page was published, as its particulars label it (刊发日期：2019-08-01 / 发布时间：
# 2021-10-28 10:30), and an e-paper's page line with its day of printing (综合 >2024-5-27编印):
# the page's date, where no masthead prints one
PUBLISHED_DATE = re.compile(
    r"(?:(?:发布|刊发|发表|刊登|出版)(?:时间|日期)\s*[:：]?\s*|(?=\d{4}-\d{1,2}-\d{1,2}\s*编印))"
    r"(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})"
)
FURNITURE_LINE = re.compile(
    r"^(?:"
    # an e-paper's page line: its section, then the day it was printed (综合 >2024-5-27编印)
    + r"[\u4e00-\u9fff]{2,8}\s*[>＞]\s*\d{4}-\d{1,2}-\d{1,2}\s*编印"
    + r"|"
    + PAPER_NAME
    + r"(?:\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2})?"  # 某某日报 2023-03-05 第3版
    + r"(?:\s*"
    + FOLIO
    + r")?"
    + r"|"
    + FOLIO
    + r"(?:\s*[:：]?\s*[\u4e00-\u9fff·]{2,8})?(?:\s+"
    + PAPER_NAME
    + r")?"
    + r"|"
    + SECTION
    + r"(?:\s*"
    + FOLIO
    + r")?"
    # a date with its weekday, after the paper's or the site's name (某某自治州人民政府网 …)
    + r"|(?:.{0,24}\s)?\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期|周)[一二三四五六日天](?:\s*.{0,40})?"
    # a web page's menu or the trail to it: 首页 新闻中心 政务要闻 / 首页 > 新闻 > 要闻
    + r"|首页(?:(?:\s*[>›»/|｜]\s*|\s+)[\u4e00-\u9fff]{2,8}){1,8}"
    # a page's label on a web copy of the paper: 版面：6版：要闻 / 【版次】第A06版:某某
    + r"|[【\[]?(?:版面|版次|版号|版名)[】\]]?\s*[:：]?\s*\[?"
    + FOLIO
    + r"\]?"
    + r"(?:\s*[:：]?\s*[\u4e00-\u9fff·]{2,10})?"
    # labels a sentence may open with (主编强调…), with names alone after them: 主编 甲 / 摄制 | 乙
    + r"|(?:责任校对|值班主编|副主编|主编|编委|摄制|值班主任|值班编辑)\s*[:：|│]?\s*[\u4e00-\u9fff·]{2,4}"
    + r"(?:[\s、，,]+[\u4e00-\u9fff·]{2,4}){0,3}"
    + r"|[（(\[【]?\s*(?:本版)?(?:责任编辑|责编|编辑|美编|美术编辑|版式|校对|组版|审读|值班编委|"
    + r"图片编辑|版面设计|一审|二审|三审|初审|复审|终审|审核|审签|编审|总监制|监制|出品"
    # the same two-character labels letter-spaced to the width of the others: 编 辑 / 一 审
    + r"|编\s+辑|责\s+编|校\s+对|[一二三初复终]\s+审|审\s+核|监\s+制)"
    + r"\s*[:：|│]?\s*\S.{0,60}"
    + r"|(?:本版|本期)?(?:投稿|新闻热线|热线电话|邮箱)\s*[:：].{0,40}"
    # an e-paper's issue number on a line of its own: 第2020-10-25期 / 第1234期, and its header
    # of the day's pages and the paper's running number (今日8版 总第3640期 星期六 …)
    + r"|第\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,5})\s*期"
    + r"|(?:今日\s*\d{1,3}\s*版\s*)?总第\s*\d{1,6}\s*期.{0,60}"
    # a video report's credit roll, its labels with a colon: 编导：某某 / 配音：某某 (视频制作 and 剪辑
    # are roles a byline names: 视频制作：某某 under a head is the report's byline)
    + r"|(?:编导|配音|摄像|后期|视频|制作|策划|统筹)\s*[:：]\s*[\u4e00-\u9fff·、，, ]{2,40}"
    # a portal's line of particulars: 发布时间 2021-10-28 来源：某网 作者：某某 点击：
    + r"|(?:发布时间|发布日期|时间)?\s*[:：]?\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
    + r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?"
    + r"\s*(?:来源|作者|编辑|责任编辑|点击|浏览|阅读|字号|字体|放大|缩小|打印)\s*[:：]?.{0,60}"
    + r"|来源\s*[:：]\s*[\u4e00-\u9fffA-Za-z·\-]{2,20}\s*\d{4}-\d{1,2}-\d{1,2}.{0,30}"
    # an e-paper reader's header, one particular a line: the weekday alone, the paper's name
    # labelled, a particular's label with nothing after it (时间： / 来源： over a button's word),
    # the reader's own name (电子报阅读机, printed over the date by a reader many papers use)
    + r"|(?:星期|周)[一二三四五六日天]"
    + r"|当前报纸名称\s*[:：].{0,30}|电子报阅读机"
    + r"|(?:时间|日期|来源|作者|字号|编辑|责任编辑|发布时间|发布日期)\s*[:：]"
    # a reprint's reference to where it was first printed: ——2016年5月9日1版
    + r"|[—－-]{1,2}\s*\d{4}年\d{1,2}月\d{1,2}日\s*"
    + FOLIO
    + r")$"
)
# FURNITURE_LINE's longest match: each alternative's parts are bounded (a label, a date and time,
# .{0,60}); a longer line is not tried against it
FURNITURE_MAX = 160
# The characters FURNITURE_LINE's alternatives open with, but for a digit and white space, and for
# a paper's name and an issue date, which may open with any character but print 报 and 年.
_FURNITURE_OPENS = frozenset(
    "(:[【一三专乡二产体值健党关出初制副区县发后国图地城复审广总投摄政教文新旅时本来校民法热版特理生监社科第"
    "星周当日字作首—－-"
    "策组终经统综编美聚要观视评财责邮配主今（：ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
)


# A review chain a new-media post closes with, in label|name pairs run together, the first label
# after the outlet's name (某某网主播|甲责任编辑|乙二审编辑|丙终审编辑|丁监制|戊): the editors', no report's.
_ROLL_ROLE = (
    r"(?:[一二三初复终]审)?编辑|责任编辑|责编|主播|主持人?|[一二三初复终]审|审核|总?监制|出品人?|制片人?|"
    r"策划|统筹|记者|摄影|摄像|剪辑|校对|制作|配音|后期"
)
_ROLL_PAIR = r"(?:" + _ROLL_ROLE + r")\s*[|｜丨]\s*[\u4e00-\u9fff·]{2,4}?"
# …with an editor's or a reviewer's label among them: 记者|甲 摄影|乙 alone credits a report
CREDIT_ROLL = re.compile(
    r"^(?=.*(?:编辑|责编|审|监制|出品|制片))\s*[\u4e00-\u9fffA-Za-z]{0,10}?"
    + _ROLL_PAIR
    + r"(?:\s*"
    + _ROLL_PAIR
    + r")+\s*$"
)


def furniture_line(s: str) -> bool:
    """FURNITURE_LINE matches the line: tried only on a line that could open one of its forms (most
    lines of a page open with none, and print neither 报, 年 nor 编印); or the line is a review chain
    (CREDIT_ROLL), whose pairs are parted by bars."""
    if ("|" in s or "｜" in s or "丨" in s) and CREDIT_ROLL.match(s):
        return True
    first = s[:1]
    if not (
        first in _FURNITURE_OPENS
        or "报" in s
        or "年" in s
        or "编印" in s
        or first.isdigit()
        or first.isspace()
    ):
        return False
    return FURNITURE_LINE.match(s) is not None


# A web page's line of particulars under a headline: 来源：某网 作者：某某 发布时间：2021-10-28 点击：
# — labelled fields, or an outlet's name and a date (某某日报 2011-12-16 06:30). Labels a report
# may print in its own text (时间：… 地点：… of a notice) count only beside one of these.
_PARTICULAR = (
    r"(?:信息来源|来源|稿源|作者|发布者|发布人|发布单位|发布机构|索引号|生成日期|成文日期|发文机关|主题分类|发布时间|发布日期|发表时间|发表日期|刊发日期|更新时间|录入时间|点击数|点击量|点击|"
    r"浏览次数|浏览量|浏览|阅读次数|阅读量|访问量|字号|字体|语音阅读|版次|版面)"
)
PARTICULAR_FIELD = re.compile(_PARTICULAR + r"\s*[:：]")
ANY_FIELD = re.compile(r"(?:" + _PARTICULAR[3:-1] + r"|时间|日期|编辑|责任编辑|责编|审核|分享到?)\s*[:：]")
NUMERIC_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
OUTLET_AND_DATE = re.compile(
    r"^[\u4e00-\u9fffA-Za-z·]{2,16}?(?:日报|晚报|早报|时报|商报|都市报|新闻网|网|客户端|融媒|融媒体中心)"
    r"(?:\s+|\s*[|｜丨]\s*)\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[\u4e00-\u9fff]{0,4}$"
)


_SPACED_LABEL = re.compile(r"^((?:[\u4e00-\u9fff][ \u3000]+){1,3}[\u4e00-\u9fff])(?=\s*[:：])")
_EMPTY_FIELD = re.compile(_PARTICULAR + r"\s*[:：]\s*$")
# labels only a portal's particulars print, so that one alone on its line tells it (stacked fields)
_PORTAL_FIELD = re.compile(
    r"^(?:索引号|发布机构|发文机关|成文日期|生成日期|主题分类|发布者|发布人|浏览次数|点击数|点击量|阅读次数|"
    r"录入时间|更新时间|稿源|信息来源|文号)\s*[:：]"
)


_LABEL_SPACES = (" ", "\u3000")


def unspaced_label(s: str) -> str:
    """The line with a label letter-spaced to the width of the others closed up: 时 间：… → 时间：…."""
    spaced = _SPACED_LABEL.match(s) if s[1:2] in _LABEL_SPACES else None  # a space after its first letter
    if spaced is None:
        return s
    return re.sub(r"[ \u3000]+", "", spaced.group(1)) + s[spaced.end() :]


_SENTENCE_MARK = re.compile("[。，；！？]")  # searched in C: a test of each mark took a frame a line


# A particulars line's author field that names a reporter (作者：记者 甲, 记者：甲 乙): the report's
# byline, printed among the page's particulars.
_ROLE = press.REPORTER_ROLE
AUTHOR_FIELD = re.compile(
    r"(?:作者\s*[:：]\s*(?=(?:" + _ROLE + r"))|(?<![\u4e00-\u9fff])(?=(?:" + _ROLE + r")\s*[:：]))"
    r"(?P<credit>(?:" + _ROLE + r")\s*[:：]?\s*[\u4e00-\u9fff·]{2,4}"
    r"(?:[ \u3000、，,]+(?:(?:" + _ROLE + r")\s*[:：]?\s*)?[\u4e00-\u9fff·]{2,4})*)\s*$"
)

# …and one anywhere on the line that names its people after 作者 or a reporter's role, with the
# particulars after it (作者：甲 乙 来源：某网 发布时间：…, 来源：某网 某某全媒体记者 甲 乙): each name
# two to four characters that no colon follows (编辑：, 来源： are the next fields' labels)
_FIELD_NAME = r"[\u4e00-\u9fff·]{2,4}(?![\u4e00-\u9fff·]|\s*[:：])"
AUTHOR_NAMED = re.compile(
    r"(?P<credit>(?:作者\s*[:：]\s*|(?<![\u4e00-\u9fff])[A-Z]{0,4}(?:"
    + _ROLE
    + r")\s*[:：]?\s*)"
    + _FIELD_NAME
    + r"(?:[ \u3000、，,]+"
    + _FIELD_NAME
    + r")*)(?:\s+(?:文/图|文图|图/文|摄影?))?(?=\s|$)"
)


def particulars_line(s: str) -> bool:
    """A line of a web page's particulars, no part of any report's text."""
    s = unspaced_label(s.strip())
    if ":" not in s and "：" not in s:  # no labelled field: an outlet's name and a date at most
        return (
            len(s) <= 90
            and not _SENTENCE_MARK.search(s)
            and ("-" in s or "年" in s)
            and OUTLET_AND_DATE.match(s) is not None
        )
    if _EMPTY_FIELD.match(s) or (len(s) <= 60 and _PORTAL_FIELD.match(s)):
        return True  # 来源： with nothing after, a field the page left empty; 索引号：… alone
    if s.startswith(("原标题：", "原标题:")):
        return len(s) <= 60  # a reprint names the title it was first printed under
    if len(s) > 90 or _SENTENCE_MARK.search(s):
        return False
    if OUTLET_AND_DATE.match(s):
        return True
    if PARTICULAR_FIELD.search(s) is None:
        return False
    return len(ANY_FIELD.findall(s)) >= 2 or NUMERIC_DATE.search(s) is not None


# A web page's controls and links printed among its text (打印 关闭, 分享到：, 上一篇：…, 版权所有…):
# words of a page's chrome only, or a line that opens with a link's label.
_CHROME_WORD = re.compile(
    r"打印本页|打印本文|打印|关闭窗口|关闭本页|关闭|返回顶部|返回首页|返回列表|返回|分享到|分享|收藏本页|收藏|点赞|"
    r"纠错|我要纠错|扫一扫在手机打开当前页|扫一扫|在手机打开当前页|手机看|字体|字号|默认|大|中|小|背景色|"
    r"展开详细|展开全文|阅读全文|查看全文|语音播报|政务微信|政务微博|我要举报|通版阅读请点击|展开通版|收缩通版|"
    r"最新文章|热门文章|推荐文章|相关推荐|点击蓝字|关注我们|字体设置|字号设置|设置|滑动查看更多|查看更多|"
    r"浏览次数|阅读次数|点击次数|点击数|"
    r"相关新闻|相关阅读|相关链接|相关文章|推荐阅读|延伸阅读|热点推荐|更多|评论|转发|举报|复制链接|微信|微博|QQ空间|"
    r"[上下]一[篇条期版]|无|顶|踩|编辑推荐|我来说两句|发表评论|网友评论|放大|缩小|扫码阅读手机版|扫码阅读|手机版|一键分享"
)
_CHROME_SEP = re.compile(
    r"[\s【】\[\]（）()|｜:：·/<>«»\-—,，、0-9]+"
)  # (3 上一篇 下一篇 4: the pages' numbers)
# every character a line of controls may hold: a line with any other is told so at once
_CHROME_CHARS = frozenset(re.sub(r"[^\u4e00-\u9fffA-Za-z]", "", _CHROME_WORD.pattern)) | frozenset(
    " \t\u3000【】[]（）()|｜:：·/<>«»-—,，、0123456789"
)
_LINK_LINE = re.compile(
    r"[【\[]?(?:[上下]一[篇条]|相关(?:新闻|阅读|链接|文章)|推荐阅读|延伸阅读)[】\]]?\s*[:：]"
    r"|版权所有|版权归|Copyright|免责声明"
    # a notice of rights after the report: 未经授权，严禁转载 / 转载请注明出处 / 本站原创文章，转载请…
    r"|[【\[（(]?(?:本站原创|本文系|未经(?:本[网站报])?(?:授权|许可|书面授权)|转载请|如需转载|凡注明)"
    r"[^。]{0,40}(?:转载|使用|链接|出处|来源)"
    # …and one that opens by naming whose original it is: 文章为某某融媒体中心原创，转载…
    r"|(?:本文|文章|本稿|此文)(?:为|系|是|由)[^。，]{2,24}原创[^。]{0,6}[，,。][^。]{0,24}(?:转载|授权|合作)"
    # a breadcrumb: 当前位置：首页 > 新闻中心, 首页 >> 要闻
    r"|(?:您?当前(?:的)?位置|[您我](?:现在)?的位置(?:是)?|您?所在(?:的)?位置|位置|当前页|当前版)\s*[:：]"
    # a pointer to more on the outlet's site: 更多详细新闻请浏览某某网
    r"|更多[\u4e00-\u9fff]{0,8}请(?:浏览|访问|登录)[\u4e00-\u9fff]{2,12}网"
    r"|首页\s*(?:>|＞|»|›|/)"
    # a site's footer and counters: 主办：…, 国内统一刊号：…, 您是第N位访客, 上一版3 4下一版
    r"|(?:主办|承办|协办|技术支持)\s*[:：]|国内统一刊号|您是第\s*\d+\s*位访客|上一版\s*\d+\s*\d*\s*下一版"
    # a copyright holder's line (©某某传媒有限公司), an account's call to share and where to send
    # work (欢迎分享转发 / 转载须注明来源某某(ID:…) / 投稿邮箱：), an e-paper's back issues (过往期刊)
    r"|[©Ⓒ]|欢迎(?:分享|转发|关注|点赞|留言)|转载须注明|(?:投稿|来稿)(?:邮箱|信箱|电话|热线)\s*[:：]|过往期刊$"
)
# a note in place of a picture's caption: （资料图片）, (相关资料图), 网络图片
_PICTURE_NOTE = re.compile(
    r"^[（(]?\s*(?:资料图片|资料图|相关资料图|网络图片|示意图|效果图|图片来源网络)\s*[）)]?$"
)
_COUNT_LINE = re.compile(r"^(?:阅读|点击|浏览|访问)(?:次数|量|数)?\s*[:：]\s*\d+\s*次?$")
_DATE_ALONE = re.compile(
    r"^(?:(?:时间|日期)\s*[:：]\s*(?=\d{4}\s*[-/年]))?\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$"
)


# the first characters _LINK_LINE, _COUNT_LINE, _DATE_ALONE (with a digit) and _PICTURE_NOTE open with
_CHROME_OPENS = frozenset(
    "【[上下相推延版C免（(本未转如凡您我当所位首主承协技国" + "阅点浏访" + "时日" + "资网示效图" + "文此"
    + "©Ⓒ欢投来过更"
)  # fmt: skip
CHROME_MAX = 96  # no line of chrome or particulars is longer (nor ever a paragraph shorter)

# A page header pieced together from furniture's parts with bars or spaces between them
# (04 │ 要闻 │ 2023年5月3日, A2 要闻 2023年5月3日 星期三): every part a folio, a section, a
# paper's name, a date or a weekday.
_HEADER_SEP = re.compile(r"[\s│┃|｜丨·•/]+")
_HEADER_PART = re.compile(
    r"(?:" + FOLIO + "|" + SECTION + "|" + PAPER_NAME
    + "|" + NUMERIC_DATE.pattern + r"日?|(?:星期|周)[一二三四五六日天]|\d{1,2}月\d{1,2}日)"
)  # fmt: skip
_SECTION_WORD = re.compile(SECTION)
_HEADER_HINT = re.compile(r"[\d报版.一二三四五六七八九十]")
_HEADER_STOP = re.compile("[，。；！？、“”]")
# A web address on a line of its own: the page's own, printed by its footer or header.
_URL_LINE = re.compile(r"^(?:https?://)?(?:www\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/\S*)?$")


def header_line(s: str) -> bool:
    """A page header of furniture's parts alone, two or more of them: 04 │ 要闻 │ 2023年5月3日."""
    s = s.strip()
    # a folio, a date, a paper's name or an address prints one of these, and no sentence's mark
    if not s or len(s) > 60 or _HEADER_HINT.search(s) is None or _HEADER_STOP.search(s):
        return False
    if _URL_LINE.match(s):
        return True
    parts = [p for p in _HEADER_SEP.split(s) if p]
    # sections alone (聚焦 乡村振兴) may be a kicker's words: a folio, a date or a paper's name says
    # the line is the page's
    return (
        len(parts) >= 2
        and all(_HEADER_PART.fullmatch(p) for p in parts)
        and not all(_SECTION_WORD.fullmatch(p) for p in parts)
    )


# Chrome that may open with any character, each told by how it is built or how it ends: a trail of
# three parts or more parted by arrows (某网>广东>某市>正文), who runs the site at its foot
# (中共某某委宣传部主办 / 某某融媒体中心承办), the group's e-papers (某某集团系列数字报刊)
_DAY_WORDS = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?|星期[一二三四五六日天]"
)
_TRAIL = re.compile(r"(?:[^\s>＞»›]{2,12}\s*(?:>>?|＞|»|›)\s*){2,}[^\s>＞»›]{2,12}$")
_SITE_FOOT = re.compile(
    r"[\u4e00-\u9fff]{2,40}(?:主管|主办|承办|协办)$|[\u4e00-\u9fff ]{0,16}(?:系列数字报刊|数字报纸?|电子报)$"
)
_SITE_FOOT_ENDS = ("主管", "主办", "承办", "协办", "数字报刊", "数字报", "数字报纸", "电子报")


def chrome_line(s: str) -> bool:
    """A line of a web page's controls, links, counters or its date alone: no report's text."""
    s = unspaced_label(s.strip())
    if not s or len(s) > 60:
        return False
    # a link, a counter, a date or a picture's note opens the line: a line that opens with none of
    # their first characters (a headline, mostly) is not matched against them
    opens = s[0] in _CHROME_OPENS or s[0].isdigit()
    if (opens and (_LINK_LINE.match(s) or _COUNT_LINE.match(s) or _DATE_ALONE.match(s))) or "ICP备" in s:
        return True
    if opens and _PICTURE_NOTE.match(s):
        return True
    if (">" in s or "＞" in s or "»" in s or "›" in s) and _TRAIL.match(s):
        return True
    if s.endswith(_SITE_FOOT_ENDS) and _SITE_FOOT.match(s):
        return True
    dated = _DAY_WORDS.sub(" ", s)  # 2016-5-19 星期四 字体设置：the page's day beside its controls
    if dated != s and _CHROME_CHARS.issuperset(dated) and _CHROME_WORD.search(dated):
        s = dated
    if not _CHROME_CHARS.issuperset(s):
        return False
    words = [w for w in _CHROME_SEP.split(s) if w]
    return bool(words) and all(_CHROME_WORD.fullmatch(w) for w in words)


# Marks that close a report or send it to another page: （完）, （下转第3版）, （编辑 某某）.
END_MARK = re.compile(
    r"\s*(?:[（(]\s*(?:完|终)\s*[）)]|[（(]\s*"
    + _TO
    + r"(?:第)?\s*"
    + PAGE_NO
    + r"\s*(?:版|页)[^）)]{0,6}[）)]"
    r"|[（(]\s*(?:责任编辑|编辑|责编)\s*[:：]?\s*[\u4e00-\u9fff·\s]{2,12}[）)])\s*$"
)
CLOSED = re.compile(r"[（(]\s*(?:完|终)\s*[）)]")
START_MARK = re.compile(r"^\s*[（(]\s*" + _FROM + r"[^）)]{0,6}[）)]\s*")
# A paper's name glued to the end of a finished sentence: …担当。某某日报
GLUED_PAPER = re.compile(r"(?<=[。！？”）])\s*(" + PAPER_NAME + r")\s*$")
