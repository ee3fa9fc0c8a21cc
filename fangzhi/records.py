"""Records for output: the JSONL shape that shared/tools/score.py reads, and Markdown for people.

Every field comes with `spans`: the half-open ranges of the raw page text it was read from.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fangzhi.model import Article, Block, Byline, Furniture, Page, ParsedPage, Seat, Span
from fangzhi.read.assemble import sub_spans

TEXT_FIELDS = ("kicker", "headline", "subtitle", "dateline", "byline", "credit")


def shown(page: Page, block: Block | None) -> str | None:
    """A block's text in the script the page was printed in (see Page.shown)."""
    if block is None:
        return None
    if page.shown is page.text:
        return block.text
    out: list[str] = []
    pos = 0
    for sp in block.spans:
        piece = sp.of(page.text)
        at = block.text.find(piece, pos)
        if at < 0:
            return block.text
        out.append(block.text[pos:at])
        out.append(sp.of(page.shown))
        pos = at + len(piece)
    out.append(block.text[pos:])
    return "".join(out)


def _shown_in(page: Page, block: Block | None, value: str | None) -> str | None:
    """`value`, read from `block`, as printed."""
    if value is None or block is None or page.shown is page.text:
        return value
    at = block.text.find(value)
    if at < 0:
        return value
    return "".join(sp.of(page.shown) for sp in sub_spans(block, at, at + len(value)))


def _byline(page: Page, b: Byline) -> dict[str, Any]:
    name = "".join(sp.of(page.shown) for sp in b.spans) if b.name else None
    role = b.role
    if b.role_spans and "".join(sp.of(page.text) for sp in b.role_spans) == b.role:
        role = "".join(sp.of(page.shown) for sp in b.role_spans)
    return {"role": role, "name": name, "spans": page.offsets.spans_to_raw([*b.role_spans, *b.spans])}


def article_record(parsed: ParsedPage, a: Article) -> dict[str, Any]:
    page = parsed.page
    offsets = page.offsets
    fields: dict[str, Block | None] = {
        "kicker": a.kicker,
        "headline": a.headline,
        "subtitle": a.subtitle,
        "dateline": a.dateline,
        "byline": a.byline_block,
        "credit": a.credit,
    }
    spans: dict[str, list[list[int]]] = {}
    for name, block in fields.items():
        if block is not None:
            spans[name] = offsets.spans_to_raw(block.spans)
    spans["body"] = offsets.spans_to_raw(sp for b in a.body for sp in b.spans)
    if a.date.spans:
        spans["date"] = offsets.spans_to_raw(a.date.spans)
    rec: dict[str, Any] = {
        "page": parsed.page.raw.name,
        "id": a.id,
        "kind": a.kind,
        "kicker": shown(page, a.kicker),
        "headline": shown(page, a.headline),
        "subtitle": shown(page, a.subtitle),
        "dateline": shown(page, a.dateline),
        "byline": shown(page, a.byline_block),
        "credit": shown(page, a.credit),
        "source": _shown_in(page, a.dateline, a.source),
        "bylines": [_byline(page, b) for b in a.bylines],
        "date": a.date.iso,
        "year_inferred": a.date.year_inferred if a.date.iso else False,
        "date_source": a.date.source if a.date.iso else "none",
        "date_not_after": a.date.not_after,
        "body": "\n".join(str(shown(page, b)) for b in a.body),
        "complete": a.complete,
        "furniture": [],
        "problems": [{"code": p.code, "message": p.message} for p in (*a.problems, *a.facts.problems)],
        "spans": spans,
    }
    rec.update(facts_record(page, a))
    return rec


def _raw(page: Page, spans: Iterable[Span]) -> list[list[int]]:
    return page.offsets.spans_to_raw(spans)


def _show(page: Page, spans: tuple[Span, ...], text: str) -> str:
    """A fact's text as printed (its first mention), for a traditional page read through its shadow."""
    if page.shown is page.text or not spans:
        return text
    first = spans[0]
    return first.of(page.shown) if len(first) == len(text) else text


def _seat(seat: Seat | None) -> dict[str, Any] | None:
    if seat is None:
        return None
    return {"place": seat.place, "code": seat.code, "inferred": seat.inferred}


