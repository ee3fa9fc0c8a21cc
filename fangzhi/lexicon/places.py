"""How papers print the names of administrative divisions, beyond the national list itself.

The list (codes and full names) comes from data the `cpca` package ships; what is here is the
convention of the trade: how a full name is shortened, which short forms are also everyday
words, and which words after a name make it part of something else's name.
"""

from __future__ import annotations

import re

# Pseudo-divisions the code table carries for its own structure; never printed as places.
PSEUDO_NAMES = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

# The four municipalities (by province code): they are their own city; their districts sit
# directly under them.
MUNICIPALITIES = frozenset({"11", "12", "31", "50"})

# What a full name ends with, longest first; the short name is what is left (衡阳市 -> 衡阳).
DIVISION_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "新区",
    "林区",
    "特区",
    "地区",
    "省",
    "市",
    "盟",
    "州",
    "县",
    "区",
    "旗",
)
# An autonomous division is also printed as its short name and a one-character suffix:
# 湘西土家族苗族自治州 -> 湘西州, 江华瑶族自治县 -> 江华县.
ABBREVIATED_SUFFIX = {"自治州": "州", "自治县": "县", "自治旗": "旗"}

# Short names that are everyday words in news text (和平, 振兴, 大兴调查研究, 中方, 全州 …):
# only their full names are read. Judged for frequency in news, not for rarity of the place.
COMMON_WORD_SHORT_NAMES = frozenset(
    """
    资源 合作 和平 武功 比如 南部 解放 东方 前进 港口 公安 友好 通道 共和 城中 友谊 平安 中方
    凤凰 安定 延长 新兴 运河 万年 东风 红旗 光泽 南岸 城北 城东 城西 城南 城关 城厢 会同 工农
    大名 富裕 高明 前锋 复兴 长子 宏伟 平定 芙蓉 洞口 阿里 温泉 向阳 振兴 三元 大方 互助 新华
    金台 莲花 平和 名山 黄龙 六合 白云 全州 桃源 建华 白银 三门 大观 永和 二七 台前 金山 石棉
    双桥 高台 九龙 无为 民权 小店 同心 宝塔 元宝 平房 灯塔 大兴 天涯 七星 海棠 来宾 博爱 同仁
    回民 钟楼 江岸 盘龙 马尾 红星 方正 安居 龙凤 鼓楼 湖里 大通 麒麟 新民 灵台 富民 清流 紫金
    老城 爱民 惠民 和顺 上高 开化 天心 阳明 朝阳 长寿 西湖 青山 新城 桥东 桥西 河东 河西 江北
    江南 市中 中原 永定 安宁 太平 新市 南海 东海 海港 上街 滨江 滨海 滨湖 湖滨 光明 白沙 山城
    江城 龙城 古城 新建 东湖 南湖 北湖 城步 天桥 平山 西山 东山 红山 花山 象山 宝山 铁山 明山
    天山 泰山 恒山 崂山 松山 三山 万山 龙山 尖山 千山 连山 钟山 牡丹 市北 市南 西市 北关 南关
    南郊 大东 大同 大安 东安 兴安 吉利 天元 天宁 山阳 江海 江东 江阳 江源 清河 河口 路北 路南
    兴城 满城 华龙 兴宁 兴山 长乐 永安 红塔 天河 安源 新罗
    路桥 海城 沙湾 双城 双塔 平川 平桥 白塔 玉泉 独山子 利州 卧龙 仁和 东兴 东港 东河 新会
    """.split()
)

# Full names short enough to be everyday words: 城区 (downtown), 郊区 (suburbs), 新县城 …
COMMON_WORD_FULL_NAMES = frozenset({"城区", "郊区", "矿区", "东区", "西区", "新县"})

# Words that, right after a short name, make it part of another thing's proper name: a road,
# a street, a smaller place of the same name, a school named after it (中山大学, 衡山路,
# 长安镇). A full name keeps its hit (衡阳市第一中学 names the city).
NAMING_FOLLOWERS = re.compile(
    r"大道|大街|大桥|路|街|巷|弄|广场|公园|小区|花园|新村|村|镇|乡|街道|社区|大学|学院|中学|小学|号|牌"
)

# A local paper's own division, unnamed: 我市, 全市, 该县, 本区, 各县, 两区 … Nothing to
# resolve; a match that starts on the 市/县/区 of such a form is a misreading (该市中区 is not
# 市中区).
SHORTHAND_DETERMINERS = frozenset("我本全该此各两三四五六七八九十多")
DIVISION_CHARS = frozenset("省市州县区旗")
