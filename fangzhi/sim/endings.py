"""Where real reports of local government put their closing lines, counted from a survey of real
pages (`endings.toml`: each report's paragraphs by the kind of their last sentence, with the address
where it was read), so that the grammar places them as papers do and not as a guess."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["EndingRates", "rates", "survey"]

KINDS = ("attendance", "other_matters", "call_to_action", "outlook", "fact", "other")


@dataclass(frozen=True)
class SurveyedReport:
    seen: str  # the address of the page read
    province: str
    evidence: str  # how its end was seen: credit | next_item | short_complete
    paragraphs: tuple[str, ...]  # the kind of each body paragraph's last sentence, lead first
    meeting: str = ""  # the kind of meeting, in the survey of meeting reports


@dataclass(frozen=True)
class EndingRates:
    # of the attendance lines (…出席会议。/ 市领导甲、乙参加。) that end a report's lead or its last
    # paragraph, the share ending the lead, where the report goes on after them
    attendance_ends_lead: float
    # of the reports with 会议还研究了其他事项 (which ends its report), the share with an attendance
    # paragraph after it: the attendance line of such a report ends its lead
    attendance_after_other_matters: float
    # of the reports whose lead ends on an attendance line, the share with another attendance
    # paragraph at their end (some attendees named in the lead, others at the end)
    attendance_again_at_end: float
    reports: int


@cache
def survey() -> tuple[SurveyedReport, ...]:
    text = (resources.files("fangzhi.sim") / "endings.toml").read_text(encoding="utf-8")
    out = []
    for r in tomllib.loads(text)["report"]:
        paras = tuple(r["paragraphs"])
        unknown = set(paras) - set(KINDS)
        if unknown or not paras:
            raise ValueError(f"endings.toml: report {r['seen']}: unknown kinds {sorted(unknown)} or none")
        out.append(SurveyedReport(r["seen"], r["province"], r["evidence"], paras, r.get("meeting", "")))
    return tuple(out)


@cache
def rates() -> EndingRates:
    reports = survey()
    long = [r.paragraphs for r in reports if len(r.paragraphs) > 1]
    at_lead = sum(p[0] == "attendance" for p in long)
    at_end = sum(p[-1] == "attendance" for p in long)
    paragraphs = [r.paragraphs for r in reports]
    matters = [p[p.index("other_matters") + 1 :] for p in paragraphs if "other_matters" in p]
    after = sum("attendance" in rest for rest in matters)
    both = sum(p[0] == "attendance" and p[-1] == "attendance" for p in long)
    return EndingRates(
        attendance_ends_lead=at_lead / (at_lead + at_end),
        attendance_after_other_matters=after / len(matters),
        attendance_again_at_end=both / at_lead,
        reports=len(reports),
    )
