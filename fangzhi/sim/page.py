"""A whole page: articles in a family's style, the moves a layout makes, and the page's gold.

Beyond printing each article (`layout`), a page opens with the rest of an article from another
page, ends with one that goes on elsewhere, carries a captioned picture, prints an article's last
paragraph before its headline or after the next article, and a headline after its body.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import replace
from datetime import date
from typing import Any

from fangzhi.sim.catalogue import Form
from fangzhi.sim.families import Family
from fangzhi.sim.layout import (
    DEFAULT_FROM,
    DEFAULT_TO,
    Artifacts,
    Chunk,
    GoldArticle,
    Printer,
    _cut_point,
    fill,
    form_values,
    print_story,
)
from fangzhi.sim.truth import EventTruth, StoryTruth

# a year the page prints: 2017年, or a date in figures as a page header gives it (2017-12-2, 2017.12.02)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?:年|([-./])\d{1,2}\1\d{1,2}(?!\d))")
HEADER_FORMS = (Form("{paper} {Y}年{M}月{D}日 星期{W}", ""), Form("第{page}版", ""))


def print_page(
    family: Family,
    stories: list[StoryTruth],
    rng: random.Random,
    art: Artifacts,
    issue: date,
    page_no: int,
    page_file: str,
) -> tuple[str, dict[str, Any]]:
    """The page's text and its gold. `stories[0]` may become an opening fragment, `stories[-1]` a
    cut article; a photo story, if any, is placed among the others."""
    pr = Printer(family, rng, art, form_values(family, issue, rng, page_no))
    blocks: list[list[Chunk]] = []
    header: list[Chunk] = []
    if rng.random() < art.furniture:
        forms = family.of("furniture") or HEADER_FORMS
        header.append(Chunk(fill(rng.choice(forms), rng, pr.values)[0], -1, "furniture"))
    photos = [s for s in stories if s.kind == "photo"]
    others = [s for s in stories if s.kind != "photo"]
    if len(others) > 1 and rng.random() < art.fragment_start:
        blocks.append(_fragment(pr, others.pop(0)))
    mid = (
        others.pop(rng.randrange(len(others)))
        if len(others) > 2 and rng.random() < art.fragment_mid
        else None
    )
    cut = len(others) > 1 and rng.random() < art.cut_end
    # a page's text runs column by column: the article that goes on elsewhere is often not last
    cut_at = len(others) - 1 if rng.random() < 0.6 else rng.randrange(len(others))
    for k, story in enumerate(others):
        if cut and k == cut_at:
            blocks.append(_cut(pr, story))
        else:
            blocks.append(print_story(pr, story))
    if mid is not None:
        # continued from another page, printed after one of this page's articles
        blocks.insert(rng.randrange(1, len(blocks)), _fragment(pr, mid, jump=False))
    for photo in photos:
        _insert_photo(pr, blocks, photo)
    _move(pr, blocks)
    chunks = header + [c for b in blocks for c in b]
    text = "\n\n".join(c.text for c in chunks) + "\n"
    gold = gold_page(pr, page_file, dated=prints_year(text))
    gold["chunks"] = _chunk_spans(chunks)
    return text, gold


def prints_year(text: str) -> bool:
    """Does the page print a year a careful reader can date its articles by?"""
    return _YEAR.search(text) is not None


def _chunk_spans(chunks: list[Chunk]) -> list[list[int | str]]:
    """Where each chunk is printed: [start, end, article (0-based, -1 none), role, paragraph]. Not
    read by the scorer; what a learner needs to label the parser's blocks with their article."""
    out: list[list[int | str]] = []
    pos = 0
    for c in chunks:
        out.append([pos, pos + len(c.text), c.owner, c.role, c.para])
        pos += len(c.text) + 2
    return out


