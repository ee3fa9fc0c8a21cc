"""One person, one record across articles and pages."""

from __future__ import annotations

from fangzhi.people import jurisdiction, merge_people
from fangzhi.pipeline import parse_text


def page(body: str, name: str) -> object:
    return parse_text("# 标题\n\n某市日报讯（记者 甲某）" + body, name)


def test_mentions_across_pages_merge_with_posts_first_and_last_seen() -> None:
    a = page("2023年5月11日，市委副书记、市长朱杰主持召开会议。\n", "a.txt")
    b = page("2023年11月17日，市长朱杰会见客人。\n", "b.txt")
    (rec,) = [r for r in merge_people([a, b]) if r.name == "朱杰"]  # type: ignore[list-item]
    assert rec.first == "2023-05-11" and rec.last == "2023-11-17"
    assert rec.posts["市长"].first == "2023-05-11" and rec.posts["市长"].last == "2023-11-17"
    assert rec.posts["市委副书记"].last == "2023-05-11"
    assert len(rec.articles) == 2


def test_a_clash_of_jurisdictions_splits_the_name_and_says_so() -> None:
    a = page("2023年5月11日，衡东县委书记陈立新主持会议。\n", "a.txt")
    b = page("2023年6月11日，祁东县委书记陈立新主持会议。\n", "b.txt")
    recs = [r for r in merge_people([a, b]) if r.name == "陈立新"]  # type: ignore[list-item]
    assert [r.key for r in recs] == ["陈立新", "陈立新#2"]
    assert recs[1].problems[0].code == "person.clash"


def test_a_post_naming_no_place_fits_any_record() -> None:
    assert jurisdiction("市长") is None
    assert jurisdiction("衡东县委书记") == "衡东县"
