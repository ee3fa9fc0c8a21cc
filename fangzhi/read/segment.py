"""Blocks → articles: heads to bodies, displaced tails, fragments, stranded titles.

Each dateline, byline line or photo caption opens an article and takes the headline block
printed just above it. Whether a body paragraph goes on from what is printed before it is the
boundary model's label (`boundaries.page_labels`, decided over the whole page); without labels
(`Settings.learned` off) an attendance line (市领导…出席。) closes an article, as the rules read.
Body text that does not go on from an open article is an orphan run, placed afterwards:
1. an article printed with a head but no body (a head interleaved with another's) takes the
   nearest orphan run;
2. every pair of a run and an article is scored by the tail model (`tails.json`), and a run
   joins an article where that, weighed TAIL_ODDS times, is likelier than its being a fragment,
   however unsure the model is (without a shipped model, the printed cues decide: shared
   vocabulary, printed just above the headline, ending the way reports end);
3. what is left is a fragment of an article from another page.
A title stranded away from its body (printed after it, at the page end) goes to the headless
article it best matches.
"""

from __future__ import annotations

import functools
import json
import math
import re
import sys
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from itertools import chain, compress, islice
from operator import ne, sub

from fangzhi.lexicon import chars, layout
from fangzhi.model import Block
from fangzhi.read import credits, reflow
from fangzhi.read.blocks import ANCHORS, Layout, opens_as_lead, reports_the_title
from fangzhi.read.boundaries import attends, closes_attended, event_kinds
from fangzhi.read.vocabulary import PageVocabulary, Words, overlap

TAIL_MIN_SCORE = 0.35
# A run joins an article where its being that article's rest, weighed this many times, is likelier
# than its being a fragment of one printed elsewhere (the product of the other readings): the
# pairwise model, fitted over every near pair, reads a run whose article is printed here as one
# from elsewhere too often. Chosen on held-out dev families (1.7 to 2.5 read alike; at 1, 88 reports'
# rests were left fragments, at 2, 61) and confirmed on pages of two seeds never read before.
TAIL_ODDS = 2.0
HEAD_RUNS = 3  # the runs after a head printed without a body that it may take
TITLE_MIN_SCORE = 0.2
TITLE_ALONE_MIN_SCORE = 0.05
SIMILARITY_CHARS = 400
TAILS_FILE = "tails.json"


@dataclass(slots=True)
class Draft:
    """An article being assembled; blocks are indexes into the layout."""

    order: int
    head: list[int] = field(default_factory=list)
    dateline: int | None = None
    bylines: list[int] = field(default_factory=list)  # lines of credits over the body
    caption: int | None = None
    credit: int | None = None
    body: list[int] = field(default_factory=list)
    tail: list[int] = field(default_factory=list)
    closed: bool = False
    expects_body: bool = True
    fragment: bool = False
    credits: list[int] = field(default_factory=list)  # credits printed after the body
    aside: list[int] = field(default_factory=list)  # blocks of no article (furniture left in the text)

    @property
    def blocks(self) -> list[int]:
        parts = [*self.head, self.dateline, *self.bylines, self.caption, self.credit, *self.body, *self.tail]
        return [b for b in parts if b is not None] + self.credits


@dataclass(slots=True)
class _Run:
    blocks: list[int]
    closed: bool = False
    credits: list[int] = field(default_factory=list)


