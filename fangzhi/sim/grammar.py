"""A grammar of local-government news: synthetic articles written from the project's own templates
and phrase banks, with the truth of what each says (`StoryTruth`).

`make_world` (from `sim.world`) draws a jurisdiction and its officials; `write_story` writes one
article of a given kind about that world on a given day. Everything is drawn from the
`random.Random` passed in, so a seed gives the same stories every time.

The shapes follow how city papers write: the lead opens with the date, a subject and a verb; the
presiding, speaking and attending sentences come in their usual orders (主持会议。/ 出席并讲话。/
市领导甲、乙参加。), an attendance sentence ends the lead (the article going on) as often as it does
on real pages (`sim.endings`: three times in four) and the article otherwise, a person is named
once with posts and later by the bare name, and directive paragraphs open with 会议强调，/ 他指出，/
随后，/ 据了解，.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Sequence

from fangzhi.sim.endings import rates
from fangzhi.sim.truth import EventTruth, Official, StoryTruth
from fangzhi.sim.world import Seat, World, make_name, make_world, pick_jurisdiction, short_name

__all__ = ["KINDS", "World", "make_world", "pick_jurisdiction", "write_story"]

KINDS: tuple[str, ...] = (
    "meeting-standing-committee",
    "meeting-executive",
    "meeting-special",
    "inspection",
    "reception",
    "ceremony",
    "congress",
    "teleconference",
    "multi-event",
    "notice",
    "commentary",
    "interview",
    "photo",
    "feature",
)

MIN_CHARS = 150
MAX_CHARS = 900

# ---------------------------------------------------------------------------------------------
# Phrase banks (written for this project)

TOPICS = (
    "安全生产",
    "防汛抗旱",
    "乡村振兴",
    "招商引资",
    "优化营商环境",
    "重大项目建设",
    "生态环境保护",
    "森林防灭火",
    "城市更新",
    "民生实事",
    "耕地保护",
    "粮食安全",
    "文明城市创建",
    "园区建设",
    "促消费",
    "科技创新",
    "义务教育",
    "医疗卫生服务",
    "稳就业",
    "信访维稳",
    "食品药品安全",
    "河湖长制",
    "基层治理",
    "数字政府建设",
    "老旧小区改造",
    "文旅融合发展",
    "民营经济发展",
    "外贸稳增长",
    "燃气安全",
    "道路交通安全",
    "农村人居环境整治",
    "春季农业生产",
    "冬春火灾防控",
    "养老服务",
    "物业管理",
    "自建房安全整治",
    "秋冬季大气污染防治",
    "高标准农田建设",
    "工业经济运行",
    "财源建设",
)

HIGHER = (
    "全省{t}工作会议",
    "省委常委会有关会议",
    "全省经济工作会议",
    "全国{t}工作会议",
    "省委全会",
    "全省{t}电视电话会议",
)

OPENERS_MEETING = ("会议强调，", "会议指出，", "会议要求，", "会议强调，")

DIRECTIVES = (
    "要把{t}摆在全局工作的突出位置，主要负责同志亲自抓、分管负责同志具体抓，形成一级盯一级的工作链条。",
    "要紧盯时间节点，倒排工期、挂图作战，对滞后事项逐项销号，确保{t}各项任务按期见到实效。",
    "要坚持底线思维，把风险估计得更充分一些、把措施制定得更周密一些，坚决防止出现重大闪失。",
    "要强化部门协同，打通条块之间的堵点，在政策、资金、要素上拧成一股绳，让{t}提速提效。",
    "要聚焦群众反映强烈的难点，多办雪中送炭的实事，让群众在{t}中得到看得见的实惠。",
    "要用好考核评价这根指挥棒，对成效突出的单位予以激励，对进展迟缓的及时通报、限期整改。",
    "要沉到一线摸实情，少一些层层转发，多一些实地核查，把矛盾解决在基层、化解在萌芽。",
    "要学习借鉴先进地区的经验做法，结合{c}实际大胆探索，形成一批管用好用的制度成果。",
    "{t}牵一发而动全身，关系发展大局和群众切身利益，各级各部门务必保持清醒、丝毫不能松劲。",
    "要一张蓝图绘到底，不折腾、不停步、不懈怠，以久久为功的韧劲把{t}抓出成色。",
    "要加大要素保障力度，统筹调度用地、资金、用能等指标，优先向重点领域和重点项目倾斜。",
    "要推行帮办代办、容缺受理等做法，让企业和群众办事少跑腿、快办结、不添堵。",
    "要锤炼干部作风，引导党员干部在急难险重任务中冲锋在前，在攻坚克难中增长本领。",
    "要严格执行领导带班和值班值守制度，确保信息报送及时准确，突发情况第一时间响应处置。",
    "要加强正面宣传和舆论引导，讲好{c}故事，营造全社会关心支持{t}的良好氛围。",
    "要开展拉网式隐患排查，建立问题、责任、整改三张清单，做到发现一处、整改一处、销号一处。",
    "要坚持稳中求进，既抓好当前各项指标，又着眼长远谋划后续工作，确保主要指标稳中有升。",
    "要坚持项目为王，在建项目抓进度、签约项目抓落地、储备项目抓转化，形成梯次推进的良好态势。",
    "要管好用好各类资金，把有限的财力用在刀刃上，坚决防止挤占挪用和跑冒滴漏。",
    "要注重源头治理和系统治理，健全长效管理机制，防止问题反弹回潮。",
    "要把握工作节奏，对照年度目标查漏补缺，对难点问题实行清单化管理、项目化推进。",
    "要拿出敢闯敢干的劲头，在关键领域和重要环节大胆突破，以改革的办法破解前进中的难题。",
    "要认真梳理群众诉求，对合理诉求限时办理、对历史遗留问题逐件化解，不让小问题拖成大麻烦。",
    "要统筹好发展和安全，守住不发生系统性风险的底线，为经济社会发展创造稳定环境。",
    "要把抓落实作为检验干部能力的试金石，以实绩论英雄、凭实效排座次。",
)

SLOGAN_LINES = (
    "要紧紧围绕“{S}”发展战略，找准{t}的切入点和发力点，在服务全市大局中展现新作为。",
    "要牢牢把握“{G}”的目标定位，保持定力、压实责任，推动各项任务逐一落地。",
    "要以开展“{A}”活动为契机，在全市上下掀起比学赶超、争先进位的热潮。",
    "要按照“{F}”的总体布局统筹推进{t}，让各板块各展所长、协同发力。",
    "要把大力实施“{S}”发展战略的要求贯穿{t}全过程，以更高标准推动工作提质增效。",
)

DOC_LINES = (
    "要把贯彻实施《{d}》作为重要抓手，细化分工、明确时限，确保各项措施落地生根。",
    "要抓紧完善《{d}》，广泛听取各方意见，按程序提请审议后尽快印发实施。",
)

DOC_FORMS = (
    "{city}{t}三年行动方案（{y}—{y2}年）",
    "{city}{t}实施方案",
    "关于加快推进{t}的若干措施",
    "{city}{t}条例（草案）",
    "{city}{y}年{t}工作要点",
    "{city}{t}专项规划（{y}—{y3}年）",
    "关于进一步加强{t}工作的实施意见（送审稿）",
    "{city}{t}考核办法（试行）",
)

FOURS = (
    "坚定信心",
    "真抓实干",
    "奋勇争先",
    "攻坚克难",
    "凝心聚力",
    "守正创新",
    "担当作为",
    "抢抓机遇",
    "乘势而上",
    "聚力攻坚",
    "精准发力",
    "稳中求进",
    "实干为先",
    "笃行不怠",
    "勇毅前行",
    "提质增效",
    "压实责任",
    "狠抓落实",
    "久久为功",
    "争先进位",
)

TOPIC_HALVES = (
    "推动{t}再上新台阶",
    "奋力开创{t}新局面",
    "以更实举措抓好{t}",
    "全力打好{t}攻坚战",
    "确保{t}各项任务落地见效",
    "让{t}成果惠及更多群众",
    "扎实做好{t}各项工作",
    "全面提升{t}水平",
    "坚决守牢{t}底线",
    "为{t}注入强劲动能",
    "跑出{t}加速度",
)

VISIT_SCENES = (
    "在{place}，{n}走进生产车间，察看生产线运行情况，详细询问企业订单、用工和研发投入等情况，"
    "鼓励企业加大技术改造力度，向高端化、智能化方向迈进。",
    "在{place}，{n}仔细查看项目建设进度，听取项目推进情况介绍，要求各方加强协调、倒排工期，"
    "力争早日竣工投产。",
    "随后，{n}来到{place}，实地察看{t}有关工作落实情况，与基层干部群众面对面交流，询问他们还有哪些困难。",
    "在{place}，{n}翻阅台账资料，详细了解{t}工作开展情况，叮嘱现场负责人要把每一项措施落实到位。",
    "{n}一行还来到{place}，察看防护设施和应急物资储备，现场抽查值班人员履职情况。",
    "走进{place}，{n}边走边看、边听边问，对当地因地制宜发展特色产业的做法给予肯定。",
)

GUEST_REPLIES = (
    "{g}表示，{c}区位条件优越、产业基础扎实，营商环境持续向好，企业将进一步加大在{c}的投入，"
    "推动合作项目早落地、早见效。",
    "{g}表示，此次来{c}考察收获很大，希望与{c}在产业协作、人才培养等方面深化合作，实现互利共赢。",
    "{g}感谢{c}长期以来给予的关心支持，表示将发挥自身优势，积极参与{c}{t}，共同谱写合作新篇章。",
)

HOST_WELCOMES = (
    "{h}对{g}一行的到来表示欢迎，简要介绍了{c}经济社会发展情况。",
    "{h}代表市委、市政府对{g}一行表示欢迎，并向客人推介了{c}的区位优势和产业布局。",
    "{h}欢迎{g}一行来{c}考察交流，感谢其长期以来对{c}发展的关注和支持。",
)

HOST_PITCHES = (
    "他说，当前，{c}正大力实施“{S}”发展战略，产业链条日趋完善，发展空间十分广阔。希望双方以此次会见为契机，"
    "在更宽领域、更深层次开展合作，{c}将提供全方位服务保障。",
    "他指出，{c}是一片投资兴业的热土，市场潜力大、配套能力强。我们将坚持有求必应、无事不扰，"
    "全力为企业在{c}发展营造良好环境。",
    "他表示，{c}正处于转型升级的关键阶段，热忱欢迎优秀企业和高校来{c}布局，共同把合作蓝图变成发展实景。",
)

BACKGROUND = (
    "据了解，今年以来，{city}{t}累计完成投资{a}亿元，同比增长{p}，增速高于全省平均水平{q}个百分点。",
    "据悉，{city}已连续{k}年开展{t}专项行动，累计整改问题{m}个，群众满意度提升到{r}%。",
    "据统计，前三季度{city}规模以上工业增加值同比增长{p}，固定资产投资增长{p2}，多项指标排名全省前列。",
    "据悉，截至目前，全市已落实{t}相关资金{a}亿元，完成年度计划的{r}%，较去年同期提高{q}个百分点。",
    # a paragraph deep in a report may open with a date of its own, like a lead
    "今年以来，{city}围绕{t}持续发力，累计实施重点项目{m}个，完成投资{a}亿元。",
    "今年1至{k}月，{city}{t}相关指标同比增长{p}，高于全省平均水平{q}个百分点。",
    "近年来，{city}坚持把{t}摆在突出位置，先后出台配套政策{k}项，群众满意度达到{r}%。",
    "去年以来，{city}先后{k}次对{t}工作开展专项督查，发现并整改问题{m}个。",
)

PROJECT_FIGURES = "据了解，该项目总投资{a}亿元，全面建成后预计年产值可达{b}亿元，可新增就业岗位{m}个。"

COMMENT_OPENERS = (
    "事成于实，功成于勤。",
    "登高方能望远，攀登贵在坚持。",
    "大道至简，实干为要。",
    "船到中流浪更急，人到半山路更陡。",
    "一分部署，九分落实。",
    "干字当头，实字托底。",
    "春风正劲，奋进当时。",
)

COMMENT_LINES = (
    "抓{t}，关键在于把责任扛在肩上、把措施落到实处，容不得半点懈怠。",
    "回望过去一段时间，全市上下迎难而上、苦干实干，{t}取得了来之不易的成绩，为全年目标打下了坚实基础。",
    "成绩令人鼓舞，挑战依然不少。我们必须清醒看到，发展不平衡不充分的问题依然存在，"
    "一些领域的短板弱项还比较突出。",
    "前进的道路上不可能一帆风顺，越是爬坡过坎，越要保持战略定力，越要坚定发展信心。",
    "落实“{S}”发展战略，是全市上下的共同责任。每一名党员干部都要以时不我待的紧迫感，主动担当、积极作为。",
    "干部敢为，地方才能敢闯；干部担当，发展才有底气。要大力营造想干事、能干事、干成事的浓厚氛围。",
    "群众是最好的阅卷人。{t}做得好不好，最终要看群众满不满意、答不答应。",
)

COMMENT_CLOSERS = (
    "新征程上，让我们更加紧密地团结起来，锚定“{G}”目标，一步一个脚印把蓝图变为现实。",
    "时不我待，只争朝夕。全市上下要拿出拼的劲头、干的作风，奋力书写{c}高质量发展新篇章。",
    "路虽远，行则将至；事虽难，做则必成。只要我们坚定信心、久久为功，就一定能够把{t}的各项目标变为现实。",
)

INTERVIEW_QUESTIONS = (
    "{area}在推进{t}方面有哪些具体举措",
    "面对新形势新任务，{area}下一步将如何发力",
    "在优化营商环境方面，{area}做了哪些探索",
    "群众最关心的民生实事，今年有哪些安排",
)

INTERVIEW_ANSWERS = (
    "我们把{t}作为一项基础性工作来抓，成立了专班，实行一月一调度、一季一讲评，推动各项任务往实里走。",
    "关键是要找准自身定位。我们立足资源禀赋，围绕“{G}”目标做文章，力争在全市发展大局中多作贡献。",
    "我们推行了项目专员全程帮办制度，企业从签约到开工的时间压缩了近一半，这是实打实的变化。",
    "今年我们安排了{k}件民生实事，涉及教育、医疗、养老、交通等方面，每一件都明确了责任人和完成时限。",
)

CROPS = ("油菜", "水稻", "柑橘", "茶叶", "蔬菜", "草莓", "黄桃", "油茶", "中药材", "葡萄")
PHOTO_ACTIVITIES = (
    "村民们正在田间忙着采收{x}，处处是一派繁忙景象",
    "种植户正在对{x}进行分拣装箱，准备发往外地市场",
    "农技人员正在指导村民开展{x}病虫害防治",
    "工人们正在新建的{x}加工车间里紧张作业",
)
PHOTO_CONTEXT = (
    "近年来，当地大力发展特色产业，带动村民家门口就业增收。",
    "该基地采取龙头企业带动、合作社组织、农户参与的方式经营，今年种植面积扩大到{k}百余亩。",
    "据介绍，今年当地{x}长势良好，预计产量比去年增长两成以上。",
)


# ---------------------------------------------------------------------------------------------
# Small helpers

# Subheads (小标题) that part a long report: a verb and what it works on, a pair of short ones, or
# a noun phrase with what it brings.
SUBHEAD_VERBS = (
    "聚焦", "突出", "坚持", "强化", "抓实", "推动", "做优", "守牢", "深化", "紧盯", "压实", "提升",
)  # fmt: skip
SUBHEAD_OBJECTS = (
    "产业发展", "民生保障", "项目建设", "基层治理", "生态保护", "安全生产", "作风建设", "改革创新",
    "乡村振兴", "营商环境", "招商引资", "城市更新", "教育医疗", "防汛备汛", "文旅融合", "数字赋能",
)  # fmt: skip
SUBHEAD_PAIRS = (
    ("抓项目", "稳增长"), ("强产业", "促就业"), ("优服务", "惠民生"), ("补短板", "强弱项"),
    ("建机制", "见长效"), ("重实干", "求实效"), ("聚人气", "增活力"), ("守底线", "保平安"),
)  # fmt: skip
SUBHEAD_BRINGS = ("有底气", "添动力", "换新颜", "见实效", "开新局", "结硕果", "提速度")


def subhead(rng: random.Random) -> str:
    """A subhead's words: no sentence, no stop."""
    shape = rng.random()
    if shape < 0.5:
        return rng.choice(SUBHEAD_VERBS) + rng.choice(SUBHEAD_OBJECTS)
    if shape < 0.75:
        a, b = rng.choice(SUBHEAD_PAIRS)
        return a + rng.choice(("，", " ", "　")) + b
    return rng.choice(SUBHEAD_OBJECTS) + rng.choice(SUBHEAD_BRINGS)


