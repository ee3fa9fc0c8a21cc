"""The OCR front end (issue 22): page images rendered here from the sample pages' text, read back.

Rendering needs a CJK font: Debian's fonts-wqy-zenhei, which `make test` installs (browser-deps).
Reading a whole rendered page takes RapidOCR 15-60 seconds on two cores, so the five pages are
read once, by the slow tests; the quick ones read a small excerpt.
"""

from __future__ import annotations

import io
import json
import re
import struct
import subprocess
import sys
import unicodedata
import zlib
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from rapidfuzz.distance import Levenshtein

from fangzhi.archive import open_archive
from fangzhi.cli import main
from fangzhi.ocr import ocr_file
from fangzhi.ocr.boxes import Box, BoxMap, LineRun
from fangzhi.ocr.layout import TextLine, lay_out
from fangzhi.ocr.render import cjk_font, render_page
from tests.conftest import SHARED, needs_shared, seed_pages
from tests.test_score_gate import fangzhi_command

MIN_CHAR_ACCURACY = 0.98
F1_SHARE = 0.9  # articles F1 on the rendered pages, at least this share of the F1 on their text


def font() -> Path:
    found = cjk_font()
    assert found is not None, "rendering pages needs a CJK font: apt-get install fonts-wqy-zenhei"
    return found


def fold(text: str) -> str:
    """What a reader compares: NFKC (full-width ASCII folded), heading marks and white space gone."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", re.sub(r"^#+ ", "", text, flags=re.M)))


def char_accuracy(source: str, read: str) -> float:
    """1 - edit distance / source length, over the folded texts (the usual OCR character accuracy)."""
    src, got = fold(source), fold(read)
    return 1 - Levenshtein.distance(src, got) / max(1, len(src))


COLUMNS = (2, 3, 4, 3, 2)  # the five sample pages set in 2-4 columns


# --- the layout alone: lines as a recogniser gives them ------------------------------------------


def line(text: str, x0: int, y0: int, *, size: int = 20) -> TextLine:
    return TextLine(text, Box(x0, y0, x0 + size * len(text), y0 + size + 4))


def test_headline_comes_before_the_columns_under_it_and_columns_read_left_to_right() -> None:
    lines = [
        line("市政府召开常务会议", 60, 10, size=40),
        line("市长主持会议研究全市", 80, 100),  # indented: opens a paragraph
        line("经济运行工作和项目建设情", 40, 130),
        line("况听取各部门汇报部署下一", 40, 160),
        line("阶段工作重点任务推动经济", 360, 100),  # column 2 goes on with the same paragraph
        line("持续向好。", 360, 130),  # stops short: the paragraph ends
        line("会议强调要抓好落实确", 400, 160),  # indented: a new paragraph
        line("保取得实效。", 360, 190),
    ]
    laid = lay_out(list(reversed(lines)))  # the recogniser's order is no reading order
    assert laid.text == (
        "# 市政府召开常务会议\n\n"
        "市长主持会议研究全市经济运行工作和项目建设情况听取各部门汇报部署下一阶段工作重点任务推动经济持续向好。\n\n"
        "会议强调要抓好落实确保取得实效。\n"
    )
    assert laid.columns == 2


def test_a_line_the_detector_ran_across_the_gutter_is_cut_there() -> None:
    left, right = "一二三四五六七八九十", "天地玄黄宇宙洪荒日月"
    lines = [line(left, 40, 100 + 30 * i) for i in range(1, 6)]
    lines += [line(right, 300, 100 + 30 * i) for i in range(1, 6)]
    # the first row of both columns read as one line: its box spans the gutter (240-300)
    lines.append(TextLine("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉", Box(40, 100, 500, 124)))
    laid = lay_out(lines)
    assert laid.text == "甲乙丙丁戊己庚辛壬癸" + left * 5 + "子丑寅卯辰巳午未申酉" + right * 5 + "\n"
    text = laid.text
    first = laid.boxes.boxes(text, [(0, 10)])
    assert first == [Box(40, 100, 240, 124)]  # the cut line's left half, without the gutter


def test_each_character_of_the_text_maps_to_a_box_inside_its_line() -> None:
    # nine Han characters of 20 px and four digits of 10 px
    body = TextLine("市长朱健主持会议2023年", Box(40, 100, 260, 124))
    laid = lay_out([line("市政府召开常务会议", 60, 10, size=40), body])
    text = laid.text
    for i, ch in enumerate(text):
        b = laid.boxes.char_box(text, i)
        if ch in "# \n":
            assert b is None
        else:
            assert b is not None and b.width > 0
    zhu = text.index("朱健")
    (name,) = laid.boxes.boxes(text, [(zhu, zhu + 2)])
    assert (name.x0, name.x1) == (80, 120)  # two full-width characters after two others, 20 px each
    digits = laid.boxes.boxes(text, [(text.index("2023"), text.index("2023") + 4)])[0]
    assert digits.width == 40  # four half-width digits take the room of two Han characters


def test_box_map_survives_json() -> None:
    boxes = BoxMap([LineRun(0, 4, Box(0, 0, 80, 20)), LineRun(6, 9, Box(0, 30, 60, 50))])
    again = BoxMap.from_json(boxes.to_json())
    assert again.runs == boxes.runs
    assert again.boxes("甲乙丙丁\n\n戊己庚", [(2, 8)]) == [Box(40, 0, 80, 20), Box(0, 30, 40, 50)]


# --- files that are no scan --------------------------------------------------------------------


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares its size and holds a few bytes of pixels: what a pixel check must refuse
    unread (decoding would fail, or take gigabytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))


@pytest.fixture
def bad_scans(tmp_path: Path) -> dict[str, Path]:
    small = render_page("# 市政府召开常务会议\n\n市长朱健主持会议。", columns=2, font=font()).image
    full = tmp_path / "whole.png"
    small.save(full)
    files = {
        "truncated": (tmp_path / "truncated.png", full.read_bytes()[: full.stat().st_size // 2]),
        "empty": (tmp_path / "empty.jpg", b""),
        "not an image": (tmp_path / "notes.tif", "这不是图像，是一段文字。".encode()),
        "huge": (tmp_path / "huge.png", png_header(20_000, 20_000)),
        "over the setting": (tmp_path / "big.png", png_header(8_000, 6_000)),
    }
    for path, data in files.values():
        path.write_bytes(data)
    return {k: p for k, (p, _) in files.items()}


def test_bad_scans_get_one_line_each_and_the_batch_goes_on(
    bad_scans: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.png"
    text = "# 市政府召开常务会议\n\n市长朱健主持会议，研究部署安全生产工作。"
    render_page(text, columns=2, font=font()).image.save(good)
    out = tmp_path / "out"
    code = main(["ocr", *map(str, bad_scans.values()), str(good), "--out", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert len(err) == len(bad_scans), err
    for (kind, path), message in zip(bad_scans.items(), err, strict=True):
        assert message.startswith(f"fangzhi: {path}: "), (kind, message)
        assert "Traceback" not in message
    assert "[source.image_too_large]" in err[3] and "[source.image_too_large]" in err[4]
    assert "8,000 × 6,000 pixels" in err[4]
    assert "truncated" in err[0] and "[source.empty]" in err[1] and "[source.bad_image]" in err[2]
    read = (out / "good.txt").read_text(encoding="utf-8")
    assert char_accuracy("市政府召开常务会议\n市长朱健主持会议，研究部署安全生产工作。", read) >= 0.95
    boxes = json.loads((out / "good.boxes.json").read_text(encoding="utf-8"))
    assert len(boxes["chars"]) == len(read)
    assert all(b is None or Box(*b).within(boxes["width"], boxes["height"]) for b in boxes["chars"])


def test_a_pixel_count_past_the_limit_is_refused_before_decoding(bad_scans: dict[str, Path]) -> None:
    from fangzhi.errors import ImageTooLarge

    with pytest.raises(ImageTooLarge) as caught:
        ocr_file(bad_scans["over the setting"])
    assert "48,000,000" not in caught.value.message and "8,000 × 6,000" in caught.value.message


# --- reading rendered pages -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def excerpt(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The first article of a sample page, set in two columns under its headline."""
    pages = seed_pages()
    if not pages:
        pytest.skip("../shared/seeds is not beside the project")
    text = pages[0].read_text(encoding="utf-8")
    head = "\n\n".join(text.split("\n\n")[:9])
    image = tmp_path_factory.mktemp("excerpt") / "excerpt.png"
    rendered = render_page(head, columns=2, font=font())
    rendered.image.save(image)
    return rendered.source, image