def segment(
    lay: Layout,
    labels: list[str] | None = None,
    collect: list[tuple[list[int], list[int], list[float]]] | None = None,
) -> list[Draft]:
    """The page's articles. `labels` (B/I/C/O per block, from `boundaries.page_labels`) decide
    where a body paragraph goes on and where something new begins; without them an attendance
    line closes an article and an orphan run goes on while its paragraphs are adjacent."""
    blocks = lay.blocks
    drafts: list[Draft] = []
    runs: list[_Run] = []
    strays: list[int] = []
    aside: list[int] = []
    headless = False  # a head printed without its body waits for one further down
    current: Draft | None = None
    waiting: list[list[int]] = []  # head groups not yet claimed, in page order
    over: list[int] = []  # reporters' lines printed over the dateline that follows them
    i = 0
    n = len(blocks)
    while i < n:
        b = blocks[i]
        if i in lay.group_of:
            g = lay.group_of[i]
            members = [j for j in lay.groups[g]]
            host = _subhead_host(lay, labels, members, current, runs)
            if host is not None:
                # a subhead parting the report printed over it: the model reads it as going on
                host.extend(members)
                i = members[-1] + 1
                continue
            waiting.append(members)
            i = members[-1] + 1
            nxt = blocks[i] if i < n else None
            if nxt is None or (nxt.kind not in ANCHORS and i not in lay.group_of):
                # a head with no dateline: its body follows directly
                current = Draft(order=members[0], head=waiting.pop())
                drafts.append(current)
            continue
        # only credits lie between it and a head, or a plain title over the paragraph it heads (a
        # byline stands under a head, never over one: 某台记者甲报道 / 某村：产业铺就致富路 / “…”)
        closes = b.kind == "byline" and (_before_a_head(lay, i) or _titles_next(blocks, labels, i))
        if closes and runs and i - 1 in (runs[-1].blocks[-1], *runs[-1].credits[-1:]):
            # right under a stretch of text, or under its credit line: it goes where that goes
            runs[-1].credits.append(i)
            i += 1
            continue
        if (
            b.kind == "byline"
            and current is not None
            and current.body
            and ((labels is not None and labels[i] == "C") or closes)
        ):
            # a line of credits under the report, not over the next one: the model says so, or
            # nothing but the next head (or the page's end) follows it
            current.credits.append(i)
            i += 1
            continue
        if b.kind == "byline" and _over_dateline(blocks, i):
            over.append(i)
            i += 1
            continue
        if (
            b.kind == "byline"
            and current is not None
            and current.bylines[-1:] == [i - 1]
            and not current.body
        ):
            # credit lines stacked under a head (口述：甲 / 采访：乙 / 整理：丙): one report's
            current.bylines.append(i)
            i += 1
            continue
        if b.kind in ANCHORS:
            current = _open(blocks, i, waiting, drafts, over)
            over = []
            headless |= not current.expects_body and current.caption is None
            i += 2 if b.kind == "caption" and i + 1 < n and blocks[i + 1].kind == "credit" else 1
            continue
        if b.kind == "credit":  # a credit with no caption before it: the open article's, after its body
            if current is not None:
                current.credits.append(i)
            elif runs:
                runs[-1].credits.append(i)
            else:
                drafts.append(Draft(order=i, fragment=True, credits=[i]))
            i += 1
            continue
        # body
        label = _label(labels, i, b)
        if b.titleish and (i + 1 >= n or blocks[i + 1].kind != "body"):
            strays.append(i)
        elif (label == "B" or (i > 0 and blocks[i - 1].kind == "byline" and b.kind == "body")) and (
            _heads_what_follows(blocks, labels, i)
        ):
            # a plain title over a lead that opens as no lead does (连日来，… / 在某地，…): the
            # model reads a new piece beginning here and the paragraph under it going on from it
            # _heads_what_follows(i) holds the line under it a body paragraph that goes on from it;
            # under a line of credits it heads the next report whatever its label (_titles_next)
            head = [i]
            while (
                len(head) < 3
                and _heads_what_follows(blocks, labels, i + 1)
                and not _ROLE_WORDS.search(blocks[i + 1].text)
            ):
                i += 1  # a title of several lines (a kicker over it, a subtitle under it), not a credit
                head.append(i)
            current = Draft(order=head[0], head=head)
            drafts.append(current)
        elif label == "O":
            aside.append(i)
        elif label == "C" and current is not None and current.caption is None:
            current.credits.append(i)
        elif current is not None and current.caption is None and _goes_on(current, b, label, headless):
            current.body.append(i)
            current.closed = b.closing
        else:
            current = None if label is not None else current  # what follows is another stretch
            if not runs or not _run_goes_on(runs[-1], i, label):
                runs.append(_Run([i]))
            else:
                runs[-1].blocks.append(i)
            runs[-1].closed = b.closing
        i += 1
    vocab = lay.vocabulary if labels is not None or collect is not None else None
    _place_runs(blocks, drafts, runs, vocab=vocab, learned=labels is not None, collect=collect)
    if labels is not None:
        _return_speakers_ends(blocks, drafts)
    _bodiless_heads_wait(drafts, strays, waiting)
    _place_strays(blocks, drafts, strays)
    _place_unclaimed_heads(blocks, drafts, waiting)
    drafts.sort(key=lambda d: d.order)
    if aside:
        drafts.append(Draft(order=n, aside=aside))
    return [d for d in drafts if d.blocks or d.aside]