_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1–99 in Chinese numerals: 十, 十二, 二十, 二十三."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def _md(d: datetime.date) -> str:
    return f"{d.month}月{d.day}日"


class _Story:
    """An article being written: its paragraphs and the facts recorded as they are printed."""

    def __init__(
        self, rng: random.Random, world: World, when: datetime.date, lines_used: set[str] | None = None
    ) -> None:
        self.rng = rng
        self.w = world
        self.when = when
        self.lv = world.level
        self.c = world.short
        self.kind = "news"
        self.dated = True
        self.date: datetime.date | None = when
        self.kicker: str | None = None
        self.headline: str | None = None
        self.subtitle: str | None = None
        self.paras: list[tuple[str, bool]] = []  # (text, may be dropped to fit the length)
        self.people: dict[str, tuple[str, ...]] = {}
        self.docs: list[str] = []
        self.slogans: list[str] = []
        self.events: list[EventTruth] = []
        self.used: set[str] = set()
        # stock lines already printed on the page: a page does not print one sentence in two reports
        self.lines_used: set[str] = lines_used if lines_used is not None else set()
        self.t = self.rng.choice(TOPICS)  # the story's main topic

    # choosing -------------------------------------------------------------------------------
    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def topic(self) -> str:
        return self.t

    def seat(self, *roles: str) -> Seat:
        return self.seats(*roles, n=1)[0]

    def seats(self, *roles: str, n: int = 1) -> list[Seat]:
        """`n` officials (fewer if there are not so many) holding any of `roles`, none used before
        in this story, in roster order."""
        pool = [s for s in self.w.seats if s.role in roles and s.name not in self.used]
        chosen = self.rng.sample(pool, min(n, len(pool)))
        chosen.sort(key=self.w.seats.index)
        self.used.update(s.name for s in chosen)
        return chosen

    def leaders(self, n: int, *, top: bool = False) -> list[Seat]:
        roles = [
            "exec-vice",
            "discipline",
            "organization",
            "propaganda",
            "politics-law",
            "sc-secretary-general",
            "united-front",
            "sc-vice",
            "vice-mayor",
            "npc-vice",
            "cppcc-vice",
        ]
        if top:
            roles += ["deputy-secretary", "npc-chair", "cppcc-chair"]
        return self.seats(*roles, n=n)

    # printing people --------------------------------------------------------------------------
    def _record(self, name: str, posts: tuple[str, ...]) -> None:
        if not self.people.get(name):
            self.people[name] = posts

    def full(self, s: Seat) -> str:
        """The official with the fullest posts the first time, the bare name after."""
        return self._print(s, s.official.posts)

    def short(self, s: Seat) -> str:
        return self._print(s, s.short)

    def _print(self, s: Seat, posts: tuple[str, ...]) -> str:
        self.used.add(s.name)
        if self.people.get(s.name):
            return s.name
        self._record(s.name, posts)
        return "、".join(posts) + s.name

    def bare(self, s: Seat) -> str:
        self.used.add(s.name)
        self._record(s.name, ())
        return s.name

    def plain(self, name: str, posts: tuple[str, ...] = ()) -> str:
        """A person outside the roster (a villager, a teacher, an award winner)."""
        self._record(name, posts)
        return "、".join(posts) + name

    def new_name(self) -> str:
        taken = {s.name for s in self.w.seats} | set(self.people)
        return make_name(self.rng, taken)

    def group(self, seats: Sequence[Seat], shared: str | None = None) -> str:
        """市领导甲、乙、丙 (a shared post), or 副市长甲、乙，市政府秘书长丙 (each their own)."""
        if shared is not None:
            return shared + "、".join(self._shared(s, shared) for s in seats)
        parts: list[str] = []
        run: list[Seat] = []
        for s in seats:
            if run and (len(s.short) != 1 or s.short != run[-1].short or self.people.get(s.name)):
                parts.append(self._run(run))
                run = []
            run.append(s)
        if run:
            parts.append(self._run(run))
        if len(parts) > 1 and self.chance(0.15):  # 副市长甲，秘书长乙以及主任丙
            return "，".join(parts[:-1]) + "以及" + parts[-1]
        return "，".join(parts)

    def _shared(self, s: Seat, post: str) -> str:
        self.used.add(s.name)
        self._record(s.name, (post,))
        return s.name

    def _run(self, run: list[Seat]) -> str:
        if len(run) == 1 or self.people.get(run[0].name):
            return "，".join(self.short(s) if self.chance(0.6) else self.full(s) for s in run)
        post = run[0].short[0]
        return post + "、".join(self._shared(s, post) for s in run)

    # printing facts ---------------------------------------------------------------------------
    def slogan(self, text: str | None = None) -> str:
        text = text if text is not None else self.rng.choice(self.w.slogans)
        if text not in self.slogans:
            self.slogans.append(text)
        return text

    def doc(self, topic: str | None = None) -> str:
        y = self.when.year
        title = self.rng.choice(DOC_FORMS).format(
            city=self.w.city, t=topic or self.topic(), y=y, y2=y + 2, y3=y + 4
        )
        if title not in self.docs:
            self.docs.append(title)
        return title

    def fill(self, template: str, t: str | None = None) -> str:
        """A template with its slots: {t} topic, {c} city (short), {d} a document, and the world's
        policy lines: {S} the strategy, {F} the layout formula, {G} the goal, {A} a campaign."""
        t = t or self.t
        out = template
        sl = self.w.slogans
        for key, text in (("{S}", sl[0]), ("{F}", sl[1]), ("{G}", sl[2]), ("{A}", self.rng.choice(sl[3:]))):
            if key in out:
                out = out.replace(key, self.slogan(text))
        if "{d}" in out:
            out = out.replace("{d}", self.doc(t))
        return out.replace("{t}", t).replace("{c}", self.c).replace("{city}", self.w.city)

    def directives(self, opener: str, t: str, n: int | None = None) -> str:
        n = n if n is not None else self.rng.randint(2, 4)
        fresh = [d for d in DIRECTIVES if d not in self.lines_used] or list(DIRECTIVES)
        lines = list(self.rng.sample(fresh, min(n, len(fresh))))
        if self.chance(0.45):
            fresh = [d for d in SLOGAN_LINES if d not in self.lines_used]
            if fresh:
                lines.insert(self.rng.randrange(len(lines) + 1), self.rng.choice(fresh))
        if self.chance(0.2):
            fresh = [d for d in DOC_LINES if d not in self.lines_used]
            if fresh:
                lines.append(self.rng.choice(fresh))
        self.lines_used.update(lines)
        if not any("{t}" in line for line in lines) and self.chance(0.8):
            # a report keeps to its subject: the instructions name it, as real ones do
            lines[0] = self.rng.choice(("做好{t}工作，", "抓{t}，", "推进{t}，")) + lines[0]
        text = "".join(self.fill(line, t) for line in lines)
        return opener + text

    def figures(self, t: str | None = None, *, project: bool = False) -> str:
        """A background paragraph with figures (据了解，…); `project` for one about a project."""
        r = self.rng
        line = PROJECT_FIGURES if project else r.choice(BACKGROUND)
        return self.fill(
            line.format(
                city=self.w.city if self.chance(0.6) else "全市",
                t="{t}",
                a=f"{r.randint(12, 980) / 10:.1f}".rstrip("0").rstrip("."),
                b=r.randint(8, 120),
                p=f"{r.randint(10, 160) / 10:.1f}%",
                p2=f"{r.randint(10, 160) / 10:.1f}%",
                q=f"{r.randint(3, 45) / 10:.1f}",
                k=cn_number(r.randint(3, 9)),
                m=r.randint(30, 2600),
                r=r.randint(86, 99),
            ),
            t,
        )

    # dates and heads --------------------------------------------------------------------------
    def lead_date(self, parts: Sequence[str] = ("", "", "", "上午", "下午")) -> str:
        d = self.when
        part = self.rng.choice(parts)
        if self.chance(0.18):
            return f"{d.year}年{_md(d)}{part}，"
        return f"{_md(d)}{part}，"

    def pair(self, t: str) -> str:
        """A headline of two halves, or one, 8–28 characters."""
        for _ in range(20):
            half = self.rng.choice(TOPIC_HALVES).replace("{t}", t)
            form = self.rng.random()
            if form < 0.55:
                text = self.rng.choice(FOURS) + " " + half
            elif form < 0.75:
                a, b = self.rng.sample(FOURS, 2)
                text = f"{a} {b}"
            else:
                text = half
            if 8 <= len(text) <= 28:
                return text
        return self.rng.choice(FOURS) + " " + self.rng.choice(FOURS)

    # paragraphs and events --------------------------------------------------------------------
    def add(self, text: str, *, droppable: bool = False) -> None:
        self.paras.append((text, droppable))

    def event(
        self,
        type_: str,
        name: str,
        place: str | None = None,
        *,
        presided: Sequence[str] = (),
        spoke: Sequence[str] = (),
        attended: Sequence[str] = (),
    ) -> None:
        roles = set(presided) | set(spoke)
        att = tuple(dict.fromkeys(a for a in attended if a not in roles))
        self.events.append(
            EventTruth(
                type_,
                name,
                self.date,
                place,
                tuple(dict.fromkeys(presided)),
                tuple(dict.fromkeys(spoke)),
                att,
            )
        )

    def finish(self) -> StoryTruth:
        body = [p for p, _ in self.paras]
        limit_low = 40 if self.kind == "photo" else MIN_CHARS
        droppable = [i for i, (_, d) in enumerate(self.paras) if d and i > 0]
        while sum(map(len, body)) > MAX_CHARS and droppable:
            i = droppable.pop()
            body[i] = ""
        body = [p for p in body if p]
        while sum(map(len, body)) < limit_low:
            extra = self.figures()
            body.insert(max(1, len(body) - 1) if len(body) > 1 else len(body), extra)
        heads = [h for h in (self.kicker, self.headline, self.subtitle) if h]
        text = "\n".join(heads + body)
        reading = "\n".join([*body, *heads])
        order = sorted((reading.find(n), n) for n in self.people if n in reading)
        persons = tuple(Official(n, self.people[n]) for _, n in order)
        docs = tuple(d for d in dict.fromkeys(self.docs) if f"《{d}》" in text)
        slogans = tuple(s for s in dict.fromkeys(self.slogans) if f"“{s}”" in text)
        return StoryTruth(
            kind=self.kind,
            kicker=self.kicker,
            headline=self.headline,
            subtitle=self.subtitle,
            paragraphs=tuple(body),
            date=self.date,
            persons=persons,
            documents=docs,
            slogans=slogans,
            events=tuple(self.events),
            dated_lead=self.dated,
        )


