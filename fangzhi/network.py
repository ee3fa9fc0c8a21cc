"""Who appears with whom: the archive's people as a weighted graph, for Gephi, Cytoscape or d3.

>>> from fangzhi.network import build_network, write_network
>>> g = build_network(archive.conn, min_weight=2)          # doctest: +SKIP
>>> write_network(g, "gexf", "people.gexf")                # doctest: +SKIP
(52, 125)
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from itertools import combinations
from typing import Any, TextIO

import networkx as nx
from networkx.readwrite import json_graph

from fangzhi.answers import Network, NetworkEdge, NetworkNode
from fangzhi.textout import write_text

FORMATS = ("gexf", "graphml", "json")
ARTICLE_WEIGHT = 1  # added to an edge for each article both people appear in
EVENT_WEIGHT = 2  # added for each event both hold a role in (presided, spoke or attended)
POST_SEPARATOR = "；"

Pair = tuple[str, str]


def build_network(conn: sqlite3.Connection, person: str | None = None, min_weight: int = 1) -> nx.Graph:
    """The people of the archive and who appears with whom.

    Nodes are persons, keyed by persons.key, with `name`, `articles` (how many articles
    mention them) and `posts` (their titles, first seen first, joined with "；").

    An edge joins two people who appear in the same article or hold roles in the same event (the
    printings of one story count as one article, and their events once);
    its `weight` is 1 for each article they share plus 2 for each event they share (taking part
    in the same meeting says more than being named in the same story), and `articles` and
    `events` count each. Edges lighter than `min_weight` are left out; people stay as nodes even
    when they lose all their edges.

    With `person` (a key, or a name, which takes every key of that name) the graph is that
    person's ego network: them, their neighbours and the edges among all of these. A person the
    archive does not know is a ValueError.
    """
    g = nx.Graph()
    for key, attrs in _nodes(conn):
        g.add_node(key, **attrs)
    # a story printed by several papers is one story and its events one set (fangzhi.reprints)
    shared_articles = _pair_counts(
        conn,
        "SELECT DISTINCT COALESCE('c' || r.cluster, m.article_id), m.person_id FROM mentions m "
        "LEFT JOIN reprints r ON r.article_id = m.article_id WHERE m.referenced = 0",
    )
    shared_events = _pair_counts(
        conn,
        "SELECT DISTINCT r.event_id, r.person_id FROM event_roles r "
        "JOIN counted_events e ON e.id = r.event_id WHERE r.person_id IS NOT NULL",
    )
    for a, b in shared_articles.keys() | shared_events.keys():
        n_articles, n_events = shared_articles.get((a, b), 0), shared_events.get((a, b), 0)
        weight = ARTICLE_WEIGHT * n_articles + EVENT_WEIGHT * n_events
        if weight >= min_weight:
            g.add_edge(a, b, weight=weight, articles=n_articles, events=n_events)
    return g if person is None else _ego(g, conn, person)


def _nodes(conn: sqlite3.Connection) -> Iterator[tuple[str, dict[str, Any]]]:
    posts: dict[int, list[str]] = defaultdict(list)
    for r in conn.execute(
        "SELECT mp.person_id, mp.title FROM mention_posts mp JOIN articles a ON a.id = mp.article_id "
        "GROUP BY mp.person_id, mp.title ORDER BY mp.person_id, MIN(a.date), mp.title"
    ):
        posts[int(r[0])].append(str(r[1]))
    for r in conn.execute(
        "SELECT p.id, p.key, p.name, COUNT(DISTINCT m.article_id) FROM persons p "
        "LEFT JOIN mentions m ON m.person_id = p.id GROUP BY p.id ORDER BY p.id"
    ):
        pid = int(r[0])
        yield str(r[1]), {"name": str(r[2]), "articles": int(r[3]), "posts": POST_SEPARATOR.join(posts[pid])}


def _pair_counts(conn: sqlite3.Connection, sql: str) -> dict[Pair, int]:
    """How many groups (articles, events) each pair of people shares, from rows (group, person_id)."""
    keys = {int(r[0]): str(r[1]) for r in conn.execute("SELECT id, key FROM persons")}
    groups: dict[object, set[str]] = defaultdict(set)
    for group, pid in conn.execute(sql):
        if pid in keys:
            groups[group].add(keys[pid])
    counts: dict[Pair, int] = defaultdict(int)
    for members in groups.values():
        for pair in combinations(sorted(members), 2):
            counts[pair] += 1
    return dict(counts)


def _ego(g: nx.Graph, conn: sqlite3.Connection, person: str) -> nx.Graph:
    centres = _keys_for(conn, person)
    if not centres:
        raise ValueError(f"no person {person!r} in the archive")
    keep: set[str] = set(centres)
    for c in centres:
        keep.update(g.neighbors(c))
    ego: nx.Graph = g.subgraph(keep).copy()
    return ego


def _keys_for(conn: sqlite3.Connection, person: str) -> list[str]:
    rows = conn.execute("SELECT key FROM persons WHERE key = ?", (person,)).fetchall()
    rows = rows or conn.execute("SELECT key FROM persons WHERE name = ? ORDER BY id", (person,)).fetchall()
    return [str(r[0]) for r in rows]


# ---------------------------------------------------------------- the heaviest ties, for a reader

TOP = 40  # people drawn by default: a graph of everyone is a hairball no reader can read


def top_people(g: nx.Graph, top: int, person: str | None = None) -> list[str]:
    """The people whose ties weigh most in all (and the person asked about, always)."""
    strength = dict(g.degree(weight="weight"))
    ranked = sorted(strength, key=lambda n: (-strength[n], n))[:top]
    return ranked + ([person] if person and person in g and person not in ranked else [])


def heaviest(g: nx.Graph, top: int = TOP, person: str | None = None) -> nx.Graph:
    """The graph of top_people() alone."""
    kept: nx.Graph = g.subgraph(top_people(g, top, person)).copy()
    return kept


def network(
    conn: sqlite3.Connection, person: str | None = None, min_weight: int = 1, top: int = TOP
) -> Network:
    """The `top` people whose ties weigh most (see build_network; a person the archive does not
    know is a ValueError), with the ties among them, heaviest first."""
    g = build_network(conn, person=person, min_weight=min_weight)
    kept = g.subgraph(top_people(g, top, person))
    nodes = tuple(NetworkNode(n, d.get("name", n), d.get("articles", 0)) for n, d in kept.nodes(data=True))
    edges = sorted(
        (
            NetworkEdge(a, b, d.get("weight", 1), d.get("articles", 0), d.get("events", 0))
            for a, b, d in kept.edges(data=True)
        ),
        key=lambda e: -e.weight,
    )
    return Network(person, g.number_of_nodes(), nodes, tuple(edges))


# ---------------------------------------------------------------- writing


def write_network(g: nx.Graph, fmt: str, out: str | os.PathLike[str] | TextIO) -> tuple[int, int]:
    """Write the graph as gexf, graphml or node-link json to a path or a text stream (UTF-8);
    returns (nodes, edges). For GEXF and GraphML, list values become "；"-joined strings, maps
    JSON strings, and None values are left out, as those formats hold only scalars."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "json":
        text = json.dumps(_node_link(g), ensure_ascii=False, indent=1)
    else:
        flat = _flat(g)
        lines = nx.generate_gexf(flat) if fmt == "gexf" else nx.generate_graphml(flat)
        text = "<?xml version='1.0' encoding='utf-8'?>\n" + "\n".join(lines)
    write_text(out, text + "\n")
    return g.number_of_nodes(), g.number_of_edges()


