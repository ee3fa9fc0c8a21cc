"""Drawings of the person page, as numbers for its SVG template: no inline styles (CSP)."""

from __future__ import annotations

from typing import Any

from fangzhi import query

TIMELINE_WIDTH = 800  # the SVG's own units; CSS scales it to the page
_LABEL_END, _BAR_START, _BAR_END = 170, 180, 780  # post titles left of the bars, dates below them
_ROW = 40


# Two sightings of a post further apart than this are not taken for one unbroken term.
TENURE_GAP_DAYS = 365


def _runs(days: list[Any]) -> list[list[Any]]:
    """Sorted days in runs whose neighbours are at most TENURE_GAP_DAYS apart."""
    out: list[list[Any]] = []
    for d in days:
        if out and (d - out[-1][-1]).days <= TENURE_GAP_DAYS:
            out[-1].append(d)
        else:
            out.append([d])
    return out


def posts_timeline(v: query.PersonView) -> dict[str, Any]:
    """Posts as bars from first to last seen on one date axis, each titled on its left and dated
    beneath, every label inside the drawing (SVG coordinates; no inline styles: CSP)."""
    from datetime import date

    # each post's first and last day seen (a post seen on an undated page alone is not drawn)
    dated = [(p, p["first_seen"], p["last_seen"] or p["first_seen"]) for p in v.posts]
    posts = [(p, first, last) for p, first, last in dated if first and last]
    if not posts:
        return {"bars": [], "ticks": [], "height": 0}
    lo = date.fromisoformat(min(first for _, first, _ in posts))
    hi = date.fromisoformat(max(last for _, _, last in posts))
    span = max((hi - lo).days, 1)

    def x(d: date) -> float:
        return round(_BAR_START + (d - lo).days / span * (_BAR_END - _BAR_START), 1)

    def stretch(first: date, last: date) -> dict[str, float]:
        a, b = x(first), x(last)
        w = max(round(b - a, 1), 4.0)
        return {"x": min(a, _BAR_END - w), "w": w}  # a post seen on the last day still ends on the axis

    bars = []
    for i, (p, first, last) in enumerate(posts):
        whole = stretch(date.fromisoformat(first), date.fromisoformat(last))
        a, w = whole["x"], whole["w"]
        middle = min(max(a + w / 2, _BAR_START + 90), _BAR_END - 90)  # the date line stays inside
        seen = [date.fromisoformat(d) for d in p.get("seen") or ()]
        bars.append(
            {
                "title": p["title"],
                "x": a,
                "w": w,
                # sightings further apart than TENURE_GAP_DAYS are drawn apart: not one term
                "segments": [stretch(s[0], s[-1]) for s in _runs(seen)] if seen else [whole],
                "y": 10 + i * _ROW,
                "date_x": round(middle, 1),
                "first": first,
                "last": last,
                "evidence": p["evidence"],
            }
        )
    axis = 10 + len(posts) * _ROW
    years = list(range(lo.year + (lo > date(lo.year, 1, 1)), hi.year + 1))
    step = max(1, -(-len(years) // 10))  # ten ticks at most
    ticks = [{"x": x(date(y, 1, 1)), "label": str(y)} for y in years[::step]]
    return {
        "bars": bars,
        "ticks": ticks,
        "label_end": _LABEL_END,
        "axis_y": axis,
        "axis_from": _BAR_START,
        "axis_to": _BAR_END,
        "height": axis + 24,
        "width": TIMELINE_WIDTH,
        "gap_days": TENURE_GAP_DAYS,
    }


def activity_calendar(v: query.PersonView) -> dict[str, Any]:
    """Events by month and role, for the activity calendar."""
    months: dict[str, dict[str, int]] = {}
    for e in v.events:
        if e["date"]:
            months.setdefault(e["date"][:7], {}).setdefault(e["role"], 0)
            months[e["date"][:7]][e["role"]] += 1
    return {"months": sorted(months.items())}
