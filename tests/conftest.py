"""Shared fixtures: the sample pages and their gold live in ../shared, never copied here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
DATA = Path(__file__).resolve().parent / "data"


def seed_pages() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []


def gold_for(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD / (page.stem + ".json")).read_text(encoding="utf-8"))
    return data


needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the project")
