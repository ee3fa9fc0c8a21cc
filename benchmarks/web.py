"""The web app under load: latency, throughput and errors of article and search pages with 50
concurrent clients, on loopback only: article and search pages, their JSON twins, and the
browsing pages (the front page, an issue's page).

Run on demand (not part of the test suite; try ``--articles 5000 --seconds 10`` first):

    .venv/bin/python benchmarks/web.py [--db PATH] [--articles 100000] [--seconds 30] [--clients 50]
        [--ingest-workers N] [--workers auto,1] [--check] [--json PATH]

The archive is ``--db`` when that file exists; otherwise one is built with benchmarks/archive.py's
generator (``--articles`` articles recombined from the sample pages and ingested, stopping at the
``--budget``), kept at ``--db`` when given and deleted afterwards when not. The server is started on
127.0.0.1 (a free port) as ``fangzhi serve --workers N``: first with fangzhi serve's default (one
process per CPU), on which the targets are judged, then with one worker for comparison. After a
warm-up, ``--clients`` asyncio tasks sharing one aiohttp session loop over a mix of requests until
``--seconds`` have passed (starting one after another over the first ``--ramp`` seconds, as readers
arrive, not in one burst; and going on, up to ten times as long, until every kind of request has
``--judge-min`` requests, 500 by default, to judge its p95 on): article pages, search pages,
their JSON twins under /api/, the front page and issue pages. Each
client is a reader: after a page it reads for ``--think`` seconds on average (exponentially
distributed, as load tools such as Locust model users) before the next request, so 50 clients offer
a bounded load of about 50 / (think + latency) requests a second; the targets are judged on that
run. A back-to-back run follows (``--saturate`` seconds, no reading time) and reports the server's
capacity, with no target. Every request has a timeout; the client never follows a redirect and
ignores proxy settings, so nothing but 127.0.0.1 is ever addressed. Before the first load, one
client's requests in turn give the unloaded times; after the last, the search queries are run in
process, one at a time, with each SQL statement of a search page timed."""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import math
import os
import platform
import random
import secrets
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
DEFAULT_PAGES = REPO_ROOT.parent / "shared" / "seeds"
HOST = "127.0.0.1"  # the only address this benchmark talks to; deliberately not an option

# what each client asks for, by weight: a reader opens an article for about every search
MIX = {"article": 35, "search": 35, "api_article": 10, "api_search": 10, "home": 5, "issue": 5}
LABELS = {
    "article": "article HTML",
    "search": "search HTML",
    "api_article": "api article",
    "api_search": "api search",
    "home": "front page",
    "issue": "issue page",
}
# p95, under; the front page and an issue's are browsing pages, judged as search is
TARGET_MS = {
    "article": 100.0,
    "api_article": 100.0,
    "search": 200.0,
    "api_search": 200.0,
    "home": 200.0,
    "issue": 200.0,
}
JUDGE_MIN = 500  # a kind's p95 is judged on at least this many requests
IDS = 2000  # article ids sampled from the archive
SETTLE_S = 60.0  # after the warm-up, the server is given this long to go idle, else restarted
SOLO_S = 180.0  # the one-client pass stops after this long, or --solo requests
SOLO_SETTLE_S = 30.0  # after a timeout in the one-client pass, the server may finish this long
QUERIES = 500  # search queries generated from the archive's vocabulary


def load_archive_bench() -> ModuleType:
    """benchmarks/archive.py as a module (its generator, ingest and query maker)."""
    name = "fangzhi_bench_archive"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, HERE / "archive.py")
    if spec is None or spec.loader is None:
        raise SystemExit("benchmarks/archive.py is missing: it builds the archive and the queries")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


# --- the archive ----------------------------------------------------------------------------------


def build_archive(
    bench: ModuleType,
    db: Path,
    articles: int,
    pages: Path,
    seed: int,
    budget: float,
    tmp: Path,
    workers: int = 0,
) -> dict[str, Any]:
    material, seed_pages = bench.read_material(pages)
    if not material.leads or not material.sentences:
        raise SystemExit(f"no usable sample pages in {pages}: pass --pages DIR")
    t0 = time.perf_counter()
    folder = tmp / "pages"
    paths, gen = bench.write_corpus(bench.Generator(material, seed), folder, articles)
    generated_s = time.perf_counter() - t0
    print(f"generated {gen.pages:,} pages, {gen.articles:,} articles in {generated_s:.1f} s", file=sys.stderr)
    ing = bench.ingest(db, paths, budget, workers)
    shutil.rmtree(folder, ignore_errors=True)
    print(f"ingested {ing.articles:,} articles in {ing.seconds:.1f} s", file=sys.stderr)
    return {
        "built": True,
        "requested": articles,
        "generated_articles": gen.articles,
        "seed_pages": seed_pages,
        "generate_s": generated_s,
        "ingest_s": ing.seconds,
        "ingest_articles_per_s": ing.articles_per_s,
        "stopped_at_budget": ing.stopped_at_budget,
        "budget_s": budget,
        "ingest_workers": workers,
    }