# where an attendance sentence goes: the lead's end, as often as on real pages, or the article's end
_ENDINGS = rates()
ATTENDANCE_ENDS_LEAD = _ENDINGS.attendance_ends_lead
ATTENDANCE_AFTER_OTHER_MATTERS = _ENDINGS.attendance_after_other_matters
ATTENDANCE_AGAIN_AT_END = _ENDINGS.attendance_again_at_end


def _attendance(st: _Story, seats: Sequence[Seat], verb: str, *, shared: bool | None = None) -> str:
    """市领导甲、乙参加。 / 副市长甲，市政府秘书长乙出席。"""
    if shared is None:
        shared = st.chance(0.5)
    names = st.group(seats, f"{st.lv}领导" if shared else None)
    return f"{names}{verb}。"


# the attendees of a report, its verb and whether they share a post (市领导甲、乙): printed where
# _place_end puts them, in one sentence or two
_Attendees = tuple[Sequence[Seat], str, bool | None]


def _place_end(
    st: _Story,
    lead: str,
    attend: str | _Attendees,
    rest: list[str],
    close: str | None = None,
) -> None:
    """The attendance sentence ends the lead (the article goes on) or closes the article; `close`
    (会议还研究了其他事项。) ends it, with an attendance line after it as seldom as on real pages.
    Given the attendees (seats, verb, shared) rather than the sentence, some may be named at the
    lead's end and the others, two or more by their posts, in a closing paragraph, as often as
    real reports list attendees twice."""
    at_lead = st.chance(ATTENDANCE_ENDS_LEAD)
    if close and not at_lead:
        at_lead = not st.chance(ATTENDANCE_AFTER_OTHER_MATTERS)
    if isinstance(attend, tuple):
        seats, verb, shared = attend
        if at_lead and len(seats) >= 3 and not close and st.chance(ATTENDANCE_AGAIN_AT_END):
            k = st.rng.randint(1, len(seats) - 2)
            st.add(lead + _attendance(st, seats[:k], verb, shared=False))
            for r in rest:
                st.add(r, droppable=True)
            st.add(_attendance(st, seats[k:], st.rng.choice(("参加", "出席")), shared=False))
            return
        attend = _attendance(st, seats, verb, shared=shared)
    if at_lead:
        st.add(lead + attend)
        for r in rest:
            st.add(r, droppable=True)
        if close:
            st.add(close)
    else:
        st.add(lead)
        for r in rest:
            st.add(r, droppable=True)
        if close:
            st.add(close)
        st.add(attend)


