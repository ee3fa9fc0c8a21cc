"""The parser's fast paths answer exactly as the plain forms they replace."""

from __future__ import annotations

import re
from bisect import bisect_right

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fangzhi.extract import events, persons
from fangzhi.extract.text import ArticleText
from fangzhi.lexicon import events as event_words
from fangzhi.lexicon import posts
from fangzhi.lexicon.names import SURNAMES
from fangzhi.model import Article, Block, Span
from fangzhi.read.offsets import OffsetMap

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def joined(pieces: list[str], max_size: int) -> st.SearchStrategy[str]:
    """Texts of up to max_size pieces drawn from `pieces`, joined."""
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


# What person names are read from: surnames, given names, clause breaks, list commas, the
# words that end a name, titles.
_PIECES = st.sampled_from(
    [
        *"王李张刘陈欧阳朱健黄立高越芬",
        *"，。；：:！？\n“”（）、 ",
        "主持",
        "表示",
        "的",
        "在",
        "市长",
        "书记",
        "负责人",
        "副市长",
        "委员会",
        "会议",
        "出席",
        "12",
    ]
)
TEXTS = st.lists(_PIECES, max_size=40).map("".join)


@given(TEXTS)
@example("王健表示，李立主持")
@SETTINGS
def test_clause_surnames_are_where_the_zero_width_pattern_finds_them(text: str) -> None:
    plain = re.compile(r"(?:^|(?<=[，。；：！？、\n“”（）]))(?=[" + "".join(sorted(SURNAMES)) + "])")
    assert persons._clause_surnames(text) == [m.start() for m in plain.finditer(text)]


@given(TEXTS)
@example("王、李、张出席，陈、朱、高主持")
@example("（王、李、张）")
@SETTINGS
def test_list_clauses_are_the_clauses_of_three_items_or_more(text: str) -> None:
    clauses = re.compile(r"[^，。；：:！？\n“”（）]+")
    expected = [(m.start(), m.group()) for m in clauses.finditer(text) if len(m.group().split("、")) >= 3]
    assert persons._list_clauses(text) == expected


def _read_name_plain(text: str, pos: int, strict: bool) -> tuple[int, int] | None:
    """read_name as first written: the lengths that fit, in a list."""
    if pos >= len(text) or not persons._surname_at(text, pos):
        return None
    lengths = (3, 4) if text[pos : pos + 2] in persons._COMPOUND_SURNAMES else (2, 3)

    def ends(end: int) -> bool:
        if end >= len(text) or text[end] in posts.NAME_END_CHARS:
            return True
        return text.startswith(persons._STRICT_END if strict else posts.NAME_END_WORDS, end)

    fits = [n for n in lengths if persons._is_name_chars(text[pos : pos + n]) and ends(pos + n)]
    if not fits:
        return None
    short = fits[0]
    if len(fits) > 1 and not (pos + short < len(text) and text[pos + short] in posts.NAME_END_CHARS):
        short = fits[-1]
    return None if persons.rjieba_has_word(text[pos : pos + short]) else (pos, pos + short)


@given(TEXTS, st.booleans())
@SETTINGS
def test_read_name(text: str, strict: bool) -> None:
    for pos in range(len(text) + 1):
        assert persons.read_name(text, pos, strict=strict) == _read_name_plain(text, pos, strict)


@given(TEXTS)
@SETTINGS
def test_find_titles_tries_only_the_lengths_a_title_can_have(text: str) -> None:
    plain: list[tuple[int, int]] = []
    for m in posts.TITLE_LAST.finditer(text):
        e = m.end()
        for n in posts.TITLE_LENGTHS:
            s = e - n
            if s < 0 or text[s:e] not in posts.TITLE_SET or not persons._title_fits(text, s, e):
                continue
            while plain and plain[-1][0] >= s:
                plain.pop()
            if not plain or plain[-1][1] <= s:
                plain.append((s, e))
            break
    assert persons.find_titles(text) == plain


