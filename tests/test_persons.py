"""People and their posts, by the grammar of official titles (hand-written sentences)."""

from __future__ import annotations

import pytest

from fangzhi.extract.persons import find_persons, read_name


def people(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, list[str]]]:
    seen: dict[str, list[str]] = {}
    for h in find_persons(text, known):
        posts = seen.setdefault(h.name, [])
        posts.extend(p.title for p in h.posts if p.title not in posts)
    return list(seen.items())


def test_a_chain_of_posts_joined_by_the_list_comma() -> None:
    assert people("市委常委、市委组织部部长、市委统战部部长王建国作工作报告。") == [
        ("王建国", ["市委常委", "市委组织部部长", "市委统战部部长"])
    ]


def test_one_post_shared_by_a_list_of_names() -> None:
    assert people("市领导张红梅、李卫东、周志强出席会议。") == [
        ("张红梅", ["市领导"]),
        ("李卫东", ["市领导"]),
        ("周志强", ["市领导"]),
    ]


def test_a_body_and_its_qualifiers_belong_to_the_post() -> None:
    assert people("省委主题教育第三巡回督导组组长陈立新出席会议。") == [
        ("陈立新", ["省委主题教育第三巡回督导组组长"])
    ]


def test_former_and_rank_prefixes_stay_in_the_post() -> None:
    assert people("市人大常委会原副主任、市政府副厅级参事吴国平参加。") == [
        ("吴国平", ["市人大常委会原副主任", "市政府副厅级参事"])
    ]


def test_the_verb_before_a_post_is_not_part_of_it() -> None:
    assert people("市长郑明会见了全国电力标准化技术委员会秘书长何文华一行。") == [
        ("郑明", ["市长"]),
        ("何文华", ["全国电力标准化技术委员会秘书长"]),
    ]


def test_a_post_printed_after_the_name() -> None:
    assert people("深入学习贯彻习近平总书记重要讲话精神。") == [("习近平", ["总书记"])]


def test_two_names_side_by_side_do_not_swallow_each_other() -> None:
    assert [n for n, _ in people("市委书记刘高远、市长朱杰出席。刘高远朱杰出席并颁奖。")] == [
        "刘高远",
        "朱杰",
    ]


def test_name_length_is_settled_by_what_follows() -> None:
    assert read_name("刘越高主持会议", 0) == (0, 3)
    assert read_name("朱健会见客人", 0) == (0, 2)
    assert read_name("黄立，市政府秘书长", 0) == (0, 2)


def test_words_of_the_language_are_not_names() -> None:
    assert people("要加强领导干部的教育。全市上下要坚定信心。") == []


def test_bare_mentions_of_a_known_name() -> None:
    assert people("刘高远强调，要抓好落实。", known=("刘高远",)) == [("刘高远", [])]


def test_people_named_with_no_post_in_a_list() -> None:
    names = [n for n, _ in people("获评最美驾驶员的是：王海军、祝冬生、刘志明、傅健。")]
    assert names == ["王海军", "祝冬生", "刘志明", "傅健"]


def test_places_in_a_list_are_not_people() -> None:
    assert people("衡南县、耒阳市、石鼓区依次作交流发言。") == []


def test_a_name_after_an_honour() -> None:
    assert [n for n, _ in people("“全国抗疫三八红旗手”周媛等一大批先进典型。")] == ["周媛"]


def test_a_person_introduced_by_what_they_are() -> None:
    assert [n for n, _ in people("来自江苏的游客陈思远戴上眼镜。")] == ["陈思远"]


def test_an_appointment_notice() -> None:
    got = people("经市人大常委会会议表决，任命王立新为市发展和改革委员会主任，免去张国强的市审计局局长职务。")
    assert got == [("王立新", ["市发展和改革委员会主任"]), ("张国强", ["市审计局局长"])]


@pytest.mark.parametrize("text", ["会议强调，要压实责任。", "记者从市统计局获悉。", "全市上下要鼓足干劲。"])
def test_sentences_without_people(text: str) -> None:
    assert people(text) == []


def test_a_known_name_is_not_read_inside_a_longer_name() -> None:
    found = [(h.name, h.start) for h in find_persons("市长张伟主持会议。会上，李张伟介绍了情况。")]
    assert found == [("张伟", 2), ("李张伟", 12)]
    again = [(h.name, h.start) for h in find_persons("市长张伟主持会议，会见了张伟。")]
    assert again == [("张伟", 2), ("张伟", 12)]  # after a verb it is still the known name


def test_a_leader_named_as_the_source_of_what_is_studied_is_referenced_not_present() -> None:
    from tests.helpers import records

    rec = records(
        "# 标题\n\n本报讯 2023年5月11日，市委常委会召开会议，学习贯彻习近平总书记重要讲话精神。"
        "市委书记王建华主持会议并讲话。\n"
    )[0]
    flags = {p["name"]: p["referenced"] for p in rec["persons"]}
    assert flags == {"习近平": True, "王建华": False}
    roles = [n for e in rec["events"] for k in ("presided", "spoke", "attended") for n in e[k]]
    assert "习近平" not in roles and "王建华" in roles


def test_a_commemorated_leader_is_referenced() -> None:
    from tests.helpers import records

    rec = records("# 标题\n\n本报讯 2023年12月26日，我市举行座谈会，纪念毛泽东主席诞辰130周年。\n")[0]
    assert [p["referenced"] for p in rec["persons"] if p["name"] == "毛泽东"] == [True]


