"""The web app in a real headless browser: the reader's journey from a search to a person's network.

Runs Debian's chromium through Playwright against the app served by uvicorn on 127.0.0.1. Every page
must load without a console error or a Content-Security-Policy violation, and without a request
leaving 127.0.0.1 (the front-end libraries are vendored: no CDN). One full-page screenshot a step
goes to test-artifacts/screenshots/. Select with `-m browser`; skipped when chromium is absent.
"""

from __future__ import annotations

import re
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from tests.conftest import ROOT, SEEDS, needs_shared

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
HOST = "127.0.0.1"
TIMEOUT_MS = 15_000

pytestmark = [
    pytest.mark.browser,
    needs_shared,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no chromium at {CHROMIUM} (apt-get install chromium)"),
]

# Reports Content-Security-Policy violations to the test, page after page (init scripts and exposed
# functions are exempt from the page's CSP).
CSP_WATCH = """
document.addEventListener("securitypolicyviolation", function (e) {
  window.__reportCsp(e.violatedDirective + " blocked " + (e.blockedURI || "?") + " at " +
                     e.sourceFile + ":" + e.lineNumber + " on " + document.location.pathname);
});
"""


class PageNotClean(AssertionError):
    """A page logged a console error or a CSP violation, or asked for something off 127.0.0.1."""


# True once a canvas inside `selector` has a painted (non-transparent) pixel.
CANVAS_PAINTED = """
(selector) => Array.from(document.querySelectorAll(selector)).some((c) => {
  if (!c.width || !c.height) return false;
  const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) return true; }
  return false;
})
"""


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over an archive of the sample pages, served by uvicorn in a background thread."""
    import uvicorn

    from fangzhi import open_archive
    from fangzhi.web.app import create_app

    db = tmp_path_factory.mktemp("browser") / "a.db"
    with open_archive(db) as archive:
        archive.ingest([SEEDS])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((HOST, 0))  # a free port, held until uvicorn takes the socket over
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db, token="browser-test"), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    url = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/articles?limit=1", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            pytest.fail("the app did not answer on its port within 20 s")
        time.sleep(0.05)
    yield url
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as e:
        pytest.skip(f"playwright is not installed: {e}")
    pw = sync_playwright().start()
    try:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Error as e:
        pw.stop()
        pytest.skip(f"playwright cannot start {CHROMIUM}: {str(e).splitlines()[0]}")
    yield chromium
    chromium.close()
    pw.stop()


@dataclass
class Tab:
    """A page in its own browser context, recording what would make a page fail a reader."""

    page: Any
    base: str
    name: str
    errors: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    shots: int = 0

    def goto(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: {response.status if response else 'none'}"

    def shot(self, step: str) -> Path:
        """A full-page screenshot of this step, numbered in the test's order."""
        self.shots += 1
        out = SCREENSHOTS / f"{self.name}-{self.shots:02d}-{step}.png"
        self.page.screenshot(path=str(out), full_page=True)
        return out

    def assert_clean(self) -> None:
        """No console error, uncaught exception or CSP violation on any page this tab opened, and no
        request off 127.0.0.1."""
        assert self.requests, "no request was recorded: the recorder is not wired up"
        away = [u for u in self.requests if urlsplit(u).scheme not in ("data", "blob")]
        away = [u for u in away if urlsplit(u).hostname != HOST]
        if away:
            raise PageNotClean("requests leaving 127.0.0.1:\n" + "\n".join(away))
        if self.errors or self.violations:
            raise PageNotClean(
                "console errors:\n"
                + "\n".join(self.errors)
                + "\nCSP violations:\n"
                + "\n".join(self.violations)
            )


