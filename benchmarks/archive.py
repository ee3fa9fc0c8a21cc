"""The archive at scale: ingest speed, size per article, and search latency and recall of fangzhi's
bigram index against a trigram FTS5 baseline, measured in one run on one synthetic corpus.

Run on demand (not part of the test suite; 17-20 minutes at the default size on two cores; try
``--articles 2000`` first):

    .venv/bin/python benchmarks/archive.py [--articles 100000] [--pages DIR] [--seed 1] [--db PATH]
        [--budget 660] [--timeout 2] [--queries 500] [--check] [--json PATH]

The sample pages are parsed once with fangzhi; their headlines, kickers, subtitles, leads and body
sentences are recombined into new pages of about five articles each, with dates spread over
2015-2024, generated names (and recurring officials, so person queries have answers), real county
and city names and varied papers and datelines. The pages are written to a temporary folder and
ingested through ``open_archive(db).ingest(paths)`` (parse, extract, store; one transaction per
page, one process). The baseline is a trigram FTS5 index over the same stored article text, in a
second database, queried with MATCH for terms of three characters or more and LIKE for shorter ones.
"""

from __future__ import annotations

import argparse
import calendar
import json
import math
import os
import platform
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGES = REPO_ROOT.parent / "shared" / "seeds"

INGEST_TARGET = 200.0  # articles per second, at least
P95_TARGET_MS = 30.0  # fangzhi's search p95, under
SEARCH_LIMIT = 20  # what a results page shows
PAGE_LIMIT = 500  # query.search's largest page: full result sets are read page by page
CHUNK = 50  # pages per Archive.ingest call, so the time budget is checked as the ingest goes
CORRECTNESS_QUERIES = 30
CORRECTNESS_TIMEOUT = 120.0  # seconds for one query's whole result set, all pages

# --- vocabulary -----------------------------------------------------------------------------------

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建文玉兰辉力志红斌波宁鹏飞云峰庆海林春晓东亮俊岚琳"
    "婷雪梅凤鑫宇浩博远新光耀嘉欣怡思涵雅琪德荣永正祥瑞泽宏昌松柏湘衡志坚卫兵爱莲桃秋菊翔凯旭阳丹慧颖"
)
# Real cities of Hunan and their county-level divisions (the seeds are from 衡阳).
CITIES: dict[str, list[str]] = {
    "衡阳": "珠晖区 雁峰区 石鼓区 蒸湘区 南岳区 衡阳县 衡南县 衡山县 衡东县 祁东县 耒阳市 常宁市".split(),
    "株洲": "荷塘区 芦淞区 石峰区 天元区 渌口区 攸县 茶陵县 炎陵县 醴陵市".split(),
    "湘潭": "雨湖区 岳塘区 湘潭县 湘乡市 韶山市".split(),
    "邵阳": "双清区 大祥区 北塔区 新邵县 邵阳县 隆回县 洞口县 绥宁县 新宁县 武冈市 邵东市".split(),
    "岳阳": "岳阳楼区 云溪区 君山区 岳阳县 华容县 湘阴县 平江县 汨罗市 临湘市".split(),
    "常德": "武陵区 鼎城区 安乡县 汉寿县 澧县 临澧县 桃源县 石门县 津市市".split(),
    "永州": "零陵区 冷水滩区 祁阳市 东安县 双牌县 道县 江永县 宁远县 蓝山县 新田县".split(),
    "郴州": "北湖区 苏仙区 桂阳县 宜章县 永兴县 嘉禾县 临武县 汝城县 桂东县 安仁县 资兴市".split(),
    "娄底": "娄星区 双峰县 新化县 冷水江市 涟源市".split(),
    "益阳": "资阳区 赫山区 南县 桃江县 安化县 沅江市".split(),
    "怀化": "鹤城区 中方县 沅陵县 辰溪县 溆浦县 会同县 洪江市".split(),
}
CITY_WEIGHTS = {"衡阳": 10, "株洲": 3, "湘潭": 3, "邵阳": 2, "岳阳": 2, "常德": 2}  # others 1
SEED_CITY = "衡阳"
KEEP_NAMES = frozenset({"习近平", "毛泽东", "沈晓明"})  # national and provincial leaders stay
HEAD_OFFICIALS = {"刘越高": 0, "朱健": 1}  # the seeds' 市委书记 and 市长: the page city's, by period
OFFICIALS_PER_CITY = 10  # secretary, mayor, then deputies
PERIODS = ((2015, 2019), (2020, 2024))
TOPICS = (
    "安全生产 食品安全 防汛抗旱 森林防火 招商引资 项目建设 乡村振兴 优化营商环境 文明创建 生态环境保护 "
    "民生实事 基层党建 疫情防控 防灾减灾 城市更新 产业发展 电力保供 信访维稳 教育发展 文旅融合"
).split()
SLOGANS = ("省域副中心城市", "现代化新湘南", "区域中心城市", "制造强市", "文旅名城")
DEPUTY_TITLES = ("副市长", "市委常委、秘书长", "市委副书记", "市委常委、常务副市长", "市人大常委会主任")
HEADLINE_TEMPLATES = (
    "{name}赴{county}调研{topic}工作",
    "{name}在{county}督导检查{topic}工作时强调",
    "全市{topic}工作会议召开",
    "{county}召开{topic}工作推进会",
    "{name}主持召开{topic}专题会议",
    "市政府召开常务会议",
    "扎实推进{topic} 加快建设{slogan}",
    "{county}{topic}工作取得新成效",
)
LEAD_TEMPLATES = (
    "{title}{name}赴{county}调研{topic}工作。",
    "全市{topic}工作会议召开，{title}{name}出席并讲话。",
    "{county}召开{topic}工作推进会，研究部署下一阶段工作。{title}{name}主持会议。",
    "{title}{name}主持召开专题会议，调度{topic}工作。",
)
TIME_WORDS = ("", "", "", "上午", "下午", "晚", "中午")
WEEKDAYS = "一二三四五六日"
SECTIONS = ("要闻", "综合", "时政", "县域", "经济", "民生")

DATE_LEAD = re.compile(
    r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[—-]\d{1,2}日)?(?:上午|下午|中午|晚上|晚|凌晨)?[，,]\s*"
)
SENTENCE = re.compile(r".+?(?:[。！？]+[”’」]?|$)")
YEAR = re.compile(r"(?<!\d)(20[12]\d)(?=年)")
CLOSING = re.compile(r"(?:主持会议|参加|出席|陪同)[^。]{0,20}。$")

# --- the seeds, taken apart -----------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    text: str
    year: int  # the year of the article it came from, to shift the years it names


@dataclass
class Material:
    headlines: list[Piece] = field(default_factory=list)
    kickers: list[Piece] = field(default_factory=list)
    subtitles: list[Piece] = field(default_factory=list)
    leads: list[Piece] = field(default_factory=list)  # first paragraphs, their opening date cut off
    sentences: list[Piece] = field(default_factory=list)
    closings: list[Piece] = field(default_factory=list)  # 市领导某某参加。
    names: set[str] = field(default_factory=set)  # person names to replace


def read_material(folder: Path) -> tuple[Material, int]:
    """Parse the sample pages with fangzhi and keep the parts that make articles."""
    from fangzhi.pipeline import parse_text
    from fangzhi.records import article_record

    m = Material()
    paths = sorted(p for p in folder.glob("*.txt") if p.is_file())
    for path in paths:
        parsed = parse_text(path.read_text(encoding="utf-8"), path.name)
        for a in parsed.articles:
            rec = article_record(parsed, a)
            year = int(rec["date"][:4]) if rec["date"] else 2023
            m.names.update(p["name"] for p in rec["persons"] if p["name"] not in KEEP_NAMES)
            for key, out in (("headline", m.headlines), ("kicker", m.kickers), ("subtitle", m.subtitles)):
                if rec[key] and len(rec[key]) >= 4:
                    out.append(Piece(rec[key], year))
            paras = [p.strip() for p in rec["body"].split("\n") if p.strip()]
            if not paras or rec["kind"] == "photo":
                continue
            if rec["kind"] == "news" and DATE_LEAD.match(paras[0]):
                lead = DATE_LEAD.sub("", paras[0], count=1)
                first = SENTENCE.match(lead)
                if first and len(first.group()) >= 10:
                    m.leads.append(Piece(first.group(), year))
                rest = lead[first.end() :] if first else ""
                paras = [rest, *paras[1:]] if rest else paras[1:]
            for para in paras:
                for s in SENTENCE.findall(para):
                    s = s.strip()
                    if len(s) < 8:
                        continue
                    (m.closings if CLOSING.search(s) else m.sentences).append(Piece(s, year))
    return m, len(paths)


