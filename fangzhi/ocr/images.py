"""Reading scanned page files (PNG, JPEG, TIFF, PDF) into page images, refusing what is no scan.

Each refusal is a `SourceError` naming the file in one line, so a batch reports it and goes on.
The pixel count is checked from the file's header, before anything is decoded: a 20,000 × 20,000
image would take over a gigabyte to decode, and no newspaper page needs a tenth of that.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace

from PIL import Image, ImageChops, ImageOps, ImageSequence, UnidentifiedImageError

from fangzhi.errors import EmptyFile, FileTooLarge, ImageTooLarge, UnreadableFile, UnreadableImage

PDF_DPI = 200  # a PDF page rasterised at this resolution: body type of a newspaper comes out about 25 px high
_SHOWN_AS_IS = {"PNG": "image/png", "JPEG": "image/jpeg"}  # formats a browser shows: kept as they came


@dataclass(frozen=True)
class Scan:
    """One page image of a scan file. `data` is the image as the archive keeps it (the file's own
    bytes for PNG and JPEG, else the page encoded as PNG), `media_type` its type."""

    path: str  # the file, with -pN before the suffix for page N of a file of several pages
    image: Image.Image
    data: bytes
    media_type: str
    file_bytes: int
    sha256: str  # the file's hash for a file of one page (as a text page's); else of the file and page

    @property
    def size(self) -> tuple[int, int]:
        return self.image.size


def read_scans(path: str | os.PathLike[str], *, max_bytes: int, max_pixels: int) -> list[Scan]:
    """The page images of one scan file; a `SourceError` when it cannot be read as one."""
    name = os.fspath(path)
    data = _read(name, max_bytes)
    pages = list(
        _pdf_pages(name, data, max_pixels) if data[:5] == b"%PDF-" else _image_pages(name, data, max_pixels)
    )
    digest = hashlib.sha256(data).hexdigest()
    if len(pages) == 1:
        return [replace(pages[0], sha256=digest)]
    return [
        replace(p, sha256=hashlib.sha256(f"{digest}#p{i + 1}".encode()).hexdigest())
        for i, p in enumerate(pages)
    ]


def _read(name: str, limit: int) -> bytes:
    try:
        st = os.stat(name)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableFile(name, "is not a regular file")
        if st.st_size == 0:
            raise EmptyFile(name, "is empty (0 bytes)")
        if st.st_size > limit:
            raise FileTooLarge(name, f"is {st.st_size:,} bytes, over the {limit:,} a page image may be")
        with open(name, "rb") as f:
            return f.read(limit + 1)
    except FileNotFoundError:
        raise UnreadableFile(name, "does not exist") from None
    except PermissionError:
        raise UnreadableFile(name, "cannot be read: permission denied") from None
    except IsADirectoryError:
        raise UnreadableFile(name, "is a directory, not a page file") from None
    except OSError as e:
        raise UnreadableFile(name, f"cannot be read: {e.strerror or e}") from None


def _image_pages(name: str, data: bytes, max_pixels: int) -> Iterator[Scan]:
    try:
        img = Image.open(io.BytesIO(data))  # reads the header only
    except Image.DecompressionBombError:  # Pillow's own guard, far above ours: refused all the same
        raise ImageTooLarge(
            name, f"has more pixels than the {max_pixels:,} a page image may have (max_image_pixels)"
        ) from None
    except UnidentifiedImageError:
        raise UnreadableImage(name, "is not an image this can read (PNG, JPEG, TIFF or PDF)") from None
    except (OSError, ValueError, SyntaxError) as e:
        raise UnreadableImage(name, f"is not an image this can read: {_why(e)}") from None
    frames = getattr(img, "n_frames", 1)
    for i, frame in enumerate(ImageSequence.Iterator(img)):
        _check_pixels(name, frame.size, max_pixels)
        try:
            # decodes: a truncated or damaged file fails here. Turned upright as its EXIF says, as a
            # browser shows it, so the boxes fall where the reader sees the text
            page = ImageOps.exif_transpose(frame).convert("RGB")
        except (OSError, ValueError, SyntaxError) as e:
            raise UnreadableImage(name, f"is truncated or damaged: {_why(e)}") from None
        fmt = img.format or ""
        if frames == 1 and fmt in _SHOWN_AS_IS:
            yield Scan(name, page, data, _SHOWN_AS_IS[fmt], len(data), "")
        else:
            yield Scan(_nth(name, i, frames), page, _png(page), "image/png", len(data), "")


def _pdf_pages(name: str, data: bytes, max_pixels: int) -> Iterator[Scan]:
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise UnreadableImage(name, f"is not a PDF this can read: {_why(e)}") from None
    try:
        count = len(doc)
        if count == 0:
            raise UnreadableImage(name, "is a PDF of no pages")
        scale = PDF_DPI / 72
        for i in range(count):
            page = doc[i]
            width, height = page.get_size()  # in points: checked before anything is drawn
            _check_pixels(_nth(name, i, count), (round(width * scale), round(height * scale)), max_pixels)
            try:
                image = page.render(scale=scale).to_pil().convert("RGB")
            except pdfium.PdfiumError as e:
                raise UnreadableImage(name, f"page {i + 1} cannot be drawn: {_why(e)}") from None
            yield Scan(_nth(name, i, count), image, _png(image), "image/png", len(data), "")
    finally:
        doc.close()


def _check_pixels(name: str, size: tuple[int, int], max_pixels: int) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise UnreadableImage(name, f"is an image of no pixels ({width} × {height})")
    if width * height > max_pixels:
        raise ImageTooLarge(
            name,
            f"is {width:,} × {height:,} pixels, over the {max_pixels:,} a page image may have "
            "(max_image_pixels)",
        )


def _nth(name: str, i: int, count: int) -> str:
    """Page i of a file of `count` pages: scan.pdf → scan-p2.pdf, so each page has a name of its own."""
    if count == 1:
        return name
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}-p{i + 1}.{suffix}" if dot and "/" not in suffix else f"{name}-p{i + 1}"


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.convert("L" if _grey(image) else "RGB").save(out, "PNG", optimize=False)
    return out.getvalue()


def _grey(image: Image.Image) -> bool:
    """Whether the page is printed in greys only (most are): a PNG of one channel is a third the size."""
    r, g, b = image.convert("RGB").resize((64, 64)).split()
    return ImageChops.difference(r, g).getbbox() is None and ImageChops.difference(g, b).getbbox() is None


def _why(e: BaseException) -> str:
    return str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
