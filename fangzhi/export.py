"""Records for output: the JSONL shape that shared/tools/score.py reads, and Markdown for people.

Every field comes with `spans`: the half-open ranges of the raw page text it was read from.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fangzhi.model import Article, Block, Furniture, ParsedPage, Span

TEXT_FIELDS = ("kicker", "headline", "subtitle", "dateline", "byline", "credit")


def _text(b: Block | None) -> str | None:
    return b.text if b is not None else None


def article_record(parsed: ParsedPage, a: Article) -> dict[str, Any]:
    offsets = parsed.page.offsets
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
        "kicker": _text(a.kicker),
        "headline": _text(a.headline),
        "subtitle": _text(a.subtitle),
        "dateline": _text(a.dateline),
        "byline": _text(a.byline_block),
        "credit": _text(a.credit),
        "source": a.source,
        "bylines": [
            {"role": b.role, "name": b.name, "spans": offsets.spans_to_raw(b.spans)} for b in a.bylines
        ],
        "date": a.date.iso,
        "year_inferred": a.date.year_inferred if a.date.iso else False,
        "body": a.body_text,
        "complete": a.complete,
        "furniture": [],
        "problems": [{"code": p.code, "message": p.message} for p in a.problems],
        "spans": spans,
    }
    return rec


def page_records(parsed: ParsedPage) -> list[dict[str, Any]]:
    """One record per article; page furniture rides with the article it was printed in or after."""
    recs = [article_record(parsed, a) for a in parsed.articles]
    if not recs:
        return recs
    extents = [_extent(a) for a in parsed.articles]
    offsets = parsed.page.offsets
    for f in parsed.page.furniture:
        host = _host(extents, f.span)
        recs[host]["furniture"].append(
            {"kind": f.kind, "text": f.span.of(parsed.page.text), "spans": offsets.spans_to_raw([f.span])}
        )
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
    return {"kind": f.kind, "text": f.span.of(parsed.page.text), "spans": offsets.spans_to_raw([f.span])}


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
    out = [f"# {parsed.page.raw.name}", ""]
    for a in parsed.articles:
        out.append(f"## {a.headline.text if a.headline else '（无标题）'}  `{a.id}`")
        if a.kicker:
            out.append(f"*{a.kicker.text}*")
        if a.subtitle:
            out.append(f"**{a.subtitle.text}**")
        meta = [a.kind, a.date.iso or "日期不详", "完整" if a.complete else "不完整"]
        if a.bylines:
            meta.append("、".join(f"{b.role or ''} {b.name or ''}".strip() for b in a.bylines))
        out.append("> " + " · ".join(meta))
        out.append("")
        if a.dateline:
            out.append(a.dateline.text)
        out.extend(f"{b.text}\n" for b in a.body)
        for p in a.problems:
            out.append(f"> ⚠ {p.code}: {p.message}")
        out.append("")
    if parsed.page.furniture:
        out.append("---")
        out.append("版面信息: " + " / ".join(f.span.of(parsed.page.text) for f in parsed.page.furniture))
        out.append("")
    return "\n".join(out)