def facts_record(page: Page, a: Article) -> dict[str, Any]:
    f = a.facts
    shown_name = {p.name: _show(page, p.spans, p.name) for p in f.persons}

    def names(ns: tuple[str, ...]) -> list[str]:
        return [shown_name.get(n, n) for n in ns]

    return {
        "persons": [
            {
                "name": _show(page, p.spans, p.name),
                "posts": [_show(page, q.spans, q.title) for q in p.posts],
                "post_spans": [_raw(page, q.spans) for q in p.posts],
                # where each post is held (None where neither the title nor the paper says)
                "post_seats": [_seat(q.seat) for q in p.posts],
                "spans": _raw(page, p.spans),
                "referenced": p.referenced,
            }
            for p in f.persons
        ],
        "organisations": [
            {"name": _show(page, o.spans, o.text), "spans": _raw(page, o.spans)} for o in f.orgs
        ],
        "places": [
            {
                "name": _show(page, p.spans, p.name),
                "code": p.code,
                "province": p.province,
                "city": p.city,
                "district": p.district,
                "level": p.level,
                "candidates": list(p.candidates),
                "spans": _raw(page, p.spans),
            }
            for p in f.places
        ],
        "figures": [
            {
                "text": _show(page, g.spans, g.text),
                "value": g.value,
                "unit": g.unit,
                "measure": g.measure,
                "qualifier": g.qualifier,
                "spans": _raw(page, g.spans),
            }
            for g in f.figures
        ],
        "documents": [_show(page, d.spans, d.text) for d in f.documents],
        "slogans": [_show(page, s.spans, s.text) for s in f.slogans],
        # quotes shaped as slogans that the article alone does not decide (the archive decides
        # them from their use in other articles)
        "quotes": [_show(page, q.spans, q.text) for q in f.quotes],
        "events": [
            {
                "type": e.type,
                "name": e.name,
                "actor": shown_name.get(e.actor, e.actor) if e.actor else None,
                "actor_kind": e.actor_kind,
                "actor_spans": _raw(page, e.actor_spans),
                "title": e.title,
                "date": e.date,
                "place": e.place,
                "presided": names(e.presided),
                "spoke": names(e.spoke),
                "attended": names(e.attended),
                "spans": _raw(page, e.spans),
            }
            for e in f.events
        ],
        "directives": [
            {
                "speaker": shown_name.get(d.speaker, d.speaker),
                "verb": d.verb,
                "text": _show(page, d.spans, d.text),
                "event": d.event,
                "spans": _raw(page, d.spans),
            }
            for d in f.directives
        ],
        "fact_spans": {
            "documents": [_raw(page, d.spans) for d in f.documents],
            "slogans": [_raw(page, s.spans) for s in f.slogans],
            "quotes": [_raw(page, q.spans) for q in f.quotes],
        },
    }


def page_records(parsed: ParsedPage) -> list[dict[str, Any]]:
    """One record per article; page furniture rides with the article it was printed in or after."""
    recs = [article_record(parsed, a) for a in parsed.articles]
    if not recs:
        return recs
    extents = [_extent(a) for a in parsed.articles]
    offsets = parsed.page.offsets
    for f in parsed.page.furniture:
        host = _host(extents, f.span)
        recs[host]["furniture"].append(_furniture(parsed, f, offsets))
    return recs


def page_document(parsed: ParsedPage) -> dict[str, Any]:
    """The whole page: for --format json."""
    offsets = parsed.page.offsets
    return {
        "page": parsed.page.raw.name,
        "path": parsed.page.raw.path,
        "encoding": parsed.page.raw.encoding,
        "sha256": parsed.page.raw.sha256,
        "furniture": [_furniture(parsed, f, offsets) for f in parsed.page.furniture],
        "problems": [{"code": p.code, "message": p.message} for p in parsed.problems],
        "articles": [
            {k: v for k, v in r.items() if k != "furniture"}
            for r in (article_record(parsed, a) for a in parsed.articles)
        ],
    }


def _furniture(parsed: ParsedPage, f: Furniture, offsets: Any) -> dict[str, Any]:
    return {"kind": f.kind, "text": f.span.of(parsed.page.shown), "spans": offsets.spans_to_raw([f.span])}


def _extent(a: Article) -> tuple[int, int]:
    spans = [sp for b in _blocks(a) for sp in b.spans]
    if not spans:
        return (0, 0)
    return (min(s.start for s in spans), max(s.end for s in spans))


def _blocks(a: Article) -> Iterable[Block]:
    for b in (a.kicker, a.headline, a.subtitle, a.dateline, a.byline_block, a.credit, *a.body):
        if b is not None:
            yield b


def _host(extents: list[tuple[int, int]], span: Span) -> int:
    inside = [i for i, (s, e) in enumerate(extents) if s <= span.start < e]
    if inside:
        return inside[0]
    before = [(e, i) for i, (_s, e) in enumerate(extents) if e <= span.start]
    return max(before)[1] if before else 0


def markdown(parsed: ParsedPage) -> str:
    page = parsed.page
    out = [f"# {page.raw.name}", ""]
    for a in parsed.articles:
        out.append(f"## {shown(page, a.headline) or '（无标题）'}  `{a.id}`")
        if a.kicker:
            out.append(f"*{shown(page, a.kicker)}*")
        if a.subtitle:
            out.append(f"**{shown(page, a.subtitle)}**")
        meta = [a.kind, a.date.iso or "日期不详", "完整" if a.complete else "不完整"]
        if a.bylines:
            meta.append("、".join(f"{b.role or ''} {b.name or ''}".strip() for b in a.bylines))
        out.append("> " + " · ".join(meta))
        out.append("")
        if a.dateline:
            out.append(str(shown(page, a.dateline)))
        out.extend(f"{shown(page, b)}\n" for b in a.body)
        for p in a.problems:
            out.append(f"> ⚠ {p.code}: {p.message}")
        out.append("")
    if parsed.page.furniture:
        out.append("---")
        out.append("版面信息: " + " / ".join(f.span.of(page.shown) for f in page.furniture))
        out.append("")
    return "\n".join(out)
