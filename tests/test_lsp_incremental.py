"""The language server's relint after an edit (issue 16) gives exactly the findings of a fresh
full lint of the new text, whatever the edit: the sentence memo (``linter.memo``) only saves time."""

from __future__ import annotations

import random
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


# ------------------------------------------------------------------ the extractions themselves
# Findings show a wrong memo only when a rule happens to read the part it got wrong; these tests
# compare every extraction of an analysis with the memo warm against one without it, after many
# seeded random edits of real articles (the seeds, the articles above, and a newswire story in
# the archive's typewriter quotes, with quotes running over sentences and paragraphs).

WIRE = """---
date: 1987-06-01
---

REAGAN SAYS IRAN ARMS DEAL WAS A MISTAKE

WASHINGTON, June 1 - President Reagan said on Monday the Iran arms deal, first reported on
November 3, 1986, was a mistake. ``We will not make that mistake again,'' Reagan told reporters.
``It was a hard year. We lost a lot,'' he said, adding that Secretary of State George Shultz, 66,
had opposed it.

``The administration is committed,'' said Marlin Fitzwater, the White House spokesman. ``The
talks will resume next week.''

Some analysts believe the 1986 Reykjavik summit was a failure. Shultz said in a statement: ``We
will go on.'' The Soviet leader, Mikhail Gorbachev, 56, was reportedly surprised, officials said.

``No one is above the law'' was the refrain of the hearings, which began on May 5. Sen. Daniel
Inouye, who was born in 1924, said the hearings would last ten weeks. Two days later, Inouye
said, the panel met again. Fitzwater said: ``The president is confident.'' Reagan, 76, agreed.

The dollar fell 2 pct to 142.50 yen, dealers said. Wheat exports rose 10 mln dlrs in May, trade
sources said. It is believed the World War II veterans, who fought in the Battle of the Bulge
43 years ago, will march on July 4.
"""

# events of every form (a dated head, a name with its date, an edition, a descriptive mention
# beside its place) among curly quotes
EVENTS = """---
date: 2024-06-01
---

The September 11, 2001 attacks killed thousands. The 2016 Olympics in Tokyo were a success, he said.

“The attack on October 7, 2022 shocked Israel,” Netanyahu said. “We will win.” The 31st Olympic Games in 2024
opened in Paris. The April 1998 peace deal in Northern Ireland held, said the minister.

The 2008 collapse of Lehman Brothers in September 2009 hurt. The Brexit vote of June 23, 2016 split Britain,
“deeply,” analysts said. The 2012 Rio Olympics were reportedly costly.
"""


def _articles() -> list[str]:
    from conftest import SEEDS

    return [*ARTICLES, WIRE, EVENTS, *(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))]


def _snapshot(a: object) -> dict[str, object]:
    """Every extraction of the analysis ``a``, comparable between two analyses (objects keyed by
    ``id`` given by their place instead)."""
    from linter.extractions import Analysis

    assert isinstance(a, Analysis)
    dates = [d for d, _ in a.dates]
    place = {id(d): k for k, d in enumerate(dates)}
    rel = a.date_relations

    def placed(m: dict[int, object]) -> list[object]:
        return sorted((place[k], repr(v)) for k, v in m.items())

    mentions = a.mentions
    return {
        "sentences": [(s.index, s.start, s.end, s.paragraph, s.text) for s in a.doc.sentences],
        "dates": [(d, s.index) for d, s in a.dates],
        "speech": placed(rel.speech), "said_at": placed(rel.said_at), "paired": placed(rel.paired),  # type: ignore[arg-type]
        "mentions": mentions,
        "clashes": sorted((mentions.index(next(m for m in mentions if id(m) == k)), repr(v))
                          for k, v in a.title_clashes.items()),
        "first_in_body": sorted(k for k, m in enumerate(mentions) if id(m) in a.first_in_body),
        "administrations": a.administrations, "ages": a.ages, "events": a.events, "intervals": a.intervals,
        "sentence_sources": a.sentence_sources, "quote_sources": a.quote_sources,
        "paragraph_named": a.paragraph_named, "figures": a.figures, "variants": a.variants,
        "window": repr(a.window),
    }