# --- the generator --------------------------------------------------------------------------------


def short_name(place: str) -> str:
    """衡东县 → 衡东; 南县, 澧县 and 津市市 keep what they need."""
    if len(place) <= 2:
        return place
    return place[:-1]


@dataclass(frozen=True)
class Official:
    name: str
    title: str


@dataclass
class Generated:
    pages: int = 0
    articles: int = 0
    chars: int = 0
    bytes: int = 0


class Generator:
    """Pages of about five articles, recombined from the seeds' parts; deterministic in its seed."""

    def __init__(self, material: Material, seed: int) -> None:
        self.m = material
        self.rng = random.Random(seed)
        self._names: set[str] = set()
        self.officials: dict[tuple[str, int], list[Official]] = {}
        for city in CITIES:
            for period in range(len(PERIODS)):
                titles = ("市委书记", "市委副书记、市长", *(DEPUTY_TITLES * 2))[:OFFICIALS_PER_CITY]
                self.officials[(city, period)] = [Official(self.new_name(), t) for t in titles]
        self.people = [self.new_name() for _ in range(20000)]  # everyone else, recurring rarely
        self.reporters = {city: [self.new_name() for _ in range(12)] for city in CITIES}
        self.correspondents = [self.new_name() for _ in range(400)]
        originals = sorted(
            {*material.names, SEED_CITY, *CITIES[SEED_CITY], *map(short_name, CITIES[SEED_CITY])},
            key=len,
            reverse=True,
        )
        self._swap = re.compile("|".join(map(re.escape, originals)))
        self._county_of_short = {short_name(c): c for c in CITIES[SEED_CITY]}
        cities = list(CITIES)
        self._cities = cities
        self._city_weights = [CITY_WEIGHTS.get(c, 1) for c in cities]
        self._start = date(2015, 1, 1).toordinal()
        self._days = date(2024, 12, 31).toordinal() - self._start + 1

    def new_name(self) -> str:
        while True:
            given = self.rng.choice(GIVEN) + (self.rng.choice(GIVEN) if self.rng.random() < 0.75 else "")
            name = self.rng.choice(SURNAMES) + given
            if name not in self._names:
                self._names.add(name)
                return name

    # one page ------------------------------------------------------------------------------------

    def page(self, n: int) -> tuple[str, str, int]:
        """(file name, text, articles written) of page number n."""
        r = self.rng
        city = r.choices(self._cities, self._city_weights)[0]
        issue = date.fromordinal(self._start + r.randrange(self._days))
        period = 0 if issue.year <= PERIODS[0][1] else 1
        paper = city + r.choice(("日报", "晚报"))
        header = r.random() < 0.7
        ascii_punct = r.random() < 0.15
        lines: list[str] = []
        if header:
            folio = r.choice((f"A{r.randint(1, 8):02d}", f"第{r.randint(1, 8)}版", f"{r.randint(1, 8)}"))
            lines += [
                f"{paper} {issue.year}年{issue.month}月{issue.day}日 星期{WEEKDAYS[issue.weekday()]} "
                f"{folio} {r.choice(SECTIONS)}",
                "",
            ]
        else:
            lines += ["", ""]
        count = r.choice((4, 5, 5, 5, 6))
        for _ in range(count):
            day = issue - timedelta(days=1) if r.random() < 0.4 else issue
            lines += self._article(city, period, paper, day, full_year=not header, ascii_punct=ascii_punct)
        return f"bench-{n:06d}.txt", "\n".join(lines) + "\n", count

    def _article(
        self, city: str, period: int, paper: str, day: date, *, full_year: bool, ascii_punct: bool
    ) -> list[str]:
        r = self.rng
        cast: dict[str, str] = {}
        sub = self._substituter(city, period, day.year, cast)
        out: list[str] = []
        if r.random() < 0.25 and self.m.kickers:
            out += [sub(r.choice(self.m.kickers)), ""]
        mark = r.choices(("# ", "## ", ""), (6, 3, 1))[0]
        out += [mark + self._headline(city, period, sub), ""]
        if r.random() < 0.25 and self.m.subtitles:
            out += [sub(r.choice(self.m.subtitles)), ""]
        paras = self._body(city, period, sub)
        if r.random() < 0.05:  # a commentary: a byline line, no dateline
            out += ["■本报评论员", ""]
        else:
            stamp = f"{day.year}年" if full_year else ""
            lead = f"{stamp}{day.month}月{day.day}日{r.choice(TIME_WORDS)}，{paras[0]}"
            head, credit = self._dateline(city, paper)
            style = r.choices(range(5), (35, 25, 20, 10, 10))[0]
            if style == 0:
                paras = [f"{head}（{credit}）", lead, *paras[1:]]
            elif style == 1:
                paras = [f"{head}（{credit}）{lead}", *paras[1:]]
            elif style == 2:
                paras = [f"{head} ({credit}) {lead}", *paras[1:]]
            elif style == 3:
                paras = [f"**{head}** ({credit}) {lead}", *paras[1:]]
            else:
                paras = [f"{head}  \n({credit})", lead, *paras[1:]]
        for para in paras:
            if ascii_punct:
                para = para.replace("，", ",").replace("（", "(").replace("）", ")")
            if len(para) > 80 and r.random() < 0.08:  # an OCR break in mid-sentence
                cut = r.randrange(20, len(para) - 20)
                out += [para[:cut], "", para[cut:], ""]
            else:
                out += [para, ""]
        return out

    def _substituter(self, city: str, period: int, year: int, cast: dict[str, str]) -> Callable[[Piece], str]:
        """Replace the seeds' people, counties and city with this article's, consistently within it."""
        r = self.rng
        officials = self.officials[(city, period)]
        counties = CITIES[city]

        def pick(original: str) -> str:
            if original in cast:
                return cast[original]
            if original == SEED_CITY:
                new = city
            elif original in self._county_of_short or original in CITIES[SEED_CITY]:
                full = self._county_of_short.get(original, original)
                if full not in cast:
                    cast[full] = r.choice(counties)
                new = cast[full] if original == full else short_name(cast[full])
            elif original in HEAD_OFFICIALS:
                new = officials[HEAD_OFFICIALS[original]].name
            elif r.random() < 0.5:
                new = r.choice(officials[2:]).name
            else:
                new = r.choice(self.people)
            cast[original] = new
            return new

        def sub(piece: Piece) -> str:
            text = self._swap.sub(lambda m: pick(m.group()), piece.text)
            return YEAR.sub(lambda m: str(int(m.group(1)) - piece.year + year), text)

        return sub

    def _headline(self, city: str, period: int, sub: Callable[[Piece], str]) -> str:
        r = self.rng
        roll = r.random()
        if roll < 0.3:
            return sub(r.choice(self.m.headlines))
        if roll < 0.65:
            parts = [p for h in r.sample(self.m.headlines, 2) for p in sub(h).split() if len(p) >= 4]
            if len(parts) >= 2:
                return " ".join(r.sample(parts, 2))
        return r.choice(HEADLINE_TEMPLATES).format(**self._slots(city, period))

    def _slots(self, city: str, period: int) -> dict[str, str]:
        r = self.rng
        o = r.choice(self.officials[(city, period)][:6])
        return {
            "name": o.name,
            "title": o.title,
            "county": r.choice(CITIES[city]),
            "topic": r.choice(TOPICS),
            "slogan": r.choice(SLOGANS),
        }

    def _body(self, city: str, period: int, sub: Callable[[Piece], str]) -> list[str]:
        r = self.rng
        if r.random() < 0.2:
            lead = r.choice(LEAD_TEMPLATES).format(**self._slots(city, period))
        else:
            lead = sub(r.choice(self.m.leads))
        paras = [lead + "".join(sub(s) for s in r.sample(self.m.sentences, r.randint(0, 2)))]
        for _ in range(r.randint(2, 6)):
            paras.append("".join(sub(s) for s in r.sample(self.m.sentences, r.randint(1, 4))))
        if self.m.closings and r.random() < 0.6:
            paras.append(sub(r.choice(self.m.closings)))
        return paras

    def _dateline(self, city: str, paper: str) -> tuple[str, str]:
        r = self.rng
        roll = r.random()
        head = (
            f"{paper}讯"
            if roll < 0.6
            else "本报讯"
            if roll < 0.9
            else f"{r.choice(self._cities)}{r.choice(('日报', '晚报'))}讯"
        )
        reporter = r.choice(self.reporters[city])
        role = r.choice(("全媒体记者", "记者", "记者", "见习记者"))
        kind = r.random()
        if kind < 0.55:
            credit = f"{role} {reporter}"
        elif kind < 0.8:
            helpers = " ".join(r.sample(self.correspondents, r.randint(1, 2)))
            credit = f"{role} {reporter} 通讯员 {helpers}"
        elif kind < 0.95:
            credit = f"通讯员 {r.choice(self.correspondents)}"
        else:
            credit = reporter
        return head, credit