def _fragment(pr: Printer, story: StoryTruth, *, jump: bool = True) -> list[Chunk]:
    """The rest of an article begun on another page: it opens mid-sentence, or at a paragraph."""
    paras = list(story.paragraphs[1:]) or list(story.paragraphs)
    if len(paras) > 2:
        paras = paras[pr.rng.randrange(len(paras) - 1) :]
    if pr.rng.random() < 0.7:
        first = paras[0]
        paras[0] = first[_cut_point(first, pr.rng) :]
    part = replace(story, kind="fragment", kicker=None, headline=None, subtitle=None, paragraphs=tuple(paras))
    owner = len(pr.draft.gold)
    gold = GoldArticle(
        "fragment", None, None, None, None, None, [], None, [], False, _visible(part, events=False)
    )
    pr.draft.gold.append(gold)
    body = pr.body(part, owner, half=False)
    pr.break_columns(body)
    gold.body = ["".join(c.text for c in p) for p in body]
    out = [c for p in body for c in p]
    if jump and pr.rng.random() < pr.art.jump_line:
        forms = [f for f in pr.family.of("jump") if "上" in f.template or "接" in f.template] or list(
            DEFAULT_FROM
        )
        out.insert(
            0,
            Chunk(
                fill(pr.rng.choice(forms), pr.rng, {**pr.values, "page_cn": "一", "page": "1"})[0],
                owner,
                "jump",
            ),
        )
    return out


def _cut(pr: Printer, story: StoryTruth) -> list[Chunk]:
    """An article that goes on on another page: the page ends mid-sentence."""
    n = len(story.paragraphs)
    keep = pr.rng.randrange(1, n) if n > 1 else 1
    paras = list(story.paragraphs[:keep])
    last = paras[-1]
    paras[-1] = last[: _cut_point(last, pr.rng)]
    part = _visible(replace(story, paragraphs=tuple(paras)), events=True)
    family = replace(pr.family, credit_after_rate=0.0)
    chunks = print_story(Printer(family, pr.rng, replace(pr.art, closer=0.0), pr.values, pr.draft), part)
    owner = len(pr.draft.gold) - 1
    pr.draft.gold[owner].complete = False
    if pr.rng.random() < pr.art.jump_line:
        forms = [f for f in pr.family.of("jump") if "下" in f.template or "转" in f.template] or list(
            DEFAULT_TO
        )
        chunks.append(Chunk(fill(pr.rng.choice(forms), pr.rng, pr.values)[0], owner, "jump"))
    return chunks


def _insert_photo(pr: Printer, blocks: list[list[Chunk]], photo: StoryTruth) -> None:
    chunks = print_story(pr, photo)
    at = pr.rng.randrange(len(blocks) + 1)
    host = blocks[at - 1] if at > 0 else None
    if host is not None and pr.rng.random() < 0.4:
        # inside an article, between two of its paragraphs
        gaps = [i for i in range(1, len(host)) if host[i].role == "body" and host[i - 1].role == "body"
                and host[i].para != host[i - 1].para]  # fmt: skip
        if gaps:
            i = pr.rng.choice(gaps)
            host[i:i] = chunks
            return
    blocks.insert(at, chunks)


def _move(pr: Printer, blocks: list[list[Chunk]]) -> None:
    """Page-level displacements: a tail before its head or after the next article; heads last."""
    rng, art = pr.rng, pr.art
    movable = [i for i, b in enumerate(blocks) if _tail_of(pr, b)]
    if movable and rng.random() < art.displaced_tail:
        i = rng.choice(movable)
        tail = _tail_of(pr, blocks[i])
        blocks[i] = [c for c in blocks[i] if c not in tail]
        blocks.insert(i, tail)
    elif movable and rng.random() < art.tail_after_other:
        i = rng.choice(movable)
        if i + 1 < len(blocks):
            tail = _tail_of(pr, blocks[i])
            blocks[i] = [c for c in blocks[i] if c not in tail]
            blocks.insert(i + 2, tail)
    if rng.random() < art.head_after_body:
        anchored = [
            i for i, b in enumerate(blocks)
            if (any(c.role == "head" for c in b) and any(c.role in ("dateline", "byline") for c in b))
            or (any(c.role == "head" for c in b) and _inline_dateline(pr, b))
        ]  # fmt: skip
        if anchored:
            i = rng.choice(anchored)
            heads = [c for c in blocks[i] if c.role == "head"]
            blocks[i] = [c for c in blocks[i] if c.role != "head"]
            blocks.append(heads)


