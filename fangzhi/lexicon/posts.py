"""The grammar of Chinese official titles: what a post ends with, what may stand before a name
and after it, and the words that end a name.

A post is printed as [bodies and qualifiers][title word] before the name it belongs to
(市委副书记、市长王某); several posts chain with 、; a post shared by a list of names precedes
the list (市领导甲、乙、丙出席). National leaders are often named first (习近平总书记).
"""

from __future__ import annotations

import re

# Title words a post ends with. Longest first where one contains another.
TITLES = (
    "党组书记 党工委书记 党委书记 党支部书记 纪委书记 总书记 副书记 书记 "
    "常务副市长 副市长 市长 常务副县长 副县长 县长 常务副区长 副区长 区长 副省长 省长 副州长 州长 "
    "副镇长 镇长 副乡长 乡长 副旗长 旗长 村委会主任 村主任 "
    "副主任委员 主任委员 常务副主任 执行主任 副主任 主任 执行董事 执行总裁 "
    "副部长 部长 副局长 局长 副厅长 厅长 副处长 处长 "
    "副科长 科长 副所长 所长 副站长 站长 副队长 队长 副组长 组长 副秘书长 秘书长 "
    "副主席 主席 副总理 总理 委员长 常委 委员 参事 巡视员 调研员 督察员 专员 "
    "副董事长 董事长 副总经理 总经理 经理 副行长 行长 副院长 院长 副校长 校长 副会长 会长 "
    "副理事长 理事长 社长 台长 总编辑 副总编辑 主编 馆长 园长 司令员 政治委员 政委 参谋长 "
    "检察长 副检察长 庭长 审判长 负责人 总监 首席执行官 支书 领导 指挥长 政法委书记 "
    "党组成员 成员 议员 干部"
).split()
# After these, a number of names may follow as a list sharing the post (市领导甲、乙出席).
SHARED_TITLES = frozenset({"领导", "负责人"})
# National leaders are named before the title (习近平总书记, 毛泽东主席).
TITLES_AFTER_NAME = ("总书记", "主席", "总理", "委员长", "书记", "市长", "县长", "省长", "同志")


TITLE_SET = frozenset(TITLES)
TITLE_LENGTHS = tuple(sorted({len(t) for t in TITLES}, reverse=True))
TITLE_LAST = re.compile("[" + "".join(sorted({t[-1] for t in TITLES})) + "]")
# The lengths of the titles that end in each character, longest first (人: only 负责人).
TITLE_LENGTHS_BY_LAST = {
    c: tuple(n for n in TITLE_LENGTHS if any(len(t) == n and t[-1] == c for t in TITLES))
    for c in {t[-1] for t in TITLES}
}

