"""A post as an office in a place: 衡东县委书记 is the 县委书记 of 衡东县 (430424).

Careers are compared across places only when each post says where it is held. A title that
names its place (衡东县委书记, 湖南省副省长) is held there. A bare title (市长, 县委副书记, 区领导)
is held in the paper's own jurisdiction at that level — the county of a county's 融媒体中心, the
city of a city daily — or in the place a dateline names (本报衡东讯): that seat is *inferred*, and
says so. A title whose level the home does not have (县长 in a city paper with no county named)
is left without a seat rather than guessed.
"""

from __future__ import annotations

import functools
import re

from fangzhi.extract.places import Division, find_places, gazetteer
from fangzhi.model import Seat

# The jurisdiction a post names: the place before its level word (某县委书记 → 某县).
_NAMED = re.compile(r"^(?P<place>[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|旗|镇|乡|村))(?=[委政人党纪])")
_GENERIC = frozenset({"省", "市", "县", "区", "州", "镇", "乡", "村", "全市", "全省", "全县", "本市", "我市"})
# A bare title's level is its first character once these are set aside (副市长, 常务副县长).
_BEFORE_LEVEL = re.compile(r"^(?:原|前|时任|代理|代|常务副|副|挂职副|挂职)")
_LEVELS = "省市州县区旗"


def named_place(title: str) -> str | None:
    """The place a title names itself: 衡东县 of 衡东县委书记 (None for a bare 市长)."""
    m = _NAMED.match(title)
    if m is None or m.group("place") in _GENERIC:
        return None
    return m.group("place")


# a paper's pages name the same few homes and titles again and again: each is read once
@functools.lru_cache(maxsize=1024)
def home_of(*texts: str | None) -> tuple[Division, ...]:
    """The jurisdictions a report is printed in, nearest first: the divisions each text names
    (a dateline before the paper's name) and the divisions above them."""
    g = gazetteer()
    out: dict[str, Division] = {}
    known: list[str] = []
    for text in texts:
        if not text:
            continue
        for hit in find_places(text, known):
            if hit.code is None:
                continue
            known.append(hit.code)
            for code in (hit.code, hit.code[:4] + "00", hit.code[:2] + "0000"):
                d = g.divisions.get(code)
                if d is not None:
                    out.setdefault(code, d)
    return tuple(out.values())


@functools.lru_cache(maxsize=8192)
def seat_of(title: str, home: tuple[Division, ...]) -> Seat | None:
    """Where the office is held: the place the title names, else the home's division of the
    title's level (inferred), else None."""
    codes = [d.code for d in home]
    first = next(iter(find_places(title, codes)), None)
    if first is not None and first.start == 0 and first.code is not None and first.end < len(title):
        # 湖南省副省长, 衡阳市委书记, 衡东县县长: a division the gazetteer knows, by its full name
        return Seat(gazetteer().divisions[first.code].name, first.code, False)
    named = named_place(title)
    if named is not None:
        return Seat(named, None, False)  # a township or a name the gazetteer does not hold
    level = _BEFORE_LEVEL.sub("", title)[:1]
    if level not in _LEVELS:
        return None
    for d in home:
        if _at_level(d, level):
            return Seat(d.name, d.code, True)
    return None


def _at_level(d: Division, level: str) -> bool:
    if level == "省":
        return d.level == "province" and d.name.endswith("省")
    if level in "市州":
        # a county-level city (浏阳市) is its own 市; a municipality (北京市) is a province-level 市
        return d.name.endswith(level)
    return d.level == "district" and d.name.endswith(level)