def _subhead_host(
    lay: Layout, labels: list[str] | None, members: list[int], current: Draft | None, runs: list[_Run]
) -> list[int] | None:
    """The body (of the open article, or of the orphan run) a head group parts as a subhead: a
    group the model labels as going on from the body printed just over it, with body text (no
    dateline, byline or caption) under it that opens no report. None: the group heads a report."""
    if labels is None or len(members) > 1 or labels[members[0]] != "I":
        return None  # a subhead is one line; kicker, headline and subtitle head a report
    after = members[0] + 1
    if after >= len(lay.blocks) or lay.blocks[after].kind != "body" or after in lay.group_of:
        return None
    lead = lay.blocks[after].text.lstrip()
    if (
        opens_as_lead(lead)
        or credits.match_dateline(lead, alone=False) is not None
        or reports_the_title(lay.blocks[members[0]].text, lead)
    ):
        return None  # a lead that opens as leads open (with its date, 近日…), a dateline: a report
    if current is not None and current.body and current.caption is None:
        host = current.body
    elif runs:
        host = runs[-1].blocks
    else:
        return None
    return host if host[-1] == members[0] - 1 else None


def _before_a_head(lay: Layout, i: int) -> bool:
    """Nothing but other credit lines comes between block i and the next head group (or the
    page's end): 记者 甲 / 视觉 乙 under a report are its credits, one line each."""
    j = i + 1
    while j < len(lay.blocks) and j not in lay.group_of and lay.blocks[j].kind in ("byline", "credit"):
        j += 1
    return j >= len(lay.blocks) or j in lay.group_of


def _label(labels: list[str] | None, i: int, b: Block) -> str | None:
    """The block's label, but a paragraph the page says comes from elsewhere opens a new piece."""
    label = labels[i] if labels is not None else None
    if label == "I" and b.jump == "from":
        return "B"  # the page says it comes from another: it goes on from nothing printed here
    return label


_ROLE_WORDS = re.compile(r"记者|通讯员|编辑|摄")  # a credit's line under a title names a role
# a title's last character is none of these: a question (an interview's), or a word that wants
# what follows it (…一行的 / …情况的 / …来到), which a column cut off from the rest of its line
_NO_TITLE_END = frozenset("？?的了和与及对在把被将向从并或而到")


def _titles_next(blocks: tuple[Block, ...], labels: list[str] | None, i: int) -> bool:
    """Block i is a line of credits with a plain title under it, over the paragraph it heads."""
    return (
        0 <= i < len(blocks) - 1
        and blocks[i].kind == "byline"
        and blocks[i + 1].kind == "body"
        and blocks[i + 1].titleish
        and _heads_what_follows(blocks, labels, i + 1)
    )


def _heads_what_follows(blocks: tuple[Block, ...], labels: list[str] | None, i: int) -> bool:
    """Body block i is a title heading the paragraph under it: a terse line with no clause, not a
    question (an interview's), that opens a new piece, over a paragraph that goes on from it and
    opens a sentence (not the rest of a word or sentence a column cut on the line above)."""
    b = blocks[i]
    if labels is None or not b.titleish or i + 1 >= len(blocks) or labels[i + 1] != "I":
        return False
    nb = blocks[i + 1]
    if nb.kind != "body" or nb.starts_mid or b.text.rstrip()[-1:] in _NO_TITLE_END:
        return False
    return not reflow.opens_inside_word(nb.text.lstrip())


def _goes_on(d: Draft, b: Block, label: str | None, waiting: bool) -> bool:
    """Does body block b continue the open article d? Not past an attendance line while a head
    printed without its body (interleaved with another's) waits for one."""
    if label is None:
        return not d.closed
    if not d.body and d.expects_body and not d.closed:
        return True  # the lead after a dateline or head printed on lines of their own
    return label == "I" and not (d.closed and waiting)


def _run_goes_on(run: _Run, i: int, label: str | None) -> bool:
    if label is None:
        return not run.closed and run.blocks[-1] == i - 1
    return label == "I" and run.blocks[-1] == i - 1


def _over_dateline(blocks: tuple[Block, ...], i: int) -> bool:
    """A line of named reporters with nothing but such lines between it and a dateline: the credit
    of the report that dateline opens (记者 张三 / 通讯员 李四 / 本报讯…). A paper's voice
    (本报评论员) names no one and heads a commentary of its own."""
    j = i
    while j < len(blocks) and blocks[j].kind == "byline":
        j += 1
    if j >= len(blocks) or blocks[j].kind != "dateline":
        return False
    return any(c.name for c in credits.credits_named(blocks[i].text, 0))


