"""Canonical, readable ids derived from the page and the position on it.

Re-parsing a page gives the same ids, so a store can be idempotent on them.
"""

from __future__ import annotations

import functools
import re

_SAFE = re.compile(r"[^0-9A-Za-z_-]+")


def page_key(name: str, sha256: str) -> str:
    """The page file's stem when it is a readable ASCII name, else the start of its hash."""
    stem = name.rsplit("/", 1)[-1]
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    safe = _SAFE.sub("-", stem).strip("-").lower()
    if safe and len(safe) >= len(stem) / 2:  # mostly readable: keep it (a Chinese name is not)
        return safe[:64]
    return "p" + (sha256[:12] or "0" * 12)


# an archive holds a few papers: each name's pinyin is read once, not for every page
@functools.lru_cache(maxsize=256)
def publication_slug(publication: str) -> str:
    """衡阳晚报 → hywb: the initials of the paper's name in pinyin (ASCII names kept, lowered)."""
    from pypinyin import Style, lazy_pinyin

    letters = "".join(lazy_pinyin(publication, style=Style.FIRST_LETTER, errors="ignore"))
    return _SAFE.sub("", letters.lower())[:16] or "paper"


@functools.lru_cache(maxsize=65536)
def name_pinyin(name: str) -> str:
    """朱健 → 'zhujian zj': a name's pinyin run together, then its initials, for a reader who types
    either (people lookup)."""
    from pypinyin import Style, lazy_pinyin

    full = "".join(lazy_pinyin(name, errors="ignore")).lower()
    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore")).lower()
    return f"{full} {initials}"


def page_id(name: str, sha256: str, publication: str | None, issue_date: str | None) -> str:
    """hywb-2023-11-17-p01: paper, issue and the file's own name; the parts not known are left out."""
    parts = [publication_slug(publication)] if publication else []
    if issue_date:
        parts.append(issue_date)
    parts.append(page_key(name, sha256))
    return "-".join(parts)


def article_id(page: str, n: int) -> str:
    return f"{page}-a{n:02d}"