# ---------------------------------------------------------------------------------------------
# The kinds


def _standing(st: _Story) -> None:
    lv = st.lv
    sec = st.seat("secretary")
    t1 = st.t
    t2, t3 = st.rng.sample([x for x in TOPICS if x != t1], 2)
    agenda: list[str] = []
    if st.chance(0.35):
        st.plain("习近平", ("总书记",))  # printed name first, as national leaders are
        agenda.append("学习贯彻习近平总书记重要讲话和重要指示批示精神")
    agenda.append("传达" + st.rng.choice(HIGHER).replace("{t}", t1) + "精神")
    agenda.append(f"听取{t2}、{t3}等工作情况汇报")
    if st.chance(0.6):
        agenda.append("审议《" + st.doc(t2) + "》" + ("《" + st.doc(t3) + "》" if st.chance(0.4) else ""))
    lead = st.lead_date() + f"{lv}委常委会召开会议，" + "；".join(agenda) + "。" + f"{st.full(sec)}主持会议。"
    rest = [st.directives(st.rng.choice(OPENERS_MEETING), t) for t in (t1, t2, t3)[: st.rng.randint(2, 3)]]
    spoke: list[str] = []
    if st.chance(0.35):
        rest.insert(0, st.directives(f"{sec.name}在讲话中强调，", t1, 2))
        spoke.append(sec.name)
    close = "会议还研究了其他事项。" if st.chance(0.3) else None
    attended: list[str] = []
    if st.chance(0.5):
        guests = st.leaders(st.rng.randint(2, 4))
        attend = f"{lv}委常委出席会议，" + _attendance(st, guests, "列席", shared=True)
        attended = [s.name for s in guests]
    else:
        attend = f"{lv}人大常委会、{lv}政府、{lv}政协有关负责同志列席会议。"
    _place_end(st, lead, attend, rest, close)
    st.event("meeting", f"{lv}委常委会会议", presided=[sec.name], spoke=spoke, attended=attended)
    if st.chance(0.5):
        st.kicker = f"{lv}委常委会召开会议"
        st.headline = st.pair(t1)
        st.subtitle = f"{sec.name}主持"
    else:
        st.headline = f"{lv}委常委会召开会议"
        st.subtitle = f"研究部署{t2}、{t3}等工作 {sec.name}主持"


def _executive(st: _Story) -> None:
    lv = st.lv
    mayor = st.seat("mayor")
    n = st.rng.randint(1, 36)
    name = (
        f"{lv}政府{st.when.year}年第{n}次常务会议"
        if st.chance(0.6)
        else f"{cn_number(st.rng.randint(12, 18))}届{lv}政府第{cn_number(min(n, 99))}次常务会议"
    )
    t1 = st.t
    t2, t3 = st.rng.sample([x for x in TOPICS if x != t1], 2)
    who = st.short(mayor) if st.chance(0.6) else st.full(mayor)
    lead = (
        st.lead_date() + f"{who}主持召开{name}，传达学习{st.rng.choice(HIGHER).replace('{t}', t1)}精神，"
        f"研究部署{t2}、{t3}等工作。"
    )
    rest: list[str] = []
    spoke: list[str] = []
    for t in (t1, t2, t3)[: st.rng.randint(2, 3)]:
        if not spoke and st.chance(0.3):
            rest.append(st.directives(f"{mayor.name}指出，", t))
            spoke.append(mayor.name)
        else:
            rest.append(st.directives(st.rng.choice(OPENERS_MEETING), t))
    if st.chance(0.5):
        rest.append(f"会议审议并原则通过了《{st.doc(t3)}》，要求相关部门根据会议意见修改完善后按程序印发。")
    seats = [*st.seats("exec-vice", "sc-vice"), *st.seats("vice-mayor", n=st.rng.randint(1, 3))]
    if st.chance(0.5):
        seats += st.seats("gov-secretary-general")
    attend: _Attendees = (seats, st.rng.choice(("出席会议", "出席", "参加")), False)
    _place_end(st, lead, attend, rest, "会议还研究了其他事项。" if st.chance(0.3) else None)
    st.event("meeting", name, presided=[mayor.name], spoke=spoke, attended=[s.name for s in seats])
    if st.chance(0.6):
        st.headline = f"{lv}政府召开常务会议"
        st.subtitle = f"研究{t2}、{t3}等工作 {mayor.name}主持"
    else:
        st.headline = st.pair(t2)
        st.subtitle = f"{mayor.name}主持召开{lv}政府常务会议"


def _special(st: _Story) -> None:
    lv = st.lv
    t = st.topic()
    if st.chance(0.5):
        chief = st.seat(st.rng.choice(("mayor", "secretary", "exec-vice")))
        form = st.rng.choice(("专题会议", "专题调度会", "调度会", "现场办公会"))
        name = f"{t}工作{form}"
        lead = (
            st.lead_date() + f"{st.full(chief)}主持召开{name}，听取有关部门工作情况汇报，"
            f"研究解决{t}推进中的突出问题。"
        )
        rest = [
            st.directives(f"{chief.name}指出，", t, 2),
            st.directives(st.rng.choice((f"{chief.name}强调，", "他强调，", f"{chief.name}要求，")), t),
        ]
        if st.chance(0.5):
            rest.insert(1, st.figures(t))
        seats = st.leaders(st.rng.randint(1, 3))
        if st.chance(0.5):
            seats += st.seats("gov-secretary-general")
        if st.chance(0.5):
            seats += st.seats("bureau", n=st.rng.randint(1, 2))
        attend: _Attendees = (seats, st.rng.choice(("参加", "参加会议", "出席")), False)
        _place_end(st, lead, attend, rest)
        st.event("meeting", name, presided=[chief.name], spoke=[chief.name], attended=[s.name for s in seats])
        if st.chance(0.5):
            st.kicker = f"{chief.name}主持召开{t}工作{form}时强调" + ("——" if st.chance(0.4) else "")
            st.headline = st.pair(t)
        else:
            st.headline = st.pair(t)
            st.subtitle = f"{chief.name}专题调度{t}工作"
    else:
        main = st.seat(st.rng.choice(("mayor", "secretary")))
        chair = st.seat("exec-vice", "sc-vice", "vice-mayor")
        name = f"全{lv}{t}工作{st.rng.choice(('推进会', '部署会', '调度会', '现场推进会'))}"
        lead = st.lead_date() + f"{name}召开。{st.full(main)}出席并讲话，{st.full(chair)}主持。"
        rest = [st.directives(f"{main.name}指出，", t, 2), st.directives("他强调，", t)]
        if st.chance(0.4):
            rest.insert(
                0,
                "会上，" + st.rng.choice(("各县市区", "相关部门", "部分园区")) + "主要负责同志作了交流发言。",
            )
        seats = st.leaders(st.rng.randint(1, 4))
        attend = (seats, st.rng.choice(("出席", "参加", "出席会议")), True)
        _place_end(st, lead, attend, rest)
        st.event("meeting", name, presided=[chair.name], spoke=[main.name], attended=[s.name for s in seats])
        st.headline = st.pair(t)
        st.subtitle = f"{name}召开 {main.name}出席并讲话"


