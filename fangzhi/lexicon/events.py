"""How reports name what happened: the event nouns and verbs of each type, and the verbs that
give people their part in it."""

from __future__ import annotations

import re

from fangzhi.patterns import compile_scanning

# The head noun of an event's name decides its type; ceremony forms first (成立大会 is a ceremony).
CEREMONY_NOUN = (
    r"成立大会|颁奖典礼|颁奖活动|颁奖仪式|颁奖|典礼|仪式|揭牌|挂牌|开幕式|开幕|闭幕式|启动|发布会|"
    r"表彰会|表彰大会|表彰|授牌|庆典|纪念大会|团拜会|茶话会|晚会|展演|比赛|大赛|博览会|展览|特展|签约|宣传活动|活动"
)
MEETING_NOUN = (
    r"常委会会议|常委会|常务会议|全体会议|全会|座谈会|推进会|调度会|研讨会|交流会|培训会|部署会|动员会|"
    r"视频会|现场会|报告会|汇报会|分析会|协调会|联席会议|联席会|恳谈会|论坛|大会|会议"
)
# An event printed as [name](在…)?(召开|举行|开幕) or (召开|举行)[name].
HELD_WORDS = r"召开|举行|举办|开幕|启动|开班|落幕"
HELD_VERB = r"(?:隆重)?(?P<verb>" + HELD_WORDS + ")"
EVENT_AFTER_VERB = re.compile(
    r"(?P<verb>主持召开|召开|举行|举办|出席)(?P<name>[^，。；：]{0,40}?(?:"
    + CEREMONY_NOUN
    + "|"
    + MEETING_NOUN
    + r"))"
)
# Between an event's name and its verb a report may print the day:
# 调度会3日在京召开, 仪式昨日（3月12日）在某地举行
WHEN = r"(?:\s*(?:\d{1,2}日|昨日|昨天|今日|今天|当天|当日)?(?:[上下]午|晚)?(?:（[^）]{1,12}）)?)"
EVENT_BEFORE_VERB = re.compile(
    r"(?P<name>[^，。；：]{2,100}?(?:"
    + CEREMONY_NOUN
    + "|"
    + MEETING_NOUN
    + r"))"
    + WHEN
    + r"(?:(?:在|于)(?P<place>[^，。；：]{2,20}?))?(?:正式)?"
    + HELD_VERB
)
# A launch, opening or start of works is a ceremony whatever its name: 消费季在某广场启动.
LAUNCH_WORDS = r"启动|开幕|揭牌|开园|开馆|开通|开工|投产|竣工|通车|落成"
LAUNCH_VERB = re.compile(LAUNCH_WORDS)
# A launch wished for, not held (力争早日竣工投产, 确保年内建成通车, 预计明年投产).
GOAL_WORDS = ("早日", "尽快", "力争", "争取", "确保", "预计", "计划", "年内", "年底")
GOAL_BEFORE = "".join(f"(?<!{w})" for w in GOAL_WORDS)
GOAL = re.compile("|".join(GOAL_WORDS))  # …or anywhere in what the launch would name (力争早日竣工|投产)
# …, never a state it is in (已经投产的项目, 建成投产后): no ceremony that day; nor the 开 of 召开
# (主持召开园区建设调度会 opens no park).
LAUNCH = re.compile(
    r"(?P<name>[^，。；：、]{2,40}?)" + WHEN + r"(?:在(?P<place>[^，。；：]{2,20}?))?(?:正式|隆重)?"
    r"(?<!已)(?<!已经)(?<!建成)(?<!召)" + GOAL_BEFORE + r"(?P<verb>" + LAUNCH_WORDS + r")(?![的后])"
)
# A signing: 甲与乙签约 / 甲与乙签订战略合作协议; its parties are its subject. 举行签约仪式 is a held
# ceremony (EVENT_AFTER_VERB), and 已签约的项目 a state.
SIGNING_WORDS = r"签约|签订|签署"
SIGNING = re.compile(
    r"(?P<parties>(?:(?!举行|举办|召开|出席)[^，。；：]){2,40}?)"
    + WHEN
    + r"(?:在(?P<place>[^，。；：]{2,20}?))?"
    r"(?:正式|成功|现场|集中)?(?<!已)(?P<verb>" + SIGNING_WORDS + r")"
    r"(?P<what>(?:了)?[^，。；]{0,24}?(?:协议书|协议|合同|备忘录|意向书))?(?![的后]|仪式|活动|大会)"
)
# A press conference tells the press: a meeting, though its name ends as a launch's does (发布会).
BRIEFING_RE = re.compile(r"(?:新闻发布会|新闻通气会|情况通报会|通报会)$")
# Meetings a paragraph refers back to: 26日上午的会议…, 会上…
MEETING_MENTION = re.compile(r"(?:" + MEETING_NOUN + r"|会上)")
CEREMONY_RE = re.compile(r"(?:" + CEREMONY_NOUN + r")$")
# (a 团拜会 is a gathering, no call paid)
RECEPTION = re.compile(r"(?:会见|会晤|会谈|接见|看望|(?<!团)拜会|宴请)(?:了)?")
# (深人: 深入 as OCR often reads it)
# the words of a visit to see work done, one copy read by the event reader, the boundary features
# and the masthead check
INSPECTION_WORDS = r"调研|考察|视察|督导检查|督导|检查|观摩|察看|走访|暗访"
INSPECTION = compile_scanning(
    r"(?:(?:赴|到|深入|深人|前往|来到)(?P<place>[^，。；：]{2,24}?))?(?:" + INSPECTION_WORDS + r")"
    r"(?!座谈会|会|会议|组|报告)"
)
# A sitting printed as a verb (甲与…座谈): a reception when those met are guests from elsewhere
# (一行, 代表团, 客商), else a meeting (甲与企业家代表座谈). 座谈会 is a meeting's name (MEETING_NOUN).
SITTING = re.compile(r"与(?P<whom>[^，。；：]{2,30}?)(?:进行|举行)?(?:了)?(?:座谈|交流座谈)(?!会)")
GUESTS = re.compile(r"一行|代表团|考察团|访问团|客商|嘉宾|来宾")
# A clause's tail that is no part of what happened: 某某赴某县调研时强调 → 某某赴某县调研
NAME_TAIL = compile_scanning(r"(?:时|期间|后)?(?:强调|指出|要求|表示|说|提出)$")
AWARD = re.compile(r"(?:荣获|获评|被评为|被授予|授予|荣膺)")
OPENING = re.compile(r"(?:挂牌成立|揭牌成立|正式成立|揭牌|挂牌)")