def _open(
    blocks: tuple[Block, ...], i: int, waiting: list[list[int]], drafts: list[Draft], over: list[int]
) -> Draft:
    b = blocks[i]
    d = Draft(order=i)
    first = over[0] if over and over[-1] == i - 1 else i
    head = waiting.pop() if waiting and waiting[-1][-1] == first - 1 else None
    if b.kind == "dateline":
        d.dateline = i
        d.bylines = list(over) if first < i else []
        # the head of an article whose byline line came just before this dateline
        if head is None and i > 0 and blocks[i - 1].kind == "byline" and waiting:
            prev_head = waiting[-1]
            if prev_head[-1] == i - 2 or _adjacent_to_claimed(prev_head, drafts, i - 1):
                head = waiting.pop()
    elif b.kind == "byline":
        d.bylines = [i]
        d.expects_body = not (i + 1 < len(blocks) and blocks[i + 1].kind == "dateline")
        d.closed = not d.expects_body
    else:
        d.caption = i
        if i + 1 < len(blocks) and blocks[i + 1].kind == "credit":
            d.credit = i + 1
    if head:
        d.head = head
        d.order = head[0]
    drafts.append(d)
    return d


def _adjacent_to_claimed(group: list[int], drafts: list[Draft], byline_at: int) -> bool:
    """The group ends right where a head claimed by the byline's article begins."""
    for d in drafts:
        if byline_at in d.bylines and d.head:
            return group[-1] == d.head[0] - 1
    return False


# ---------------------------------------------------------------- orphan runs


def _place_runs(
    blocks: tuple[Block, ...],
    drafts: list[Draft],
    runs: list[_Run],
    *,
    vocab: PageVocabulary | None = None,
    learned: bool = False,
    collect: list[tuple[list[int], list[int], list[float]]] | None = None,
) -> None:
    """Orphan runs to the articles they belong to. With `learned`, a pair's score is the tail
    model's probability (fitted on dev pages with the boundary model); `collect` receives every
    candidate pair's features, for fitting."""
    left = list(runs)
    memo: dict[str, Vector] = {}  # the words of texts compared more than once, for this page only
    # 1. heads printed without a body take the run after them their words are likest, of the
    # nearest few (the nearest on a tie; else the last run before them): the next run may be
    # another report's rest printed between (a column cut off its lead)
    for d in drafts:
        if d.expects_body or d.body or d.caption is not None:
            continue
        after = [r for r in left if r.blocks[0] > d.order][:HEAD_RUNS]
        if len(after) > 1:
            head = _text(blocks, d.head)
            likeness = [_similarity(head, _text(blocks, r.blocks), memo) for r in after]
            pick: _Run | None = after[likeness.index(max(likeness))]
        else:
            pick = after[0] if after else (left[-1] if left else None)
        if pick is not None:
            d.body.extend(pick.blocks)
            d.expects_body = True
            left.remove(pick)
    # 2. displaced tails: the best-matching open article, best pairs first
    pairs: list[tuple[float, int, int]] = []
    weights = tail_weights() if learned else None
    candidates = [
        di
        for di, d in enumerate(drafts)
        if d.caption is None and (d.body or d.head) and not any(blocks[i].jump == "to" for i in d.body)
    ]  # an article that says where it goes on (another page) takes no tail here
    # an article's words kept as a tuple (8 bytes a word), a set only while it is made: a page's
    # articles all held as sets made the largest part of a parse's peak memory. None is asked
    # about when no run is left to place.
    own_words: dict[int, tuple[int, ...]] = (
        {di: tuple(_article_words(drafts[di], vocab, with_common=True)) for di in candidates}
        if vocab and left
        else {}
    )
    run_words = [vocab.of(r.blocks, with_common=True) for r in left] if vocab is not None else []
    # how many of the stretches weighed (runs and articles) print each word: a word only a run
    # and one article share (a name, a place, a firm) says more than words every report uses.
    # Only words some run prints are ever asked about, so only those are counted.
    in_runs = frozenset().union(*run_words)
    spread = Counter(filter(in_runs.__contains__, chain(*own_words.values(), *run_words)))
    del in_runs
    by_cues: list[int] = []  # runs placed without the tail model (none shipped)
    near = _near_articles(drafts, candidates)
    told_of: dict[int, int] = {}  # the kinds of event each article's head and lead tell of, read once
    for ri, r in enumerate(left):
        xs: dict[int, list[float]] = {}
        if vocab is not None:
            # the kind of event the run tells of (…参加会见。 a reception) against each article's
            told = _kinds_of(blocks, r.blocks)
            for di in near(r):
                only = sum(1 for c in run_words[ri].intersection(own_words[di]) if spread[c] == 2)
                kinds = 0
                if told:
                    if di not in told_of:
                        told_of[di] = _kinds_of(blocks, [*drafts[di].head, *drafts[di].body[:1]])
                    kinds = told_of[di]
                same, other = bool(told & kinds), bool(kinds) and not told & kinds
                x = tail_features(blocks, r, drafts[di], vocab)
                xs[di] = [*x, float(same), float(other), math.log1p(only)]
        if xs:
            best = max(xs.values(), key=lambda x: x[1])[1]
            most = max(x[-1] for x in xs.values())
            for x in xs.values():
                x.append(float(x[1] >= best > 0))  # the article whose words it shares most
                x.append(float(x[-2] >= most > 0))  # the one it alone shares the rarest words with
        if collect is not None:
            collect.extend((r.blocks, drafts[di].blocks, xs[di]) for di in near(r))
        if weights is not None:
            # the run is the rest of one of the articles, or of none printed here: an article
            # takes it when that (weighed TAIL_ODDS times) is likelier than its being a fragment,
            # Π(1 - p) over all
            probs = {di: _logistic(weights, xs[di]) for di in near(r)}
            # (where its likeliest reading was under 0.6, the printed cues below used to decide:
            # they placed fewer displaced tails than the model's own likeliest reading)
            none = math.prod(1.0 - p for p in probs.values())
            pairs.extend((p, ri, di) for di, p in probs.items() if p * TAIL_ODDS > none)
            continue
        # no tail model: the printed cues decide (shared words, printed just above the headline,
        # ending as reports end; a report that has ended takes no more)
        by_cues.append(ri)
    # the cues weigh texts, not these word sets: let go first, they and the texts' bigrams held
    # together made a parse's peak memory (the pairs are sorted below, so their order is free)
    del own_words, run_words, spread
    for ri in by_cues:
        r = left[ri]
        for di in near(r):
            d = drafts[di]
            if not d.closed:
                s = _tail_score(blocks, r, d, memo)
                if s >= TAIL_MIN_SCORE:
                    pairs.append((s, ri, di))
    taken_r: set[int] = set()
    for ri, di in _assignment(pairs):
        taken_r.add(ri)
        drafts[di].tail.extend(left[ri].blocks)
        drafts[di].credits.extend(left[ri].credits)
        drafts[di].closed = left[ri].closed
    # 3. the rest are fragments of articles printed elsewhere
    for ri, r in enumerate(left):
        if ri not in taken_r:
            drafts.append(
                Draft(
                    order=r.blocks[0], body=list(r.blocks), fragment=True, closed=r.closed, credits=r.credits
                )
            )


