"""Sentence splitter: hand-written cases for abbreviations, initials, numbers, quotes, ellipses."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.splitter import split_sentences


def sents(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


ONE_SENTENCE = [
    "Former U.S. President Donald Trump met Israeli Prime Minister Benjamin Netanyahu.",
    "The U.K. and the U.N. agreed on Monday.",
    "He arrived on Jan. 3 and left on Feb. 14.",
    "The deal was signed Aug. 12, Sept. 9, Oct. 1, Nov. 30 and Dec. 30.",
    "Mr. Smith, Mrs. Jones, Ms. Lee and Dr. Brown attended.",
    "Gov. Newsom, Sen. Warren and Rep. Pelosi spoke.",
    "Gen. Milley, Lt. Col. Vindman and Maj. Gen. Qassem Soleimani were named.",
    "Sgt. Pepper, Capt. Kirk, Adm. Rogers and Prof. Xavier agreed.",
    "They met on St. Patrick's Day with Martin Luther King Jr. and his son.",
    "Apple Inc. and Acme Corp. signed with Smith & Co. and Widget Ltd. yesterday.",
    "It was Ali vs. Frazier, a fight for the ages.",
    "Resolution No. 2 passed easily.",
    "President John F. Kennedy was shot in Dallas.",
    "Vice President J.D. Vance spoke to reporters.",
    "Growth was 3.5 percent, or $1.2 billion, in the quarter.",
    "'Why?' he asked.",
    "“Why?” she asked quietly.",
    "“Stop!” he shouted.",
    "He said the U.S. economy is strong.",
    "The meeting began at 10 a.m. Tuesday in Washington.",
    "We waited... and waited.",
    "It rose 0.5 pct in Jan. from Dec. levels.",
    "Iran’s nuclear program and the students’ protests continued.",
    "The U.S. Senate voted.",
    "“Can we win? ” said Obama.",
    "“Why not?” Smith asked.",
]


@pytest.mark.parametrize("text", ONE_SENTENCE)
def test_one_sentence(text: str) -> None:
    assert sents(text) == [text]


SPLITS = [
    ("He left. She stayed.", ["He left.", "She stayed."]),
    ("It rained in the U.S. The official said so.", ["It rained in the U.S.", "The official said so."]),
    ("Talks at the U.N. But nothing came of it.", ["Talks at the U.N.", "But nothing came of it."]),
    ("He works for Acme Inc. He is happy.", ["He works for Acme Inc.", "He is happy."]),
    ("They bought apples, pears, etc. Nobody complained.", ["They bought apples, pears, etc.", "Nobody complained."]),
    (
        "He said it was “reasonable.” Next came the vote.",
        ["He said it was “reasonable.”", "Next came the vote."],
    ),
    ('He said it was "fine." The vote followed.', ['He said it was "fine."', "The vote followed."]),
    ("Is it over? Nobody knows! Wait and see.", ["Is it over?", "Nobody knows!", "Wait and see."]),
    ("He paused… Then he spoke.", ["He paused…", "Then he spoke."]),
    ("He paused... Then he spoke.", ["He paused...", "Then he spoke."]),
    ("Sales rose in 1987. 12 firms closed.", ["Sales rose in 1987.", "12 firms closed."]),
    ("He left. (He was tired.) She stayed.", ["He left.", "(He was tired.)", "She stayed."]),
    ("He left. “We won,” she said.", ["He left.", "“We won,” she said."]),
    ("It ended in Dec. The next year began.", ["It ended in Dec.", "The next year began."]),
    ("It was signed at 10 a.m. The ceremony was short.", ["It was signed at 10 a.m.", "The ceremony was short."]),
    ("He met John F. Kennedy. They talked.", ["He met John F. Kennedy.", "They talked."]),
    ("  He left.   She stayed.  ", ["He left.", "She stayed."]),
    ("He left.\nShe stayed.", ["He left.", "She stayed."]),
    ("A line with no end", ["A line with no end"]),
    ("He said no. Trump disagreed.", ["He said no.", "Trump disagreed."]),
    ("She loves modern art. Critics agree.", ["She loves modern art.", "Critics agree."]),
    ("It was No. 1 in Jan. The rest followed.", ["It was No. 1 in Jan.", "The rest followed."]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_splits(text: str, expected: list[str]) -> None:
    assert sents(text) == expected


def test_offsets_are_absolute_and_bounded() -> None:
    text = "XX He left. She stayed. YY"
    spans = split_sentences(text, 3, 23)
    assert spans == [(3, 11), (12, 23)]
    assert text[3:11] == "He left."


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n  ") == []


def test_hard_wrapped_sentence_spans_lines() -> None:
    text = "The report, which\nsays President Reagan was\nignorant, was released. It hurt."
    assert sents(text) == ["The report, which\nsays President Reagan was\nignorant, was released.", "It hurt."]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab A.?!… \n\"“”’'Mr.U.S")), max_size=80))
def test_spans_trimmed_ordered_nonempty(text: str) -> None:
    spans = split_sentences(text)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        chunk = text[a:b]
        assert chunk == chunk.strip() and chunk
        last = b
    # nothing but whitespace is left out
    covered = "".join(text[a:b] for a, b in spans)
    assert covered.replace(" ", "").replace("\n", "") == "".join(text.split())
