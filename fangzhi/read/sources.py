"""Finding page files and reading them into `RawPage`s.

A page's text is kept exactly as decoded (only a byte-order mark is dropped): later stages report
offsets into it, so nothing here may normalise line endings, white space or script.
"""

from __future__ import annotations

import codecs
import functools
import hashlib
import itertools
import os
import re
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from fangzhi.errors import (
    BinaryFile,
    EmptyFile,
    FileTooLarge,
    NoChineseText,
    SourceError,
    UndecodableFile,
    UnreadableFile,
)
from fangzhi.model import RawPage
from fangzhi.settings import Settings

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings a Chinese page may be in, most likely first (GB18030 decodes GBK and GB2312).
_LEGACY = ("gb18030", "big5", "utf-16-le", "utf-16-be")
# Decoded only when strict Big5 fails: Microsoft's superset, common in files written on Windows.
_BIG5_FALLBACK = "cp950"
# Wide encodings tried when the bytes hold NULs, which no ASCII-compatible text does.
_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
# charset-normalizer's names for the codecs it may rank.
_CN_NAMES = {
    "gb18030": "gb18030",
    "big5": "big5",
    "cp950": "cp950",
    "utf_16_le": "utf-16-le",
    "utf_16_be": "utf-16-be",
}
_LABELS = {
    "utf-8": "UTF-8",
    "gb18030": "GB18030",
    "big5": "Big5",
    "cp950": "CP950",
    "utf-16-le": "UTF-16-LE",
    "utf-16-be": "UTF-16-BE",
}

_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # C0 controls other than \t \n \f \r
_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0b\x0e-\x1f]")
# What a Chinese page is made of: ASCII, Latin (pinyin), Greek and Cyrillic, punctuation and symbols,
# CJK ideographs, kana, bopomofo and full-width forms. Wrong decodings produce Hangul, private-use
# characters, controls and other scripts instead.
_IMPLAUSIBLE = re.compile(
    "[^\t\n\f\r\x20-\x7e\u00a0-\u024f\u0370-\u04ff\u2000-\u27bf\u2e80-\u2fdf\u3000-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe6f\uff00-\uffef\U00020000-\U0003134f]"
)
_COMMON_MARKS = frozenset("—‘’“”…·")

_MIN_HAN = 2
_MIN_PLAUSIBLE = 0.9  # share of a decoding that must look like Chinese-page text
_MAX_CONTROL_SHARE = 0.01
_MIN_CONTROLS = 3  # a stray control character or two is OCR noise, not a binary file
_COMMON_MARGIN = 0.05  # decodings this close in commonness are tied; charset-normalizer breaks the tie
_SCORE_CHARS = 4000  # scoring a prefix is enough and keeps large pages fast


