"""Drafts → Articles: name the fields, read bylines and the date, judge kind and completeness."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from fangzhi.extract.dates import dated_year, page_year, read_date
from fangzhi.ids import article_id
from fangzhi.lexicon import dates as lexdates
from fangzhi.lexicon import layout as lay
from fangzhi.lexicon import press
from fangzhi.model import Article, Block, Byline, DateFact, Furniture, Page, Problem, Span
from fangzhi.read import credits
from fangzhi.read.blocks import HEAD_ROLES, Layout, head_roles
from fangzhi.read.segment import Draft

OWN_PAPER = ("本报", "本台", "本网")


def sub_spans(block: Block, a: int, b: int) -> tuple[Span, ...]:
    """Page spans of characters [a, b) of a block's text.

    A block's text is its spans' text in order, with at most a separator between two of them
    (the space that joins the lines of a two-line subtitle); separators map nowhere.
    """
    out: list[Span] = []
    pos = 0
    for sp in block.spans:
        pos = _place_of(block, sp, pos)
        lo, hi = max(a, pos), min(b, pos + len(sp))
        if lo < hi:
            out.append(Span(sp.start + lo - pos, sp.start + hi - pos))
        pos += len(sp)
    return tuple(out)


def _place_of(block: Block, sp: Span, pos: int) -> int:
    """Where span `sp` begins in the block's text, at or just after `pos`."""
    if len(block.spans) == 1:
        return pos
    total = sum(len(s) for s in block.spans)
    if total == len(block.text):
        return pos  # no separators at all
    return pos + (1 if block.text[pos : pos + 1] == " " and len(block.text) - pos > len(sp) else 0)


def publication_of(layout: Layout, settings_pub: str | None) -> str | None:
    if settings_pub:
        return settings_pub
    outlets: Counter[str] = Counter()
    for m in layout.datelines.values():
        if m and m.source and m.source not in OWN_PAPER and m.source.endswith("报"):
            outlets[m.source] += 1
    return outlets.most_common(1)[0][0] if outlets else None


@dataclass(frozen=True, slots=True)
class _Issue:
    """What dates a page's articles: the issue date and where it came from, else the year the
    page's own dates print."""

    issue_date: date | None
    source: str
    page_year: int | None


def assemble(
    page: Page,
    layout: Layout,
    drafts: list[Draft],
    *,
    key: str,
    issue: date | None,
    publication: str | None,
    issue_source: str = "issue-date",
) -> tuple[Article, ...]:
    kept = [d for d in drafts if d.blocks]
    # with no issue date anywhere, the year the page's own dates print, weaker than any article's
    fallback = page_year(page.text) if issue is None else None
    return tuple(
        _article(page, layout, d, article_id(key, n), _Issue(issue, issue_source, fallback), publication)
        for n, d in enumerate(kept, 1)
    )


def set_aside(page: Page, layout: Layout, drafts: list[Draft]) -> Page:
    """The page with the blocks no article owns (furniture left in the text) as its furniture."""
    spans = [sp for d in drafts for i in d.aside for sp in layout.blocks[i].spans]
    if not spans:
        return page
    furniture = sorted((*page.furniture, *(Furniture("aside", sp) for sp in spans)), key=lambda f: f.span)
    return replace(page, furniture=tuple(furniture))


def _article(
    page: Page,
    layout: Layout,
    d: Draft,
    aid: str,
    issued: _Issue,
    publication: str | None,
) -> Article:
    blocks = layout.blocks
    head = _head(blocks, d)
    body = tuple(blocks[i] for i in (*d.body, *d.tail))
    dateline = blocks[d.dateline] if d.dateline is not None else None
    dm = layout.datelines[d.dateline] if d.dateline is not None else None
    byline_block = _joined("byline", [blocks[i] for i in d.bylines]) if d.bylines else None
    credit = blocks[d.credit] if d.credit is not None else None
    if d.caption is not None:
        body = (blocks[d.caption], *body)
    bylines = _bylines(dateline, dm, byline_block, credit)
    if d.credits and credit is None:
        credit = _joined("credit", [blocks[i] for i in d.credits])
        bylines += tuple(b for b in _after_credits(credit) if b not in bylines)
    problems: list[Problem] = []
    date_fact = DateFact(None)
    if not d.fragment:
        # a year the article itself prints (never another article's)
        year = dated_year("".join(b.text for b in (*head.values(), *body)))
        date_fact, probs = _date(dateline, dm, body, issued, year)
        problems.extend(probs)
    kind = _kind(d, head, bylines)
    return Article(
        id=aid,
        kind=kind,
        complete=_complete(d, body),
        kicker=head.get("kicker"),
        headline=head.get("headline"),
        subtitle=head.get("subtitle"),
        dateline=dateline,
        byline_block=byline_block,
        credit=credit,
        body=body,
        source=_source(dm, bylines, publication),
        bylines=bylines,
        date=date_fact,
        problems=tuple(problems),
    )


