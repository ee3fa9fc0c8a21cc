"""A page's vocabulary: which words say that two stretches of a page are one report."""

from __future__ import annotations

from fangzhi.model import Block, Span
from fangzhi.read.vocabulary import PageVocabulary, overlap


def blocks(*texts: str) -> tuple[Block, ...]:
    return tuple(Block("body", (Span(0, len(t)),), t) for t in texts)


def test_a_shared_name_counts_and_shared_titles_do_not() -> None:
    vocab = PageVocabulary(
        blocks(
            "县委常委、组织部部长韩立新参加调研。",
            "检查中，韩立新指出，要压实责任。",
            "县委常委、组织部部长，副县长出席会议。",
        )
    )
    same_name = overlap(vocab.words(0), vocab.words(1))
    same_titles = overlap(vocab.words(0), vocab.words(2))
    assert same_name > 0
    assert same_titles < same_name


def test_words_every_report_prints_are_left_out() -> None:
    vocab = PageVocabulary(blocks("会议强调工作", "会议部署工作"))
    assert overlap(vocab.words(0), vocab.words(1)) == 0