def _inspection(st: _Story) -> None:
    w = st.w
    t = st.topic()
    county = st.rng.choice(w.counties)
    roles = ("secretary", "mayor", "deputy-secretary", "exec-vice", "npc-chair", "cppcc-chair", "p-sc-vice")
    chief = st.seat(st.rng.choice(roles))
    verb = {"npc-chair": "视察", "cppcc-chair": "视察"}.get(chief.role) or st.rng.choice(
        ("调研", "调研", "督导检查", "暗访", "检查")
    )
    provincial = chief.role == "p-sc-vice"
    place = w.city if provincial else county
    towns = [tn for c, tn in w.towns if c == county]
    town = st.rng.choice(towns) if towns else county
    villages = [v for tn, v in w.villages if tn == town]
    firm = st.rng.choice(w.firms)
    if provincial:
        lead = st.lead_date() + f"{st.full(chief)}来{st.c}{verb}{t}工作。"
    elif verb == "暗访":
        lead = st.lead_date() + f"{st.full(chief)}采取不发通知、不打招呼的方式，深入{county}暗访{t}工作。"
    else:
        lead = (
            st.lead_date() + f"{st.full(chief)}{st.rng.choice(('赴', '深入', '来到'))}{county}，"
            f"就{t}工作开展{verb}。"
        )
    village = st.rng.choice(villages) if villages else ""
    scenes = st.rng.sample(VISIT_SCENES, 2)
    scenes.sort(key=lambda sc: not sc.startswith(("在", "走进")))
    spots = [firm, town + village]
    if st.chance(0.5):
        spots.reverse()
    rest = [
        st.fill(sc.replace("{place}", sp).replace("{n}", chief.name), t)
        for sc, sp in zip(scenes, spots, strict=True)
    ]
    local: list[Seat] = []
    locals_ = [s for s in w.seats if s.area in (town, village) and s.name not in st.used]
    if locals_ and st.chance(0.4):
        v = st.rng.choice(locals_)
        local.append(v)
        st.used.add(v.name)
        here = "村里" if v.tier == "village" else "镇里"
        rest.append(
            f"{st.full(v)}介绍，近年来{here}依托{st.rng.choice(CROPS)}产业，带动农户年均增收两千余元，"
            "集体经济收入逐年增加。"
        )
    speech = st.directives(
        st.rng.choice((f"{chief.name}强调，", f"{verb}中，{chief.name}指出，", "他强调，")), t
    )
    if provincial:
        company = [*st.seats("secretary", "mayor", n=st.rng.randint(1, 2)), *st.leaders(st.rng.randint(0, 2))]
    else:
        company = st.leaders(st.rng.randint(1, 3))
        heads = [s for s in w.tier("county", county) if s.name not in st.used]
        if heads and st.chance(0.5):
            head = st.rng.choice(heads)
            st.used.add(head.name)
            company.append(head)
    attend_verb = (
        st.rng.choice(("陪同", "参加调研", "一同调研")) if verb == "调研" else st.rng.choice(("陪同", "参加"))
    )
    attend = _attendance(st, company, attend_verb)
    if st.chance(ATTENDANCE_ENDS_LEAD):
        st.add(lead + attend)
        for r in rest:
            st.add(r, droppable=r.startswith("随后") or r.startswith(chief.name))
        st.add(speech)
    else:
        st.add(lead)
        for r in rest:
            st.add(r)
        st.add(speech)
        st.add(attend)
    ev_verb = "督导检查" if verb == "督导检查" else verb
    st.event(
        "inspection",
        f"{place}{t}工作{ev_verb}",
        place,
        spoke=[chief.name] + [s.name for s in local],
        attended=[s.name for s in company],
    )
    half = st.pair(t)
    if st.chance(0.6):
        where = st.c if provincial else county
        st.kicker = (
            f"{chief.name}在{where}{verb}时强调"
            if st.chance(0.6)
            else f"{chief.name}赴{where}{verb}{t}工作时强调——"
        )
        st.headline = half
    else:
        st.headline = half
        st.subtitle = f"{chief.name}{verb}{t}工作" if st.chance(0.5) else None


_GUEST_ROLES = ("firm-chair", "university-head", "bank-head", "association-head", "delegation-head", "p-dept")


def _reception(st: _Story) -> None:
    w = st.w
    host = st.seat(st.rng.choice(("secretary", "mayor", "mayor", "deputy-secretary")))
    guest = st.seat(*[r for r in _GUEST_ROLES if w.seats_of(r)])
    t = st.topic()
    verb = st.rng.choice(("会见了", "会见", "会见", "会见了"))
    hotel = f"{st.c}宾馆" if st.chance(0.3) else None
    where = f"在{hotel}" if hotel else ""
    if guest.role == "delegation-head" and st.chance(0.6):
        lead = (
            st.lead_date() + f"{st.full(host)}{where}与{st.full(guest)}率领的{guest.area}党政代表团座谈交流，"
            f"双方就深化区域合作进行了深入沟通。"
        )
        ename = f"{host.name}与{guest.name}座谈"
    else:
        lead = (
            st.lead_date() + f"{st.full(host)}{where}{verb}{st.full(guest)}一行，"
            f"双方就{st.rng.choice(('深化合作', '项目落地', '产业协作', '校地合作', t))}等事宜进行了交流。"
        )
        ename = f"{host.name}会见{guest.name}一行"
    welcome = st.fill(st.rng.choice(HOST_WELCOMES).replace("{h}", host.name).replace("{g}", guest.name), t)
    pitch = st.fill(st.rng.choice(HOST_PITCHES), t)
    reply = st.fill(st.rng.choice(GUEST_REPLIES).replace("{g}", guest.name), t)
    seats = st.leaders(st.rng.randint(1, 3))
    if guest.role == "firm-chair" and st.chance(0.5):
        mgr = [s for s in w.seats_of("firm-manager") if s.area == guest.area and s.name not in st.used]
        if mgr:
            st.used.add(mgr[0].name)
            seats = [mgr[0], *seats]
    attend = _attendance(st, seats, st.rng.choice(("参加会见", "参加", "陪同")), shared=False)
    if st.chance(ATTENDANCE_ENDS_LEAD):
        st.add(lead + attend)
        st.add(welcome + pitch)
        st.add(reply)
    else:
        st.add(lead)
        st.add(welcome + pitch)
        st.add(reply)
        st.add(attend)
    st.event("reception", ename, hotel, spoke=[host.name, guest.name], attended=[s.name for s in seats])
    st.headline = st.pair(t)
    st.subtitle = ename if st.chance(0.7) else None


_PROJECTS = (
    "智能制造产业园",
    "新能源装备基地",
    "冷链物流中心",
    "数据中心",
    "新材料产业园",
    "总部经济大楼",
    "现代农业示范园",
    "生物医药产业园",
    "文旅综合体",
    "储能电池生产线",
)
_NOUNS = {"作站": "工作站", "究院": "研究院", "大队": "执法大队"}
_CENTERS = (
    "政务服务中心",
    "人才服务中心",
    "退役军人服务中心",
    "知识产权保护工作站",
    "产业技术研究院",
    "综合行政执法大队",
    "青少年活动中心",
    "应急指挥中心",
)
_AWARDS = ("最美志愿者", "十佳乡村教师", "最美家庭", "优秀民营企业家", "最美护士", "工匠之星")


_ORGANISERS = (
    "市委宣传部",
    "市文明办",
    "市总工会",
    "团市委",
    "市妇联",
    "市教育局",
    "市卫生健康委",
    "市工商联",
)