def _head(blocks: tuple[Block, ...], d: Draft) -> dict[str, Block]:
    parts: dict[str, list[Block]] = {}
    lines = [blocks[i] for i in d.head]
    if len(lines) > 1 and all(b.kind == "body" for b in lines):
        # title lines read from the page's body (segment: the model opened a piece on them): their
        # roles as a head group's are read from their words
        roles = head_roles([(b.text, 0) for b in lines])
    else:
        roles = [b.kind if b.kind in HEAD_ROLES else "headline" for b in lines]
    for b, role in zip(lines, roles, strict=True):
        parts.setdefault(role, []).append(b)
    out: dict[str, Block] = {}
    for role, bs in parts.items():
        if len(bs) == 1:
            out[role] = bs[0]
        else:  # several lines of one role read as one, a space between them
            spans = tuple(sp for b in bs for sp in b.spans)
            out[role] = Block(role, spans, " ".join(b.text for b in bs))
    return out


def _bylines(
    dateline: Block | None, m: credits.DatelineMatch | None, byline: Block | None, credit: Block | None
) -> tuple[Byline, ...]:
    out: list[Byline] = []
    if dateline is not None and m is not None and m.credit_end > m.credit_start:
        for c in credits.parse_credit(dateline.text[m.credit_start : m.credit_end], m.credit_start):
            out.append(_byline(c, dateline))
    if byline is not None and not (
        credits.source_line(byline.text) and not credits.names_reporter(byline.text)
    ):
        # 来源：某报 names no one; 来源：某报 记者 甲 names its reporter after the source
        for c in credits.parse_credit(byline.text):
            out.append(_byline(c, byline))
    if credit is not None:
        text = credit.text
        pm = press.PHOTO_CREDIT.search(text)
        names = (pm.group("pname") or pm.group("name") or pm.group("aname")) if pm else text
        start = text.find(names) if names else 0
        for c in credits.parse_credit(names or "", max(start, 0)):
            if c.name:
                out.append(Byline("摄影", c.name, _name_spans(credit, c)))
    return tuple(out)


def _after_credits(block: Block) -> tuple[Byline, ...]:
    """The people credited after a body: （文/图 记者 X）, 记者 X 摄, a line of names."""
    text = block.text
    out = []
    # 本报记者 某某 摄 credits the picture: its taker is the photographer, whatever else he is
    shot = text.rstrip("）) ").endswith(("摄", "摄影")) and "文" not in text
    for c in credits.parse_credit(text):
        if c.role is None and c.role_start >= 0:
            continue  # 监制：甲 / 制作：乙 after a body: the piece's producers, not its authors
        if c.name and (c.role or credits.looks_like_name(c.name)):  # not 市委党校, 县融媒体中心
            role = "摄影" if shot else c.role
            out.append(Byline(role, c.name, _name_spans(block, c)))
    return tuple(out)


def _joined(kind: str, bs: list[Block]) -> Block:
    if len(bs) == 1:
        return Block(kind, bs[0].spans, bs[0].text)
    return Block(kind, tuple(sp for b in bs for sp in b.spans), " ".join(b.text for b in bs))


def _byline(c: credits.Credit, block: Block) -> Byline:
    role_spans = sub_spans(block, c.role_start, c.role_end) if c.role_start >= 0 else ()
    return Byline(c.role, c.name, _name_spans(block, c), role_spans)


