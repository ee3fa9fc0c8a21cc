"""Printing stories on a page in a family's house style, with the artifacts OCR leaves.

`print_page` lays a page out as a list of chunks (a line or paragraph each, owned by an article)
and keeps, for every article, what a careful reader takes from it: the gold. Every artifact is
switched by a rate in `Artifacts` and drawn from the page's own random generator, so a page is a
function of its seed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field, replace
from datetime import date

from fangzhi.lexicon import press
from fangzhi.sim import grammar
from fangzhi.sim.catalogue import Form
from fangzhi.sim.families import Family
from fangzhi.sim.truth import StoryTruth
from fangzhi.sim.world import make_name

CN_DIGITS = "零一二三四五六七八九十"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
WEEKDAYS = "一二三四五六日"
# Characters OCR takes for one another (形近字), both ways.
CONFUSIONS = dict(
    pair
    for a, b in ("己已", "未末", "人入", "土士", "干千", "戊戌", "券卷", "侯候", "拔拨")
    for pair in ((a, b), (b, a))
)
HALF_WIDTH = str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "；": ";", "！": "!", "？": "?"})
ROLE_WORDS = tuple(sorted({*press.BYLINE_ROLES, "摄影", "摄像", "编辑"}, key=len, reverse=True))
_SHOT = re.compile(r"摄影?\s*[）)]?\s*$")
# the labels of a piece's staff: its editors are never credited; its producers only over it
_STAFF_RE = re.compile(
    r"(?P<editor>(?<![总副])(?:"
    + press.EDITORIAL_ROLE
    + r"))|(?P<producer>"
    + press.PRODUCTION_ROLE
    + ")|"
    + "|".join(re.escape(r) for r in ROLE_WORDS)
)


@dataclass(frozen=True, slots=True)
class Artifacts:
    """How often each artifact is printed (per paragraph, per article or per page, as named)."""

    column_break: float = 0.3  # per paragraph: a column gap inside a word
    dateline_break: float = 0.05  # per inline dateline: the gap falls inside the lead's date
    displaced_tail: float = 0.3  # per page: an article's last paragraph printed before its head
    tail_after_other: float = 0.2  # per page: an article's last paragraph printed after the next one
    head_after_body: float = 0.08  # per page: an article's heads printed at the page's end
    fragment_start: float = 0.35  # per page: the page opens with the rest of an article
    fragment_mid: float = 0.15  # per page: the rest of an article from elsewhere after another one
    cut_end: float = 0.35  # per page: the last article goes on on another page
    jump_line: float = 0.8  # per cut or fragment: a jump line says where it goes on
    photo: float = 0.3  # per page: a captioned picture among the articles
    half_width: float = 0.2  # per article: its punctuation printed half-width
    confusion: float = 0.05  # per character that has a look-alike (己/已): OCR takes the other
    furniture: float = 0.4  # per page: a page header at the top
    closer: float = 0.3  # per article: an editors' line after it
    # per headline of ten characters or more: wrapped where its line is full, on two lines. Not
    # in the sets `make sim` writes (their pages stay as they were); measured alone (benchmarks)
    head_wrap: float = 0.0
    # per report of three paragraphs or more: subheads (小标题) part its body, two or more in one
    # style (plain, 一、, （一）, a mark, bold or a markdown level). Not in `make sim`'s sets either
    subheads: float = 0.0
    # per news report of no meeting whose lead opens with its day: the lead gives no day (近日，/
    # 连日来，/ its subject first), and the gold no date. Not in `make sim`'s sets either
    undated_lead: float = 0.0
    # per news report: its leaders' points printed a sentence a paragraph (甲强调，要…。 / 要…。 /
    # 要…。), as papers often part them (the sample pages do). Not in `make sim`'s scored sets
    parted_points: float = 0.0

    def without(self) -> Artifacts:
        """No artifact at all: every story printed whole, in order."""
        return Artifacts(**{k: 0.0 for k in self.__dataclass_fields__})

    def with_rates(self, settings: list[str]) -> Artifacts:
        """These rates, with NAME=RATE settings (subheads=0.3) changed."""
        rates: dict[str, float] = {}
        for setting in settings:
            name, _, value = setting.partition("=")
            if name not in self.__dataclass_fields__:
                raise ValueError(f"no artifact {name!r}: one of {', '.join(self.__dataclass_fields__)}")
            try:
                rate = float(value)
            except ValueError:
                raise ValueError(f"{setting}: the rate is not a number") from None
            if not 0.0 <= rate <= 1.0:
                raise ValueError(f"{setting}: a rate lies between 0 and 1")
            rates[name] = rate
        return replace(self, **rates)

    def changed(self) -> dict[str, float]:
        """The rates that differ from the default's."""
        base = Artifacts()
        return {k: v for k in self.__dataclass_fields__ if (v := getattr(self, k)) != getattr(base, k)}


