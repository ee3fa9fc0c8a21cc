"""Chinese full text in SQLite FTS5: an index of character bigrams that finds what readers type.

FTS5's tokenizers do not segment Chinese, and its trigram tokenizer cannot match two characters
(朱健, 调研). An index of segmented words misses sub-words (会议 inside 主持会议). So every run of
Han characters is indexed as its overlapping bigrams (主持会议 → 主持 持会 会议), with the run's
first and last characters also as themselves (主 … 议; a run of one character is itself); ASCII
words are indexed as words. A query term of two or more characters becomes the phrase of its
bigrams, which matches exactly where the term occurs; where the term runs into digits or letters
(2021年, 第3次, 5G基站) the characters next to them are the runs' first or last, so the term is
still one exact phrase. A single character becomes a prefix query (朱*) that matches every bigram
it opens and the unigrams. The index table is contentless: the text is stored once, in articles.

Query language: words are ANDed; `OR` between two terms; `-term` excludes; `"exact phrase"`
keeps spaces and punctuation out of the way. Anything else — FTS5 operators, brackets, quotes
that do not pair, SQL — is read as text, never as syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = "\u3400-\u9fff\uf900-\ufaff"  # the characters indexed as bigrams
_HAN_RUN = re.compile(rf"[{_HAN}]+|[0-9A-Za-z]+(?:[.%][0-9A-Za-z]+)*")
_HAN_ONLY = re.compile(rf"[{_HAN}]+")
_BIGRAMS = re.compile(r"(?=(..))", re.DOTALL)
_TERM = re.compile(r'"([^"]*)"|(\S+)')


def index_text(text: str | None) -> str:
    """The tokens FTS5 indexes for `text`, separated by spaces; a page printed in traditional
    characters is indexed in simplified ones, as queries are read, so 調研 and 调研 find it alike."""
    if not text:
        return ""
    text = _folded(text)
    out: list[str] = []
    for m in _HAN_RUN.finditer(text):
        run = m.group()
        if run.isascii():
            out.append(run.lower())
            continue
        if len(run) == 1:
            out.append(run)
            continue
        out.append(run[0])
        out.extend(_BIGRAMS.findall(run))  # overlapping pairs, found in C
        out.append(run[-1])
    return " ".join(out)


def head_text(*parts: str | None) -> str:
    """The head an article is indexed under: kicker, headline and subtitle, as one text."""
    return " ".join(p for p in parts if p)


def article_length(*parts: str | None) -> int:
    """An article's length in characters, head and body: BM25's document length."""
    return sum(len(p) for p in parts if p)


class QueryError(ValueError):
    """A query with nothing to search for (only punctuation, only exclusions …)."""


@dataclass(frozen=True)
class Query:
    fts: str  # the FTS5 MATCH expression
    terms: tuple[str, ...]  # what to highlight
    text: str  # as typed
    phrases: tuple[tuple[str, str], ...] = ()  # each term searched for: (as typed, its FTS5 clause)

    @property
    def prefix(self) -> bool:
        """Whether a clause is a prefix query (a lone character): costly to test article by article."""
        return "*" in self.fts


def _folded(text: str) -> str:
    if text.isascii():
        return text
    from fangzhi.read.script import to_simplified

    return to_simplified(text)


def parse_query(text: str) -> Query:
    """Translate what a reader typed into an FTS5 expression over the bigram index. A query in
    traditional characters (調研) is folded to simplified, as pages are before they are indexed."""
    text = _folded(text or "")
    groups: list[list[str]] = [[]]  # OR-groups of ANDed clauses
    excluded: list[str] = []
    terms: list[str] = []
    phrases: list[tuple[str, str]] = []
    pending_or = False
    for m in _TERM.finditer(text or ""):
        phrase, word = m.group(1), m.group(2)
        if word in ("OR", "|", "或"):
            pending_or = bool(groups[-1])
            continue
        if word in ("AND", "&", "+"):
            continue
        negate = word is not None and word.startswith("-") and len(word) > 1
        raw = phrase if phrase is not None else (word[1:] if negate else word) or ""
        clause = _clause(raw)
        if clause is None:
            continue
        if negate:
            excluded.append(clause)
            continue
        terms.extend(t for t in _HAN_RUN.findall(raw))
        phrases.append((raw, clause))
        if pending_or:
            groups[-1] = (
                [f"({' AND '.join(groups[-1])} OR {clause})"]
                if len(groups[-1]) > 1
                else [f"({groups[-1][0]} OR {clause})"]
            )
            pending_or = False
        else:
            groups[-1].append(clause)
    positive = [c for g in groups for c in g]
    if not positive:
        if excluded:
            raise QueryError("a query of exclusions only matches nothing: add a term to search for")
        raise QueryError("nothing to search for: the query holds no Chinese characters, letters or digits")
    expr = " AND ".join(positive)
    for clause in excluded:
        expr = f"({expr}) NOT {clause}"
    return Query(expr, tuple(dict.fromkeys(terms)), text, tuple(dict.fromkeys(phrases)))


def _clause(raw: str) -> str | None:
    """One term as FTS5: the phrase of the tokens its text is indexed as. Its first run may begin
    inside a longer run of the text, and its last may end inside one (安全生产 inside
    安全生产委员会): those ends lose their unigram. A lone character is a prefix query."""
    runs = [m.group() for m in _HAN_RUN.finditer(raw)]
    if not runs:
        return None
    if len(runs) == 1 and len(runs[0]) == 1 and not runs[0].isascii():
        return f'"{runs[0]}"*'
    tokens: list[str] = []
    for i, run in enumerate(runs):
        if run.isascii():
            tokens.append(run.lower())
        elif len(run) == 1:
            tokens.append(run)  # a run of its own, or the first or last character of one
        else:
            if i > 0:
                tokens.append(run[0])  # the run starts here
            tokens.extend(run[k : k + 2] for k in range(len(run) - 1))
            if i < len(runs) - 1:
                tokens.append(run[-1])  # the run ends here
    return '"' + " ".join(tokens) + '"'


def phrase_pattern(raw: str) -> re.Pattern[str]:
    """Where a term's clause matches in a text: its runs in order, with nothing indexed between."""
    runs = [re.escape(m.group()) for m in _HAN_RUN.finditer(raw)]
    return re.compile(_UNINDEXED.join(runs), re.IGNORECASE)