# What an attendance line says its people attended: 参加调研 → an inspection.
ATTENDED_OBJECT = re.compile(
    r"(?:出席|参加|陪同|列席)(?P<what>会议|调研|考察|视察|检查|督导|活动|仪式|典礼|座谈|会见)"
)
# Parts people play. A name just before these verbs plays that part.
PRESIDE = re.compile(r"主持(?:会议|召开|仪式|活动|座谈|开幕式)?")
# Verbs of speech: instructions, a speech, a welcome or thanks (甲对乙一行的到来表示欢迎 / 乙感谢…),
# what a host tells a guest or a leader tells those he inspects (介绍, 叮嘱, 勉励, 寄语).
SPEECH_VERBS = (
    r"强调|指出|要求|讲话|表示|说|致辞|发言|作[^，。；]{0,6}(?:报告|讲话|发言)|提出|希望|介绍|叮嘱|嘱咐|勉励|寄语|"
    r"宣讲|欢迎|感谢|致谢|(?:进行|作)(?:了)?[^，。；]{0,4}?(?:动员部署|工作部署|部署|点评|总结)"
)
SPEAK = re.compile(
    r"(?:在[^，。；]{0,10}(?:中|时|上))?(?:代表[^，。；]{2,16}?)?(?:对[^，。；]{1,24}?(?:的到来)?"
    r"(?:表示|致以)[^，。；]{0,4}(?:欢迎|感谢|祝贺|慰问|问候)|" + SPEECH_VERBS + ")"
)
# A clause of speech with no subject of its own: its sentence's subject spoke (甲察看…，叮嘱…)
CLAUSE_SPEECH = re.compile(r"[，；](?:并|还|同时)?(?:叮嘱|嘱咐|勉励|要求|强调|指出|希望|鼓励)")
ATTEND = re.compile(r"(?:应邀)?(?:出席|参加|陪同|列席|率队|带队|一同|参与)")
# The one who makes a visit, named before where it went (甲在某公司调研 / 甲赴某县督导): present at
# it, and a speaker only where the report gives them words
VISITOR = re.compile(
    r"(?:在|赴|到|深入|深人|来到|前往|率队赴|带队赴|先后来到)[^，。；：]{2,30}?"
    r"(?:调研|考察|视察|督导检查|督导|检查|观摩|察看|走访|暗访)"
)
SPEAK_AFTER_ATTEND = re.compile(r"(?:出席|参加)(?:会议|活动|仪式)?并(?:讲话|致辞|发言|作报告)")
# …and with whom they spoke first: 他向师生寄语, 她向来宾介绍
PRONOUN = re.compile(
    r"(?:他|她)(?:在[^，。；]{0,10}(?:中|时|上))?(?:向[^，。；]{1,10}?)?"
    r"(?:强调|指出|要求|表示|说|认为|希望|寄语|介绍|勉励|叮嘱|致辞)"
)
# A name that opens a briefing (某村党支部书记乙介绍，近年来…): its bearer informs the visitor,
# whom a later 他/她 of instructions still means
BRIEFED = re.compile(r"(?:介绍|汇报)[，：:]")
# A meeting speaks through its report: 会议强调，要…
BODY_SPEAKS = compile_scanning(
    r"(?P<who>会议|会上|会议认为|会议提出)?(?P<verb>强调|指出|要求|认为|提出|明确)[，：:]"
)
DAY_OPENING = re.compile(r"^(?P<d>\d{1,2})日(?:[上下]午|晚|晚上)?(?:为|，|的|在)?")
# A paragraph that reports what followed the main event the same day: 会后，… / 随后，…召开
AFTER_OPENING = re.compile(r"^(?:会后|会议结束后|随后|当天下午|当天上午|当日下午|当日上午)[，,]")
# …of which 随后 goes on with a visit when it reports another stop of it (随后，甲来到某公司察看…)
GOES_ON = re.compile(r"^(?:随后|接着)[，,]")

