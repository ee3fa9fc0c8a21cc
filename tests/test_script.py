"""Traditional to simplified conversion that never moves a character."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import example, given
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


def _mostly_traditional_plain(text: str, threshold: float = 0.1) -> bool:
    """is_mostly_traditional with every sample converted, as first written."""
    sample = text[:4000]
    simplified = to_simplified(sample)
    if simplified == sample:
        return False
    han = len(sample) - len(re.sub("[\u3400-\u9fff\uf900-\ufaff]", "", sample))
    changed = sum(1 for a, b in zip(sample, simplified, strict=True) if a != b)
    return bool(han) and changed / han > threshold


# Simplified and traditional characters, the words t2s converts only as words (答覆, 深沈), and
# characters past the BMP.
mixed_text = st.lists(
    st.sampled_from(
        [
            *SIMPLIFIED,
            *TRADITIONAL,
            *script.PHRASE_ONLY,
            "答覆",
            "深沈",
            "毛坏",
            "乾隆",
            "頭髮",
            "𠀀",
            "\ufa0c",
            "\ud800",
        ]
    ),
    max_size=60,
).map("".join)


@given(mixed_text)
@example("答覆")
@example("会议深沈")
@example("答覆" * 5 + "会议" * 20)
def test_a_text_no_converter_would_change_is_told_without_converting(text: str) -> None:
    assert is_mostly_traditional(text) == _mostly_traditional_plain(text)
    changed = sum(1 for a, b in zip(text, to_simplified(text), strict=True) if a != b)
    assert changed <= script._counts(text)[1]


def _t2s_tables() -> list[Path]:
    """The dictionaries OpenCC's t2s reads, dumped to text by the tool shipped with it (skipped
    where it is not)."""
    import opencc

    share = Path(opencc.__file__).parent / "clib" / "share" / "opencc"
    tool = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"
    if not (share / "t2s.json").is_file() or not tool.is_file():
        pytest.skip("OpenCC's tables or its dictionary tool are not where the wheel puts them")
    config = json.loads((share / "t2s.json").read_text(encoding="utf-8"))
    found = re.findall(r'"file": "([^"]+\.ocd2)"', json.dumps(config))
    assert found
    return [share / name for name in found]


def test_every_character_t2s_converts_is_one_the_table_marks(tmp_path: Path) -> None:
    """Each entry of t2s's tables that converts keeps its length, and each character it changes
    is marked: a text's marked units are at least the characters its conversion changes."""
    import opencc

    tool = Path(opencc.__file__).parent / "clib" / "bin" / "opencc_dict"
    changed = 0
    for table in _t2s_tables():
        out = tmp_path / (table.stem + ".txt")
        subprocess.run([str(tool), "-i", str(table), "-o", str(out), "-f", "ocd2", "-t", "text"], check=True)
        for line in out.read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            value = values.split(" ")[0]
            if value != key:
                assert len(value) == len(key), line
                changed += 1
                assert all(script._counts(a)[1] for a, b in zip(key, value, strict=True) if a != b), line
    assert changed > 1000
