"""Organisations as printed: a head word and the qualifying words the segmenter lets it take."""

from __future__ import annotations

from typing import Any

import pytest

from fangzhi.extract.orgs import find_orgs


def names(text: str) -> list[str]:
    return [h.name for h in find_orgs(text)]


def test_a_company_takes_its_group_and_place() -> None:
    assert names("市长某某赴国网衡阳供电公司调研。") == ["国网衡阳供电公司"]


def test_a_level_word_opens_a_city_body() -> None:
    assert names("召开市安全生产委员会全体会议。") == ["市安全生产委员会"]


def test_a_place_name_opens_the_body() -> None:
    assert names("衡阳市安全生产委员会印发通知。") == ["衡阳市安全生产委员会"]


def test_a_national_committee_keeps_its_scope() -> None:
    assert names("会见了全国电线电缆标准化技术委员会秘书长。") == ["全国电线电缆标准化技术委员会"]


def test_a_preposition_is_no_part_of_the_name() -> None:
    assert names("经湖南省市场监督管理局批准成立。") == ["湖南省市场监督管理局"]


def test_an_abbreviation_and_a_place_before_the_head() -> None:
    assert names("武警衡阳支队被评为先进单位。") == ["武警衡阳支队"]


def test_a_head_inside_a_longer_word_is_no_head() -> None:
    assert names("市委宣传部部长出席。") == ["市委宣传部"]


def test_a_verb_before_the_level_word_stops_the_name() -> None:
    assert names("会议研究市人大、市政协两会筹备工作。") == ["市人大", "市政协"]


def test_a_conjunction_between_two_bodies_stops_the_name() -> None:
    assert names("活动由祁东县妇联和祁东县教育局关工委联合主办。") == ["祁东县妇联", "祁东县教育局关工委"]


def test_a_function_word_the_segmenter_glued_to_a_name_is_cut_off() -> None:
    # segmented 由市|总工会 and 和衡|南县教育局
    assert names("由市总工会和衡南县教育局主办。") == ["市总工会", "衡南县教育局"]


def test_a_date_before_the_name_stops_it() -> None:
    assert names("2023年衡阳市人民政府工作报告") == ["衡阳市人民政府"]


def test_generic_phrases_name_no_body() -> None:
    assert names("各级各部门、有关部门、市直部门和全市各级党委政府要抓好落实。") == []


def test_a_bare_kind_of_body_is_no_name() -> None:
    assert names("群众到公安局报案。") == []


def test_figures_of_speech_ending_in_a_head_are_no_bodies() -> None:
    assert names("坚持以人民为中心，构建新发展格局，建设省域副中心城市，关心基层干部。") == []


def test_a_name_inside_a_longer_one_gives_way_to_it() -> None:
    assert names("衡阳市人民政府办公室印发通知。") == ["衡阳市人民政府办公室"]


def test_each_body_once_at_its_first_mention() -> None:
    text = "市公安局、市教育局负责人参加。会后，市公安局部署专项行动。"
    hits = find_orgs(text)
    assert [(h.name, h.start) for h in hits] == [("市公安局", 0), ("市教育局", 5)]
    assert all(text[h.start : h.end] == h.name for h in hits)


def test_a_clause_that_never_ends_is_read_in_windows_not_again_for_every_head(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import fangzhi.extract.orgs as orgs

    read: list[int] = []
    real = orgs._tag

    def counting(text: str, lo: int, hi: int) -> Any:
        read.append(hi - lo)
        return real(text, lo, hi)

    monkeypatch.setattr(orgs, "_tag", counting)
    text = "市委书记" * 2000 + "某某某主持会议。"  # OCR that lost its punctuation: 2,000 heads in one clause
    orgs.find_orgs(text)
    # each read a window either side of its head, so the whole is linear in the page
    assert max(read) <= 2 * orgs._WINDOW + 8 and sum(read) <= 100 * len(text)