@given(
    st.lists(
        st.sampled_from(["会议", "大会", "座谈会", "仪式", "在", "广场", "正式", "昨日", "，", "某某"]),
        max_size=12,
    )
)
@SETTINGS
def test_events_are_searched_only_where_their_verb_is(words: list[str]) -> None:
    for verb in ("召开", "启动", "开工", "举行", ""):
        text = "".join(words) + verb
        if event_words.EVENT_BEFORE_VERB.search(text):
            assert events._HELD_WORD.search(text)
        if event_words.LAUNCH.search(text):
            assert events._LAUNCH_WORD.search(text)


def _raw_plain(offsets: OffsetMap, spans: list[Span]) -> list[list[int]]:
    out: list[list[int]] = []
    for s in spans:
        for a, b in offsets.raw_ranges(s.start, s.end):
            if out and out[-1][1] == a:
                out[-1][1] = b
            else:
                out.append([a, b])
    return out


@st.composite
def _maps_and_spans(draw: st.DrawFn) -> tuple[OffsetMap, list[Span]]:
    """An offset map of a normalised text of n characters (runs of raw characters with
    deletions between them), and spans of that text."""
    n = draw(st.integers(1, 40))
    cuts = sorted(draw(st.sets(st.integers(1, n - 1), max_size=6))) if n > 1 else []
    starts = [0, *cuts]
    raw, runs = 0, []
    for i, s in enumerate(starts):
        raw += draw(st.integers(0, 3))  # characters deleted before this run
        runs.append((s, raw))
        raw += (starts[i + 1] if i + 1 < len(starts) else n) - s
    spans = [
        Span(min(a, b), max(a, b))
        for a, b in draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=6))
    ]
    return OffsetMap(runs, n, raw + draw(st.integers(0, 3))), spans


@given(_maps_and_spans())
@SETTINGS
def test_spans_to_raw_merges_the_raw_ranges_of_each_span(case: tuple[OffsetMap, list[Span]]) -> None:
    offsets, spans = case
    assert offsets.spans_to_raw(spans) == _raw_plain(offsets, spans)


def test_article_text_spans() -> None:
    """One span, one piece: a shift; else the pieces' own spans."""
    head = Block("headline", (Span(100, 104),), "标题一行")
    body = Block("body", (Span(200, 203), Span(210, 214)), "第一段落第二行")
    at = ArticleText.of(Article("a", "news", True, headline=head, body=(body,)))
    assert at.text == "标题一行\n第一段落第二行"
    assert at.spans(0, 4) == (Span(100, 104),)
    assert at.spans(1, 3) == (Span(101, 103),)
    assert at.spans(2, 2) == ()
    assert at.spans(6, 9) == (Span(201, 203), Span(210, 211))
    assert at.spans(2, 7) == (Span(102, 104), Span(200, 202))

    def plain(start: int, end: int) -> tuple[Span, ...]:
        from fangzhi.read.assemble import sub_spans

        first = max(bisect_right(at.starts, start) - 1, 0)
        out: list[Span] = []
        for p in at.pieces[first:]:
            if p.start >= end:
                break
            lo, hi = max(start, p.start), min(end, p.start + len(p.block.text))
            if lo < hi:
                out.extend(sub_spans(p.block, lo - p.start, hi - p.start))
        return tuple(out)

    for a in range(len(at.text) + 1):
        for b in range(a, len(at.text) + 1):
            assert at.spans(a, b) == plain(a, b)


# A page's openings: Han characters (some in generic words, some repeated over blocks), marks,
# Latin letters and characters beyond the basic plane, which take two UTF-16 units.
_OPENING = st.text(
    alphabet=st.sampled_from(
        [*"县委书记会议工作韩立新参加调研组织部长，。、 （）a1", "\U00020000", "\U0001f600"]
    ),
    max_size=200,
)


@SETTINGS
@given(st.lists(_OPENING, max_size=40), st.integers(min_value=0, max_value=6))
@example(["", "韩", "韩立新韩立新" * 40, "\U00020000韩立" * 50], 3)
def test_page_codes_read_at_once_are_those_read_block_by_block(texts: list[str], limit: int) -> None:
    from fangzhi.read.vocabulary import _page_codes, _page_codes_by_block

    page = tuple(Block("body", (Span(0, len(t)),), t) for t in texts)
    at_once, by_block = _page_codes(page, limit), _page_codes_by_block(page, limit)
    for fast, plain in zip(at_once, by_block, strict=True):
        assert [sorted(c) for c in fast] == [sorted(c) for c in plain]
        assert all(len(c) == len(set(c)) for c in fast)


