"""How the names of Chinese organisations are built: a head word that says what kind of body it
is, after the words that say whose or which (国网衡阳供电公司, 市安全生产委员会)."""

from __future__ import annotations

# Head words, matched longest first (人大常委会 before 常委会 before 委). One-character heads
# (局, 部, 办, 委, 厅) count only where the segmenter ends a word on them: 宣传部 but not 部长.
SUFFIXES = tuple(
    sorted(
        """
        人大常委会 纪委监委 常委会 委员会 管委会 工委 党委 党组 纪委 监委 人大 政协 政府 办公室 办公厅
        股份有限公司 有限责任公司 有限公司 公司 集团 分公司 子公司 银行 信用社 合作社 联社
        协会 学会 商会 联合会 促进会 基金会 研究会 理事会 董事会 总工会 工会 工商联 妇联 残联 侨联 科协 文联
        社科联 团委 关工委 研究院 研究所 设计院 科学院 检察院 法院 医院 卫生院 学院 大学 学校 小学 中学
        幼儿园 党校 中心 支队 总队 大队 中队 派出所 事务所 领导小组 工作组 督导组 巡视组 巡察组 指挥部
        局 厅 部 办 委 署
        """.split(),
        key=len,
        reverse=True,
    )
)

# Segmenter tags that carry a name leftwards: nouns (n, ns place, nt body, nz other proper,
# nr* names the segmenter guesses for unknown syllables: 宣传部 nr), abbreviations (j),
# nominal verbs (vn: 供电 in 国网衡阳供电公司), distinguishing words (b), idioms used as nouns
# (l: 食品安全), Latin letters (eng).
NAME_TAGS = frozenset(
    {"n", "ns", "nt", "nz", "nr", "nrt", "nrfg", "ng", "j", "vn", "an", "b", "l", "s", "eng"}
)
# Tags that may sit inside a name but never open one: 中央深改委 (深 a), 国网衡阳供电公司 (供电
# vn; an opening vn is a verb acting on the name: 深化残联改革, 研究市人大筹备工作).
BRIDGE_TAGS = frozenset({"a", "ad", "vn"})
# Proper words: a place, a known body, an abbreviation. Once a name has reached one of these, or
# a level's own word (市, 市委, 省政府), only more of them extend it (国网|衡阳|供电公司;
# 会议研究|市人大 stops at the common word).
PROPER_TAGS = frozenset({"ns", "nt", "nz", "j"})
# Words that make a national or central body particular without a place: 全国…委员会, 中央….
NATIONAL_WORDS = ("中共", "中央", "全国", "中国", "中华", "国家", "国务院", "国网")

# Words that, though nominal, say where or how widely rather than whose: the name starts after
# them (全市安全生产委员会 -> the 安全生产委员会 of the city; 全国 is part of a national body's
# name and stays).
STOP_WORDS = frozenset(
    """
    全市 全省 全县 全区 全州 全镇 全乡 全村 我市 我省 我县 我区 本市 本省 本县 该市 该省 该县 该区
    各地 各级 各类 各 有关 相关 上述 所属 下属 以及 其他 其它 等 及 和 与 暨 或 同
    深化 年度 季度 月份 年份
    """.split()
)
# A name that opens with one of these is the generic plural, not a body: 各级党委政府, 有关部门.
GENERIC_OPENINGS = ("各级", "各", "有关", "相关", "上级", "市直", "县直", "基层", "全市", "全省", "全县")

# Names whose last word ends in a head character but names no body (新发展格局, 基层干部, 举办).
NOT_HEADS = frozenset(
    """
    格局 布局 大局 全局 结局 开局 变局 当局 骗局 僵局 干部 全部 内部 外部 局部 东部 西部 南部 北部 中部
    腹部 头部 底部 顶部 胸部 背部 基层干部 领导干部 党员干部 部分 举办 主办 承办 协办 创办 开办 兴办
    督办 交办 查办 包办 帮办 代办 首办 专办 大厅 客厅 餐厅 展厅 门厅 总部 本部
    """.split()
)
# Endings that look like a body but are a figure of speech or a post (省域副中心, 产业布局,
# 市委常委 is a member, 市委常委会 the body).
NOT_ENDINGS = ("副中心", "区域中心", "为中心", "市中心", "城市中心", "布局", "格局", "常委", "部署")
# Heads as often a figure of speech as a body (消费中心, 医疗中心): the name needs a proper word
# or a level before it (市疾控中心, 湖南省湘雁输变电产业服务中心).
WEAK_HEADS = ("中心",)
# Without a proper word or level, a name this long is still particular (安全生产委员会); a
# shorter one is a kind of body (政府办公室, 人民医院).
PLAIN_MIN_LEN = 6
# Function words the segmenter sometimes glues to a following syllable it does not know (和衡
# of 关工委和衡南县): a coined word that opens with one is no part of a name.
FUNCTION_CHARS = frozenset("和与及或在由经对向为将把被从到赴的了是")

# One-character prefixes that make a word a particular body: 市政府, 省委, 县委 …
LEVEL_PREFIXES = frozenset("市省县区州镇乡")
# … but not the common words that open with the same characters (市场, 区域, 乡村).
NOT_LEVEL_WORDS = frozenset(
    """
    市场 市民 市区 市域 市值 市面 市井 市容 市级 市县 县域 县城 县级 县区 县乡 区域 区块 区间 区别 区分
    区位 省域 省级 省内 州域 乡村 乡镇 乡土 乡亲 镇村
    """.split()
)

MIN_LEN = 3
MAX_LEN = 30