def _random_edit(rng: random.Random, text: str) -> str:
    at = rng.randrange(len(text) + 1)
    kind = rng.random()
    if kind < 0.5:  # a keystroke
        return text[:at] + rng.choice("x .,\"\n'`1") + text[at:]
    if kind < 0.7:  # a deletion
        return text[:at] + text[at + rng.randint(1, 12):]
    return text[:at] + rng.choice(EDIT_INSERTS) + text[at:]  # a word or a phrase


EDIT_INSERTS = ["Netanyahu", "Mary Kowalski, 71,", "officials said", "reportedly", "March 3, 2025", "``", "''",
                "“", "”", "\n\n", "# ", "Reagan said", " on Monday", "1986", "President ", "Shultz, 67,",
                "the Battle of the Bulge", ", he said.", " the Reykjavik summit", "Some experts believe "]


@pytest.mark.parametrize("seed", range(6))
def test_random_edits_give_the_extractions_of_a_fresh_analysis(seed: int) -> None:
    from linter.api import load_document
    from linter.memo import SentenceMemo

    rng = random.Random(seed)
    server = Linter()
    engine, cfg = server.engine_for(PATH)
    memo = SentenceMemo()
    for text in _articles():
        for _ in range(25):
            memo.begin()
            try:
                doc = load_document(text, path=str(PATH), config=cfg, split=memo.split)
            except Exception:  # noqa: BLE001 - an edit that breaks the front matter: next edit
                text = _random_edit(rng, text)
                continue
            warm = _snapshot(engine.analyse(doc, memo))
            fresh = _snapshot(engine.analyse(load_document(text, path=str(PATH), config=cfg)))
            for key in fresh:
                assert warm[key] == fresh[key], (key, text)
            text = _random_edit(rng, text)
    assert memo.hits > 0


@pytest.mark.parametrize("seed", range(3))
def test_random_edits_give_the_full_lint(pair: _Pair, seed: int) -> None:
    rng = random.Random(100 + seed)
    for text in _articles():
        for _ in range(12):
            pair.check(text)
            text = _random_edit(rng, text)


def _memo_and_fresh(texts: list[str]) -> None:
    """Analyse ``texts`` in turn with one memo, each against a fresh analysis."""
    from linter.api import load_document
    from linter.memo import SentenceMemo

    server = Linter()
    engine, cfg = server.engine_for(PATH)
    memo = SentenceMemo()
    for text in texts:
        memo.begin()
        warm = _snapshot(engine.analyse(load_document(text, path=str(PATH), config=cfg, split=memo.split), memo))
        fresh = _snapshot(engine.analyse(load_document(text, path=str(PATH), config=cfg)))
        assert warm == fresh, text


def test_a_paragraph_break_after_a_quote_is_seen() -> None:
    # the same sentences at the same offsets: only whether the next one is in the quote's
    # paragraph differs, and with it whether "Trump said." speaks the quote
    body = "Talks went on.\n\n“We will win.”{}Trump said. He left.\n"
    _memo_and_fresh([body.format("  "), body.format("\n\n"), body.format("  ")])


def test_the_sentence_before_a_descriptive_event_is_seen() -> None:
    # "the April 1998 peace deal" is the Good Friday Agreement when the place is named in it or
    # in the sentence before: the same sentence, only the one before it differs
    body = "---\ndate: 2024-06-01\n---\n\nTalks went on in {}. The April 1998 peace deal held, officials said.\n"
    _memo_and_fresh([body.format("Northern Ireland"), body.format("Scotland and Wales"),
                     body.format("Northern Ireland")])


