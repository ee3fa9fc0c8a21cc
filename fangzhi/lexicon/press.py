"""How papers credit their pieces: datelines, byline roles, photo credits, commentary voices."""

from __future__ import annotations

import re

# What a news organisation's name ends with, longest first.
OUTLET_SUFFIX = (
    "融媒体中心|新闻中心|新闻网|客户端|电视台|广播电视台|日报社|晚报社|都市报|日报|晚报|早报|时报|商报|快报"
    "|周报|新闻|网|报|台"
)

# Roles that precede a name in a byline; longest first so 全媒体记者 wins over 记者.
REPORTER_ROLES = (
    "全媒体记者",
    "融媒体记者",
    "新媒体记者",
    "首席记者",
    "特约记者",
    "见习记者",
    "实习记者",
    "摄影记者",
    "全媒记者",
    "融媒记者",
    "主任记者",
    "高级记者",
    "驻站记者",
    "视频记者",
    "文字记者",
    "本报记者",
    "新华社记者",
    "人民日报记者",
    "记者",
    "特约通讯员",
    "通讯员",
    "实习生",
)
# The roles as a pattern's alternatives (longest first, as listed), for every pattern that reads one.
REPORTER_ROLE = "|".join(REPORTER_ROLES)
OTHER_ROLES = (
    "摄影",
    "摄像",
    "撰稿",
    "作者",
    # a paper's editors signing a commentary or an interview: 本报总编辑 甲 / 某某日报副总编 乙
    "副总编辑",
    "总编辑",
    "副总编",
    "整理",
    "编辑",
    "视觉",
    "视频制作",
    "剪辑",
    "设计",
    "文/图",
    "文·图",
    "文图",
    "图文",
    "图/文",
    "文",
    "图",
)
# Who edited or passed a piece for print, as many sites name them on its closing lines (编辑：甲,
# 责编 乙, 一审：丙): the page's staff, never the piece's authors, so no byline. 总编辑 and 副总编
# sign commentaries and stay roles; 本报编辑部 is a voice.
EDITORIAL_ROLE = (
    r"(?:责任|值班|执行|二审|三审|终审|初审|复审)?编辑(?!部)|责编|编审|审核|审稿|[一二三]审|初审|复审|终审"
    r"|主编|编委|值班主任|值班编委"
)
# Who planned, produced or voiced a piece, as new media credit them (策划：甲, 统筹|乙, 监制 丙):
# credited with no byline's role over a piece, and after one its producers, not its authors.
PRODUCTION_ROLE = (
    r"总?策划|统筹(?:协调)?|总?监制|(?<!视频)制作|出品人?|制片人?|编导|导演|后期|配音|主播"
    r"|校对|审校|美编|文案"
)
# Roles that stand alone with no name after them: the paper's own voice.
VOICE_ROLES = ("本报特约评论员", "本报评论员", "特约评论员", "评论员", "本报编辑部")
BYLINE_ROLES = REPORTER_ROLES + VOICE_ROLES + OTHER_ROLES
COMMENTARY_ROLES = frozenset({"本报评论员", "特约评论员", "评论员", "本报编辑部", "本报特约评论员"})
# A photo credit: ■张三 摄 / （记者 张三 摄） / 张三/摄 — the role reported is 摄影.
PHOTO_VERBS = ("摄影", "摄")