def _award_background(st: _Story, award: str) -> str:
    r = st.rng
    by = "、".join(r.sample(_ORGANISERS, r.randint(1, 3)))
    opener = r.choice(("据了解，", "据悉，", "", "据介绍，"))
    this = r.choice(("本届", "此次", "本次", ""))
    return (
        f"{opener}{this}“{award}”评选活动由{by}{r.choice(('联合主办', '主办', '共同发起'))}，"
        f"自{r.randint(2, 9)}月启动以来，经过基层推荐、资格审查、集中评审和社会公示等环节，"
        f"最终确定{r.randint(10, 30)}名{r.choice(('获奖者', '先进典型', '入选者'))}。"
    )


def _ceremony(st: _Story) -> None:
    w, lv, r = st.w, st.lv, st.rng
    sub = r.choice(("start", "sign", "plaque", "flag", "award"))
    park = r.choice(w.parks)
    proj = r.choice(_PROJECTS)
    t = st.topic()
    if sub == "start":
        q = r.randint(1, 4)
        name = f"{w.city}{st.when.year}年第{cn_number(q)}季度重大项目集中开工活动"
        n, a = r.randint(12, 86), r.randint(60, 900)
        lead = st.lead_date(("", "上午")) + f"{name}在{park}举行。"
        main, chair = st.seat("secretary"), st.seat("mayor")
        roles = f"{st.full(main)}出席并讲话，{st.full(chair)}主持。"
        body = [
            f"本次集中开工项目{n}个，总投资{a}亿元，涵盖先进制造、基础设施、社会民生等领域。"
            f"其中，{proj}项目投资规模最大，建成后将进一步壮大{st.c}主导产业。",
            st.directives(f"{main.name}指出，", "重大项目建设", 2),
        ]
        presided, spoke = [chair.name], [main.name]
        head = f"{st.c}{n}个重大项目集中开工"
        place: str | None = park
        sub_head = f"{main.name}{chair.name}出席"
    elif sub == "sign":
        firm = r.choice(w.firms)
        chair_g = next(s for s in w.seats_of("firm-chair") if s.area == firm)
        mgr = next(s for s in w.seats_of("firm-manager") if s.area == firm)
        main = st.seat("secretary", "mayor")
        vice = st.seat("exec-vice", "sc-vice", "vice-mayor")
        st.used.update((chair_g.name, mgr.name))
        name = f"{firm}{proj}项目签约仪式"
        lead = st.lead_date(("", "上午", "下午")) + f"{name}在{st.c}举行。"
        roles = (
            f"{st.full(main)}，{st.full(chair_g)}出席并致辞。{st.full(vice)}与{st.full(mgr)}代表双方签约。"
        )
        body = [
            f"根据协议，{firm}将在{park}投资建设{proj}项目，计划总投资{r.randint(5, 80)}亿元，"
            f"分两期建设，全部达产后预计年产值{r.randint(10, 200)}亿元。",
            st.fill(
                f"{main.name}在致辞中表示，{{c}}将以此次签约为新起点，坚持“{{S}}”发展战略不动摇，"
                "全力做好要素保障和跟踪服务，推动项目早开工、早投产、早见效。"
            ),
        ]
        presided, spoke = [], [main.name, chair_g.name]
        extra = [vice.name, mgr.name]
        head = f"{firm[:2]}{proj}项目落户{st.c}"
        place = st.c
        sub_head = f"{main.name}出席"
        st.event("ceremony", name, place, spoke=spoke, attended=extra + _more(st, roles, body, lead, sub))
        _heads(st, head, sub_head, t)
        return
    elif sub == "plaque":
        kind_of = r.choice(_CENTERS)
        center = f"{w.city}{kind_of}"
        name = f"{center}揭牌仪式"
        vice = st.seat("exec-vice", "sc-vice", "vice-mayor")
        boss = st.seat("bureau")
        lead = st.lead_date(("", "上午")) + f"{center}正式揭牌运行。"
        roles = f"{st.full(vice)}和{st.full(boss)}共同为{kind_of}揭牌。"
        body = [
            f"据介绍，该{_NOUNS.get(kind_of[-2:], kind_of[-2:])}集中办理{t}相关事务，实行一窗受理、限时办结，"
            "将进一步方便企业和群众就近办事。",
            st.figures(t),
        ]
        presided, spoke = [], []
        head = f"{center.replace(w.city, lv)}揭牌"
        place = None
        sub_head = None
        st.event("ceremony", name, place, attended=[vice.name, boss.name, *_more(st, roles, body, lead, sub)])
        _heads(st, head, sub_head, t)
        return
    elif sub == "flag":
        square = f"{st.c}{r.choice(('市民广场', '人民广场', '中心广场'))}"
        name = f"{st.c}升国旗仪式"
        lead = f"{_md(st.when)}清晨，{w.city}在{square}隆重举行升国旗仪式。"
        roles = ""
        body = [
            "伴随着雄壮的国歌声，五星红旗冉冉升起，现场干部群众整齐列队、肃立致敬。",
            "仪式结束后，大家纷纷表示，将立足本职岗位，为家乡发展贡献自己的力量。",
        ]
        presided, spoke = [], []
        head = f"{st.c}举行升国旗仪式"
        place = square
        sub_head = None
    else:
        award = r.choice(_AWARDS)
        n = r.randint(2, 6)
        name = f"{w.city}第{cn_number(n)}届“{award}”颁奖典礼"
        venue = f"{st.c}{r.choice(('大剧院', '会展中心', '广电中心演播厅'))}"
        lead = st.lead_date(("晚", "", "上午")) + f"{name}在{venue}举行。"
        winners = [st.plain(st.new_name()) for _ in range(r.randint(3, 6))]
        body = [
            f"{'、'.join(winners)}等{r.randint(10, 20)}人获评“{award}”称号。他们扎根基层、默默奉献，"
            "用平凡的坚守诠释了责任与担当。",
            "典礼现场，获奖代表的事迹短片引发观众强烈共鸣，掌声一次次响起。",
        ]
        if st.chance(0.6):
            # a report of an award closes on how the award was run, naming it again in quotes
            # (seen on real pages: 据了解/本次活动由…主办 after the ceremony's story)
            body.append(_award_background(st, award))
        roles = ""
        presided, spoke = [], []
        head = f"{st.c}评出第{cn_number(n)}届“{award}”"
        place = venue
        sub_head = None
    attended = _more(st, roles, body, lead, sub)
    st.event("ceremony", name, place, presided=presided, spoke=spoke, attended=attended)
    if sub_head is None and attended and st.chance(0.5):
        sub_head = "".join(attended[:2]) + "出席"
    _heads(st, head, sub_head, t)


def _more(st: _Story, roles: str, body: list[str], lead: str, sub: str) -> list[str]:
    """Adds a ceremony's paragraphs with one more attendance sentence; returns who attended."""
    seats = st.leaders(st.rng.randint(2, 5), top=sub in ("flag", "award"))
    verb = {"award": "为获奖者颁奖", "flag": "参加升旗仪式"}.get(sub) or st.rng.choice(
        ("出席", "参加活动", "出席仪式")
    )
    attend = _attendance(st, seats, verb, shared=st.chance(0.7))
    if st.chance(ATTENDANCE_ENDS_LEAD):
        st.add(lead + roles + attend)
        for b in body:
            st.add(b, droppable=True)
    else:
        st.add(lead + roles)
        for b in body:
            st.add(b)
        st.add(attend)
    return [s.name for s in seats]


def _heads(st: _Story, head: str, sub_head: str | None, t: str) -> None:
    if st.chance(0.5) and 8 <= len(head) <= 28:
        st.headline = head
        st.subtitle = sub_head
    else:
        st.headline = st.pair(t)
        st.subtitle = head if len(head) >= 6 else sub_head


def _congress(st: _Story) -> None:
    lv, r = st.lv, st.rng
    t1 = st.t
    t2 = r.choice([x for x in TOPICS if x != t1])
    if r.random() < 0.6:
        chair = st.seat("npc-chair")
        term, n = r.randint(14, 18), r.randint(2, 30)
        name = f"{lv}{cn_number(term)}届人大常委会第{cn_number(n)}次会议"
        lead = (
            st.lead_date() + f"{name}召开。{st.full(chair)}主持会议。"
            if r.random() < 0.5
            else st.lead_date() + f"{name}举行第一次全体会议，{st.full(chair)}主持。"
        )
        law = st.doc(t2)
        body = [
            f"会议听取和审议了{lv}政府关于{t1}工作情况的报告，审议了《{law}》。",
            st.directives(f"{chair.name}在讲话中强调，", t1, 2),
        ]
        vices = st.seats("npc-vice", n=2)
        present = _attendance(st, vices, "出席", shared=False)
        guests = [*st.seats("vice-mayor"), *st.seats("court"), *st.seats("procuratorate")]
        listen = _attendance(st, guests, "列席会议", shared=False)
        head = f"{lv}人大常委会举行第{cn_number(n)}次会议"
    else:
        chair = st.seat("cppcc-chair")
        term, n = r.randint(10, 14), r.randint(2, 20)
        name = f"{lv}政协{cn_number(term)}届{cn_number(n)}次常委会议"
        lead = st.lead_date() + f"{name}召开，围绕{t1}开展专题协商。{st.full(chair)}主持会议并讲话。"
        body = [
            "会上，"
            + r.choice(("部分常委", "各民主党派市委会负责人", "政协委员代表"))
            + f"围绕{t1}作了发言，"
            "提出了一批具有针对性和可操作性的意见建议。",
            st.directives(f"{chair.name}指出，", t1, 2),
        ]
        vices = st.seats("cppcc-vice", n=2)
        present = _attendance(st, vices, "出席", shared=False)
        guests = st.seats("vice-mayor")
        listen = _attendance(st, guests, "应邀到会通报有关情况", shared=False)
        head = f"{lv}政协召开{cn_number(term)}届{cn_number(n)}次常委会议"
    if r.random() < ATTENDANCE_ENDS_LEAD:
        st.add(lead + present + listen)
        for b in body:
            st.add(b)
    else:
        st.add(lead)
        for b in body:
            st.add(b)
        st.add(present + listen)
    st.event(
        "meeting", name, presided=[chair.name], spoke=[chair.name], attended=[s.name for s in vices + guests]
    )
    st.headline = head if 8 <= len(head) <= 28 else st.pair(t1)
    st.subtitle = f"{chair.name}主持"


