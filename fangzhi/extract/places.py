"""Places named in a text, resolved to the national administrative divisions (GB/T 2260).

The divisions (3,200-odd provinces, cities and counties) are read once from the code table the
`cpca` package ships. A name is any full name (衡阳市, 湘西土家族苗族自治州), the abbreviated
form of an autonomous one (湘西州) or a short name (衡阳, 湘西); the longest wins at each
position (衡阳县 is the county, not 衡阳 + 县). A regex character-class scan finds where a
name could begin and dictionary look-ups take the longest name there.

A short name is a word of ordinary text as well as a name, so it is read only when
- it is not an everyday word (lexicon: 和平, 振兴, 中方 …),
- the segmenter does not put it inside a longer word (中山大学; 提高县域 holds no 高县), and
- no word follows that makes it the name of another thing (衡山路, 长安镇, 湖南大学).
A full name is read unless the segmenter puts its first character in the word before
(沿海城市 holds no 海城市). 我市, 全市, 该县 name nothing that can be resolved and are skipped.

A name several divisions share is settled by the places around it: the caller's `context`
and the text's own unambiguous places. What they do not settle keeps code None and lists its
candidates, for the caller to record as a problem.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from fangzhi.lexicon import places as lex

LEVELS = ("province", "city", "district")
_RANK = {level: i for i, level in enumerate(LEVELS)}


@dataclass(frozen=True, slots=True)
class Division:
    code: str  # six digits
    name: str  # full name: 衡阳市
    level: str  # province | city | district
    province: str | None = None  # full names of the divisions above it
    city: str | None = None  # a municipality is its own city; 仙桃市 (under its province) has none

    @property
    def city_key(self) -> str:
        """What divisions under one city share: a municipality is its own city; a county
        directly under its province (code xx90xx) shares a city with nothing."""
        if self.code[:2] in lex.MUNICIPALITIES:
            return self.code[:2]
        if self.code[2:4] == "90":
            return self.code
        return self.code[:4]


@dataclass(frozen=True, slots=True)
class PlaceHit:
    name: str  # as printed
    start: int
    end: int
    code: str | None  # six digits; None when the text does not decide between candidates
    province: str | None = None
    city: str | None = None
    district: str | None = None
    level: str | None = None  # province | city | district
    candidates: tuple[str, ...] = ()  # the codes it could be, when code is None


@dataclass(frozen=True, slots=True)
class _Entry:
    codes: tuple[str, ...]
    short: bool  # read only where it stands as a word of its own


class Gazetteer:
    """Every division by code and every printed form of its name."""

    def __init__(self, rows: Iterable[tuple[str, str]], nations: Iterable[str]) -> None:
        names = {code: name for code, name in rows if name not in lex.PSEUDO_NAMES}
        self.divisions = {code: _division(code, name, names) for code, name in names.items()}
        self._nations = _nation_forms(nations)
        self.entries = self._index()
        self._starts, self._lengths = _scanner(self.entries)

    def _index(self) -> dict[str, _Entry]:
        full: dict[str, list[str]] = {}
        short: dict[str, list[str]] = {}
        for d in self.divisions.values():
            if d.name not in lex.COMMON_WORD_FULL_NAMES:
                full.setdefault(d.name, []).append(d.code)
            stem = self.short_name(d.name)
            if stem:
                short.setdefault(stem, []).append(d.code)
                abbreviated = next((a for s, a in lex.ABBREVIATED_SUFFIX.items() if d.name.endswith(s)), "")
                if abbreviated:  # 湘西州, 江华县: as safe to read as the full name
                    full.setdefault(stem + abbreviated, []).append(d.code)
        entries = {
            name: _Entry(self._outermost(codes), short=True)
            for name, codes in short.items()
            if name not in full and name not in lex.COMMON_WORD_SHORT_NAMES
        }
        for name, codes in full.items():
            # a two-character full name (攸县, 和县) is as easily part of a word as a short name
            entries[name] = _Entry(tuple(codes), short=len(name) <= 2)
        return entries

    def short_name(self, name: str) -> str | None:
        """衡阳市 -> 衡阳, 湘西土家族苗族自治州 -> 湘西; None when one character is left (忠县)."""
        suffix = next((s for s in lex.DIVISION_SUFFIXES if name.endswith(s) and len(name) > len(s)), "")
        if not suffix:
            return None
        stem = name[: -len(suffix)]
        if "自治" in suffix:
            stem = self._strip_nations(stem)
        if len(stem) < 2 or stem in self._nations:
            return None
        return stem

    def _strip_nations(self, stem: str) -> str:
        """湘西土家族苗族 -> 湘西; 新疆维吾尔 -> 新疆; 内蒙古 stays (内 alone is no name)."""
        while True:
            nation = next((n for n in self._nations if stem.endswith(n) and len(stem) - len(n) >= 2), None)
            if nation is None:
                return stem
            stem = stem[: -len(nation)]

    def _outermost(self, codes: list[str]) -> tuple[str, ...]:
        """A short name shared by a division and one inside it names the larger: 衡阳 is the
        city, not 衡阳县; 吉林 the province, not 吉林市 (which papers print in full)."""
        return tuple(c for c in codes if not any(o != c and self._contains(o, c) for o in codes))

    def _contains(self, outer: str, inner: str) -> bool:
        o, i = self.divisions[outer], self.divisions[inner]
        if o.level == "province":
            return i.code[:2] == o.code[:2]
        return o.level == "city" and i.level == "district" and i.city_key == o.city_key


def _division(code: str, name: str, names: dict[str, str]) -> Division:
    level = "province" if code[2:] == "0000" else "city" if code[4:] == "00" else "district"
    province = names.get(code[:2] + "0000")
    if code[:2] in lex.MUNICIPALITIES:
        city = province
    elif level == "province":
        city = None
    else:
        city = names.get(code[:4] + "00")  # None under a province directly (xx90xx)
    return Division(code, name, level, province, city)


def _nation_forms(nations: Iterable[str]) -> tuple[str, ...]:
    """Each nation with and without 族 (新疆维吾尔自治区 prints 维吾尔), longest first; a
    one-character bare form (水, 回) is too common a character to strip (六盘水市)."""
    forms = {f for n in nations for f in (n, n.removesuffix("族")) if len(f) >= 2}
    return tuple(sorted(forms, key=len, reverse=True))


def _scanner(entries: dict[str, _Entry]) -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """A character-class scan for where a name could begin (its first two characters are each
    possible), and the lengths of the names each opening pair begins, longest first.

    Python's regex engine tries the branches of an alternation one by one: one pattern of
    6,000 names (even as a trie) costs 3–30 ms per 10,000 characters, this well under one."""
    firsts = "".join(sorted({n[0] for n in entries}))
    seconds = "".join(sorted({n[1] for n in entries}))
    lengths: dict[str, set[int]] = {}
    for name in entries:
        lengths.setdefault(name[:2], set()).add(len(name))
    starts = re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")
    return starts, {pair: tuple(sorted(ls, reverse=True)) for pair, ls in lengths.items()}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The divisions, built on first use (under a tenth of a second)."""
    base = _cpca_resources()
    rows = csv.reader(io.StringIO((base / "adcodes.csv").read_text(encoding="utf-8")))
    next(rows)  # adcode,name,longitude,latitude
    table = [(r[0][:6], r[1]) for r in rows if r]
    nations = (base / "56_nations.csv").read_text(encoding="utf-8").split()
    return Gazetteer(table, nations)