@dataclass(slots=True)
class GoldArticle:
    kind: str
    kicker: str | None
    headline: str | None
    subtitle: str | None
    dateline: str | None
    source: str | None
    bylines: list[tuple[str | None, str | None]]
    date: str | None
    body: list[str]
    complete: bool
    story: StoryTruth | None


@dataclass(slots=True)
class Chunk:
    text: str
    owner: int  # index of the article in the page's gold, -1 for furniture
    role: str  # head | dateline | byline | body | credit | closer | jump | furniture | caption
    para: int = -1  # the body paragraph it prints (part of), in the article's reading order


@dataclass(slots=True)
class PageDraft:
    chunks: list[Chunk] = field(default_factory=list)
    gold: list[GoldArticle] = field(default_factory=list)
    joins: list[str] = field(default_factory=list)


def cn_number(n: int) -> str:
    if n <= 10:
        return CN_DIGITS[n]
    if n < 20:
        return "十" + (CN_DIGITS[n % 10] if n % 10 else "")
    return CN_DIGITS[n // 10] + "十" + (CN_DIGITS[n % 10] if n % 10 else "")


# ---------------------------------------------------------------- forms


def fill(
    form: Form, rng: random.Random, values: dict[str, str], spaced: float = 0.0, *, after: bool = False
) -> tuple[str, list[tuple[str | None, str]]]:
    """The form printed with values; each {name} a new person, returned with the role before it.
    An editor (编辑：甲, 一审：乙) is credited nowhere; a producer (监制：丙) with no role, and not
    when the form is printed after a body."""
    out: list[str] = []
    credits: list[tuple[str | None, str]] = []
    pos = 0
    role: str | None = None
    staff = ""  # editor | producer: the last label read was a staff's
    for m in re.finditer(r"\{([a-zA-Z_]+)\}", form.template):
        lit = form.template[pos : m.start()]
        out.append(lit)
        labels = list(
            _STAFF_RE.finditer(re.sub(r"(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])", "", lit))
        )  # 记 者 | …
        if labels:
            last = labels[-1]
            staff = "editor" if last.group("editor") else "producer" if last.group("producer") else ""
            role = None if staff else last.group()
        key = m.group(1)
        if key == "name":
            name = make_name(rng)
            printed = name[0] + " " + name[1] if len(name) == 2 and rng.random() < spaced else name
            out.append(printed)
            if not (staff == "editor" or (staff == "producer" and after)):
                credits.append((role, name))
        else:
            out.append(values.get(key, ""))
        pos = m.end()
    out.append(form.template[pos:])
    if after and credits and _SHOT.search(form.template) and "文" not in form.template:
        # a credit after a body that ends 摄 credits the pictures: its people took them (本报记者 甲 摄)
        credits = [("摄影", n) for _r, n in credits]
    return "".join(out), credits


def form_values(family: Family, when: date, rng: random.Random, page_no: int) -> dict[str, str]:
    return {
        "paper": family.outlet.name,
        "place": _short_place(family.outlet.place),
        "Y": str(when.year),
        "M": str(when.month),
        "D": str(when.day),
        "W": WEEKDAYS[when.weekday()],
        "page": str(page_no),
        "page_cn": cn_number(page_no),
        "circ": CIRCLED[rng.randrange(len(CIRCLED))],
        "source": rng.choice(("新华社", "人民日报", "湖南日报", "大众日报", "中国新闻网")),
    }


def _short_place(name: str) -> str:
    for suffix in ("自治县", "县", "市", "区", "旗"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _source_of(form: Form, values: dict[str, str], paper: str) -> str:
    t = form.template
    if "{source}" in t:
        return values["source"]
    wire = re.match(r"(新华社|中新社|人民网|新华网)", t)
    return wire.group(1) if wire else paper


# ---------------------------------------------------------------- one article


DEFAULT_BYLINE_LINES = (Form("■本报记者 {name} 通讯员 {name}", ""), Form("□记者 {name}", ""))
DEFAULT_CAPTIONS = (Form("{caption} ■{name} 摄", ""), Form("{caption}（{name} 摄）", ""))
DEFAULT_TO = (Form("（下转第{page_cn}版）", ""), Form("（转第{page}版）", ""))
DEFAULT_FROM = (Form("（上接第{page_cn}版）", ""), Form("（紧接第{page}版）", ""))


@dataclass
class Printer:
    """Prints the articles of one page; `draft` collects their chunks and gold."""

    family: Family
    rng: random.Random
    art: Artifacts
    values: dict[str, str]
    draft: PageDraft = field(default_factory=PageDraft)

    def heads(self, story: StoryTruth, owner: int, gold: GoldArticle) -> list[Chunk]:
        rng, fam = self.rng, self.family
        style = fam.heads if fam.heads != "mixed" else rng.choice(("markdown", "bold", "plain"))
        out: list[Chunk] = []
        interview = story.kind == "interview"
        if story.kicker and rng.random() < 0.3 + fam.kicker_rate:
            kicker = story.kicker
            kforms = [f for f in fam.of("heads") if f.fields == ("kicker",)]
            if kforms and not kicker.endswith(("——", "：")) and rng.random() < 0.5:
                kicker = rng.choice(kforms).template.replace("{kicker}", kicker)
            gold.kicker = kicker
            out.append(Chunk(kicker, owner, "head"))
        if story.headline:
            gold.headline = story.headline
            mark = {"markdown": rng.choice(("# ", "# ", "## ")), "bold": "**", "plain": ""}[style]
            end = "**" if mark == "**" else ""
            lines = [story.headline]
            if self.art.head_wrap and len(story.headline) >= 10 and rng.random() < self.art.head_wrap:
                cut = rng.randrange(5, len(story.headline) - 3)  # wherever the line is full
                lines = [story.headline[:cut].rstrip(), story.headline[cut:].lstrip()]
            out.extend(Chunk(mark + line + end, owner, "head") for line in lines)
        if story.subtitle and (interview or rng.random() < 0.3 + fam.subtitle_rate):
            gold.subtitle = story.subtitle
            out.append(Chunk(story.subtitle, owner, "head"))
        return out

    def body(self, story: StoryTruth, owner: int, half: bool) -> list[list[Chunk]]:
        """Each paragraph as printed: a chunk, or two where a column gap falls inside it."""
        paras: list[list[Chunk]] = []
        protected = _protected(story)
        subheads = self.subheads(story)
        parted = self.parted(story)
        k = 0
        for i, p in enumerate(story.paragraphs):
            if i in subheads:
                text = subheads[i].translate(HALF_WIDTH) if half else subheads[i]
                paras.append([Chunk(text, owner, "body", k)])
                k += 1
            for piece in _POINTS.split(p) if i in parted else (p,):
                text = self.confuse(piece, protected)
                if half:
                    text = text.translate(HALF_WIDTH)
                paras.append([Chunk(text, owner, "body", k)])
                k += 1
        return paras

    def parted(self, story: StoryTruth) -> set[int]:
        """The paragraphs after the lead to print a point a paragraph (where a sentence opens with
        要 after another), drawn from the story's own generator as subheads are."""
        if not self.art.parted_points or story.kind != "news" or len(story.paragraphs) < 2:
            return set()
        rng = _own_rng("parted", story)
        if rng.random() >= self.art.parted_points:
            return set()
        return {i for i, p in enumerate(story.paragraphs[1:], 1) if _POINTS.search(p) and rng.random() < 0.7}

    def undated(self, story: StoryTruth) -> StoryTruth:
        """The story, its lead opening with no day where the rate says so (drawn from the story's
        own generator, as subheads are): its events then have no date either."""
        if not self.art.undated_lead or story.kind != "news" or not story.dated_lead or not story.paragraphs:
            return story
        if any(e.type == "meeting" for e in story.events):
            return story  # papers date a meeting's report (survey 6: 0 of 55 undated)
        rng = _own_rng("undated", story)
        day = _LEAD_DAY.match(story.paragraphs[0])
        if day is None or rng.random() >= self.art.undated_lead:
            return story
        lead = rng.choice(UNDATED_OPENINGS) + story.paragraphs[0][day.end() :]
        return replace(
            story,
            paragraphs=(lead, *story.paragraphs[1:]),
            dated_lead=False,
            events=tuple(replace(e, date=None) for e in story.events),
        )

    def subheads(self, story: StoryTruth) -> dict[int, str]:
        """Subheads to print before some of the story's paragraphs after the lead, by paragraph.
        Drawn from the story's own generator, not the page's: a page printed with subheads prints
        the lines it prints without them, subheads added (OCR misreads none of their characters)."""
        paras = story.paragraphs
        if not self.art.subheads or len(paras) < 3 or story.kind not in SUBHEADED:
            return {}
        rng = _own_rng("subheads", story)
        if rng.random() >= self.art.subheads:
            return {}
        before = sorted(rng.sample(range(1, len(paras)), min(len(paras) - 1, rng.randint(2, 4))))
        style = rng.choice(SUBHEAD_STYLES + (("markdown",) if self.family.heads == "markdown" else ()))
        return {k: _subhead_as(style, grammar.subhead(rng), n) for n, k in enumerate(before, 1)}

    def confuse(self, text: str, protected: tuple[str, ...]) -> str:
        if self.art.confusion <= 0:
            return text
        keep = [False] * len(text)
        for word in protected:
            for m in re.finditer(re.escape(word), text):
                keep[m.start() : m.end()] = [True] * (m.end() - m.start())
        chars = list(text)
        for i, c in enumerate(chars):
            if c in CONFUSIONS and not keep[i] and self.rng.random() < self.art.confusion:
                chars[i] = CONFUSIONS[c]
        return "".join(chars)

    def break_columns(self, paras: list[list[Chunk]]) -> None:
        for para in paras:
            chunk = para[-1]
            if len(chunk.text) < 30 or self.rng.random() >= self.art.column_break:
                continue
            cut = _word_gap(chunk.text, self.rng)
            if cut is None:
                continue
            left, right = chunk.text[:cut], chunk.text[cut:]
            self.draft.joins.append(left[-2:] + right[:2])
            para[-1:] = [
                Chunk(left, chunk.owner, "body", chunk.para),
                Chunk(right, chunk.owner, "body", chunk.para),
            ]


# A lead's day, and what a lead may open with when it gives none.
_LEAD_DAY = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下]午|晚上?|早上|凌晨|中午|傍晚)?[，,]")
UNDATED_OPENINGS = ("近日，", "日前，", "连日来，", "今年以来，", "近期，", "", "")
_POINTS = re.compile(r"(?<=。)(?=要)")  # where a leader's next point opens: …。要…
SUBHEADED = ("news", "commentary")  # the kinds of report that may print subheads
SUBHEAD_STYLES = ("plain", "plain", "numbered", "bracketed", "marked", "bold")