def _teleconference(st: _Story) -> None:
    lv, r = st.lv, st.rng
    t = st.topic()
    national = r.random() < 0.5
    tele = f"全国{t}电视电话会议" if national else f"全省{t}工作电视电话会议"
    lead = st.lead_date(("", "上午", "下午")) + f"{tele}召开。"
    spoke1: list[str] = []
    if not national:
        pv = st.seat("p-sc-vice", "p-vice")
        lead += f"{st.full(pv)}出席并讲话。"
        spoke1.append(pv.name)
    mayor = st.seat("mayor", "exec-vice")
    listeners = st.leaders(r.randint(1, 3))
    lead += (
        f"{st.full(mayor)}，"
        + st.group(listeners, f"{lv}领导" if r.random() < 0.5 else None)
        + f"在{st.c}分会场参加会议。"
    )
    st.event("meeting", tele, spoke=spoke1, attended=[mayor.name] + [s.name for s in listeners])
    local = f"全{lv}{t}工作会议"
    after = (
        f"会后，{mayor.name}主持召开{local}，就贯彻落实此次会议精神作出部署。"
        if r.random() < 0.6
        else f"会后，{st.c}紧接着召开{local}，{mayor.name}主持并讲话。"
    )
    st.add(lead)
    st.add(after + st.directives("他强调，" if after.endswith("讲话。") else f"{mayor.name}强调，", t, 2))
    st.add(st.directives(r.choice(("他要求，", "他指出，")), t, 2), droppable=True)
    if r.random() < 0.5:
        st.add(st.figures(t), droppable=True)
    st.add(f"各县市区、{lv}直有关单位负责同志在各分会场参加会议。")
    st.event("meeting", local, presided=[mayor.name], spoke=[mayor.name])
    st.headline = st.pair(t)
    if r.random() < 0.6:
        st.subtitle = f"{mayor.name}在{st.c}分会场参加并部署贯彻落实工作"


def _multi(st: _Story) -> None:
    w, r = st.w, st.rng
    host = st.seat("secretary", "mayor")
    firm = r.choice(w.firms)
    guest = next(s for s in w.seats_of("firm-chair") if s.area == firm)
    mgr = next(s for s in w.seats_of("firm-manager") if s.area == firm)
    st.used.update((guest.name, mgr.name))
    park = r.choice(w.parks)
    proj = r.choice(_PROJECTS)
    t = st.topic()
    lead = st.lead_date(("上午", "")) + f"{st.full(host)}会见了{st.full(guest)}一行。"
    welcome = st.fill(r.choice(HOST_WELCOMES).replace("{h}", host.name).replace("{g}", guest.name), t)
    reply = st.fill(r.choice(GUEST_REPLIES).replace("{g}", guest.name), t)
    st.add(lead + welcome)
    st.add(reply)
    st.event("reception", f"{host.name}会见{guest.name}一行", spoke=[host.name, guest.name])
    company = st.leaders(r.randint(1, 2))
    st.add(
        f"随后，{host.name}陪同{guest.name}一行来到{park}，实地察看园区规划布局和标准厂房建设情况，"
        f"详细了解{proj}项目选址和配套条件。" + _attendance(st, company, "陪同考察", shared=False)
    )
    st.event("inspection", f"{park}考察", park, attended=[host.name, guest.name] + [s.name for s in company])
    if r.random() < 0.7:
        vice = st.seat("vice-mayor", "exec-vice")
        st.add(
            f"当天下午，{w.city}人民政府与{firm}{proj}项目合作协议签约仪式举行。"
            f"{host.name}、{guest.name}见证签约，{st.full(vice)}与{st.full(mgr)}代表双方签署协议。"
            f"该项目计划总投资{r.randint(6, 60)}亿元。"
        )
        st.event(
            "ceremony",
            f"{firm}{proj}项目合作协议签约仪式",
            attended=[host.name, guest.name, vice.name, mgr.name],
        )
        st.subtitle = f"{host.name}会见{guest.name}一行并见证项目签约"
    else:
        st.subtitle = f"{host.name}会见{guest.name}一行"
    st.headline = st.pair(t)


def _notice(st: _Story) -> None:
    w, lv, r = st.w, st.lv, st.rng
    t = st.topic()
    bureau = st.seat("bureau")
    later = st.when + datetime.timedelta(days=r.randint(3, 20))
    form = r.random()
    if form < 0.35:
        doc = f"关于开展{t}专项整治行动的通知"
        st.docs.append(doc)
        st.add(
            st.lead_date(("",)) + f"记者从{bureau.area}获悉，该局近日印发《{doc}》，"
            f"决定自{_md(later)}起在全{lv}范围内开展为期{cn_number(r.randint(2, 6))}个月的专项整治。"
        )
        st.add(
            f"此次整治将重点检查{r.choice(('经营场所', '在建工地', '农贸市场', '校园周边', '居民小区'))}，"
            "对发现的问题建立台账、限期整改，对拒不整改的依法从严处理。",
            droppable=False,
        )
        head = f"{st.c}开展{t}专项整治"
    elif form < 0.55:
        st.add(st.lead_date(("",)) + f"{bureau.area}发布提示，提醒广大市民在{t}方面提高警惕、做好防范。")
        st.add(
            "提示指出，市民应通过正规渠道获取信息，不轻信来路不明的消息；遇到可疑情况，"
            "可拨打12345政务服务便民热线反映。相关部门将及时受理、依法处置。"
        )
        head = f"{bureau.area}发布{t}提示" if len(bureau.area) + len(t) < 26 else f"{st.c}发布{t}提示"
    elif form < 0.75:
        # a press conference tells the press what a bureau does: a meeting, not a ceremony
        name = f"{st.c}{t}工作新闻发布会"
        st.add(
            st.lead_date(("", "上午", "下午")) + f"{lv}政府新闻办召开{name}。{st.full(bureau)}介绍有关情况，"
            f"并就{t}工作的主要举措回答记者提问。"
        )
        st.event("meeting", name, spoke=[bureau.name])
        head = f"{st.c}通报{t}工作进展"
    else:
        doc = f"{w.city}{st.when.year}年{t}专项资金申报指南"
        st.docs.append(doc)
        st.add(st.lead_date(("",)) + f"{bureau.area}日前发布《{doc}》，申报工作将于{_md(later)}截止。")
        st.add(
            f"符合条件的企业和单位可登录{st.c}政务服务网在线提交材料，逾期不再受理。"
            f"据介绍，今年专项资金规模为{r.randint(2, 30)}千万元，将重点支持示范带动作用明显的项目。"
        )
        head = f"{t}专项资金开始申报"
    if r.random() < 0.4:
        st.add(f"{st.short(bureau)}表示，将加强跟踪问效，确保各项工作规范有序推进。")
    st.headline = head if 8 <= len(head) <= 28 else f"{st.c}发布{t}相关事项"
    if len(st.headline) < 8:
        st.headline = f"{st.c}部署{t}工作有关事项"


def _commentary(st: _Story) -> None:
    r = st.rng
    st.kind = "commentary"
    st.dated = False
    st.date = None
    t = st.topic()
    lines = r.sample(COMMENT_LINES, r.randint(3, 5))
    st.add(r.choice(COMMENT_OPENERS) + st.fill(lines[0], t))
    for line in lines[1:]:
        st.add(st.fill(line, t) + st.fill(r.choice(DIRECTIVES), t).replace("要", "必须", 1), droppable=True)
    st.add(st.fill(r.choice(COMMENT_CLOSERS), t))
    st.headline = st.pair(t)