# The opening of a dateline, up to 讯 or 电, e.g. 衡阳晚报讯, 本报讯, 本报5月3日讯,
# 新华社北京10月8日电, 人民网长沙5月3日电, 某某新闻网讯.
# The date may be printed in Chinese numerals, as agencies' datelines are (某地三月五日电).
DATE_IN_DATELINE = (
    r"(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)"
)
# An outlet's other name in brackets after its own (荆楚网（湖北日报网）讯): a name, never a credit.
OUTLET_ALIAS = r"(?:[（(][\u4e00-\u9fffA-Za-z·]{1,12}?(?:" + OUTLET_SUFFIX + r")[）)])?"
# A report filed on the day the paper prints, or the day before, names the day so: 本报某地今晨专电.
DAY_WORD_IN_DATELINE = r"(?:今晨|今天|今日|今晚|昨天|昨日|昨晚)"
DATELINE_HEAD = re.compile(
    r"^(?:(?P<open>【)?(?:据)?(?P<agency>新华社|中新社|中新网|人民网|央视网|央广网|新华网|本报|本台|本网|"
    r"(?P<outlet>[\u4e00-\u9fffA-Za-z]{1,10}?(?:"
    + OUTLET_SUFFIX
    + r")))"
    + OUTLET_ALIAS
    # the place before the date (新华社北京5月3日电) or after it (某网5月3日合肥消息)
    + r"(?:(?P<place>[\u4e00-\u9fff]{0,8}?)(?:(?P<date>"
    + DATE_IN_DATELINE
    + r")|"
    + DAY_WORD_IN_DATELINE
    + r")"
    r"[\u4e00-\u9fff]{0,6}?)?"
    r"(?P<verb>讯|电)(?(open)】))"
    # what may follow: a credit, a date, a time word, or the end of the line; after 讯, also a lead
    # that opens with no day (本报讯“……” / 本报讯连日来，), as long as 讯 makes no word with it
    r"(?=$|[\s（(【\[：:，,■\d]|" + REPORTER_ROLE + r"|本报|今天|今日|昨天|昨日|近日|日前|上午|下午|晚"
    r"|(?<=讯)(?![息问号录])[\u4e00-\u9fff“\"]"
    # after a dated wire's 电 (新华社北京3月22日电一分耕耘，…) too: the date makes it no word
    r"|(?(date)(?<=电)[\u4e00-\u9fff“\"]|[^\s\S]))"
)
# Any outlet's own name before 讯 / 消息 / 报道, when no suffix says it is one (掌上春城讯,
# 云上江陵报道：, 湖北日报消息): then only a credit, a colon, a space or the line's end may follow,
# and the word before 讯 must not make a word of it (喜讯, 通讯, 资讯, 简讯).
DATE_TIME_IN_DATELINE = DATE_IN_DATELINE + r"(?:\s*\d{1,2}(?:时|[:：])\d{1,2}分?)?"
# Outlets that print one report together name each (大江网/大江新闻客户端讯, 甲网、乙网5月3日消息):
# every name but the last ends as an outlet's name ends.
_CO_OUTLETS = r"(?:[\u4e00-\u9fffA-Za-z·]{1,10}?(?:" + OUTLET_SUFFIX + r")[/／、])*"
ANY_OUTLET_DATELINE = re.compile(
    r"^(?P<open>【)?(?:据)?《?(?P<outlet>"
    + _CO_OUTLETS
    + r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z·\-—+]{1,17})》?"
    + OUTLET_ALIAS
    + r"(?:(?P<place>[\u4e00-\u9fff]{0,8}?)(?P<date>"
    + DATE_TIME_IN_DATELINE
    + r")[\u4e00-\u9fff]{0,6}?)?"
    r"(?<![喜通资简短快音传捷佳凶噩死来])(?P<verb>讯|消息|报道)(?(open)】)"
    # …or a reporter's role, the spaces before the credit closed up by normalising (某报报道 记者 甲)
    r"(?=$|[\s（(【〔\[：:“]|"
    + DATE_IN_DATELINE
    + r"|近日|日前|昨天|昨日|今天|今日|(?P<role>"
    + REPORTER_ROLE
    + r")"
    # a dated 讯 or 消息 (某网5月21日南宁消息国庆假期期间，…): any lead may follow, the date
    # makes the verb no word of it
    + r"|(?(date)(?:(?<=讯)|(?<=息))[\u4e00-\u9fff“\"]|[^\s\S]))"
)
# M月D日讯：… with no outlet named: the paper's own.
DATE_ONLY_DATELINE = re.compile(
    r"^(?P<date>" + DATE_TIME_IN_DATELINE + r")(?P<verb>讯)(?=$|[\s（(【〔\[：:])"
)
# 本报记者某某报道 / 本报通讯员某某报道: the paper's own report, its credit in the dateline.
OWN_REPORT = re.compile(
    r"^(?P<agency>本报|本台|本网)(?P<credit>(?:" + REPORTER_ROLE + r")[\s\u4e00-\u9fff·、]{2,40}?)"
    r"\s*(?:报道|报导)[：:]?"
)
# The brackets a credit is printed in: （…）, or the square ones some outlets print it in (【…】,
# 〔…〕, […]); every test of a credit's bracket reads them from here.
CREDIT_OPENERS = "（(【〔["
CREDIT_CLOSERS = "）)】〕]"


