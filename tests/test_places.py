"""Places resolved to the national divisions: full and short names, longest match, context."""

from __future__ import annotations

from fangzhi.extract.places import PlaceHit, find_places, gazetteer


def names(text: str) -> list[str]:
    return [h.name for h in find_places(text)]


def one(text: str, context: tuple[str, ...] = ()) -> PlaceHit:
    hits = find_places(text, context)
    assert len(hits) == 1, hits
    return hits[0]


def test_full_name_of_a_district_gives_its_city_and_province() -> None:
    hit = one("市委书记在雁峰区调研。")
    assert (hit.code, hit.level) == ("430406", "district")
    assert (hit.province, hit.city, hit.district) == ("湖南省", "衡阳市", "雁峰区")


def test_short_name_of_a_city() -> None:
    hit = one("衡阳已有225家输变电企业。")
    assert (hit.name, hit.code, hit.level, hit.city) == ("衡阳", "430400", "city", "衡阳市")


def test_short_name_of_a_province() -> None:
    assert one("湖南输变电产业").code == "430000"


def test_longest_match_reads_a_county_not_a_city_and_a_suffix() -> None:
    hit = one("某某赴衡阳县督导检查。")
    assert (hit.name, hit.code, hit.level) == ("衡阳县", "430421", "district")


def test_full_name_wins_over_its_short_name() -> None:
    assert names("衡阳市委常委会召开会议") == ["衡阳市"]


def test_a_chain_of_names_reads_each_division() -> None:
    assert [h.code for h in find_places("湖南省衡阳市雁峰区")] == ["430000", "430400", "430406"]


def test_autonomous_prefecture_by_short_and_abbreviated_name() -> None:
    hits = find_places("湘西州和湘西土家族苗族自治州，湘西")
    assert [h.code for h in hits] == ["433100"] * 3


def test_municipality_is_its_own_city() -> None:
    hits = find_places("北京市海淀区")
    assert (hits[0].level, hits[0].province, hits[0].city) == ("province", "北京市", "北京市")
    assert (hits[1].code, hits[1].city, hits[1].district) == ("110108", "北京市", "海淀区")


def test_shared_name_reported_with_its_candidates_when_nothing_decides() -> None:
    hit = one("朝阳区文明创建工作推进会召开。")
    assert hit.code is None
    assert set(hit.candidates) == {"110105", "220104"}
    assert hit.level == "district"


def test_shared_name_resolved_by_the_callers_context() -> None:
    assert one("朝阳区文明创建工作推进会召开。", context=("110000",)).code == "110105"


def test_shared_name_resolved_by_a_place_elsewhere_in_the_text() -> None:
    hits = find_places("朝阳区文明创建工作推进会召开。长春市相关负责人出席。")
    assert hits[0].code == "220104"


def test_shared_short_name_of_two_districts_stays_unresolved() -> None:
    hit = one("他曾在长安工作多年。")
    assert hit.code is None and len(hit.candidates) == 2


def test_local_shorthand_names_nothing() -> None:
    assert names("我市、全市、该县、本区和各县市区都要抓好落实。") == []


def test_a_division_char_of_local_shorthand_starts_no_name() -> None:
    assert names("该市中区") == []


def test_short_name_inside_a_university_name_is_no_place() -> None:
    assert names("中山大学专家来衡讲学") == []


def test_short_name_before_a_road_is_no_place() -> None:
    assert names("位于衡山路的项目") == []


def test_full_name_whose_first_character_ends_the_word_before() -> None:
    assert names("打造比肩沿海城市的营商环境") == []


def test_two_character_county_inside_other_words() -> None:
    assert names("提高县域经济发展水平，市委和县委同步推进") == []


def test_short_name_that_is_an_everyday_word_is_not_read() -> None:
    assert names("全面推进乡村振兴，以和平方式解决") == []


def test_offsets_point_at_the_name_as_printed() -> None:
    text = "某某在衡山县调研时强调"
    hit = one(text)
    assert text[hit.start : hit.end] == hit.name == "衡山县"


def test_gazetteer_is_built_once() -> None:
    assert gazetteer() is gazetteer()
    assert len(gazetteer().divisions) > 3000


def test_a_long_article_finds_every_place_it_names() -> None:
    # its speed is measured in benchmarks/parse.py, never timed in a unit test
    unit = "会议强调，全市上下要坚定信心。衡阳市雁峰区、衡南县和耒阳市作表态发言，"
    text = unit * 250
    hits = find_places(text)
    assert len({h.start for h in hits if h.name == "衡南县"}) == 250
    assert len({h.start for h in hits if h.name == "耒阳市"}) == 250
