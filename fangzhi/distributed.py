"""Parsing pages on a Dask cluster, for archives of many pages: `fangzhi ingest --workers N` or
`--scheduler ADDRESS`.

Reading, parsing and fact extraction are pure and independent page by page, so they run as Dask
tasks, a chunk of pages a task, on a local cluster of worker processes or on a cluster already
running (whose workers must see the page files at the same paths). Storing stays in the calling
process: SQLite takes one writer, and one page per transaction keeps an ingest safe to kill.

Items that are not paths (an error already known, a page known to be stored) pass through in
their place. Results come back in the order the pages were given, through a bounded window of chunks in
flight, so memory stays flat however many pages there are and the archive holds the same rows,
row ids included, as a serial ingest of the same pages.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, TypeVar

from fangzhi.errors import SourceError
from fangzhi.model import ParsedPage
from fangzhi.settings import Settings, usable_cpus

T = TypeVar("T")
Parsed = tuple[str, ParsedPage | tuple[ParsedPage, ...] | SourceError]  # a scan may hold several pages
Item = os.PathLike[str] | tuple[str, T]  # a page to parse, or (path, what is known of it already)


@dataclass(frozen=True)
class Cluster:
    """Where the tasks run: `scheduler`, the address of a running Dask scheduler; else a local
    cluster of `workers` processes (default: one per CPU). `chunk` pages a task; `in_flight`
    chunks a worker at most (more keeps workers busy while the writer catches up)."""

    workers: int | None = None
    scheduler: str | None = None
    chunk: int = 8
    in_flight: int = 4


def parse_path(path: str, settings: Settings) -> Parsed:
    """A page read and parsed (the pages, for a scan of several), or the SourceError saying why it
    is no page: what an ingest, serial or on Dask, does with each file."""
    from fangzhi.pipeline import parse_pages

    try:
        pages = parse_pages(path, settings)
    except SourceError as e:
        return path, e
    return path, pages[0] if len(pages) == 1 else pages


def parse_paths(paths: Sequence[str], settings: Settings) -> list[Parsed]:
    """One task's work, on a Dask worker: each page of its chunk through parse_path."""
    return [parse_path(path, settings) for path in paths]


def parse_on_dask(
    items: Iterable[Item[T]], settings: Settings, cluster: Cluster
) -> Iterator[tuple[str, ParsedPage | tuple[ParsedPage, ...] | SourceError | T]]:
    """(path, parsed page or SourceError) for every path among the items, parsed on the cluster;
    the other items, (path, anything), pass through in their place."""
    from dask.distributed import Client, LocalCluster

    local = None
    if cluster.scheduler:
        client = Client(cluster.scheduler)
    else:
        workers = cluster.workers or usable_cpus()
        if settings.ocr_threads == 0:  # each worker's OCR engine on its share of the CPUs, not all of them
            settings = replace(settings, ocr_threads=max(1, usable_cpus() // workers))
        local = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,  # parsing is Python: threads would share one interpreter lock
            processes=True,
            dashboard_address=None,
        )
        client = Client(local)
    try:
        yield from _ordered(client, items, settings, cluster)
    finally:
        client.close()
        if local is not None:
            local.close()


def _ordered(
    client: Any, items: Iterable[Item[T]], settings: Settings, cluster: Cluster
) -> Iterator[tuple[str, ParsedPage | tuple[ParsedPage, ...] | SourceError | T]]:
    workers = len(client.scheduler_info().get("workers", {})) or cluster.workers or 1
    window = workers * max(1, cluster.in_flight)
    pending: deque[tuple[list[Item[T]], Any]] = deque()  # each chunk beside its future, in order
    for chunk in _chunks(items, max(1, cluster.chunk)):
        paths = [os.fspath(x) for x in chunk if not isinstance(x, tuple)]
        future = client.submit(parse_paths, paths, settings, pure=False) if paths else None
        pending.append((chunk, future))
        if len(pending) >= window:
            yield from _result(*pending.popleft())
    while pending:
        yield from _result(*pending.popleft())


def _chunks(items: Iterable[Item[T]], size: int) -> Iterator[list[Item[T]]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _result(
    chunk: list[Item[T]], future: Any
) -> Iterator[tuple[str, ParsedPage | tuple[ParsedPage, ...] | SourceError | T]]:
    parsed = iter(future.result() if future is not None else ())
    for x in chunk:
        yield x if isinstance(x, tuple) else next(parsed)


__all__ = ["Cluster", "parse_on_dask", "parse_path", "parse_paths"]
