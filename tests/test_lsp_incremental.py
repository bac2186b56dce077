"""The language server's relint after an edit (issue 16) gives exactly the findings of a fresh
full lint of the new text, whatever the edit: the sentence memo (``linter.memo``) only saves time."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.lsp import Linter

PATH = Path("article.md")

ARTICLES = [
    """---
date: 2025-03-10
title: Coalition talks stall in Jerusalem
---

# Coalition talks stall in Jerusalem

JERUSALEM, March 10, 2025 (Reuters) - Benjamin Netanyahu, 70, met the envoy on Monday, officials said.

Analysts said the plan could strain the alliance. It is believed the talks collapsed on February 30, 2025.

"We will not give up," Netanyahu said. Netanyhau later told reporters the vote is expected on January 23, 2024.

The company lost $TK million in the quarter, the filing shows. Reportedly, the deal fell through two days after Monday's vote.

Some officials believe the cabinet will meet next week.
""",
    """---
date: 2024-06-01
---

Mary Kowalski, who was born in 1950, runs the farm.

Kowalski, 70, said the rain came late. Two senior U.S. officials revealed that the leaders agreed to advance.

Founded in 1949, the alliance marks its 70th anniversary this week, according to a statement.

"It was a hard year," she said. "We lost half the crop."

Many assumed the bridge, opened in 1958, turns 60 next year. XXX

Leave a Reply
""",
]

EDIT_TEXT = st.sampled_from(["x", " ", ".", "\n", "\n\n", "\"", "1", "2025", "Netanyahu", "Mary Kowalski, 71,",
                             "officials said", "reportedly", "# ", "---", "said", "March 3, 2025", "”", "-"])


class _Pair:
    """One server ``Linter`` carried across edits (its memo warm) and a reference that lints each
    text from scratch (its memo emptied first: every extraction computed anew)."""

    def __init__(self) -> None:
        self.server = Linter()
        self.reference = Linter()

    def check(self, text: str) -> None:
        got = self.server.lint(PATH, text)
        self.reference._engines = self.server._engines  # the same rules, loaded once
        self.reference._memos.clear()
        want = self.reference.lint(PATH, text)
        assert self.server.last_error == self.reference.last_error
        assert got == want


@pytest.fixture(scope="module")
def pair() -> _Pair:
    return _Pair()


def _edit(text: str, at: int, cut: int, insert: str) -> str:
    at = min(at, len(text))
    return text[:at] + insert + text[at + cut:]


def test_memo_is_used_after_an_edit(pair: _Pair) -> None:
    text = ARTICLES[0]
    pair.check(text)
    at = text.index("the alliance")
    pair.check(_edit(text, at, 0, "x"))
    memo = pair.server.memo_for(PATH, pair.server.engine_for(PATH)[0])
    assert memo.hits > 0 and memo.misses > 0  # the untouched sentences came from the memo


@pytest.mark.parametrize("article", range(len(ARTICLES)))
@pytest.mark.parametrize("where, cut, insert", [
    ("Netanyahu, 70", 0, "x"),            # inside a name
    ("Netanyahu, 70", 9, ""),             # remove a person's name
    ("2025-03-10", 4, "2024"),            # the publication date in the front matter
    ("title:", 0, "x"),                   # the front matter's keys
    ("# Coalition", 2, ""),               # the headline becomes a paragraph
    ("officials said.", 0, "\n\n"),       # split a paragraph
    ("\n\nAnalysts", 2, ""),              # join two paragraphs
    ("February 30", 11, "March 3"),       # change a date
    ("Kowalski, 70", 0, "Mary "),         # add a full name
    ("who was born", 0, "\""),            # open a quote that runs on
    ("Leave a Reply", 0, "x"),            # boilerplate no more
    ("the rain", 0, "Netanyahu said "),   # add a person
])
def test_edits_give_the_full_lint(pair: _Pair, article: int, where: str, cut: int, insert: str) -> None:
    text = ARTICLES[article]
    pair.check(text)
    at = text.find(where)
    at = len(text) // 2 if at < 0 else at
    pair.check(_edit(text, at, cut, insert))


@settings(max_examples=60)
@given(article=st.sampled_from(ARTICLES),
       edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 12), st.one_of(st.just(""), EDIT_TEXT)),
                      min_size=1, max_size=4))
def test_any_edit_sequence_gives_the_full_lint(pair: _Pair, article: str,
                                               edits: list[tuple[float, int, str]]) -> None:
    text = article
    pair.check(text)
    for where, cut, insert in edits:
        text = _edit(text, int(where * len(text)), cut, insert)
        pair.check(text)
