"""One exception tree with stable codes.

    FangzhiError
    └── SourceError              a page file cannot be read as a page        source.*
        ├── UnreadableFile       missing, a directory, no permission          source.unreadable
        ├── EmptyFile            zero bytes or only white space               source.empty
        ├── FileTooLarge         over Settings.max_page_bytes                 source.too_large
        ├── BinaryFile           NUL bytes or control characters: not text    source.binary
        ├── UndecodableFile      no encoding decodes it cleanly               source.undecodable
        ├── NoChineseText        decodes, but holds no Chinese to read        source.no_chinese
        ├── UnreadableImage      a scan that is no image, or truncated        source.bad_image
        └── ImageTooLarge        more pixels than Settings.max_image_pixels   source.image_too_large

Stages below the sources never raise these: they record `Problem`s and go on.
"""

from __future__ import annotations


class FangzhiError(Exception):
    code = "fangzhi.error"

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message

    def __reduce__(self) -> tuple[type[FangzhiError], tuple[str, str]]:
        # rebuilt from both fields: a page's error crosses processes when Dask parses it
        return type(self), (self.path, self.message)


class SourceError(FangzhiError):
    code = "source.error"


class UnreadableFile(SourceError):
    code = "source.unreadable"


class EmptyFile(SourceError):
    code = "source.empty"


class FileTooLarge(SourceError):
    code = "source.too_large"


class BinaryFile(SourceError):
    code = "source.binary"


class UndecodableFile(SourceError):
    code = "source.undecodable"


class NoChineseText(SourceError):
    code = "source.no_chinese"


class UnreadableImage(SourceError):
    code = "source.bad_image"


class ImageTooLarge(SourceError):
    code = "source.image_too_large"
