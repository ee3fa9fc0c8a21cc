"""Datelines and bylines: 衡阳晚报讯（全媒体记者 陈润）, 新华社北京5月3日电, ■本报记者 张三 通讯员 李四."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fangzhi.lexicon import press

_ROLE_RE = re.compile("|".join(re.escape(r) for r in sorted(press.BYLINE_ROLES, key=len, reverse=True)))
_SEP = re.compile(r"[\s、，,；;/]+")
_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff·]{1,10}")
# Common single-character surnames, to split names printed without a space (记者张三李四).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌"
    "毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
    "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩"
    "明佘池查麻苑迟邝"
)


@dataclass(frozen=True, slots=True)
class Credit:
    role: str | None
    name: str | None
    start: int  # offsets within the credit text given to parse_credit
    end: int


@dataclass(frozen=True, slots=True)
class DatelineMatch:
    end: int  # where the dateline (with its credit) ends in the line
    source: str | None  # the outlet named, or 本报 / an agency
    date_text: str | None
    credit_start: int
    credit_end: int


def match_dateline(line: str) -> DatelineMatch | None:
    m = press.DATELINE_HEAD.match(line)
    if not m or (m.group("verb") == "电" and not m.group("date")):
        return None  # 电 without a date is a word (供电, 来电), not a wire dateline
    source = m.group("outlet") or m.group("agency")
    end = m.end()
    cstart = cend = end
    rest = line[end:]
    cm = press.BRACKETED_CREDIT.match(rest) or press.BARE_CREDIT.match(rest)
    if cm:
        cstart, cend = end + cm.start("credit"), end + cm.end("credit")
        end += cm.end()
    return DatelineMatch(end, source, m.group("date"), cstart, cend)


def parse_credit(text: str, offset: int = 0) -> list[Credit]:
    """Split a credit into (role, name) pairs; a role carries over to the names after it."""
    out: list[Credit] = []
    role: str | None = None
    for tok in _tokens(text):
        start, word = tok
        rm = _ROLE_RE.match(word)
        if rm and (rm.end() == len(word) or _NAME.fullmatch(word[rm.end() :])):
            role = _canon_role(rm.group())
            word_rest = word[rm.end() :]
            if not word_rest:
                if role in press.VOICE_ROLES:
                    out.append(Credit(role, None, offset + start, offset + start + len(word)))
                continue
            start += rm.end()
            word = word_rest
        if word in ("摄", "摄影", "报道", "报导"):
            continue
        if not (_NAME.fullmatch(word) or len(word) == 6):
            continue  # not a name: a credit holds roles and names only
        for a, name in _split_names(word):
            out.append(Credit(role, name, offset + start + a, offset + start + a + len(name)))
    return out


def _tokens(text: str) -> list[tuple[int, str]]:
    toks: list[tuple[int, str]] = []
    last = 0
    for m in _SEP.finditer(text):
        if m.start() > last:
            toks.append((last, text[last : m.start()]))
        last = m.end()
    if last < len(text):
        toks.append((last, text[last:]))
    return toks


def _canon_role(role: str) -> str:
    return "摄影" if role == "摄" else role


def _split_names(word: str) -> list[tuple[int, str]]:
    """A run of names printed without spaces: split 4 and 6 characters when surnames say so."""
    if len(word) == 4 and word[0] in _SURNAMES and word[2] in _SURNAMES:
        return [(0, word[:2]), (2, word[2:])]
    if len(word) == 6 and word[0] in _SURNAMES and word[3] in _SURNAMES:
        return [(0, word[:3]), (3, word[3:])]
    return [(0, word)]


def is_byline_line(line: str) -> bool:
    """A line that is nothing but a credit: 本报评论员 / 本报记者 张三 通讯员 李四."""
    if len(line) > 40 or not _ROLE_RE.match(line):
        return False
    if any(c in line for c in "，。；！？“”"):
        return False
    credits = parse_credit(line)
    if not credits:
        return False
    covered = sum(c.end - c.start for c in credits)
    roles = sum(len(r.group()) for r in _ROLE_RE.finditer(line))
    han = sum(1 for c in line if "\u4e00" <= c <= "\u9fff")
    return covered + roles >= han - 2


def photo_credit(line: str) -> re.Match[str] | None:
    m = press.PHOTO_CREDIT.search(line)
    if not m:
        return None
    # the caption must be more than the credit
    return m if m.start() > 0 else None