# A report's last words: closings (出席会议。, 其他事项。, （完）), leaders, credits and their
# brackets, and the marks and line breaks around them.
_ENDING = joined(
    [
        *"出席 参加 陪同 了 会议 启动仪式 并讲话 。 书记 市长 其他事项 会议还研究了 （ ） ( ) 完 摄 摄影 记者 张三 ， 图为 图中 文/".split(),
        " ",
        "\n",
    ],
    14,
)


@SETTINGS
@given(_ENDING)
@example("市委书记出席会议。\n")
@example("会议还研究了其他事项。")
def test_a_report_closes_as_its_patterns_read_the_whole_text(text: str) -> None:
    from fangzhi.lexicon import layout
    from fangzhi.read.blocks import _closes_report

    plain = (
        layout.CLOSING_TAIL.search(text) and layout.LEADER_WORD.search(text)
    ) or layout.CLOSING_OTHER.search(text)
    assert _closes_report(text) == bool(plain)


@SETTINGS
@given(_ENDING)
@example("图为张三在车间。 记者 李四 摄 \n")
def test_photo_and_caption_credits_as_their_patterns_read_the_whole_line(line: str) -> None:
    from fangzhi.lexicon import press
    from fangzhi.read import credits

    m = press.PHOTO_CREDIT.search(line)
    plain = m if m and not credits._WROTE_AND_SHOT.search(m.group()) and m.start() > 0 else None
    fast = credits.photo_credit(line)
    assert (fast.span() if fast else None) == (plain.span() if plain else None)
    cut = credits.trailing_credit(line) if "图" in line and press.CAPTION_SENTENCE.search(line) else None
    supplied = press.SUPPLIED_PHOTO.search(line) if ("供图" in line or "提供" in line) else None
    if supplied is None or supplied.start() == 0:
        assert credits.caption_credit(line) == (cut if cut else None)


@SETTINGS
@given(joined([*"中国人，。 *_■●a1（）", "**", "__", "记者", "本报讯"], 40))
@example("会议强调 要坚持。")
@example("■张三")
def test_a_line_is_kept_whole_exactly_when_its_ranges_drop_nothing(line: str) -> None:
    from fangzhi.read.normalize import _drops_any, _kept_ranges

    assert _drops_any(line) == (_kept_ranges(line, 0, len(line)) != ([(0, len(line))], [], False))


@SETTINGS
@given(joined([*"中国人，。 *_■●◾a1（）,;:?!()", "**", "__", "记者", "本报讯"], 30))
@example("会议强调 要坚持。")
@example("会议,开始")
def test_a_line_with_no_character_dropped_or_folded_is_kept_as_printed(line: str) -> None:
    from fangzhi.read.normalize import _DROPPED_OR_FOLDED, _drops_any, _fold_punctuation

    if _DROPPED_OR_FOLDED.search(line) is None:
        assert not _drops_any(line)
        assert _fold_punctuation(line) == line


@SETTINGS
@given(
    st.sampled_from(["body", "headline", "kicker", "dateline", "caption", "credit"]),
    joined(["市委", "会议", "记者", "张三", "，", "。", "摄", "3月5日", "（", "）", "—", "下转第2版"], 12),
    st.booleans(),
)
@example("body", "", False)
def test_a_neighbour_sees_a_shape_without_its_own_only_features(kind: str, text: str, flags: bool) -> None:
    from fangzhi.read import boundaries

    block = Block(
        kind,
        (Span(0, len(text)),),
        text,
        closing=flags,
        starts_mid=flags,
        ends_open=flags,
        jump="to" if flags else None,
    )
    shape = boundaries._block_shape(block)
    plain = [boundaries._PREV[x] for x in shape if not x.startswith(boundaries._OWN_ONLY)]
    assert boundaries._shown(shape) == plain