def _ro(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db.resolve()}?mode=ro", uri=True)


@dataclass(frozen=True)
class Workload:
    ids: list[str]
    searches: list[Any]  # archive.py's Q: shape, text, date_from, date_to, person, place
    issues: list[str]  # /issue/… paths of issues the archive holds


def sample_workload(bench: ModuleType, db: Path, seed: int) -> tuple[Workload, dict[str, int]]:
    """Article ids drawn from the archive, and archive.py's latency queries over its vocabulary
    (2-char words, names, terms, phrases, AND, OR, exclusions, single characters, date ranges,
    person and place filters, in archive.py's proportions)."""
    rng = random.Random(seed)
    conn = _ro(db)
    try:
        rowids = [r[0] for r in conn.execute("SELECT rowid FROM articles")]
        pages = conn.execute("SELECT COUNT(*) FROM pages").fetchone()[0]
        if not rowids:
            raise SystemExit("the archive holds no articles")
        picked = rng.sample(rowids, min(IDS, len(rowids)))
        ids = [_by_rowid(conn, "SELECT id FROM articles WHERE rowid = ?", r)[0] for r in picked]
        docs = []
        for r in rng.sample(rowids, min(300, len(rowids))):
            row = _by_rowid(
                conn,
                "SELECT rowid, id, date, publication, kicker, headline, subtitle, body "
                "FROM articles WHERE rowid = ?",
                r,
            )
            docs.append(bench.Doc(row[0], row[1], row[2], row[3], " ".join(p for p in row[4:7] if p), row[7]))
    finally:
        conn.close()
    vocab = bench.vocab(db, docs, rng)
    searches = bench.latency_queries(vocab, rng, QUERIES)
    return Workload(ids, searches, _issue_paths(db, rng)), {"articles": len(rowids), "pages": int(pages)}


def _issue_paths(db: Path, rng: random.Random) -> list[str]:
    """Issues to browse, drawn from every paper's: what a reader opens from the front page."""
    from fangzhi import browse

    conn = _ro(db)
    try:
        paths = [
            f"/issue/{quote(i.publication, safe='')}/{i.date}"
            for p in browse.collection(conn).papers
            for i in browse.paper_issues(conn, p.publication) or ()
            if i.date
        ]
    finally:
        conn.close()
    return rng.sample(paths, min(IDS, len(paths))) or ["/"]


def _by_rowid(conn: sqlite3.Connection, sql: str, rowid: int) -> tuple[Any, ...]:
    row = conn.execute(sql, (rowid,)).fetchone()
    return tuple(row)


def request_for(kind: str, rng: random.Random, w: Workload) -> tuple[str, dict[str, str], str, str]:
    """(path, query parameters, query shape, label) of one request of this kind."""
    if kind == "home":
        return "/", {}, "home", "/"
    if kind == "issue":
        path = rng.choice(w.issues)
        return path, {}, "issue", path
    if kind in ("article", "api_article"):
        aid = rng.choice(w.ids)
        prefix = "/article/" if kind == "article" else "/api/articles/"
        return prefix + quote(aid, safe=""), {}, "article", aid
    q = rng.choice(w.searches)
    params = {"q": q.text}
    for key, value in (("from", q.date_from), ("to", q.date_to), ("person", q.person), ("place", q.place)):
        if value:
            params[key] = value
    roll = rng.random()
    if roll < 0.1:  # newest first
        params["sort"] = "date"
    elif roll < 0.2:  # the second results page
        if kind == "search":
            params["page"] = "2"
        else:
            params["offset"] = "20"
    label = " ".join(f"{k}={v}" for k, v in params.items())
    return ("/search" if kind == "search" else "/api/search"), params, q.shape, label


# --- the server -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


