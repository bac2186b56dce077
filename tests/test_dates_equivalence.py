"""The date extractor's shortcuts find exactly what the plain scans they replace would find.

Each fast path in ``linter.extract.dates`` and ``linter.extract.tense`` (pre-checks, gated or
bounded searches, per-clause word lists) is compared with the straightforward computation on
texts built from date, verb and number words, punctuation and awkward characters.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import extractions
from linter.document import load_text
from linter.extract import ages as AG
from linter.extract import dates as D
from linter.extract import intervals as IV
from linter.extract import tense as T
from linter.extractions import Analysis
from linter.kb import load_kb

VOCAB = (
    "said says saying told according to will would is was were has had have been be being to expected "
    "set due planned scheduled not also already plans planned promised reportedly later the a an its "
    "this that last next past coming recent previous following early late earlier mid few several many "
    "some couple of one two five twelve twenty hundred about nearly over more than less at least "
    "day days week weeks weekend month months year years decade decades century centuries quarter "
    "second minute hours spring summer fall autumn winter ago earlier later from now hence "
    "today Today TODAY yesterday Yesterday tomorrow tonight now Now currently Currently present "
    "Monday Tuesday Friday Sunday January February March May June July Sept Sep Dec Jan. Mar. "
    "in In on by since until between and or through during before after of the-year year-ago "
    "first third 1st 4th final latest 1990 1990s 1980's 2019 2024 87 5 23 23rd 31st 3rd 100 1,000 "
    "2020-05-06 3/14/2023 12/12/1999 $5 No. he'll it's it’s won't o'clock we’ve so-called state-owned "
    "re-elected announced met signed opened walked need red ſeven İn K °C ٣ naïve _x x_ Co. U.S."
).split()
SEPARATORS = (" ", " ", " ", "  ", ", ", ". ", "; ", ":", "\n", "\n\n", "\n  ", " “", "” ", '"', "-", " - ",
              "–", "(", ") ", "'", "’", "", "/", "\t")


@st.composite
def texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.one_of(st.sampled_from(VOCAB), st.text(max_size=3)), max_size=30))
    out = []
    for w in words:
        out.append(w)
        out.append(draw(st.sampled_from(SEPARATORS)))
    return "".join(out)


def _spans(text: str) -> st.SearchStrategy[tuple[int, int]]:
    return st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(lambda p: (min(p), max(p)))


def _word_starts(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\w+", text)]


# --------------------------------------------------------------------------- tense


def _reference_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for m in T._WORD.finditer(text, start, end):
        s = m.group().lower()
        if "'" in s or "’" in s:
            head, _, tail = s.replace("’", "'").partition("'")
            if tail in ("ll", "ve", "d", "s", "re", "m"):
                out.append((m.start(), m.start() + len(head), head))
                out.append((m.start() + len(head) + 1, m.end(), tail))
                continue
        out.append((m.start(), m.end(), s))
    return out


def _reference_governor(text: str, start: int, end: int, boundaries: list[int],
                        max_forward_words: int) -> T.Governor:
    """detect_governor as first written: every word of the clause, one at a time."""
    k = bisect.bisect_right(boundaries, start)
    clause_start = boundaries[k - 1] if k > 0 else 0
    k2 = bisect.bisect_right(boundaries, end)
    clause_end = boundaries[k2] if k2 < len(boundaries) else len(text)
    toks = _reference_words(text, clause_start, clause_end)
    words = [t[2] for t in toks]
    best: T.Governor | None = None
    first_after: T.Governor | None = None
    i = after_count = 0
    n = len(words)
    while i < n:
        if toks[i][0] >= start and toks[i][1] <= end:
            i += 1
            continue
        if toks[i][0] >= end:
            after_count += 1
            if after_count > max_forward_words:
                break
        g = T._group_at(words, i)
        if g is None:
            i += 1
            continue
        tense, j = g
        last = toks[max(i, min(j, n) - 1)]
        if toks[i][0] < start:
            best = T.Governor(tense, toks[i][0], min(last[1], start) if last[0] < start else toks[i][1], True)
        else:
            first_after = T.Governor(tense, toks[i][0], last[1], False)
            break
        i = max(j, i + 1)
    if best is not None:
        return best
    return first_after if first_after is not None else T.Governor("unknown")


@settings(max_examples=400, deadline=None)
@given(st.data(), texts(), st.sampled_from([25, 3, 1, 0]))
def test_governor_as_word_by_word(data: st.DataObject, text: str, max_forward: int) -> None:
    boundaries = T.sentence_boundaries(text)
    cache: T.ClauseCache = {}
    for _ in range(4):
        start, end = data.draw(_spans(text))
        want = _reference_governor(text, start, end, boundaries, max_forward)
        assert T.detect_governor(text, start, end, boundaries, max_forward, cache=cache) == want
        assert T.detect_governor(text, start, end, None, max_forward) == want


def test_every_other_word_starts_no_group() -> None:
    # the walk only tries the words of _Clause.cands
    for w in VOCAB + ["hundred", "bed", "need", "used", "red", "shed"]:
        w = w.lower()
        if w not in T._GROUP_STARTERS and not (len(w) >= 5 and w.endswith("ed")):
            for words in ([w], ["the", w], [w, "to"], ["he", w, "been", "met"]):
                assert T._group_at(words, words.index(w)) is None, words


_PLAIN_WORD_SPLIT = re.compile(f"({T._WORD.pattern})")  # the split _Clause's possessive form replaces


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts(), st.text(alphabet="aZq-'’ .\n1é", max_size=40)))
def test_word_split(text: str) -> None:
    for t in (text, text.lower()):
        assert T._WORD_SPLIT.split(t) == _PLAIN_WORD_SPLIT.split(t)


def test_word_split_examples() -> None:
    for t in ("so-called", "a--b", "re-elected-", "he'll", "o'clock'", "it’s’s", "x-'y", "-a-", "well-to-do's"):
        assert T._WORD_SPLIT.split(t) == _PLAIN_WORD_SPLIT.split(t), t


_OLD_BOUNDARY = re.compile(r"[.!?][\"”’)\]]*\s+|;|\n(?=[ \t]*\n|[ \t]+\S)|[“”]")


@settings(max_examples=300, deadline=None)
@given(texts())
def test_boundary_pattern(text: str) -> None:
    assert [m.span() for m in T._BOUNDARY.finditer(text)] == [m.span() for m in _OLD_BOUNDARY.finditer(text)]


# --------------------------------------------------------------------------- candidates


@settings(max_examples=300, deadline=None)
@given(texts())
def test_unit_matches(text: str) -> None:
    low = text.lower()
    want = [m.span() for m in D._P_UNIT.finditer(text)]
    assert [m.span() for m in D._unit_matches(text, low if len(low) == len(text) else None)] == want
    assert [m.span() for m in D._unit_matches(text, None)] == want


_UNIT_FORMS = [f + pl for w in ("second minute hour day week weekend month year decade century centurie quarter "
                                "spring summer fall autumn winter").split()
               for f in (w, w.capitalize()) for pl in ("", "s")]


def test_unit_matches_every_form() -> None:
    # _unit_matches finds a unit word at its anchor letter: every form of every unit word, alone,
    # between other words and glued to another, gives what _P_UNIT finds
    for a in _UNIT_FORMS:
        for text in (a, f" {a}.", f"x-{a} ", f"{a}{a}", f"{a}_{a}", f"({a}, {a.upper()})", f"yester{a}"):
            low = text.lower()
            assert [m.span() for m in D._unit_matches(text, low)] == [m.span() for m in D._P_UNIT.finditer(text)]
        for b in _UNIT_FORMS[::3]:
            for text in (f"{a} {b}", f"{a}{b}", f"{a}-{b}", f"{b.lower()}{a}"):
                low = text.lower()
                assert ([m.span() for m in D._unit_matches(text, low)]
                        == [m.span() for m in D._P_UNIT.finditer(text)]), text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="yeardwkmonthiuscqpflWYDSM \n.-_é\u212a", max_size=40))
def test_unit_matches_any_letters(text: str) -> None:
    low = text.lower()
    want = [m.span() for m in D._P_UNIT.finditer(text)]
    assert [m.span() for m in D._unit_matches(text, low if len(low) == len(text) else None)] == want


@settings(max_examples=300, deadline=None)
@given(texts())
def test_matches_at_gate_hits(text: str) -> None:
    for pattern, gate in ((D._P_MONTH, D._MONTH_GATE), (D._P_ISO, D._YEARISH), (D._P_YEAR, D._YEARISH)):
        got = [m.span() for m in D._matches_at(pattern, text, gate.finditer(text))]
        assert got == [m.span() for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(texts())
def test_pattern_gates(text: str) -> None:
    low = text.lower()
    for m in D._P_DAYWORD.finditer(text):
        assert low.startswith(D._DAYWORD_PARTS, m.start() + 1) or len(low) != len(text)
    if D._P_WEEKDAY.search(text):
        assert "day" in text
        first = D._WEEKDAY_GATE.search(text)
        assert first is not None and first.start() <= D._P_WEEKDAY.search(text).start()  # type: ignore[union-attr]
    for m in D._P_US.finditer(text):
        g = D._US_GATE.search(text)
        assert g is not None and g.start() - 2 <= m.start()
    years = list(D._YEARISH.finditer(text))
    for m in D._P_YEAR_RANGE.finditer(text):  # its first year is a _YEARISH hit, the range tail after it
        assert any(y.start() == m.start("y1") and D._YEAR_RANGE_TAIL.match(text, y.end()) for y in years)
    for m in D._WD_HEAD.finditer(text):  # _month_cands looks for "day" before searching
        assert "day" in m.group()
    if D._YEARISH.search(text):
        assert "19" in text or "20" in text
    if D._P_ORDINAL_DAY.search(text):
        assert D._ORDINAL_GATE.search(text)


@settings(max_examples=400, deadline=None)
@given(st.data(), texts())
def test_bounded_head_search(data: st.DataObject, text: str) -> None:
    for _ in range(3):
        lo, hi = data.draw(_spans(text))
        for pattern in D._HEAD_WORDS:
            want = pattern.search(text, lo, hi)
            got = D._search_head(pattern, text, lo, hi)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), pattern


@settings(max_examples=400, deadline=None)
@given(st.data(), texts())
def test_head_word_pre_checks(data: st.DataObject, text: str) -> None:
    """Where _candidates skips a search for the word before the anchor, the search finds nothing it keeps."""
    starts = _word_starts(text)
    if not starts:
        return
    hi = data.draw(st.sampled_from(starts))  # the anchors (units, months) start words
    lo = max(0, hi - data.draw(st.sampled_from([60, 40, 32, 16, 3])))
    head = D._head_word(text, lo, hi)
    dashed = D._head_word(text, lo, hi, True)
    if head:
        assert dashed == head
    h = D._THE_PAST_HEAD.search(text, lo, hi)
    if h is not None and (h.group("rel") or h.group("the").lower() == "recent"):
        assert D._may_be(head, D._THE_PAST_WORDS)
    if D._PERIOD_HEAD.search(text, lo, hi):
        assert D._may_be(head, D._PERIOD_WORDS)
    h = D._DUR_HEAD.search(text, lo, hi)
    if h is not None and " ".join(h.group("num").lower().split()) not in ("a", "an", "some", "many"):
        assert D._may_be(dashed, D._DUR_WORDS)
    h = D._P_MON_BEFORE.search(text, lo, hi)
    if h is not None and (h.group("prep") or h.group("rel")):
        assert D._may_be(dashed, D._MON_BEFORE_WORDS)
    if D._DAY_HEAD.search(text, lo, hi):
        assert head is not None and (head == "of" or head[:1].isdigit())
    m = D._PREP_BEFORE.search(text, lo, hi)
    if m is not None and m.group(1).lower() in D._PREPOSITIONS:
        assert D._may_be(head, D._PREPOSITIONS)


def _preposition_plain(text: str, start: int) -> str | None:
    """What _preposition_before answers, by the search alone."""
    m = D._PREP_BEFORE.search(text, max(0, start - 16), start)
    w = m.group(1).lower() if m else None
    return w if w in D._PREPOSITIONS else None


_PREP_PIECES = ["on", "On", "in", "IN", "at", "from", "between", "x", "xon", "_", "9", "é", "ſ", "K", "\u212a",
                " ", "  ", "\n", "\t", "\u00a0", "\u2028", ",", ".", "-", "(", "'", "Jan. 3", "March", "1990"]


@settings(max_examples=1000, deadline=None)
@given(st.one_of(texts(), st.lists(st.sampled_from(_PREP_PIECES), max_size=14).map("".join),
                 st.text(alphabet="onx_9é ,\n", max_size=40)))
def test_preposition_before(text: str) -> None:
    """The fast path of _preposition_before answers what the search answers, at every offset."""
    for start in range(len(text) + 1):
        assert D._preposition_before(text, start) == _preposition_plain(text, start), (text, start)


def test_preposition_before_examples() -> None:
    for text in ("He met on Jan. 3", "xxxxxxxxxxxxxxxxon Jan. 3", "xxxxxxxxxxxxx on Jan. 3", "9on 1990", "éon 1990",
                 "_on 1990", "on\n1990", "on \n1990", "On\u00a01990", "x,on 1990", "\u212aon 1990",
                 "xon" + " " * 14 + "1990", "x on" + " " * 13 + "1990", "ſon" + " " * 14 + "1990"):
        for start in range(len(text) + 1):
            assert D._preposition_before(text, start) == _preposition_plain(text, start), (text, start)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abcdeJFMxy", min_size=1, max_size=5), min_size=1, max_size=8),
       st.text(alphabet="abcdeJFMxy .", max_size=40))
def test_prefix_tree(words: list[str], text: str) -> None:
    flat = re.compile("|".join(map(re.escape, words)))
    tree = re.compile(D._prefix_tree(words))
    assert [m.start() for m in tree.finditer(text)][:1] == [m.start() for m in flat.finditer(text)][:1]
    for i in range(len(text) + 1):
        assert (tree.match(text, i) is None) == (flat.match(text, i) is None)


# --------------------------------------------------------------------------- pre-checks, relations, arithmetic


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts(), st.text(max_size=20)))
def test_digit_and_date_word_checks(text: str) -> None:
    assert D._has_digit(text) == (re.search(r"\d", text) is not None)
    low = text.lower()
    old = (re.search(r"\d", text) is not None or any(w in low for w in extractions._DATE_WORDS)
           or (not text.isascii() and any(ch.isdigit() for ch in text)))
    assert extractions._may_hold_date(text) == old


@settings(max_examples=300, deadline=None)
@given(st.data(), texts())
def test_speech_verbs(data: st.DataObject, text: str) -> None:
    quotes = [data.draw(_spans(text)) for _ in range(data.draw(st.integers(0, 2)))]
    want = [m.span() for m in D._SPEECH.finditer(text) if not any(qs <= m.start() < qe for qs, qe in quotes)]
    assert D.speech_verbs(text, quotes) == want


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
       st.sampled_from(sorted(D._UNIT_DELTA)), st.integers(-1000, 1000))
def test_shift(d: date, unit: str, n: int) -> None:
    def plain(f):  # type: ignore[no-untyped-def]
        try:
            return f()
        except (ValueError, OverflowError) as e:
            return type(e)

    assert plain(lambda: D._shift(d, unit, n)) == plain(lambda: d + D._UNIT_DELTA[unit] * n)
    assert plain(lambda: D._shift(d, unit, -n)) == plain(lambda: d - D._UNIT_DELTA[unit] * n)


@settings(max_examples=300, deadline=None)
@given(st.data(), texts())
def test_shared_clause_cache(data: st.DataObject, text: str) -> None:
    # extract_dates reads its clauses into a cache that later look-ups in the text share
    pub = date(2024, 3, 5)
    cache: T.ClauseCache = {}
    assert D.extract_dates(text, 7, pub, clauses=cache) == D.extract_dates(text, 7, pub)
    boundaries = T.sentence_boundaries(text)
    for _ in range(4):
        start, end = data.draw(_spans(text))
        assert T.detect_governor(text, start, end, boundaries, cache=cache) == T.detect_governor(text, start, end)


def test_analysis_governor_is_detect_governor() -> None:
    # Analysis.governor shares a sentence's clauses between its spans; a sentence of two clause
    # windows or more (hostile input) is read as detect_governor reads it alone
    from linter.document import load_text

    long_run = " ".join(["the board will meet and it was said that they had met"] * 500)
    text = ("The company said it will report in 1988. Prices rose last week, he said; they will fall.\n\n"
            + long_run + " on Friday.\n\nShares were expected to rise next month.")
    doc = load_text(text, kind="text")
    analysis = extractions.Analysis(doc, kb=lambda: None)  # type: ignore[arg-type,return-value]
    _ = analysis.dates  # fills the sentences' clause caches first
    for s in doc.sentences:
        n = len(s.text)
        for start, end in [(0, 3), (n // 2, n // 2 + 4), (n - 5, n), (n, n), (0, n), (n // 3, n // 3)]:
            assert analysis.governor(s, start, end) == T.detect_governor(s.text, start, end)
            assert analysis.tense_at(s.start + start, s.start + end) == T.detect_tense(s.text, start, end)
    assert any(len(s.text) >= 2 * T.CLAUSE_WINDOW for s in doc.sentences)



_REST_SAMPLES = ("President Joe Biden, who left office in January, said he would return.",
                 "Merkel, 68, visited Paris; she was expected to meet Macron.", "the set to win, he said",
                 "He said the aim is to cut taxes, Reagan's aides said.", "It’s due, they'll say")


@settings(max_examples=500, deadline=None)
@given(st.data(), st.one_of(texts(), st.sampled_from(_REST_SAMPLES)), st.sampled_from([25, 2, 0]))
def test_governor_of_rest(data: st.DataObject, text: str, max_forward: int) -> None:
    """The governor of the rest of a text read off its clauses is the one of the rest split anew,
    whenever governor_of_rest answers (also from clauses earlier walks filled)."""
    boundaries = T.sentence_boundaries(text)
    cache: T.ClauseCache = {}
    for _ in range(4):
        if data.draw(st.booleans()):
            start, end = data.draw(_spans(text))
            T.detect_governor(text, start, end, boundaries, cache=cache)
        p = data.draw(st.integers(0, len(text)))
        e = data.draw(st.integers(0, len(text) - p))
        got = T.governor_of_rest(text, p, e, boundaries, cache, max_forward)
        if got is not None:
            assert got == T.detect_governor(text[p:], 0, e, None, max_forward)
        elif text[p:p + 1].strip() and (p == 0 or not text[p - 1].strip() or text[p - 1] == ","):
            assert len(text) >= T.CLAUSE_WINDOW  # it declines only where the cut may split something


def test_reference_time_with_the_clauses() -> None:
    """Analysis.ref_time, which reads the rest of a sentence off its clauses where it can, gives
    what it gives computing every rest anew."""
    from linter.document import load_text

    text = ("President Joe Biden, who left office in January, said he would return. Merkel, 68, visited "
            "Paris on Tuesday, officials said. Queen Elizabeth II, the monarch at the time, said so.\n\n"
            "The set to win, Chancellor Kohl told reporters, will meet in 1988. Under President Obama, "
            "Secretary Clinton flew to Cairo. It’s due, Prime Minister Nakasone's aides said.")
    doc = load_text(text, kind="text")
    shared = extractions.Analysis(doc, kb=lambda: None)  # type: ignore[arg-type,return-value]
    anew = extractions.Analysis(doc, kb=lambda: None)  # type: ignore[arg-type,return-value]
    anew._governor_of_rest = lambda *args: None  # type: ignore[method-assign]
    answered = []
    plain = shared._governor_of_rest

    def counted(*args: object) -> T.Governor | None:
        got = plain(*args)  # type: ignore[arg-type]
        answered.append(got is not None)
        return got

    shared._governor_of_rest = counted  # type: ignore[method-assign]
    seen = 0
    for s in doc.sentences:
        for m in re.finditer(r"[A-Z]\w+(?: [A-Z]\w+)*", s.text):
            a, b = s.start + m.start(), s.start + m.end()
            assert shared.ref_time(a, b) == anew.ref_time(a, b)
            seen += 1
    assert seen > 10 and any(answered)


@settings(max_examples=500, deadline=None)
@given(st.one_of(texts(), st.text(alphabet="MondayJanuryNowCcurentlyTtodayYESTERDAYweeksSpring 1920-'.\n_é", max_size=40)))
def test_candidates_by_letter_runs(text: str) -> None:
    # ASCII text: the patterns are searched only when the text's letter runs hold one of their words
    assert D._candidates(text) == D._candidates_any(text)
    if text.isascii():
        runs = set(text.encode("ascii").translate(D._LETTER_RUNS).split())
        for pattern, words in ((D._P_MONTH, D._MONTH_WORDS), (D._P_UNIT, D._UNIT_WORDS),
                               (D._P_DAYWORD, D._DAYWORD_WORDS), (D._P_NOW, D._NOW_WORDS),
                               (D._P_WEEKDAY, D._WEEKDAY_WORDS)):
            for m in pattern.finditer(text):
                assert m.group().split()[-1].rstrip(".").encode() in runs & words


def test_candidates_by_letter_runs_examples() -> None:
    for text in ("Now it is", "He left Jan. 5", "the Marketing of 1990s", "a two-year-old", "TODAY'S vote",
                 "Sundays", "in the present", "weekends_", "5days", "Mondays Monday", "centuries ago"):
        assert D._candidates(text) == D._candidates_any(text)


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts(), st.text(alphabet="yeardwkmonthiuscqpflWYDSM \n.-_\u212a1", max_size=40)))
def test_unit_matches_at_letter_runs(text: str) -> None:
    if text.isascii():
        units = D._UNIT_WORDS.intersection(text.encode("ascii").translate(D._LETTER_RUNS).split())
        got = [m.span() for m in D._unit_runs_matches(text, units)]
        assert got == [m.span() for m in D._P_UNIT.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts(), st.lists(st.sampled_from(["said", "says", "say", "saying", "according", "to", "told",
                                                    "Said", "x", "2", "_", " ", "  ", "\n", ",", "’", "é"]),
                                   max_size=14).map("".join)))
def test_speech_verbs_where_written(text: str) -> None:
    # in ASCII text, _SPEECH_FAST is tried where the speech words among the letter runs are written
    assert D.speech_verbs(text) == [m.span() for m in D._SPEECH.finditer(text)]
    if text.isascii():
        runs = text.encode("ascii").translate(D._LETTER_RUNS).split()
        assert D._letter_runs(text) == D._READ_RUNS.intersection(runs)
        assert D._SPEECH_RUNS & D._letter_runs(text) == D._SPEECH_RUNS.intersection(runs)


_RANGE_PIECES = ("from", "From", "between", "Between", "the", "years", "1986", "1987", "87", "2001", "-", "–",
                 " to ", " and ", "through", ",", "$", "x", "the 23rd", "the 5th", "'80s", "’90s", "1980s", "the",
                 "The", " ", "  ", "\n", "March 3", "7")


@settings(max_examples=500, deadline=None)
@given(st.one_of(texts(), st.lists(st.sampled_from(_RANGE_PIECES), max_size=14).map(" ".join)))
def test_scans_started_later(text: str) -> None:
    # year ranges from three runs before the first year with a range tail; ordinal days from the
    # letter before the first "he <digit>"; decades only with an apostrophe
    years = list(D._YEARISH.finditer(text))
    first = next((y for y in years if D._YEAR_RANGE_TAIL.match(text, y.end())), None)
    want = [m.span() for m in D._P_YEAR_RANGE.finditer(text)]
    if first is not None:
        assert [m.span() for m in D._P_YEAR_RANGE.finditer(text, D._runs_back(text, first.start(), 3))] == want
    gate = D._ORDINAL_GATE.search(text)
    want = [m.span() for m in D._P_ORDINAL_DAY.finditer(text)]
    if gate is not None:
        assert [m.span() for m in D._P_ORDINAL_DAY.finditer(text, max(0, gate.start() - 1))] == want
    if D._P_DECADE_WORD.search(text):
        assert "0s" in text and ("'" in text or "’" in text)


# --------------------------------------------------------------------------- gates on runs of letters

_GATE_SAMPLES = ("Now the committee will decide.", "JANUARY SALES", "Last Summer was hot.", "The second quarter",
                 "Currently, he is abroad.", "He left office in 1999.", "They met on Monday.", "holiday season",
                 "He will come after the vote.", "It rose 5 pct.", "", "Profits in its unit fell.")


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts(), st.text(max_size=20), st.sampled_from(_GATE_SAMPLES)))
def test_dates_gate(text: str) -> None:
    """Analysis.dates' gate answers as ``_may_hold_date`` does, but no where extract_dates finds nothing."""
    gate = extractions._dates_gate(text)
    if gate != extractions._may_hold_date(text):
        assert not gate and D.extract_dates(text) == []


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts(), st.text(max_size=20), st.sampled_from(_GATE_SAMPLES)))
def test_may_hold_date_is_necessary(text: str) -> None:
    """Analysis.dates' gates pass every text extract_dates finds a date in."""
    if D.extract_dates(text):
        assert extractions._may_hold_date(text) and extractions._dates_gate(text)


