"""What the read side answers, typed: every adapter renders these, and the HTTP API declares them
as its response models, so the shape /docs documents is the shape returned.

Whole answers are frozen dataclasses. Rows the library keeps as dicts — an article as stored, a
person's posts and events, search facets, a chronicle entry as data — are TypedDicts: the same
dicts that templates, charts and the CLI index by key, their keys and types declared once.
(typing_extensions' TypedDict: pydantic reads only that one on Python before 3.12.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NotRequired

from typing_extensions import TypedDict

from fangzhi.browse import ArticleRow
from fangzhi.reprints import ReprintCluster, ReprintMember

# Half-open [start, end) ranges of the raw page text a field or fact was read from.
Spans = list[tuple[int, int]]


# ---------------------------------------------------------------- refusals


class ErrorDetail(TypedDict):
    status: int  # the response's own
    code: str  # not_found, invalid, bad_query, unauthorized, too_large, too_slow …
    message: str  # for a reader, in Chinese


class ErrorAnswer(TypedDict):
    """What every endpoint answers when it refuses, whatever the refusal."""

    error: ErrorDetail


# ---------------------------------------------------------------- an article as stored


class BylineRow(TypedDict):
    role: str | None
    name: str | None
    spans: Spans


class MentionRow(TypedDict):
    """A person as one article names them, with the posts it gives them in printed order."""

    name: str
    key: str
    posts: list[str]
    post_spans: list[Spans]
    spans: Spans


class EventRow(TypedDict):
    type: str
    name: str | None
    date: str | None
    place: str | None
    presided: list[str]
    spoke: list[str]
    attended: list[str]
    spans: Spans
    actor: str | None  # who acted: a person or an organisation (actor_kind), printed at actor_spans
    actor_kind: str | None
    actor_spans: Spans
    title: str | None  # actor and action in one short phrase


class TextRow(TypedDict):
    """A document (《》) or a slogan (“”)."""

    text: str
    spans: Spans
    basis: NotRequired[str]  # a slogan's: use (its own article's) | repeated (other articles')


class NameRow(TypedDict):
    name: str
    spans: Spans


class PlaceRow(TypedDict):
    name: str
    code: str | None  # the national division code; None when ambiguous (see candidates)
    province: str | None
    city: str | None
    district: str | None
    level: str | None
    candidates: list[str]
    spans: Spans


class FigureRow(TypedDict):
    text: str
    value: float
    unit: str | None
    measure: str | None
    qualifier: str | None
    spans: Spans


class DirectiveRow(TypedDict):
    speaker: str
    verb: str
    text: str
    event_seq: int | None
    spans: Spans


class ProblemRow(TypedDict):
    code: str
    message: str


class PageRef(TypedDict):
    id: str
    name: str  # the page's file name, never where it lay on the server
    publication: str | None
    issue_date: str | None


class Outline(TypedDict):
    kind: str
    label: str
    boxes: list[tuple[int, int, int, int]]  # x, y, width, height on the scan


class ScanBoxes(TypedDict):
    """The article's regions and its facts' boxes on the scan its page was read from."""

    width: int
    height: int
    regions: list[tuple[int, int, int, int]]  # x, y, width, height: a column of text each
    facts: list[Outline]


class ScanOutlines(ScanBoxes):
    image: str  # the scan's URL


class StoredArticle(TypedDict):
    """One article with all its facts, as the archive keeps it (query.article)."""

    id: str
    page_id: str
    seq: int
    kind: str
    kicker: str | None
    headline: str | None
    subtitle: str | None
    dateline: str | None
    byline: str | None
    credit: str | None
    source: str | None
    publication: str | None
    date: str | None
    year_inferred: bool
    complete: bool
    body: str
    spans: dict[str, Spans]
    date_source: str | None
    date_not_after: str | None  # a continuation: the latest day it can report (its issue's)
    bylines: list[BylineRow]
    persons: list[MentionRow]
    events: list[EventRow]
    documents: list[TextRow]
    slogans: list[TextRow]
    organisations: list[NameRow]
    places: list[PlaceRow]
    figures: list[FigureRow]
    directives: list[DirectiveRow]
    problems: list[ProblemRow]
    page: PageRef | None


class ArticleAnswer(StoredArticle):
    """The article as the API gives it: as stored, with its other printings and, for a page
    read from a scan, the scan with the article's boxes on it."""

    also_printed: list[ReprintMember]  # the same story in other papers or issues (另见)
    scan: NotRequired[ScanOutlines]


