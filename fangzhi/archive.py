"""The archive as a Python API: fangzhi.open_archive(path).search(...), .person(...), .chronicle(...).

    >>> from fangzhi import open_archive
    >>> with open_archive("fangzhi.db") as archive:          # doctest: +SKIP
    ...     archive.ingest(["../shared/seeds"])
    ...     page = archive.search("安全生产")
    ...     [h.headline for h in page.hits]

The CLI, the HTTP API and the web app are thin layers over these methods.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fangzhi import query
from fangzhi import reprints as _reprints
from fangzhi.answers import IngestCounts, PersonRow, StoredArticle
from fangzhi.distributed import Cluster, parse_on_dask, parse_path
from fangzhi.errors import SourceError
from fangzhi.model import ParsedPage
from fangzhi.reprints import ReprintCluster, ReprintMember
from fangzhi.settings import Settings
from fangzhi.store.store import IngestResult, Store

DEFAULT_DB = "fangzhi.db"


@dataclass
class IngestSummary:
    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: int = 0
    articles: int = 0
    persons: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, r: IngestResult) -> None:
        setattr(self, r.status, getattr(self, r.status) + 1)
        self.articles += r.articles
        self.persons += r.persons
        self.events += r.events

    def as_dict(self) -> IngestCounts:
        return IngestCounts(
            new=self.new,
            unchanged=self.unchanged,
            replaced=self.replaced,
            failed=self.failed,
            articles=self.articles,
            persons=self.persons,
            events=self.events,
        )


class Archive:
    def __init__(
        self, path: str | os.PathLike[str] = DEFAULT_DB, *, readonly: bool = False, find_reprints: bool = True
    ) -> None:
        self.store = Store(Path(path), readonly=readonly, find_reprints=find_reprints)
        self.conn = self.store.conn

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def ingest(
        self,
        paths: Sequence[str | os.PathLike[str]],
        settings: Settings | None = None,
        *,
        progress: Callable[[str, IngestResult | SourceError], None] | None = None,
        cluster: Cluster | None = None,
    ) -> IngestSummary:
        """Parse and store every page the paths name, one transaction per page; files that are
        no page are reported in the summary and skipped. With `cluster`, pages are parsed on Dask
        (fangzhi.distributed) and stored here, in the same order and to the same rows."""
        from fangzhi.read.sources import iter_page_paths

        settings = settings or Settings()
        reading = settings.reading_key()
        items = (self._sort_out(item, settings, reading) for item in iter_page_paths(paths, settings))
        results: Iterator[tuple[str, ParsedPage | tuple[ParsedPage, ...] | SourceError | IngestResult]]
        if cluster is None:
            results = (_parse_one(item, settings) for item in items)
        else:
            results = parse_on_dask(items, settings, cluster)
        summary = IngestSummary()
        for path, parsed in results:
            if isinstance(parsed, SourceError):
                summary.failed += 1
                summary.errors.append(f"{parsed.path}: {parsed.message} [{parsed.code}]")
                if progress:
                    progress(parsed.path, parsed)
                continue
            if isinstance(parsed, IngestResult):
                stored = [parsed]
            else:  # a scan of several pages stores each as a page of its own
                pages = parsed if isinstance(parsed, tuple) else (parsed,)
                stored = [self._store(page, reading) for page in pages]
            for result in stored:
                summary.add(result)
                if progress:
                    progress(path, result)
        return summary

    def _store(self, parsed: ParsedPage, reading: str) -> IngestResult:
        issue = parsed.issue_date.isoformat() if parsed.issue_date else None
        return self.store.ingest(
            parsed, parsed.page_id, publication=parsed.publication, issue_date=issue, reading=reading
        )

    def _sort_out(
        self, item: Path | SourceError, settings: Settings, reading: str
    ) -> Path | tuple[str, SourceError | IngestResult]:
        """A page to parse; or what is already known of it: why it is no page, or that the
        archive holds it as this parser reads it under these settings (so it is not parsed)."""
        from fangzhi.read.sources import file_digest

        if isinstance(item, SourceError):
            return item.path, item
        digest = file_digest(item, settings)
        page_id = None if digest is None else self.store.known(item.name, digest, reading)
        return item if page_id is None else (str(item), IngestResult(page_id, "unchanged"))

    # ------------------------------------------------------------------ reading

    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
        window: int = query.RANK_WINDOW,
        **filters: str | None,
    ) -> query.SearchPage:
        """Articles matching `text` (see fangzhi.search): filters are date_from, date_to, person,
        place, publication and kind; `window` is how many of the newest matches BM25 ranks."""
        return query.search(
            self.conn, text, query.Filters(**filters), limit=limit, offset=offset, sort=sort, window=window
        )

    def article(self, article_id: str) -> StoredArticle | None:
        return query.article(self.conn, article_id)

    def person(self, name: str) -> list[query.PersonView]:
        return query.person(self.conn, name)

    def people(
        self,
        *,
        post: str | None = None,
        place: str | None = None,
        name: str | None = None,
        limit: int = 200,
        offset: int = 0,
    ) -> list[PersonRow]:
        return query.people(self.conn, post=post, place=place, name=name, limit=limit, offset=offset)

    def chronicle(
        self, date_from: str | None = None, date_to: str | None = None, *, partial: bool | None = None
    ) -> list[query.ChronicleEntry]:
        return query.chronicle(self.conn, date_from, date_to, partial=partial)

    def reprints(self, *, limit: int = 100, offset: int = 0) -> list[ReprintCluster]:
        """Stories printed more than once: clusters of articles, largest first (fangzhi.reprints)."""
        return _reprints.clusters(self.conn, limit=limit, offset=offset)

    def also_printed(self, article_id: str) -> list[ReprintMember]:
        """The article's other printings (另见), in printing order."""
        return _reprints.also_printed(self.conn, article_id)

    def find_reprints(self) -> int:
        """Look up the other printings of articles stored without (reprints off, or before
        fangzhi found reprints); returns how many articles were looked at."""
        return _reprints.index_missing(self.conn)

    def counts(self) -> dict[str, int]:
        """How many of each the archive holds (events counted once across reprints)."""
        tables = (
            "pages",
            "articles",
            "persons",
            "events",
            "documents",
            "slogans",
            "places",
            "figures",
            "directives",
        )
        # events: an event reported by several printings of one story is one (counted_events)
        source = {"events": "counted_events"}
        return {
            t: int(self.conn.execute(f"SELECT COUNT(*) FROM {source.get(t, t)}").fetchone()[0])
            for t in tables
        }


def _parse_one(
    item: Path | tuple[str, SourceError | IngestResult], settings: Settings
) -> tuple[str, ParsedPage | tuple[ParsedPage, ...] | SourceError | IngestResult]:
    return item if isinstance(item, tuple) else parse_path(str(item), settings)


def open_archive(
    path: str | os.PathLike[str] = DEFAULT_DB, *, readonly: bool = False, find_reprints: bool = True
) -> Archive:
    """Open (creating and migrating if need be) the archive at `path`. `find_reprints`: look up
    each new article's other printings as it is stored (fangzhi.reprints); off, ingest is quicker
    and reprints.index_missing() can find them later."""
    return Archive(path, readonly=readonly, find_reprints=find_reprints)