@needs_shared
def test_an_excerpt_reads_back_in_order(excerpt: tuple[str, Path]) -> None:
    source, image = excerpt
    (page,) = ocr_file(image)
    assert char_accuracy(source, page.raw.text) >= MIN_CHAR_ACCURACY
    paragraphs = [p for p in page.raw.text.split("\n\n") if p.strip()]
    assert [fold(p)[:6] for p in paragraphs] == [fold(b)[:6] for b in source.splitlines()]
    assert page.raw.text.startswith("市委常委会召开会议\n\n# 学习贯彻习近平总书记重要讲话指示精神")


@needs_shared
def test_ingesting_a_scan_keeps_the_image_and_every_fact_has_boxes(
    excerpt: tuple[str, Path], tmp_path: Path
) -> None:
    from fastapi.testclient import TestClient

    from fangzhi.web.app import create_app

    _, image = excerpt
    db = tmp_path / "a.db"
    with open_archive(db) as archive:
        summary = archive.ingest([image])
        assert (summary.new, summary.failed) == (1, 0)
        page_id, data, width, height = archive.conn.execute(
            "SELECT page_id, data, width, height FROM page_images"
        ).fetchone()
        assert bytes(data) == image.read_bytes()
        (article_id,) = archive.conn.execute(
            "SELECT id FROM articles WHERE headline LIKE '学习贯彻%'"
        ).fetchone()
    client = TestClient(create_app(str(db)))
    got = client.get(f"/api/pages/{page_id}/image")
    assert got.status_code == 200 and got.headers["content-type"] == "image/png"
    assert got.content == image.read_bytes()
    record = client.get(f"/api/articles/{article_id}").json()
    scan = record["scan"]
    assert (scan["width"], scan["height"]) == (width, height) == Image.open(image).size
    assert scan["regions"] and scan["facts"]
    for f in scan["facts"]:
        for x, y, w, h in f["boxes"]:
            assert Box(x, y, x + w, y + h).within(width, height)
    person = next(f for f in scan["facts"] if f["kind"] == "person" and f["label"] == "刘越高")
    assert person["boxes"]
    html = client.get(f"/article/{article_id}").text
    assert f'<img src="/api/pages/{page_id}/image"' in html
    assert html.count('<rect class="box f-person"') >= 1 and '<rect class="region"' in html
    assert client.get("/api/pages/nope/image").status_code == 404


