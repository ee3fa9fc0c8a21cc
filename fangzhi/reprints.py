"""Reprints: the same story printed by more than one paper (日报 and 晚报, or many papers and
portals), found at ingest by MinHash-LSH over character shingles and kept as clusters.

Each article's body, its Han characters, letters and digits alone (punctuation, spaces and line
breaks are where OCR and layout differ), is cut into overlapping 5-character shingles; a MinHash
signature of NUM_PERM values estimates the Jaccard similarity of two articles' shingle sets
(datasketch's MinHash, scheme affine32; the shingles are hashed in numpy, many times quicker
than SHA-1 over each in Python, and the permutations are drawn once, not for every article).
The signature is cut into LSH bands as datasketch's MinHashLSH chooses them for THRESHOLD; each
band's hash is a row of reprint_bands.

Incremental: a new article looks up its own band hashes in the archive's index (an indexed
equality per band), never compares itself with everything stored; the candidates it shares a
band with are kept when their estimated similarity reaches THRESHOLD. It then joins the cluster
of its most similar match (clusters its matches belong to are merged into that one); each member
keeps the similarity of the match that brought it in. Articles on the same page are never each
other's reprints, and a body of fewer than MIN_CHARS characters is too short to tell.

Counting: an event reported by several copies of one story is one event. counted_events (schema
migration 14) leaves out an event when an earlier-printed copy in its cluster has an event of the
same type and date; the person pages, the network, the counts and the chronicle read it.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

SHINGLE = 5  # characters: long enough that boilerplate (会议强调，要) rarely makes two stories alike
NUM_PERM = 64  # signature values: ±0.06 on a similarity of 0.5; 256 bytes an article
THRESHOLD = 0.5  # estimated Jaccard of the shingle sets; a paragraph cut of five keeps ~0.8
MIN_CHARS = 80  # a shorter body (a caption, a fragment) shares too little to tell a reprint
SEED = 1
SCHEME = "affine32"  # datasketch's: 32-bit values, a bijective permutation of premixed hashes
# LSH bands × rows: what datasketch's MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM) chooses
# (a test checks it), written down because choosing takes it half a second of numeric integration
BANDS, ROWS = 14, 4
_DTYPE = np.dtype("<u4")  # how a signature is stored: NUM_PERM little-endian uint32
_MASK = np.uint64((1 << 32) - 1)
_KEPT = re.compile(r"[^\w]|_")  # what is not a Han character, letter or digit


@dataclass(frozen=True)
class Match:
    article_id: str
    similarity: float


@dataclass(frozen=True)
class ReprintMember:
    article_id: str
    page_id: str
    publication: str | None
    date: str | None
    headline: str | None
    similarity: float


@dataclass(frozen=True)
class ReprintCluster:
    cluster: int
    members: tuple[ReprintMember, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "cluster": self.cluster,
            "members": [m.__dict__ for m in self.members],
        }


# ---------------------------------------------------------------- signatures


@lru_cache(maxsize=1)
def _lsh() -> tuple[int, int, Any]:
    """(bands, rows per band, permutations)."""
    from datasketch import MinHash

    return BANDS, ROWS, MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def _minhash(hashvalues: Any = None) -> Any:
    from datasketch import MinHash

    _, _, perms = _lsh()  # made once: drawing them is most of a new MinHash's cost
    return MinHash(
        # hashfunc int: the shingles come hashed already (shingle_hashes); a builtin, as it is
        # called once a shingle
        num_perm=NUM_PERM,
        seed=SEED,
        hashfunc=int,
        hashvalues=hashvalues,
        permutations=perms,
        scheme=SCHEME,
    )


def shingle_hashes(text: str) -> Any:
    """The distinct 32-bit hashes of the text's SHINGLE-character shingles (letters and digits
    only): a polynomial over the code points, then mixed so that near shingles spread."""
    return _hashes(_KEPT.sub("", text))


def _hashes(kept: str) -> Any:
    if len(kept) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    points = np.frombuffer(kept.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    windows = np.lib.stride_tricks.sliding_window_view(points, SHINGLE)
    weights = np.array([pow(1_000_003, k, 1 << 64) for k in range(SHINGLE - 1, -1, -1)], dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrapping is the hash
        h = (windows * weights).sum(axis=1, dtype=np.uint64)
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return np.unique(h & _MASK)


def signature(text: str) -> Any | None:
    """The MinHash signature (NUM_PERM values) of a body, or None when it is too short to tell."""
    kept = _KEPT.sub("", text)
    if len(kept) < MIN_CHARS:
        return None
    m = _minhash()
    m.update_batch(_hashes(kept).tolist())
    return np.asarray(m.hashvalues, dtype=_DTYPE)


def similarity(one: Any, other: Any) -> float:
    """Estimated Jaccard similarity of two signatures (datasketch's MinHash.jaccard)."""
    return float(_minhash(one).jaccard(_minhash(other)))


def band_keys(sig: Any) -> list[int]:
    """One signed 64-bit key per LSH band: the band's number and values, hashed."""
    bands, rows, _ = _lsh()
    raw = np.asarray(sig, dtype=_DTYPE).tobytes()
    width = rows * _DTYPE.itemsize
    return [
        int.from_bytes(
            hashlib.blake2b(bytes([i]) + raw[i * width : (i + 1) * width], digest_size=8).digest(),
            "little",
            signed=True,
        )
        for i in range(bands)
    ]


def _blob(sig: Any) -> bytes:
    return bytes(np.asarray(sig, dtype=_DTYPE).tobytes())


def _unblob(blob: bytes) -> Any:
    return np.frombuffer(blob, dtype=_DTYPE)


# ---------------------------------------------------------------- at ingest


def index_article(conn: sqlite3.Connection, article_id: str, page_id: str, body: str) -> list[Match]:
    """Store the article's signature and bands, find what it reprints (or what reprints it)
    among the articles already stored, and put it in their cluster. Runs inside the page's
    transaction; returns its matches, most similar first."""
    sig = signature(body)
    if sig is None:
        return []
    keys = band_keys(sig)
    matches = _matches(conn, sig, keys, page_id)
    conn.execute("INSERT INTO reprint_signatures VALUES (?, ?)", (article_id, _blob(sig)))
    conn.executemany("INSERT INTO reprint_bands VALUES (?, ?)", [(k, article_id) for k in keys])
    if matches:
        _join(conn, article_id, matches)
    return matches


def _matches(conn: sqlite3.Connection, sig: Any, keys: Sequence[int], page_id: str) -> list[Match]:
    marks = ",".join("?" * len(keys))
    rows = conn.execute(
        "SELECT s.article_id, s.minhash FROM reprint_signatures s JOIN articles a ON a.id = s.article_id "
        f"WHERE s.article_id IN (SELECT DISTINCT article_id FROM reprint_bands WHERE key IN ({marks})) "
        "AND a.page_id != ?",
        (*keys, page_id),
    ).fetchall()
    found = [Match(str(r[0]), similarity(sig, _unblob(r[1]))) for r in rows]
    return sorted(
        (m for m in found if m.similarity >= THRESHOLD), key=lambda m: (-m.similarity, m.article_id)
    )


def _join(conn: sqlite3.Connection, article_id: str, matches: list[Match]) -> None:
    ids = [m.article_id for m in matches]
    marks = ",".join("?" * len(ids))
    known = dict(conn.execute(f"SELECT article_id, cluster FROM reprints WHERE article_id IN ({marks})", ids))
    if known:
        cluster = int(known.get(matches[0].article_id) or min(known.values()))
        others = sorted(set(known.values()) - {cluster})
        if others:  # the new article bridges clusters: one story, one cluster
            conn.execute(
                f"UPDATE reprints SET cluster = ? WHERE cluster IN ({','.join('?' * len(others))})",
                (cluster, *others),
            )
    else:
        cluster = int(conn.execute("SELECT COALESCE(MAX(cluster), 0) + 1 FROM reprints").fetchone()[0])
    conn.executemany(
        "INSERT INTO reprints (article_id, cluster, similarity, matched) VALUES (?, ?, ?, ?)",
        [(m.article_id, cluster, m.similarity, article_id) for m in matches if m.article_id not in known],
    )
    best = matches[0]
    conn.execute(
        "INSERT INTO reprints (article_id, cluster, similarity, matched) VALUES (?, ?, ?, ?)",
        (article_id, cluster, best.similarity, best.article_id),
    )


def clusters_of_page(conn: sqlite3.Connection, page_id: str) -> list[int]:
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT DISTINCT r.cluster FROM reprints r JOIN articles a ON a.id = r.article_id "
            "WHERE a.page_id = ?",
            (page_id,),
        )
    ]