def _own_rng(purpose: str, story: StoryTruth) -> random.Random:
    """The story's own generator for one artifact, not the page's: a page printed with the
    artifact prints what it prints without it, the artifact's changes added."""
    return random.Random(f"{purpose}/{story.headline}/{story.paragraphs[0]}")


def _subhead_as(style: str, words: str, n: int) -> str:
    """The nth subhead of a report (from 1), in the report's style of subheads."""
    if style == "numbered":
        return cn_number(n) + "、" + words
    if style == "bracketed":
        return "（" + cn_number(n) + "）" + words
    if style == "marked":
        return "■" + words
    if style == "bold":
        return "**" + words + "**"
    if style == "markdown":
        return "## " + words
    return words


def _protected(story: StoryTruth) -> tuple[str, ...]:
    words: list[str] = []
    for p in story.persons:
        words.append(p.name)
        words.extend(p.posts)
    words.extend(story.documents)
    words.extend(story.slogans)
    return tuple(w for w in words if w)


_NO_GAP = set("，。、；：！？“”‘’《》（）()〈〉,.;:!? ")


def _word_gap(text: str, rng: random.Random) -> int | None:
    """A place inside the text, between two characters that are not punctuation."""
    for _ in range(8):
        i = rng.randrange(10, len(text) - 6)
        if (
            text[i - 1] not in _NO_GAP
            and text[i] not in _NO_GAP
            and text[i - 1].isalnum()
            and text[i].isalnum()
        ):
            return i
    return None