def write_corpus(gen: Generator, folder: Path, articles: int) -> tuple[list[Path], Generated]:
    """Pages until at least `articles` articles are written (as the generator counts them)."""
    folder.mkdir(parents=True, exist_ok=True)
    stats = Generated()
    paths: list[Path] = []
    while stats.articles < articles:
        name, text, count = gen.page(stats.pages)
        path = folder / name
        data = text.encode("utf-8")
        path.write_bytes(data)
        paths.append(path)
        stats.pages += 1
        stats.articles += count
        stats.chars += len(text)
        stats.bytes += len(data)
    return paths, stats


# --- ingest ---------------------------------------------------------------------------------------


@dataclass
class Ingest:
    pages: int
    articles: int
    failed: int
    seconds: float
    stopped_at_budget: bool
    persons: int
    events: int
    cpu_seconds: float  # this process's CPU time: less sensitive than the wall clock to other load
    parse_only_articles_per_s: float = 0.0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


class _OverBudget(Exception):
    pass


def ingest(db: Path, paths: Sequence[Path], budget: float, workers: int = 0) -> Ingest:
    """`paths` ingested into `db`, stopping once `budget` seconds have passed. With `workers`, the
    pages are parsed on a local Dask cluster of that many processes (fangzhi.distributed) and
    stored by this process, as `fangzhi ingest --workers N` does: the same rows as serially."""
    if workers > 0:
        return _ingest_on_dask(db, paths, budget, workers)
    from fangzhi.archive import open_archive

    pages = articles = failed = persons = events = 0
    stopped = False
    report_every = max(CHUNK, len(paths) // 10 // CHUNK * CHUNK)
    with open_archive(db) as archive:
        start, cpu_start = time.perf_counter(), time.process_time()
        for i in range(0, len(paths), CHUNK):
            summary = archive.ingest(paths[i : i + CHUNK])
            pages += summary.new + summary.replaced + summary.unchanged
            articles += summary.articles
            failed += summary.failed
            persons += summary.persons
            events += summary.events
            elapsed = time.perf_counter() - start
            if (i + CHUNK) % report_every == 0:
                print(
                    f"  … {pages:,} pages, {articles:,} articles in {elapsed:,.0f} s "
                    f"({articles / elapsed:,.0f} articles/s)",
                    file=sys.stderr,
                    flush=True,
                )
            if elapsed > budget and i + CHUNK < len(paths):
                stopped = True
                break
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Ingest(pages, articles, failed, seconds, stopped, persons, events, cpu)


def _ingest_on_dask(db: Path, paths: Sequence[Path], budget: float, workers: int) -> Ingest:
    """One Archive.ingest call on a cluster (started once), counted and stopped at the budget
    through its progress callback: each page is stored in a transaction of its own, so stopping
    between two pages leaves a whole archive."""
    from fangzhi.archive import open_archive
    from fangzhi.distributed import Cluster
    from fangzhi.errors import SourceError

    counts = {"pages": 0, "articles": 0, "failed": 0, "persons": 0, "events": 0}
    report_every = max(CHUNK, len(paths) // 10)
    start = cpu_start = 0.0
    stopped = False

    def progress(path: str, result: Any) -> None:
        if isinstance(result, SourceError):
            counts["failed"] += 1
        else:
            counts["pages"] += 1
            counts["articles"] += result.articles
            counts["persons"] += result.persons
            counts["events"] += result.events
        done = counts["pages"] + counts["failed"]
        elapsed = time.perf_counter() - start
        if done % report_every == 0:
            print(
                f"  … {counts['pages']:,} pages, {counts['articles']:,} articles in {elapsed:,.0f} s "
                f"({counts['articles'] / elapsed:,.0f} articles/s, parsed by {workers} Dask workers)",
                file=sys.stderr,
                flush=True,
            )
        if elapsed > budget and done < len(paths):
            raise _OverBudget

    with open_archive(db) as archive:
        start, cpu_start = time.perf_counter(), time.process_time()
        try:
            archive.ingest(paths, cluster=Cluster(workers=workers), progress=progress)
        except _OverBudget:
            stopped = True
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        archive.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Ingest(
        counts["pages"],
        counts["articles"],
        counts["failed"],
        seconds,
        stopped,
        counts["persons"],
        counts["events"],
        cpu,
    )


@dataclass(frozen=True)
class DaskIngest:
    """The same first pages ingested twice into fresh archives: in this process, and parsed on a
    local Dask cluster of one worker process per CPU (cluster start-up included)."""

    pages: int
    articles: int
    workers: int
    serial_s: float
    dask_s: float
    same_rows: bool  # both archives hold the same articles under the same row ids

    @property
    def speedup(self) -> float:
        return self.serial_s / self.dask_s if self.dask_s else 0.0


def dask_ingest(tmp: Path, paths: Sequence[Path]) -> DaskIngest:
    from fangzhi.archive import open_archive
    from fangzhi.distributed import Cluster

    workers = os.cpu_count() or 1
    times: list[float] = []
    rows: list[list[tuple[int, str]]] = []
    articles = 0
    for name, cluster in (("serial", None), ("dask", Cluster(workers=workers))):
        db = tmp / f"ingest-{name}.db"
        with open_archive(db) as archive:
            start = time.perf_counter()
            articles = archive.ingest(paths, cluster=cluster).articles
            times.append(time.perf_counter() - start)
            rows.append(archive.conn.execute("SELECT rowid, id FROM articles ORDER BY rowid").fetchall())
        for f in tmp.glob(f"ingest-{name}.db*"):
            f.unlink()
    same = [tuple(r) for r in rows[0]] == [tuple(r) for r in rows[1]]
    return DaskIngest(len(paths), articles, workers, times[0], times[1], same)


@dataclass(frozen=True)
class Rerun:
    """The whole corpus ingested again into the archive just built: every page is unchanged."""

    pages: int
    unchanged: int
    seconds: float


def rerun(db: Path, paths: Sequence[Path]) -> Rerun:
    from fangzhi.archive import open_archive

    with open_archive(db) as archive:
        start = time.perf_counter()
        summary = archive.ingest(paths)
        seconds = time.perf_counter() - start
    return Rerun(len(paths), summary.unchanged, seconds)


def parse_only_rate(paths: Sequence[Path], n: int = 300) -> float:
    """Articles per second of the parse and extraction alone (no store), on the first n pages."""
    from fangzhi.pipeline import parse_text

    texts = [(p.name, p.read_text(encoding="utf-8")) for p in paths[:n]]
    start = time.perf_counter()
    articles = sum(len(parse_text(text, name).articles) for name, text in texts)
    return articles / (time.perf_counter() - start)


def table_bytes(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT name, pgsize FROM dbstat WHERE aggregate = TRUE").fetchall()
    finally:
        conn.close()
    return {name: int(size) for name, size in rows}


def group_bytes(sizes: dict[str, int], prefix: str) -> int:
    return sum(v for k, v in sizes.items() if k.startswith(prefix))


# --- the baseline ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Doc:
    rowid: int
    id: str
    date: str | None
    publication: str | None
    head: str
    body: str

    @property
    def text(self) -> str:  # what the brute force searches: head and body, never across the two
        return self.head + "\n" + self.body


def load_docs(db: Path) -> list[Doc]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT rowid, id, date, publication, kicker, headline, subtitle, body FROM articles "
            "ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()
    return [Doc(r[0], r[1], r[2], r[3], " ".join(p for p in r[4:7] if p), r[7]) for r in rows]


@dataclass(frozen=True)
class Build:
    copy_s: float
    index_s: float
    file_bytes: int
    index_bytes: int


def build_baseline(path: Path, docs: Sequence[Doc]) -> Build:
    """docs(rowid, date, publication, head, body) and an external-content trigram index over it."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute(
            "CREATE TABLE docs (rowid INTEGER PRIMARY KEY, date TEXT, publication TEXT, "
            "head TEXT NOT NULL, body TEXT NOT NULL)"
        )
        conn.executemany(
            "INSERT INTO docs VALUES (?,?,?,?,?)",
            ((d.rowid, d.date, d.publication, d.head, d.body) for d in docs),
        )
        conn.execute("CREATE INDEX docs_date ON docs(date)")
        conn.execute("COMMIT")
        copied = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute(
            "CREATE VIRTUAL TABLE tri USING fts5(head, body, content='docs', content_rowid='rowid', "
            "tokenize='trigram')"
        )
        conn.execute("INSERT INTO tri(tri) VALUES ('rebuild')")
        conn.execute("COMMIT")
        done = time.perf_counter()
    finally:
        conn.close()
    sizes = table_bytes(path)
    return Build(copied - start, done - copied, path.stat().st_size, group_bytes(sizes, "tri"))


# --- the query language, as fangzhi reads it: for the brute force and the baseline ---------------

Node = tuple[Any, ...]  # ("t", text) | ("and", (Node, ...)) | ("or", (Node, ...))

_QTERM = re.compile(r'"([^"]*)"|(\S+)')
_CONTENT = re.compile(r"[\u3400-\u9fff\uf900-\ufaff0-9A-Za-z]")


@dataclass(frozen=True)
class Parsed:
    positive: tuple[Node, ...]  # ANDed
    excluded: tuple[str, ...]

    def terms(self) -> list[str]:
        out: list[str] = []

        def walk(n: Node) -> None:
            if n[0] == "t":
                out.append(n[1])
            else:
                for c in n[1]:
                    walk(c)

        for n in self.positive:
            walk(n)
        return out


def parse(text: str) -> Parsed:
    """fangzhi.store.fts.parse_query's grammar: words ANDed, OR joins a term to all before it,
    -term excludes, "quoted phrase" is one term."""
    group: list[Node] = []
    excluded: list[str] = []
    pending_or = False
    for m in _QTERM.finditer(text):
        phrase, word = m.group(1), m.group(2)
        if word in ("OR", "|", "或"):
            pending_or = bool(group)
            continue
        if word in ("AND", "&", "+"):
            continue
        negate = word is not None and word.startswith("-") and len(word) > 1
        raw = phrase if phrase is not None else (word[1:] if negate else word) or ""
        if not _CONTENT.search(raw):
            continue
        if negate:
            excluded.append(raw)
            continue
        node: Node = ("t", raw)
        if pending_or:
            left = group[0] if len(group) == 1 else ("and", tuple(group))
            group = [("or", (left, node))]
            pending_or = False
        else:
            group.append(node)
    return Parsed(tuple(group), tuple(excluded))


@dataclass(frozen=True)
class Q:
    shape: str
    text: str
    date_from: str | None = None
    date_to: str | None = None
    person: str | None = None
    place: str | None = None

    def filters(self) -> Any:
        from fangzhi.query import Filters

        return Filters(date_from=self.date_from, date_to=self.date_to, person=self.person, place=self.place)

    def label(self) -> str:
        extra = [
            f"{k}={v}"
            for k, v in (("from", self.date_from), ("to", self.date_to), ("person", self.person))
            if v
        ]
        if self.place:
            extra.append(f"place={self.place}")
        return self.text + (f"  [{' '.join(extra)}]" if extra else "")


def holds(node: Node, text: str) -> bool:
    if node[0] == "t":
        return bool(node[1] in text)
    if node[0] == "and":
        return all(holds(c, text) for c in node[1])
    return any(holds(c, text) for c in node[1])


def truth(q: Q, docs: Sequence[Doc]) -> set[int]:
    """The brute force: Python `in` over each stored article's head and body."""
    p = parse(q.text)
    out: set[int] = set()
    for d in docs:
        if q.date_from and (d.date is None or d.date < q.date_from):
            continue
        if q.date_to and (d.date is None or d.date > q.date_to):
            continue
        text = d.text
        if all(holds(n, text) for n in p.positive) and not any(x in text for x in p.excluded):
            out.add(d.rowid)
    return out


def _matchable(node: Node) -> bool:
    if node[0] == "t":
        return len(node[1]) >= 3
    return all(_matchable(c) for c in node[1])


def _fts(node: Node) -> str:
    if node[0] == "t":
        return '"' + node[1].replace('"', '""') + '"'
    op = " AND " if node[0] == "and" else " OR "
    return "(" + op.join(_fts(c) for c in node[1]) + ")"


def _like(node: Node, params: list[str]) -> str:
    if node[0] == "t":
        pattern = "%" + node[1].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params += [pattern, pattern]
        return "(d.head LIKE ? ESCAPE '\\' OR d.body LIKE ? ESCAPE '\\')"
    op = " AND " if node[0] == "and" else " OR "
    return "(" + op.join(_like(c, params) for c in node[1]) + ")"


@dataclass(frozen=True)
class Plan:
    match: str | None  # the trigram MATCH expression that drives the query, ranked by bm25
    where: str  # conditions on docs d
    params: tuple[str, ...]

    @property
    def kind(self) -> str:
        return "MATCH" if self.match else "LIKE"


def plan(q: Q) -> Plan:
    """The usual trigram fallback: MATCH for every clause whose terms are all of three characters or
    more, LIKE '%term%' for the rest; a person or place filter becomes one more term."""
    p = parse(q.text)
    positive = list(p.positive) + [("t", x) for x in (q.person, q.place) if x]
    params: list[str] = []
    conds: list[str] = []
    if q.date_from:
        conds.append("d.date >= ?")
        params.append(q.date_from)
    if q.date_to:
        conds.append("d.date <= ?")
        params.append(q.date_to)
    matched = [n for n in positive if _matchable(n)]
    for n in positive:
        if not _matchable(n):
            conds.append(_like(n, params))
    match = " AND ".join(_fts(n) for n in matched) or None
    for x in p.excluded:
        if len(x) >= 3 and match:
            match = f"({match}) NOT {_fts(('t', x))}"
        elif len(x) >= 3:
            conds.append("d.rowid NOT IN (SELECT rowid FROM tri WHERE tri MATCH ?)")
            params.append(_fts(("t", x)))
        else:
            conds.append("NOT " + _like(("t", x), params))
    return Plan(match, " AND ".join(conds) or "1", tuple(params))


def baseline_page(conn: sqlite3.Connection, q: Q, terms: tuple[str, ...]) -> tuple[int, list[str]]:
    """The baseline's first results page: total and the top 20 with snippets (as fangzhi's search)."""
    from fangzhi.store.fts import snippet

    pl = plan(q)
    if pl.match:
        sql = (
            "WITH m AS (SELECT rowid, bm25(tri, 4.0, 1.0) AS score FROM tri WHERE tri MATCH ?) "
            "SELECT d.head, d.body, COUNT(*) OVER () FROM m JOIN docs d ON d.rowid = m.rowid "
            f"WHERE {pl.where} ORDER BY m.score LIMIT {SEARCH_LIMIT}"
        )
        params: tuple[str, ...] = (pl.match, *pl.params)
    else:
        sql = (
            f"SELECT d.head, d.body, COUNT(*) OVER () FROM docs d WHERE {pl.where} "
            f"ORDER BY d.date DESC LIMIT {SEARCH_LIMIT}"
        )
        params = pl.params
    rows = conn.execute(sql, params).fetchall()
    snippets = [snippet(body if any(t in body for t in terms) else head, terms) for head, body, _ in rows]
    return (rows[0][2] if rows else 0), snippets


def baseline_all(conn: sqlite3.Connection, q: Q) -> set[int]:
    pl = plan(q)
    if pl.match:
        sql = f"SELECT d.rowid FROM tri JOIN docs d ON d.rowid = tri.rowid WHERE tri MATCH ? AND {pl.where}"
        return {r[0] for r in conn.execute(sql, (pl.match, *pl.params))}
    return {r[0] for r in conn.execute(f"SELECT d.rowid FROM docs d WHERE {pl.where}", pl.params)}


def fangzhi_all(conn: sqlite3.Connection, q: Q, rowid_of: dict[str, int]) -> tuple[set[int], int, int]:
    """Every hit of query.search, read PAGE_LIMIT at a time: (rowids, total it reports, hits read);
    the total is negative when search reports it as a lower bound."""
    from fangzhi.query import search

    found: set[int] = set()
    read = 0
    offset = 0
    while True:
        page = search(conn, q.text, q.filters(), limit=PAGE_LIMIT, offset=offset)
        found.update(rowid_of[h.id] for h in page.hits)
        read += len(page.hits)
        offset += PAGE_LIMIT
        if len(page.hits) < PAGE_LIMIT:  # the last page (a total past COUNT_CAP is a lower bound)
            return found, page.total if page.total_exact else -page.total, read


# --- the queries ----------------------------------------------------------------------------------

WORDS2 = (
    "调研 会议 安全 发展 项目 企业 改革 民生 经济 文化 产业 服务 教育 招商 防汛 环境 党建 乡村 创新 群众"
).split()
TERMS = (
    "安全生产 食品安全 营商环境 高质量发展 乡村振兴 招商引资 输变电 防灾减灾 迎峰度冬 区域中心 常务会议 "
    "主题教育 项目建设 文明创建 省域副中心 电力供应 原地倍增 保交楼 防范化解"
).split()
MIXED = ("5G", "2021年", "100万", "1+6")  # digits or letters next to Han characters
PHRASES = (
    '"保交楼、保民生"',
    '"制造立市、文旅兴城"',
    '"三高四新"',
    '"原地倍增"',
    '"十四五"规划',
    '"安全生产工作"',
)
SINGLES = list("朱刘陈衡桥港粮湘韶税")
SHAPES = (  # (shape, how many of the latency set)
    ("2-char word", 75),
    ("name", 60),
    ("3-4 char term", 60),
    ("quoted phrase", 40),
    ("AND of two", 60),
    ("OR", 40),
    ("exclusion", 35),
    ("single char", 25),
    ("date range", 50),
    ("person filter", 35),
    ("place filter", 20),
)


@dataclass(frozen=True)
class Vocab:
    officials: list[str]  # most mentioned first (from the stored mentions)
    active: dict[str, str]  # the year each of them is most mentioned in
    counties: list[str]
    windows: list[str]  # 5-9 character stretches of stored article text, for copy-paste searches


def vocab(db: Path, docs: Sequence[Doc], rng: random.Random) -> Vocab:
    conn = sqlite3.connect(db)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name, COUNT(DISTINCT article_id) AS n FROM mentions WHERE length(name) >= 2 "
                "GROUP BY name HAVING n >= 3 ORDER BY n DESC, name LIMIT 200"
            )
        ]
        names = [n for n in names if n not in KEEP_NAMES] or ["朱健"]
        active: dict[str, str] = {}
        for n in names[:20]:
            row = conn.execute(
                "SELECT substr(a.date, 1, 4) AS y FROM mentions m JOIN articles a ON a.id = m.article_id "
                "WHERE m.name = ? AND a.date IS NOT NULL GROUP BY y ORDER BY COUNT(*) DESC, y LIMIT 1",
                (n,),
            ).fetchone()
            active[n] = row[0] if row else "2020"
    finally:
        conn.close()
    windows: list[str] = []
    han = re.compile(r"[\u4e00-\u9fff]{5,}")
    while len(windows) < 100 and docs:
        runs = han.findall(rng.choice(docs).body)
        if runs:
            run = rng.choice(runs)
            size = min(len(run), rng.randint(5, 9))
            start = rng.randrange(len(run) - size + 1)
            windows.append(run[start : start + size])
    counties = [c for cs in CITIES.values() for c in cs]
    return Vocab(names, active, counties, windows)


def _range(rng: random.Random) -> tuple[str, str]:
    year = rng.randint(2015, 2024)
    roll = rng.random()
    if roll < 0.4:
        return f"{year}-01-01", f"{year}-12-31"
    month = rng.randint(1, 12)
    if roll < 0.8:
        return _months(year, month, month)
    q = (month - 1) // 3
    return _months(year, 3 * q + 1, 3 * q + 3)


def latency_queries(v: Vocab, rng: random.Random, total: int) -> list[Q]:
    def name() -> str:  # the well-known more often than the rarely mentioned
        return v.officials[min(len(v.officials) - 1, int(rng.expovariate(1 / 12)))]

    def word() -> str:
        return rng.choice((rng.choice(WORDS2), rng.choice(TERMS), name()))

    makers: dict[str, Callable[[], Q]] = {
        "2-char word": lambda: Q("2-char word", rng.choice(WORDS2)),
        "name": lambda: Q("name", name()),
        "3-4 char term": lambda: Q(
            "3-4 char term",
            rng.choice(
                (rng.choice(TERMS), rng.choice(v.counties), rng.choice(v.windows)[:4], rng.choice(MIXED))
            ),
        ),
        "quoted phrase": lambda: Q(
            "quoted phrase", rng.choice(PHRASES) if rng.random() < 0.5 else f'"{rng.choice(v.windows)}"'
        ),
        "AND of two": lambda: Q("AND of two", f"{word()} {rng.choice(WORDS2 + TERMS)}"),
        "OR": lambda: Q("OR", f"{rng.choice(WORDS2 + TERMS)} OR {rng.choice(WORDS2 + TERMS)}"),
        "exclusion": lambda: Q(
            "exclusion",
            rng.choice(
                (
                    "会议 -常务会议",
                    "安全 -安全生产",
                    "安全 -食品",
                    "调研 -督导",
                    f"{rng.choice(WORDS2)} -{name()}",
                )
            ),
        ),
        "single char": lambda: Q("single char", rng.choice(SINGLES)),
        "date range": lambda: Q("date range", word(), *_range(rng)),
        "person filter": lambda: Q("person filter", rng.choice(WORDS2 + TERMS), person=name()),
        "place filter": lambda: Q("place filter", rng.choice(WORDS2), place=rng.choice(v.counties)),
    }
    weights = dict(SHAPES)
    scale = total / sum(weights.values())
    out = [makers[shape]() for shape, n in SHAPES for _ in range(round(n * scale))]
    rng.shuffle(out)
    return out[:total]


def correctness_queries(v: Vocab, rng: random.Random) -> list[Q]:
    """30 queries with answers the brute force can give: sub-words, names, phrases, boolean shapes,
    single characters, date ranges (no person or place filters: those are facts, not text)."""
    top, mid = v.officials[0], v.officials[min(len(v.officials) - 1, 10)]
    two = next((n for n in v.officials if len(n) == 2), top)
    month = _month(rng)
    year = f"{rng.randint(2015, 2024)}"
    qs = [
        Q("2-char sub-word", "安全", *month),
        Q("2-char sub-word", "会议", *_month(rng)),
        Q("2-char word", "调研", f"{year}-01-01", f"{year}-06-30"),
        Q("2-char word", "防汛"),
        Q("2-char word", "民生", *_month(rng)),
        Q("name", top, f"{v.active.get(top, year)}-01-01", f"{v.active.get(top, year)}-12-31"),
        Q("name", mid),
        Q("2-char name", two),
        Q("3-4 char term", "安全生产", f"{year}-01-01", f"{year}-12-31"),
        Q("3-4 char term", "高质量发展", *_month(rng)),
        Q("3-4 char term", "输变电", *_year(rng)),
        Q("2-char sub-word", "变电", *_year(rng)),
        Q("3-4 char term", "省域副中心", *_year(rng)),
        Q("quoted phrase", '"迎峰度冬"', *_year(rng)),
        Q("quoted phrase", '"保交楼、保民生"', *_year(rng)),
        Q("digits+Han", "2020年", "2020-01-01", "2020-12-31"),
        Q("digits+Han", "100万", *_year(rng)),
        Q("AND of two", "调研 安全生产", f"{year}-01-01", f"{year}-12-31"),
        Q("AND of two", f"{mid} 会议"),
        Q("AND of three", "安全 生产 会议", *_month(rng)),
        Q("OR", "防汛 OR 抗旱", f"{year}-01-01", f"{year}-12-31"),
        Q("OR", "森林防火 OR 防汛"),
        Q("exclusion", "会议 -常务会议", *_month(rng)),
        Q("exclusion", "安全 -安全生产", *_month(rng)),
        Q("single char", "朱", *_week(rng)),
        Q("single char", "韶"),
        Q("county", rng.choice(v.counties)),
        Q("county short", rng.choice(("衡东", "醴陵", "耒阳", "韶山"))),
        Q("absent term", "量子计算"),
    ]
    while len(qs) < CORRECTNESS_QUERIES:
        qs.append(Q("text window", rng.choice(v.windows)[: rng.randint(2, 6)], *_year(rng)))
    return qs[:CORRECTNESS_QUERIES]


def _year(rng: random.Random) -> tuple[str, str]:
    year = rng.randint(2015, 2024)
    return f"{year}-01-01", f"{year}-12-31"


def _month(rng: random.Random) -> tuple[str, str]:
    year, month = rng.randint(2015, 2024), rng.randint(1, 12)
    return _months(year, month, month)


def _months(year: int, first: int, last: int) -> tuple[str, str]:
    end = calendar.monthrange(year, last)[1]
    return f"{year}-{first:02d}-01", f"{year}-{last:02d}-{end:02d}"


def _week(rng: random.Random) -> tuple[str, str]:
    start = date(2015, 1, 1) + timedelta(days=rng.randrange(3640))
    return start.isoformat(), (start + timedelta(days=6)).isoformat()


# --- measuring ------------------------------------------------------------------------------------


class Deadline:
    """Interrupts a connection's statement once `seconds` have passed since arm(): a query shape that
    degrades badly at scale is reported as slower than the timeout instead of stalling the run."""

    def __init__(self, conn: sqlite3.Connection, seconds: float) -> None:
        self.seconds = seconds
        self.until = math.inf
        conn.set_progress_handler(self._check, 10_000)

    def _check(self) -> int:
        return 1 if time.perf_counter() > self.until else 0

    def arm(self) -> None:
        self.until = time.perf_counter() + self.seconds


@dataclass
class Timed:
    q: Q
    fangzhi_ms: float
    baseline_ms: float
    fangzhi_total: int  # -1: interrupted at the timeout
    baseline_total: int
    baseline_kind: str
    fangzhi_cpu_ms: float  # the thread's CPU time: less sensitive than the wall clock to other load
    baseline_cpu_ms: float


def run_latency(
    fz: sqlite3.Connection, base: sqlite3.Connection, queries: Sequence[Q], timeout: float
) -> list[Timed]:
    """Every query through fangzhi, then every query through the baseline, each pass after a warm-up
    of its first 25 queries, untimed. The passes are apart, not interleaved query by query: a
    baseline query can scan most of its index, which leaves the processor's caches cold for the
    query after it; interleaving charged that to fangzhi (its p95 rose by a half to a double).
    A query still running after `timeout` seconds is interrupted and counted at the time it took
    (a lower bound)."""
    from fangzhi.query import QueryError, search
    from fangzhi.store.fts import parse_query

    fz_deadline, base_deadline = Deadline(fz, timeout), Deadline(base, timeout)

    def clocked(
        deadline: Deadline, run: Callable[[], int], failed: type[Exception]
    ) -> tuple[float, float, int]:
        """(wall ms, CPU ms, total) of one query; total -1 when it failed or ran out of time."""
        deadline.arm()
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            total = run()
        except failed:
            total = -1
        return (time.perf_counter() - t0) * 1000, (time.thread_time() - c0) * 1000, total

    def fangzhi(q: Q) -> tuple[float, float, int]:
        return clocked(
            fz_deadline, lambda: search(fz, q.text, q.filters(), limit=SEARCH_LIMIT).total, QueryError
        )

    def baseline(q: Q) -> tuple[float, float, int]:
        terms = parse_query(q.text).terms  # outside the clock: only the baseline's own work is timed
        return clocked(base_deadline, lambda: baseline_page(base, q, terms)[0], sqlite3.OperationalError)

    passes: list[list[tuple[float, float, int]]] = []
    for name, system in (("fangzhi", fangzhi), ("baseline", baseline)):
        for q in queries[:25]:
            system(q)
        done: list[tuple[float, float, int]] = []
        for i, q in enumerate(queries, 1):
            done.append(system(q))
            if i % 100 == 0:
                print(f"  … {name}: {i} queries", file=sys.stderr, flush=True)
        passes.append(done)
    fz.set_progress_handler(None, 0)
    base.set_progress_handler(None, 0)
    return [
        Timed(q, f[0], b[0], f[2], b[2], plan(q).kind, f[1], b[1])
        for q, f, b in zip(queries, passes[0], passes[1], strict=True)
    ]


@dataclass
class Checked:
    q: Q
    truth: int
    fangzhi_correct: int
    fangzhi_false: int
    fangzhi_total: int  # what search reports as total (negative: at least that many)
    fangzhi_read: int  # hits read page by page (duplicates or misses across pages show here)
    baseline_correct: int
    baseline_false: int
    baseline_kind: str
    fangzhi_s: float
    baseline_s: float
    interrupted: str = ""  # which system hit the timeout, if one did

    @property
    def fangzhi_exact(self) -> bool:
        return self.fangzhi_correct == self.truth and self.fangzhi_false == 0

    @property
    def baseline_exact(self) -> bool:
        return self.baseline_correct == self.truth and self.baseline_false == 0


def run_correctness(
    fz: sqlite3.Connection,
    base: sqlite3.Connection,
    queries: Sequence[Q],
    docs: Sequence[Doc],
    timeout: float,
) -> list[Checked]:
    """Each query's every hit from both systems; a system interrupted at `timeout` (its whole result
    set, all pages) is counted as finding nothing."""
    from fangzhi.query import QueryError

    rowid_of = {d.id: d.rowid for d in docs}
    fz_deadline, base_deadline = Deadline(fz, timeout), Deadline(base, timeout)
    out: list[Checked] = []
    for q in queries:
        want = truth(q, docs)
        interrupted = []
        fz_deadline.arm()
        t0 = time.perf_counter()
        try:
            got, total, read = fangzhi_all(fz, q, rowid_of)
        except QueryError:
            got, total, read = set(), -1, 0
            interrupted.append("fangzhi")
        t1 = time.perf_counter()
        base_deadline.arm()
        try:
            base_got = baseline_all(base, q)
        except sqlite3.OperationalError:
            base_got = set()
            interrupted.append("baseline")
        t2 = time.perf_counter()
        out.append(
            Checked(
                q,
                len(want),
                len(got & want),
                len(got - want),
                total,
                read,
                len(base_got & want),
                len(base_got - want),
                plan(q).kind,
                t1 - t0,
                t2 - t1,
                " ".join(interrupted),
            )
        )
    fz.set_progress_handler(None, 0)
    base.set_progress_handler(None, 0)
    return out


# --- report ---------------------------------------------------------------------------------------


def pct(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return 0.0
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


def latency_summary(values: Sequence[float]) -> dict[str, float]:
    return {
        "median_ms": statistics.median(values) if values else 0.0,
        "p95_ms": pct(values, 95),
        "max_ms": max(values, default=0.0),
        "mean_ms": statistics.fmean(values) if values else 0.0,
    }


@dataclass(frozen=True)
class Verdict:
    name: str
    value: float
    target: str
    passed: bool


def verdicts(ing: Ingest, timed: Sequence[Timed], checked: Sequence[Checked]) -> list[Verdict]:
    p95 = pct([t.fangzhi_ms for t in timed], 95)
    fz = sum(c.fangzhi_correct for c in checked)
    bl = sum(c.baseline_correct for c in checked)
    return [
        Verdict(
            "ingest: articles/s",
            ing.articles_per_s,
            f">= {INGEST_TARGET:g}",
            ing.articles_per_s >= INGEST_TARGET,
        ),
        Verdict("search: fangzhi p95 ms", p95, f"< {P95_TARGET_MS:g}", p95 < P95_TARGET_MS),
        Verdict("correctness: fangzhi correct hits - baseline's", fz - bl, ">= 0", fz >= bl),
    ]


def fmt_bytes(n: float) -> str:
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if abs(n) >= size:
            return f"{n / size:,.2f} {unit}"
    return f"{n:,.0f} B"


def print_report(r: dict[str, Any], timed: Sequence[Timed], checked: Sequence[Checked]) -> None:
    c, ing, sz, bl = r["corpus"], r["ingest"], r["size"], r["baseline_build"]
    print(
        f"\ncorpus: {c['pages']:,} pages, {c['articles']:,} articles generated "
        f"({fmt_bytes(c['bytes'])} UTF-8) from {c['seed_pages']} sample pages, seed {c['seed']}"
    )
    print("\ningest (open_archive(db).ingest(paths): read, parse, extract, store; one transaction a page)")
    if ing["stopped_at_budget"]:
        print(f"  STOPPED at the time budget ({r['budget_s']:g} s): measured on the pages ingested by then")
    print(f"  pages stored       {ing['pages']:>12,}   failed {ing['failed']:,}")
    print(f"  articles stored    {ing['articles']:>12,}   (N; the generator wrote {c['articles']:,})")
    print(f"  time               {ing['seconds']:>12,.1f} s")
    print(f"  articles/s         {ing['articles_per_s']:>12,.1f}")
    print(
        f"  per CPU second     {ing['articles_per_cpu_s']:>12,.1f} articles (CPU {ing['cpu_seconds']:,.1f} s)"
    )
    print(f"  pages/s            {ing['pages_per_s']:>12,.1f}")
    print(
        f"  parse only         {ing['parse_only_articles_per_s']:>12,.1f} articles/s "
        "(parse and extract, first 300 pages, no store)"
    )
    print(f"  persons, events    {ing['persons']:>12,} mentions, {ing['events']:,} events")
    rr = r["rerun"]
    print(
        f"  ingested again     {rr['seconds']:>12,.1f} s for {rr['pages']:,} pages "
        f"({rr['pages_per_s']:,.0f} pages/s), {rr['unchanged']:,} unchanged: nothing parsed"
    )
    dk = r["dask_ingest"]
    if dk:
        n_art = max(1, dk["articles"])
        print(
            f"\ningest of the first {dk['pages']:,} pages ({n_art:,} articles) into fresh archives, same run "
            f"(baseline: this process parses)\n"
            f"  serial             {dk['serial_s']:>8.1f} s  {n_art / dk['serial_s']:>8,.1f} articles/s\n"
            f"  Dask, {dk['workers']} workers    {dk['dask_s']:>8.1f} s  "
            f"{n_art / dk['dask_s']:>8,.1f} articles/s"
            f"  ({dk['speedup']:.2f}x serial, cluster start included; same rows: {dk['same_rows']})"
        )
    print("\nsize, after PRAGMA wal_checkpoint(TRUNCATE)")
    n = max(1, ing["articles"])
    print(f"  fangzhi database   {fmt_bytes(sz['file_bytes']):>12}   {sz['file_bytes'] / n:>8,.0f} B/article")
    for label, key in (
        ("  bigram FTS index", "fts_bytes"),
        ("  pages (raw text)", "pages_bytes"),
        ("  articles", "articles_bytes"),
        ("  facts and rest", "other_bytes"),
    ):
        print(f"  {label:<18} {fmt_bytes(sz[key]):>12}   {sz[key] / n:>8,.0f} B/article")
    print(
        f"  trigram baseline   {fmt_bytes(bl['file_bytes']):>12}   {bl['file_bytes'] / n:>8,.0f} B/article "
        f"(its own copy of head+body, date index)"
    )
    print(
        f"    trigram index    {fmt_bytes(bl['index_bytes']):>12}   {bl['index_bytes'] / n:>8,.0f} B/article"
    )
    print(f"  baseline build: copy {bl['copy_s']:.1f} s, trigram index {bl['index_s']:.1f} s")

    print(f"\nsearch latency, {len(timed)} queries, top {SEARCH_LIMIT} with total and snippets (ms)")
    print(f"(a query still running at {r['timeout_s']:g} s is interrupted and counted at that time: t/o)")
    head = (
        f"{'shape':<16} {'n':>4} | {'fangzhi med':>11} {'p95':>7} {'max':>7} {'t/o':>3} | "
        f"{'baseline med':>12} {'p95':>7} {'max':>7} {'t/o':>3}"
    )
    print(head)
    print("-" * len(head))
    shapes = [s for s, _ in SHAPES]
    for shape in [*shapes, "all"]:
        rows = [t for t in timed if shape in ("all", t.q.shape)]
        if not rows:
            continue
        f = latency_summary([t.fangzhi_ms for t in rows])
        b = latency_summary([t.baseline_ms for t in rows])
        f_to = sum(t.fangzhi_total < 0 for t in rows)
        b_to = sum(t.baseline_total < 0 for t in rows)
        if shape == "all":
            print("-" * len(head))
        print(
            f"{shape:<16} {len(rows):>4} | {f['median_ms']:>11.1f} {f['p95_ms']:>7.1f} {f['max_ms']:>7.1f} "
            f"{f_to:>3} | {b['median_ms']:>12.1f} {b['p95_ms']:>7.1f} {b['max_ms']:>7.1f} {b_to:>3}"
        )
    for kind in ("MATCH", "LIKE"):
        rows = [t.baseline_ms for t in timed if t.baseline_kind == kind]
        if rows:
            s = latency_summary(rows)
            print(
                f"  baseline {kind:<5} queries: {len(rows):>3}, "
                f"median {s['median_ms']:.1f}, p95 {s['p95_ms']:.1f}"
            )
    for system in ("fangzhi", "baseline"):
        s = r["latency"][f"{system}_cpu"]
        print(
            f"  {system} by CPU time (the wall clock less waiting on other load): "
            f"median {s['median_ms']:.1f}, p95 {s['p95_ms']:.1f}"
        )
    print("\nslowest fangzhi queries:")
    for t in sorted(timed, key=lambda t: t.fangzhi_ms, reverse=True)[:10]:
        print(f"  {t.fangzhi_ms:>8.1f} ms  {t.fangzhi_total:>7,} hits  ({t.q.shape}) {t.q.label()}")
    print("slowest baseline queries:")
    for t in sorted(timed, key=lambda t: t.baseline_ms, reverse=True)[:5]:
        print(f"  {t.baseline_ms:>8.1f} ms  {t.baseline_total:>7,} hits  ({t.baseline_kind}) {t.q.label()}")

    print(
        f"\ncorrectness, {len(checked)} queries: every hit (fangzhi's read {PAGE_LIMIT} a page) "
        "against the brute force"
    )
    head = (
        f"{'#':>2} {'query':<52} {'truth':>6} | {'fangzhi ok':>10} {'false':>5} {'s':>5} | "
        f"{'baseline ok':>11} {'false':>5} {'s':>5}"
    )
    print(head)
    print("-" * len(head))
    for i, k in enumerate(checked, 1):
        note = (
            f"  (search read {k.fangzhi_read} of total {k.fangzhi_total})"
            if k.fangzhi_read != k.fangzhi_total and not -k.fangzhi_total <= k.fangzhi_read
            else ""
        )
        if k.interrupted:
            note += f"  ({k.interrupted} interrupted at {CORRECTNESS_TIMEOUT:g} s)"
        print(
            f"{i:>2} {_clip(k.q.label(), 52)} {k.truth:>6} | {k.fangzhi_correct:>10} {k.fangzhi_false:>5} "
            f"{k.fangzhi_s:>5.1f} | {k.baseline_correct:>11} {k.baseline_false:>5} {k.baseline_s:>5.1f} "
            f"{k.baseline_kind}{note}"
        )
    cr = r["correctness"]
    for system in ("fangzhi", "baseline"):
        s = cr[system]
        print(
            f"  {system:<8} correct hits {s['correct']:,} of {cr['truth']:,} (recall {s['recall']:.4f}), "
            f"false hits {s['false']:,}, exact answers {s['exact']}/{len(checked)}"
        )


def _clip(text: str, width: int) -> str:
    """Pad or cut to `width` display columns (a Han character takes two)."""
    out, cols = "", 0
    for ch in text:
        w = 2 if ord(ch) > 0x2E7F else 1
        if cols + w > width:
            break
        out += ch
        cols += w
    return out + " " * (width - cols)


def print_verdicts(results: Sequence[Verdict]) -> None:
    print()
    for v in results:
        print(f"{'PASS' if v.passed else 'FAIL'}  {v.name} = {v.value:,.2f} (target {v.target})")


# --- main -----------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--articles", type=int, default=100_000, help="articles to generate (default 100000)")
    p.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="folder of *.txt sample pages")
    p.add_argument("--seed", type=int, default=1, help="seed of the generator and of the queries (default 1)")
    p.add_argument("--db", type=Path, help="the archive to create (must not exist; default: in a temp dir)")
    p.add_argument(
        "--budget",
        type=float,
        default=660.0,
        help="seconds the ingest may take; it stops there (default 660)",
    )
    p.add_argument(
        "--timeout", type=float, default=2.0, help="seconds before a latency query is interrupted (default 2)"
    )
    p.add_argument("--queries", type=int, default=500, help="latency queries (default 500)")
    p.add_argument(
        "--dask-pages",
        type=int,
        default=2000,
        help="pages ingested again serially and on a local Dask cluster, to compare (default 2000; 0: none)",
    )
    p.add_argument("--check", action="store_true", help="exit 1 when a target fails")
    p.add_argument("--json", type=Path, metavar="PATH", help="also write the figures as JSON")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.articles < 10 or args.queries < 1:
        print("--articles must be at least 10 and --queries at least 1", file=sys.stderr)
        return 2
    if args.db is not None and args.db.exists():
        print(f"{args.db} exists: the benchmark ingests into a fresh archive", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="fangzhi-bench-") as tmp:
        return run(args, Path(tmp))


def run(args: argparse.Namespace, tmp: Path) -> int:
    started = time.perf_counter()
    load_start = os.getloadavg()[0]
    print(
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs, "
        f"load average {load_start:.2f} (other work on the machine slows every figure)"
    )
    material, seed_pages = read_material(args.pages)
    if not material.leads or not material.sentences:
        print(f"no usable sample pages in {args.pages}: pass --pages DIR", file=sys.stderr)
        return 2
    db = args.db or tmp / "archive.db"
    base_path = db.with_name(db.name + ".trigram")
    if base_path.exists():
        print(f"{base_path} exists: remove it first", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    paths, gen = write_corpus(Generator(material, args.seed), tmp / "pages", args.articles)
    print(
        f"generated {gen.pages:,} pages, {gen.articles:,} articles in {time.perf_counter() - t0:.1f} s",
        file=sys.stderr,
    )

    ing = ingest(db, paths, args.budget)
    ing.parse_only_articles_per_s = parse_only_rate(paths)
    print(f"ingested in {ing.seconds:.1f} s", file=sys.stderr)
    again = rerun(db, paths[: ing.pages])
    dask_run = dask_ingest(tmp, paths[: args.dask_pages]) if args.dask_pages else None
    if dask_run is not None:
        print(f"serial and Dask ingest of {dask_run.pages:,} pages compared", file=sys.stderr)
    sizes = table_bytes(db)
    fts = group_bytes(sizes, "articles_fts")
    pages_b = sizes.get("pages", 0) + group_bytes(sizes, "sqlite_autoindex_pages")
    articles_b = sizes.get("articles", 0) + group_bytes(sizes, "sqlite_autoindex_articles")
    file_bytes = db.stat().st_size

    docs = load_docs(db)
    build = build_baseline(base_path, docs)
    print(f"baseline built in {build.copy_s + build.index_s:.1f} s", file=sys.stderr)

    rng = random.Random(args.seed)
    v = vocab(db, docs, rng)
    from fangzhi.store.store import Store

    store = Store(db, readonly=True)
    base = sqlite3.connect(f"file:{base_path.resolve()}?mode=ro", uri=True)
    try:
        timed = run_latency(store.conn, base, latency_queries(v, rng, args.queries), args.timeout)
        print(f"latency done at {time.perf_counter() - started:.0f} s", file=sys.stderr)
        checked = run_correctness(store.conn, base, correctness_queries(v, rng), docs, CORRECTNESS_TIMEOUT)
    finally:
        store.close()
        base.close()

    truth_total = sum(c.truth for c in checked)

    def system(prefix: str) -> dict[str, Any]:
        correct = sum(getattr(c, f"{prefix}_correct") for c in checked)
        return {
            "correct": correct,
            "false": sum(getattr(c, f"{prefix}_false") for c in checked),
            "recall": correct / truth_total if truth_total else 1.0,
            "exact": sum(getattr(c, f"{prefix}_exact") for c in checked),
        }

    report: dict[str, Any] = {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
        "budget_s": args.budget,
        "timeout_s": args.timeout,
        "corpus": {**asdict(gen), "seed_pages": seed_pages, "seed": args.seed, "requested": args.articles},
        "ingest": {
            **asdict(ing),
            "articles_per_s": ing.articles_per_s,
            "articles_per_cpu_s": ing.articles / ing.cpu_seconds if ing.cpu_seconds else 0.0,
            "pages_per_s": ing.pages_per_s,
        },
        "size": {
            "file_bytes": file_bytes,
            "bytes_per_article": file_bytes / max(1, ing.articles),
            "fts_bytes": fts,
            "pages_bytes": pages_b,
            "articles_bytes": articles_b,
            "other_bytes": sum(sizes.values()) - fts - pages_b - articles_b,
            "tables": sizes,
        },
        "rerun": {**asdict(again), "pages_per_s": again.pages / again.seconds if again.seconds else 0.0},
        "dask_ingest": None if dask_run is None else {**asdict(dask_run), "speedup": dask_run.speedup},
        "baseline_build": {**asdict(build), "bytes_per_article": build.file_bytes / max(1, ing.articles)},
        "latency": {
            "fangzhi": latency_summary([t.fangzhi_ms for t in timed]),
            "baseline": latency_summary([t.baseline_ms for t in timed]),
            "fangzhi_cpu": latency_summary([t.fangzhi_cpu_ms for t in timed]),
            "baseline_cpu": latency_summary([t.baseline_cpu_ms for t in timed]),
            "by_shape": {
                shape: {
                    "n": sum(1 for t in timed if t.q.shape == shape),
                    "fangzhi": latency_summary([t.fangzhi_ms for t in timed if t.q.shape == shape]),
                    "baseline": latency_summary([t.baseline_ms for t in timed if t.q.shape == shape]),
                }
                for shape, _ in SHAPES
            },
            "queries": [{**asdict(t.q), **{k: v for k, v in asdict(t).items() if k != "q"}} for t in timed],
        },
        "correctness": {
            "truth": truth_total,
            "fangzhi": system("fangzhi"),
            "baseline": system("baseline"),
            "queries": [{**asdict(c.q), **{k: v for k, v in asdict(c).items() if k != "q"}} for c in checked],
        },
    }
    print_report(report, timed, checked)
    results = verdicts(ing, timed, checked)
    report["targets"] = [asdict(x) for x in results]
    report["total_s"] = time.perf_counter() - started
    print_verdicts(results)
    report["load_average"] = {"start": load_start, "end": os.getloadavg()[0]}
    print(
        f"\nwhole run {report['total_s']:,.0f} s; load average at the end {report['load_average']['end']:.2f}"
    )
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if args.check and not all(x.passed for x in results) else 0


if __name__ == "__main__":
    sys.exit(main())
