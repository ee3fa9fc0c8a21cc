"""People named in an article and the posts it gives them, read by the grammar of official titles.

Mentions are found four ways, strongest first:
1. a post chain and the name after it: 市委常委、市委组织部部长、市委统战部部长张某某 — the
   chain's links end in title words, each begins where the words before it stop being part of
   a body's name (会见了|全国某委员会秘书长); names listed after it share it (市领导甲、乙、丙);
2. a name and the title after it: 习近平总书记;
3. names already known (from 1–2 anywhere on the page) wherever else they appear;
4. bare names the segmenter tags as names that open a clause and act (某某表示…), stand in a list
   of names (获评的是：甲、乙、丙), or follow an honour (“全国抗疫三八红旗手”某某).
A name's length (two or three characters) is settled by what follows it: punctuation or a word
that opens the rest of the clause (王某|会见, 李某某|主持).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from fangzhi.lexicon import chars
from fangzhi.lexicon import posts as lex
from fangzhi.lexicon.names import COMPOUND_SURNAMES as _COMPOUND_SURNAMES
from fangzhi.lexicon.names import SURNAMES as _SURNAMES

# A surname opening a clause: where a bare name can stand (某某表示，…). Matched with the break
# before it, so that a search skips from break to break (see _clause_surnames).
_CLAUSE_SURNAME = re.compile(r"[，。；：！？、\n“”（）](?=[" + "".join(sorted(_SURNAMES)) + r"])")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NOT_NAME_END = frozenset("省市县区乡镇村局委办厅部院校所队站组社司处科团会馆园街路港湾山湖江河")
# Given names end in these as often as places do (李长江, 王金山): a three-character reading that
# ends in one stands when what follows closes a name firmly (主持, 指出, a comma).
_NATURE_END = frozenset("港湾山湖江河")


@dataclass(frozen=True, slots=True)
class PostHit:
    title: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class PersonHit:
    name: str
    start: int
    end: int
    posts: tuple[PostHit, ...] = field(default=())


def with_known(text: str, hits: list[PersonHit], known: Iterable[str]) -> list[PersonHit]:
    """`hits` of `text` plus the mentions of names known elsewhere on the page."""
    by_start = {h.start: h for h in hits}
    for hit in _known(text, set(known) | {h.name for h in hits}, by_start):
        by_start.setdefault(hit.start, hit)
    return sorted(by_start.values(), key=lambda h: h.start)


def find_persons(text: str, known: Iterable[str] = ()) -> list[PersonHit]:
    """Every mention of a person in `text`, in order, each with the posts printed with it."""
    hits: dict[int, PersonHit] = {}
    for hit in _appointed(text):
        hits.setdefault(hit.start, hit)
    for hit in _titled(text):
        hits.setdefault(hit.start, hit)
    names = {h.name for h in hits.values()} | set(known)
    for hit in _known(text, names, hits):
        hits.setdefault(hit.start, hit)
    for hit in _bare(text, hits):
        hits.setdefault(hit.start, hit)
    for hit in _described(text, hits):
        hits.setdefault(hit.start, hit)
    for hit in _name_lists(text):
        hits.setdefault(hit.start, hit)
    names = {h.name for h in hits.values()}
    for hit in _known(text, names, hits):
        hits.setdefault(hit.start, hit)
    return sorted(hits.values(), key=lambda h: h.start)


# ---------------------------------------------------------------- names


def read_name(text: str, pos: int, *, strict: bool = False, titled: bool = False) -> tuple[int, int] | None:
    """The name starting at `pos`, its end fixed by what follows; None when none fits.

    `strict` asks for an ending that is punctuation or a verb of action or speech, not a
    weak word such as 的 or 在 (used for names with no title beside them); `titled`: a post
    stands right before it, so a given name like a place's (市领导黎山、…) may be one.
    """
    if pos >= len(text) or not _surname_at(text, pos):
        return None
    shorter, longer = (3, 4) if text[pos : pos + 2] in _COMPOUND_SURNAMES else (2, 3)
    short_fits = _is_name_chars(text[pos : pos + shorter]) and _ends_name(text, pos + shorter, strict)
    long_fits = _is_name_chars(text[pos : pos + longer]) and _ends_name(text, pos + longer, strict)
    if not long_fits and longer == 3 and text[pos + 2 : pos + 3] in _NATURE_END:
        long_fits = _is_name_chars(text[pos : pos + 2]) and _ends_name(text, pos + 3, True)
    if titled and not (short_fits or long_fits) and text[pos + shorter - 1 : pos + shorter] in _NATURE_END:
        short_fits = chars.HAN_RUN.fullmatch(text[pos : pos + shorter]) is not None and _ends_name(
            text, pos + shorter, True
        )
    # punctuation right after the shorter reading settles it (王某，); else the longer reading
    # wins when it also fits (李某某|主持 over 李某|某主持 — the latter does not fit anyway), unless
    # the longer swallows the first character of a verb (孙某|陪同, not 孙某陪|同)
    if short_fits:
        settled = pos + shorter < len(text) and text[pos + shorter] in lex.NAME_END_CHARS
        settled = settled or (long_fits and _splits_a_verb(text, pos + shorter))
        # 员工宋某|说，: a one-character verb of speech follows a name far more often than it ends one
        settled = settled or (long_fits and text[pos + shorter : pos + shorter + 1] in lex.SPEECH_AFTER_NAME)
        short = longer if long_fits and not settled else shorter
    elif long_fits:
        short = longer
    else:
        return None
    name = text[pos : pos + short]
    if rjieba_has_word(name):
        return None  # a word of the language (干部, 全市), not a name
    return pos, pos + short


def _splits_a_verb(text: str, end: int) -> bool:
    """A word of two or more characters that ends names (陪同, 来到, 同志) starts at `end`."""
    words = _END_WORDS_BY_FIRST.get(text[end]) if end < len(text) else None
    return words is not None and any(len(w) >= 2 and text.startswith(w, end) for w in words)


def _surname_at(text: str, pos: int) -> bool:
    return text[pos] in _SURNAMES or text[pos : pos + 2] in _COMPOUND_SURNAMES


def _is_name_chars(s: str) -> bool:
    return len(s) >= 2 and chars.HAN_RUN.fullmatch(s) is not None and s[-1] not in _NOT_NAME_END


def _ends_name(text: str, end: int, strict: bool) -> bool:
    if end >= len(text):
        return True
    if text[end] in lex.NAME_END_CHARS:
        return True
    words = (_STRICT_END_BY_FIRST if strict else _END_WORDS_BY_FIRST).get(text[end])
    return words is not None and text.startswith(words, end)


def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words by their first character, in their order: startswith() need try no other."""
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[0], []).append(w)
    return {c: tuple(ws) for c, ws in out.items()}


