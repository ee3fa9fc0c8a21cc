"""How news prints a figure: the number, the unit after it, and the words around that say what
it measures and how exactly (近400亿元, 增长7.2%, 十余场招聘会)."""

from __future__ import annotations

# Units, matched longest first; a multiplier (万, 亿) and an approximation (余, 多) may stand
# between the number and the unit and are kept in the unit as printed (400亿元, 十余台 -> 余台).
UNITS = tuple(
    sorted(
        """
        % ％ ‰ 个百分点 百分点 成 倍
        元 美元 欧元 港元 块
        人次 台次 架次 车次 班次 人 名 位 户 家 个 项 台 套 件 座 所 篇 条 场 次 列
        批 批次 辆 艘 架 栋 幢 处 间 张 份 本 部
        种 类 款 支 根 棵 株 头 只 幅 册 封 起 宗 笔 首 轮 组 对 双 包 箱 盒 袋 杯 节 门 段 片 道 例 层
        吨 公斤 千克 克 斤 亩 公顷 平方米 平方公里 平方千米 立方米 米 公里 千米 厘米 毫米
        千瓦时 千瓦 兆瓦 千伏 伏 度 瓦 升 毫升
        天 小时 分钟 秒钟 周 个月 岁 周岁
        """.split(),
        key=len,
        reverse=True,
    )
)
# Multipliers printed after the number and read as part of the unit: 1.5万人, 400亿元.
MULTIPLIERS = ("万亿", "千万", "百万", "亿", "万")
MULTIPLIER_VALUES = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4}
# Between the number and the unit: more than (200余篇, 100多家).
APPROXIMATE = ("余", "多")

# Words that open with a unit's character but are not a unit after a number (12部门, 3项目,
# 70周年): no unit is read there.
NOT_UNITS = tuple(
    "部门 项目 条件 条例 场所 名单 家庭 人民 人员 周年 次日 所有 所长 部长 台湾 天然 位置 位于 只有 只要 "
    "元旦 门户 道路 头部 批准 组织 组长 段落 层面 片区 节日 本地 本届 份额 起步 处理 间隔 种类 类型".split()
)

# Words before a number that say how it stands: approximately, at least, a change, a share.
# Matched longest first; they may stack (增长近10%) and take 了 (增长了7.2%).
QUALIFIERS = tuple(
    sorted(
        """
        同比增长 同比下降 同比增加 同比减少 同比提高 环比增长 环比下降 增长 增加 下降 减少 提高 提升
        上升 降低 回落 增幅 降幅 扩大 缩小 高于 低于 超过 超出 突破 达到 高达 多达 达 近 将近 接近 约
        大约 逾 超 不足 不到 仅 至少 最高 最低 累计 共计 合计 总计 共 占 分别 分别为 平均 新增
        """.split(),
        key=len,
        reverse=True,
    )
)
# After the figure: 三成以上, 100人左右 (the qualifier when none stands before).
POST_QUALIFIERS = ("以上", "左右", "以下", "以内", "之多", "上下")
# Words that say where rather than what: a measure stops before them (全市规模工业增加值 ->
# 规模工业增加值), and a qualifier may govern across them (高于全省1.3个百分点).
SCOPE_WORDS = frozenset(
    "全市 全省 全县 全区 全国 全州 全镇 我市 我省 我县 我区 本市 该市 该县 全年 当年 今年 去年 同期".split()
)

# Verbs and adverbs between a measure and its number that it reaches across (企业|已有|225家);
# any other verb there is read as part of the measure (营业收入: 收入 tagged a verb).
GOVERNING_WORDS = frozenset(
    "有 已有 共有 拥有 现有 还有 是 为 已 已经 共 均 都 还 就 再 又 又有 已达 实有".split()
)

# Before a number: an ordinal (第三届), a session (十二届五次全会), a vague count (数十家,
# 几十个): no figure.
NOT_BEFORE = frozenset("第届数几")

# A session number: 十六届人大三次会议 is the third session, not three meetings.
SESSION_MARK = "届"
SESSION_UNIT = "次"

# Slogans that open with a numeral and a classifier: not counts (quoted ones, “四个最严”, are
# known by their quotation marks).
SLOGANS = tuple(
    "两个确立 两个维护 四个意识 四个自信 四个全面 五位一体 三个代表 八项规定 三严三实 两学一做 "
    "一带一路 三会一课 两个务必 三个务必 四下基层 两个结合 三大攻坚战 六稳 六保 两个一百年".split()
)
