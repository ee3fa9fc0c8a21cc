"""Marking facts in text for the article page: the body with its facts highlighted by kind, and
the raw page as the OCR left it with this article's spans marked.

Facts carry spans of the raw page; the body is the article's text with its paragraphs joined by
newlines, each character standing for one raw character in order (the body's own spans), so raw
positions map to body positions by walking the two together.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

KINDS = ("person", "post", "place", "organisation", "document", "slogan", "figure")


def fact_ranges(article: Mapping[str, Any]) -> list[tuple[int, int, str, str]]:
    """(raw start, raw end, kind, label) for every fact of an article."""
    out: list[tuple[int, int, str, str]] = []

    def add(kind: str, label: str, spans: Iterable[list[int]]) -> None:
        out.extend((a, b, kind, label) for a, b in spans)

    for p in article["persons"]:
        add("person", p["name"], p["spans"])
        for title, spans in zip(p["posts"], p["post_spans"], strict=False):
            add("post", title, spans)
    for kind, table, key in (
        ("place", "places", "name"),
        ("organisation", "organisations", "name"),
        ("document", "documents", "text"),
        ("slogan", "slogans", "text"),
        ("figure", "figures", "text"),
    ):
        for row in article[table]:
            add(kind, row[key], row["spans"])
    return out


def body_positions(body: str, body_spans: list[list[int]]) -> dict[int, int]:
    """raw position → body position, for the body's characters (paragraph newlines excepted)."""
    raw_positions = (r for a, b in body_spans for r in range(a, b))
    out: dict[int, int] = {}
    for i, ch in enumerate(body):
        if ch == "\n":
            continue
        r = next(raw_positions, None)
        if r is None:
            break
        out[r] = i
    return out


def marked(text: str, ranges: list[tuple[int, int, str, str]], *, first_id: str | None = None) -> Markup:
    """`text` escaped, each range wrapped in <mark class="kind"> (outermost first, no overlaps);
    the first mark gets `first_id`, so a link can jump to it."""
    ranges = sorted(ranges, key=lambda r: (r[0], -(r[1] - r[0])))
    parts: list[str] = []
    pos = 0
    marked_any = False
    for a, b, kind, label in ranges:
        if a < pos or b <= a or a >= len(text):
            continue
        parts.append(str(escape(text[pos:a])))
        anchor = f' id="{first_id}"' if first_id and not marked_any else ""
        marked_any = True
        parts.append(f'<mark class="f-{kind}"{anchor} title="{escape(label)}">{escape(text[a:b])}</mark>')
        pos = b
    parts.append(str(escape(text[pos:])))
    return Markup("".join(parts))


def marked_body(article: Mapping[str, Any]) -> list[Markup]:
    """The body's paragraphs with the facts marked."""
    body: str = article["body"]
    to_body = body_positions(body, article["spans"].get("body", []))
    ranges: list[tuple[int, int, str, str]] = []
    for a, b, kind, label in fact_ranges(article):
        starts = [to_body[r] for r in range(a, b) if r in to_body]
        if starts and len(starts) == b - a and starts[-1] - starts[0] == b - a - 1:
            ranges.append((starts[0], starts[-1] + 1, kind, label))
    html = marked(body, ranges)
    return [Markup(p) for p in str(html).split("\n")]


def marked_page(raw: str, article: Mapping[str, Any]) -> Markup:
    """The raw page with this article's fields and facts marked where the OCR printed them."""
    ranges = [(a, b, "field", name) for name, spans in article["spans"].items() for a, b in spans]
    facts = fact_ranges(article)
    # facts inside the marked fields are shown nested: mark facts first, fields around the rest
    out: list[tuple[int, int, str, str]] = []
    for a, b, kind, label in ranges:
        inner = sorted((x for x in facts if a <= x[0] and x[1] <= b), key=lambda r: r[0])
        pos = a
        for x in inner:
            if x[0] < pos:
                continue
            if x[0] > pos:
                out.append((pos, x[0], kind, label))
            out.append(x)
            pos = x[1]
        if pos < b:
            out.append((pos, b, kind, label))
    return marked(raw, out, first_id="article-start")
