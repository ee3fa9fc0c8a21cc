"""OffsetMap: where each character of the normalised text stood in the raw page.

Normalising only ever deletes raw characters or replaces one character by one character, so the
map is a list of runs: run i copies raw[raw_starts[i]:…] to norm[norm_starts[i]:…] one to one.
Looking a position up is a bisection; building it costs one entry per deletion.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from fangzhi.model import Span


class OffsetMap:
    __slots__ = ("_norm", "_raw", "norm_len", "raw_len")

    def __init__(self, runs: Iterable[tuple[int, int]], norm_len: int, raw_len: int) -> None:
        norm: list[int] = []
        raw: list[int] = []
        for n, r in runs:
            if norm and n == norm[-1]:
                raw[-1] = r  # an empty run: the later one wins
                continue
            norm.append(n)
            raw.append(r)
        self._norm = norm
        self._raw = raw
        self.norm_len = norm_len
        self.raw_len = raw_len

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([(0, 0)], length, length)

    def to_raw(self, pos: int) -> int:
        """Raw offset of the normalised character at `pos` (pos == len maps to the raw end)."""
        if pos >= self.norm_len:
            return self.raw_len
        i = bisect_right(self._norm, pos) - 1
        return self._raw[i] + (pos - self._norm[i])

    def raw_ranges(self, start: int, end: int) -> list[tuple[int, int]]:
        """The raw ranges that hold exactly the normalised characters [start, end), in order.

        Deleted raw characters (markup, stray spaces) fall between ranges, never inside one.
        """
        if end <= start:
            return []
        out: list[tuple[int, int]] = []
        i = max(bisect_right(self._norm, start) - 1, 0)
        pos = start
        while pos < end:
            run_end = self._norm[i + 1] if i + 1 < len(self._norm) else self.norm_len
            stop = min(end, run_end)
            a = self._raw[i] + (pos - self._norm[i])
            b = a + (stop - pos)
            if out and out[-1][1] == a:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
            pos = stop
            i += 1
        return out

    def spans_to_raw(self, spans: Iterable[Span]) -> list[list[int]]:
        """The raw ranges of the spans in order, a range that continues the one before merged
        into it: raw_ranges() of each span, inlined (records ask for thousands a page)."""
        out: list[list[int]] = []
        norm, raw, norm_len = self._norm, self._raw, self.norm_len
        runs = len(norm)
        for s in spans:
            pos, end = s.start, s.end
            if end <= pos:
                continue
            i = max(bisect_right(norm, pos) - 1, 0)
            while pos < end:
                run_end = norm[i + 1] if i + 1 < runs else norm_len
                stop = end if end < run_end else run_end
                a = raw[i] + (pos - norm[i])
                b = a + (stop - pos)
                if out and out[-1][1] == a:
                    out[-1][1] = b
                else:
                    out.append([a, b])
                pos = stop
                i += 1
        return out


class OffsetBuilder:
    """Collects the kept pieces of a raw text while a normaliser walks it."""

    __slots__ = ("_differs", "_parts", "_pos", "_runs", "_shown")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._shown: list[str] = []
        self._differs = False
        self._runs: list[tuple[int, int]] = []
        self._pos = 0

    @property
    def pos(self) -> int:
        return self._pos

    def keep(self, text: str, raw_start: int, shown: str | None = None) -> None:
        """Append `text`, which stands one to one for raw[raw_start : raw_start + len(text)].

        `shown` is the same piece in the script the page is printed in, when the text analysed
        differs from it (a traditional page read through its simplified shadow); same length.
        """
        if not text:
            return
        self._runs.append((self._pos, raw_start))
        self._parts.append(text)
        self._shown.append(text if shown is None else shown)
        self._differs = self._differs or (shown is not None and shown != text)
        self._pos += len(text)

    def build(self, raw_len: int) -> tuple[str, str, OffsetMap]:
        runs = self._runs or [(0, 0)]
        text = "".join(self._parts)
        shown = "".join(self._shown) if self._differs else text
        return text, shown, OffsetMap(runs, self._pos, raw_len)