def test_a_sentence_sees_who_was_named_before_it() -> None:
    # "Baker said no." is James Baker after "James Baker", nobody after "Howard Baker": the same
    # sentence in another document state
    body = "---\ndate: 1987-06-01\n---\n\n{} Baker met aides. Baker said no.\n"
    _memo_and_fresh([body.format("James"), body.format("Howard"), body.format("James")])


def test_a_sentence_sees_the_words_written_in_lower_case_elsewhere() -> None:
    # "Bill" opening a sentence is the common word when the document writes "bill" in lower case
    # elsewhere: the same sentence, only another one differs
    body = "---\ndate: 2017-06-01\n---\n\nBill Clinton spoke. The {} passed.\n"
    _memo_and_fresh([body.format("bill"), body.format("law"), body.format("bill")])


def test_a_paragraph_split_that_reads_the_next_paragraph_is_not_kept() -> None:
    # whether "Why not?” Trump" ends a sentence depends on the speech verb opening the next
    # paragraph: the same paragraph (and the same character after it), another split
    body = "Talks went on.\n\n“Why not?” Trump\n\n{} no.\n"
    _memo_and_fresh([body.format("said"), body.format("left"), body.format("said")])



def test_a_date_sees_the_quotes_around_its_sentence() -> None:
    # "Trump said it on Monday." reports its date indirectly, unless a quote opened in the
    # sentence before runs through it: the same sentence, only the quotes around it differ
    body = "---\ndate: 2024-06-01\n---\n\nTalks went on. {}It was hard. Trump said it on Monday. We won.{} Aides left.\n"
    _memo_and_fresh([body.format("“", "”"), body.format("", ""), body.format("“", "”"), body.format("", "")])


def test_a_sentence_edited_at_its_end_is_tested_again() -> None:
    # a sentence's gates (may it hold a date, an age, an interval?) are kept under its whole
    # text: each pair differs only in its last characters, and in one gate
    body = "---\ndate: 2024-06-01\n---\n\nJohn Smith spoke. {}\n"
    for a, b in [("Smith met aides in Mai.", "Smith met aides in May."), ("Smith was ok.", "Smith was 70."),
                 ("The war began in 1990 and lasted two yards.", "The war began in 1990 and lasted two years.")]:
        _memo_and_fresh([body.format(a), body.format(b), body.format(a)])


def test_a_misspelt_name_is_counted_again() -> None:
    # the capitalised words of a sentence are kept under its text: "Netanyhau" is a variant of
    # "Netanyahu" only while the last sentence writes it so
    body = "---\ndate: 2024-06-01\n---\n\nBenjamin Netanyahu spoke. Netanyahu met aides. Aides met {}.\n"
    _memo_and_fresh([body.format("Netanyhau"), body.format("Netanyahu"), body.format("Netanyhau")])


def test_a_quote_reworded_in_place_is_counted_again() -> None:
    # the words of a quote are kept under its inner text: the same length, the same sentences'
    # offsets, two words or four (and with them a scare quote or not)
    body = "Talks went on. Aides called it “{}” before they left.\n"
    _memo_and_fresh([body.format("stop-and-go"), body.format("stop and go"), body.format("stop-and-go")])


def test_memo_entries_live_while_used_and_one_lint_after() -> None:
    # an entry is kept for as long as each lint uses it, and for the lint after the last that
    # did; one stored or used in a lint is found again in it
    from linter.memo import SentenceMemo

    memo = SentenceMemo()
    for _ in range(4):
        memo.begin()
        assert memo.words("Baker met Shultz.") == ["Baker", "Shultz"]
        assert memo.words("Baker met Shultz.") == ["Baker", "Shultz"]
    assert (memo.hits, memo.misses) == (2, 0)
    assert not memo._current.keys() & memo._previous.keys()  # moved, so either may be looked in first
    memo.begin()
    memo.words("Baker met Shultz.")
    assert (memo.hits, memo.misses) == (1, 0)  # used in the lint before
    memo.begin()
    memo.begin()
    memo.words("Baker met Shultz.")
    assert (memo.hits, memo.misses) == (0, 1)  # unused in the lint before: dropped
