"""What the simulator knows about what it wrote: the truth a page is scored against.

The article grammar (`sim.grammar`) writes `StoryTruth`s: the text of an article's parts and the
facts in them. The page layout (`sim.layout`) prints stories in a house style with OCR-like
artifacts and turns the truth into gold in the format of the sample pages' gold files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Official:
    """A generated person: a name and the posts papers print before it, in printed order."""

    name: str
    posts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventTruth:
    type: str  # meeting | inspection | reception | ceremony
    name: str
    date: date | None
    place: str | None
    presided: tuple[str, ...] = ()
    spoke: tuple[str, ...] = ()
    attended: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoryTruth:
    """One article as written, before it is printed.

    `paragraphs` is the body, lead first, without dateline or credits: the layout adds those in
    the outlet's form. `persons` excludes bylines (the layout makes those). `date` is the day of
    the main event; `dated_lead` says the lead opens with that date (`M月D日，…`).
    """

    kind: str  # news | commentary | interview | photo
    kicker: str | None
    headline: str | None
    subtitle: str | None
    paragraphs: tuple[str, ...]
    date: date | None
    persons: tuple[Official, ...] = ()
    documents: tuple[str, ...] = ()
    slogans: tuple[str, ...] = ()
    events: tuple[EventTruth, ...] = ()
    dated_lead: bool = True