def _inline_dateline(pr: Printer, block: list[Chunk]) -> bool:
    owner = block[0].owner
    return owner >= 0 and pr.draft.gold[owner].dateline is not None


def _tail_of(pr: Printer, block: list[Chunk]) -> list[Chunk]:
    """The last paragraph of a whole news article with three or more, with a credit after it."""
    body = [c for c in block if c.role == "body"]
    if not body:
        return []
    owner = body[0].owner
    gold = pr.draft.gold[owner]
    if gold.kind != "news" or not gold.complete or len(gold.body) < 3 or gold.dateline is None:
        return []
    last = max(c.para for c in body)
    return [c for c in block if c.owner == owner and c.para == last and c.role in ("body", "credit")]


# ---------------------------------------------------------------- gold


def _visible(story: StoryTruth, *, events: bool) -> StoryTruth:
    """The story's facts that the printed part still shows."""
    text = "".join(story.paragraphs) + (story.kicker or "") + (story.headline or "") + (story.subtitle or "")
    persons = tuple(p for p in story.persons if p.name in text)
    persons = tuple(replace(p, posts=tuple(t for t in p.posts if t in text)) for p in persons)
    return replace(
        story,
        persons=persons,
        documents=tuple(d for d in story.documents if d in text),
        slogans=tuple(s for s in story.slogans if s in text),
        # a part in an event is known only from a name the page prints
        events=tuple(_printed_parts(e, text) for e in story.events) if events else (),
    )


def _printed_parts(e: EventTruth, text: str) -> EventTruth:
    return replace(
        e,
        presided=tuple(n for n in e.presided if n in text),
        spoke=tuple(n for n in e.spoke if n in text),
        attended=tuple(n for n in e.attended if n in text),
    )


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not c.isspace() and c not in "#*")


def gold_page(pr: Printer, page_file: str, *, dated: bool) -> dict[str, Any]:
    """The page's gold. Where the page prints no year at all, a date is month and day alone
    (`--MM-DD`, as ISO 8601 writes it): a careful reader has no year to give it."""
    articles = []
    stem = page_file.rsplit(".", 1)[0]
    for k, g in enumerate(pr.draft.gold, 1):
        body = _norm("".join(g.body))
        story = g.story
        articles.append(
            {
                "id": f"{stem}-{k}",
                "kind": g.kind,
                "kicker": g.kicker,
                "headline": g.headline,
                "subtitle": g.subtitle,
                "dateline": g.dateline,
                "source": g.source,
                "bylines": [{"role": r, "name": n} for r, n in g.bylines],
                "date": g.date if dated or g.date is None else "--" + g.date[5:],
                "year_inferred": False,
                "body_start": body[:14],
                "body_end": body[-10:],
                "complete": g.complete,
                "persons": [{"name": p.name, "posts": list(p.posts)} for p in story.persons] if story else [],
                "documents": list(story.documents) if story else [],
                "slogans": list(story.slogans) if story else [],
                "events": [_event(e, dated) for e in story.events] if story and g.kind != "fragment" else [],
            }
        )
    return {
        "page_file": page_file,
        "publication": pr.family.outlet.name,
        "articles": articles,
        "joins": pr.draft.joins,
    }


def _event(e: Any, dated: bool) -> dict[str, Any]:
    day = e.date.isoformat() if e.date else None
    return {
        "type": e.type,
        "name": e.name,
        "date": day if dated or day is None else "--" + day[5:],  # as the article's date
        "place": e.place,
        "presided": list(e.presided),
        "spoke": list(e.spoke),
        "attended": list(e.attended),
    }