@pytest.mark.parametrize("text, expr", [
    ("Hours later, police arrived at the scene.", "Hours later"),
    ("The deal was signed last summer.", "last summer"),
    ("Profits fell in the second quarter.", "the second quarter"),
    ("Currently, the company employs hundreds of people.", "Currently"),
])
def test_a_date_word_without_a_digit_passes_the_gates(text: str, expr: str) -> None:
    # _DATE_WORDS holds a piece of every word of extract_dates' pre-check (_TRIGGER_WORD), not
    # only "day", the months, "now" and the like
    doc = load_text(text, "x.txt", date=date(2026, 2, 12))
    assert [d.text for d, _ in Analysis(doc, load_kb()).dates] == [expr]


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts(), st.text(max_size=20), st.sampled_from(_GATE_SAMPLES)))
def test_extract_dates_gate(text: str) -> None:
    """extract_dates, which tests an ASCII text's gate words before its date word search, finds
    dates exactly where the plain gate passes and the plain candidate search finds some."""
    plain_gate = bool(text) and (re.search(r"\d", text) is not None or D._TRIGGER_WORD.search(text) is not None)
    assert bool(D.extract_dates(text)) == (plain_gate and bool(D._candidates_any(text)))


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts(), st.sampled_from(_GATE_SAMPLES)), st.sampled_from([1, 3, 1 << 16]))
def test_clause_candidates(text: str, memo_size: int) -> None:
    """A clause's candidates, found by the memo of the words that may start a verb group (also
    when it is cleared as it fills), are the words _group_at may start a group with."""
    old = T._STARTER_MEMO_SIZE
    T._STARTER_MEMO_SIZE = memo_size
    try:
        clause = T._Clause(text, 0, len(text))
    finally:
        T._STARTER_MEMO_SIZE = old
    assert clause.cands == [k for k, w in enumerate(clause.words)
                            if w in T._GROUP_STARTERS or (len(w) >= 5 and w.endswith("ed"))]


