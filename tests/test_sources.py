"""Reading page files: encodings, refusals with the right error, and finding pages in folders."""

from __future__ import annotations

import hashlib
import io
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from fangzhi.errors import (
    BinaryFile,
    EmptyFile,
    FileTooLarge,
    NoChineseText,
    SourceError,
    UndecodableFile,
    UnreadableFile,
)
from fangzhi.read.sources import iter_page_paths, read_page
from fangzhi.settings import Settings

SIMPLIFIED = (
    "本报讯（记者 张三 通讯员 李四）5月11日上午，市委书记王五主持召开市委常委会会议，"
    "传达学习省委全会精神，研究部署我市下一阶段重点工作。\n"
    "会议指出，今年以来，全市上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进。\n"
    "会议强调，要紧紧围绕高质量发展这个首要任务，扎实推进乡村振兴，切实保障和改善民生。\n"
    "市领导赵六、孙七、周八出席会议。\n"
)
TRADITIONAL = (
    "本報訊（記者 陳大文）昨日上午，市政府召開全市防汛工作會議，"
    "總結去年防汛經驗，部署今年汛期各項準備工作。\n"
    "會議要求，各區縣要壓實責任，加強值班值守，確保群眾生命財產安全。\n"
    "副市長劉小明出席會議並講話。\n"
)
ENGLISH = (
    "The city council met on Monday morning.\nThe mayor chaired the meeting and spoke about flood control.\n"
)
SETTINGS = Settings()


def write(tmp_path: Path, data: bytes, name: str = "page.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- encodings -----------------------------------------------------------------------------------


def test_utf8_without_bom(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, SIMPLIFIED.encode("utf-8")), SETTINGS)
    assert (page.text, page.encoding) == (SIMPLIFIED, "utf-8")


def test_utf8_with_bom_drops_only_the_bom(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8")), SETTINGS)
    assert (page.text, page.encoding) == (SIMPLIFIED, "utf-8-sig")


def test_gb18030_with_a_character_outside_gbk(tmp_path: Path) -> None:
    text = SIMPLIFIED.replace("王五", "王𫖯")  # a name character GB18030 has and GBK lacks
    page = read_page(write(tmp_path, text.encode("gb18030")), SETTINGS)
    assert (page.text, page.encoding) == (text, "gb18030")


def test_gbk_is_read_as_gb18030(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, SIMPLIFIED.encode("gbk")), SETTINGS)
    assert (page.text, page.encoding) == (SIMPLIFIED, "gb18030")


def test_gb2312_is_read_as_gb18030(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, SIMPLIFIED.encode("gb2312")), SETTINGS)
    assert (page.text, page.encoding) == (SIMPLIFIED, "gb18030")


def test_big5(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, TRADITIONAL.encode("big5")), SETTINGS)
    assert (page.text, page.encoding) == (TRADITIONAL, "big5")


def test_traditional_text_in_gb18030_is_not_taken_for_big5(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, TRADITIONAL.encode("gb18030")), SETTINGS)
    assert (page.text, page.encoding) == (TRADITIONAL, "gb18030")


def test_utf16_with_bom(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, SIMPLIFIED.encode("utf-16")), SETTINGS)
    assert (page.text, page.encoding) == (SIMPLIFIED, "utf-16")


def test_utf16_le_without_bom(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, SIMPLIFIED.encode("utf-16-le")), SETTINGS)
    assert (page.text, page.encoding) == (SIMPLIFIED, "utf-16-le")


def test_utf16_be_without_bom(tmp_path: Path) -> None:
    page = read_page(write(tmp_path, TRADITIONAL.encode("utf-16-be")), SETTINGS)
    assert (page.text, page.encoding) == (TRADITIONAL, "utf-16-be")


def test_crlf_line_endings_are_kept(tmp_path: Path) -> None:
    text = SIMPLIFIED.replace("\n", "\r\n")
    page = read_page(write(tmp_path, text.encode("gb18030")), SETTINGS)
    assert page.text == text
    assert page.text.count("\r\n") == 4


def test_record_fields(tmp_path: Path) -> None:
    data = SIMPLIFIED.encode("utf-8")
    path = write(tmp_path, data)
    page = read_page(path, SETTINGS)
    assert page.path == str(path)
    assert page.size == len(data)
    assert page.sha256 == hashlib.sha256(data).hexdigest()


# --- refusals ------------------------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(EmptyFile):
        read_page(write(tmp_path, b""), SETTINGS)


def test_whitespace_only_file(tmp_path: Path) -> None:
    with pytest.raises(EmptyFile):
        read_page(write(tmp_path, " \r\n\t\n\u3000 \n".encode()), SETTINGS)