class _Undecodable(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _NotText(_Undecodable):
    pass


def read_page(path: str | os.PathLike[str], settings: Settings) -> RawPage:
    """Read and decode one page file, raising a `SourceError` when it cannot be a page."""
    name = os.fspath(path)
    size = _checked_size(name, settings.max_page_bytes)
    if size == 0:
        raise EmptyFile(name, "is empty (0 bytes)")
    data = _read_bytes(name, settings.max_page_bytes)
    try:
        text, encoding = _decode(data)
    except _NotText as e:
        raise BinaryFile(name, e.message) from None
    except _Undecodable as e:
        raise UndecodableFile(name, e.message) from None
    _check_content(name, text)
    digest = hashlib.sha256(data).hexdigest()
    return RawPage(path=name, text=text, encoding=encoding, sha256=digest, size=len(data))


def file_digest(path: str | os.PathLike[str], settings: Settings) -> str | None:
    """The SHA-256 of a page file's bytes, as read_page records it; None when the file cannot be
    read or is too large (read_page then says why)."""
    from fangzhi.ocr import is_image_path

    name = os.fspath(path)
    limit = settings.max_image_bytes if is_image_path(name) else settings.max_page_bytes
    try:
        return hashlib.sha256(_read_bytes(name, _checked_size(name, limit))).hexdigest()
    except SourceError:
        return None


def iter_page_paths(
    paths: Sequence[str | os.PathLike[str]], settings: Settings
) -> Iterator[Path | SourceError]:
    """Yield the page files named by `paths`, or an `UnreadableFile` for each entry that cannot be used.

    A file named explicitly is a page whatever its suffix; folders are walked in sorted order, taking
    files with one of `settings.page_suffixes` and skipping hidden entries.
    """
    suffixes = frozenset(s.lower() for s in settings.page_suffixes)
    for given in paths:
        name = os.fspath(given)
        try:
            st = os.stat(name)
        except OSError as e:
            yield UnreadableFile(name, _os_reason(e))
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(Path(name), suffixes, {(st.st_dev, st.st_ino)})
        else:
            yield Path(name)


# --- reading -------------------------------------------------------------------------------------


def _checked_size(name: str, limit: int) -> int:
    """Size of the file from stat, so an oversized or non-regular file is never opened."""
    try:
        st = os.stat(name)
    except OSError as e:
        raise UnreadableFile(name, _os_reason(e)) from None
    if stat.S_ISDIR(st.st_mode):
        raise UnreadableFile(name, "is a directory, not a page file")
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableFile(name, "is not a regular file")  # a FIFO or device would block or never end
    if st.st_size > limit:
        raise FileTooLarge(name, _too_large(st.st_size, limit))
    return st.st_size


def _read_bytes(name: str, limit: int) -> bytes:
    try:
        with open(name, "rb") as f:
            data = f.read(limit + 1)  # one byte more tells that the file grew past the limit since stat
    except OSError as e:
        raise UnreadableFile(name, _os_reason(e)) from None
    if len(data) > limit:
        raise FileTooLarge(name, f"grew past the {_human(limit)} limit for a page while being read")
    return data


def _os_reason(e: OSError) -> str:
    if isinstance(e, FileNotFoundError | NotADirectoryError):
        return "does not exist"
    if isinstance(e, PermissionError):
        return "cannot be read: permission denied"
    if isinstance(e, IsADirectoryError):
        return "is a directory, not a page file"
    return f"cannot be read: {e.strerror or e}"


def _too_large(size: int, limit: int) -> str:
    shown, cap = _human(size), _human(limit)
    if shown == cap:  # just over the limit: rounding would make the two look equal
        shown, cap = f"{size:,} bytes", f"{limit:,} bytes"
    return f"is {shown}, over the {cap} limit for a page (max_page_bytes)"


def _human(n: int) -> str:
    if n < 1024:
        return f"{n} bytes"
    value = float(n)
    for unit in ("KiB", "MiB", "GiB", "TiB"):
        value /= 1024
        if value < 1024 or unit == "TiB":
            break
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def _check_content(name: str, text: str) -> None:
    if not text.strip():
        raise EmptyFile(name, "holds only white space")
    controls = len(_CONTROL.findall(text))
    if _too_many_controls(controls, len(text)):
        raise BinaryFile(name, f"looks binary, not text ({controls} control characters)")
    han = sum(1 for _ in itertools.islice(_HAN.finditer(text), _MIN_HAN))  # counting further is wasted work
    if han < _MIN_HAN:
        raise NoChineseText(name, f"holds no Chinese text ({han} Chinese character{'' if han == 1 else 's'})")


def _too_many_controls(controls: int, length: int) -> bool:
    return controls >= _MIN_CONTROLS and controls > _MAX_CONTROL_SHARE * length


# --- decoding ------------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the codec that decodes `data` cleanly, trying the likeliest codecs first."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, codec), codec
    if b"\x00" in data:
        return _decode_wide(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = _decode_legacy(data)
    if decoded is not None:
        return decoded
    controls = len(_CONTROL_BYTES.findall(data))
    if _too_many_controls(controls, len(data)):
        raise _NotText(f"looks binary, not text ({controls} control characters)")
    tried = ", ".join(_LABELS[c] for c in ("utf-8", *_LEGACY[:2], _BIG5_FALLBACK, *_LEGACY[2:]))
    raise _Undecodable(f"no encoding decodes it cleanly (tried {tried})")


def _decode_with_bom(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        label = codec.removesuffix("-sig").upper()
        reason = (
            f"starts with a {label} byte-order mark but is not valid {label} (bad bytes at offset {e.start})"
        )
        raise _Undecodable(reason) from None


def _decode_wide(data: bytes) -> tuple[str, str]:
    """NUL bytes: UTF-16/32 without a byte-order mark, or not text at all."""
    best: tuple[float, str, str] | None = None
    for codec in _WIDE:
        text = _strict(data, codec)
        if text is None:
            continue
        score = _plausibility(text)
        if score >= _MIN_PLAUSIBLE and (best is None or score > best[0]):
            best = (score, text, codec)
    if best is None:
        raise _NotText("looks binary, not text (it holds NUL bytes and is not UTF-16 or UTF-32)")
    return best[1], best[2]


def _decode_legacy(data: bytes) -> tuple[str, str] | None:
    """Choose among the legacy codecs that decode `data` into text that looks like a Chinese page.

    Every Big5 byte sequence is also valid GB18030, and short GB2312 text is often valid Big5, so
    decoding cleanly proves little. The decoding whose characters are common Chinese wins; when two
    are about as common, charset-normalizer's ranking decides.
    """
    sane: dict[str, str] = {}
    for candidate in _LEGACY:
        codec, text = candidate, _strict(data, candidate)
        if text is None and candidate == "big5":
            codec, text = _BIG5_FALLBACK, _strict(data, _BIG5_FALLBACK)
        if text is not None and _plausibility(text) >= _MIN_PLAUSIBLE:
            sane[codec] = text
    if len(sane) <= 1:
        return next(((text, codec) for codec, text in sane.items()), None)
    common = {codec: _commonness(text) for codec, text in sane.items()}
    top = max(common.values())
    tied = [codec for codec in sane if common[codec] >= top - _COMMON_MARGIN]
    codec = _rank(data, tied)[0]
    return sane[codec], codec


def _rank(data: bytes, codecs_: list[str]) -> list[str]:
    """`codecs_` in charset-normalizer's order of preference; those it rejects keep our order, last."""
    if len(codecs_) == 1:
        return codecs_
    from charset_normalizer import from_bytes  # imported late: it is slow to import and rarely needed

    wanted = [cn for cn, ours in _CN_NAMES.items() if ours in codecs_]
    ranked = [_CN_NAMES[m.encoding] for m in from_bytes(data, cp_isolation=wanted) if m.encoding in _CN_NAMES]
    ranked = [c for c in ranked if c in codecs_]
    return ranked + [c for c in codecs_ if c not in ranked]


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _plausibility(text: str) -> float:
    """Share of characters a Chinese page is made of."""
    sample = text[:_SCORE_CHARS]
    if not sample:
        return 1.0
    return 1 - len(_IMPLAUSIBLE.findall(sample)) / len(sample)


def _commonness(text: str) -> float:
    """Share of non-ASCII characters that are everyday Chinese: wrong decodings give rare characters."""
    wide = [ch for ch in text[:_SCORE_CHARS] if ord(ch) > 0x7F]
    if not wide:
        return 0.0
    return sum(map(_is_common, wide)) / len(wide)


@functools.lru_cache(maxsize=16384)
def _is_common(ch: str) -> bool:
    """A CJK punctuation mark, or a level-1 character of GB2312 (simplified) or Big5 (traditional)."""
    o = ord(ch)
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or ch in _COMMON_MARKS:
        return True
    gb = _encoded(ch, "gb2312")
    if gb is not None and 0xB0 <= gb[0] <= 0xD7:  # level 1: rows 16-55, the 3,755 commonest characters
        return True
    big5 = _encoded(ch, "big5")
    return big5 is not None and 0xA440 <= int.from_bytes(big5, "big") <= 0xC67E  # 常用字, 5,401 characters


def _encoded(ch: str, codec: str) -> bytes | None:
    try:
        return ch.encode(codec)
    except UnicodeEncodeError:
        return None


# --- walking folders ----------------------------------------------------------------------------


def _walk(folder: Path, suffixes: frozenset[str], seen: set[tuple[int, int]]) -> Iterator[Path | SourceError]:
    """Depth-first, sorted by name; `seen` holds the folders entered, so linked folders cannot loop."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield UnreadableFile(str(folder), _listing_reason(e))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if _is_dir(entry):
            key = _identity(entry)
            if key is not None and key not in seen:
                seen.add(key)
                yield from _walk(path, suffixes, seen)
            elif key is not None:  # said, not walked silently: a link back to a folder being read
                yield UnreadableFile(
                    str(path), "links to a folder already read (a loop or a second way in): skipped"
                )
        elif Path(entry.name).suffix.lower() in suffixes:
            yield path if _exists(entry) else UnreadableFile(str(path), "is a broken link")


def _listing_reason(e: OSError) -> str:
    if isinstance(e, PermissionError):
        return "cannot list folder: permission denied"
    return f"cannot list folder: {e.strerror or e}"


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _identity(entry: os.DirEntry[str]) -> tuple[int, int] | None:
    try:
        st = entry.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _exists(entry: os.DirEntry[str]) -> bool:
    try:
        entry.stat()
    except OSError:
        return False
    return True