def _tab(browser: Any, base_url: str, request: pytest.FixtureRequest, *, js: bool) -> Iterator[Tab]:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(
        java_script_enabled=js, viewport={"width": 1280, "height": 900}, locale="zh-CN"
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    tab = Tab(page, base_url, re.sub(r"[^\w-]+", "_", request.node.name.removeprefix("test_")).strip("_"))
    if js:
        context.expose_function("__reportCsp", lambda text: tab.violations.append(text))
        context.add_init_script(CSP_WATCH)

    def console(m: Any) -> None:
        if m.type == "error":
            where = m.location.get("url", "")
            tab.errors.append(
                f"[{urlsplit(page.url).path}] {m.text} ({where}:{m.location.get('lineNumber')})"
            )

    page.on("console", console)
    page.on("pageerror", lambda e: tab.errors.append(f"[{urlsplit(page.url).path}] uncaught {e}"))
    context.on("request", lambda r: tab.requests.append(r.url))
    yield tab
    context.close()


@pytest.fixture
def tab(browser: Any, base_url: str, request: pytest.FixtureRequest) -> Iterator[Tab]:
    yield from _tab(browser, base_url, request, js=True)


@pytest.fixture
def tab_nojs(browser: Any, base_url: str, request: pytest.FixtureRequest) -> Iterator[Tab]:
    yield from _tab(browser, base_url, request, js=False)


def _expect() -> Any:
    from playwright.sync_api import expect

    expect.set_options(timeout=TIMEOUT_MS)
    return expect


def _total(tab: Tab) -> int:
    m = re.match(r"\s*(\d+) 篇", tab.page.locator("p.total").inner_text())
    assert m, tab.page.locator("p.total").inner_text()
    return int(m.group(1))


def _search(tab: Tab, words: str) -> None:
    """Type the words in the search box and submit with Enter, as a reader does."""
    box = tab.page.get_by_role("searchbox", name="query")
    box.fill(words)
    with tab.page.expect_navigation():
        box.press("Enter")


# ---------------------------------------------------------------- the journey


def test_search_shows_highlighted_results(tab: Tab) -> None:
    expect = _expect()
    tab.goto("/search")
    expect(tab.page.get_by_role("searchbox", name="query")).to_be_visible()
    tab.shot("search-page")
    _search(tab, "安全生产")
    assert urlsplit(tab.page.url).path == "/search"
    expect(tab.page.get_by_role("searchbox", name="query")).to_have_value("安全生产")
    hits = tab.page.locator("ol.hits li.hit")
    expect(hits.first).to_be_visible()
    assert _total(tab) == hits.count() > 0
    marks = tab.page.locator("p.snippet mark")
    expect(marks.first).to_be_visible()
    assert any(t in "安全生产" for t in marks.all_inner_texts())
    expect(tab.page.locator("section.facet[data-facet=person]")).to_be_visible()
    tab.shot("results")
    tab.assert_clean()


def test_person_facet_narrows_the_results(tab: Tab) -> None:
    expect = _expect()
    tab.goto("/search?q=" + quote("安全生产"))
    before = _total(tab)
    link = tab.page.locator("section.facet[data-facet=person] a", has_text=re.compile(r"^朱健$"))
    with tab.page.expect_navigation():
        link.click()
    assert "person=" + quote("朱健") in tab.page.url
    after = _total(tab)
    assert 0 < after < before
    assert tab.page.locator("ol.hits li.hit").count() == after
    expect(tab.page.locator("p.total strong")).to_have_text("朱健")
    expect(tab.page.locator("section.facet[data-facet=person] a.active")).to_have_text("朱健")
    expect(tab.page.locator("form.search input[type=hidden][name=person]")).to_have_value("朱健")
    expect(tab.page.get_by_role("link", name=re.compile("清除筛选"))).to_be_visible()
    tab.shot("filtered-by-person")
    tab.assert_clean()


def test_article_marks_facts_in_body_and_raw_page(tab: Tab) -> None:
    expect = _expect()
    tab.goto("/search?q=" + quote("安全生产") + "&person=" + quote("朱健"))
    first = tab.page.locator("ol.hits a.headline").first
    headline = first.inner_text()
    with tab.page.expect_navigation():
        first.click()
    assert urlsplit(tab.page.url).path.startswith("/article/")
    expect(tab.page.locator("article h1")).to_have_text(headline)
    body_person = tab.page.locator("article .body mark.f-person")
    expect(body_person.first).to_be_visible()
    assert "朱健" in body_person.all_inner_texts()
    raw_person = tab.page.locator("pre.page-text mark.f-person")
    assert "朱健" in raw_person.all_inner_texts()
    tab.shot("article")
    jump = tab.page.get_by_role("link", name=re.compile("跳到本文"))
    jump.click()
    expect(tab.page).to_have_url(re.compile("#article-start$"))
    start = tab.page.locator("pre.page-text mark#article-start")
    expect(start).to_have_count(1)
    expect(start).to_be_in_viewport()
    tab.shot("jumped-to-article")
    tab.assert_clean()


def test_person_page_draws_posts_timeline_and_activity(tab: Tab) -> None:
    expect = _expect()
    tab.goto("/person/" + quote("朱健"))
    expect(tab.page.locator("section.person-view h1").first).to_have_text("朱健")
    bars = tab.page.locator("svg.timeline rect.bar")
    expect(bars.first).to_be_visible()
    box = bars.first.bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0
    posts = tab.page.locator("svg.timeline a")  # one link a post, one bar or more (gaps apart)
    assert tab.page.locator("svg.timeline text.post").count() == posts.count() <= bars.count()
    assert tab.page.locator("svg.timeline text.dates").count() == posts.count()
    expect(tab.page.locator("section.person-view p.note").first).to_contain_text("画作两段")
    frame = tab.page.locator("svg.timeline").bounding_box()
    assert frame is not None
    for label in tab.page.locator("svg.timeline text").all():  # no label runs out of the drawing
        b = label.bounding_box()
        assert b is not None and frame["x"] <= b["x"] and b["x"] + b["width"] <= frame["x"] + frame["width"]
    expect(tab.page.locator("table.posts tbody tr").first).to_be_visible()
    months = tab.page.locator("table.calendar tbody tr")
    expect(months.first).to_be_visible()
    assert all(re.fullmatch(r"\d{4}-\d{2}", m) for m in months.locator("td:first-child").all_inner_texts())
    tab.shot("person")
    tab.assert_clean()


def test_chronicle_lists_months_and_links_articles(tab: Tab) -> None:
    expect = _expect()
    tab.goto("/chronicle")
    headings = tab.page.locator("section.month h2")
    expect(headings.first).to_be_visible()
    assert all(re.fullmatch(r"\d{4}年\d{1,2}月", h) for h in headings.all_inner_texts())
    links = tab.page.locator("section.month li a[href^='/article/']")
    assert links.count() > 0
    tab.shot("chronicle")
    with tab.page.expect_navigation():
        links.first.click()
    assert urlsplit(tab.page.url).path.startswith("/article/")
    expect(tab.page.locator("article h1")).to_be_visible()
    tab.shot("chronicle-article")
    tab.assert_clean()


def _network_response(tab: Tab, person: str | None = None) -> Any:
    """The page's fetch of its network data; with `person`, of that person's network alone, so
    that a late answer to the page before (everyone's network) is not taken for it."""

    def wanted(r: Any) -> bool:
        url = urlsplit(r.url)
        return url.path == "/api/network" and (
            person is None or parse_qs(url.query).get("person") == [person]
        )

    return tab.page.expect_response(wanted)


def _graph_drawn(tab: Tab) -> None:
    expect = _expect()
    graph = tab.page.locator("#graph[data-ready=true]")
    expect(graph).to_be_visible()
    expect(graph.locator("canvas").first).to_be_attached()
    tab.page.wait_for_function(CANVAS_PAINTED, arg="#graph canvas")


def test_network_draws_everyone(tab: Tab) -> None:
    with _network_response(tab) as data:
        tab.goto("/network")
    response = data.value
    assert response.ok, f"{response.url} -> {response.status} {response.text()}"
    _graph_drawn(tab)
    tab.shot("network")
    # the names as drawn: each inside the drawing, and none covering another
    boxes = tab.page.evaluate(
        """() => { const cy = document.getElementById('graph').cy;
                   return cy.nodes(':not(.quiet)').map((n) => n.renderedBoundingBox({includeNodes: false,
                                                         includeEdges: false, includeLabels: true})); }"""
    )
    width, height = tab.page.evaluate(
        "() => { const r = document.getElementById('graph').getBoundingClientRect(); return [r.width, r.height]; }"
    )
    assert boxes and all(
        b["x1"] >= 0 and b["y1"] >= 0 and b["x2"] <= width and b["y2"] <= height for b in boxes
    )
    covered = [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]
    ]
    assert not covered, f"{len(covered)} names cover one another"
    assert len(boxes) >= min(10, len(data.value.json()["nodes"]))  # the best connected are named
    tab.assert_clean()