# Where a post's printed form may begin: it never runs past these.
POST_STOP_CHARS = "，。；：、！？,.;:!?（）()“”‘’《》〈〉【】—\n 　"
# Words that stand before a post without being part of it (会见了|全国某委员会秘书长某某).
POST_STOP_WORDS = frozenset(
    "了 的 是 在 由 和 与 及 同 向 对 为 把 被 将 以 据 经 从 给 让 请 其中 包括 来自 会见 会晤 接见 看望 "
    "慰问 陪同 传达 贯彻 学习 听取 邀请 率领 带领 带 率 介绍 告诉 表示 认为 获悉 指出 强调 要求 宣布 "
    "任命 免去 提名 推荐 选举 当选 担任 出任 任 作为 感谢 欢迎 祝贺 致信 致电 向来 还有 以及 暨 前任 "
    "现任 时任 已故 同志 "
    "访 专访 对话 落实 贯彻落实 深入 要 应 并 也 还 即".split()
)
# What joins two people with their posts (副市长甲和市某局局长乙共同为…揭牌).
POST_JOINTS = re.compile(r"以及|和|与|及|同")
# Conjunctions printed inside a body's name (工业和信息化局, 住房和城乡建设局), where a stop word
# elsewhere; and the levels a body's name opens with, which no inner part does.
BODY_CONJUNCTIONS = frozenset({"和", "与"})
LEVEL_CHARS = frozenset("省市县区州镇乡村")
# How a body's name ends: before a title, such a word lets the post run on over verbs
# (香港特区政府驻粤经济贸易办事处|主任, 湘辰重工智能制造部|部长).
BODY_END = re.compile(
    r"(?:委员会|管委会|常委会|工委|党委|政府|人大|政协|办公室|办事处|中心|公司|集团|协会|学会|商会|研究院|研究所|"
    r"大学|学院|学校|医院|银行|支队|总队|大队|部|局|厅|委|办|处|科|所|组|院|校|会|队|站|室|社|台|馆|行)$"
)
# Words tagged as verbs that still belong inside a body's name (省委…巡回督导组, 市场监督管理局).
VERBS_IN_BODIES = frozenset(
    "巡回 督导 管理 监督 执法 发展 改革 建设 服务 保障 促进 投资 招商 开发 规划 协调 指挥 调查 审计 "
    "应急 救援 生产 统战 宣传 组织 联络 信访 接待 合作 交流 运输 经营 创新 研究 设计 监察 检察".split()
)
# Words tagged as verbs that qualify the post they stand before (挂职副县长, 兼任…, 代理…).
POST_QUALIFIERS = frozenset("挂职 兼职 代理 驻村 派驻 常务".split())
# A name is often introduced by what the person is (游客某某), or followed by it (某某老人说).
DESCRIPTORS_BEFORE = (
    "游客 市民 村民 居民 群众 创业者 企业家 职工 员工 工人 农民 学生 志愿者 患者 家长 网友 选手 运动员 "
    "菜农 果农 老党员 党员 退役军人 乘客 旅客 消费者 种粮大户 养殖户 贫困户 脱贫户 小朋友 "
    "教师 医生 护士 民警 辅警 讲解员 技术员 网格员 快递员 环卫工人 店主 摊主"
).split()
DESCRIPTORS_AFTER = "老人 大爷 大妈 阿姨 师傅 同学 老师 先生 女士 奶奶 爷爷 大叔 大姐".split()

# What may follow a name: punctuation, or a word that begins the rest of the clause.
NAME_END_CHARS = "，。；：、！？,.;:!?）)”’》\n 　"
_END_WORDS = (
    "主持召开 主持 出席 参加 参与 列席 陪同 强调 指出 要求 表示 说 称 "
    "介绍 告诉 宣布 作 致辞 讲话 发言 会见 会晤 接见 看望 慰问 调研 考察 "
    "视察 检查 督导 赴 到 来到 前往 深入 先后 首先 随后 率 带队 带领 "
    "一行 同志 等 和 与 及 同 在 对 向 为 就 从 于 听取 召开 出任 任 "
    "担任 当选 获 荣获 被 的 是 也 还 又 都 一起 一同 分别 代表 作为 "
    "接受 认为 希望 指导 部署 讲述 透露 坦言 回忆 详细 仔细 实地 现场 "
    "专程 亲切 热情 高度 充分 主动 已 已经 曾 将 正 此前 表彰 颁奖 颁发 "
    "宣读 通报 解读 汇报 交流 点评 总结 提出 坚持 带头 率先 走进 走访 "
    "察看 查看 了解 询问 观看 参观 巡视 签约 签订 共同 为此 则 却 称赞 "
    "肯定 书记 市长 县长 主席 总书记 总理 同志 来 去 回到 所在 说道 "
    "感谢 欢迎 致谢 叮嘱 嘱咐 勉励 鼓励 寄语 宣讲 进行 翻阅 以及 应邀 会谈 座谈 暗访 采取 冒雨 轻车简从 "
    "深人 "  # 深入 as OCR often reads it (入 and 人)
).split()
NAME_END_WORDS = tuple(sorted(_END_WORDS, key=len, reverse=True))
# One-character verbs of speech: after a two-character name they are its verb, not its end.
SPEECH_AFTER_NAME = frozenset("说称道")
SPEECH_VERBS = frozenset(
    "强调 指出 要求 表示 说 称 讲话 致辞 发言 介绍 认为 希望 透露 坦言 说道 作报告 部署 提出 "
    "感谢 欢迎 叮嘱 嘱咐 勉励 寄语 宣讲".split()
)