class Server:
    """`fangzhi serve --workers N` on 127.0.0.1."""

    def __init__(self, db: Path, workers: int, log: Path) -> None:
        self.db = db
        self.workers = workers
        self.port = free_port()
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def name(self) -> str:
        return f"fangzhi serve --workers {self.workers}"

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "fangzhi.cli",
            "serve",
            "--db",
            str(self.db),
            "--workers",
            str(self.workers),
        ]

    def start(self, ready_s: float = 90.0) -> None:
        import httpx

        cmd = [*self.command(), "--host", HOST, "--port", str(self.port)]
        # a token of its own: the server writes none beside the archive
        env = {**os.environ, "FANGZHI_TOKEN": secrets.token_urlsafe(24)}
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=REPO_ROOT, start_new_session=True
            )
        until = time.monotonic() + ready_s
        with httpx.Client(base_url=f"http://{HOST}:{self.port}", trust_env=False, timeout=5.0) as http:
            while time.monotonic() < until:
                if self.proc.poll() is not None:
                    break
                try:
                    if http.get("/api/articles", params={"limit": 1}).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                time.sleep(0.2)
        tail = self.log.read_text(encoding="utf-8", errors="replace")[-2000:]
        self.stop()
        raise SystemExit(f"{self.name} did not come up on port {self.port}:\n{tail}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGINT)  # uvicorn's graceful shutdown, worker processes included
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)  # its own session: only what it started
            self.proc.wait(5)

    def wait_idle(self, most_s: float) -> bool:
        """Wait until the server has finished what it was asked (a request whose client gave up at
        its timeout still runs to the end): its CPU under 5% of a core over half a second. False
        when it is still busy after `most_s` seconds."""
        start = time.perf_counter()
        before = self.cpu_seconds()
        if before is None:
            return True
        while time.perf_counter() - start < most_s:
            time.sleep(0.5)
            now = self.cpu_seconds()
            if now is None or now - before < 0.025:
                return True
            before = now
        return False

    def settle(self, most_s: float) -> str:
        """Idle, or restarted when still busy after `most_s` seconds; says which."""
        start = time.perf_counter()
        if self.wait_idle(most_s):
            return f"idle after {time.perf_counter() - start:.1f} s"
        self.stop()
        self.start()
        return f"still busy after {most_s:g} s with abandoned requests: restarted"

    def cpu_seconds(self) -> float | None:
        """User + system CPU of the server and its worker processes so far (Linux /proc)."""
        if self.proc is None:
            return None
        return tree_cpu_seconds(self.proc.pid)


