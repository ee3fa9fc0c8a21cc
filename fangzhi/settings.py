"""One settings object, passed down; no globals, nothing read at import time."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from datetime import date


@dataclass(frozen=True)
class Settings:
    max_page_bytes: int = field(
        default=8 * 1024 * 1024,
        metadata={"help": "largest page file read; a newspaper page is tens of KB, so more is not a page"},
    )
    t2s: bool = field(
        default=False, metadata={"help": "convert traditional characters to simplified (OpenCC)"}
    )
    issue_date: date | None = field(
        default=None, metadata={"help": "date of the issue; anchors relative dates and years"}
    )
    publication: str | None = field(
        default=None, metadata={"help": "name of the paper, for 本报 and ids when the page does not say"}
    )
    extract_facts: bool = field(
        default=True,
        metadata={"help": "read facts (people, events, …) as well as articles; off to parse only"},
    )
    learned: bool = field(
        default=True,
        metadata={
            "help": "decide articles with the learned boundary and tail models; off: the rules alone, "
            "left to right (a baseline)"
        },
    )
    max_line_chars: int = field(
        default=20_000,
        metadata={
            "help": "longest line read as one; a longer one (OCR that lost its line breaks) is read in "
            "pieces of about this length, with a problem that says so"
        },
    )
    page_suffixes: tuple[str, ...] = field(
        default=(".txt", ".text", ".md", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf"),
        metadata={"help": "file endings taken as pages inside folders (scans are read by OCR)"},
    )
    max_image_bytes: int = field(
        default=64 * 1024 * 1024,
        metadata={"help": "largest scan file read (a page as PNG, JPEG, TIFF or PDF)"},
    )
    ocr_threads: int = field(
        default=0,
        metadata={
            "help": "threads each OCR engine runs on (0: one per CPU); a Dask ingest on N local workers "
            "gives each a share of the CPUs, so that they do not crowd each other"
        },
    )
    max_image_pixels: int = field(
        default=40_000_000,
        metadata={
            "help": "most pixels a page image may have, checked before it is decoded: a newspaper page "
            "at 400 dpi has about 30 million"
        },
    )

    def reading_key(self) -> str:
        """The settings that change what a page is read as: a stored page read under other ones is
        read again."""
        issue = self.issue_date.isoformat() if self.issue_date else ""
        pub, facts = self.publication or "", int(self.extract_facts)
        key = f"t2s={int(self.t2s)};issue={issue};publication={pub};facts={facts}"
        if self.max_line_chars != Settings.max_line_chars:
            key += f";line={self.max_line_chars}"  # the default leaves keys of stored pages as they were
        key = key if self.learned else key + ";rules"
        return key

    @classmethod
    def help(cls) -> dict[str, str]:
        return {f.name: str(f.metadata.get("help", "")) for f in fields(cls)}


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity, which a container or taskset narrows)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