@pytest.fixture(scope="module")
def rendered_pages(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The five sample pages rendered in 2-4 columns and read back: the slow tests' shared work."""
    folder = tmp_path_factory.mktemp("rendered")
    out: list[dict[str, Any]] = []
    for page, columns in zip(seed_pages(), COLUMNS, strict=True):
        rendered = render_page(page.read_text(encoding="utf-8"), columns=columns, font=font())
        image = folder / f"{page.stem}.png"
        rendered.image.save(image)
        (read,) = ocr_file(image)
        (folder / f"{page.stem}.txt").write_text(read.raw.text, encoding="utf-8")
        out.append({"page": page, "source": rendered.source, "read": read, "folder": folder})
    return out


@pytest.mark.slow
@needs_shared
def test_rendered_pages_read_back_with_98_percent_of_characters(rendered_pages: list[dict[str, Any]]) -> None:
    scores = {r["page"].name: char_accuracy(r["source"], r["read"].raw.text) for r in rendered_pages}
    assert min(scores.values()) >= MIN_CHAR_ACCURACY, scores


@pytest.mark.slow
@needs_shared
def test_rendered_pages_are_read_in_order_articles_f1_near_the_texts(
    rendered_pages: list[dict[str, Any]],
) -> None:
    def f1(pages: Path) -> float:
        run = subprocess.run(
            [
                sys.executable,
                str(SHARED / "tools" / "score.py"),
                "--cmd",
                fangzhi_command(),
                "--json",
                "--pages",
                str(pages),
            ],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, run.stderr
        return float(json.loads(run.stdout)["articles"]["f1"])

    on_text = f1(SHARED / "seeds")
    on_images = f1(rendered_pages[0]["folder"])
    assert on_images >= F1_SHARE * on_text, (on_images, on_text)


@pytest.mark.slow
@needs_shared
def test_every_box_of_a_rendered_page_is_inside_its_image(rendered_pages: list[dict[str, Any]]) -> None:
    for r in rendered_pages:
        read = r["read"]
        text = read.raw.text
        assert read.image.boxes.runs
        for run in read.image.boxes.runs:
            assert run.box.within(read.image.width, read.image.height)
        for i in range(len(text)):
            b = read.image.boxes.char_box(text, i)
            assert b is None or b.within(read.image.width, read.image.height)


def test_the_engine_runs_on_the_models_in_its_wheel_and_fetches_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import numpy as np
    from rapidocr.utils import download_file

    from fangzhi.ocr.engine import build_engine

    def offline(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"RapidOCR tried to download: {args}")

    monkeypatch.setattr(download_file.DownloadFile, "_make_http_request", offline)
    monkeypatch.setattr(download_file.DownloadFile, "run", offline)
    engine = build_engine()
    image = render_page("# 市政府召开常务会议", columns=2, font=font()).image.convert("RGB")
    result = engine(np.asarray(image)[:, :, ::-1])
    assert "".join(result.txts or ()) == "市政府召开常务会议"


def test_a_pdf_of_two_pages_is_read_page_by_page(tmp_path: Path) -> None:
    first = render_page("# 市政府召开常务会议\n\n市长朱健主持会议。", columns=2, font=font()).image
    second = render_page("# 全市安全生产工作会议召开\n\n会议强调压实责任。", columns=2, font=font()).image
    pdf = tmp_path / "issue.pdf"
    first.convert("RGB").save(pdf, save_all=True, append_images=[second.convert("RGB")], resolution=200)
    pages = ocr_file(pdf)
    assert [Path(p.raw.path).name for p in pages] == ["issue-p1.pdf", "issue-p2.pdf"]
    assert [p.raw.text.splitlines()[0] for p in pages] == [
        "# 市政府召开常务会议",
        "# 全市安全生产工作会议召开",
    ]
    assert len({p.raw.sha256 for p in pages}) == 2
    for p in pages:
        assert p.image.media_type == "image/png"
        assert Image.open(io.BytesIO(p.image.data)).size == (p.image.width, p.image.height)
