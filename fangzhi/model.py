"""The records that flow between stages. Frozen, plain, cheap to compare.

Every located thing carries half-open `Span`s into its page's *normalised* text; the page's
`OffsetMap` turns them into ranges of the raw text as the OCR tool left it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fangzhi.ocr.boxes import BoxMap
    from fangzhi.read.offsets import OffsetMap


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range [start, end) of a text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def of(self, text: str) -> str:
        return text[self.start : self.end]


def join_spans(spans: tuple[Span, ...] | list[Span], text: str) -> str:
    return "".join(s.of(text) for s in spans)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something a stage could not do cleanly; recorded, never raised past the stage."""

    code: str
    message: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class RawPage:
    """A page file decoded to text, exactly as the OCR tool left it."""

    path: str
    text: str
    encoding: str
    sha256: str
    size: int

    @property
    def name(self) -> str:
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Line:
    """One non-empty line of the normalised text, markup stripped.

    `heading` is the markdown heading level (0 for none); `bold` says the whole line was `**…**`;
    `marks` are normalised offsets where a bullet such as `■` stood (it often opens a byline).
    `gap` is the number of blank lines before it.
    """

    span: Span
    heading: int = 0
    bold: bool = False
    marks: tuple[int, ...] = ()
    gap: int = 0
    jump: str | None = None  # 'to' / 'from' another page, from a marker set aside as furniture
    ended: bool = False  # a （完） closed the report here


@dataclass(frozen=True, slots=True)
class Furniture:
    """Page furniture: paper names, folios, page headers, editor credits."""

    kind: str
    span: Span