@pytest.mark.parametrize(
    ("line", "post"),
    [
        ("市政府党组成员王建华出席。", "市政府党组成员"),
        ("村干部王建华介绍。", "村干部"),
        ("市政府一级巡视员王建华出席会议。", "市政府一级巡视员"),
        ("代市长王建华主持会议。", "代市长"),
        ("市议员王建华出席活动。", "市议员"),
        ("市政府党组书记王建华出席会议。", "市政府党组书记"),
        ("市委组织部二级调研员王建华出席会议。", "市委组织部二级调研员"),
    ],
)
def test_titles_of_members_cadres_ranks_and_acting_posts(line: str, post: str) -> None:
    from tests.helpers import records

    rec = records("# 标题\n\n本报讯 2023年5月11日，" + line + "\n")[0]
    assert [(p["name"], p["posts"]) for p in rec["persons"]] == [("王建华", [post])]


def test_a_given_name_ending_like_a_place_stands_where_a_verb_closes_it() -> None:
    assert people("市委书记李长江主持会议。") == [("李长江", ["市委书记"])]
    assert people("副县长王金山，县委常委张海河出席。") == [("王金山", ["副县长"]), ("张海河", ["县委常委"])]
    # a place after a title is no name: nothing closes it as a name does
    assert people("市委书记赴长江大桥调研。") == []


def test_a_two_character_name_keeps_the_verb_after_it_whole() -> None:
    assert people("镇党委书记孙力陪同。") == [("孙力", ["镇党委书记"])]
    assert people("副县长张三来到现场。") == [("张三", ["副县长"])]
    assert people("副市长王建国主持。") == [("王建国", ["副市长"])]


def test_a_qualifier_before_a_post_stays_in_it_and_the_chain_goes_on() -> None:
    assert people("县委常委、挂职副县长李明华主持会议。") == [("李明华", ["县委常委", "挂职副县长"])]
    assert people("驻村第一书记张伟介绍。") == [("张伟", ["驻村第一书记"])]


@pytest.mark.parametrize(
    "line",
    [
        "市委书记王建华进行动员部署。",
        "市委书记王建华寄语青年学生。",
        "市委书记王建华应邀出席。",
        "市委书记王建华会谈时说。",
    ],
)
def test_a_verb_right_after_a_name_ends_it(line: str) -> None:
    assert people(line) == [("王建华", ["市委书记"])]


def test_a_name_printed_with_a_space_between_its_characters_is_one_person() -> None:
    from tests.helpers import records

    rec = records("# 标题\n\n本报讯 2023年5月11日，市委书记崔 霞出席会议并讲话。\n")[0]
    assert [(p["name"], p["posts"]) for p in rec["persons"]] == [("崔霞", ["市委书记"])]


def test_how_a_leader_went_ends_the_name() -> None:
    assert people("市委书记王建华采取不发通知的方式暗访。") == [("王建华", ["市委书记"])]


@pytest.mark.parametrize(
    ("line", "post"),
    [
        ("市工业和信息化局党组书记王建华出席。", "市工业和信息化局党组书记"),
        ("市自然资源和规划局局长王建华介绍。", "市自然资源和规划局局长"),
    ],
)
def test_a_conjunction_inside_a_bodys_name_stays_in_the_post(line: str, post: str) -> None:
    assert people(line) == [("王建华", [post])]


def test_a_conjunction_between_two_people_joins_no_body() -> None:
    assert people("市长王建华和市教育局局长李明出席。") == [("王建华", ["市长"]), ("李明", ["市教育局局长"])]


def test_a_titled_given_name_of_one_character_like_a_places_is_a_name() -> None:
    assert people("市中级人民法院院长莫山，市人民检察院检察长李明列席。") == [
        ("莫山", ["市中级人民法院院长"]),
        ("李明", ["市人民检察院检察长"]),
    ]


def test_an_untitled_place_stays_a_place() -> None:
    assert people("市委书记赴衡山调研。") == []


def test_a_one_character_verb_of_speech_after_a_name_is_its_verb() -> None:
    assert people("在装配线上工作了七年的员工宋刚说，车间环境越来越好。") == [("宋刚", [])]


def test_a_name_at_the_very_end_of_a_list_is_read() -> None:
    assert people("市领导王建华、李明") == [("王建华", ["市领导"]), ("李明", ["市领导"])]


def test_every_name_of_a_list_of_winners_is_a_person_however_it_ends_or_opens() -> None:
    got = [n for n, _ in people("周晓敏、叶亮乐、张鹤山、宋兴喜、金子茜、蒋鹏健等10人获评先进个人。")]
    assert got == ["周晓敏", "叶亮乐", "张鹤山", "宋兴喜", "金子茜", "蒋鹏健"]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        (
            "副市长王建华和市人力资源和社会保障局局长李明共同揭牌。",
            [("王建华", ["副市长"]), ("李明", ["市人力资源和社会保障局局长"])],
        ),
        (
            "副市长王建华与长江通用航空有限公司总经理李明代表双方签约。",
            [("王建华", ["副市长"]), ("李明", ["长江通用航空有限公司总经理"])],
        ),
    ],
)
def test_a_post_holds_no_other_post_and_its_name(line: str, want: list[tuple[str, list[str]]]) -> None:
    assert people(line) == want


def test_a_conjunction_before_another_places_body_joins_no_body() -> None:
    assert people("市委书记王建华在开封宾馆与新乡市委书记李明座谈。") == [
        ("王建华", ["市委书记"]),
        ("李明", ["新乡市委书记"]),
    ]


def test_a_person_introduced_by_their_trade_is_a_person() -> None:
    assert people("在物理实验室，教师白振东正带着学生动手组装电路。") == [("白振东", [])]