def _cut_point(text: str, rng: random.Random) -> int:
    """Where a page ends inside a paragraph: mid-sentence, well past its start."""
    lo = max(8, len(text) // 3)
    for _ in range(10):
        i = rng.randrange(lo, max(lo + 1, len(text) - 4))
        if text[i - 1] not in _NO_GAP and text[i - 1] not in "。！？":
            return i
    return max(lo, 1)


# ---------------------------------------------------------------- articles


def print_story(pr: Printer, story: StoryTruth) -> list[Chunk]:
    """One article's chunks in print order; its gold is appended to the page's."""
    rng, fam, art = pr.rng, pr.family, pr.art
    owner = len(pr.draft.gold)
    paper = fam.outlet.name
    story = pr.undated(story)
    gold = GoldArticle(
        kind=story.kind, kicker=None, headline=None, subtitle=None, dateline=None,
        source=None if story.kind == "photo" else paper, bylines=[],
        date=story.date.isoformat() if story.date and story.dated_lead else None,
        body=[], complete=True, story=story,
    )  # fmt: skip
    pr.draft.gold.append(gold)
    if story.kind == "photo":
        return _print_photo(pr, story, owner, gold)
    chunks = pr.heads(story, owner, gold)
    half = rng.random() < art.half_width
    paras = pr.body(story, owner, half)
    pr.break_columns(paras)
    gold.body = ["".join(c.text for c in para) for para in paras]
    if story.kind in ("commentary", "interview"):
        chunks.append(_byline_line(pr, story, owner, gold))
    else:
        chunks.extend(_dateline(pr, story, owner, gold, paras))
    _credit_after(pr, owner, gold, paras)
    for para in paras:
        chunks.extend(para)
    closers = fam.of("closer")
    if closers and rng.random() < art.closer:
        # the staff a site names after a piece: its authors among them are its bylines
        text, credits = fill(rng.choice(closers), rng, pr.values, after=True)
        gold.bylines.extend(c for c in credits if c not in gold.bylines)
        chunks.append(Chunk(text, owner, "closer"))
    return chunks


def _print_photo(pr: Printer, story: StoryTruth, owner: int, gold: GoldArticle) -> list[Chunk]:
    rng = pr.rng
    chunks: list[Chunk] = []
    if story.headline and rng.random() < 0.4:
        gold.headline = story.headline
        chunks.append(Chunk(story.headline, owner, "head"))
    caption = pr.confuse(" ".join(story.paragraphs), _protected(story))
    forms = [f for f in pr.family.of("caption") if "{caption}" in f.template and f.fields.count("name") >= 1]
    form = rng.choice(forms or list(DEFAULT_CAPTIONS))
    if "{caption}。" in form.template and caption.endswith("。"):
        form = Form(form.template.replace("{caption}。", "{caption}"), form.seen)  # one full stop
    if "{M}月{D}日，{caption}" in form.template:
        form = Form(form.template.replace("{M}月{D}日，{caption}", "{caption}"), form.seen)
    text, credits = fill(form, rng, {**pr.values, "caption": caption}, pr.family.spaced_names)
    gold.bylines = [("摄影", n) for _r, n in credits]  # a picture credits its taker, whatever the role
    # 图为 (pictured:) is the caption's own words, printed and read as its first; marks and labels
    # before it (▲, 右图：, 图1：) are furniture
    words = "图为" if form.template.split("{caption}", 1)[0].strip().endswith("图为") else ""
    gold.body = [words + caption]
    chunks.append(Chunk(text, owner, "caption"))
    return chunks


def _byline_line(pr: Printer, story: StoryTruth, owner: int, gold: GoldArticle) -> Chunk:
    rng = pr.rng
    if story.kind == "commentary":
        text = rng.choice(("■本报评论员", "本报评论员", "□本报评论员", "■ 本报评论员"))
        gold.bylines = [("本报评论员", None)]
        return Chunk(text, owner, "byline")
    forms = [f for f in pr.family.of("byline_before") if "name" in f.fields] or list(DEFAULT_BYLINE_LINES)
    text, credits = fill(rng.choice(forms), rng, pr.values, pr.family.spaced_names)
    gold.bylines = list(credits)
    return Chunk(text, owner, "byline")


def _dateline(
    pr: Printer, story: StoryTruth, owner: int, gold: GoldArticle, paras: list[list[Chunk]]
) -> list[Chunk]:
    """The credit line before the dateline, the dateline, and the lead run into it or not."""
    rng, fam = pr.rng, pr.family
    out: list[Chunk] = []
    before = [f for f in fam.of("byline_before") if "name" in f.fields]
    datelines = list(fam.of("dateline"))
    if before and (not datelines or rng.random() < fam.byline_before_rate):
        text, credits = fill(rng.choice(before), rng, pr.values, fam.spaced_names)
        gold.bylines.extend(credits)
        out.append(Chunk(text, owner, "byline"))
        datelines = [f for f in datelines if "name" not in f.fields] or datelines[:0]
    if not datelines:
        return out
    form = rng.choice(datelines)
    when = story.date or date(int(pr.values["Y"]), int(pr.values["M"]), int(pr.values["D"]))
    values = {**pr.values, "M": str(when.month), "D": str(when.day), "Y": str(when.year)}
    text, credits = fill(form, rng, values, fam.spaced_names)
    if not text.strip():
        return out  # the outlet prints no dateline: the lead follows the heads
    gold.dateline = text.strip()
    gold.source = _source_of(form, values, fam.outlet.name)
    gold.bylines.extend(credits)
    lead = paras[0][0]
    if rng.random() < fam.dateline_alone:
        out.append(Chunk(text, owner, "dateline"))
    elif rng.random() < pr.art.dateline_break and len(lead.text) > 12:
        # the column gap falls inside the lead's first words: 本报讯2 / 月20日…
        cut = rng.randrange(1, 4)
        pr.draft.joins.append(lead.text[: cut + 2])
        out.append(Chunk(text + lead.text[:cut], owner, "dateline"))
        paras[0][0] = Chunk(lead.text[cut:], owner, "body", 0)
    else:
        sep = rng.choice(("", "", " ", "  "))
        paras[0][0] = Chunk(text + sep + lead.text, owner, "body", 0)
    return out


def _credit_after(pr: Printer, owner: int, gold: GoldArticle, paras: list[list[Chunk]]) -> None:
    rng, fam = pr.rng, pr.family
    forms = fam.of("credit_after")
    if not forms or rng.random() >= fam.credit_after_rate:
        return
    form = rng.choice(forms)
    text, credits = fill(form, rng, pr.values, fam.spaced_names, after=True)
    if "{name}" not in form.template and "{source}" not in form.template and "来源" not in form.template:
        return
    if "{source}" in form.template or "来源" in form.template:
        m = re.search(r"来源[:：]\s*([^）)\s]+)", text)
        if m:
            gold.source = m.group(1)
    gold.bylines.extend(c for c in credits if c not in gold.bylines)
    last = paras[-1]
    if rng.random() < 0.5:
        last[-1] = Chunk(last[-1].text + text, owner, "body", last[-1].para)
    else:
        last.append(Chunk(text, owner, "credit", last[-1].para))