@dataclass(frozen=True)
class Page:
    """The normalised page. `text` is what the rules read; `shown` is the same characters in the
    script the page was printed in (they differ only for a traditional page read through its
    simplified shadow, one character for one, so every span serves both)."""

    raw: RawPage
    text: str
    shown: str
    offsets: OffsetMap
    lines: tuple[Line, ...]
    furniture: tuple[Furniture, ...] = ()
    problems: tuple[Problem, ...] = ()
    printed_date: date | None = None  # the issue date a page header prints (2023年11月8日 星期三)
    masthead: str | None = None  # the paper's name as its masthead or page header prints it
    folio: str | None = None  # the page's number in its issue as its header prints it (3, A3)


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of the page with one role.

    kind: kicker | headline | subtitle | dateline | byline | caption | credit | body | furniture.
    A body block can be pieced together from several lines that reflow joined.
    """

    kind: str
    spans: tuple[Span, ...]
    text: str
    # a body paragraph's evidence for segmentation
    closing: bool = False  # an attendance line such as 市领导…出席。 that ends a report
    starts_mid: bool = False  # cannot open a sentence: continues text printed elsewhere
    ends_open: bool = False  # stops mid-sentence
    jump: str | None = None  # 'from' / 'to' another page, from markers such as （下转第2版）
    titleish: bool = False  # terse and unpunctuated: may be a title stranded from its article

    @property
    def start(self) -> int:
        return self.spans[0].start if self.spans else 0


@dataclass(frozen=True, slots=True)
class Byline:
    role: str | None
    name: str | None
    spans: tuple[Span, ...] = ()  # where the name (or a voice role) is printed
    role_spans: tuple[Span, ...] = ()  # where the role is printed, when it is


@dataclass(frozen=True, slots=True)
class DateFact:
    iso: str | None  # YYYY-MM-DD, or --MM-DD where nothing gives the year (ISO 8601's partial form)
    year_inferred: bool = False
    spans: tuple[Span, ...] = ()
    text: str | None = None
    # where the year came from: dateline | body (the article prints it), masthead, issue-date,
    # file-name, page, or none (the date is partial)
    source: str = "none"
    # the latest day it can report (ISO): a continuation, whose date is printed on another page,
    # appeared in this issue
    not_after: str | None = None

    @property
    def full(self) -> str | None:
        """The date if it has its year; a partial one (--MM-DD) bounds no span of time."""
        return self.iso if self.iso and self.iso[0].isdigit() else None


@dataclass(frozen=True, slots=True)
class Seat:
    """Where an office is held (extract/offices.py)."""

    place: str  # the division's full name: 衡东县
    code: str | None  # six-digit division code (GB/T 2260); None for a township or a name not resolved
    inferred: bool  # the title names no place: the paper's or the dateline's jurisdiction


@dataclass(frozen=True, slots=True)
class Post:
    """A post as printed before (or after) a name: 市委副书记, 省委主题教育第二巡回督导组组长."""

    title: str
    spans: tuple[Span, ...] = ()
    seat: Seat | None = None  # where it is held, when the title or the paper says


@dataclass(frozen=True, slots=True)
class Person:
    """Someone an article names (bylines excluded), once, with the posts it gives them in order."""

    name: str
    posts: tuple[Post, ...] = ()
    spans: tuple[Span, ...] = ()  # every mention of the name in the article
    # named only as the source of what is studied or commemorated (学习贯彻某某重要讲话精神): no
    # part in what the article reports, kept out of its events and of who appears with whom
    referenced: bool = False


@dataclass(frozen=True, slots=True)
class Named:
    """A thing the article names: an organisation, a document (《》), a slogan (“”)."""

    text: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A place resolved to the national administrative divisions (GB/T 2260 codes)."""

    name: str  # as printed
    code: str | None  # six-digit division code; None when ambiguous or unknown
    province: str | None = None
    city: str | None = None
    district: str | None = None
    level: str | None = None  # province | city | district
    spans: tuple[Span, ...] = ()
    candidates: tuple[str, ...] = ()  # codes it could be, when the text does not decide


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit and what it measures: 规模工业增加值增长7.2%."""

    text: str
    value: float
    unit: str | None
    measure: str | None = None
    qualifier: str | None = None  # 近, 约, 超过, 增长, 下降 …
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """A meeting, inspection or visit, reception, or ceremony, with who did what in it."""

    type: str  # meeting | inspection | reception | ceremony
    name: str | None
    date: str | None
    place: str | None
    presided: tuple[str, ...] = ()
    spoke: tuple[str, ...] = ()
    attended: tuple[str, ...] = ()
    spans: tuple[Span, ...] = ()
    actor: str | None = None  # who or what acted: host, visitor, presider, winner
    title: str | None = None  # actor and action in one short line (某某机场荣获…)
    actor_kind: str | None = None  # person | organisation
    actor_spans: tuple[Span, ...] = ()  # where the article prints its actor


@dataclass(frozen=True, slots=True)
class Directive:
    """An instruction a meeting or a leader gave: 会议强调，要… / 朱健要求，…."""

    speaker: str  # a person's name, or the body that spoke (会议)
    verb: str  # 强调 / 要求 / 指出 …
    text: str
    event: int | None = None  # index into Facts.events
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Facts:
    persons: tuple[Person, ...] = ()
    orgs: tuple[Named, ...] = ()
    places: tuple[Place, ...] = ()
    documents: tuple[Named, ...] = ()
    slogans: tuple[Named, ...] = ()
    figures: tuple[Figure, ...] = ()
    events: tuple[Event, ...] = ()
    directives: tuple[Directive, ...] = ()
    problems: tuple[Problem, ...] = ()
    # quotes shaped as slogans (“十四五”) whose use in this article does not decide them; one of
    # them is among `slogans` too when another article of the page uses it as one
    quotes: tuple[Named, ...] = ()


@dataclass(frozen=True)
class Article:
    """One article as a careful reader reassembles it from the page."""

    id: str
    kind: str  # news | commentary | interview | photo | fragment
    complete: bool
    kicker: Block | None = None
    headline: Block | None = None
    subtitle: Block | None = None
    dateline: Block | None = None
    byline_block: Block | None = None  # a byline printed on its own line (■本报记者 …)
    credit: Block | None = None  # a photo credit (■某某 摄)
    body: tuple[Block, ...] = ()
    source: str | None = None
    bylines: tuple[Byline, ...] = ()
    date: DateFact = field(default_factory=lambda: DateFact(None))
    problems: tuple[Problem, ...] = ()
    facts: Facts = field(default_factory=Facts)

    @property
    def body_text(self) -> str:
        return "\n".join(b.text for b in self.body)


@dataclass(frozen=True)
class PageImage:
    """The scan a page's text was recognised from (fangzhi/ocr): the image as the archive keeps it,
    and where on it each character of the raw text stands."""

    data: bytes
    media_type: str  # image/png or image/jpeg: what a browser shows
    width: int
    height: int
    boxes: BoxMap  # raw text offsets → boxes of image pixels


@dataclass(frozen=True)
class ParsedPage:
    page: Page
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()
    page_id: str = ""  # canonical: publication-issue date-file stem
    publication: str | None = None
    issue_date: date | None = None
    image: PageImage | None = None  # the scan, when the page was read from one
    folio: str | None = None  # its number in the issue (版次): the header's, else the file name's