_UNINDEXED = rf"[^0-9A-Za-z{_HAN}]*"


def is_han(text: str) -> bool:
    """Whether `text` is one run of the Han characters the index takes."""
    return _HAN_ONLY.fullmatch(text) is not None


def snippet(
    text: str, terms: tuple[str, ...], *, width: int = 60, mark: tuple[str, str] = ("【", "】")
) -> str:
    """The stretch of `text` with the most hits, hits wrapped in `mark`."""
    hits = hit_spans(text, terms)
    if not hits:
        return text[:width] + ("…" if len(text) > width else "")
    best = max(hits, key=lambda h: sum(1 for a, _ in hits if h[0] <= a < h[0] + width))
    start = max(0, best[0] - width // 4)
    end = min(len(text), start + width)
    out: list[str] = ["…" if start > 0 else ""]
    pos = start
    for a, b in hits:
        if a < start or b > end:
            continue
        out.append(text[pos:a])
        out.append(mark[0] + text[a:b] + mark[1])
        pos = b
    out.append(text[pos:end])
    out.append("…" if end < len(text) else "")
    return "".join(out).replace("\n", " ")


def hit_spans(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the terms occur in `text`, earliest first, overlaps merged."""
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    for t in terms:
        t = t.lower()
        start = lowered.find(t)
        while start >= 0 and t:
            spans.append((start, start + len(t)))
            start = lowered.find(t, start + len(t))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
