"""The README's Python example prints what the archive really answers on the sample pages."""

from __future__ import annotations

from pathlib import Path

from fangzhi import open_archive
from tests.conftest import SEEDS, needs_shared


@needs_shared
def test_readme_archive_example(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    with open_archive(tmp_path / "fangzhi.db") as archive:
        summary = archive.ingest([SEEDS]).as_dict()
        page = archive.search("安全生产", limit=3)
        (zhu,) = archive.person("朱健")
        chronicle = [(e.date, e.what, e.presided) for e in archive.chronicle("2023-07-01", "2023-07-31")]
    assert str(summary) in readme
    assert f"# ({page.total}, [" in readme
    for headline in (h.headline for h in page.hits):
        assert f"'{headline}'" in readme
    assert str([(p["title"], p["first_seen"], p["last_seen"]) for p in zhu.posts]) in readme
    for date_, what, presided in chronicle:
        assert f"('{date_}', '{what}', {presided!r})" in readme
