"""Writing a set of simulated pages with their gold: `fangzhi sim pages --family dev --n 300`.

Page i of a set is a function of (seed, set, i) alone: its family is the i-th in turn, its
jurisdiction is where the family's outlet is, its stories are drawn from the article grammar.
The pages go to OUT/pages/*.txt and the gold to OUT/gold/*.json, in the format of the sample
pages' gold, so `shared/tools/score.py --pages OUT/pages --gold OUT/gold` scores them.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from fangzhi.sim.catalogue import Outlet, load_catalogue
from fangzhi.sim.families import Family, split_families
from fangzhi.sim.grammar import write_story
from fangzhi.sim.layout import Artifacts
from fangzhi.sim.page import print_page
from fangzhi.sim.truth import StoryTruth
from fangzhi.sim.world import division_table, make_world

MUNICIPALITIES = ("11", "12", "31", "50")
# How often each kind of story is printed on a page of local news.
KIND_WEIGHTS = {
    "meeting-standing-committee": 3,
    "meeting-executive": 3,
    "meeting-special": 3,
    "inspection": 5,
    "reception": 3,
    "ceremony": 3,
    "congress": 2,
    "teleconference": 2,
    "multi-event": 2,
    "notice": 1,
    "commentary": 1,
    "interview": 1,
    "feature": 3,
}


@dataclass(frozen=True, slots=True)
class SetManifest:
    split: str
    seed: int
    pages: int
    articles: int
    families: tuple[str, ...]


@cache
def _divisions() -> dict[str, str]:
    return dict(division_table() or ())


def jurisdiction(outlet: Outlet) -> tuple[str, str, tuple[str, ...]]:
    """(province, city, counties) of the place the outlet serves, from the national divisions."""
    table = _divisions()
    codes = [c for c, n in table.items() if n == outlet.place]
    if not codes:
        codes = [c for c, n in sorted(table.items()) if n.startswith(outlet.province) and c.endswith("0000")]
    code = min(codes) if codes else "430400"
    prov = code[:2] + "0000"
    if code[:2] in MUNICIPALITIES:
        city = prov
    elif code.endswith("00"):
        city = code if not code.endswith("0000") else _first_city(table, code)
    else:
        city = code[:4] + "00"
    city_name = table.get(city, table.get(prov, ""))
    prefix = city[:2] if code[:2] in MUNICIPALITIES else city[:4]
    counties = tuple(n for c, n in sorted(table.items()) if c.startswith(prefix) and not c.endswith("00"))
    return table.get(prov, ""), city_name, counties or (city_name,)


def _first_city(table: dict[str, str], prov: str) -> str:
    cities = sorted(c for c in table if c[:2] == prov[:2] and c.endswith("00") and not c.endswith("0000"))
    return cities[0] if cities else prov


def page_of(family: Family, seed: int, split: str, i: int, art: Artifacts) -> tuple[str, dict[str, object]]:
    rng = random.Random(f"{seed}/{split}/{i}")
    province, city, counties = jurisdiction(family.outlet)
    world = make_world(rng, province, city, counties)
    issue = date(2016, 1, 1) + timedelta(days=rng.randrange(3650))
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())
    stories: list[StoryTruth] = []
    used: set[str] = set()  # the page's stock lines, each printed once
    for _ in range(rng.randint(3, 7)):
        # a page never prints one story twice: a kind whose story repeats a head already printed
        # (a page's world has one firm, one park…) is drawn again, a few times at most
        for _attempt in range(4):
            kind = rng.choices(kinds, weights)[0]
            when = issue - timedelta(days=rng.choice((0, 0, 1)))
            story = write_story(rng, world, when, kind, used)
            if story.headline is None or all(s.headline != story.headline for s in stories):
                break
        stories.append(story)
    if rng.random() < art.photo:
        stories.append(write_story(rng, world, issue - timedelta(days=1), "photo", used))
    name = f"{split}-{i:04d}.txt"
    return print_page(family, stories, rng, art, issue, rng.randint(1, 8), name)


def write_set(split: str, n: int, seed: int, out: Path, art: Artifacts | None = None) -> SetManifest:
    """n pages of the split's families, with gold, written under out/pages and out/gold."""
    families = split_families(load_catalogue())[split]
    if not families:
        raise ValueError(f"no family in the {split} set")
    art = art or Artifacts()
    (out / "pages").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    articles = 0
    for i in range(n):
        family = families[i % len(families)]
        text, gold = page_of(family, seed, split, i, art)
        stem = f"{split}-{i:04d}"
        (out / "pages" / f"{stem}.txt").write_text(text, encoding="utf-8")
        (out / "gold" / f"{stem}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        articles += len(gold["articles"])  # type: ignore[arg-type]
    manifest = SetManifest(split, seed, n, articles, tuple(f.name for f in families))
    record: dict[str, object] = asdict(manifest)
    if changed := art.changed():  # a set printed at other rates than the default says which
        record["artifacts"] = changed
    (out / "manifest.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest
