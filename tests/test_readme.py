"""The README's Python and SQL examples print what the archive really answers on the sample pages."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from fangzhi import open_archive
from fangzhi.cli import main
from fangzhi.dataset import export_dataset
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


_SQL_EXAMPLE = re.compile(r"```sh\n\.venv/bin/fangzhi (sql .+?)\n```\n```text\n(.*?)```", re.S)


@needs_shared
def test_readme_sql_examples_print_what_they_show(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    examples = _SQL_EXAMPLE.findall(readme)
    assert len(examples) == 4
    with open_archive(tmp_path / "fangzhi.db") as archive:
        archive.ingest([SEEDS])
        export_dataset(archive.conn, tmp_path / "dataset")
    for command, shown in examples:
        args = [tmp_path / "dataset" if a == "dataset" else a for a in shlex.split(command)]
        capsys.readouterr()
        assert main([str(a) for a in args]) == 0
        assert capsys.readouterr().out == shown, command
