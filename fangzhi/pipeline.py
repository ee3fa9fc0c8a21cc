"""parse_page(): the ordered stages from a raw page to its articles."""

from __future__ import annotations

import os
from dataclasses import replace
from operator import attrgetter
from typing import TYPE_CHECKING

from fangzhi.extract.dates import issue_dated, name_date
from fangzhi.extract.facts import with_facts
from fangzhi.ids import page_id
from fangzhi.lexicon import chars
from fangzhi.model import Article, Page, ParsedPage, Problem, RawPage, Span
from fangzhi.read.assemble import assemble, publication_of, set_aside
from fangzhi.read.blocks import build_blocks
from fangzhi.read.boundaries import page_labels
from fangzhi.read.folio import name_folio
from fangzhi.read.normalize import normalize
from fangzhi.read.segment import segment
from fangzhi.settings import Settings

if TYPE_CHECKING:
    from fangzhi.ocr import OcrPage


def parse_page(raw: RawPage, settings: Settings) -> ParsedPage:
    page = normalize(raw, t2s=settings.t2s, max_line=settings.max_line_chars)
    layout = build_blocks(page)
    drafts = segment(layout, page_labels(layout) if settings.learned else None)
    layout.forget_vocabulary()
    page = set_aside(page, layout, drafts)
    named = name_date(raw.name)
    issue = settings.issue_date or page.printed_date or named
    issue_source = "issue-date" if settings.issue_date else "masthead" if page.printed_date else "file-name"
    publication = publication_of(layout, settings.publication) or page.masthead
    key = page_id(raw.name, raw.sha256, publication, issue.isoformat() if issue else None)
    articles = assemble(
        page, layout, drafts, key=key, issue=issue, publication=publication, issue_source=issue_source
    )
    if settings.extract_facts:
        articles = with_facts(articles, publication)
    articles = issue_dated(articles, issue, given=settings.issue_date is not None)
    problems = page.problems + unplaced_text(page, articles)
    folio = page.folio or name_folio(raw.name)
    return ParsedPage(
        page, articles, problems, page_id=key, publication=publication, issue_date=issue, folio=folio
    )


_START = attrgetter("start")  # a span's start, read in C as the spans are sorted


def unplaced_text(page: Page, articles: tuple[Article, ...]) -> tuple[Problem, ...]:
    """Han characters of the page in no article and no furniture, as a problem naming them: the
    parser may misread a page, never drop part of it without a word. One pass over the page."""
    spans = [f.span for f in page.furniture]
    for a in articles:
        blocks = (a.kicker, a.headline, a.subtitle, a.dateline, a.byline_block, a.credit, *a.body)
        spans += [sp for b in blocks if b is not None for sp in b.spans]
        spans += [sp for bl in a.bylines for sp in (*bl.spans, *bl.role_spans)]
    spans.sort(key=_START)
    # the Han runs of the stretches no span covers, found in C: the uncovered stretches are few
    # (between lines, furniture left out), where a page's Han runs are many
    text = page.text
    runs: list[Span] = []
    pos = 0
    for sp in (*spans, Span(len(text), len(text))):
        if sp.start > pos:
            runs.extend(Span(*m.span()) for m in chars.HAN_RUN.finditer(text, pos, sp.start))
        pos = max(pos, sp.end)
    lost = sum(sp.end - sp.start for sp in runs)
    if not lost:
        return ()
    sample = "、".join(sp.of(page.text) for sp in runs[:3])
    return (
        Problem(
            "text.unplaced",
            f"{lost} characters are in no article and no furniture: {sample}",
            tuple(runs),
        ),
    )


def parse_text(text: str, name: str = "page.txt", settings: Settings | None = None) -> ParsedPage:
    """Parse text already in memory (tests, notebooks): no decoding, no file checks."""
    digest, size = _digest(text)
    raw = RawPage(name, text, "utf-8", digest, size)
    return parse_page(raw, settings or Settings())


def _digest(text: str) -> tuple[str, int]:
    """SHA-256 and UTF-8 size of the text, encoded in pieces: no second copy of the page in memory.
    A function of its own, so that the last piece is let go before the parse (a whole short page,
    else held through it as a local)."""
    import hashlib

    digest = hashlib.sha256()
    size = 0
    for i in range(0, len(text), 4096):
        piece = text[i : i + 4096].encode("utf-8", "surrogatepass")
        digest.update(piece)
        size += len(piece)
    return digest.hexdigest(), size


def parse_file(path: str | os.PathLike[str], settings: Settings | None = None) -> ParsedPage:
    """Read and parse one page file, text or scan; raises fangzhi.errors.SourceError for a file
    that is no page (and for a scan of several pages: parse_pages reads those)."""
    pages = parse_pages(path, settings)
    if len(pages) != 1:
        from fangzhi.errors import UnreadableImage

        raise UnreadableImage(os.fspath(path), f"holds {len(pages)} pages: read it with parse_pages")
    return pages[0]


def parse_pages(path: str | os.PathLike[str], settings: Settings | None = None) -> tuple[ParsedPage, ...]:
    """Every page of a file: a text page is one, a scan (PNG, JPEG, TIFF, PDF) one or more, read by
    OCR, each with its image and the box of each character. A SourceError when it is no page."""
    from fangzhi.ocr import is_image_path
    from fangzhi.read.sources import read_page

    settings = settings or Settings()
    if not is_image_path(path):
        return (parse_page(read_page(path, settings), settings),)
    return tuple(parse_scan(p, settings) for p in _ocr(path, settings))


def _ocr(path: str | os.PathLike[str], settings: Settings) -> list[OcrPage]:
    from fangzhi.errors import NoChineseText
    from fangzhi.ocr import ocr_file

    pages = ocr_file(path, settings)
    for p in pages:
        if not any("\u4e00" <= ch <= "\u9fff" for ch in p.raw.text):
            raise NoChineseText(p.raw.path, "is an image on which no Chinese text was recognised")
    return pages


def parse_scan(ocr: OcrPage, settings: Settings) -> ParsedPage:
    """A page read by OCR, parsed as its text is, with its image kept beside it."""
    return replace(parse_page(ocr.raw, settings), image=ocr.image)
