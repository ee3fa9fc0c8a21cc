"""Facts for the articles of one page: every extractor run over each article's text, every
fact carried back to page spans. Names printed with a post anywhere on the page are known on
the whole page, so a bare mention in another article (or a fragment) is still a person."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from fangzhi.extract.events import find_directives, find_events
from fangzhi.extract.figures import find_figures
from fangzhi.extract.offices import home_of, seat_of
from fangzhi.extract.orgs import find_orgs
from fangzhi.extract.persons import PersonHit, find_persons, with_known
from fangzhi.extract.places import PlaceHit, find_places
from fangzhi.extract.text import ArticleText
from fangzhi.extract.titles import find_documents, find_quoted
from fangzhi.lexicon import events as ev_lex
from fangzhi.lexicon import policy
from fangzhi.model import Article, Directive, Event, Facts, Figure, Named, Person, Place, Post, Problem, Span

NO_EVENTS = frozenset({"commentary", "interview"})


def with_facts(articles: tuple[Article, ...], publication: str | None = None) -> tuple[Article, ...]:
    """The articles with their facts; `publication` (the paper's name) places bare posts."""
    texts = [ArticleText.of(a) for a in articles]
    found = [find_persons(t.text) for t in texts]
    known = {h.name for hits in found for h in hits if h.posts}
    facts = promote_repeated(
        [
            article_facts(a, t, with_known(t.text, hits, known), publication)
            for a, t, hits in zip(articles, texts, found, strict=True)
        ]
    )
    return tuple(replace(a, facts=f) for a, f in zip(articles, facts, strict=True))


def promote_repeated(facts: list[Facts]) -> list[Facts]:
    """Quotes shaped as slogans are slogans where their use across the articles decides it: one
    article uses the line as policy (推进“三高四新”), or REPEATS articles quote it. One pass over
    the quotes of the page; the archive decides the same over all its pages (store.slogans)."""
    by_use = {s.text for f in facts for s in f.slogans}
    quoted = Counter(q.text for f in facts for q in f.quotes)
    chosen = by_use | {t for t, n in quoted.items() if n >= policy.REPEATS}
    out: list[Facts] = []
    for f in facts:
        have = {s.text for s in f.slogans}
        more = [q for q in f.quotes if q.text in chosen and q.text not in have]
        if more:
            slogans = sorted((*f.slogans, *more), key=lambda n: n.spans[0].start if n.spans else 0)
            f = replace(f, slogans=tuple(slogans))
        out.append(f)
    return out


def article_facts(
    article: Article, at: ArticleText, hits: list[PersonHit], publication: str | None = None
) -> Facts:
    text = at.text
    referenced = _referenced(text, hits)
    dateline = article.dateline.text if article.dateline is not None else None
    persons = _seated(_merge(hits, at, referenced), dateline, publication)
    documents = _unique_named(at, ((h.text, h.start, h.end) for h in find_documents(text)))
    slogan_hits, quote_hits = find_quoted(text)
    slogans = _unique_named(at, ((h.text, h.start, h.end) for h in slogan_hits))
    used = {s.text for s in slogans}  # a line the article uses as one anywhere is decided
    quotes = _unique_named(at, ((h.text, h.start, h.end) for h in quote_hits if h.text not in used))
    events: list[Event] = []
    directives: list[Directive] = []
    if article.kind not in NO_EVENTS:
        head = "\n".join(
            b.text for b in (article.kicker, article.headline, article.subtitle) if b is not None
        )
        present = [h for h in hits if h.name not in referenced]
        found = find_events(text, at.body_start, present, article.date.iso, head)
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
                e.actor,
                e.title,
                e.actor_kind,
                at.spans(*e.actor_at) if e.actor_at else (),
            )
            for e in found
        ]
        directives = [
            Directive(
                d.speaker, d.verb, text[d.start : d.end], 0 if events else None, at.spans(d.start, d.end)
            )
            for d in find_directives(text, at.body_start, hits)
        ]
    places, problems = _places(at)
    return Facts(
        persons=persons,
        orgs=_unique_named(at, ((h.name, h.start, h.end) for h in find_orgs(text))),
        places=places,
        documents=documents,
        slogans=slogans,
        figures=tuple(
            Figure(h.text, h.value, h.unit, h.measure, h.qualifier, at.spans(h.start, h.end))
            for h in find_figures(text)
        ),
        events=tuple(events),
        directives=tuple(directives),
        problems=tuple(problems),
        quotes=quotes,
    )


def _places(at: ArticleText) -> tuple[tuple[Place, ...], list[Problem]]:
    """Each place once; one the text cannot resolve is a problem naming its candidates."""
    first: dict[str, PlaceHit] = {}
    spans: dict[str, list[Span]] = {}
    problems: list[Problem] = []
    for h in find_places(at.text):
        found = at.spans(h.start, h.end)
        if h.name in first:
            spans[h.name].extend(found)
            continue
        first[h.name] = h
        spans[h.name] = list(found)
        if h.code is None and h.candidates:
            problems.append(
                Problem("place.ambiguous", f"{h.name} could be any of {', '.join(h.candidates)}", found)
            )
    places = tuple(
        Place(h.name, h.code, h.province, h.city, h.district, h.level, tuple(spans[n]), h.candidates)
        for n, h in first.items()
    )
    return places, problems


def _merge(hits: list[PersonHit], at: ArticleText, referenced: set[str]) -> tuple[Person, ...]:
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
        Person(n, tuple(Post(t, tuple(s)) for t, s in posts[n].items()), tuple(spans[n]), n in referenced)
        for n in order
    )


def _seated(persons: tuple[Person, ...], dateline: str | None, publication: str | None) -> tuple[Person, ...]:
    """Each post with where it is held: the place it names, else the dateline's or the paper's."""
    if not any(p.posts for p in persons):
        return persons
    home = home_of(dateline, publication)
    return tuple(
        replace(p, posts=tuple(replace(q, seat=seat_of(q.title, home)) for q in p.posts)) if p.posts else p
        for p in persons
    )


def _referenced(text: str, hits: list[PersonHit]) -> set[str]:
    """The names every mention of which is a reference (学习贯彻某某总书记重要讲话精神)."""
    out: dict[str, bool] = {}
    for h in hits:
        end = max([h.end, *(p.end for p in h.posts)])
        start = min([h.start, *(p.start for p in h.posts)])
        ref = bool(
            ev_lex.REFERENCED_BEFORE.search(text, max(0, start - 12), start)
            or ev_lex.REFERENCED_AFTER.match(text[end : end + 48])
        )
        out[h.name] = out.get(h.name, True) and ref
    return {n for n, ref in out.items() if ref}


def _unique_named(at: ArticleText, hits: Iterable[tuple[str, int, int]]) -> tuple[Named, ...]:
    """Each distinct text once, with the spans of every place it is printed."""
    out: dict[str, list[Span]] = {}
    for text, start, end in hits:
        out.setdefault(text, []).extend(at.spans(start, end))
    return tuple(Named(t, tuple(s)) for t, s in out.items())