def test_network_filters_by_person(tab: Tab) -> None:
    tab.goto("/network")
    _graph_drawn(tab)  # everyone's network fetched and drawn: nothing of this page is left to answer
    tab.page.get_by_role("textbox", name=re.compile("人物")).fill("朱健")
    with _network_response(tab, "朱健") as data:
        tab.page.get_by_role("button", name="显示").click()
    # the new page is there once its own fetch is answered; the graph is what is waited on, not
    # the page's load event
    tab.page.wait_for_url(re.compile(re.escape("person=" + quote("朱健"))), wait_until="commit")
    _graph_drawn(tab)
    tab.shot("network-person")
    response = data.value
    assert response.ok, f"{response.url} -> {response.status}"
    everyone = tab.page.request.get(tab.base + "/api/network?top=5000").json()
    ego = {n["id"] for n in response.json()["nodes"]}
    assert "朱健" in ego and ego < {n["id"] for n in everyone["nodes"]}
    tab.assert_clean()


def test_trends_draws_the_chart(tab: Tab) -> None:
    expect = _expect()
    tab.goto("/trends?terms=" + quote("安全生产"))
    expect(tab.page.locator("canvas#trend-chart")).to_be_visible()
    chart = "Chart.getChart(document.getElementById('trend-chart'))"
    # drawn and done animating (a screenshot mid-animation shows the lines short of their values)
    tab.page.wait_for_function(
        f"() => typeof Chart !== 'undefined' && !!{chart} && !Chart.animator.running({chart})"
    )
    tab.page.wait_for_function(CANVAS_PAINTED, arg="canvas#trend-chart")
    drawn = tab.page.evaluate(f"() => {chart}.data.datasets.map((d) => [d.label, d.data.map(String)])")
    rows = tab.page.locator("table.trend-table tbody tr")
    table = [[cells[0], cells[1:]] for cells in (r.locator("td").all_inner_texts() for r in rows.all())]
    assert drawn == table and drawn[0][0] == "安全生产"  # the chart plots what the table lists
    colours = tab.page.evaluate(f"() => {chart}.data.datasets.map((d) => d.borderColor)")
    assert len(set(colours)) == len(colours)  # a colour of its own for each series
    assert tab.page.evaluate(f"() => {chart}.data.datasets.every((d) => d.tension === 0)")  # no curve
    tab.shot("trends")
    tab.page.select_option("#trend-measure", "per_1000")
    tab.page.wait_for_function(f"() => {chart}.options.scales.y.title.text.includes('每千篇')")
    per = tab.page.evaluate(f"() => {chart}.data.datasets[0].data")
    api = tab.page.evaluate(
        "async () => (await (await fetch(document.getElementById('trend-chart').dataset.source)).json())"
        ".series[0].per_1000"
    )
    assert per == api
    tab.shot("trends-per-1000")
    tab.assert_clean()