def prune(conn: sqlite3.Connection, clusters: Sequence[int]) -> None:
    """Clusters left with one member (the others deleted with their page) are no clusters."""
    for cluster in clusters:
        conn.execute(
            "DELETE FROM reprints WHERE cluster = ? "
            "AND (SELECT COUNT(*) FROM reprints WHERE cluster = ?) < 2",
            (cluster, cluster),
        )


def index_missing(conn: sqlite3.Connection) -> int:
    """Index the articles stored without a signature (before migration 14, or by an ingest with
    reprints off), oldest first, one transaction; returns how many were looked at."""
    rows = conn.execute(
        "SELECT a.id, a.page_id, a.body FROM articles a WHERE NOT EXISTS "
        "(SELECT 1 FROM reprint_signatures s WHERE s.article_id = a.id) ORDER BY a.rowid"
    ).fetchall()
    conn.execute("BEGIN IMMEDIATE")
    try:
        for r in rows:
            index_article(conn, str(r[0]), str(r[1]), str(r[2]))
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return len(rows)


# ---------------------------------------------------------------- reading


_MEMBERS = (
    "SELECT r.cluster, a.id, a.page_id, a.publication, a.date, a.headline, r.similarity "
    "FROM reprints r JOIN articles a ON a.id = r.article_id "
)