def _fold_plain(line: str) -> str:
    """normalize._fold_punctuation as first written: each half-width mark's context searched in turn."""
    from fangzhi.lexicon import chars

    context = re.compile(rf"[{chars.HAN}，。、；：！？“”‘’（）《》]")
    last = len(line) - 1

    def fold(m: re.Match[str]) -> str:
        i, ch = m.start(), m.group()
        if ch in ",:" and 0 < i < last and line[i - 1].isdigit() and line[i + 1].isdigit():
            return ch
        near = context.search(line, max(0, i - 2), i) or context.search(line, i + 1, i + 3)
        return chars.TO_FULL_WIDTH[ch] if near else ch

    return re.sub(r"[,;:?!()]", fold, line)


@SETTINGS
@given(joined([*"中a1①² \n,;:?!()，（）》", "市委", "10", ",,", "(("], 30))
@example("会议,1,000元,10:30(上午)")
@example(",中")
@example("a,b,中")
@example("中a,")
@example("1,①:2")
def test_half_width_marks_fold_where_the_plain_search_of_their_context_folds_them(line: str) -> None:
    from fangzhi.read.normalize import _fold_punctuation

    assert _fold_punctuation(line) == _fold_plain(line)


def _raw_lines_plain(text: str, max_line: int) -> list[tuple[int, int, bool, int]]:
    """normalize._raw_lines as first written: every line, the empty ones too, read one at a time,
    each empty one counted toward the next line that holds anything."""
    out: list[tuple[int, int, bool, int]] = []
    empty = pos = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        pieces = []
        while end - pos > max_line:
            cut = text.rfind("。", pos + max_line // 2, pos + max_line)
            cut = cut + 1 if cut >= 0 else pos + max_line
            pieces.append((pos, cut, True))
            pos = cut
        pieces.append((pos, end, False))
        for start, stop, cut_ in pieces:
            if stop > start:
                out.append((start, stop, cut_, empty))
                empty = 0
            else:
                empty += 1
        if nl < 0:
            break
        pos = nl + 1
    return out


@SETTINGS
@given(joined(["中文", "a", "。", " ", "\r", "\n", "\n\n"], 30), st.sampled_from([2, 3, 5, 20_000]))
@example("\n\n会议\n\n\n开始。\n", 20_000)
@example("会议开始。会议结束。", 3)
def test_the_lines_read_between_the_empty_ones_are_every_line_read_in_turn(text: str, max_line: int) -> None:
    from fangzhi.read.normalize import _raw_lines

    assert list(_raw_lines(text, max_line)) == _raw_lines_plain(text, max_line)


def _dangling_object_plain(text: str) -> bool:
    """reflow.dangling_object as first written: the first sentence read, then its first clause."""
    from fangzhi.lexicon import layout
    from fangzhi.read import reflow

    stop = re.compile("[。！？]").search(text, 0, 160)
    sent = text[: stop.start() if stop else 160]
    first_break = re.compile("[，；]").search(sent)
    if not 2 <= (first_break.start() if first_break else len(sent)) <= 8:
        return False
    clauses = re.split("[，；]", sent)
    if len(clauses) < 4 or not 2 <= len(clauses[0]) <= 8:
        return False
    first = reflow._tags(clauses[0])
    if not first or any(t not in reflow._NOMINAL for _w, t in first[:-1]):
        return False
    if first[-1][1] not in reflow._NOMINAL and first[-1][1] != "v":
        return False
    if first[-1][0] in layout.REPORTING_VERBS:
        return False
    return all(reflow._opens_with_predicate(c) for c in clauses[1:4])


@SETTINGS
@given(
    joined(["设备", "监控", "巡视", "做好", "制定", "确保", "会议", "，", "；", "。", "！", "a", "记者"], 24)
)
@example("设备监控巡视，细致做好工作，科学制定方案，确保安全。")
@example("设备，")
@example("设备监控")
def test_a_dangling_object_is_told_from_the_first_clause_as_from_the_first_sentence(text: str) -> None:
    from fangzhi.read.reflow import dangling_object

    assert dangling_object(text) == _dangling_object_plain(text)


# A credit's words and separators: roles, surnames and given names, names printed spaced.
_CREDIT = joined(
    [
        "记者",
        "全媒体记者",
        "张",
        "三",
        "王",
        "力",
        "崔",
        "霞",
        " ",
        "、",
        "，",
        "/",
        "|",
        "丨",
        "某某日报",
    ],
    8,
)


def _plain_tokens(text: str) -> list[tuple[int, str, bool]]:
    """A credit's tokens as credits._tokens read them first: the runs between separators, joined
    as it joins them, with no word of one character asked about first."""
    from fangzhi.read import credits

    toks: list[tuple[int, str, bool]] = []
    last = 0
    for m in credits._SEP.finditer(text):
        if m.start() > last:
            toks.append((last, text[last : m.start()], False))
        last = m.end()
    if last < len(text):
        toks.append((last, text[last:], False))
    return [t for t in toks if t[1]]


@SETTINGS
@given(_CREDIT)
@example("全媒体记者王 力")
def test_a_credit_with_no_word_of_one_character_is_its_runs_between_separators(text: str) -> None:
    from fangzhi.read import credits

    plain = _plain_tokens(text)
    assert [w for _s, w, _sp in credits._tokens(text) if not _sp] == [w for _s, w, _sp in plain] or any(
        len(w) == 1 or credits._GLUED_ROLE.search(w, 2) for _s, w, _sp in plain
    )  # one-character words may make a spaced name, a role glued to a name is cut off it


# Lines of a web page's chrome and particulars, and headlines beside them.
_WEB_LINE = joined(
    [
        *"上下一篇条相关阅读推荐版权所有您当前位置首页>主办国内统一刊号阅点击次量时间日期资料图片（）()【】[]：: -，。",
        "2023",
        "-10-28",
        "Copyright",
        "ICP备",
        "打印",
        "关闭",
        "某某日报",
        "来源",
        "作者",
        "原标题",
        "张三",
        "会议召开",
    ],
    10,
)


@SETTINGS
@given(_WEB_LINE)
@example("上一篇：某某会议召开")
@example("时间：2023-10-28")
@example("某某日报 2023-10-28")
def test_chrome_and_particulars_as_their_patterns_read_every_line(line: str) -> None:
    from fangzhi.lexicon import layout as lay

    s = lay.unspaced_label(line.strip())
    link = (
        bool(s)
        and len(s) <= 60
        and bool(
            lay._LINK_LINE.match(s) or "ICP备" in s or lay._COUNT_LINE.match(s) or lay._DATE_ALONE.match(s)
        )
    )
    note = bool(s) and len(s) <= 60 and bool(lay._PICTURE_NOTE.match(s))
    # a trail parted by arrows and a site's foot are read whatever the line opens with
    built = bool(s) and len(s) <= 60 and bool(lay._TRAIL.match(s) or lay._SITE_FOOT.match(s))
    if link or note or built:
        assert lay.chrome_line(line)
    elif not s or len(s) > 60 or not lay._CHROME_CHARS.issuperset(s):
        assert not lay.chrome_line(line)
    colon = ":" in s or "：" in s
    if not colon:
        plain = (
            len(s) <= 90
            and not lay._SENTENCE_MARK.search(s)
            and "-" in s
            and bool(lay.OUTLET_AND_DATE.match(s))
        )
        empty = bool(lay._EMPTY_FIELD.match(s)) or (len(s) <= 60 and bool(lay._PORTAL_FIELD.match(s)))
        assert not empty
        assert lay.particulars_line(line) == plain


# A page header's pieces: papers, folios, sections, dates, editors' labels, and words of a report.
_HEADER = joined(
    [
        *"某某日报 晚报 第3版 第三版 A3 A03版 要闻 综合 2023年11月8日 星期三 周五 【版次】 责任编辑 编 辑".split(),
        *"一审 本版 投稿 新闻热线 邮箱 编导 发布时间 时间 来源 作者 ： : - 2023-10-28 （ ） 张三 会议 召开".split(),
        *"当前报纸名称 —— 1版 星期日 首页 > 新闻中心 编印 会议".split(),
        " ",
        "\u3000",
        "\u2003",
        "３",
    ],
    7,
)


@SETTINGS
@given(_HEADER)
@example("某某日报 2023-03-05 第3版")
@example("\u2003责任编辑：张三")
def test_a_furniture_line_as_its_pattern_reads_every_line(line: str) -> None:
    from fangzhi.lexicon import layout as lay

    assert lay.furniture_line(line) == (lay.FURNITURE_LINE.match(line) is not None)