def test_binary_file(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(7).randbytes(4096)
    with pytest.raises(BinaryFile):
        read_page(write(tmp_path, png, "scan.txt"), SETTINGS)


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    data = SIMPLIFIED.encode("utf-8") + bytes(range(1, 9)) * 20
    with pytest.raises(BinaryFile):
        read_page(write(tmp_path, data), SETTINGS)


def test_file_over_the_limit_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    with monkeypatch.context() as m, pytest.raises(FileTooLarge) as caught:
        m.setattr("builtins.open", no_open)
        m.setattr(io, "open", no_open)
        read_page(path, SETTINGS)
    assert "50 MiB" in caught.value.message
    assert "8 MiB" in caught.value.message


def test_undecodable_bytes(tmp_path: Path) -> None:
    with pytest.raises(UndecodableFile) as caught:
        read_page(write(tmp_path, b"\x80\xff" * 100 + b"\x80"), SETTINGS)
    assert "GB18030" in caught.value.message
    assert "Big5" in caught.value.message


def test_page_without_chinese(tmp_path: Path) -> None:
    with pytest.raises(NoChineseText):
        read_page(write(tmp_path, ENGLISH.encode()), SETTINGS)


def test_one_chinese_character_is_not_enough(tmp_path: Path) -> None:
    with pytest.raises(NoChineseText):
        read_page(write(tmp_path, (ENGLISH + "中\n").encode()), SETTINGS)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile):
        read_page(tmp_path / "nope.txt", SETTINGS)


def test_directory_given_as_a_page(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile):
        read_page(tmp_path, SETTINGS)


def test_errors_carry_the_path_and_a_one_line_message(tmp_path: Path) -> None:
    path = write(tmp_path, b"")
    with pytest.raises(SourceError) as caught:
        read_page(path, SETTINGS)
    assert caught.value.path == str(path)
    assert caught.value.message and "\n" not in caught.value.message


# --- finding pages -------------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    files = [
        "b.txt",
        "a.md",
        "notes.pdf",
        "UPPER.TXT",
        ".hidden.txt",
        "2024/05/p2.text",
        "2024/05/p1.txt",
        "2024/readme.rst",
        ".git/page.txt",
    ]
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(SIMPLIFIED, encoding="utf-8")
    return tmp_path


def names(found: Iterator[Path | SourceError], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() if isinstance(p, Path) else f"error:{p.path}" for p in found]


def test_walks_folders_in_sorted_order_taking_page_suffixes(tree: Path) -> None:
    found = names(iter_page_paths([tree], SETTINGS), tree)
    # notes.pdf is a page too: a scan, read by OCR (fangzhi/ocr)
    assert found == ["2024/05/p1.txt", "2024/05/p2.text", "UPPER.TXT", "a.md", "b.txt", "notes.pdf"]


def test_a_file_named_explicitly_is_taken_whatever_its_suffix(tree: Path) -> None:
    found = list(iter_page_paths([tree / "notes.pdf", tree / ".hidden.txt"], SETTINGS))
    assert found == [tree / "notes.pdf", tree / ".hidden.txt"]


def test_missing_path_yields_an_error_and_goes_on(tree: Path) -> None:
    found = list(iter_page_paths([tree / "gone.txt", str(tree / "b.txt")], SETTINGS))
    assert isinstance(found[0], UnreadableFile)
    assert found[0].path == str(tree / "gone.txt")
    assert found[1] == tree / "b.txt"


def test_unreadable_subfolder_yields_an_error_and_goes_on(tree: Path) -> None:
    locked = tree / "2024"
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running with privileges that ignore permissions")
        found = names(iter_page_paths([tree], SETTINGS), tree)
    finally:
        locked.chmod(0o755)
    assert found == [f"error:{locked}", "UPPER.TXT", "a.md", "b.txt"]


def test_folder_that_cannot_be_listed_yields_an_error(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same as above, simulated, so it runs where permissions are not enforced (as root).
    real_scandir = os.scandir
    locked = tree / "2024"

    def scandir(path: Path) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(iter_page_paths([tree], SETTINGS))
    errors = [e for e in found if isinstance(e, SourceError)]
    assert [(type(e), e.path) for e in errors] == [(UnreadableFile, str(locked))]
    assert len(found) == 5


def test_a_folder_link_back_into_the_walk_is_said_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.txt").write_text("本报讯 市委书记某某某主持会议。", encoding="utf-8")
    (tmp_path / "a" / "up").symlink_to(tmp_path, target_is_directory=True)
    got = list(iter_page_paths([tmp_path], Settings()))
    assert got[0] == tmp_path / "a" / "p.txt"
    (loop,) = got[1:]
    assert isinstance(loop, UnreadableFile) and "already read" in str(loop) and "up" in str(loop)
