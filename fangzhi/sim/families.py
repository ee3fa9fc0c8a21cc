"""Families of house styles, split into a dev set to tune on and a test set only ever scored.

A family is one outlet's whole house style: the forms it prints (from the catalogue) and the
habits of its layout (markdown or plain heads, a dateline alone on its line or run into the lead,
how often kickers and credits appear), drawn once from the outlet's name so a family prints the
same way on every page.

The split keeps what is learned on dev from leaking into test: no dateline, byline or credit form
is printed by families of both sets. Outlets are assigned in a fixed order to the set whose forms
they share most; a form already claimed by the other set is dropped from the outlet's style.
A conventions file may declare `split = "dev"`: its outlets are all dev families, placed after
every other outlet so that they move no family of the test set.

A file may instead declare `split = "holdout"`: its outlets are a third set, fresh house styles
that nobody tunes on or looks into, only ever scored. They are placed after every dev and test
family of earlier surveys, so they move none of them, and keep none of the dateline, byline or
credit forms that such a family prints; an outlet left with no dateline or byline of its own is no
family. A later survey's dev outlets come after them and print none of their forms.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, replace

from fangzhi.sim.catalogue import SPLIT_SLOTS, Form, Outlet

SETS = ("dev", "test")  # the sets an outlet of no declared split may fall in
SPLITS = (*SETS, "holdout")  # every set of families


@dataclass(frozen=True, slots=True)
class Family:
    name: str  # the outlet's name
    split: str  # dev | test | holdout
    outlet: Outlet
    forms: dict[str, tuple[Form, ...]]  # the outlet's forms less those the other set claims
    heads: str  # markdown | bold | plain | mixed
    dateline_alone: float  # the share of datelines printed on a line of their own
    kicker_rate: float
    subtitle_rate: float
    credit_after_rate: float
    byline_before_rate: float
    spaced_names: float  # the share of two-character names printed with a space (崔 霞)
    widths: str  # full | half | asis: brackets and colons of its forms as printed (（ or ()

    def of(self, slot: str) -> tuple[Form, ...]:
        return self.forms.get(slot, ())


def _stable_seed(text: str) -> int:
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def split_families(outlets: tuple[Outlet, ...]) -> dict[str, tuple[Family, ...]]:
    """The outlets as families, each in dev or test (or holdout, if its file says so), with no
    split-slot form in two sets."""
    claimed: dict[str, set[tuple[str, str]]] = {s: set() for s in SPLITS}
    placed: dict[str, list[Family]] = {s: [] for s in SPLITS}
    usable = [o for o in outlets if o.of("dateline") or o.of("byline_before")]
    # a later survey's outlets come after the earlier's: adding outlets never moves a family the
    # parser was tuned on (dev) into the set it is scored on (test), nor the other way round.
    # Outlets their file puts in a set come after all the others, survey by survey: what they
    # claim can change no family of either set that is split by its forms, and a holdout survey's
    # families keep their forms when a later survey adds dev families (which then print none of
    # them), so the holdout pages stay what they were.
    order = sorted(
        usable,
        key=lambda o: (
            o.split in ("dev", "holdout"),
            o.survey,
            o.split == "holdout",
            _stable_seed(o.name),
        ),
    )
    for outlet in order:
        shapes = outlet.shapes()
        overlap = {s: len(shapes & claimed[s]) for s in SETS}
        if outlet.split in ("dev", "holdout"):
            split = outlet.split
        elif overlap["dev"] != overlap["test"]:
            split = max(SETS, key=lambda s: overlap[s])
        else:
            split = min(SETS, key=lambda s: (len(placed[s]), s))
        barred = {shape for s in SPLITS if s != split for shape in claimed[s]}
        forms = {
            slot: tuple(
                f for f in outlet.of(slot) if slot not in SPLIT_SLOTS or (slot, f.shape) not in barred
            )
            for slot in outlet.forms
        }
        if not forms.get("dateline") and not forms.get("byline_before"):
            continue  # everything it prints is the other set's: it would teach nothing of its own
        claimed[split] |= {(s, f.shape) for s in SPLIT_SLOTS for f in forms.get(s, ())}
        placed[split].append(family_of(outlet, split, forms))
    return {s: tuple(placed[s]) for s in SPLITS}


def family_of(outlet: Outlet, split: str, forms: dict[str, tuple[Form, ...]]) -> Family:
    """The outlet's house style: its habits of layout drawn once from its name, its forms printed
    in the widths it prints them."""
    rng = random.Random(_stable_seed("style:" + outlet.name))
    family = Family(
        name=outlet.name,
        split=split,
        outlet=outlet,
        forms=forms,
        heads=rng.choice(("markdown", "markdown", "bold", "plain", "plain", "mixed")),
        dateline_alone=rng.choice((0.0, 0.2, 0.5, 0.9)),
        kicker_rate=rng.choice((0.1, 0.3, 0.5)),
        subtitle_rate=rng.choice((0.1, 0.3, 0.5)),
        credit_after_rate=rng.choice((0.3, 0.6, 0.9)) if forms.get("credit_after") else 0.0,
        byline_before_rate=rng.choice((0.3, 0.7)) if forms.get("byline_before") else 0.0,
        spaced_names=rng.choice((0.0, 0.0, 0.3)),
        widths=rng.choice(("full", "full", "half", "asis")),
    )
    return replace(family, forms=_widths(family.forms, family.widths))


_FULL = str.maketrans({"(": "（", ")": "）", ":": "："})
_HALF = str.maketrans({"（": "(", "）": ")", "：": ":"})


def _widths(forms: dict[str, tuple[Form, ...]], widths: str) -> dict[str, tuple[Form, ...]]:
    if widths == "asis":
        return forms
    table = _FULL if widths == "full" else _HALF
    return {s: tuple(Form(f.template.translate(table), f.seen) for f in fs) for s, fs in forms.items()}
