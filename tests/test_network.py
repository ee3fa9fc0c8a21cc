"""Who appears with whom: shared articles weigh 1, shared events 2, and every format reads back."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from networkx.readwrite import json_graph

from fangzhi import open_archive
from fangzhi.network import build_network, write_network
from tests.conftest import SEEDS, needs_shared

pytestmark = needs_shared


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the project")
    with open_archive(tmp_path_factory.mktemp("network") / "t.db") as a:
        a.ingest([SEEDS])
        yield a.conn


@pytest.fixture(scope="module")
def g(conn: sqlite3.Connection) -> nx.Graph:
    return build_network(conn)


def shared(conn: sqlite3.Connection, sql: str, a: str, b: str) -> int:
    """How many groups (from `sql`, rows of group and person key) hold both a and b."""
    groups: dict[str, set[str]] = {}
    for group, key in conn.execute(sql):
        groups.setdefault(str(group), set()).add(key)
    return sum(1 for members in groups.values() if {a, b} <= members)


ARTICLES = "SELECT m.article_id, p.key FROM mentions m JOIN persons p ON p.id = m.person_id"
EVENTS = "SELECT r.event_id, p.key FROM event_roles r JOIN persons p ON p.id = r.person_id"


def test_nodes_are_the_people_of_the_archive(conn: sqlite3.Connection, g: nx.Graph) -> None:
    assert set(g.nodes) == {r[0] for r in conn.execute("SELECT key FROM persons")}
    zhu = g.nodes["朱健"]
    assert zhu["name"] == "朱健" and zhu["articles"] >= 2
    assert set(zhu["posts"].split("；")) >= {"市长", "市委副书记"}


def test_a_known_pair_shares_articles(conn: sqlite3.Connection, g: nx.Graph) -> None:
    edge = g.edges["刘越高", "朱健"]
    assert edge["articles"] == shared(conn, ARTICLES, "刘越高", "朱健") >= 1
    assert edge["events"] == shared(conn, EVENTS, "刘越高", "朱健")
    assert edge["weight"] == edge["articles"] + 2 * edge["events"]


def test_weights_count_shared_articles_once_and_events_twice(conn: sqlite3.Connection, g: nx.Graph) -> None:
    assert g.number_of_edges() > 0
    for a, b, d in g.edges(data=True):
        assert d["articles"] == shared(conn, ARTICLES, a, b)
        assert d["events"] == shared(conn, EVENTS, a, b)
        assert d["weight"] == d["articles"] + 2 * d["events"] > 0
    assert not any(a == b for a, b in g.edges)


def test_min_weight_drops_light_edges_and_keeps_people(conn: sqlite3.Connection, g: nx.Graph) -> None:
    heavy = build_network(conn, min_weight=4)
    assert set(heavy.nodes) == set(g.nodes)
    assert {(a, b) for a, b in heavy.edges} == {(a, b) for a, b, w in g.edges(data="weight") if w >= 4}


def test_ego_network(conn: sqlite3.Connection, g: nx.Graph) -> None:
    ego = build_network(conn, "刘越高")
    assert set(ego.nodes) == {"刘越高", *g.neighbors("刘越高")}
    assert set(ego.edges) == set(g.subgraph(ego.nodes).edges)  # the edges among the neighbours too
    assert any("刘越高" not in e for e in ego.edges)
    assert ego.nodes["刘越高"] == g.nodes["刘越高"]
    key = conn.execute("SELECT key FROM persons WHERE name = '朱健'").fetchone()[0]
    assert set(build_network(conn, key).nodes) == set(build_network(conn, "朱健").nodes)
    with pytest.raises(ValueError, match="no person '某某某'"):
        build_network(conn, "某某某")


def same(back: nx.Graph, g: nx.Graph) -> None:
    assert set(back.nodes) == set(g.nodes)
    assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in g.edges}
    assert back.nodes["朱健"]["posts"] == g.nodes["朱健"]["posts"]
    assert back.nodes["朱健"]["articles"] == g.nodes["朱健"]["articles"]
    for a, b, d in g.edges(data=True):
        assert back.edges[a, b]["weight"] == d["weight"]
        assert back.edges[a, b]["events"] == d["events"]


def test_gexf(g: nx.Graph, tmp_path: Path) -> None:
    assert write_network(g, "gexf", tmp_path / "g.gexf") == (g.number_of_nodes(), g.number_of_edges())
    same(nx.read_gexf(tmp_path / "g.gexf"), g)


def test_graphml(g: nx.Graph, tmp_path: Path) -> None:
    assert write_network(g, "graphml", tmp_path / "g.graphml") == (g.number_of_nodes(), g.number_of_edges())
    same(nx.read_graphml(tmp_path / "g.graphml"), g)


def test_node_link_json(g: nx.Graph, tmp_path: Path) -> None:
    write_network(g, "json", tmp_path / "g.json")
    text = (tmp_path / "g.json").read_text(encoding="utf-8")
    assert "朱健" in text  # not \\u escapes
    same(json_graph.node_link_graph(json.loads(text), edges="links"), g)


def test_a_stream_and_values_gexf_cannot_hold(tmp_path: Path) -> None:
    h = nx.Graph()
    h.add_node("甲", posts=["市长", "市委副书记"], note=None, extra={"a": 1})
    h.add_edge("甲", "乙", weight=3)
    out = io.StringIO()
    assert write_network(h, "gexf", out) == (2, 1)
    (tmp_path / "h.gexf").write_text(out.getvalue(), encoding="utf-8")
    back = nx.read_gexf(tmp_path / "h.gexf")
    assert back.nodes["甲"]["posts"] == "市长；市委副书记" and "note" not in back.nodes["甲"]
    assert h.nodes["甲"]["posts"] == ["市长", "市委副书记"]  # the graph given is left as it was
    with pytest.raises(ValueError, match=r"unknown format 'dot'.*gexf, graphml, json"):
        write_network(h, "dot", out)


def test_a_referenced_leader_appears_with_no_one(tmp_path: Path) -> None:
    from fangzhi.archive import open_archive
    from fangzhi.network import build_network

    (tmp_path / "p.txt").write_text(
        "# 标题\n\n本报讯 2023年5月11日，市委常委会召开会议，学习贯彻习近平总书记重要讲话精神。"
        "市委书记王建华主持会议。市长李明出席会议。\n",
        encoding="utf-8",
    )
    with open_archive(tmp_path / "a.db") as a:
        a.ingest([tmp_path / "p.txt"])
        g = build_network(a.conn)
        assert g.has_edge("王建华", "李明")
        assert not any("习近平" in e for e in g.edges)
