"""Traditional to simplified conversion that never moves a character."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fangzhi.read import script
from fangzhi.read.script import is_mostly_traditional, to_simplified

TRADITIONAL = (
    "本報訊（記者 陳大文）昨日上午，市政府召開全市防汛工作會議，"
    "總結去年防汛經驗，部署今年汛期各項準備工作。\n"
    "會議要求，各區縣要壓實責任，加強值班值守，確保群眾生命財產安全。\r\n"
    "副市長劉小明出席會議並講話。\n"
)
SIMPLIFIED = (
    "本报讯（记者 陈大文）昨日上午，市政府召开全市防汛工作会议，"
    "总结去年防汛经验，部署今年汛期各项准备工作。\n"
    "会议要求，各区县要压实责任，加强值班值守，确保群众生命财产安全。\r\n"
    "副市长刘小明出席会议并讲话。\n"
)
# Text made mostly of traditional characters, with the punctuation and line breaks a page holds.
chinese_text = st.text(alphabet=st.sampled_from(sorted(set(TRADITIONAL + "乾隆頭髮後來於是著名「」𠀀"))))


def test_traditional_paragraph_becomes_its_simplified_twin() -> None:
    converted = to_simplified(TRADITIONAL)
    assert converted == SIMPLIFIED
    assert len(converted) == len(TRADITIONAL)


def test_simplified_text_is_left_alone() -> None:
    assert to_simplified(SIMPLIFIED) == SIMPLIFIED


@given(st.text())
def test_any_text_keeps_its_length(text: str) -> None:
    assert len(to_simplified(text)) == len(text)


@given(chinese_text)
def test_only_chinese_characters_change(text: str) -> None:
    converted = to_simplified(text)
    assert len(converted) == len(text)
    for before, after in zip(text, converted, strict=True):
        assert before == after or ("\u3400" <= before <= "\u9fff" and "\u3400" <= after <= "\u9fff")


def test_lone_surrogate_is_kept_in_place() -> None:
    text = "會議\ud800開始"
    assert to_simplified(text) == "会议\ud800开始"


def test_conversion_that_changes_length_falls_back_to_lines_then_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Dropping:
        """Converts 會→会, and swallows the phrase 會議 whole, as a length-changing rule would."""

        def convert(self, text: str) -> str:
            return text.replace("會議", "会").replace("會", "会")

    monkeypatch.setattr(script, "_converter", Dropping)
    text = "開會\n會議開始\n"
    assert to_simplified(text) == "開会\n会議開始\n"


def test_traditional_page_is_mostly_traditional() -> None:
    assert is_mostly_traditional(TRADITIONAL)


def test_simplified_page_is_not_mostly_traditional() -> None:
    assert not is_mostly_traditional(SIMPLIFIED)


def test_text_without_chinese_is_not_traditional() -> None:
    assert not is_mostly_traditional("Page 3\n")


def test_importing_does_not_load_opencc() -> None:
    code = "import sys, fangzhi.read.script; print('opencc' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout
    assert out.strip() == "False"
