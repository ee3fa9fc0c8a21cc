"""Scanned pages → page text with each character's box: the OCR front end.

`images` reads scan files (PNG, JPEG, TIFF, PDF) and refuses what is none; `engine` recognises
text lines with RapidOCR; `layout` orders them into columns and reading order and writes the page
text the parser reads, with a `BoxMap` (`boxes`) from text offsets back to the image; `render` sets
page text as a page image, for tests and benchmarks.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from fangzhi.model import PageImage, RawPage
from fangzhi.ocr.layout import PageLayout
from fangzhi.settings import Settings

ENCODING = "ocr:rapidocr PP-OCRv6"  # what pages.encoding records for a page read from a scan
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf")  # files read as scans


def is_image_path(path: str | os.PathLike[str]) -> bool:
    """Whether a page file is a scan, to be read by OCR: by its suffix, as folders are walked."""
    return os.fspath(path).lower().endswith(IMAGE_SUFFIXES)


@dataclass(frozen=True)
class OcrPage:
    """One scanned page read: its text as a RawPage for the parser, and its image with the boxes."""

    raw: RawPage
    image: PageImage
    layout: PageLayout


def ocr_file(path: str | os.PathLike[str], settings: Settings | None = None) -> list[OcrPage]:
    """Every page of a scan file recognised and laid out; a SourceError when it is no scan."""
    from fangzhi.ocr.engine import recognise
    from fangzhi.ocr.images import read_scans
    from fangzhi.ocr.layout import lay_out

    settings = settings or Settings()
    out: list[OcrPage] = []
    for scan in read_scans(path, max_bytes=settings.max_image_bytes, max_pixels=settings.max_image_pixels):
        layout = lay_out(recognise(scan.image, settings.ocr_threads))
        raw = RawPage(scan.path, layout.text, ENCODING, scan.sha256, scan.file_bytes)
        width, height = scan.size
        out.append(OcrPage(raw, PageImage(scan.data, scan.media_type, width, height, layout.boxes), layout))
    return out
