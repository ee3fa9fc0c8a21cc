"""The archive: one SQLite file (WAL, FTS5), written one page per transaction."""

from fangzhi.store.store import IngestResult, Store

__all__ = ["IngestResult", "Store"]