def bracketed_credit(least: int, most: int, round_group: str, square_group: str) -> str:
    """A pattern of a credit in one pair of its brackets, its words (least to most characters,
    none of them a bracket of its kind) in the named group."""
    return (
        rf"[（(](?P<{round_group}>[^（）()]{{{least},{most}}})[）)]"
        rf"|[【〔\[](?P<{square_group}>[^【】〔〕\[\]]{{{least},{most}}})[】〕\]]"
    )


# What may follow the dateline head: a bracketed credit, or a bare one ending in 报道.
BRACKETED_CREDIT = re.compile(r"^\s*(?:" + bracketed_credit(1, 60, "credit", "credit2") + ")")
BARE_CREDIT = re.compile(
    r"^\s*(?P<credit>(?:" + REPORTER_ROLE + r")[\u4e00-\u9fff·\s、，,：:/／|｜丨]{2,40}?)"
    r"\s*(?:报道|报导)[：:]?"
)

# A byline printed on its own line: ■本报记者 张三 通讯员 李四 / 本报评论员 / 文/图 张三.
BYLINE_LINE = re.compile(
    r"^(?:" + "|".join(re.escape(r) for r in BYLINE_ROLES if len(r) > 1) + r")"
    r"(?:[\s\u3000]*[\u4e00-\u9fff·]{2,4}(?:[\s、,，]+|$))*"
)
# A sentence that says what a picture shows opens only in a caption: 图为…, 上图为…, 图中….
CAPTION_SENTENCE = re.compile(r"(?:^|[。！？]\s*)(?:[上下左右中]?图为|图片为|图中)")
# A picture's supplier at the end of its caption: …。 某县委宣传部供图 / （图片由某公司提供） / 图/某街道提供.
SUPPLIED_PHOTO = re.compile(
    r"(?<=[。！？”])\s*(?:[（(]\s*)?(?:图片由|图/|图：|图:)?[\u4e00-\u9fff·]{2,20}(?:供图|提供)(?:\s*[）)])?\s*$"
)
# A caption on a line of its own that names who stands in a group picture: 从左至右：甲、乙 / 左起：….
GROUP_CAPTION = re.compile(
    r"^(?:(?:从左(?:至|到)右|从右(?:至|到)左|左起|右起|前排(?:左起)?|后排(?:左起)?)\s*[:：]"
    # …or that says which picture it is: 上图：…, 右图 …, 图①：…, 图为… (a report never opens so)
    r"|[上下左右]图|图\s*[①-⑩\d]{1,2}\s*[:：]|图为)"
)

# A column's label that opens with a role, in brackets over a headline: 【记者手记】, 【记者调查】.
COLUMN_LABEL = (
    r"(?:记者|编辑|通讯员|评论员)"
    r"(?:手记|观察|调查|探访|回访|走基层|来信|连线|体验|感言|札记|日记|笔记|视角|直击|追踪|在线|眼中)"
)
ROLE_COLUMN = re.compile("^" + COLUMN_LABEL)

# The credit at the end of a photo caption.
PHOTO_CREDIT = re.compile(
    r"(?:[（(](?P<pname>[^（）()]{2,30}?)\s*(?:摄影|摄)[）)]"
    r"|(?<=[。！？”])\s*[（(]\s*摄影\s*[:：]?\s*(?P<aname>[\u4e00-\u9fff·]{2,4}(?:[\s、]+[\u4e00-\u9fff·]{2,4})*)\s*[）)]"
    # the role may stand in quotes, a paper's name for its photographers (“某报手机记者” 甲摄)
    r"|(?P<name>(?:“[\u4e00-\u9fffA-Za-z·]{2,14}”\s*|(?:[\u4e00-\u9fffA-Za-z·\-]{2,14}?)?(?:"
    + REPORTER_ROLE
    + r")\s*)?"
    r"[\u4e00-\u9fff·]{2,4}"
    r"(?:[\s、]+[\u4e00-\u9fff·]{2,4})*)\s*/?\s*(?:摄影|摄))\s*$"
)