def _assignment(pairs: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Which run is which article's rest, decided over the whole page: the pairs, each run with at
    most one article and each article with at most one run, whose scores sum the highest
    (scipy's linear_sum_assignment). Where no run or article is in two pairs, that is every pair."""
    best: dict[tuple[int, int], float] = {}
    for score, ri, di in pairs:
        best[(ri, di)] = max(best.get((ri, di), 0.0), score)
    runs = sorted({ri for ri, _di in best})
    arts = sorted({di for _ri, di in best})
    if len(best) == len(runs) == len(arts):
        return list(best)
    from scipy.optimize import linear_sum_assignment  # only a page where pairs contend needs it

    weights = [[best.get((ri, di), 0.0) for di in arts] for ri in runs]
    rows, cols = linear_sum_assignment(weights, maximize=True)
    # a pair no score allowed (weight 0) only fills the square the solver works on
    return [(runs[a], arts[b]) for a, b in zip(rows, cols, strict=True) if (runs[a], arts[b]) in best]


def _return_speakers_ends(blocks: tuple[Block, ...], drafts: list[Draft]) -> None:
    """An article's last paragraph printed right above the next article's head, opening with a
    speaker its own article never names and the next one does (and no other near it), is the
    next article's last paragraph, displaced above its head: the boundary model read it on."""
    ends = [ai for ai, a in enumerate(drafts) if len(a.body) >= 2 and not a.tail and a.caption is None]
    ends = [ai for ai in ends if layout.SPEAKER_OPENS.match(blocks[drafts[ai].body[-1]].text)]
    if not ends:
        return  # no report ends with a speaker's words: nothing to weigh
    starts = {min(d.blocks): di for di, d in enumerate(drafts) if d.blocks}
    order = sorted(starts.values(), key=lambda di: drafts[di].order)
    place = {di: k for k, di in enumerate(order)}
    moves: list[tuple[int, int]] = []
    for ai in ends:
        a = drafts[ai]
        p = a.body[-1]
        bi = starts.get(p + 1)
        m = layout.SPEAKER_OPENS.match(blocks[p].text) if bi is not None else None
        if m is None or bi is None or drafts[bi].tail or drafts[bi].fragment or ai not in place:
            continue
        name = m.group(1)
        if name in _whole(blocks, [*a.head, *a.body[:-1]]) or name not in _whole(blocks, drafts[bi].blocks):
            continue
        k = place[ai]
        near = order[max(0, k - NEAR_ARTICLES // 2) : k + NEAR_ARTICLES // 2]
        if not any(name in _whole(blocks, drafts[di].blocks) for di in near if di not in (ai, bi)):
            moves.append((ai, bi))
    for ai, bi in moves:
        drafts[bi].tail.append(drafts[ai].body.pop())


def _whole(blocks: tuple[Block, ...], idx: list[int]) -> str:
    return "".join(blocks[i].text for i in idx)


# A run is weighed against the articles printed nearest it, no more: on a page of any length the
# pairs weighed grow with the page, not with its square (a page prints far fewer articles).
NEAR_ARTICLES = 24


def _near_articles(drafts: list[Draft], candidates: list[int]) -> Callable[[_Run], list[int]]:
    """For a run, the candidate articles to weigh it against: all of them on a page of no more
    than NEAR_ARTICLES, else the NEAR_ARTICLES whose places on the page are nearest the run's."""
    if len(candidates) <= NEAR_ARTICLES:
        return lambda r: candidates
    by_order = sorted(candidates, key=lambda di: drafts[di].order)
    orders = [drafts[di].order for di in by_order]

    def near(r: _Run) -> list[int]:
        k = bisect_left(orders, r.blocks[0])
        lo = min(max(0, k - NEAR_ARTICLES // 2), len(by_order) - NEAR_ARTICLES)
        return by_order[lo : lo + NEAR_ARTICLES]

    return near


TAIL_FEATURES = (
    "bias",
    "similarity",
    "just_above_head",
    "right_after_body",
    "before_article",
    "distance",
    "run_closes",
    "article_closed",
    "run_starts_mid",
    "article_ends_open",
    "mid_meets_open",
    "run_dated_lead",
    "article_has_dateline",
    "article_has_head",
    "whole_just_above_head",
    "whole_right_after_body",
    "after_body_past_photo",
    "run_size",
    "speaker_named_here",
    "pronoun_speaks_on",
    "attended_again",
    "attended_first",
    "same_kind_of_event",
    "other_kind_of_event",
    "words_only_these_share",
    "most_similar",
    "most_words_only_these_share",
)


def tail_features(blocks: tuple[Block, ...], run: _Run, d: Draft, vocab: PageVocabulary) -> list[float]:
    """What says a run of paragraphs is the rest of article d, as numbers: TAIL_FEATURES up to
    attended_first (_place_runs adds the rest, read once a run or an article, or against all
    the articles a run is weighed with)."""
    first = blocks[run.blocks[0]]
    own = [*d.head, *([d.dateline] if d.dateline is not None else []), *d.body]
    start = min(own) if own else d.order
    last = blocks[d.body[-1]] if d.body else None
    end = max(own) if own else d.order
    before = run.blocks[-1] < start
    distance = start - run.blocks[-1] if before else max(run.blocks[0] - end, 0)
    mid, cut = first.starts_mid, last is not None and last.ends_open
    above_head = before and _nothing_between(run.blocks[-1], start)
    after_body = bool(d.body) and _nothing_between(max(d.body), run.blocks[0])
    # a photo set into the column: only its caption (and credit) between the body and the run
    past_photo = (
        bool(d.body)
        and max(d.body) + 1 < run.blocks[0]
        and all(blocks[k].kind in ("caption", "credit") for k in range(max(d.body) + 1, run.blocks[0]))
    )
    size = sum(len(blocks[k].text) for k in run.blocks)
    # the run opens with a speaker (甲强调，…) whom the article names
    sp = layout.SPEAKER_OPENS.match(first.text)
    pro = layout.PRONOUN_SPEAKS.match(first.text)
    # the article's whole text, read only for a run that opens with someone speaking: a pair is
    # weighed for every run and near article, and few runs open so
    whole = _whole(blocks, own) if sp is not None or pro is not None else ""
    named = sp is not None and sp.group(1) in whole
    # 他强调，… goes on with a report in which someone already speaks
    pronoun = pro is not None and layout.SPEECH.search(whole) is not None
    # a line of leaders attending: the article already said who attended (a second such line is
    # another report's), or it never did
    attending = any(closes_attended(blocks[k]) for k in run.blocks[:2])
    attended = attending and any(attends(blocks[k]) for k in d.body)
    return [
        1.0,
        overlap(vocab.of(run.blocks), _article_words(d, vocab)),
        float(above_head),
        float(after_body),
        float(before),
        math.log1p(distance),
        float(run.closed),
        float(d.closed),
        float(mid),
        float(cut),
        float(mid and cut),
        float(bool(layout.LEAD_OPENING.match(first.text))),
        float(d.dateline is not None),
        float(bool(d.head)),
        # a run that opens at a sentence's start where a displaced tail would stand
        float(above_head and not mid),
        float(after_body and not mid),
        float(past_photo),
        math.log1p(size) / 5.0,
        float(named),
        float(pronoun),
        float(attended),
        float(attending and not attended),
    ]


def _kinds_of(blocks: tuple[Block, ...], idx: list[int]) -> int:
    """The kinds of event (boundaries.event_kinds) the blocks tell of, each read from its opening."""
    kinds = 0
    for k in idx:
        kinds |= event_kinds(blocks[k].text)
    return kinds


def _article_words(d: Draft, vocab: PageVocabulary, *, with_common: bool = False) -> Words:
    """An article's words as a run is compared with them: its head, its first and last paragraphs."""
    return vocab.of([*d.head, *d.body[:2], *d.body[-2:]], 6, with_common=with_common)


@functools.cache
def tail_weights() -> tuple[float, ...] | None:
    """The tail model's weights, shipped beside this module (None before `make train`)."""
    ref = resources.files("fangzhi.read") / TAILS_FILE
    if not ref.is_file():
        return None
    data = json.loads(ref.read_text(encoding="utf-8"))
    if tuple(data["features"]) != TAIL_FEATURES:
        return None  # fitted on other features: not to be read against these
    return tuple(float(w) for w in data["weights"])


def _logistic(w: tuple[float, ...], x: list[float]) -> float:
    z = sum(a * b for a, b in zip(w, x, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _tail_score(
    blocks: tuple[Block, ...], run: _Run, d: Draft, memo: dict[str, Vector] | None = None
) -> float:
    first = blocks[run.blocks[0]]
    own = [*d.head, *([d.dateline] if d.dateline is not None else []), *d.body]
    sim = _similarity(_text(blocks, run.blocks), _text(blocks, own), memo)
    score = sim
    start = min(own) if own else d.order
    if run.blocks[-1] < start and _nothing_between(run.blocks[-1], start):
        score += 0.3  # printed just above the article's headline
    elif d.body and _nothing_between(max(d.body), run.blocks[0]):
        score += 0.2  # printed right after the article's body: read on, unless the words differ
    if run.closed:
        score += 0.1  # ends the way a report ends, which the article itself does not
    last = blocks[d.body[-1]] if d.body else None
    cut = last is not None and last.ends_open
    if first.starts_mid or cut:
        # a body that stops mid-sentence goes on mid-sentence, and only such a body does
        score += 0.2 if first.starts_mid and cut else -0.5
    return score


def _nothing_between(a: int, b: int) -> bool:
    return b == a + 1


def _text(blocks: tuple[Block, ...], idx: list[int]) -> str:
    """The blocks' text, as far as a similarity reads it."""
    out: list[str] = []
    size = 0
    for i in idx:
        out.append(blocks[i].text)
        size += len(blocks[i].text)
        if size >= SIMILARITY_CHARS * 2:
            break
    return "".join(out)


Vector = tuple["array[int]", "array[float]"]  # distinct bigram codes, their dampened counts
_U32 = "I" if array("I").itemsize == 4 else "L"  # the typecode of 32-bit numbers


def _bigrams(text: str) -> list[int]:
    """The text's Han bigrams as sorted codes, one int a pair where a Counter of two-character
    strings takes a string each. A few hundred characters carry a report's vocabulary."""
    # the Han runs joined (found by one pattern, not read a character at a time), then the pairs:
    # two UTF-16 units read as one big-endian 32-bit number are a pair's code, read in C, the
    # pairs at even and at odd places apart
    han = "".join(chars.HAN_RUN.findall(text, 0, SIMILARITY_CHARS * 2))[: SIMILARITY_CHARS + 1]
    units, n = han.encode("utf-16-be"), len(han)
    even, odd = array(_U32, units[: n // 2 * 4]), array(_U32, units[2 : 2 + (n - 1) // 2 * 4])
    if sys.byteorder == "little":
        even.byteswap()
        odd.byteswap()
    return sorted(chain(even, odd))


def _weights(codes: list[int]) -> Vector:
    """Distinct codes and their log1p-dampened counts, in two flat arrays (no tuple per code)."""
    if not codes:
        return array("Q"), array("d")
    # the codes come sorted: a code's count is the length of its run, read from where the runs end,
    # all in C (a Counter's table of a few hundred codes made a parse's peak memory)
    ends = array("L", compress(range(len(codes) - 1), map(ne, codes, islice(codes, 1, None))))
    ends.append(len(codes) - 1)
    counts = map(sub, ends, chain((-1,), ends))
    return array("Q", map(codes.__getitem__, ends)), array("d", map(math.log1p, counts))


def _vector(text: str, memo: dict[str, Vector] | None) -> Vector:
    """The text's weighed bigrams; `memo` keeps those of texts compared again in one placing."""
    if memo is None:
        return _weights(_bigrams(text))
    if text not in memo:
        memo[text] = _weights(_bigrams(text))
    return memo[text]


def _similarity(a: str, b: str, memo: dict[str, Vector] | None = None) -> float:
    """Cosine of the two texts' Han bigram counts, each count dampened by log1p."""
    ka, wa = _vector(a, memo)
    kb, wb = _vector(b, memo)
    if not ka or not kb:
        return 0.0
    # the shared codes' products added in the codes' order: one text's codes walked, each looked
    # up among the other's, rather than both walked in step
    dot = 0.0
    j, nb = 0, len(kb)
    for code, w in zip(ka, wa, strict=True):
        while j < nb and kb[j] < code:
            j += 1
        if j == nb:
            break
        if kb[j] == code:
            dot += w * wb[j]
            j += 1
    return dot / (math.sqrt(sum(w * w for w in wa)) * math.sqrt(sum(w * w for w in wb)))


# ---------------------------------------------------------------- stranded titles


def _bodiless_heads_wait(drafts: list[Draft], strays: list[int], waiting: list[list[int]]) -> None:
    """A head over nothing (no body, dateline, byline or caption: a title printed after its report,
    the page's last lines) is an unclaimed head: the title lines left stranded right under it join
    it (a subtitle, 某某主持), and it waits for the headless report it is likest."""
    for d in [d for d in drafts if d.head and not d.blocks[len(d.head) :]]:
        members = list(d.head)
        while members[-1] + 1 in strays:
            members.append(members[-1] + 1)
            strays.remove(members[-1])
        drafts.remove(d)
        waiting.append(members)
    waiting.sort()


def _place_unclaimed_heads(blocks: tuple[Block, ...], drafts: list[Draft], waiting: list[list[int]]) -> None:
    """Heads no dateline or body claimed (a heading printed after its report, two headings in a
    row): the headless report they best match, else an article of their own with no body —
    never dropped without a word."""
    memo: dict[str, Vector] = {}
    headless = [d for d in drafts if not d.head and d.body and not d.fragment]
    least = _least_likeness(len(waiting), len(headless))
    for members in waiting:
        best = _titled_by(_text(blocks, members), headless, blocks, memo, least)
        if best is not None:
            best.head = members
            headless.remove(best)
        else:
            drafts.append(Draft(order=members[0], head=members))


def _least_likeness(titles: int, headless: int) -> float:
    """How like its report a title must be: one title with no body and one report with no head go
    together on less likeness than a choice among several."""
    return TITLE_ALONE_MIN_SCORE if titles == 1 and headless == 1 else TITLE_MIN_SCORE


def _titled_by(
    title: str, headless: list[Draft], blocks: tuple[Block, ...], memo: dict[str, Vector], least: float
) -> Draft | None:
    """The headless report whose opening the title is likest, if like enough (the first of equals)."""
    best: tuple[float, Draft] | None = None
    for d in headless:
        score = _similarity(title, _text(blocks, d.body[:2]), memo)
        if score >= least and (best is None or score > best[0]):
            best = (score, d)
    return best[1] if best is not None else None


def _place_strays(blocks: tuple[Block, ...], drafts: list[Draft], strays: list[int]) -> None:
    memo: dict[str, Vector] = {}
    # a report with its dateline or its credit line (本报评论员) but no head printed over it
    headless = [d for d in drafts if not d.head and not d.fragment and (d.dateline is not None or d.bylines)]
    least = _least_likeness(len(strays), len(headless))
    for s in strays:
        best = _titled_by(blocks[s].text, headless, blocks, memo, least)
        if best is not None:
            best.head = [s]
            headless.remove(best)
            continue
        # not a title we can place: keep its text in the article printed before it
        before = [d for d in drafts if d.blocks and min(d.blocks) < s]
        if before:
            host = max(before, key=lambda d: max(d.blocks))
            (host.tail if host.tail else host.body).append(s)
        else:
            drafts.append(Draft(order=s, body=[s], fragment=True))
