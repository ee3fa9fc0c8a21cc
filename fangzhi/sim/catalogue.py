"""The catalogue of printing conventions: how real outlets print datelines, credits and the rest.

`conventions/*.toml` records, for each outlet surveyed, the forms it prints, each as a template
with placeholders and the address of a page where it was seen. Only forms and facts are kept,
never an article's sentences. The simulator prints generated stories in these forms.

Placeholders: {paper} {place} {Y} {M} {D} {W} {page} {page_cn} {circ} {name} {caption} {kicker}
{headline} {subtitle} {source}. Everything else in a form is printed literally.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

PLACEHOLDERS = frozenset(
    "paper place Y M D W page page_cn circ name caption kicker headline subtitle source".split()
)
SLOTS = ("dateline", "byline_before", "credit_after", "closer", "jump", "caption", "heads", "furniture")
# The slots whose forms a dev and a test family may never share.
SPLIT_SLOTS = ("dateline", "byline_before", "credit_after")
# The splits a conventions file may declare for all its outlets: "dev" puts them in the set the
# parser is tuned on; "holdout" in a third set, never tuned on nor looked into, only ever scored.
DECLARABLE = ("dev", "holdout")
_FIELD = re.compile(r"\{([a-z_A-Z]+)\}")
# The opening of a lead that a surveyor wrote after the dateline proper (本报讯 {M}月{D}日，): the
# body's. A form that is nothing else says the outlet prints no dateline at all.
_LEAD_DATE = re.compile(
    r"\s*(?:(?:\{Y\}年)?\{M\}月\{D\}日|昨[天日]|今[天日]|近日)[上下中晚早]?[午间]?[，,]?\s*$"
)


class CatalogueError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Form:
    template: str
    seen: str  # the address of a page that prints it

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(_FIELD.findall(self.template))

    @property
    def shape(self) -> str:
        """What makes two forms the same form: the template less spaces around placeholders."""
        folded = unicodedata.normalize("NFKC", self.template)
        return re.sub(r"\s+", " ", folded).strip()


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    kind: str
    province: str
    place: str
    forms: dict[str, tuple[Form, ...]]
    notes: str = ""
    survey: int = 1  # which survey found it: a later survey's outlets are split after the earlier's
    split: str | None = None  # "dev", "holdout": its file puts it in that set; None: dev or test

    def of(self, slot: str) -> tuple[Form, ...]:
        return self.forms.get(slot, ())

    def shapes(self, slots: Iterable[str] = SPLIT_SLOTS) -> set[tuple[str, str]]:
        return {(s, f.shape) for s in slots for f in self.of(s)}


def load_catalogue(folder: Path | None = None) -> tuple[Outlet, ...]:
    """Every outlet of every `*.toml` in the folder (the package's own conventions by default)."""
    files: list[tuple[str, str]] = []
    if folder is None:
        root = resources.files("fangzhi.sim") / "conventions"
        files = [(p.name, p.read_text(encoding="utf-8")) for p in root.iterdir() if p.name.endswith(".toml")]
    else:
        files = [(p.name, p.read_text(encoding="utf-8")) for p in folder.glob("*.toml")]
    outlets: list[Outlet] = []
    for name, text in sorted(files):
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise CatalogueError(f"{name}: not TOML: {e}") from e
        survey = data.get("survey", 1)
        if not isinstance(survey, int):
            raise CatalogueError(f"{name}: survey is not a number")
        split = data.get("split")
        if split not in (None, *DECLARABLE):
            raise CatalogueError(f'{name}: split is {split!r}: only "dev" or "holdout" may be declared')
        outlets.extend(_outlet(name, o, survey, split) for o in data.get("outlet", []))
    seen: set[str] = set()
    unique = []
    for o in outlets:
        if o.name not in seen:
            seen.add(o.name)
            unique.append(o)
    return tuple(unique)


def _outlet(file: str, o: dict[str, object], survey: int = 1, split: str | None = None) -> Outlet:
    name = str(o.get("name", ""))
    forms: dict[str, tuple[Form, ...]] = {}
    for slot in SLOTS:
        raw = o.get(slot, [])
        if not isinstance(raw, list):
            raise CatalogueError(f"{file}: {name}: {slot} is not a list")
        got = []
        for item in raw:
            if not isinstance(item, dict) or "form" not in item:
                raise CatalogueError(f"{file}: {name}: a {slot} entry has no form")
            form = Form(_tidy(slot, str(item["form"])), str(item.get("seen", "")))
            bad = set(form.fields) - PLACEHOLDERS
            if bad:
                raise CatalogueError(f"{file}: {name}: unknown placeholder {sorted(bad)} in {form.template}")
            if form.template or slot == "dateline":
                got.append(form)
        forms[slot] = tuple(got)
    return Outlet(
        name=name,
        kind=str(o.get("kind", "")),
        province=str(o.get("province", "")),
        place=str(o.get("place", "")),
        forms=forms,
        notes=str(o.get("notes", "")),
        survey=survey,
        split=split,
    )


_LEAD_AFTER = re.compile(
    r"(?:(?<=[讯电）)：:])|(?<=报道)|(?<=消息))\s*(?:(?:\{Y\}年)?\{M\}月\{D\}日|今（\{D\}）日|今天|昨天).*$",
    re.S,
)


def _tidy(slot: str, template: str) -> str:
    """A dateline form ends where the lead begins: a date after it, or a form that is nothing but
    the lead's opening, is the body's. A credit printed after the body's full stop keeps no stop."""
    if slot == "dateline":
        if template.startswith(("{M}月", "{Y}年")):
            return ""
        template = _LEAD_AFTER.sub("", _LEAD_DATE.sub("", template))
    if slot == "credit_after":
        template = template.lstrip("。")
    return template.strip()
