"""Tense of the clause a span sits in: find its governing verb group with a small rule-based parser.

The parser is deliberately shallow and precise: it recognises auxiliary chains (``will``,
``is expected to``, ``has + participle``, ``was to``, ``would`` ...), irregular past forms and
regular ``-ed`` verbs not used as adjectives, and answers ``"unknown"`` when it finds nothing it
trusts.  The verb group nearest *before* the span within its clause governs; when there is none,
the first verb group after the span in the same sentence does ("In May 2018, ... he withdrew").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import accumulate, compress, count
from typing import Any, NamedTuple

from linter import recache

__all__ = ["TENSES", "ClauseCache", "Governor", "detect_governor", "detect_tense", "governor_of_rest",
           "sentence_boundaries"]

TENSES = ("future", "past", "present_perfect", "present", "future_in_past", "unknown")

_WORD = recache.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*(?:['’][A-Za-z]+)?")
# Candidate sentence / clause boundaries: terminal punctuation followed by space, semicolons,
# curly opening/closing quotes and paragraph breaks (a blank line, or a line break before an
# indented line). A single line break inside a sentence is a soft wrap (newswire wraps at 70
# columns), not a boundary. Written as one character class first (what comes after depends on
# the character), which the regex engine scans far faster than an alternation.
_BOUNDARY = recache.compile(
    r"[.!?;\n“”](?:(?<=[.!?])[\"”’)\]]*\s+|(?<=[;“”])|(?<=\n)(?=[ \t]*\n|[ \t]+\S))"
)
_ABBREV = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr gen maj col lt sen rep gov st no "
    "jr sr inc corp co ltd vs etc rev prof capt sgt adm cmdr ft mt gov pres dept univ"
    .split()
)

_FUTURE_MODAL = frozenset({"will", "shall", "won't", "won’t", "wo", "ll"})
_FIP_MODAL = frozenset({"would", "wouldn't", "wouldn’t"})
_OTHER_MODAL = frozenset(
    {"can", "could", "may", "might", "must", "should", "cannot", "can't", "can’t", "couldn't",
     "couldn’t", "mustn't", "shouldn't", "shouldn’t", "ought"}
)
_BE_PRES = frozenset({"is", "are", "am", "isn't", "isn’t", "aren't", "aren’t"})
_BE_PAST = frozenset({"was", "were", "wasn't", "wasn’t", "weren't", "weren’t"})
_HAVE_PRES = frozenset({"has", "have", "hasn't", "hasn’t", "haven't", "haven’t", "ve"})
_HAVE_PAST = frozenset({"had", "hadn't", "hadn’t"})
_DO_PAST = frozenset({"did", "didn't", "didn’t"})
_DO_PRES = frozenset({"does", "do", "doesn't", "doesn’t", "don't", "don’t"})
# "<X> to" that announces a future event ("is expected to", "plans to" ...).
_TO_MARKERS = frozenset(
    {"expected", "set", "scheduled", "due", "poised", "going", "slated", "about", "planning", "supposed",
     "likely", "unlikely", "certain", "ready", "preparing"}
)
_PLAN_PRES = frozenset({"plans", "plan", "intends", "intend", "aims", "aim", "vows", "vow", "pledges",
                        "promises", "threatens", "hopes", "hope", "expects", "expect"})
_PLAN_PAST = frozenset({"planned", "intended", "aimed", "vowed", "pledged", "promised", "threatened",
                        "hoped", "expected"})
_BARE_FUTURE_TO = frozenset({"expected", "scheduled", "slated", "poised", "due", "set"})
_FUTURE_ADJ = frozenset({"upcoming", "forthcoming"})
# Participles that put what follows ahead of the time they were written: "was scheduled for
# March 3", "a tax planned for January 1988", "the vote, postponed until June" (a plan or a
# forecast made then, about later).
_PLAN_PARTICIPLE = frozenset(
    "scheduled rescheduled planned slated set due expected projected forecast forecasted budgeted "
    "proposed targeted earmarked postponed delayed deferred extended rescheduled penciled "
    "pencilled envisaged envisioned foreseen predicted anticipated".split()
)
_ADVERBS = frozenset(
    "not n't also already just recently now still never ever reportedly previously later then since "
    "only likely probably finally first long really actually officially formally quickly soon "
    "once again further even yet allegedly apparently reportedly initially originally repeatedly "
    "widely largely all both".split()
)
_DETERMINERS = frozenset(
    "a an the its his her their this that these those our your my some any no every each "
    "such another".split()
)
_IRREGULAR_PAST = frozenset(
    "said met took was were had did went came made told held began left won lost fled withdrew "
    "signed got gave saw knew thought brought bought caught fought sought taught wrote spoke broke "
    "chose drove rode rose fell felt kept slept sent spent built lent meant stood understood "
    "became ran sat sang swore tore wore threw grew drew flew struck stuck hit quit shut led fed "
    "paid laid sold heard found bound ground wound hung sprang shook forgave forbade overtook "
    "undertook oversaw underwent arose awoke bore beat bit bled blew bent bred dealt dug forgot "
    "froze hid knelt leapt slid spun split spread swept swung woke wept read put cut set let cast "
    "hurt cost bet upheld withheld foresaw mistook".split()
)
# Words ending in -ed that are (almost) never past-tense verbs.
_ED_NOT_VERB = frozenset(
    "need red bed shed seed speed feed hundred indeed united naked wicked sacred kindred rugged "
    "ragged beloved alleged aged learned wretched crooked dogged jagged wed fed led bred fled sled "
    "breed greed creed deed heed weed freed steed reed bleed proceed exceed succeed embed based "
    "related detailed limited advanced armed skilled talented unprecedented unnamed unidentified "
    "so-called renewed sustained continued combined increased reduced".split()
)
_PARTICIPLE_IRREGULAR = frozenset(
    "been done gone seen taken given known made held met told left won lost fled signed got gotten "
    "begun come become written spoken broken chosen driven risen fallen felt kept sent spent built "
    "brought bought caught fought sought taught thought stood understood run sat sung sworn torn "
    "worn thrown grown drawn flown struck stuck hit quit shut led fed paid laid sold heard found "
    "hung shaken forgiven forbidden overtaken undertaken overseen undergone arisen born borne "
    "beaten bitten blown bent dealt dug forgotten frozen hidden slid spun split spread swept swung "
    "woken read put cut set let cast hurt cost withdrawn upheld withheld foreseen mistaken said".split()
)
# "<noun> is to <verb>" states what the noun is, not when: "the idea is to levy", "the aim was to".
_COPULA_TO_SUBJECTS = frozenset(
    "idea aim goal purpose plan task objective intention strategy priority challenge problem solution "
    "way hope mission job point option answer step target key role function trick rule policy "
    "ambition dream desire wish".split()
)
_PLAN_PREP = frozenset({"for", "until", "till", "to", "by", "in", "on", "at", "into", "back", "through"})
_SAYS = frozenset({"says", "tells", "believes", "thinks", "knows", "wants", "insists", "warns"})


def _is_participle(w: str) -> bool:
    if w in _PARTICIPLE_IRREGULAR:
        return True
    return len(w) >= 4 and w.endswith("ed") and w not in _ED_NOT_VERB


def _skip_adverbs(words: Sequence[str], j: int) -> int:
    while j < len(words) and (words[j] in _ADVERBS or words[j].endswith("ly") and len(words[j]) > 4):
        j += 1
    return j


def _verb_chain_end(words: Sequence[str], j: int) -> int:
    """Index after the verbs a modal governs: "will (not) be paid", "would have met", "will meet"."""
    j = _skip_adverbs(words, j)
    while j < len(words) and words[j] in ("be", "have", "been", "being"):
        j = _skip_adverbs(words, j + 1)
    return min(j + 1, len(words))


def _group_at(words: Sequence[str], i: int) -> tuple[str, int] | None:
    """Classify a verb group starting at ``words[i]``: (tense, index after the group) or None."""
    w = words[i]
    n = len(words)
    nxt = i + 1
    if w in _FUTURE_MODAL:
        return "future", _verb_chain_end(words, nxt)
    if w in _FIP_MODAL:
        return "future_in_past", _verb_chain_end(words, nxt)
    if w in _OTHER_MODAL:
        return "unknown", _verb_chain_end(words, nxt)
    if w in _FUTURE_ADJ:
        return "future", nxt
    if w in _BE_PRES or w in _BE_PAST:
        past = w in _BE_PAST
        j = _skip_adverbs(words, nxt)
        if j < n:
            v = words[j]
            if v == "to":
                if i > 0 and words[i - 1] in _COPULA_TO_SUBJECTS:
                    return ("past" if past else "present"), j  # "the aim is to cut": not a future
                return ("future_in_past" if past else "future"), j + 1
            if v in _TO_MARKERS and j + 1 < n and words[j + 1] == "to":
                return ("future_in_past" if past else "future"), j + 2
            if v in _PLAN_PARTICIPLE:
                return ("future_in_past" if past else "future"), j + 1
            if v == "being" or _is_participle(v):
                return ("past" if past else "present"), j + 1
        return ("past" if past else "present"), nxt
    if w in _HAVE_PRES or w in _HAVE_PAST:
        past = w in _HAVE_PAST
        j = _skip_adverbs(words, nxt)
        if j < n and (words[j] == "been" or _is_participle(words[j])):
            return ("past" if past else "present_perfect"), j + 1
        if j < n and words[j] == "to":
            return ("past" if past else "present"), j + 1
        return ("past" if past else "present"), nxt
    if w in _DO_PAST:
        return "past", nxt
    if w in _DO_PRES:
        return "present", nxt
    if w in _PLAN_PRES and nxt < n and words[nxt] == "to":
        return "future", nxt + 1
    if w in _PLAN_PAST and nxt < n and words[nxt] == "to":
        prev = words[i - 1] if i > 0 else ""
        if w in _BARE_FUTURE_TO and prev not in _DETERMINERS:
            return "future", nxt + 1
        return "future_in_past", nxt + 1
    if w in _BARE_FUTURE_TO and nxt < n and words[nxt] == "to":
        return "future", nxt + 1
    if w == "due":
        return "unknown", nxt  # "debentures due March 1, 2011": a schedule, not a tense
    prev = words[i - 1] if i > 0 else ""
    if prev in _DETERMINERS:
        return None
    if w in _PLAN_PARTICIPLE and w not in ("set", "due") and nxt < n and words[nxt] in _PLAN_PREP:
        return "future_in_past", nxt  # "a sales tax planned for January 1988"
    if w in _IRREGULAR_PAST:
        if w in ("set", "put", "cut", "let", "hit", "read", "cast", "hurt", "cost", "quit", "shut", "spread"):
            return None  # present and past look alike
        return "past", nxt
    if len(w) >= 5 and w.endswith("ed") and w not in _ED_NOT_VERB:
        if "-" in w and not w.startswith(("re-", "co-", "pre-", "de-", "un-", "over-", "out-")):
            return None  # "so-called", "state-owned", "long-awaited": adjectives
        return "past", nxt
    if w in _SAYS:
        return "present", nxt
    return None


# Every word _group_at can start a verb group with (besides the "-ed" forms it tests by shape).
_GROUP_STARTERS = (_FUTURE_MODAL | _FIP_MODAL | _OTHER_MODAL | _FUTURE_ADJ | _BE_PRES | _BE_PAST | _HAVE_PRES
                   | _HAVE_PAST | _DO_PAST | _DO_PRES | _PLAN_PRES | _PLAN_PAST | _BARE_FUTURE_TO
                   | _PLAN_PARTICIPLE | _IRREGULAR_PAST | _SAYS | {"due"})


# _WORD as one capturing group, for split(): nothing after a quantifier can fail (what follows
# is optional), so the quantifiers may as well be possessive, which the regex engine runs
# faster (no state kept to backtrack into); the first letter alone lets it skip ahead to a
# letter. Same words.
if recache.POSSESSIVE:
    _WORD_SPLIT = recache.compile(r"([A-Za-z][A-Za-z]*+(?:-[A-Za-z]++)*+(?:['’][A-Za-z]++)?+)")
else:  # pragma: no cover - Python 3.10 has none, 3.11.0-3.11.4 ran some wrongly (recache.POSSESSIVE)
    _WORD_SPLIT = recache.compile(f"({_WORD.pattern})")
_CONTRACTIONS = frozenset({"ll", "ve", "d", "s", "re", "m"})


def _may_start_group(w: str) -> bool:
    """Whether :func:`_group_at` may start a verb group with the word ``w`` (lower case)."""
    return w in _GROUP_STARTERS or (len(w) >= 5 and w.endswith("ed"))


class _StarterMemo(dict[str, bool]):
    """``_may_start_group`` of the words seen, kept: a clause's candidates are then found by a
    look-up per word made in C (``map``), not a Python test. Cleared when it holds
    ``_STARTER_MEMO_SIZE`` words, which bounds its memory (news uses far fewer words than that
    between two clearings)."""

    def __missing__(self, w: str) -> bool:
        got = self[w] = _may_start_group(w)
        return got


_STARTER_MEMO = _StarterMemo()
_STARTER_MEMO_SIZE = 1 << 16
_APOSTROPHE = recache.compile("['’]")


class _Clause:
    """The words of ``text[start:end]`` (a clause), lower case, and the verb groups found so far.

    ``starts``/``ends`` are the offsets of ``words`` in ``text``; ``cands`` are the indices of the
    words that can start a verb group (:func:`_group_at` answers None for all others);
    ``groups`` memoises :func:`_group_at`, which depends on the words alone, for the spans that
    share the clause. Contractions are words of their own: "he'll" is "he", "ll".
    ``checkpoint`` is where the last walk of :func:`detect_governor` stood before its span:
    ``(bound, next candidate, next word, best group)``, the same for every span from ``bound``
    on, so spans in order of position each resume there (a long clause of many spans costs a
    walk, not a walk per span).
    """

    __slots__ = ("cands", "checkpoint", "ends", "groups", "starts", "words")

    def __init__(self, text: str, start: int, end: int) -> None:
        seg = text[start:end]
        ascii_seg = seg.isascii()
        # split() with a group gives gap, word, gap, ..., gap: the offsets follow from the lengths
        parts = _WORD_SPLIT.split(seg.lower() if ascii_seg else seg)
        offs = list(accumulate(map(len, parts), initial=start))
        words = parts[1::2]
        starts = offs[1:-1:2]
        ends = offs[2::2]
        if not ascii_seg:
            # lower-casing ASCII letters, hyphens and apostrophes keeps their number
            words = [w.lower() for w in words]
        if "'" in seg or "’" in seg:
            _split_contractions(seg, start, words, starts, ends)
        self.words = words
        self.starts = starts
        self.ends = ends
        memo = _STARTER_MEMO
        if len(memo) >= _STARTER_MEMO_SIZE:
            memo.clear()
        self.cands = list(compress(count(), map(memo.__getitem__, words)))
        self.groups: dict[int, tuple[str, int] | None] = {}  # _group_at(words, i), computed once
        self.checkpoint: tuple[int, int, int, tuple[str, int, int] | None] | None = None


# What :func:`detect_governor` keeps per clause for the spans of one text: {(start, end): clause}.
ClauseCache = dict[tuple[int, int], _Clause]


def _split_contractions(seg: str, start: int, words: list[str], starts: list[int], ends: list[int]) -> None:
    """Split "he'll" and "it’s", words of ``seg`` (at ``start``), into "he", "ll" and "it", "s", in place.

    Words with another ending after the apostrophe stay whole ("o'clock").
    """
    for m in reversed(list(_APOSTROPHE.finditer(seg))):  # from the end: indices before stay valid
        p = start + m.start()
        k = bisect.bisect_right(starts, p) - 1
        if k < 0 or p >= ends[k]:
            continue  # not inside a word
        head, _, tail = words[k].replace("’", "'").partition("'")
        if tail in _CONTRACTIONS:
            a = starts[k]
            words[k:k + 1] = (head, tail)
            starts[k:k + 1] = (a, a + len(head) + 1)
            ends[k:k + 1] = (a + len(head), ends[k])


#: sentence_boundaries of the last texts: the dates of a sentence and later its other spans
#: (``Analysis.governor``) ask for the same text's.
_BOUNDS_MEMO: dict[str, list[int]] = {}
_BOUNDS_MEMO_SIZE = 256


def sentence_boundaries(text: str) -> list[int]:
    """Offsets (into ``text``) where a new sentence or clause-like unit starts. (Kept for the last
    texts: the list may be shared, and is not to be changed.)"""
    got = _BOUNDS_MEMO.get(text)
    if got is None:
        if len(_BOUNDS_MEMO) >= _BOUNDS_MEMO_SIZE:
            _BOUNDS_MEMO.clear()
        got = _BOUNDS_MEMO[text] = _boundaries(text)
    return got


def _boundaries(text: str) -> list[int]:
    """:func:`sentence_boundaries`, computed."""
    out: list[int] = []
    for m in _BOUNDARY.finditer(text):
        ch = text[m.start()]
        if ch == ".":
            k = m.start()
            j = k
            while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
                j -= 1
            word = text[j:k].lower()
            if word in _ABBREV or (len(word) <= 2 and word[:1].isalpha()) or "." in word:
                continue
        out.append(m.end())
    return out


class Governor(NamedTuple):
    """The verb group that governs a span: its tense, where it is (local offsets) and its side.

    (A named tuple, made once per span: a frozen dataclass costs four ``object.__setattr__``
    calls to make.)"""

    tense: str
    start: int | None = None
    end: int | None = None
    before: bool = True  # the group precedes the span (False: the first group after it)


_UNKNOWN = Governor("unknown")  # (immutable: one instance serves every span without a governor)

#: The characters read on either side of a span in a clause longer than that (no real sentence
#: is): hostile input of one endless clause costs time in proportion to its length, not its square.
CLAUSE_WINDOW = 2000
_SPACE = recache.compile(r"\s+")
#: The boundaries and clauses of the window last read in a long text (see ``detect_governor``):
#: {"key": (text, start, end), "boundaries": [...], "clauses": ClauseCache}.
_WINDOW: dict[str, Any] = {}


def detect_tense(text: str, start: int, end: int, boundaries: Sequence[int] | None = None,
                 max_forward_words: int = 25) -> str:
    """Tense governing ``text[start:end]`` (local offsets), one of ``TENSES``.

    ``boundaries`` may be passed in (from :func:`sentence_boundaries`) to share the work
    between several spans of the same text.
    """
    return detect_governor(text, start, end, boundaries, max_forward_words).tense


def _group_memo(groups: dict[int, tuple[str, int] | None], words: list[str], w: int) -> tuple[str, int] | None:
    """``_group_at(words, w)``, kept in the clause's ``groups`` (computed once per word)."""
    if w in groups:
        return groups[w]
    g = groups[w] = _group_at(words, w)
    return g