def _interview(st: _Story) -> None:
    w, r = st.w, st.rng
    st.kind = "interview"
    st.dated = False
    st.date = None
    t = st.topic()
    who = st.seat("county-secretary", "county-head", "bureau", "firm-chair", "town-secretary")
    area = {"bureau": who.area, "guest": "贵公司"}.get(who.tier, who.area)
    st.subtitle = "——访" + st.full(who)
    st.headline = (
        f"让{t}成为{short_name(who.area)}发展的亮丽名片"
        if who.tier == "county" and r.random() < 0.5
        else st.pair(t)
    )
    if len(st.headline) > 28 or len(st.headline) < 8:
        st.headline = st.pair(t)
    place = who.area if who.tier in ("county", "town") else w.city
    st.add(
        f"近年来，{place}坚持把{t}作为一项重要工作来抓，一批打基础、利长远的举措相继落地。"
        f"围绕下一步如何发力，记者专访了{who.name}。"
    )
    qs = r.sample(INTERVIEW_QUESTIONS, r.randint(2, 3))
    ans = r.sample(INTERVIEW_ANSWERS, len(qs))
    for q, a in zip(qs, ans, strict=True):
        question = "记者：" + q.replace("{area}", area).replace("{t}", t) + "？"
        st.add(question)
        st.add(f"{who.name}：" + st.fill(a.replace("{k}", cn_number(r.randint(8, 15))), t))
    st.add(
        f"谈及未来，{who.name}信心满满：“我们将一以贯之抓好落实，努力交出让群众满意的答卷。”", droppable=True
    )


def _photo(st: _Story) -> None:
    w, r = st.w, st.rng
    st.kind = "photo"
    if r.random() < 0.4:
        _photo_of_a_visit(st)
        return
    county, town = r.choice(w.towns)
    villages = [v for tn, v in w.villages if tn == town]
    crop = r.choice(CROPS)
    spot = f"{county}{town}{r.choice(villages) if villages else ''}"
    text = (
        st.lead_date(("", "", "上午"))
        + f"在{spot}的{crop}基地，"
        + r.choice(PHOTO_ACTIVITIES).replace("{x}", crop)
        + "。"
        + r.choice(PHOTO_CONTEXT).replace("{x}", crop).replace("{k}", cn_number(r.randint(2, 9)))
    )
    st.add(text)
    if r.random() < 0.25:
        st.headline = f"{town}：{crop}喜获丰收"


def _photo_of_a_visit(st: _Story) -> None:
    """A photo whose caption says who inspected what, with whom: an event like a report's."""
    w, r = st.w, st.rng
    t = st.topic()
    county = r.choice(w.counties)
    chief = st.seat(r.choice(("secretary", "mayor", "deputy-secretary", "exec-vice")))
    verb = r.choice(("调研", "调研", "督导", "检查"))
    spot = r.choice(
        (r.choice(w.firms), f"{county}{r.choice([tn for c, tn in w.towns if c == county] or [''])}")
    )
    company = st.leaders(r.randint(0, 2))
    with_ = _attendance(st, company, r.choice(("陪同", "一同调研"))) if company else ""
    caption = st.lead_date(("", "上午", "下午")) + f"{st.full(chief)}在{spot}{verb}{t}工作。" + with_
    where = r.choice(("生产车间", "项目现场", "田间地头", "服务大厅"))
    caption += f"图为{chief.name}（{r.choice(('左二', '右一', '中'))}）在{where}了解有关情况。"
    st.add(caption)
    st.event(
        "inspection", f"{county}{t}工作{verb}", county, attended=[chief.name, *(s.name for s in company)]
    )


# How a feature's lead opens when it gives no day. Survey 6 (docs/forms-survey.md): 12 of 14
# features open undated, in about equal parts with 近日, another span of time ({period}期间,
# {event}以来, a time of day, 连日来), the scene or its subject, a quotation, a set phrase.
_FEATURE_SPANS = ("连日来，", "清晨，", "国庆假期期间，", "入夏以来，", "眼下，", "这几天，")
_FEATURE_PHRASES = ("产业兴，百姓富。", "一分耕耘，一分收获。", "小切口连着大民生。", "好日子是干出来的。")
_FEATURE_QUOTES = {
    "school": ("“放学后还能学书法，我每天都盼着上兴趣课。”", "“孩子在家门口就能上好学。”"),
    "company": ("“设备换了新的，活儿干得又快又好。”", "“订单多了，大家干劲更足了。”"),
    "village": ("“今年又是一个好年景！”", "“地里有了产业，日子越过越有奔头。”"),
}
FEATURE_UNDATED = 0.85


def _feature_opening(st: _Story, sub: str) -> str:
    """What a feature's lead opens with before its scene: a day, or one of the undated openings."""
    r = st.rng
    if r.random() >= FEATURE_UNDATED:
        return st.lead_date(("", "", "上午"))
    st.dated = False
    st.date = None
    return r.choice(
        (
            "近日，",
            r.choice(_FEATURE_SPANS),
            "",  # the scene itself
            r.choice(_FEATURE_QUOTES[sub]),
            r.choice(_FEATURE_PHRASES),
        )
    )


def _feature(st: _Story) -> None:
    w, r = st.w, st.rng
    t = st.topic()
    sub = r.choice(("school", "company", "village"))
    opening = _feature_opening(st, sub)
    if sub == "school":
        school = r.choice(w.schools)
        head = st.plain(st.new_name(), (f"{school}校长",))
        teacher = st.plain(st.new_name())
        st.add(opening + f"走进{school}，琅琅书声从教学楼里传出，新建的运动场上学生们正在上体育课。")
        st.add(
            f"“这两年学校办学条件变化很大，”{head}介绍，学校新增了{r.randint(6, 20)}间功能教室，"
            f"开设了科技、书法、合唱等{r.randint(10, 30)}门兴趣课程，学生的课后时间更加丰富。"
        )
        st.add(
            f"在物理实验室，教师{teacher}正带着学生动手组装电路。她说，动手实践让学生对知识理解得更透，"
            "课堂气氛也更活跃了。",
            droppable=False,
        )
        st.add(
            "据了解，近年来当地持续加大教育投入，推动城乡学校结对帮扶，义务教育优质均衡水平稳步提升。",
            droppable=True,
        )
        st.headline = f"{school}：小课堂里的大变化"
    elif sub == "company":
        firm = r.choice(w.firms)
        mgr = next(s for s in w.seats_of("firm-manager") if s.area == firm)
        worker = st.plain(st.new_name())
        st.add(
            opening + f"在位于{r.choice(w.parks)}的{firm}生产车间里，机械臂上下翻飞，"
            "一件件产品经检测后下线装箱。"
        )
        st.add(
            f"“今年企业订单已经排到了年底，”{st.full(mgr)}告诉记者，公司去年投入{r.randint(2, 20)}千万元"
            f"实施技术改造，生产效率提高了{r.randint(15, 45)}%，产品还打进了海外市场。"
        )
        st.add(
            f"在装配线上工作了{cn_number(r.randint(3, 12))}年的员工{worker}说，车间环境越来越好，"
            "收入也比以前高了，在家门口就能安心上班。"
        )
        st.add(st.figures(t), droppable=True)
        st.headline = f"{firm[:2]}：技改添动能 订单排满年"
    else:
        county, town = r.choice(w.towns)
        villages = [v for tn, v in w.villages if tn == town]
        village = r.choice(villages) if villages else town
        sec = next((s for s in w.seats_of("village-secretary") if s.area == village), None)
        villager = st.plain(st.new_name(), ())
        crop = r.choice(CROPS)
        st.add(opening + f"在{county}{town}{village}，连片的{crop}基地一眼望不到头，村民们正忙着田间管护。")
        if sec is not None:
            st.add(
                f"“以前村里没有像样的产业，年轻人都往外跑。”{st.full(sec)}介绍，村里成立合作社，"
                f"流转土地发展{crop}种植，去年村集体经济收入突破{r.randint(20, 90)}万元。"
            )
        st.add(f"村民{villager}在基地务工，一年能挣三万多元。“离家近，还能照顾老人孩子。”他笑着说。")
        st.add(st.figures("乡村振兴"), droppable=True)
        st.headline = f"{village}：{crop}铺就致富路"
    if len(st.headline or "") > 28 or len(st.headline or "") < 8:
        st.headline = st.pair(t)


_WRITERS: dict[str, Callable[[_Story], None]] = {
    "meeting-standing-committee": _standing,
    "meeting-executive": _executive,
    "meeting-special": _special,
    "inspection": _inspection,
    "reception": _reception,
    "ceremony": _ceremony,
    "congress": _congress,
    "teleconference": _teleconference,
    "multi-event": _multi,
    "notice": _notice,
    "commentary": _commentary,
    "interview": _interview,
    "photo": _photo,
    "feature": _feature,
}


def write_story(
    rng: random.Random, world: World, when: datetime.date, kind: str, lines_used: set[str] | None = None
) -> StoryTruth:
    """One article of `kind` (one of `KINDS`) about `world` on the day `when`, with its truth.
    `lines_used`, shared by the stories of one page, keeps a stock line to one of them."""
    try:
        writer = _WRITERS[kind]
    except KeyError:
        raise ValueError(f"unknown story kind {kind!r}; expected one of {', '.join(KINDS)}") from None
    story = _Story(rng, world, when, lines_used)
    writer(story)
    return story.finish()
