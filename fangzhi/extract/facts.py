"""Facts for the articles of one page: every extractor run over each article's text, every
fact carried back to page spans. Names printed with a post anywhere on the page are known on
the whole page, so a bare mention in another article (or a fragment) is still a person."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from fangzhi.extract.events import find_directives, find_events
from fangzhi.extract.persons import PersonHit, find_persons
from fangzhi.extract.text import ArticleText
from fangzhi.extract.titles import find_documents, find_slogans
from fangzhi.model import Article, Directive, Event, Facts, Named, Person, Post, Span

NO_EVENTS = frozenset({"commentary", "interview", "photo"})


def with_facts(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    texts = [ArticleText.of(a) for a in articles]
    known = {h.name for t in texts for h in find_persons(t.text) if h.posts}
    return tuple(replace(a, facts=article_facts(a, t, known)) for a, t in zip(articles, texts, strict=True))


def article_facts(article: Article, at: ArticleText, known: set[str]) -> Facts:
    text = at.text
    hits = find_persons(text, known)
    persons = _merge(hits, at)
    documents = _unique_named(at, ((h.text, h.start, h.end) for h in find_documents(text)))
    slogans = _unique_named(at, ((h.text, h.start, h.end) for h in find_slogans(text)))
    events: list[Event] = []
    directives: list[Directive] = []
    if article.kind not in NO_EVENTS:
        head = "\n".join(
            b.text for b in (article.kicker, article.headline, article.subtitle) if b is not None
        )
        found = find_events(text, at.body_start, hits, article.date.iso, head)
        events = [
            Event(
                e.type,
                e.name,
                e.date,
                e.place,
                tuple(e.presided),
                tuple(e.spoke),
                tuple(e.attended),
                at.spans(e.start, e.end),
            )
            for e in found
        ]
        directives = [
            Directive(
                d.speaker, d.verb, text[d.start : d.end], 0 if events else None, at.spans(d.start, d.end)
            )
            for d in find_directives(text, at.body_start, hits)
        ]
    return Facts(
        persons=persons,
        documents=documents,
        slogans=slogans,
        events=tuple(events),
        directives=tuple(directives),
    )


def _merge(hits: list[PersonHit], at: ArticleText) -> tuple[Person, ...]:
    """One person per name, posts in printed order without repeats, every mention's spans."""
    order: list[str] = []
    posts: dict[str, dict[str, list[Span]]] = {}
    spans: dict[str, list[Span]] = {}
    for h in hits:
        if h.name not in spans:
            order.append(h.name)
            spans[h.name] = []
            posts[h.name] = {}
        spans[h.name].extend(at.spans(h.start, h.end))
        for p in h.posts:
            posts[h.name].setdefault(p.title, []).extend(at.spans(p.start, p.end))
    return tuple(
        Person(n, tuple(Post(t, tuple(s)) for t, s in posts[n].items()), tuple(spans[n])) for n in order
    )


def _unique_named(at: ArticleText, hits: Iterable[tuple[str, int, int]]) -> tuple[Named, ...]:
    """Each distinct text once, with the spans of every place it is printed."""
    out: dict[str, list[Span]] = {}
    for text, start, end in hits:
        out.setdefault(text, []).extend(at.spans(start, end))
    return tuple(Named(t, tuple(s)) for t, s in out.items())