def detect_governor(text: str, start: int, end: int, boundaries: Sequence[int] | None = None,
                    max_forward_words: int = 25, cache: ClauseCache | None = None) -> Governor:
    """The verb group governing ``text[start:end]``: :func:`detect_tense` with its position.

    ``cache`` (a dict the caller keeps for one ``text``, with the same ``boundaries``) shares the
    words and verb groups of a clause between the spans in it.
    """
    # A run-on "clause" of hostile input is read from the whitespace after a multiple of
    # CLAUSE_WINDOW one to two windows before the span to the one one to two windows after it:
    # spans near one another share the clause, and the work stays linear in the text.
    lo = (start // CLAUSE_WINDOW - 1) * CLAUSE_WINDOW
    hi = (end // CLAUSE_WINDOW + 2) * CLAUSE_WINDOW
    if boundaries is None:
        if lo <= 0 and hi >= len(text):  # a sentence (every real one): as it is
            boundaries = sentence_boundaries(text)
        else:  # the boundaries near the span, and the clauses there, shared by the calls for its text
            lo_cut = _SPACE.search(text, max(0, lo), start) if lo > 0 else None
            hi_cut = _SPACE.search(text, hi) if hi < len(text) else None
            w_lo = lo_cut.end() if lo_cut is not None else 0
            w_hi = hi_cut.start() if hi_cut is not None else len(text)
            held = _WINDOW.get("key")
            if held is None or held[0] is not text or held[1:] != (w_lo, w_hi):
                found = [w_lo + b for b in sentence_boundaries(text[w_lo:w_hi])]
                _WINDOW["key"] = (text, w_lo, w_hi)
                _WINDOW["boundaries"] = ([w_lo] if w_lo else []) + found + ([w_hi] if w_hi < len(text) else [])
                _WINDOW["clauses"] = {}
            boundaries = _WINDOW["boundaries"]
            if cache is None:
                cache = _WINDOW["clauses"]
    k = bisect.bisect_right(boundaries, start)
    clause_start = boundaries[k - 1] if k > 0 else 0
    k2 = bisect.bisect_right(boundaries, end)
    clause_end = boundaries[k2] if k2 < len(boundaries) else len(text)
    if lo > clause_start:
        cut = _SPACE.search(text, lo, start)
        if cut is not None:
            clause_start = max(clause_start, cut.end())
    if hi < clause_end:
        cut = _SPACE.search(text, hi, clause_end)
        if cut is not None:
            clause_end = cut.start()
    if cache is None:
        clause = _Clause(text, clause_start, clause_end)
    else:
        key = (clause_start, clause_end)
        got = cache.get(key)
        if got is None:
            got = cache[key] = _Clause(text, clause_start, clause_end)
        clause = got
    starts, ends = clause.starts, clause.ends
    n = len(starts)
    # Walk the words left to right: words inside the span are skipped; a verb group before the
    # span becomes the best so far and the walk resumes after it; the first group at or after the
    # span ends the walk, as does reading more than max_forward_words words after the span.
    # Words that cannot start a group are stepped over in bulk, counting those after the span.
    after = bisect.bisect_left(starts, end)  # the first word after the span
    after_count = 0
    best: tuple[str, int, int] | None = None  # (tense, first word, index after the group)
    groups, words = clause.groups, clause.words
    cands = clause.cands
    i = 0  # the next word to read: those before were read, or jumped over as part of a group
    k = 0  # the next candidate
    checkpoint = clause.checkpoint
    if checkpoint is not None and checkpoint[0] <= start:
        _bound, k, i, best = checkpoint  # the walk up to an earlier span's start: ours too
    # The words before the span are walked alike for every span that starts after them.
    while k < len(cands):
        w = cands[k]
        if starts[w] >= start:
            break
        k += 1
        if w < i:
            continue
        g = _group_memo(groups, words, w)
        if g is None:
            i = w + 1
            continue
        best = (g[0], w, g[1])
        i = g[1] if g[1] > w else w + 1
    clause.checkpoint = (start, k, i, best)
    if best is not None:
        return _before(clause, best, start)
    # No group before the span: the first group after it (its words start at or after ``start``,
    # the candidates being in order), within max_forward_words words of it, governs.
    for idx in range(k, len(cands)):
        w = cands[idx]
        if w < i:
            continue
        if w > after:  # count the words stepped over after the span
            after_count += w - (i if i > after else after)
            if after_count > max_forward_words:
                break
        if ends[w] <= end:
            i = w + 1  # inside the span
            continue
        if w >= after:
            after_count += 1
            if after_count > max_forward_words:
                break
        g = _group_memo(groups, words, w)
        if g is None:
            i = w + 1
            continue
        tense, j = g
        return Governor(tense, starts[w], ends[max(w, min(j, n) - 1)], False)
    return _UNKNOWN


def governor_of_rest(text: str, p: int, e: int, boundaries: Sequence[int], cache: ClauseCache,
                     max_forward_words: int = 25) -> Governor | None:
    """``detect_governor(text[p:], 0, e, None, max_forward_words)`` read off the clause of ``text``
    (a sentence shorter than CLAUSE_WINDOW, ``boundaries`` its :func:`sentence_boundaries` and
    ``cache`` its clauses, as ``detect_governor`` keeps them) instead of splitting the rest of the
    text again, when that is provably the same; None (compute it) when it may not be.

    It is when the cut at ``p`` splits nothing: ``text[p - 1]`` is white space or a comma and
    ``text[p]`` is not white space. Then no word, no boundary match and no abbreviation test
    (which reads letters and dots back) crosses ``p``: the rest's boundaries are those of the
    text after ``p``, its clause around ``[0, e)`` is the text's clause around ``[p, p + e)``
    from its first word at or after ``p`` on, and its walk is the forward walk of
    :func:`detect_governor` from that word, whose verb group alone is read without the word
    before it (the rest has none).
    """
    n_text = len(text)
    if n_text >= CLAUSE_WINDOW or p >= n_text or text[p].isspace():
        return None
    if p > 0 and not (text[p - 1].isspace() or text[p - 1] == ","):
        return None
    end = p + e
    k = bisect.bisect_right(boundaries, p)
    clause_start = boundaries[k - 1] if k > 0 else 0
    k = bisect.bisect_right(boundaries, end)
    clause_end = boundaries[k] if k < len(boundaries) else n_text
    key = (clause_start, clause_end)
    clause = cache.get(key)
    if clause is None:
        clause = cache[key] = _Clause(text, clause_start, clause_end)
    starts, ends, words, groups = clause.starts, clause.ends, clause.words, clause.groups
    n = len(starts)
    first = bisect.bisect_left(starts, p)  # the rest's first word
    after = bisect.bisect_left(starts, end)
    cands = clause.cands
    after_count = 0
    i = first
    for idx in range(bisect.bisect_left(cands, first), len(cands)):
        w = cands[idx]
        if w < i:
            continue
        if w > after:
            after_count += w - (i if i > after else after)
            if after_count > max_forward_words:
                break
        if ends[w] <= end:
            i = w + 1
            continue
        if w >= after:
            after_count += 1
            if after_count > max_forward_words:
                break
        if w == first and first > 0:  # the rest's first word: no word before it
            g = _group_at(words[first:], 0)
            if g is not None:
                g = (g[0], g[1] + first)
        else:
            g = _group_memo(groups, words, w)
        if g is None:
            i = w + 1
            continue
        tense, j = g
        return Governor(tense, starts[w] - p, ends[max(w, min(j, n) - 1)] - p, False)
    return _UNKNOWN


def _before(clause: _Clause, group: tuple[str, int, int], start: int) -> Governor:
    """The Governor for a verb group found before the span at ``start``, ending there at the latest."""
    tense, i, j = group
    starts, ends = clause.starts, clause.ends
    last = max(i, min(j, len(starts)) - 1)
    return Governor(tense, starts[i], min(ends[last], start) if starts[last] < start else ends[i], True)
