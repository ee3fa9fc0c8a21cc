"""A post as an office in a place: named by the title, else inferred from the paper or dateline."""

from __future__ import annotations

from pathlib import Path

from fangzhi import open_archive
from fangzhi.extract.offices import home_of, named_place, seat_of
from fangzhi.model import Seat
from fangzhi.pipeline import parse_text
from fangzhi.records import page_records
from fangzhi.settings import Settings

CITY_PAGE = (
    "# 市委常委会召开会议\n"
    "本报讯（记者 王明）10月23日上午，市委书记李明华主持召开市委常委会会议。"
    "市长赵建国，衡东县委书记张海，湖南省副省长陈刚出席。县长周平列席。\n"
)
DATELINED_PAGE = (
    "# 县长调研\n本报衡东讯（记者 王明）10月23日，县长周平到乡镇调研，副市长刘伟，镇党委书记孙力陪同。\n"
)


def seats(text: str, publication: str | None) -> dict[str, list[tuple[str, Seat | None]]]:
    parsed = parse_text(text, "p.txt", Settings(publication=publication))
    return {p.name: [(q.title, q.seat) for q in p.posts] for a in parsed.articles for p in a.facts.persons}


def test_a_title_that_names_its_place_is_held_there() -> None:
    got = seats(CITY_PAGE, "衡阳日报")
    assert got["张海"] == [("衡东县委书记", Seat("衡东县", "430424", False))]
    assert got["陈刚"] == [("湖南省副省长", Seat("湖南省", "430000", False))]


def test_a_bare_title_is_held_in_the_papers_jurisdiction_and_says_it_was_inferred() -> None:
    got = seats(CITY_PAGE, "衡阳日报")
    assert got["李明华"] == [("市委书记", Seat("衡阳市", "430400", True))]
    assert got["赵建国"] == [("市长", Seat("衡阳市", "430400", True))]


def test_a_level_the_paper_does_not_have_is_left_without_a_seat() -> None:
    # a city paper: which county's 县长, the page does not say
    assert seats(CITY_PAGE, "衡阳日报")["周平"] == [("县长", None)]
    assert seats(CITY_PAGE, None)["赵建国"] == [("市长", None)]


def test_a_dateline_places_a_bare_title_before_the_paper_does() -> None:
    got = seats(DATELINED_PAGE, "衡阳日报")
    assert got["周平"] == [("县长", Seat("衡东县", "430424", True))]
    assert got["刘伟"] == [("副市长", Seat("衡阳市", "430400", True))]
    assert got["孙力"] == [("镇党委书记", None)]  # a township has no seat of its own here


def test_a_county_level_city_is_its_own_shi() -> None:
    home = home_of(None, "浏阳市融媒体中心")
    assert seat_of("市长", home) == Seat("浏阳市", "430181", True)
    assert seat_of("常务副市长", home) == Seat("浏阳市", "430181", True)
    assert seat_of("省委书记", home) == Seat("湖南省", "430000", True)
    assert named_place("浏阳市委书记") == "浏阳市" and named_place("市委书记") is None


def test_records_and_the_archive_keep_the_seat(tmp_path: Path) -> None:
    parsed = parse_text(CITY_PAGE, "p.txt", Settings(publication="衡阳日报"))
    (rec,) = page_records(parsed)
    person = next(p for p in rec["persons"] if p["name"] == "赵建国")
    assert person["post_seats"] == [{"place": "衡阳市", "code": "430400", "inferred": True}]
    page = tmp_path / "p.txt"
    page.write_text(CITY_PAGE, encoding="utf-8")
    with open_archive(tmp_path / "t.db") as a:
        a.ingest([page], settings=Settings(publication="衡阳日报"))
        (view,) = a.person("赵建国")
        (post,) = view.posts
        assert (post["place"], post["place_code"], post["place_inferred"]) == ("衡阳市", "430400", 1)
        (named,) = a.person("张海")[0].posts
        assert (named["place"], named["place_code"], named["place_inferred"]) == ("衡东县", "430424", 0)


def test_the_person_page_marks_an_inferred_seat(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from fangzhi.web.app import create_app

    page = tmp_path / "p.txt"
    page.write_text(CITY_PAGE, encoding="utf-8")
    with open_archive(tmp_path / "t.db") as a:
        a.ingest([page], settings=Settings(publication="衡阳日报"))
    client = TestClient(create_app(tmp_path / "t.db"))
    inferred = client.get("/person/赵建国").text
    assert '<span title="430400">衡阳市</span><small class="inferred"' in inferred
    named = client.get("/person/张海").text
    assert '<span title="430424">衡东县</span>' in named and "（推断）" not in named