_FACT_SAMPLES = ("He was born in 1950.", "Aged 70, she died.", "Days after the vote", "in its 5th year", "B. Smith",
                 "SINCE TURNING", "x9", "", "In Its", "profits in its unit", "The 1990s", "Mr. Smith, 45, said")


@settings(max_examples=400, deadline=None)
@given(st.one_of(texts(), st.text(alphabet="bornAgeDdiedsincewaTUS19 ,.'-_\n", max_size=30),
                 st.sampled_from(_FACT_SAMPLES)))
def test_ascii_facts(text: str) -> None:
    """The memoised runs and digit of an ASCII text answer every gate's test of them as the whole
    list of its runs and a digit search do (also with the memo cleared as it fills)."""
    if not text.isascii():
        return
    runs = text.encode("ascii").translate(D._LETTER_RUNS).split()
    for size in (1, 1024):
        old = D._RUNS_MEMO_SIZE
        D._RUNS_MEMO_SIZE = size
        try:
            got, digit = D._ascii_facts(text)
            assert D._ascii_facts(text) == (got, digit)
        finally:
            D._RUNS_MEMO_SIZE = old
        assert digit == (re.search(r"[0-9]", text) is not None)
        for words in (D._GATE_WORDS, D._SPEECH_RUNS, AG._TRIGGER_WORD_RUNS, AG._TRIGGER_VERB_RUNS,
                      IV._CLAIM_RUNS, IV._IN_RUNS, IV._ITS_RUNS):
            assert words & got == words.intersection(runs)
            assert words.isdisjoint(got) == words.isdisjoint(runs)
    assert AG._may_state_age(text) == (AG._TRIGGER.search(text) is not None)
    assert IV.may_claim(text) == (IV._CLAIM_WORD.search(text) is not None)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(texts(), st.sampled_from(_REST_SAMPLES)), min_size=1, max_size=4), st.sampled_from([1, 2, 1024]))
def test_sentence_boundaries_kept(texts_: list[str], size: int) -> None:
    """sentence_boundaries, kept for the last texts (also as its memo is cleared as it fills), is what it computes."""
    old = T._BOUNDS_MEMO_SIZE
    T._BOUNDS_MEMO_SIZE = size
    try:
        for text in texts_ + texts_:
            assert T.sentence_boundaries(text) == T._boundaries(text)
    finally:
        T._BOUNDS_MEMO_SIZE = old