def machine_busy_seconds() -> float | None:
    """CPU time all processes of the machine have used, summed over its cores (Linux /proc/stat)."""
    try:
        first = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in first[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def tree_cpu_seconds(root: int) -> float | None:
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    children: dict[int, list[int]] = defaultdict(list)
    ticks: dict[int, int] = {}
    for d in proc.iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "
        pid = int(d.name)
        children[int(fields[1])].append(pid)
        ticks[pid] = int(fields[11]) + int(fields[12])  # utime, stime
    if root not in ticks:
        return None
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += ticks.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total / os.sysconf("SC_CLK_TCK")


# --- the load -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    kind: str
    shape: str
    ms: float
    error: str | None
    label: str


async def _load(
    port: int,
    w: Workload,
    clients: int,
    seconds: float,
    timeout: float,
    seed: str,
    max_requests: int | None = None,
    after_timeout: Callable[[], object] | None = None,
    think: float = 0.0,
    ramp: float = 0.0,
    min_per_kind: int = 0,
) -> tuple[list[Sample], float]:
    aiohttp = _aiohttp()
    samples: list[Sample] = []
    examples: dict[str, str] = {}  # an exception's message, one per kind of exception
    kinds, weights = list(MIX), list(MIX.values())
    async with aiohttp.ClientSession(
        f"http://{HOST}:{port}",
        connector=aiohttp.TCPConnector(limit=clients),  # a kept-alive connection per client
        trust_env=False,  # no proxy from the environment: loopback only
    ) as http:
        start = time.perf_counter()
        deadline = start + seconds
        # past `seconds`, the load goes on until every kind has `min_per_kind` requests to judge
        # its p95 on, up to ten times as long
        hard_stop = start + seconds * (10 if min_per_kind else 1)
        counts: Counter[str] = Counter()

        def more() -> bool:
            now = time.perf_counter()
            if now < deadline:
                return True
            return now < hard_stop and any(counts[k] < min_per_kind for k in MIX)

        async def client(i: int) -> None:
            rng = random.Random(f"{seed}-{i}")
            if ramp > 0:  # readers arrive over the first seconds, not in one burst
                await asyncio.sleep(ramp * i / clients)
            while more():
                if max_requests is not None and len(samples) >= max_requests:
                    return
                kind = rng.choices(kinds, weights)[0]
                path, params, shape, label = request_for(kind, rng, w)
                accept = "application/json" if kind.startswith("api_") else "text/html"
                error = None
                t0 = time.perf_counter()
                try:
                    async with asyncio.timeout(timeout):  # the whole request, body included
                        async with http.get(
                            path, params=params, headers={"accept": accept}, allow_redirects=False
                        ) as r:
                            await r.read()
                    if not 200 <= r.status < 300:
                        error = f"HTTP {r.status}"
                except TimeoutError:
                    error = "timeout"
                except (aiohttp.ClientError, OSError) as e:
                    error = type(e).__name__
                    examples.setdefault(error, f"{path}: {e!r}"[:200])
                samples.append(Sample(kind, shape, (time.perf_counter() - t0) * 1000, error, label))
                counts[kind] += 1
                if error == "timeout" and after_timeout is not None:
                    await asyncio.to_thread(after_timeout)
                if think > 0:  # a reader reads before the next click: exponential, mean `think`
                    await asyncio.sleep(
                        min(rng.expovariate(1 / think), max(0.0, hard_stop - time.perf_counter()))
                    )

        try:
            await asyncio.wait_for(
                asyncio.gather(*(client(i) for i in range(clients))), hard_stop - start + ramp + timeout + 30
            )
        except TimeoutError:  # cannot happen with every request bounded; never hang regardless
            print("load: stopped at the hard deadline", file=sys.stderr)
        elapsed = time.perf_counter() - start
    for error, text in examples.items():
        print(f"  {error}: for example {text}", file=sys.stderr)
    return samples, elapsed


def _aiohttp() -> ModuleType:
    """aiohttp, the load's client: its C parser costs the shared CPUs a quarter of what httpx's
    async client does per request (measured 1 ms against 3.6 ms at 47 requests/s), time that
    would otherwise be counted as the server's latency."""
    try:
        import aiohttp
    except ImportError:
        raise SystemExit("benchmarks/web.py needs aiohttp: pip install -e '.[dev,bench]'") from None
    return aiohttp


def load(
    port: int,
    w: Workload,
    clients: int,
    seconds: float,
    timeout: float,
    seed: str,
    max_requests: int | None = None,
    after_timeout: Callable[[], object] | None = None,
    think: float = 0.0,
    ramp: float = 0.0,
    min_per_kind: int = 0,
) -> tuple[list[Sample], float]:
    args = (port, w, clients, seconds, timeout, seed, max_requests, after_timeout, think, ramp, min_per_kind)
    return asyncio.run(_load(*args))


# --- figures --------------------------------------------------------------------------------------


def pct(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return 0.0
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def summary(samples: Sequence[Sample], elapsed: float) -> dict[str, Any]:
    ms = [s.ms for s in samples]
    errors = Counter(s.error for s in samples if s.error)
    return {
        "requests": len(samples),
        "req_per_s": len(samples) / elapsed if elapsed else 0.0,
        "median_ms": statistics.median(ms) if ms else 0.0,
        "p95_ms": pct(ms, 95),
        "p99_ms": pct(ms, 99),
        "max_ms": max(ms, default=0.0),
        "errors": sum(errors.values()),
        "error_kinds": dict(errors),
    }


def by_kind(samples: Sequence[Sample], elapsed: float) -> dict[str, dict[str, Any]]:
    out = {k: summary([s for s in samples if s.kind == k], elapsed) for k in MIX}
    out["all"] = summary(samples, elapsed)
    return out


def by_shape(samples: Sequence[Sample], elapsed: float) -> dict[str, dict[str, Any]]:
    """Search requests (HTML and API together) by the shape of their query."""
    shapes: dict[str, list[Sample]] = defaultdict(list)
    for s in samples:
        if s.kind in ("search", "api_search"):
            shapes[s.shape].append(s)
    return {shape: summary(rows, elapsed) for shape, rows in shapes.items()}


def print_kinds(table: dict[str, dict[str, Any]]) -> None:
    head = (
        f"  {'kind':<13} {'requests':>8} {'req/s':>7} {'median':>8} {'p95':>8} {'p99':>8} {'max':>8} "
        f"{'errors':>6}"
    )
    print(head)
    print("  " + "-" * (len(head) - 2))
    for kind, s in table.items():
        label = LABELS.get(kind, kind)
        print(
            f"  {label:<13} {s['requests']:>8,} {s['req_per_s']:>7.1f} {s['median_ms']:>8.1f} "
            f"{s['p95_ms']:>8.1f} {s['p99_ms']:>8.1f} {s['max_ms']:>8.1f} {s['errors']:>6}"
        )
    errors: Counter[str] = Counter()
    for kind, s in table.items():
        if kind != "all":
            errors.update(s["error_kinds"])
    if errors:
        print("  errors: " + ", ".join(f"{k} x{n}" for k, n in errors.most_common()))


def print_shapes(table: dict[str, dict[str, Any]]) -> None:
    print(f"  {'search query shape':<16} {'requests':>8} {'median':>8} {'p95':>8} {'p99':>8} {'max':>8}")
    for shape, s in sorted(table.items(), key=lambda kv: -kv[1]["median_ms"]):
        print(
            f"  {shape:<16} {s['requests']:>8,} {s['median_ms']:>8.1f} {s['p95_ms']:>8.1f} "
            f"{s['p99_ms']:>8.1f} {s['max_ms']:>8.1f}"
        )


# --- where a search's time goes: each SQL statement, in process, no load ----------------------------


class _Rows:
    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows

    def fetchone(self) -> Any:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[Any]:
        return self.rows

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)


class TimedConnection(sqlite3.Connection):
    """Runs each statement to its last row and notes how long that took."""

    log: list[tuple[str, float]]

    def execute(self, sql: str, params: Any = (), /) -> Any:  # type: ignore[override]
        t0 = time.perf_counter()
        try:
            rows = super().execute(sql, params).fetchall()
        finally:  # an interrupted statement counts too, at the time it ran
            self.log.append((statement_label(sql), (time.perf_counter() - t0) * 1000))
        return _Rows(rows)


# (a fragment of the SQL, the statement's label, the part of the page it belongs to), first match wins
_STATEMENTS = (
    ("JOIN mentions m ON m.article_id = j.value", "facet person", "facets"),
    ("JOIN places p ON p.article_id = j.value", "facet place", "facets"),
    ("SELECT a.id, a.kind, a.publication FROM json_each", "facet kind/paper", "facets"),
    ("SELECT a.rowid FROM articles a WHERE", "filter: its articles", "filter"),
    ("EXISTS (SELECT 1 FROM articles_fts", "filter: each tested", "filter"),
    ("SELECT COUNT(*) FROM (SELECT f.rowid", "total (capped)", "total"),
    ("SELECT COUNT(*) FROM (SELECT rowid FROM articles_fts", "phrase df (IDF)", "rank"),
    ("ORDER BY f.rowid DESC LIMIT :n", "newest matches", "rank"),
    ("FROM json_each(?) j JOIN articles a", "fetch articles", "rank"),
    ("FROM corpus", "corpus totals", "rank"),
)


def statement_label(sql: str) -> str:
    return next((label for frag, label, _ in _STATEMENTS if frag in sql), "other")


def statement_part(label: str) -> str:
    return next((part for _, lab, part in _STATEMENTS if lab == label), "other")


def breakdown(db: Path, w: Workload, n: int, cap_s: float) -> dict[str, Any]:
    """query.search (total, then the page of hits) and query.facets, as the search page calls them,
    for n of the workload's queries. A query running over cap_s is interrupted: it is listed on its
    own, with the statement it was stopped in, and left out of the statement figures."""
    from fangzhi import query

    conn = sqlite3.connect(f"file:{db.resolve()}?mode=ro", uri=True, factory=TimedConnection)
    conn.row_factory = sqlite3.Row
    conn.log = []
    until = [math.inf]
    conn.set_progress_handler(lambda: 1 if time.perf_counter() > until[0] else 0, 10_000)
    statements: dict[str, list[float]] = defaultdict(list)
    shapes: dict[str, list[dict[str, float]]] = defaultdict(list)
    interrupted: list[dict[str, str]] = []
    try:
        for q in w.searches[:n]:
            f = query.Filters(date_from=q.date_from, date_to=q.date_to, person=q.person, place=q.place)
            conn.log = []
            until[0] = time.perf_counter() + cap_s
            t0 = time.perf_counter()
            try:
                query.search(conn, q.text, f, limit=20, mark=("\ue000", "\ue001"), with_facets=True)
            except query.QueryError:
                label = " ".join(x for x in (q.text, q.date_from, q.date_to, q.person, q.place) if x)
                stopped_in = conn.log[-1][0] if conn.log else "?"
                interrupted.append({"shape": q.shape, "query": label, "statement": stopped_in})
                continue
            whole = (time.perf_counter() - t0) * 1000
            parts: dict[str, float] = defaultdict(float)
            for label, ms in conn.log:
                statements[label].append(ms)
                parts[statement_part(label)] += ms
            shapes[q.shape].append({"whole": whole, **parts})
    finally:
        conn.close()
    grand = sum(sum(v) for v in statements.values()) or 1.0

    def med(rows: list[dict[str, float]], key: str) -> float:
        return statistics.median(r.get(key, 0.0) for r in rows)

    return {
        "queries": min(n, len(w.searches)),
        "cap_s": cap_s,
        "interrupted": interrupted,
        "statements": {
            label: {
                "n": len(v),
                "median_ms": statistics.median(v),
                "p95_ms": pct(v, 95),
                "max_ms": max(v),
                "share": sum(v) / grand,
            }
            for label, v in sorted(statements.items(), key=lambda kv: -sum(kv[1]))
        },
        "shapes": {
            shape: {
                "n": len(rows),
                "median_ms": med(rows, "whole"),
                "p95_ms": pct([r["whole"] for r in rows], 95),
                "max_ms": max(r["whole"] for r in rows),
                "median_filter_ms": med(rows, "filter"),
                "median_total_ms": med(rows, "total"),
                "median_rank_ms": med(rows, "rank"),
                "median_facets_ms": med(rows, "facets"),
            }
            for shape, rows in sorted(shapes.items(), key=lambda kv: -med(kv[1], "whole"))
        },
    }


def print_breakdown(b: dict[str, Any]) -> None:
    done = b["queries"] - len(b["interrupted"])
    print(
        f"\nwhere a search page's database time goes: {b['queries']} of the queries, one at a time, in "
        "process, no load\n(query.search: the filter's articles, the total, the page of hits ranked; "
        "query.facets; ms; "
        f"over the {done} that finished within {b['cap_s']:g} s)"
    )
    print(f"  {'statement':<20} {'n':>5} {'median':>8} {'p95':>8} {'max':>8} {'share':>6}")
    for label, s in b["statements"].items():
        print(
            f"  {label:<20} {s['n']:>5} {s['median_ms']:>8.1f} {s['p95_ms']:>8.1f} {s['max_ms']:>8.1f} "
            f"{s['share']:>6.0%}"
        )
    print(
        f"  {'by query shape':<20} {'n':>5} {'median':>8} {'p95':>8} {'max':>8} | medians: "
        f"{'filter':>7} {'total':>7} {'rank':>7} {'facets':>7}"
    )
    for shape, s in b["shapes"].items():
        print(
            f"  {shape:<20} {s['n']:>5} {s['median_ms']:>8.1f} {s['p95_ms']:>8.1f} {s['max_ms']:>8.1f} | "
            f"{'':>8} {s['median_filter_ms']:>7.1f} {s['median_total_ms']:>7.1f} {s['median_rank_ms']:>7.1f} "
            f"{s['median_facets_ms']:>7.1f}"
        )
    if b["interrupted"]:
        print(f"  interrupted at {b['cap_s']:g} s ({len(b['interrupted'])}):")
        for x in b["interrupted"]:
            print(f"    ({x['shape']}) {x['query']}  in {x['statement']}")


# --- verdicts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    server: str
    name: str
    value: float
    target: str
    passed: bool


def verdicts(server: str, kinds: dict[str, dict[str, Any]], least: int = JUDGE_MIN) -> list[Verdict]:
    out = [
        Verdict(
            server,
            f"{LABELS[k]} p95 ms ({kinds[k]['requests']} requests)",
            kinds[k]["p95_ms"],
            f"< {TARGET_MS[k]:g} on >= {least}",
            kinds[k]["requests"] >= least and kinds[k]["p95_ms"] < TARGET_MS[k],
        )
        for k in MIX
    ]
    errors = kinds["all"]["errors"]
    out.append(Verdict(server, "errors", errors, "= 0", errors == 0))
    return out


# --- main -----------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument(
        "--db", type=Path, help="the archive to serve; built there (and kept) if it does not exist"
    )
    p.add_argument("--articles", type=int, default=100_000, help="articles to build (default 100000)")
    p.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of *.txt sample pages")
    p.add_argument("--seed", type=int, default=1, help="seed of the generator and the requests (default 1)")
    p.add_argument("--budget", type=float, default=900.0, help="seconds the build's ingest may take (900)")
    p.add_argument(
        "--ingest-workers",
        type=int,
        default=0,
        help="build the archive with its pages parsed on a local Dask cluster of N processes, as "
        "`fangzhi ingest --workers N` does (default 0: in this process)",
    )
    p.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    p.add_argument("--seconds", type=float, default=30.0, help="seconds of measured load (default 30)")
    p.add_argument("--warmup", type=float, default=5.0, help="seconds of unmeasured load first (default 5)")
    p.add_argument("--timeout", type=float, default=10.0, help="seconds a request may take (default 10)")
    p.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="mean seconds a client reads before its next request (exponential; default 1; 0: back to back)",
    )
    p.add_argument(
        "--saturate",
        type=float,
        default=15.0,
        help="seconds of back-to-back load after the measured run, for capacity (default 15; 0: none)",
    )
    p.add_argument(
        "--workers",
        default="auto,1",
        help="`fangzhi serve --workers N` configurations, comma-separated; auto: its default, one per "
        "CPU (default: auto,1; the first is judged)",
    )
    p.add_argument(
        "--solo", type=int, default=200, help="requests from one client first, for the unloaded time (200)"
    )
    p.add_argument(
        "--breakdown", type=int, default=200, help="queries timed statement by statement at the end (200)"
    )
    p.add_argument(
        "--ramp",
        type=float,
        default=5.0,
        help="seconds over which the clients start, one after another (default 5)",
    )
    p.add_argument(
        "--judge-min",
        type=int,
        default=JUDGE_MIN,
        help=f"requests of each kind a p95 is judged on; the load lasts until each has them ({JUDGE_MIN})",
    )
    p.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    p.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from fangzhi.web.app import default_workers

    try:
        workers = [
            default_workers() if x.strip() == "auto" else int(x) for x in args.workers.split(",") if x.strip()
        ]
    except ValueError:
        workers = []
    workers = list(dict.fromkeys(workers))  # auto may be 1 as well
    if not workers or min(workers) < 1 or args.clients < 1 or args.seconds <= 0 or args.articles < 10:
        print(
            "--workers needs numbers >= 1, --clients >= 1, --seconds > 0, --articles >= 10", file=sys.stderr
        )
        return 2
    args.workers = workers
    with tempfile.TemporaryDirectory(prefix="fangzhi-web-bench-") as tmp:
        return run(args, Path(tmp))