def test_search_works_without_javascript(tab_nojs: Tab) -> None:
    expect = _expect()
    tab = tab_nojs
    tab.goto("/search")
    _search(tab, "安全生产")
    hits = tab.page.locator("ol.hits li.hit")
    expect(hits.first).to_be_visible()
    assert _total(tab) == hits.count() > 0
    expect(tab.page.locator("p.snippet mark").first).to_be_visible()
    before = _total(tab)
    tab.shot("results-without-js")
    with tab.page.expect_navigation():  # the facets are plain links: filtering needs no script either
        tab.page.locator("section.facet[data-facet=person] a", has_text=re.compile(r"^朱健$")).click()
    assert 0 < _total(tab) < before
    expect(tab.page.locator("p.total strong")).to_have_text("朱健")
    tab.shot("filtered-without-js")
    tab.assert_clean()


def test_home_leads_to_a_paper_an_issue_and_its_articles(tab: Tab) -> None:
    expect = _expect()
    tab.goto("/")
    expect(tab.page.get_by_role("heading", name="馆藏")).to_be_visible()
    tab.shot("home")
    tab.page.locator("table.papers a").first.click()
    expect(tab.page.locator("section.calendar .month")).to_have_count(12)
    day = tab.page.locator("section.calendar a").first
    expect(day).to_be_visible()
    tab.shot("paper")
    day.click()
    articles = tab.page.locator("ol.articles a")
    expect(articles.first).to_be_visible()
    headline = articles.first.inner_text()
    articles.first.click()
    expect(tab.page.locator("article")).to_contain_text(headline.strip("（无标题）") or "")
    tab.assert_clean()


@pytest.mark.parametrize(
    "path", ["/", "/people", "/ingest", "/docs"], ids=["root", "people", "ingest", "docs"]
)
def test_other_pages_load_clean(tab: Tab, path: str) -> None:
    """The rest of the navigation: no console error, CSP violation or request off 127.0.0.1."""
    expect = _expect()
    tab.goto(path)
    expect(tab.page.locator("body")).not_to_be_empty()
    if path == "/docs":  # Swagger UI draws the API from /openapi.json
        expect(tab.page.locator(".swagger-ui .opblock").first).to_be_visible()
    else:
        expect(tab.page.locator("header.top nav a")).to_have_count(7)
    tab.page.wait_for_load_state("networkidle")
    tab.shot("page")
    tab.assert_clean()


def test_the_watchers_catch_a_csp_violation(tab: Tab) -> None:
    """The checks above are not vacuous: a style element the CSP refuses is caught."""
    tab.goto("/search")
    tab.page.evaluate(
        "() => document.head.appendChild(Object.assign(document.createElement('style'), {textContent: 'p {}'}))"
    )
    _expect()(tab.page.locator("style")).to_have_count(1)
    deadline = time.monotonic() + 5
    while not (tab.violations and tab.errors) and time.monotonic() < deadline:
        tab.page.wait_for_timeout(50)
    assert any("style-src" in v for v in tab.violations), tab.violations
    with pytest.raises(PageNotClean, match="Content Security Policy"):
        tab.assert_clean()
