"""The boundary model: shipped with the package, fitted on dev families only, deciding the page."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from fangzhi.model import RawPage
from fangzhi.pipeline import parse_text
from fangzhi.read.blocks import build_blocks
from fangzhi.read.boundaries import LABELS, page_labels
from fangzhi.read.credits import match_dateline, trailing_credit
from fangzhi.read.normalize import normalize
from tests.conftest import SHARED, needs_shared

ROOT = Path(__file__).resolve().parents[1]
# Named in every paper of the country, and so in the rules for how papers print them (习近平总书记).
NATIONAL_LEADERS = {"习近平", "毛泽东"}


def layout_of(text: str):  # type: ignore[no-untyped-def]
    return build_blocks(normalize(RawPage("p.txt", text, "utf-8", "", len(text))))


def test_the_model_ships_with_a_note_of_what_it_was_fitted_on() -> None:
    folder = resources.files("fangzhi.read")
    assert (folder / "boundaries.crfsuite").is_file()
    note = json.loads((folder / "boundaries.json").read_text(encoding="utf-8"))
    assert note["fitted_on"]["split"] == "dev" and note["fitted_on"]["pages"] >= 300
    assert "fangzhi.read.train" in note["command"]


def test_every_block_gets_a_label() -> None:
    lay = layout_of("# 标题\n\n本报讯（记者 张伟）3月2日，市委召开会议。\n\n会议强调，要抓好落实。\n")
    labels = page_labels(lay)
    assert labels is not None and len(labels) == len(lay.blocks) and set(labels) <= set(LABELS)


def test_an_attendance_line_ending_the_lead_does_not_end_the_article() -> None:
    page = (
        "# 扎实推进项目建设\n\n本报讯（记者 张伟）3月2日上午，市委书记王建国赴某县调研项目建设工作。市领导李明、赵强陪同。\n\n"
        "王建国先后来到产业园和物流中心，详细了解项目进展情况。他强调，要压实责任，加快进度，确保项目早日建成投产。\n\n"
        "王建国要求，各级各部门要强化要素保障，优化服务环境，推动项目建设提质增效。\n"
    )
    (article,) = parse_text(page).articles
    assert article.body_text.endswith("推动项目建设提质增效。")


def test_a_fragment_printed_after_an_article_is_not_glued_to_it() -> None:
    page = (
        "# 市政府召开常务会议\n\n本报讯（记者 张伟）3月2日，市政府召开常务会议，研究部署安全生产工作。市长王建国主持会议。\n\n"
        "会议强调，要压紧压实安全生产责任，坚决遏制重特大事故发生。\n\n"
        "市领导李明、赵强出席会议。\n\n"
        "（上接第一版）\n\n"
        "村道路硬化、饮水安全巩固提升等民生项目，让群众在家门口享受到发展成果。\n"
    )
    articles = parse_text(page).articles
    assert [a.kind for a in articles] == ["news", "fragment"]
    assert articles[0].body_text.endswith("出席会议。") and not articles[1].complete


def test_datelines_of_any_outlet_are_read() -> None:
    for line, source in [
        ("掌上春城讯 3月2日，", "掌上春城"),
        ("湖北日报消息", "湖北日报"),
        ("云上江陵报道：3月2日", "云上江陵"),
        ("华龙网4月14日8时35分讯（见习记者 张伟）", "华龙网"),
        ("据《人民日报》消息", "人民日报"),
        ("【本报讯】3月2日", "本报"),
        ("本报记者张伟报道 3月2日，", "本报"),
    ]:
        m = match_dateline(line)
        assert m is not None and m.source == source, line


def test_words_ending_in_xun_are_no_dateline() -> None:
    for line in ("武警总部传出喜讯，", "喜讯传来", "通讯员队伍建设", "消息传来，大家十分振奋。"):
        assert match_dateline(line) is None, line


def test_credits_after_the_body_are_split_off() -> None:
    for credit in (
        "（记者 张伟）",
        "（文/图 全媒体记者 张伟）",
        "（来源：江州日报）",
        "（区委办）",
        "记者 张伟 摄",
    ):
        assert trailing_credit("……确保按期完成。" + credit) == 9, credit
    assert trailing_credit("（张伟 李四）") == 0
    assert trailing_credit("……确保按期完成（审议稿）。") is None
    assert trailing_credit("会议审议了《条例》（草案）") is None


def test_a_credit_after_a_closed_quotation_is_split_off() -> None:
    # the quotation the last sentence closes is the sentence's; the reporters run on after it
    text = "他说：“我们将抓好落实。”本报记者 张伟 李想"
    assert trailing_credit(text) == text.index("本报")
    assert trailing_credit("他说：“我们将抓好落实。”") is None


def test_a_jump_line_of_its_own_is_furniture_and_marks_the_body_cut() -> None:
    page = "# 标题\n\n本报讯（记者 张伟）3月2日，市委书记王建国来到\n\n（下转第二版）\n"
    parsed = parse_text(page)
    (article,) = parsed.articles
    assert "下转" not in article.body_text and not article.complete
    assert any(f.kind == "jump-to" for f in parsed.page.furniture)


@needs_shared
def test_no_rule_or_lexicon_names_a_person_of_the_sample_pages() -> None:
    names = {
        p["name"]
        for g in (SHARED / "gold").glob("*.json")
        for a in json.loads(g.read_text(encoding="utf-8"))["articles"]
        for p in [*a.get("persons", []), *a.get("bylines", [])]
        if p.get("name")
    } - NATIONAL_LEADERS
    code = "\n".join(
        p.read_text(encoding="utf-8")
        for folder in ("fangzhi/lexicon", "fangzhi/read", "fangzhi/sim", "fangzhi/extract")
        for p in (ROOT / folder).rglob("*")
        if p.suffix in (".py", ".toml", ".json")
    )
    found = sorted(n for n in names if re.search(re.escape(n), code))
    assert not found, found


def test_rules_only_is_the_greedy_baseline_and_a_reading_of_its_own() -> None:
    from fangzhi.settings import Settings

    page = (
        "# 市政府召开常务会议\n\n本报讯（记者 张伟）3月2日，市政府召开常务会议。市长王建国主持会议。市领导李明出席会议。\n\n"
        "会议强调，要压紧压实安全生产责任，坚决遏制重特大事故发生。\n"
    )
    learned = parse_text(page).articles
    rules = parse_text(page, settings=Settings(learned=False)).articles
    # the rules close a report at its attendance line; the model reads the lead's end as a lead's
    assert len(learned) == 1 and learned[0].body_text.endswith("重特大事故发生。")
    assert len(rules) == 2 and rules[1].kind == "fragment"
    assert Settings(learned=False).reading_key() != Settings().reading_key()


def test_an_outlets_name_over_a_reporters_line_is_one_byline() -> None:
    lay = layout_of(
        "# 全力推进项目建设\n\n某州晚报·某州新闻\n记者 韩立\n\n5月3日，市委书记到项目现场调研。\n"
    )
    kinds = [(b.kind, b.text) for b in lay.blocks]
    assert ("byline", "某州晚报·某州新闻记者 韩立") in kinds


def test_a_headline_ending_like_an_outlet_stays_a_headline_over_its_byline() -> None:
    lay = layout_of("全力打造智慧电网\n记者 韩立\n\n5月3日，市委书记到项目现场调研。\n")
    assert [b.kind for b in lay.blocks][:2] == ["headline", "byline"]


@pytest.mark.parametrize("credit", ["（记者 韩立）", "来源：某某县广播电视台"])
def test_a_credit_on_a_line_of_its_own_after_the_body_is_a_credit(credit: str) -> None:
    lay = layout_of(f"# 全力推进项目建设\n\n5月3日，市委书记到项目现场调研。\n\n{credit}\n")
    assert lay.blocks[-1].kind == "credit"


def test_a_photo_set_into_the_column_does_not_cut_the_report_it_stands_in() -> None:
    page = (
        "# 市长会见客商一行\n\n本报讯（记者 张伟）3月2日，市长王建国会见了远航集团董事长刘志一行，双方就产业合作进行了交流。\n\n"
        "王建国代表市委、市政府对刘志一行表示欢迎，并推介了本市的区位优势和产业布局。\n\n"
        "3月1日，在城南街道的蔬菜基地，村民们正在采收蔬菜，处处是一派繁忙景象。 ■李红 摄\n\n"
        "市人大常委会副主任陈强陪同。\n\n"
        "# 全市春耕生产现场会召开\n\n本报讯（记者 赵雪）3月3日，全市春耕生产现场会在河西镇召开。\n\n"
        "会议要求，要抓住农时，确保粮食播种面积稳中有增。\n"
    )
    bodies = [a.body_text for a in parse_text(page).articles]
    assert any(b.startswith("3月2日") and b.endswith("陈强陪同。") for b in bodies)
    assert any(b.startswith("3月1日") and "采收蔬菜" in b for b in bodies)


def test_the_tail_model_can_be_refitted_with_the_boundary_model_kept(tmp_path: Path) -> None:
    from fangzhi.read import train
    from fangzhi.sim.generate import write_set

    write_set("dev", 4, 3, tmp_path / "sim")
    model = tmp_path / "model"
    model.mkdir()
    shipped = resources.files("fangzhi.read") / "boundaries.crfsuite"
    (model / "boundaries.crfsuite").write_bytes(shipped.read_bytes())
    note = train.train(tmp_path / "sim", model, tails_only=True)
    assert (model / "boundaries.crfsuite").read_bytes() == shipped.read_bytes()
    tails = json.loads((model / "tails.json").read_text(encoding="utf-8"))
    assert len(tails["weights"]) == len(tails["features"]) and note["tails"]["pairs"] == tails["pairs"] > 0


def test_a_name_alone_between_the_head_and_the_lead_is_the_byline() -> None:
    page = "# 全力推进项目建设\n\n韩立\n\n5月3日，市委书记到项目现场调研，要求加快建设进度。\n"
    (article,) = parse_text(page).articles
    assert [(b.role, b.name) for b in article.bylines] == [(None, "韩立")]
    assert article.headline is not None and article.headline.text == "全力推进项目建设"
    assert article.body_text.startswith("5月3日")


def test_a_two_line_headline_opening_with_a_name_stays_one_headline() -> None:
    lay = layout_of("韩立\n调研重点项目建设\n\n5月3日，市长韩立到项目现场调研，要求加快建设进度。\n")
    assert "byline" not in [b.kind for b in lay.blocks]


@pytest.mark.parametrize(
    "line",
    [
        "一 审：韩立",
        "编 辑：韩立",
        "[ 责任编辑：韩立 ]",
        "本站原创文章，转载请附上原文链接。",
        "【未经授权，严禁转载！】",
        "免责声明",
        "文章为某某县融媒体中心原创，转载或内容合作请联系我们。未经许可，不得转载。",
        "本文系某某日报原创稿件，转载请注明出处。",
        "时间：2025年1月17日",  # the date of an interview's credits, a line of its own
    ],
)
def test_editors_and_rights_notices_after_the_body_are_no_part_of_it(line: str) -> None:
    page = f"# 全力推进项目建设\n\n本报讯 5月3日，市委书记到项目现场调研，要求加快建设进度。\n\n{line}\n"
    (article,) = parse_text(page).articles
    assert article.body_text.endswith("加快建设进度。")


def test_a_credit_saying_what_was_done_then_by_which_unit_and_whom_is_split_off() -> None:
    assert trailing_credit("要求加快建设进度。(文/某县新闻中心 韩立)") == len("要求加快建设进度。")


@pytest.mark.parametrize(
    "credit",
    [
        "（统筹协调|某某广播电视台总编室 韩立 赵明 融媒体中心 钱江）",  # a bar, units and their people
        "（策划：韩立 赵明）",
    ],
)
def test_a_production_credit_after_the_body_is_split_off(credit: str) -> None:
    assert trailing_credit("要求加快建设进度。" + credit) == len("要求加快建设进度。")


def test_a_production_role_before_anything_but_names_and_units_is_no_credit() -> None:
    assert trailing_credit("要求加快建设进度。（导演：该片讲述了某地的故事）") is None
    assert trailing_credit("要求加快建设进度。（统筹：市委宣传部）") is None  # no one named


def test_an_authors_name_run_on_after_the_last_sentence_is_a_credit() -> None:
    text = "要求加快建设进度。韩立明"
    assert trailing_credit(text) == len("要求加快建设进度。")


@pytest.mark.parametrize("tail", ["常务", "干部", "郝炳"])
def test_two_characters_after_the_last_full_stop_are_text_cut_off_not_a_credit(tail: str) -> None:
    assert trailing_credit("要求加快建设进度。" + tail) is None


def test_a_dateline_with_its_date_in_chinese_numerals_is_read() -> None:
    m = match_dateline("中新社某地三月五日电（记者 韩立）三月五日，某某会议召开。")
    assert m is not None and m.date_text == "三月五日"


def test_a_speakers_paragraph_displaced_above_the_head_of_his_report_goes_back_to_it() -> None:
    page = (
        "# 某村：茶叶铺就致富路\n\n本报讯（记者 张伟）近日，在某镇某村，连片的茶叶基地一眼望不到头，村民们正忙着管护。\n\n"
        "村民在基地务工，一年能挣三万多元。\n\n"
        "陈建国强调，要坚持项目为王，加快项目建设进度。\n\n"
        "# 推动文明城市创建再上新台阶\n\n本报讯（记者 赵雪）3月2日上午，市委书记陈建国来到某县，就文明城市创建工作开展调研。\n\n"
        "陈建国先后来到社区和学校，详细了解创建工作推进情况。\n"
    )
    arts = parse_text(page).articles
    assert arts[0].body_text.endswith("一年能挣三万多元。")
    assert arts[1].body_text.startswith("3月2日") and arts[1].body_text.endswith("加快项目建设进度。")


def test_a_list_of_names_that_the_next_line_goes_on_from_is_text_not_a_credit() -> None:
    page = (
        "# 某市评出优秀民营企业家\n\n本报讯（记者 张伟）9月30日，某市优秀民营企业家颁奖典礼举行。\n\n"
        "孙威、莫红、尹婷\n\n等10人获评优秀民营企业家称号。\n"
    )
    (article,) = parse_text(page).articles
    assert "尹婷等10人获评" in article.body_text and [b.name for b in article.bylines] == ["张伟"]


def test_an_orphan_run_opening_with_a_speaker_its_report_names_rejoins_that_report() -> None:
    page = (
        "# 推动文明城市创建再上新台阶\n\n本报讯（记者 赵雪）3月2日上午，市委书记陈建国来到某县，就文明城市创建工作开展调研。\n\n"
        "陈建国先后来到社区和学校，详细了解创建工作推进情况。\n\n"
        "# 某村：茶叶铺就致富路\n\n本报讯（记者 张伟）近日，在某镇某村，连片的茶叶基地一眼望不到头，村民们正忙着管护。\n\n"
        "村民在基地务工，一年能挣三万多元。\n\n（下转第二版）\n\n"
        "陈建国强调，要坚持以人民为中心，扎实推进文明城市创建，让群众有更多获得感。\n"
    )
    arts = parse_text(page).articles
    assert len(arts) == 2 and arts[0].body_text.endswith("让群众有更多获得感。")


def test_the_tail_model_weighs_a_pronoun_speaking_on_in_a_report_where_someone_speaks() -> None:
    from fangzhi.read.segment import TAIL_FEATURES, tail_weights

    weights = tail_weights()
    assert weights is not None and weights[TAIL_FEATURES.index("pronoun_speaks_on")] > 0


def test_a_paragraph_opening_with_a_comma_under_a_finished_one_is_a_block_of_its_own() -> None:
    # the rest of a sentence from another page, printed under a report that ended: the model
    # weighs it as a new piece, where the blank line alone was once closed as a column gap
    lay = layout_of(
        "# 标题\n\n本报讯（记者 张伟）3月2日，市委召开会议。会议强调，要抓好落实。\n\n"
        "，产品还打进了海外市场。员工说，车间环境越来越好。\n"
    )
    bodies = [b for b in lay.blocks if b.kind == "body"]
    assert [b.text[:3] for b in bodies] == ["3月2", "，产品"]
    assert bodies[1].starts_mid


MEETING = "# 市委常委会召开会议\n\n本报讯（记者 张伟）3月2日，市委常委会召开会议，研究部署重点工作。\n\n会议强调，要抓好落实。\n\n"
VISIT = "# 市长赴高新区调研\n\n本报讯（记者 李明）3月2日，市长王某某赴高新区调研重点项目建设。\n\n"


def _features_of(text: str, opening: str) -> list[str]:
    from fangzhi.read.boundaries import page_features

    lay = layout_of(text)
    i = next(i for i, b in enumerate(lay.blocks) if b.text.startswith(opening))
    return page_features(lay)[i]


def test_a_closing_line_telling_of_the_event_under_the_next_head_says_so() -> None:
    # …参加调研 after a meeting's report, over an inspection's head: the kind of event it tells of
    # is the report's below, not the one it is printed under
    f = _features_of(MEETING + "副市长赵某、钱某参加调研。\n\n" + VISIT, "副市长")
    assert "ev=b" in f
    f = _features_of(MEETING + "市领导赵某、钱某列席会议。\n\n" + VISIT, "市领导")
    assert "ev=a" in f


TELECONFERENCE = (
    "# 全力做好防汛工作\n\n本报讯（记者 周红）3月2日，全省防汛工作电视电话会议召开。市长王某某在我市分会场"
    "参加会议。\n\n会议强调，要压实责任。\n\n"
)


def test_a_line_of_the_meetings_held_in_分会场_tells_of_a_video_linked_meeting_not_of_any() -> None:
    from fangzhi.read.boundaries import event_kinds

    assert event_kinds("各县市区负责同志在各分会场参加会议。") & 16
    assert not event_kinds("市领导赵某、钱某列席会议。") & 16
    # over a teleconference's head, under a meeting's report: the kind of the report below
    f = _features_of(MEETING + "各县市区负责同志在各分会场参加会议。\n\n" + TELECONFERENCE, "各县市区")
    assert "ev=b" in f
    # an attendance line of any meeting reads as the meeting over it
    f = _features_of(MEETING + "市领导赵某、钱某列席会议。\n\n" + TELECONFERENCE, "市领导")
    assert "ev=ab" in f


def test_a_paragraph_opening_inside_a_word_is_read_with_how_the_one_over_it_ends() -> None:
    # …逐|件化解 under a paragraph that ended: a fragment from elsewhere (under a line the column
    # cut, reflow has joined the two)
    f = _features_of(MEETING + "件化解，不让小问题拖成大麻烦。\n\n", "件化解")
    assert "cut_after:end=stop" in f
    f = _features_of(MEETING + "会议要求，要对合理诉求限时办理。\n\n", "会议要求")
    assert not any(x.startswith("cut_after:") for x in f)


def test_a_paragraph_opening_on_a_character_that_opens_no_sentence_is_read_likewise() -> None:
    # …谱|写合作新篇章 under a paragraph that ended: weaker than a character seldom a word alone
    f = _features_of(MEETING + "写合作新篇章。\n\n", "写合作")
    assert "loose_word" in f and "loose_after:end=stop" in f
    f = _features_of(MEETING + "在产业园，他察看了生产线。\n\n", "在产业园")
    assert "loose_word" not in f


def test_a_second_line_of_leaders_attending_over_a_report_that_names_none_says_so() -> None:
    # the meeting's lead said who attended: a second attendance line, over an inspection's report
    # that names no one attending, is that report's closing line printed above its head
    attended = MEETING.replace("研究部署重点工作。", "研究部署重点工作。副市长赵某出席会议。")
    f = _features_of(attended + "市领导孙某、李某陪同。\n\n" + VISIT, "市领导孙某")
    assert "attend=again" in f and "attend_below=0" in f
    # the meeting's one line of attendees: its own, whatever the report below prints
    f = _features_of(
        MEETING + "市领导孙某、李某出席会议。\n\n" + VISIT + "市领导周某陪同。\n\n", "市领导孙某"
    )
    assert "attend=first" in f and not any(x.startswith("attend_below") for x in f)
    # the leader who attended and spoke (出席并讲话) is the report's protagonist, not its attendees
    spoke = MEETING.replace("研究部署重点工作。", "研究部署重点工作。市长王某某出席并讲话。")
    f = _features_of(spoke + "市领导孙某、李某出席。\n\n" + VISIT, "市领导孙某")
    assert "attend=first" in f
    # the units' people in the video-linked meeting's rooms name no leader: no such reading
    f = _features_of(attended + "各县市区有关负责同志在各分会场参加会议。\n\n" + VISIT, "各县市区")
    assert not any(x.startswith("attend") for x in f)


def test_a_speaker_named_only_under_the_next_head_says_so() -> None:
    f = _features_of(MEETING + "王某某强调，要加快项目建设进度。\n\n" + VISIT, "王某某强调")
    assert "speaker=b" in f
    f = _features_of(MEETING + "孙某某指出，要压实责任。\n\n" + VISIT, "孙某某指出")
    assert "speaker=-" in f


@pytest.mark.parametrize("scene", ["调研中，", "视察中，", "会上，"])
def test_a_speaker_after_the_scene_a_later_paragraph_sets_is_read_as_a_speaker(scene: str) -> None:
    f = _features_of(MEETING + scene + "王某某强调，要加快项目建设进度。\n\n" + VISIT, scene + "王某某")
    assert "speaker=b" in f


def test_a_speaker_named_only_in_an_earlier_report_says_so() -> None:
    # the inspection's report, then the meeting's, then a paragraph of the inspecting mayor's
    # words: the report it is printed under never names him, the one before it does
    visit = VISIT + "王某某强调，要加快项目建设进度。\n\n"
    f = _features_of(visit + MEETING + "王某某指出，要压实责任。\n\n", "王某某指出")
    assert "speaker=o" in f
    # named in the report it is printed under too: that report's
    attended = MEETING + "市长王某某出席会议。\n\n"
    f = _features_of(visit + attended + "王某某要求，要抓好落实。\n\n", "王某某要求")
    assert "speaker=a" in f
    f = _features_of(MEETING + "孙某某指出，要压实责任。\n\n", "孙某某指出")
    assert "speaker=-" in f


class _Decided:
    """A tagger that decodes the labels given, each with certainty (the model's decision stubbed)."""

    def __init__(self, labels: list[str]) -> None:
        self.labels = labels

    def tag(self, _features: object) -> list[str]:
        return list(self.labels)

    def marginal(self, label: str, i: int) -> float:
        return 1.0 if self.labels[i] == label else 0.0


CLOSED_THEN_DATED = (
    "# 市长赴高新区调研\n\n本报讯（记者 张伟）3月2日，市委召开会议。会议强调，要抓好落实。\n\n"
    "{credit}\n\n3月3日，市长王某某赴高新区调研重点项目建设。\n"
)


def test_a_dated_lead_under_a_byline_read_as_the_reports_credit_opens_the_next_report() -> None:
    from fangzhi.read.boundaries import page_labels

    lay = layout_of(CLOSED_THEN_DATED.format(credit="记者 李明 王刚"))
    assert [b.kind for b in lay.blocks] == ["headline", "dateline", "body", "byline", "body"]
    # the model read the byline as the credit closing the report over it and the lead as going on
    # from it: the lead opens a report (its head printed elsewhere), the byline over it is its
    assert page_labels(lay, _Decided(["B", "I", "I", "C", "I"])) == ["B", "I", "I", "B", "I"]


def test_a_dated_lead_under_a_bracketed_credit_opens_a_report_of_its_own() -> None:
    from fangzhi.read.boundaries import page_labels

    lay = layout_of(CLOSED_THEN_DATED.format(credit="（记者 李明 王刚）"))
    kinds = [b.kind for b in lay.blocks]
    assert kinds[3] == "credit", kinds
    assert page_labels(lay, _Decided(["B", "I", "I", "C", "I"])) == ["B", "I", "I", "C", "B"]


def test_a_standing_committee_named_before_a_title_is_the_organ_not_a_meeting() -> None:
    from fangzhi.read.boundaries import event_kinds

    assert event_kinds("市人大常委会副主任陈强陪同。") == 0
    assert event_kinds("市委常委会召开会议，研究部署近期工作。") == 1
    assert event_kinds("市人大常委会副主任陈强出席会议。") == 1  # the meeting it names still tells


AWARD = (
    "# 全市评出首届“最美社区工作者”\n\n本报讯（记者 孙丽）3月2日，全市首届“最美社区工作者”颁奖活动举行。\n\n"
)


def test_a_paragraph_naming_in_quotes_what_the_next_head_names_says_so() -> None:
    # how an award was run, printed under a meeting's report and over the award's head: the name
    # it sets in quotes is the head's below, not the report's over it
    f = _features_of(MEETING + "据了解，此次“最美社区工作者”评选活动由市民政局主办。\n\n" + AWARD, "据了解")
    assert "quoted=b" in f
    # under the award's own report, the name is the report's over it
    f = _features_of(AWARD + "此次“最美社区工作者”评选活动由市民政局主办。\n\n", "此次")
    assert "quoted=a" in f
    f = _features_of(MEETING + "会议要求，要对合理诉求限时办理。\n\n", "会议要求")
    assert not any(x.startswith("quoted=") for x in f)


def test_the_model_was_fitted_on_reports_whose_lead_gives_no_day() -> None:
    # real reports open without a day one time in six (survey 6); a model that never saw one
    # reads the plain title over it as part of the report above
    note = json.loads((resources.files("fangzhi.read") / "boundaries.json").read_text(encoding="utf-8"))
    assert note["fitted_on"]["artifacts"]["undated_lead"] > 0
    makefile = (Path(__file__).parents[1] / "Makefile").read_text(encoding="utf-8")
    assert f"undated_lead={note['fitted_on']['artifacts']['undated_lead']}" in makefile


@pytest.mark.parametrize(
    ("paragraph", "short"),
    [
        ("引导，讲好本地故事，营造良好氛围。", True),  # the rest of a sentence begun elsewhere
        ("发展和安全，守住不发生系统性风险的底线。", True),
        ("会议强调，要抓好落实。", False),  # a speaker: how a paragraph opens
        ("当天下午，双方签署合作协议。", False),  # a time
        ("据悉，全市已落实资金。", False),
        ("干字当头，实字托底。全市上下要拿出干劲。", False),  # a couplet, as commentary opens
        ("新征程，奋进正当时！我们要抓住机遇。", False),  # …or a call
        ("过去的一年，全市经济稳中有进。", False),  # a span of time
        ("调研中，王某某指出，要压实责任。", False),  # a clause of where, ending in 中
    ],
)
def test_a_paragraph_opening_on_a_short_clause_no_paragraph_opens_with_says_so(
    paragraph: str, short: bool
) -> None:
    f = _features_of(MEETING + paragraph + "\n\n", paragraph[:4])
    assert ("short_clause" in f) is short
    # read with how the paragraph over it ends, as a paragraph opening inside a word is
    assert ("clause_after:end=stop" in f) is short