def _name_spans(block: Block, c: credits.Credit) -> tuple[Span, ...]:
    """Where a name is printed; a name printed with a space (崔 霞) has a span each side of it."""
    cut = block.text.find(" ", c.start, c.end) if c.name and c.end - c.start > len(c.name) else -1
    if cut < 0:
        return sub_spans(block, c.start, c.end)
    return sub_spans(block, c.start, cut) + sub_spans(block, cut + 1, c.end)


# A lead that opens on a time it does not name (近日，/ 为…，日前，): after a purpose clause at most
_VAGUE_LEAD = re.compile(
    r"\s*(?:为[^，。]{2,30}，)?(?:" + lexdates.VAGUE.pattern + "|" + lexdates.SPAN.pattern + r")"
)


_FEATURE_LEAD = re.compile(r"\s*(?:“|走进|来到|步入|漫步)")
_QUOTE_REACH = 120  # a feature's opening quotation closes within this many characters


def _date(
    dateline: Block | None,
    m: credits.DatelineMatch | None,
    body: tuple[Block, ...],
    issued: _Issue,
    year: int | None,
) -> tuple[DateFact, list[Problem]]:
    def read(block: Block, where: str, at: int = 0) -> tuple[DateFact, list[Problem]]:
        return read_date(
            block.text[at:],
            at,
            issue=issued.issue_date,
            year_hint=year,
            where=where,
            issue_source=issued.source,
            page_year=issued.page_year,
        )

    def from_lead(at: int = 0) -> tuple[DateFact, list[Problem]]:
        """The lead's date (read from `at`), its spans and its problems' placed in the page."""
        fact, probs = read(body[0], "body", at)
        return _mapped(fact, body[0]), [
            Problem(p.code, p.message, _map_spans(p.spans, body[0])) for p in probs
        ]

    if dateline is not None and m is not None and m.date_text:
        if body and _VAGUE_LEAD.match(body[0].text):
            # 本报3月5日讯 近日，… / 国庆假期期间，…: the day the report was filed, not the day of
            # what it tells
            return DateFact(None), []
        if body and _FEATURE_LEAD.match(body[0].text):
            # 本报3月5日讯 “……” / 走进某校，…: a feature opens on a quotation or a scene; the day
            # it tells of is the one its lead names, if any, not the day it was filed
            lead = body[0].text
            quoted = lead.find("”", 0, _QUOTE_REACH) if lead.lstrip().startswith("“") else -1
            return from_lead(quoted + 1)  # (the lead after the quotation)
        fact, probs = read(dateline, "dateline")
        if fact.iso:
            return _mapped(fact, dateline), probs
    if not body:
        return DateFact(None), []
    return from_lead()


def _mapped(fact: DateFact, block: Block) -> DateFact:
    return DateFact(fact.iso, fact.year_inferred, _map_spans(fact.spans, block), fact.text, fact.source)


def _map_spans(spans: tuple[Span, ...], block: Block) -> tuple[Span, ...]:
    return tuple(s for sp in spans for s in sub_spans(block, sp.start, sp.end))


def _kind(d: Draft, head: dict[str, Block], bylines: tuple[Byline, ...]) -> str:
    if d.fragment:
        return "fragment"
    if d.caption is not None:
        return "photo"
    if any(b.role in press.COMMENTARY_ROLES for b in bylines):
        return "commentary"
    sub = head.get("subtitle")
    if sub is not None and lay.INTERVIEW.match(sub.text):
        return "interview"
    return "news"


def _complete(d: Draft, body: tuple[Block, ...]) -> bool:
    if d.fragment or not body:
        return False
    if d.caption is not None:
        return True
    if body[-1].ends_open or any(b.jump for b in body):
        return False
    return not any(b.starts_mid for b in body)


def _source(
    m: credits.DatelineMatch | None, bylines: tuple[Byline, ...], publication: str | None
) -> str | None:
    if m is not None and m.source:
        return publication if m.source in OWN_PAPER else m.source
    if any(b.role and b.role.startswith("本报") for b in bylines):
        return publication
    return None
