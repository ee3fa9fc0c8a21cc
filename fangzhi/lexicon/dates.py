"""How a report says when things happened."""

from __future__ import annotations

import re

from fangzhi.patterns import compile_scanning

DASH = "—–－~～至到-"
# 12月31日, 10月25—26日, 10月25日至26日, 5月31日—6月2日: a date after its year, if it prints one
_MONTH_DAY = (
    r"(?P<m>\d{1,2})月(?P<d>\d{1,2})"
    r"(?:(?:日|号)(?:\s*[" + DASH + r"]\s*(?:\d{1,2}月)?\d{1,2}(?:日|号))?"
    r"|\s*[" + DASH + r"]\s*(?:\d{1,2}月)?\d{1,2}(?:日|号))"
)
# 2020年12月31日, 12月31日, …
DATE = compile_scanning(r"(?:(?P<y>\d{4})年)?" + _MONTH_DAY)
# The dates DATE finds with a year, found from their 年: a pattern that opens with a character
# is searched for by that character, where one that may open with any digit tries every position
# (a page's text in 2µs rather than 60). The year is read behind the 年, so a match begins there;
# DATE's matches never overlap one another's digits, so the two find the same years in order.
FULL_DATE = re.compile(r"年(?<=(?P<y>\d{4})年)" + _MONTH_DAY)
CN_DATE = compile_scanning(
    r"(?:(?P<y>[〇○零一二三四五六七八九]{4})年)?(?P<m>[一二三四五六七八九十]{1,3})月"
    r"(?P<d>[一二三四五六七八九十]{1,3})日"
)
# The part of the day a lead may print after its date (5月3日上午，… / 9月19日清晨，…)
PART_OF_DAY = r"[上下]午|晚上?|晚间|早上|早晨|清晨|一早|凌晨|中午|午后|傍晚|夜间|深夜"
# Relative days resolve against the issue date; vague ones (近日, 日前) name no day at all.
RELATIVE_DAYS = {"前天": -2, "前日": -2, "昨天": -1, "昨日": -1, "今天": 0, "今日": 0, "当天": 0, "当日": 0}
RELATIVE = re.compile("|".join(RELATIVE_DAYS))
VAGUE = re.compile(r"近日|日前|近期|不久前|最近|连日来|近年来|今年以来|入[春夏秋冬]以来|这几天|眼下")
# A span of days a lead may open with in place of its day: a week, part of a month, a festival's
# days (本周 / 8月上旬 / 国庆假期期间): no single day, whatever day the dateline was filed on
SPAN = re.compile(
    r"本周|上周|近段时间|近一段时间|(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:初|中旬|下旬|底|末|上旬)"
    r"|(?:春节|元旦|国庆|中秋|端午|清明|五一|“五一”|新春)(?:假期|节日)?(?:前夕|期间|假期|来临之际|前后)"
)
# A year the page prints as past or present; the end of a range (2024—2026年) and a target
# (到2026年, 力争2025年) look ahead and are no evidence of when the page was printed. Found from
# the mark after it, read behind that mark (the match is the mark), for the speed FULL_DATE has.
YEAR = re.compile(r"[年—-](?<=(?<![\d" + DASH + r"到至争计划])(?P<y>(?:19|20)\d{2})[年—-])")