def run(args: argparse.Namespace, tmp: Path) -> int:
    started = time.perf_counter()
    print(f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs")
    bench = load_archive_bench()
    db: Path = args.db or tmp / "archive.db"
    if db.exists():
        archive: dict[str, Any] = {"built": False}
    else:
        archive = build_archive(
            bench, db, args.articles, args.pages, args.seed, args.budget, tmp, args.ingest_workers
        )
    w, counts = sample_workload(bench, db, args.seed)
    archive.update(counts)
    if archive["built"]:
        stopped = (
            " (STOPPED at the --budget: N is what was ingested by then)"
            if archive["stopped_at_budget"]
            else ""
        )
        print(
            f"\narchive: {counts['articles']:,} articles on {counts['pages']:,} pages, built with "
            f"benchmarks/archive.py's generator (asked {args.articles:,}; ingest "
            f"{archive['ingest_s']:,.0f} s, {archive['ingest_articles_per_s']:,.0f} articles/s"
            + (f", parsed by {args.ingest_workers} Dask workers" if args.ingest_workers else "")
            + f"){stopped}"
        )
    else:
        print(f"\narchive: {counts['articles']:,} articles on {counts['pages']:,} pages (given: {db.name})")
    mix = ", ".join(f"{LABELS[k]} {v}%" for k, v in MIX.items())
    print(
        f"load: {args.clients} clients for {args.seconds:g} s after {args.warmup:g} s of warm-up, on {HOST}; "
        f"request timeout {args.timeout:g} s\nmix: {mix}; {len(w.ids):,} article ids, "
        f"{len(w.searches)} queries (archive.py's shapes; 10% newest first, 10% the second page)"
    )

    report: dict[str, Any] = {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
        "archive": archive,
        "config": {
            "clients": args.clients,
            "seconds": args.seconds,
            "warmup_s": args.warmup,
            "timeout_s": args.timeout,
            "think_s": args.think,
            "saturate_s": args.saturate,
            "seed": args.seed,
            "mix": MIX,
            "targets_p95_ms": TARGET_MS,
        },
        "servers": [],
    }
    results: list[Verdict] = []
    for n, workers in enumerate(args.workers):
        server = Server(db, workers, tmp / f"server-{workers}.log")
        print(f"\n== {server.name} on {HOST}:{server.port}", flush=True)
        server.start()
        try:
            entry: dict[str, Any] = {"server": server.name, "workers": workers}
            if args.warmup > 0:
                load(server.port, w, args.clients, args.warmup, args.timeout, f"warmup-{args.seed}")
                entry["after_warmup"] = server.settle(SETTLE_S)
                print(f"warm-up done; the server {entry['after_warmup']}")
            if n == 0 and args.solo > 0:
                solo, solo_s = load(
                    server.port,
                    w,
                    1,
                    SOLO_S,
                    args.timeout,
                    f"solo-{args.seed}",
                    args.solo,
                    after_timeout=partial(server.wait_idle, SOLO_SETTLE_S),
                )
                entry["solo"] = by_kind(solo, solo_s)
                print(
                    f"one client, {len(solo)} requests in turn, waiting up to {SOLO_SETTLE_S:g} s for the "
                    "server to go idle after a timeout (the time a request takes unloaded, ms):"
                )
                print_kinds(entry["solo"])
                entry["after_solo"] = server.settle(SETTLE_S)
                print(f"the server {entry['after_solo']}")
            cpu0, all0, mine0 = server.cpu_seconds(), machine_busy_seconds(), time.process_time()
            wall0 = time.perf_counter()
            samples, elapsed = load(
                server.port,
                w,
                args.clients,
                args.seconds,
                args.timeout,
                f"load-{args.seed}",
                think=args.think,
                ramp=args.ramp,
                min_per_kind=args.judge_min,
            )
            cpu1, all1, mine1 = server.cpu_seconds(), machine_busy_seconds(), time.process_time()
            wall1 = time.perf_counter()
            if args.saturate > 0:
                server.settle(SETTLE_S)
                flat, flat_s = load(
                    server.port, w, args.clients, args.saturate, args.timeout, f"flat-{args.seed}"
                )
                entry["saturated"] = by_kind(flat, flat_s)
        finally:
            server.stop()
        kinds = by_kind(samples, elapsed)
        shapes = by_shape(samples, elapsed)
        server_cpu = (cpu1 - cpu0) / (wall1 - wall0) if cpu0 is not None and cpu1 is not None else None
        client_cpu = (mine1 - mine0) / (wall1 - wall0)
        others = None
        if server_cpu is not None and all0 is not None and all1 is not None:
            others = max(0.0, (all1 - all0) / (wall1 - wall0) - server_cpu - client_cpu)
        cpus = os.cpu_count() or 1
        print(
            f"{args.clients} clients, {elapsed:.1f} s, each reading {args.think:g} s on average between "
            "requests (ms; req/s over the whole run):"
        )
        print_kinds(kinds)
        if server_cpu is not None:
            print(
                f"  CPU, in cores of {cpus}: server {server_cpu:.2f} ({server_cpu / cpus:.0%}), "
                f"this load generator {client_cpu:.2f}"
                + (f", everything else on the machine {others:.2f}" if others is not None else "")
            )
        print_shapes(shapes)
        if "saturated" in entry:
            print(
                f"capacity: {args.clients} clients back to back (no reading time), {args.saturate:g} s, "
                "no target:"
            )
            print_kinds(entry["saturated"])
        print("  slowest requests:")
        for s in sorted(samples, key=lambda s: -s.ms)[:8]:
            error = f"  {s.error}" if s.error else ""
            print(f"    {s.ms:>8.1f} ms  {LABELS[s.kind]:<12} ({s.shape}) {s.label}{error}")
        entry.update(
            {
                "elapsed_s": elapsed,
                "kinds": kinds,
                "search_shapes": shapes,
                "server_cpu_cores": server_cpu,
                "client_cpu_cores": client_cpu,
                "other_cpu_cores": others,
                "slowest": [asdict(s) for s in sorted(samples, key=lambda s: -s.ms)[:20]],
            }
        )
        v = verdicts(server.name, kinds, args.judge_min)
        entry["targets"] = [asdict(x) for x in v]
        results += v
        report["servers"].append(entry)

    if args.breakdown > 0:
        report["breakdown"] = breakdown(db, w, args.breakdown, cap_s=args.timeout)
        print_breakdown(report["breakdown"])

    print()
    for x in results:
        print(f"{'PASS' if x.passed else 'FAIL'}  {x.server}: {x.name} = {x.value:,.1f} (target {x.target})")
    if len(report["servers"]) > 1:
        best = max(report["servers"], key=lambda e: e["kinds"]["all"]["req_per_s"])
        print(f"most throughput: {best['server']} ({best['kinds']['all']['req_per_s']:.1f} req/s)")
    report["total_s"] = time.perf_counter() - started
    print(f"\nwhole run {report['total_s']:,.0f} s")
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if args.check and not all(x.passed for x in results) else 0


if __name__ == "__main__":
    sys.exit(main())