@dataclass(frozen=True, slots=True)
class ArticleItem:
    id: str
    date: str | None
    kind: str
    headline: str | None
    publication: str | None


@dataclass(frozen=True, slots=True)
class Articles:
    """A page of the archive's articles, newest first."""

    total: int
    limit: int
    offset: int
    items: tuple[ArticleItem, ...]


@dataclass(frozen=True, slots=True)
class PageText:
    """A page as the OCR left it, with its articles in printed order."""

    id: str
    raw_text: str
    articles: tuple[ArticleRow, ...]


@dataclass(frozen=True, slots=True)
class Reprints:
    total: int
    limit: int
    offset: int
    items: tuple[ReprintCluster, ...]


# ---------------------------------------------------------------- search


class FacetCount(TypedDict):
    value: str
    count: int


class Facets(TypedDict):
    """Counts of the matching articles, over the newest `basis` of them."""

    basis: int
    month: list[FacetCount]
    publication: list[FacetCount]
    kind: list[FacetCount]
    person: list[FacetCount]
    place: list[FacetCount]


# ---------------------------------------------------------------- people


class PersonRow(TypedDict):
    """A person as the list of people gives them."""

    key: str
    name: str
    articles: int
    first_seen: str | None
    last_seen: str | None
    posts: list[str]


@dataclass(frozen=True, slots=True)
class People:
    total: int
    limit: int
    offset: int
    items: tuple[PersonRow, ...]


class PostHeld(TypedDict):
    title: str
    organisation: str | None
    place: str | None
    place_code: str | None
    place_inferred: bool  # the seat is the paper's or the dateline's, the title naming none
    first_seen: str | None
    last_seen: str | None
    articles: int
    evidence: list[str]  # the articles it was seen in
    seen: list[str]  # the days it was seen, so a gap between sightings shows as a gap


class PersonEvent(TypedDict):
    date: str | None
    type: str
    name: str | None
    place: str | None
    role: str
    article_id: str


class PersonPlace(TypedDict):
    place: str
    times: int
    first: str | None
    last: str | None


class Companion(TypedDict):
    key: str
    name: str
    articles: int


class PersonArticle(TypedDict):
    id: str
    date: str | None
    headline: str | None
    kind: str


# ---------------------------------------------------------------- trends and the network


@dataclass(frozen=True, slots=True)
class TrendSeries:
    term: str
    counts: tuple[int, ...]  # articles carrying it, month by month
    per_1000: tuple[float, ...]  # the same per 1,000 articles printed that month


@dataclass(frozen=True, slots=True)
class Trends:
    months: tuple[str, ...]  # YYYY-MM, every month from the first dated article to the last
    printed: tuple[int, ...]  # articles printed each month
    series: tuple[TrendSeries, ...]


@dataclass(frozen=True, slots=True)
class NetworkNode:
    id: str
    name: str
    articles: int


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    source: str
    target: str
    weight: int  # ARTICLE_WEIGHT a shared article + EVENT_WEIGHT a shared event
    articles: int
    events: int


@dataclass(frozen=True, slots=True)
class Network:
    """The people whose ties weigh most (and the one asked about), with the ties among them."""

    person: str | None
    people: int  # everyone in the network before the heaviest were kept
    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]  # heaviest first


# ---------------------------------------------------------------- events and the chronicle


class ChronicleRecord(TypedDict):
    """A chronicle entry as data: `what` as extracted, and the sentence and source beside it."""

    date: str
    month: str
    year_known: bool
    type: str
    what: str
    presided: list[str]
    place: str | None
    article_id: str
    headline: str | None
    sentence: str
    source: str


@dataclass(frozen=True, slots=True)
class Events:
    total: int
    limit: int
    offset: int
    items: tuple[ChronicleRecord, ...]


@dataclass(frozen=True, slots=True)
class Chronicle:
    total: int
    items: tuple[ChronicleRecord, ...]


# ---------------------------------------------------------------- ingest


class IngestCounts(TypedDict):
    new: int
    unchanged: int
    replaced: int
    failed: int
    articles: int
    persons: int
    events: int


class IngestedFile(TypedDict):
    file: str
    status: str  # new, unchanged, replaced or failed
    page_id: str | None
    error: str | None  # why it failed


@dataclass(frozen=True, slots=True)
class Ingested:
    summary: IngestCounts
    files: tuple[IngestedFile, ...]