def _cpca_resources() -> Path:
    """cpca's data folder, found without importing cpca: its __init__ loads pkg_resources and
    its own tables (a tenth of a second), and importlib.resources.files() would import it."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the cpca package (division codes) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "resources"


def find_places(text: str, context: Sequence[str] = ()) -> list[PlaceHit]:
    """Every place named in `text`, in order.

    `context`: division codes already seen on the page or in the article. A name several
    divisions share goes to the one under the same city as a known place, else the same
    province; the text's own unambiguous places are known too (北京 anywhere settles 朝阳区).
    """
    g = gazetteer()
    found = _matches(text, g)
    known = {c[:6] for c in context} | {e.codes[0] for _, _, e in found if len(e.codes) == 1}
    resolved: dict[_Entry, tuple[str, ...]] = {}
    out = []
    for s, t, entry in found:
        if entry not in resolved:
            resolved[entry] = _resolve(g, entry, known)
        out.append(_hit(g, text[s:t], s, t, resolved[entry]))
    return out


def _matches(text: str, g: Gazetteer) -> list[tuple[int, int, _Entry]]:
    """The longest name at each position, left to right; where it fails `_accept` the scan
    goes on from the next character."""
    out: list[tuple[int, int, _Entry]] = []
    pos = 0
    entries, lengths, n = g.entries, g._lengths, len(text)
    for m in g._starts.finditer(text):
        s = m.start()
        if s < pos or (sizes := lengths.get(text[s : s + 2])) is None:
            continue
        for t in (s + size for size in sizes if s + size <= n):
            entry = entries.get(text[s:t])
            if entry is not None:
                # a name right after another (上海市浦东新区) starts where that one ends
                if _accept(text, s, t, entry, chained=s == pos):
                    out.append((s, t, entry))
                    pos = t
                break
    return out


def _accept(text: str, s: int, t: int, entry: _Entry, *, chained: bool) -> bool:
    if s and text[s] in lex.DIVISION_CHARS and text[s - 1] in lex.SHORTHAND_DETERMINERS:
        return False  # 该市中区: the 市 belongs to 该市
    if not entry.short:
        return chained or _word_edges(text, s, t, at_end=False)
    return not lex.NAMING_FOLLOWERS.match(text, t) and _word_edges(text, s, t, at_end=True, chained=chained)


def _word_edges(text: str, s: int, t: int, *, at_end: bool, chained: bool = False) -> bool:
    """The segmenter starts a word at `s` (unless `chained`) and, `at_end`, ends one at `t`.
    It runs on the dictionary alone, so an unknown name stays in pieces rather than gluing to
    a neighbour."""
    start_free = chained or _free(text, s - 1)
    end_free = not at_end or _free(text, t)
    if start_free and end_free:
        return True  # punctuation or the edge of the text: no word crosses
    import rjieba

    lo = max(0, s - 4)
    cuts = set(accumulate(map(len, rjieba.cut(text[lo : t + 4], False)), initial=lo))
    return (start_free or s in cuts) and (end_free or t in cuts)


def _free(text: str, i: int) -> bool:
    return not 0 <= i < len(text) or not "\u4e00" <= text[i] <= "\u9fff"


def _resolve(g: Gazetteer, entry: _Entry, known: set[str]) -> tuple[str, ...]:
    """The candidate codes left: one when resolved."""
    codes = entry.codes
    if len(codes) < 2:
        return codes
    scores = {c: max((_closeness(g, c, k) for k in known), default=0) for c in codes}
    best = max(scores.values())
    if best > 0:
        codes = tuple(c for c in codes if scores[c] == best)
    if len(codes) > 1 and entry.short:
        # a bare short name names the highest division that bears it (海南: the province, not
        # 海南州 in Qinghai or 海南区 in Wuhai; 西安: the city) unless the places around say
        top = min(_RANK[g.divisions[c].level] for c in codes)
        highest = tuple(c for c in codes if _RANK[g.divisions[c].level] == top)
        if len(highest) == 1:
            return highest
    return codes


def _closeness(g: Gazetteer, code: str, other: str) -> int:
    """3 the same division, 2 under the same city, 1 under the same province, else 0."""
    d, k = g.divisions[code], g.divisions.get(other)
    if k is None or d.code[:2] != k.code[:2]:
        return 0
    if d.code == k.code:
        return 3
    if d.level != "province" and k.level != "province" and d.city_key == k.city_key:
        return 2
    return 1


def _hit(g: Gazetteer, name: str, s: int, t: int, codes: tuple[str, ...]) -> PlaceHit:
    divs = [g.divisions[c] for c in codes]
    if len(divs) == 1:
        d = divs[0]
        district = d.name if d.level == "district" else None
        city = d.name if d.level == "city" else d.city
        return PlaceHit(name, s, t, d.code, d.province, city, district, d.level)
    # still ambiguous: keep only what every candidate agrees on
    return PlaceHit(
        name,
        s,
        t,
        None,
        province=_agreed(d.province for d in divs),
        city=_agreed(d.city for d in divs),
        level=_agreed(d.level for d in divs),
        candidates=codes,
    )


def _agreed(values: Iterable[str | None]) -> str | None:
    distinct = set(values)
    return distinct.pop() if len(distinct) == 1 else None