# A leader named as the source of what is studied, carried out or commemorated did not take part:
# 学习贯彻习近平总书记重要讲话精神 / 纪念毛泽东同志诞辰130周年.
REFERENCED_BEFORE = re.compile(
    r"(?:学习|贯彻|传达|落实|领会|遵循|践行|按照|根据|依照|纪念|缅怀|宣讲|研读|深入学习|认真学习)[^，。；：]{0,6}$"
)
REFERENCED_AFTER = re.compile(
    r"^(?:同志)?(?:的)?(?:重要讲话|重要指示|指示批示|重要论述|重要回信|重要批示|讲话精神|重要思想|思想|"
    r"关于|诞辰|逝世|系列|在[^，。；]{0,30}(?:讲话|会议|座谈会|考察)[^，。；]{0,6}(?:精神|指示|要求)|"
    r"主持召开[^，。；]{0,30}(?:讲话|会议)[^，。；]{0,8}(?:精神|指示|要求))"
)

# Who acts for an organisation named by what it is (该公司荣获…, 该校被评为…): the last body
# named before whose head is one of these.
ANAPHOR = re.compile(
    r"^(?:该|本|这家|这所|此)(?P<kind>公司|企业|集团|局|校|学校|医院|院|支队|大队|中心|协会|单位|村|社区)$"
)
ANAPHOR_HEADS = {
    "校": ("学校", "中学", "小学", "学院", "大学", "幼儿园", "党校"),
    "学校": ("学校", "中学", "小学", "学院", "大学", "幼儿园", "党校"),
    "院": ("院",),
    "企业": ("公司", "集团", "厂"),
    "单位": ("",),  # any body
}
# The head of a name that, unveiled (某市应急指挥中心揭牌), is a body of its own: its actor.
UNVEILED_BODY_HEADS = (
    "中心",
    "工作站",
    "服务站",
    "站",
    "基地",
    "学院",
    "研究院",
    "研究所",
    "实验室",
    "委员会",
    "协会",
    "商会",
    "联合会",
    "公司",
    "分公司",
    "集团",
    "医院",
    "学校",
    "驿站",
    "馆",
    "园",
    "所",
    "室",
    "队",
    "局",
    "办",
)
# The parties of a signing or a joint act, first named first: 甲与乙签约 — 甲 acts.
PARTIES = re.compile(r"与|和|同|及")