def _member(r: Any) -> ReprintMember:
    return ReprintMember(str(r[1]), str(r[2]), r[3], r[4], r[5], round(float(r[6]), 3))


def clusters(conn: sqlite3.Connection, *, limit: int = 100, offset: int = 0) -> list[ReprintCluster]:
    """Clusters of reprints, largest first, then by their first printing; members in printing order."""
    ids = [
        int(r[0])
        for r in conn.execute(
            "SELECT r.cluster FROM reprints r JOIN articles a ON a.id = r.article_id GROUP BY r.cluster "
            "ORDER BY COUNT(*) DESC, MIN(a.rowid) LIMIT ? OFFSET ?",
            (limit, offset),
        )
    ]
    return [_cluster(conn, c) for c in ids]


def cluster_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT COUNT(DISTINCT cluster) FROM reprints").fetchone()[0])


def _cluster(conn: sqlite3.Connection, cluster: int) -> ReprintCluster:
    rows = conn.execute(_MEMBERS + "WHERE r.cluster = ? ORDER BY a.rowid", (cluster,)).fetchall()
    return ReprintCluster(cluster, tuple(_member(r) for r in rows))


def also_printed(conn: sqlite3.Connection, article_id: str) -> list[ReprintMember]:
    """The other printings of the article's story (另见), in printing order; [] when none."""
    rows = conn.execute(
        _MEMBERS + "WHERE r.cluster = (SELECT cluster FROM reprints WHERE article_id = ?) "
        "AND r.article_id != ? ORDER BY a.rowid",
        (article_id, article_id),
    ).fetchall()
    return [_member(r) for r in rows]
