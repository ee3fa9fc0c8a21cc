"""Character classes that decide how text reflows across a line or column gap."""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")
# A run of the basic block's ideographs (U+4E00–U+9FFF), the characters the scorer counts as Han.
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")

# A paragraph whose last character is one of these can end there.
SENTENCE_END = "。！？!?…；;"
# Closing quotes and brackets end a sentence only when a sentence end stands just inside them.
CLOSERS = "”’」』）)》〉】"

# A line can never open with these: they continue what stood before the gap.
NO_START_PUNCT = "，、。；：！？）」』》〉】,.;:!?)%％"
# Characters that do not open a sentence in running Chinese prose (particles, suffixes, the copula
# without a subject). Conservative on purpose: each one starting a paragraph means text is missing.
NO_START_HAN = "的了着过地得们是等与及和或并而之于且则亦乃即"

# Words a sentence opens with though their first character alone cannot (过去的一年，… / 着力…).
OPENING_WORDS = frozenset(
    "过去 过年 等到 与会 及时 和谐 并且 而且 而今 之后 之前 于是 即将 即便 即使 地处 地方 得益 得到 "
    "着力 着眼 着重 了解 是否 是日 则是 亦是".split()
)

# Single characters a sentence may open with and a comma after (对，… / 好，… in speech; 但，…):
# any other character alone before a comma is the end of a word cut at a page or column break.
COMMA_OPENERS = "对是好嗯哦噢啊喂唉哎嘿呀但而故另总再又即诚确"

# Single characters that may head a list at a sentence's start (一、 / 市、县两级).
LIST_HEAD_CHARS = "一二三四五六七八九十百甲乙丙丁省市县区乡镇村党政军民工农商学兵"

# Bullets OCR and layout tools leave before bylines, captions and list items.
BULLETS = "■□◆◇●▲△▶►◀◄◎◼▌▍▎▪◾"

OPENERS = "（(《〈“‘「『【["
CLOSERS_ALL = "）)》〉”’」』】]"

# Half-width punctuation that becomes full width when it stands in Chinese text.
TO_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}

# Full-width letters, digits and signs fold to ASCII so numbers and dates read the same everywhere.
FULL_TO_ASCII = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
FULL_TO_ASCII.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
FULL_TO_ASCII.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
FULL_TO_ASCII.update({0xFF05: ord("%"), 0x3000: ord(" "), 0x00A0: ord(" "), 0x0009: ord(" ")})


def is_han(ch: str) -> bool:
    return bool(ch) and HAN_RE.match(ch) is not None


def can_end(text: str) -> bool:
    """Can a paragraph end with this text (the last non-space characters decide)?"""
    t = text.rstrip()
    if not t:
        return True
    i = len(t) - 1
    while i >= 0 and t[i] in CLOSERS:
        i -= 1
    if i < 0:
        return False
    if t[i] in SENTENCE_END:
        return True
    # 《某某》 or （完） end a line cleanly when they close the whole line
    return t[-1] in "）)" and "（" in t[-6:]
