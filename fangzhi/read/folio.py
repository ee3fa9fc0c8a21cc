"""A page's number in its issue (版次), as its page header prints it or its file name gives it.

Kept as printed, less its padding: 3 (第3版, 第三版, 03版, "03 要闻"), A3 (A3版, "衡阳日报 A03"). A
yearbook cites it after the issue's date: 《衡阳晚报》2023年5月11日 第3版, or A3版 where the paper
numbers its pages by section letter.
"""

from __future__ import annotations

import re

from fangzhi.lexicon import layout

_NUMERALS = "一二三四五六七八九"
_NUMBER = r"[A-Za-z]?\s?\d{1,3}"
# 第3版 / 第 A3 版 / 第三版 / A3版 / 03版 anywhere in a header line (2023年5月11日 星期四 第3版)
_WITH_BAN = re.compile(
    r"第\s*(?P<n>" + _NUMBER + r"|[一二三四五六七八九十]{1,3})\s*版"
    r"|(?<![\dA-Za-z])(?<!今日)(?<!本期)(?<!共)(?P<m>[A-Za-z]?\d{1,3})\s*版"  # 今日16版: pages in all
)
# a bare number opening a header line before its section (03 要闻, A3：综合) …
_OPENING = re.compile(
    r"^(?P<n>[A-Za-z]?\d{1,3})\s*[:：]?\s*[\u4e00-\u9fff·]{2,8}(?:\s+" + layout.PAPER_NAME + r")?$"
)
# … or closing one after the paper's name or the section (衡阳日报 A3, 要闻 03)
_CLOSING = re.compile(r"^(?:" + layout.PAPER_NAME + r"|" + layout.SECTION + r")\s*(?P<n>[A-Za-z]?\d{1,3})$")
# a file name: the number after the date (hyrb-20231117-02.txt, 2023_11_17_A3.txt), or 第N版 / A3版
_NAME = re.compile(
    r"(?<!\d)(?:19|20)\d\d[-_.]?\d\d[-_.]?\d\d[-_.]+(?:第|[Pp](?:age)?)?(?P<n>[A-Za-z]?\d{1,3})版?(?:\.[^.]*)?$"
)


def folio_of(header: str) -> str | None:
    """The page number a page-header line prints, or None."""
    line = header.strip()
    m = _WITH_BAN.search(line) or _OPENING.match(line) or _CLOSING.match(line)
    if m is None:
        return None
    return _plain(m.group("n") or m.group("m"))


def name_folio(name: str) -> str | None:
    """The page number a page file's name gives, or None."""
    m = _NAME.search(name) or _WITH_BAN.search(name)
    return None if m is None else _plain(m.group("n") or m.group("m"))


def folio_label(folio: str) -> str:
    """3 → 第3版; A3 → A3版 (a section letter is printed without 第)."""
    return f"第{folio}版" if folio.isdigit() else f"{folio}版"


def _plain(number: str) -> str | None:
    """03 → 3, a 3 → A3, 十二 → 12; None for a page 0."""
    number = number.replace(" ", "")
    if number[0] in _NUMERALS or number[0] == "十":
        value = _chinese(number)
        return str(value) if value else None
    letter = number[0].upper() if number[0].isalpha() else ""
    digits = number[len(letter) :].lstrip("0")
    return f"{letter}{digits}" if digits else None


def _chinese(number: str) -> int:
    """一 … 九十九 as a number (三 → 3, 十二 → 12, 二十 → 20, 二十三 → 23); 0 if it is none."""
    tens, _, ones = number.partition("十")
    if "十" not in number:
        return _NUMERALS.index(tens) + 1 if len(tens) == 1 else 0
    if len(tens) > 1 or len(ones) > 1:
        return 0
    return 10 * (_NUMERALS.index(tens) + 1 if tens else 1) + (_NUMERALS.index(ones) + 1 if ones else 0)