_STRICT_END = tuple(
    w
    for w in lex.NAME_END_WORDS
    if w
    not in {
        "的",
        "是",
        "在",
        "和",
        "与",
        "及",
        "同",
        "对",
        "向",
        "为",
        "就",
        "从",
        "于",
        "也",
        "还",
        "又",
        "都",
        "等",
        "将",
        "正",
        "已",
        "则",
        "来",
        "去",
    }
)
_END_WORDS_BY_FIRST = _by_first(lex.NAME_END_WORDS)
_STRICT_END_BY_FIRST = _by_first(_STRICT_END)


@lru_cache(maxsize=8192)
def rjieba_has_word(s: str) -> bool:
    import rjieba

    if not rjieba.has_word(s):
        return False
    return not rjieba.tag(s)[0][1].startswith("nr")


@lru_cache(maxsize=8192)
def _tagged_name(s: str) -> bool:
    """The segmenter reads `s` as (starting with) a personal name."""
    import rjieba

    tags = rjieba.tag(s)
    return bool(tags) and tags[0][1].startswith("nr")


# ---------------------------------------------------------------- 1-2: titled names


def find_titles(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Title words in text[lo:hi], leftmost and longest as a regex alternation would find them,
    but found from their last character and a set lookup (a 130-branch alternation is slow)."""
    hi = len(text) if hi is None else hi
    out: list[tuple[int, int]] = []
    for m in lex.TITLE_LAST.finditer(text, lo, hi):
        e = m.end()
        for n in lex.TITLE_LENGTHS_BY_LAST[m.group()]:
            s = e - n
            if s < lo or text[s:e] not in lex.TITLE_SET or not _title_fits(text, s, e):
                continue
            while out and out[-1][0] >= s:
                out.pop()  # a longer title contains the shorter one found before (主任|委员)
            if not out or out[-1][1] <= s:
                out.append((s, e))
            break
    return out


def _title_fits(text: str, s: int, e: int) -> bool:
    """委员会 and 常委会 are bodies; 领导 is a post only after the level it leads (市领导)."""
    word = text[s:e]
    if word in ("委员", "常委") and text[e : e + 1] == "会":
        return False
    return word != "领导" or (s > 0 and text[s - 1] in "市省县区州镇乡村校院")


def is_title(text: str) -> bool:
    return any(True for _ in find_titles(text))


def _titled(text: str) -> list[PersonHit]:
    out: list[PersonHit] = []
    for ts, te in find_titles(text):
        span = read_name(text, te, titled=True)
        if span is not None:
            chain = _post_chain(text, ts, te)
            out.append(PersonHit(text[span[0] : span[1]], *span, posts=chain))
            out.extend(_listed_after(text, span[1], chain))
            continue
        before = _name_before(text, ts, text[ts:te])
        if before is not None:
            out.append(PersonHit(text[before[0] : before[1]], *before, posts=(PostHit(text[ts:te], ts, te),)))
    return out


def _post_chain(text: str, ts: int, te: int) -> tuple[PostHit, ...]:
    """The posts ending at this title word, following 、 links back to the chain's start."""
    chain: list[PostHit] = []
    while True:
        left = post_start(text, ts)
        chain.append(PostHit(text[left:te], left, te))
        if left == 0 or text[left - 1] != "、":
            break
        prev = _title_ending_at(text, left - 1)
        if prev is None:
            break
        ts, te = prev
    return tuple(reversed(chain))


def _title_ending_at(text: str, end: int) -> tuple[int, int] | None:
    for s, e in find_titles(text, max(0, end - 8), end):
        if e == end:
            return s, e
    return None


def post_start(text: str, ts: int) -> int:
    """Where the post whose title word begins at `ts` starts: bodies and qualifiers before the
    title belong to it (省委主题教育第二巡回督导组|组长), stop words and punctuation do not."""
    import rjieba

    lo = max(0, ts - 32)
    window = text[lo:ts]
    last_stop = _LAST_STOP.match(window)
    if last_stop:
        cut = last_stop.end() - 1
        lo, window = lo + cut + 1, window[cut + 1 :]
    window = _INTERVIEW.sub("", window)  # ——访某局局长某某
    start = ts
    in_body = bool(lex.BODY_END.search(window))
    tokens = rjieba.tag(window)
    i = len(tokens)
    while i > 0:
        i -= 1
        tok, tag = tokens[i]
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok in lex.BODY_CONJUNCTIONS and _joins_a_body(
            text[start:ts], tokens[i - 1] if i else None, after
        ):
            # 市工业|和|信息化局: the conjunction and the noun before it are inside the body's name
            i -= 1
            start -= len(tok) + len(tokens[i][0])
            continue
        if tok in lex.POST_STOP_WORDS or (("月" in tok or "日" in tok) and any(c.isdigit() for c in tok)):
            break
        verb_ok = (
            tok in lex.VERBS_IN_BODIES or tok in lex.POST_QUALIFIERS or (in_body and tag in ("v", "vn", "vd"))
        )
        if tag in _NOT_IN_BODY_TAGS and not verb_ok:
            break  # a verb, adverb or particle: the clause before the post, not the post
        start -= len(tok)
    return _after_titled_names(text, start, ts) if start < ts else start


def _after_titled_names(text: str, start: int, ts: int) -> int:
    """A post holds no other post with its name: 副市长甲和|市某局局长乙, 市委书记甲与|某市委书记乙
    (the segmenter glues a name to the conjunction after it: 甲|东和市) — it starts after them."""
    for _, e in find_titles(text, start, ts):
        span = read_name(text, e, titled=True)
        if span is not None and span[1] < ts:
            start = span[1]
            joint = lex.POST_JOINTS.match(text, start)
            start = joint.end() if joint else start
    return start


def _joins_a_body(after: str, before: tuple[str, str] | None, first_after: tuple[str, str] | None) -> bool:
    """A conjunction between two nouns of one body's name (工业和信息化局, 自然资源和规划局):
    what follows it up to the title ends as a body does and opens with no level or place of its
    own (市长甲和|市教育局局长乙, 在某宾馆与|某市委书记乙 join two people), what precedes it is a
    noun, not a name."""
    return (
        before is not None
        and before[1] in ("n", "vn", "nz", "l", "j")
        and bool(lex.BODY_END.search(after))
        and after[:1] not in lex.LEVEL_CHARS
        and (first_after is None or first_after[1] != "ns")
    )


# A window through its last character that a post never runs past (POST_STOP_CHARS).
_LAST_STOP = re.compile(".*[" + "".join(map(re.escape, lex.POST_STOP_CHARS)) + "]", re.S)
_INTERVIEW = re.compile(r"^(?:专访|访问|访|对话)")
_NOT_IN_BODY_TAGS = frozenset(
    {"v", "vd", "d", "p", "c", "u", "ul", "uj", "uz", "ug", "uv", "r", "y", "e", "i", "l"}
)


def _listed_after(text: str, pos: int, chain: tuple[PostHit, ...]) -> list[PersonHit]:
    """Names listed after a titled name share its post: 市领导甲、乙、丙出席."""
    out: list[PersonHit] = []
    while pos < len(text) and text[pos] == "、":
        span = read_name(text, pos + 1, titled=True)
        if span is None or any(s == pos + 1 for s, _ in find_titles(text, pos + 1, pos + 12)):
            break
        out.append(PersonHit(text[span[0] : span[1]], *span, posts=chain))
        pos = span[1]
    return out


def _name_before(text: str, ts: int, title: str) -> tuple[int, int] | None:
    """习近平|总书记: a name printed before a title, when the title can follow a name."""
    if title not in lex.TITLES_AFTER_NAME:
        return None
    for n in (3, 2, 4):
        a = ts - n
        if a < 0 or not _surname_at(text, a) or not _is_name_chars(text[a:ts]):
            continue
        name = text[a:ts]
        if _tagged_name(name) and not rjieba_has_word(name):
            return a, ts
    return None


_APPOINT = re.compile(r"(?:决定任命|任命|提名|推荐|选举|免去|决定免去)")
_APPOINTED_POST = re.compile(r"(?:为|担任)(?P<post>[^，。；、]{2,30}?)(?=[，。；、]|$)")
_REMOVED_POST = re.compile(r"的(?P<post>[^，。；、]{2,30}?)职务")


def _appointed(text: str) -> list[PersonHit]:
    """任命某某为某局局长 / 免去某某的某局局长职务: a personnel notice names the post after the name."""
    out: list[PersonHit] = []
    for m in _APPOINT.finditer(text):
        span = read_name(text, m.end())
        if span is None:
            continue
        rest = _REMOVED_POST if m.group().endswith("免去") else _APPOINTED_POST
        pm = rest.match(text, span[1])
        if pm is None or not is_title(pm.group("post")):
            continue
        post = PostHit(pm.group("post"), pm.start("post"), pm.end("post"))
        out.append(PersonHit(text[span[0] : span[1]], *span, posts=(post,)))
    return out


# ---------------------------------------------------------------- 3: known names


def _known(text: str, names: set[str], hits: dict[int, PersonHit]) -> list[PersonHit]:
    covered = {i for h in hits.values() for i in range(h.start, h.end)}
    out: list[PersonHit] = []
    for name in sorted(names, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if (
                start not in covered
                and _ends_name(text, end, strict=False)
                and not _tail_of_name(text, start, end)
            ):
                out.append(PersonHit(name, start, end))
                covered.update(range(start, end))
            start = text.find(name, end)
    return out


def _tail_of_name(text: str, start: int, end: int) -> bool:
    """张伟 inside 李张伟: the character before reads, with the known name, as a longer name."""
    return start > 0 and read_name(text, start - 1) == (start - 1, end)


# ---------------------------------------------------------------- 4: bare names


def _bare(text: str, hits: dict[int, PersonHit]) -> list[PersonHit]:
    covered = {i for h in hits.values() for i in range(h.start, h.end)}
    out: list[PersonHit] = []
    for pos in _clause_surnames(text):
        if pos in covered:
            continue
        span = read_name(text, pos)
        if span is None:
            continue
        tagged = _tagged_name(text[span[0] : span[1]])
        if not ((tagged and _acts(text, span)) or _honoured(text, pos, span)):
            continue
        out.append(PersonHit(text[span[0] : span[1]], *span))
        covered.update(range(*span))
    return out


def _clause_surnames(text: str) -> list[int]:
    """Where a surname opens the text or a clause, in order."""
    starts = [m.end() for m in _CLAUSE_SURNAME.finditer(text)]
    return [0, *starts] if text[:1] in _SURNAMES else starts


_ACTION_WORDS = tuple(
    sorted(
        lex.SPEECH_VERBS
        | set("主持 出席 参加 陪同 会见 看望 慰问 调研 考察 视察 率队 带队 告诉 接受 回忆 讲述 代表".split()),
        key=len,
        reverse=True,
    )
)


_ACTION_WORDS_BY_FIRST = _by_first(_ACTION_WORDS)


def _acts(text: str, span: tuple[int, int]) -> bool:
    """某某表示 / 某某主持: a name opening a clause with a verb of speech or action."""
    words = _ACTION_WORDS_BY_FIRST.get(text[span[1] : span[1] + 1])
    return words is not None and text.startswith(words, span[1])


def _honoured(text: str, pos: int, span: tuple[int, int]) -> bool:
    """“全国抗疫三八红旗手”某某 (、|等|，): a name printed right after an honour in quotes."""
    return text[pos - 1 : pos] == "”" and text[span[1] : span[1] + 1] in ("、", "等", "，", "。", "和")


_CLAUSE_BREAKS = "，。；：:！？\n“”（）"
# A clause (a run between breaks) that holds two 、 or more: a list of three items or more; the
# text's first clause, and each after a break (matched with it, so that a search skips from
# break to break). No clause of fewer items is ever looked at.
_LIST = f"(?:[^{_CLAUSE_BREAKS}、]*+、){{2}}[^{_CLAUSE_BREAKS}]*+"
_FIRST_LIST_CLAUSE = re.compile(_LIST)
_LIST_CLAUSE = re.compile(f"[{_CLAUSE_BREAKS}]({_LIST})")


def _list_clauses(text: str) -> list[tuple[int, str]]:
    """(where it starts, its text) of each clause that is a list, in order."""
    out = [(m.start(1), m.group(1)) for m in _LIST_CLAUSE.finditer(text)]
    first = _FIRST_LIST_CLAUSE.match(text)
    return [(0, first.group()), *out] if first else out


def _name_lists(text: str) -> list[PersonHit]:
    """A clause that is a list of three or more short items joined by 、, nearly all of them
    names (获评的是：甲、乙、丙、…): every name in it is a person."""
    out: list[PersonHit] = []
    for start, clause in _list_clauses(text):
        items = clause.split("、")
        names: list[PersonHit] = []
        pos = start
        for item in items:
            span = _list_name(text, pos, item)
            if span is not None:
                names.append(PersonHit(text[span[0] : span[1]], *span))
            pos += len(item) + 1
        if len(names) >= 3 and len(names) >= 0.8 * len(items):
            out.extend(names)
    return out


def _list_name(text: str, pos: int, item: str) -> tuple[int, int] | None:
    """The name an item of a list is, or begins with (the last may run on: 丙出席会议)."""
    lengths = (4, 3) if item[:2] in _COMPOUND_SURNAMES else (3, 2)
    for n in lengths:
        name = item[:n]
        # an item that is the name and nothing more may end like a place (张某山) or open with a
        # word (金子某): among other names, it is one too
        like_a_place = (
            n == len(item) and chars.HAN_RUN.fullmatch(name) is not None and name[-1] in _NATURE_END
        )
        if len(name) < n or not _surname_at(item, 0) or not (_is_name_chars(name) or like_a_place):
            continue
        if rjieba_has_word(name) or (n == 3 and n != len(item) and rjieba_has_word(name[:2])):
            continue
        if n == len(item) or _ends_name(text, pos + n, strict=False):
            return pos, pos + n
    return None


def _described(text: str, hits: dict[int, PersonHit]) -> list[PersonHit]:
    """游客某某 / 某某老人说: a name the text introduces by what the person is."""
    out: list[PersonHit] = []
    for m in _DESCRIBED_BEFORE.finditer(text):
        span = read_name(text, m.end()) or _tagged_at(text, m.end())
        if span is not None and span[0] not in hits and _tagged_name(text[span[0] : span[1]]):
            out.append(PersonHit(text[span[0] : span[1]], *span))
    for m in _DESCRIBED_AFTER.finditer(text):
        for n in (3, 2):
            a = m.start() - n
            if a >= 0 and a not in hits and _surname_at(text, a) and _is_name_chars(text[a : m.start()]):
                name = text[a : m.start()]
                if _tagged_name(name) and not rjieba_has_word(name):
                    out.append(PersonHit(name, a, m.start()))
                    break
    return out


def _tagged_at(text: str, pos: int) -> tuple[int, int] | None:
    """After a word that says what the person is, the segmenter's name reading is enough."""
    import rjieba

    tags = rjieba.tag(text[pos : pos + 6])
    if tags and tags[0][1].startswith("nr") and 2 <= len(tags[0][0]) <= 4 and _surname_at(text, pos):
        return pos, pos + len(tags[0][0])
    return None


_DESCRIBED_BEFORE = re.compile("|".join(sorted(lex.DESCRIPTORS_BEFORE, key=len, reverse=True)))
_DESCRIBED_AFTER = re.compile("(?:" + "|".join(lex.DESCRIPTORS_AFTER) + r")(?=说|表示|告诉|介绍|感慨|笑着)")