def _node_link(g: nx.Graph) -> dict[str, Any]:
    """Node-link data with its edges under "links", as d3 reads them, whatever networkx's default."""
    try:
        data: dict[str, Any] = json_graph.node_link_data(g, edges="links")
    except TypeError:  # networkx < 3.4 names the argument link
        data = json_graph.node_link_data(g, link="links")
    return data


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, str | int | float):  # bool is an int
        return value
    if isinstance(value, list | tuple | set | frozenset):
        return POST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _scalars(attrs: dict[str, Any]) -> dict[str, str | int | float | bool]:
    return {k: _scalar(v) for k, v in attrs.items() if v is not None}


def _flat(g: nx.Graph) -> nx.Graph:
    """A copy of `g` whose attribute values are all str, int or float (and bool)."""
    flat: nx.Graph = g.copy()
    for attrs in (
        flat.graph,
        *(d for _, d in flat.nodes(data=True)),
        *(d for *_, d in flat.edges(data=True)),
    ):
        scalars = _scalars(attrs)
        attrs.clear()
        attrs.update(scalars)
    return flat


def read_network(path: str | os.PathLike[str], fmt: str) -> nx.Graph:
    """A graph write_network wrote (for checking a round trip)."""
    if fmt == "gexf":
        return nx.read_gexf(os.fspath(path))
    if fmt == "graphml":
        return nx.read_graphml(os.fspath(path))
    if fmt == "json":
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        try:
            return json_graph.node_link_graph(data, edges="links")
        except TypeError:  # networkx < 3.4 names the argument link
            return json_graph.node_link_graph(data, link="links")
    raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
