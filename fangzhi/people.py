"""One person, one record: mentions across the articles and pages of a run merged by name,
split where their posts clash.

Two mentions of a name are one person unless their posts place them in different
jurisdictions at once (衡东县委书记 and 祁东县委书记): the place a post names decides, and a post
that names none (市长, 市领导) fits any record of its name. A clash splits the name into two
records and is reported as a problem, never silently merged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from fangzhi.extract.offices import named_place as jurisdiction
from fangzhi.model import Article, ParsedPage, Problem


@dataclass
class PostSeen:
    title: str
    first: str | None = None
    last: str | None = None
    articles: list[str] = field(default_factory=list)

    def see(self, day: str | None, article: str) -> None:
        if day is not None:
            self.first = day if self.first is None or day < self.first else self.first
            self.last = day if self.last is None or day > self.last else self.last
        if article not in self.articles:
            self.articles.append(article)


@dataclass
class PersonRecord:
    name: str
    key: str  # the name, or 名字#2 … when a clash split it
    posts: dict[str, PostSeen] = field(default_factory=dict)
    articles: list[str] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None
    problems: list[Problem] = field(default_factory=list)

    def see(self, titles: list[str], day: str | None, article: str) -> None:
        for t in titles:
            self.posts.setdefault(t, PostSeen(t)).see(day, article)
            place = jurisdiction(t)
            if place:
                self.places.add(place)
        if article not in self.articles:
            self.articles.append(article)
        if day is not None:
            self.first = day if self.first is None or day < self.first else self.first
            self.last = day if self.last is None or day > self.last else self.last


def merge_people(pages: Iterable[ParsedPage]) -> list[PersonRecord]:
    """Every person of the run once (or once per clashing jurisdiction), in order of first mention."""
    records: dict[str, list[PersonRecord]] = {}
    order: list[PersonRecord] = []
    for parsed in pages:
        for article in parsed.articles:
            for person in article.facts.persons:
                titles = [p.title for p in person.posts]
                rec = _record_for(records, order, person.name, titles, article)
                rec.see(titles, article.date.full, article.id)  # a partial date dates no term
    return order


def _record_for(
    records: dict[str, list[PersonRecord]],
    order: list[PersonRecord],
    name: str,
    titles: list[str],
    a: Article,
) -> PersonRecord:
    places = {p for t in titles if (p := jurisdiction(t))}
    same = records.setdefault(name, [])
    for rec in same:
        if not places or not rec.places or places & rec.places:
            return rec
    rec = PersonRecord(name, name if not same else f"{name}#{len(same) + 1}")
    if same:
        msg = f"{name} in {a.id} holds posts in {'、'.join(sorted(places))}, which clash with " + "；".join(
            f"{r.key}: {'、'.join(sorted(r.places))}" for r in same
        )
        rec.problems.append(Problem("person.clash", msg + " — kept as a separate person"))
    same.append(rec)
    order.append(rec)
    return rec


def record_dict(rec: PersonRecord) -> dict[str, object]:
    return {
        "key": rec.key,
        "name": rec.name,
        "first_seen": rec.first,
        "last_seen": rec.last,
        "posts": [
            {"title": p.title, "first_seen": p.first, "last_seen": p.last, "articles": p.articles}
            for p in rec.posts.values()
        ],
        "articles": rec.articles,
        "problems": [{"code": p.code, "message": p.message} for p in rec.problems],
    }
