"""Date extractor: find date expressions in prose, resolve them against the publication date, tag their tense.

Pattern layer: compiled regular expressions (built once at import) propose candidate
expressions; a small parser per pattern validates them (years 1900-2099 that are not
quantities, money, times or model names; "May"/"March" only with date context); overlapping
candidates are settled longest-first.  Cheap pre-checks, each a necessary condition for the
scan or search it spares (so never changing a result), keep most text away from the patterns.  Resolution follows the news-style strategy of HeidelTime
(Strötgen & Gertz) and SUTime: underspecified expressions are anchored at the publication date
and disambiguated by the tense of the governing verb (past: not after publication; future: not
before it; otherwise the nearest candidate).  See :mod:`linter.extract.tense` for tense.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from linter import recache
from linter.extract.tense import ClauseCache, detect_governor, sentence_boundaries
from linter.lexicon import word_set
from linter.patterns import prefix_tree

__all__ = ["DateMention", "extract_dates", "mark_reported", "pair_restatements", "resolve_weekday",
           "speech_verbs", "speech_times", "MONTHS", "WEEKDAYS"]


@dataclass(slots=True)
class DateMention:
    """One date expression as written, with the interval it denotes and the tense it sits in."""

    start: int
    end: int
    text: str
    kind: str  # absolute | partial | weekday | relative | duration | range
    value: date | None
    granularity: str  # day | month | year | week | decade | none
    earliest: date | None
    latest: date | None
    year_explicit: bool
    weekday: str | None = None
    weekday_start: int | None = None
    weekday_end: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    valid: bool = True
    tense: str = "unknown"
    reported: bool = False
    relative: str | None = None
    anchor_value: date | None = None
    anchor_other: date | None = None  # the other reading of "last Friday" said on a Saturday
    timex: str | None = None
    preposition: str | None = None  # "on" in "on January 23, 2024" (lower case), none if no preposition
    tense_before: bool = True  # the governing verb precedes the expression ("In May 2018, he withdrew": False)
    after_verb: bool = False  # written right after its governing verb group: "will meet Jan. 5"
    verb_gap: int | None = None  # words between the governing verb group before it and it ("take place": 1)
    verb_group: str | None = None  # the governing verb group as written ("will take")
    verb_gap_text: str | None = None  # the words between that group (before it) and it ("the budget")
    verb_lead: str | None = None  # the word just before that group, lower case ("being" in "being paid")


# --------------------------------------------------------------------------- vocabulary

MONTHS = word_set("calendar", "months")  # rules/lexicons/calendar.yaml
WEEKDAYS = word_set("calendar", "weekdays")
_MONTH_NUM: dict[str, int] = {}
for _i, _m in enumerate(MONTHS, 1):
    _MONTH_NUM[_m.lower()] = _i
    _MONTH_NUM[_m[:3].lower()] = _i
_MONTH_NUM["sept"] = 9
_WD_NUM = {w.lower(): i for i, w in enumerate(WEEKDAYS)}

_NUM_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100,
}
# Vague quantities: (lower, upper) multiples of the unit.
_VAGUE: dict[str, tuple[int, int]] = {
    "": (2, 10), "a few": (2, 5), "few": (2, 5), "several": (3, 9), "a couple of": (2, 3),
    "a couple": (2, 3), "couple of": (2, 3), "many": (5, 40), "some": (2, 10),
}

_MON_ALT = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
            r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_MON_FULL_ALT = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
_WD_ALT = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d\d"
_YEAR_END = r"(?!\d|[,.:]\d|\w)"
_NUM_ALT = (r"(?:\d{1,3}|a\s+couple\s+of|a\s+couple|couple\s+of|a\s+few|a\s+hundred|one\s+hundred|"
            r"an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
            r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
            r"ninety|hundred|few|several|many|some)")
_UNIT_ALT = r"(?:second|minute|hour|day|week|month|year|decade|century|centurie)"
_QUAL_ALT = (r"(?:barely|nearly|almost|about|just|only|more\s+than|less\s+than|fewer\s+than|over|some|"
             r"roughly|around|approximately|at\s+least|under|little\s+more\s+than|not\s+even|exactly|"
             r"precisely|well\s+over|a\s+little\s+over|a\s+little\s+more\s+than|as\s+recently\s+as|"
             r"as\s+long\s+as|only\s+about|just\s+over|just\s+under)")

_F = re.IGNORECASE


def _prefix_tree(words: Sequence[str]) -> str:
    """A regex finding the same places as the alternation of ``words`` (see ``linter.patterns``)."""
    return prefix_tree(words)


# Month-anchored patterns: one scan finds month names, small anchored patterns look around them.
_P_MONTH = recache.compile(rf"\b(?P<mon>{_MON_ALT})")
_MD_TAIL = recache.compile(
    rf"\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:\s*(?:-|–|—|\bto\b|\bthrough\b|\band\b)\s*(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
    rf"(?!\s*(?:%|percent|per\s?cent|[:.]\d|,\d{{3}}))"
    rf"(?:,?\s+(?P<year>{_YEAR}){_YEAR_END})?"
)
_MY_TAIL = recache.compile(rf",?\s+(?:of\s+)?(?P<year>{_YEAR}){_YEAR_END}")
_WD_HEAD = recache.compile(rf"(?:(?:\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+)?\b(?P<wd>{_WD_ALT}),?\s+)$")
_DAY_HEAD = recache.compile(
    rf"(?:\b(?P<wd>{_WD_ALT}),?\s+)?(?:\b[Tt]he\s+)?(?<![\d$£€.,])\b(?P<day>\d{{1,2}})(?P<ord>st|nd|rd|th)?\s+"
    rf"(?P<of>of\s+)?$"
)
_MOD_HEAD = recache.compile(r"\b(?P<mod>[Ee]arly|[Mm]id|[Ll]ate)[\s-]+$")
_MON_PREP_ALT = (
    r"in|In|since|Since|by|By|until|Until|till|from|From|through|during|During|before|"
    r"Before|after|After|of|on|between|and|to|around|throughout|Throughout|mid|end|beginning|start|late|"
    r"early|Early|Late|or"
)
_P_MON_BEFORE = recache.compile(
    rf"(?P<prep>\b(?:{_MON_PREP_ALT})\s+)?"
    r"(?:(?P<rel>\b(?:[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Ee]arly|[Ll]ate|[Mm]id|[Ee]arlier\s+this|"
    r"[Ll]ater\s+this)[\s-]+))?$"
)
_MON_BARE_END = recache.compile(r"(?!['’]s\b|\s*\d|-\w)")
_YEARISH = recache.compile(r"(?:19|20)\d\d")
_P_ISO = recache.compile(rf"(?<![\w/.-])(?P<year>{_YEAR})-(?P<mon>\d\d)-(?P<day>\d\d)(?!\d|-\d)")
_P_US = recache.compile(r"(?<![\w/.-])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})(?![\w/])")
_RANGE_SEP = r"(?:\s*(?:-|–|—)\s*|\s+(?:to|until|till|through|and)\s+)"
_P_YEAR_RANGE = recache.compile(
    rf"(?<![\w$£€¥#.,/:-])(?:(?P<from>[Ff]rom|[Bb]etween)\s+)?(?:the\s+years\s+)?(?P<y1>{_YEAR})"
    rf"{_RANGE_SEP}(?P<y2>{_YEAR}|\d\d){_YEAR_END}"
)
_P_YEAR = recache.compile(
    rf"(?<![\w$£€¥#.,/:'’-])(?P<year>{_YEAR})(?P<s>s\b|['’]s\b)?(?![\w%]|[.,:]\d|-\d|/\d)"
)
_P_DAYWORD = recache.compile(r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|TODAY|YESTERDAY)\b")
_P_NOW = recache.compile(r"\b(?:[Nn]ow|[Cc]urrently|[Tt]he\s+present)\b(?!\s+that\b)")
_P_WEEKDAY = recache.compile(rf"\b(?P<wd>{_WD_ALT})\b(?!s\b|['’]s\b)")
_P_WD_BEFORE = recache.compile(r"(?:\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming|[Ee]arly|[Ll]ate)\s+)$")
_P_DECADE_WORD = recache.compile(r"\b[Tt]he\s+(?P<mod>(?:early|mid|late)[\s-]+)?['’](?P<yy>\d)0s\b")
_P_ORDINAL_DAY = recache.compile(r"\b[Tt]he\s+(?P<day>\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])")
# After "the 23rd", what makes it the ordinal of something else rather than a day: a compound
# ("the 12th-largest") or a word that no date is followed by ("the 12th consecutive drop", "the
# 23rd day of the siege"); a day ends before punctuation or a word such as "at", "and", "when"
# ("on the 23rd at noon", "by the 23rd, when"). A month right before it keeps it a day
# ("September the 11th brought ...": _ORDINAL_MONTH_BEFORE).
_ORDINAL_DAY_NEXT = ("and|or|nor|to|through|thru|until|till|when|while|where|at|in|on|of|by|before|after|"
                     "but|as|with|from|for|is|are|was|were|be|been|will|would|could|should|might|may|has|"
                     "had|have|the|a|an|that|which|this|so|if|he|she|it|they|we|i|you|there|then|also|"
                     "only|instead|again|because|though|although|unless|since|following")
_ORDINAL_OF_SOMETHING = recache.compile(rf"[-‐‑]\w|\s+(?!(?:{_ORDINAL_DAY_NEXT})\b)[a-z]")
_ORDINAL_MONTH_BEFORE = recache.compile(r"(?:January|February|March|April|May|June|July|August|September|October|"
                                        r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+$")

# Unit-anchored patterns: one scan finds time units, anchored patterns look around them.
_P_UNIT = recache.compile(
    r"\b(?P<unit>[Ss]econd|[Mm]inute|[Hh]our|[Dd]ay|[Ww]eek(?:end)?|[Mm]onth|[Yy]ear|[Dd]ecade|[Cc]entur(?:y|ie)"
    r"|[Qq]uarter|[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)(?P<pl>s)?\b"
)
_AGO_TAIL = recache.compile(r"(?:\s+and\s+a\s+half)?\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b", _F)
_AGO_HEAD = recache.compile(rf"(?:\b(?P<q>{_QUAL_ALT})\s+)?(?:\b(?P<num>{_NUM_ALT})[\s-]+)?$", _F)
_DUR_HEAD = recache.compile(rf"\b(?P<num>{_NUM_ALT})(?:[\s-]+|(?<=\d))$", _F)
_DUR_TAIL = recache.compile(r"(?P<old>[\s-]old\b)?(?:-long\b)?")
_PERIOD_HEAD = recache.compile(
    r"\b(?P<pre>(?:[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)?(?P<rel>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast|[Cc]oming)\s+$"
)
_THE_PAST_HEAD = recache.compile(
    rf"\b(?P<the>[Tt]he|[Rr]ecent)\s+(?:(?P<rel>past|last|next|coming|previous|following|recent)\s+)?"
    rf"(?:(?P<num>{_NUM_ALT})\s+)?$",
    _F,
)
_THE_PAST_TAIL = recache.compile(r"(?!\s+(?:of|before|after|earlier|later|when|that|in\s+which|for\s+which)\b)")
_QUARTER_HEAD = recache.compile(
    r"(?:\b[Tt]he\s+)?\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|"
    r"year-ago|previous)[\s-]+$",
    _F,
)
_QUARTER_TAIL = recache.compile(r"\s+of\s+(?P<year>(?:19|20)\d\d)\b")

# Cheap pre-checks that let most texts skip a scan or a search.  Each is a necessary condition
# for the pattern it guards, so skipping never changes a result.
# Every _P_MONTH match starts with one of these (case-sensitive); see _matches_at.
_MONTH_GATE = recache.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# The unit words of _P_UNIT in lower case, each found at one of its rarer letters (y k m u c p f q
# w: a sixth of the letters of news copy, where the words' first letters are a third), the
# letters before it checked behind it: the regex engine skips ahead to those letters, and tries
# the words at half as many places as at their first letters. {word: index of that letter}.
# A hit is the word from that letter on, different for every word: its start is the word's
# start plus _UNIT_ANCHOR_OFFSET[the hit]. See _unit_matches.
_UNIT_ANCHOR_AT = {"year": 0, "day": 2, "week": 3, "month": 0, "minute": 0, "summer": 2, "autumn": 4, "hour": 2,
                   "quarter": 0, "centur": 0, "second": 2, "decade": 2, "spring": 1, "fall": 0, "winter": 0}
_UNIT_ANCHOR_OFFSET = {w[i:]: i for w, i in _UNIT_ANCHOR_AT.items()}


def _unit_anchor_pattern() -> str:
    by_letter: dict[str, list[str]] = {}
    for w, i in _UNIT_ANCHOR_AT.items():  # the rest of the word, then the word behind (when it starts earlier)
        by_letter.setdefault(w[i], []).append(w[i + 1:] + (f"(?<={w})" if i else ""))
    return "(?:" + "|".join(c + (f"(?:{'|'.join(alts)})" if len(alts) > 1 else alts[0])
                            for c, alts in sorted(by_letter.items())) + ")"


_UNIT_ANCHOR = recache.compile(_unit_anchor_pattern())
_ORDINAL_GATE = recache.compile(r"he\s+\d")  # _P_ORDINAL_DAY: "[Tt]he" then a digit
_WEEKDAY_GATE = recache.compile("|".join(WEEKDAYS))  # every _P_WEEKDAY match starts with one
# In every _P_DAYWORD match, lower-cased, from its second letter on:
_DAYWORD_PARTS = ("oday", "esterday", "omorrow", "onight")
_US_GATE = recache.compile(r"/\d{1,2}/\d{4}")  # in every _P_US match, after its first number (1 or 2 digits)
# After the first year of every _P_YEAR_RANGE match, which is a _YEARISH hit: no word character
# precedes it (the look-behind), so no earlier hit covers where it starts.
_YEAR_RANGE_TAIL = recache.compile(rf"{_RANGE_SEP}\d\d")


def _last_words(alternation: str) -> tuple[str, ...]:
    """The last word of each alternative of a regex alternation of words ("a\\s+few" -> "few"), lower case."""
    inner = alternation[3:-1] if alternation.startswith("(?:") else alternation
    return tuple(sorted({alt.split(r"\s+")[-1].lower() for alt in inner.split("|") if alt[:1].isalpha()}))


_PREPOSITIONS = frozenset(
    "on in at during by before after since until till from through throughout to for of between "
    "around about over within into as than like via under".split()
)
# The last words of the head patterns searched before an anchor, lower case: a head can only
# match when the word _head_word finds is one of them (or a number); see _may_be.
_NUM_LAST = _last_words(_NUM_ALT)
# "a year", "some days", "many weeks": _unit_cands drops these durations, so it need not search.
_DUR_WORDS = frozenset(_NUM_LAST) - {"a", "an", "some", "many"}
# "the" alone ("the year") gives no _THE_PAST_HEAD candidate either.
_THE_PAST_WORDS = frozenset({"recent", "past", "last", "next", "coming", "previous", "following", *_NUM_LAST})
_PERIOD_WORDS = frozenset({"last", "next", "this", "past", "coming"})
_MON_BEFORE_WORDS = frozenset(
    {*_last_words(_MON_PREP_ALT), "last", "next", "this", "past", "coming", "early", "late", "mid"}
)
_WORD_RUN = recache.compile(r"\w*")


def _head_word(text: str, lo: int, hi: int, hyphens: bool = False) -> str | None:
    """The word (a run of ``\\w``) before the white space ending ``text[lo:hi]``, as written.

    With ``hyphens``, hyphens may be mixed with that white space. None when ``text[lo:hi]`` does
    not end with white space (or a hyphen). The head patterns end so ("<word>\\s+$"), with the
    word standing alone, so they cannot match unless it is one of theirs; see :func:`_may_be`.
    """
    seg = text[lo:hi]
    last = seg[-1:]
    if not (last.isspace() or (hyphens and last == "-")):
        return None
    seg = seg.rstrip()
    while hyphens and seg.endswith("-"):
        seg = seg[:-1].rstrip()
    last_chunk = seg[seg.rfind(" ") + 1:]
    if last_chunk.isalnum():  # the usual case: a whole word after a space
        return last_chunk
    m = _WORD_RUN.match(seg[::-1])  # the run of word characters at its end, read backwards
    return m.group()[::-1] if m else ""


def _may_be(word: str | None, words: frozenset[str]) -> bool:
    """Might ``word`` (from :func:`_head_word`) match one of ``words``, in any case, or a number?

    Not-ASCII words always might: case-insensitive patterns match more than lower-casing finds
    there ("ſeven").
    """
    if word is None:
        return False
    return not word.isascii() or word.isdigit() or word.lower() in words


# The most words (runs of \w) a match of each head pattern spans: "a couple of" (_NUM_ALT), "a
# little more than" (_QUAL_ALT), "year-ago". Every match starts a word (or is empty, at the end).
_HEAD_WORDS: dict[re.Pattern[str], int] = {
    _WD_HEAD: 2, _DAY_HEAD: 4, _MOD_HEAD: 1, _P_MON_BEFORE: 3, _AGO_HEAD: 7, _THE_PAST_HEAD: 5,
    _PERIOD_HEAD: 2, _QUARTER_HEAD: 3, _DUR_HEAD: 3,
}
_WORDS_BACK = {n: recache.compile(rf"(?:\W*\w+){{0,{n}}}") for n in set(_HEAD_WORDS.values())}


def _runs_back(text: str, at: int, runs: int) -> int:
    """A place at or before the start of the ``runs``-th run of word characters (``\\w``) before ``at``."""
    back = _WORDS_BACK[runs].match(text[:at][::-1])  # runs counted backwards
    return max(0, at - (back.end() if back else at) - 1)


def _search_head(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """``pattern.search(text, lo, hi)`` for a head pattern (ending "$"), from where a match can start.

    A match spans at most ``_HEAD_WORDS[pattern]`` words, the last of them before ``hi``, so
    the search need not try earlier than the first of that many last words; an empty match is
    at ``hi``, or just before a line break ending the text.
    """
    back = _WORDS_BACK[_HEAD_WORDS[pattern]].match(text[lo:hi][::-1])  # words counted backwards
    return pattern.search(text, max(lo, hi - (back.end() if back else hi) - 1), hi)


_YEAR_PREP = frozenset(
    "the in since by until till from for during before after through to between and early late mid "
    "fiscal summer spring fall autumn winter of 's ’s its their his her our mid-".split()
)
_YEAR_BAD_PREV = frozenset(
    "no no. nos number flight route room article section rule resolution form model type windows "
    "office vision agenda about nearly some over than approximately around roughly almost least "
    "page pages chapter bill act hr h.r. s. station channel highway interstate us-".split()
)
_YEAR_OK_CAP_PREV = frozenset(
    "in since by until till before after from through during of for between and or but as at on "
    "early late mid summer spring fall autumn winter fiscal the until than then also year january "
    "february march april may june july august september october november december jan feb mar "
    "apr jun jul aug sep sept oct nov dec".split()
)
_COUNT_NOUNS = frozenset(
    "people men women children police troops votes feet km miles tonnes tons points shares barrels "
    "dollars yen euros pounds units cars jobs workers soldiers hours gmt est edt utc bst cet local "
    "hrs metres meters acres residents members delegates seats pieces copies rounds tanks".split()
)
_NOT_PLURAL = frozenset("was is has as this its his always perhaps thus less unless across sis yes "
                        "us bus plus status campus".split())
_WORD_AFTER = recache.compile(r"\s+([A-Za-z][A-Za-z.'’-]*)")
_WORD_BEFORE = recache.compile(r"([A-Za-z][A-Za-z.'’-]*)\s+$")

# --------------------------------------------------------------------------- helpers


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    s = " ".join(s.lower().split())
    if s.isdigit():
        return int(s)
    return _NUM_WORDS.get(s)


@lru_cache(maxsize=4096)
def _days_in_month(y: int, m: int) -> int:
    """``calendar.monthrange(y, m)[1]``, memoised."""
    return calendar.monthrange(y, m)[1]


def _valid_ymd(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= _days_in_month(y, m)


def _month_last(y: int, m: int) -> date:
    return date(y, m, _days_in_month(y, m))


def _week_timex(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _week_bounds(d: date) -> tuple[date, date]:
    mon = d - timedelta(days=d.weekday())
    return mon, mon + timedelta(days=6)


def _day_timex(d: date) -> str:
    return d.isoformat()


def resolve_weekday(weekday: int, pub: date, tense: str, rel: str | None = None) -> date:
    """The calendar day a weekday name (0 = Monday) refers to, seen from ``pub``.

    ``last``/``past`` → the most recent such day strictly before ``pub``; ``next``/``coming`` →
    the first strictly after it.  Bare weekdays follow the tense: future → strictly after;
    past, present perfect and present → on or before ``pub`` (newswire reports same-day events
    in the past tense); future-in-past and unknown → the nearest, same day first, past on ties.
    """
    back = (pub.weekday() - weekday) % 7  # 0..6 days back to an on-or-before match
    fwd = (weekday - pub.weekday()) % 7  # 0..6 days forward
    if rel in ("last", "past"):
        return pub - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return pub + timedelta(days=fwd or 7)
    if tense == "future":
        return pub + timedelta(days=fwd or 7)
    if tense in ("past", "present_perfect", "present"):
        return pub - timedelta(days=back)
    return pub - timedelta(days=back) if back <= fwd else pub + timedelta(days=fwd)


def _other_reading(anchor: date, pub: date, rel: str | None) -> date | None:
    """The other day "last/next <weekday>" may mean, when the week makes it ambiguous.

    Said on a Saturday, "last Friday" is the day before or the Friday of the week before;
    said on a Monday, "next Friday" is this week's or the one after. When the nearest such
    day falls in the publication's own (Monday-based) week, the week-further one is the
    other reading; otherwise there is none.
    """
    monday = pub - timedelta(days=pub.weekday())
    if rel in ("last", "past") and anchor >= monday:
        return anchor - timedelta(days=7)
    if rel in ("next", "coming") and anchor <= monday + timedelta(days=6):
        return anchor + timedelta(days=7)
    return None


# How much less plausible a candidate on the "wrong" side of publication is, given the tense:
# past tense makes a later date 4x less likely than an equally distant earlier one (and
# conversely for the future); without tense the nearest candidate wins.
_TENSE_BIAS = 4


def _pick(cands: list[tuple[date, date]], pub: date, tense: str) -> int:
    """Index of the candidate interval (first, last) that the tense makes most plausible."""

    def cost(i: int) -> tuple[int, int]:
        a, b = cands[i]
        if a <= pub <= b:
            d = 0
        elif a > pub:
            d = (a - pub).days * (_TENSE_BIAS if tense in ("past", "present_perfect") else 1)
        else:
            d = (pub - b).days * (_TENSE_BIAS if tense == "future" else 1)
        return (d, 0 if a.year == pub.year else 1)

    return min(range(len(cands)), key=cost)


# the year of a month and day, and of a month: cheap to work out again, and keyed by the
# publication date, so that an archive of many dates reuses few: a small memo keeps memory flat
@lru_cache(maxsize=512)
def _infer_md_year(month: int, day: int, pub: date, tense: str, near: date | None = None) -> int | None:
    anchor = near or pub
    years = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if _valid_ymd(y, month, day)]
    if not years:
        return None
    cands = [(date(y, month, day), date(y, month, day)) for y in years]
    if near is not None:
        return min(years, key=lambda y: abs((date(y, month, day) - near).days))
    return years[_pick(cands, pub, tense)]


@lru_cache(maxsize=512)
def _infer_month_year(month: int, pub: date, tense: str, rel: str | None) -> int:
    years = (pub.year - 1, pub.year, pub.year + 1)
    cands = [(date(y, month, 1), _month_last(y, month)) for y in years]
    if rel in ("last", "past"):
        ok = [y for y, c in zip(years, cands, strict=True) if c[1] < pub]
        return max(ok)
    if rel in ("next", "coming"):
        ok = [y for y, c in zip(years, cands, strict=True) if c[0] > pub]
        return min(ok)
    if rel == "this":
        return pub.year
    return years[_pick(cands, pub, tense)]


_SEASONS = {"spring": (3, "SP"), "summer": (6, "SU"), "fall": (9, "FA"), "autumn": (9, "FA"), "winter": (12, "WI")}


def _season_bounds(y: int, start_month: int) -> tuple[date, date]:
    a = date(y, start_month, 1)
    b = _shift(a, "month", 3) - timedelta(days=1)
    return a, b


# --------------------------------------------------------------------------- candidates


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    kind: str
    granularity: str = "none"
    month: int | None = None
    day: int | None = None
    day2: int | None = None
    year: int | None = None
    year2: int | None = None
    wd: int | None = None
    wd_start: int | None = None
    wd_end: int | None = None
    rel: str | None = None
    unit: str | None = None
    num: int | None = None
    qual: str | None = None
    direction: str | None = None
    vague: str | None = None
    extra: str | None = None


def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE.search(text, max(0, pos - 24), pos)
    return m.group(1) if m else ""


def _word_after(text: str, pos: int) -> str:
    m = _WORD_AFTER.match(text, pos, min(len(text), pos + 30))
    return m.group(1) if m else ""


def _year_is_quantity(text: str, s: int, e: int) -> bool:
    """True when the four digits at text[s:e] are a count, an amount or a name, not a year."""
    prev = _word_before(text, s)
    pl = prev.lower().rstrip(",")
    if pl in _YEAR_BAD_PREV:
        return True
    if s > 0 and text[s - 1] in "#$£€¥":
        return True
    if prev and prev[0].isupper() and pl.rstrip(".") not in _YEAR_OK_CAP_PREV and pl not in _YEAR_OK_CAP_PREV:
        # "Windows 2000", "Euro 2024", "Agenda 2030": a name, unless it opens the sentence.
        before = text[max(0, s - len(prev) - 4): s - len(prev) - 1].rstrip()
        if before and before[-1] not in ".!?\"“”:;(" and not prev.isupper():
            return True
    nxt = _word_after(text, e).rstrip(".'’-")
    nl = nxt.lower()
    if nl in _COUNT_NOUNS:
        return True
    if (nl.endswith("s") and len(nl) > 3 and nxt[0].islower() and nl not in _NOT_PLURAL
            and pl not in _YEAR_PREP and not pl.endswith(("'s", "’s"))):
        return True
    return False


# The runs of ASCII letters of an ASCII text, as bytes (every other byte made a space, then split).
# A match of _P_MONTH, _P_UNIT, _P_DAYWORD, _P_NOW or _P_WEEKDAY is a whole run of word characters
# made of letters ("\\b" on either side; _P_NOW's "the present" ends with one, "present"), so it
# is one of these runs: when none of the runs is one of the words a pattern can match, the pattern
# has no match in the text, and is not searched.
_LETTER_RUNS = bytes(c if chr(c).isalpha() and c < 128 else 32 for c in range(256))


#: Every run of letters a gate tests a text for: ``_GATE_WORDS`` and ``_SPEECH_RUNS`` here, and
#: those other modules add (:func:`gate_runs`). A gate reads only which of these a text holds.
_READ_RUNS: set[bytes] = set()
_NOT_DIGITS = bytes(c for c in range(256) if not 48 <= c <= 57)  # bytes.translate deletes these
_RUNS_MEMO: dict[str, tuple[AbstractSet[bytes], bool]] = {}
_RUNS_MEMO_SIZE = 256


def gate_runs(*words: AbstractSet[bytes]) -> None:
    """Add ``words`` to the runs of letters :func:`_letter_runs` looks for (a module's gates, at import)."""
    _READ_RUNS.update(*words)
    _RUNS_MEMO.clear()  # (texts seen before were not looked at for these)


def _ascii_facts(text: str) -> tuple[AbstractSet[bytes], bool]:
    """``(_letter_runs(text), _ascii_digit(text))`` of an ASCII ``text``, found in one go and kept
    for the last texts (the gates of a sentence's dates, ages and intervals all read them)."""
    got = _RUNS_MEMO.get(text)
    if got is None:
        if len(_RUNS_MEMO) >= _RUNS_MEMO_SIZE:
            _RUNS_MEMO.clear()
        raw = text.encode("ascii")
        got = _RUNS_MEMO[text] = (_READ_RUNS.intersection(raw.translate(_LETTER_RUNS).split()),
                                  bool(raw.translate(None, _NOT_DIGITS)))
    return got


def _letter_runs(text: str) -> AbstractSet[bytes]:
    """The runs of letters of an ASCII ``text`` (see ``_LETTER_RUNS``) that are among those a gate
    looks for (``_READ_RUNS``): what a gate's tests of them (``X & runs``, ``X.isdisjoint(runs)``
    for X among those) read. Kept for the last texts."""
    return _ascii_facts(text)[0]


def _ascii_digit(text: str) -> bool:
    """Whether an ASCII ``text`` has a digit (kept, as :func:`_letter_runs`)."""
    return _ascii_facts(text)[1]


def _case_forms(*words: str) -> frozenset[bytes]:
    """Every spelling of ``words`` (ASCII letters) in upper and lower case, as bytes: the runs of
    letters (``_letter_runs``) a case-blind pattern of these words, bounded by non-letters, is."""
    out: set[bytes] = set()
    for word in words:
        forms = [""]
        for ch in word:
            forms = [f + c for f in forms for c in {ch.lower(), ch.upper()}]
        out.update(f.encode("ascii") for f in forms)
    return frozenset(out)


def _cased(words: Iterable[str], upper_first: bool = True, plural: bool = False) -> frozenset[bytes]:
    """``words`` as bytes, each also with a capital first letter and with an "s" after it, as asked."""
    out = set()
    for w in words:
        for form in ({w, w[:1].upper() + w[1:]} if upper_first else {w}):
            out.update({form, form + "s"} if plural else {form})
    return frozenset(f.encode("ascii") for f in out)


_MONTH_WORDS = _cased([*MONTHS, "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov",
                       "Dec"], False)
_UNIT_WORDS = _cased(["second", "minute", "hour", "day", "week", "weekend", "month", "year", "decade", "century",
                      "centurie", "quarter", "spring", "summer", "fall", "autumn", "winter"], plural=True)
_DAYWORD_WORDS = _cased(["today", "yesterday", "tomorrow", "tonight"]) | {b"TODAY", b"YESTERDAY"}
_NOW_WORDS = _cased(["now", "currently", "present"])
_WEEKDAY_WORDS = _cased(WEEKDAYS, False)
_GATE_WORDS = _MONTH_WORDS | _UNIT_WORDS | _DAYWORD_WORDS | _NOW_WORDS | _WEEKDAY_WORDS
gate_runs(_GATE_WORDS)


def _candidates(text: str, found: AbstractSet[bytes] | None = None) -> list[_Cand]:
    """Every candidate expression in ``text``, possibly overlapping.

    In a fixed order (months, years, units, day words, "now", weekdays, decades): of two
    candidates with the same span, _select keeps the first. ``found``, for an ASCII text, may
    give :func:`gate_words` of it.
    """
    if not text.isascii():
        return _candidates_any(text)
    out: list[_Cand] = []
    if found is None:
        found = gate_words(text)
    if found and not found.isdisjoint(_MONTH_WORDS):
        _month_cands(text, out)
    if "19" in text or "20" in text:  # every _YEARISH year starts so
        _year_cands(text, out)
    if found:
        low = text.lower()  # (ASCII: every character keeps its offset)
        units = found & _UNIT_WORDS
        if units:
            _unit_cands(text, out, low, units)
        if not found.isdisjoint(_DAYWORD_WORDS):  # then one of the parts is in ``low``: find where the first is
            first = min(i for i in map(low.find, _DAYWORD_PARTS) if i >= 0)
            for m in _P_DAYWORD.finditer(text, max(0, first - 1)):
                out.append(_Cand(m.start(), m.end(), "relative", "day", rel=m.group().lower()))
        if not found.isdisjoint(_NOW_WORDS):
            for m in _P_NOW.finditer(text):
                out.append(_Cand(m.start(), m.end(), "relative", "none", rel="now"))
        if not found.isdisjoint(_WEEKDAY_WORDS):
            _weekday_cands(text, out)
    if "0s" in text and ("'" in text or "’" in text):  # every _P_DECADE_WORD match holds both
        _decade_cands(text, out)
    return out


def gate_words(text: str) -> AbstractSet[bytes]:
    """The runs of letters of an ASCII ``text`` that are words some pattern of :func:`_candidates`
    opens on (``_GATE_WORDS``; see ``_LETTER_RUNS``). Without one, and without a digit, the text
    holds no date: every other candidate needs a digit (a year, a decade, a numeric date)."""
    return _GATE_WORDS.intersection(_letter_runs(text))


def _candidates_any(text: str) -> list[_Cand]:
    """:func:`_candidates` of any text (the plain form; :func:`_candidates` answers ASCII text faster)."""
    out: list[_Cand] = []
    if _MONTH_GATE.search(text) is not None:
        _month_cands(text, out)
    if "19" in text or "20" in text:  # every _YEARISH year starts so
        _year_cands(text, out)
    low = text.lower()  # for the pre-checks: holds every lower-cased word of ``text``
    aligned = len(low) == len(text)  # then every character keeps its offset
    _unit_cands(text, out, low if aligned else None)
    if any(map(low.__contains__, _DAYWORD_PARTS)):  # rare: only then find where the first is
        first = min(i for i in map(low.find, _DAYWORD_PARTS) if i >= 0)
        for m in _P_DAYWORD.finditer(text, max(0, first - 1) if aligned else 0):
            out.append(_Cand(m.start(), m.end(), "relative", "day", rel=m.group().lower()))
    if "now" in low or "urrently" in low or "present" in low:
        for m in _P_NOW.finditer(text):
            out.append(_Cand(m.start(), m.end(), "relative", "none", rel="now"))
    if "day" in text:
        _weekday_cands(text, out)
    if "0s" in text and ("'" in text or "’" in text):  # every _P_DECADE_WORD match holds both
        _decade_cands(text, out)
    return out


def _weekday_cands(text: str, out: list[_Cand]) -> None:
    first_weekday = _WEEKDAY_GATE.search(text)
    if first_weekday is not None:
        for m in _P_WEEKDAY.finditer(text, first_weekday.start()):
            ctx = _P_WD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            rel = ctx.group("rel").lower() if ctx else None
            start = ctx.start() if ctx else m.start()
            if rel in ("early", "late"):
                rel, start = None, m.start()
            out.append(_Cand(start, m.end(), "relative" if rel else "weekday", "day",
                             wd=_WD_NUM[m.group("wd").lower()], wd_start=m.start(), wd_end=m.end(), rel=rel))


def _decade_cands(text: str, out: list[_Cand]) -> None:
    for m in _P_DECADE_WORD.finditer(text):
        out.append(_Cand(m.start(), m.end(), "partial", "decade", year=1900 + int(m.group("yy")) * 10))


def _matches_at(pattern: re.Pattern[str], text: str,
                hits: Iterable[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` that start where one of ``hits`` starts, in order, not overlapping.

    That is ``pattern.finditer(text)`` when ``pattern`` can only match where a hit starts: a
    _P_MONTH match starts with what _MONTH_GATE finds, and not inside another hit (a capital
    letter); a _P_ISO or _P_YEAR match starts with a _YEARISH year, and not after a digit.
    """
    end = 0
    for h in hits:
        if h.start() < end:
            continue
        m = pattern.match(text, h.start())
        if m is not None:
            end = m.end()
            yield m


def _month_cands(text: str, out: list[_Cand]) -> None:
    add = out.append
    for m in _matches_at(_P_MONTH, text, _MONTH_GATE.finditer(text)):
        tok = m.group("mon")
        mon = _MONTH_NUM[tok.rstrip(".").lower()]
        ms, me = m.start(), m.end()
        window = max(0, ms - 40)
        t = _MD_TAIL.match(text, me)
        if t is not None:  # month day (year)
            day = int(t.group("day"))
            if 1 <= day <= 31:
                y = int(t.group("year")) if t.group("year") else None
                d2 = int(t.group("day2")) if t.group("day2") else None
                c = _Cand(ms, t.end(), "absolute" if y else "partial", "day", mon, day, year=y)
                keep = True
                if d2 is not None:
                    if day < d2 <= 31:
                        c.kind, c.day2 = "range", d2
                    elif y is not None:
                        keep = False  # "Jan. 5-3, 2024": not a date we understand
                    else:
                        c.end = t.start("day") + len(t.group("day"))
                if keep:
                    # every weekday name ends with "day": without one before the month, no match
                    h = _search_head(_WD_HEAD, text, window, ms) if text.find("day", window, ms) >= 0 else None
                    if h is not None:
                        c.start = h.start()
                        c.wd = _WD_NUM[h.group("wd").lower()]
                        c.wd_start, c.wd_end = h.start("wd"), h.end("wd")
                        if h.group("rel"):
                            c.rel = h.group("rel").lower()
                        else:
                            c.start = h.start("wd")
                    add(c)
                    continue
        h2 = None
        w = _head_word(text, window, ms)
        if w is not None and (w == "of" or w[:1].isdigit()):  # "of", or the day: "23", "23rd"
            h2 = _search_head(_DAY_HEAD, text, window, ms)
        if h2 is not None:  # day month (year)
            day = int(h2.group("day"))
            y_m = _MY_TAIL.match(text, me)
            y = int(y_m.group("year")) if y_m else None
            if 1 <= day <= 31 and (y is not None or tok not in ("May", "March", "Mar", "Mar.")
                                   or h2.group("ord") or h2.group("of")):
                c = _Cand(h2.start(), y_m.end() if y_m else me, "absolute" if y else "partial", "day", mon, day,
                          year=y)
                if h2.group("wd"):
                    c.wd = _WD_NUM[h2.group("wd").lower()]
                    c.wd_start, c.wd_end = h2.start("wd"), h2.end("wd")
                add(c)
                continue
        y_m = _MY_TAIL.match(text, me)
        if y_m is not None:  # month year
            mh = _search_head(_MOD_HEAD, text, window, ms)
            add(_Cand(mh.start() if mh else ms, y_m.end(), "partial", "month", mon, year=int(y_m.group("year")),
                      extra=mh.group("mod").lower() if mh else None))
            continue
        # bare month: full names only, with context
        if len(tok) < 5 and tok not in ("May", "June", "July"):
            continue
        if tok.endswith(".") or _MON_BARE_END.match(text, me) is None:
            continue
        lo = max(0, ms - 32)
        # without a preposition or a relative word right before it the pattern can only match
        # empty, which reads the same as no match
        ctx = None
        if _may_be(_head_word(text, lo, ms, True), _MON_BEFORE_WORDS):
            ctx = _search_head(_P_MON_BEFORE, text, lo, ms)
        prep = ctx.group("prep") if ctx else None
        rel = ctx.group("rel") if ctx else None
        if tok in ("May", "March") and not (prep or rel):
            continue
        if not (prep or rel):
            nxt = _word_after(text, me)
            if nxt[:1].isupper():
                continue  # "June Carter", "August Wilson"
            prev = _word_before(text, ms)
            if prev[:1].isupper() and prev.lower() not in _YEAR_OK_CAP_PREV:
                continue  # "Rick June"
        start = ms
        rel_word: str | None = None
        if rel and ctx is not None:
            start = ctx.start("rel")
            rel_word = " ".join(rel.lower().split()).rstrip("-")
        add(_Cand(start, me, "partial", "month", mon, rel=rel_word))


def _year_cands(text: str, out: list[_Cand]) -> None:
    years = list(_YEARISH.finditer(text))
    if not years:
        return  # every pattern below has a year
    add = out.append
    if "-" in text:
        for m in _matches_at(_P_ISO, text, years):
            y, mo, d = int(m.group("year")), int(m.group("mon")), int(m.group("day"))
            if 1 <= mo <= 12 and 1 <= d <= 31:
                add(_Cand(m.start(), m.end(), "absolute", "day", mo, d, year=y))
    us_gate = _US_GATE.search(text)
    if us_gate is not None:
        for m in _P_US.finditer(text, max(0, us_gate.start() - 2)):
            mo, d, y = int(m.group("m")), int(m.group("d")), int(m.group("y"))
            if not (1900 <= y <= 2099) or not (1 <= mo <= 12) or not (1 <= d <= 31):
                continue
            if d <= 12 and d != mo:
                continue  # 3/4/2024: US or day-first? skip the ambiguous ones
            add(_Cand(m.start(), m.end(), "absolute", "day", mo, d, year=y))
    first_range = next((y for y in years if _YEAR_RANGE_TAIL.match(text, y.end())), None)
    if first_range is not None:
        # a match's first year is such a hit, after at most three runs of word characters
        # ("between the years"), each starting a match: no match starts before that
        for m in _P_YEAR_RANGE.finditer(text, _runs_back(text, first_range.start(), 3)):
            y1 = int(m.group("y1"))
            t2 = m.group("y2")
            y2 = int(t2) if len(t2) == 4 else (y1 // 100) * 100 + int(t2)
            if not (y1 < y2 <= 2099) or y2 - y1 > 100:
                continue
            worded = re.search(r"\s(?:to|until|till|through|and)\s", m.group()) is not None
            if worded and (len(t2) == 2 or not m.group("from")):
                continue  # "2017 and 2018" are two years; "2017 to 2021" needs "from"
            if _year_is_quantity(text, m.start("y1"), m.end()):
                continue
            add(_Cand(m.start(), m.end(), "range", "year", year=y1, year2=y2))
    for m in _matches_at(_P_YEAR, text, years):
        y = int(m.group("year"))
        s = m.group("s")
        if s:
            if y % 10 != 0:
                if s == "s":
                    continue
                add(_Cand(m.start(), m.end("year"), "partial", "year", year=y))
                continue
            add(_Cand(m.start(), m.end(), "partial", "decade", year=y))
            continue
        if _year_is_quantity(text, m.start(), m.end()):
            continue
        add(_Cand(m.start(), m.end(), "partial", "year", year=y))


def _unit_matches(text: str, low: str | None) -> list[re.Match[str]]:
    """``list(_P_UNIT.finditer(text))``, faster with ``low``: ``text.lower()``, when it has the same offsets.

    A _P_UNIT match is a whole word of ASCII letters, so ``low`` has a unit word where it
    starts, and a hit of _UNIT_ANCHOR in it: no hit of a word before it (ASCII letters only)
    can reach into it, and none inside it starts before its own (tests check every form of
    every unit word). Trying _P_UNIT where each hit's word starts finds every match, in order.
    """
    if low is None:
        return list(_P_UNIT.finditer(text))
    match, offset = _P_UNIT.match, _UNIT_ANCHOR_OFFSET
    return [m for h in _UNIT_ANCHOR.finditer(low) if (m := match(text, h.start() - offset[h.group()])) is not None]


def _matches_where(pattern: re.Pattern[str], text: str, words: AbstractSet[bytes]) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a pattern whose every match (in ``text``) starts with one of
    ``words`` (ASCII, as bytes) and overlaps no other: ``pattern`` tried where each is written, in order."""
    starts: set[int] = set()
    for form in words:
        word = form.decode("ascii")
        i = text.find(word)
        while i >= 0:
            starts.add(i)
            i = text.find(word, i + 1)
    match = pattern.match
    return [m for p in sorted(starts) if (m := match(text, p)) is not None]


def _unit_runs_matches(text: str, units: AbstractSet[bytes]) -> list[re.Match[str]]:
    """``list(_P_UNIT.finditer(text))`` for an ASCII text whose runs of letters (``_LETTER_RUNS``)
    that are unit words are ``units``: each match is one of those runs, where it is written, and
    no two overlap, so trying _P_UNIT where each is written finds every match, in order."""
    return _matches_where(_P_UNIT, text, units)


def _unit_cands(text: str, out: list[_Cand], low: str | None = None, units: AbstractSet[bytes] | None = None) -> None:
    add = out.append
    for m in (_unit_matches(text, low) if units is None else _unit_runs_matches(text, units)):
        raw = m.group("unit").lower()
        unit = "century" if raw.startswith("centur") else raw
        plural = m.group("pl") is not None or raw == "centurie"
        us, ue = m.start(), m.end()
        window = max(0, us - 60)
        head = _head_word(text, window, us)  # the word before: "last" in "last year", "the", "five"
        if unit in ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century"):
            t = _AGO_TAIL.match(text, ue)
            if t is not None:
                h = _search_head(_AGO_HEAD, text, window, us)
                num_s = h.group("num") if h else None
                qual = " ".join((h.group("q") or "").lower().split()) or None if h else None
                n = _num(num_s) if num_s else None
                vague: str | None = None
                ok = True
                if n is None:
                    vague = " ".join((num_s or "").lower().split())
                    if vague not in _VAGUE or (not num_s and not plural):
                        ok = False
                if qual == "some" and n is None:
                    ok = False
                if ok and h is not None:
                    start = h.start() if (num_s or qual) else us
                    d = " ".join(t.group("dir").lower().split())
                    add(_Cand(start, t.end(), "relative", "none", unit=unit, num=n, qual=qual, direction=d,
                              vague=vague))
                    continue
        if unit in ("day", "week", "month", "year", "decade"):
            h = None
            if _may_be(head, _THE_PAST_WORDS):
                # (a plain search: it fails fast on the words before "the", faster than _search_head)
                h = _THE_PAST_HEAD.search(text, window, us)
            if h is not None and _THE_PAST_TAIL.match(text, ue) is not None:
                rel = (h.group("rel") or "").lower()
                the = h.group("the").lower()
                num_s = h.group("num")
                if (rel or the == "recent") and not (num_s is None and plural and the != "recent" and rel != "recent"):
                    n = _num(num_s) if num_s else 1
                    vague2 = " ".join(num_s.lower().split()) if num_s is not None and n is None else None
                    add(_Cand(h.start(), ue, "relative", "none", rel=rel or "recent", unit=unit, num=n,
                              vague=vague2, extra="the"))
                    continue
        if unit in ("week", "month", "year", "weekend", "decade", "quarter", "spring", "summer", "fall", "autumn",
                    "winter") and not plural:
            p = _search_head(_PERIOD_HEAD, text, window, us) if _may_be(head, _PERIOD_WORDS) else None
            if p is not None and not text.startswith(("'s", "’s", "-"), ue):
                pre = (p.group("pre") or "").strip().lower()
                rel = p.group("rel").lower()
                if not pre or rel == "this" or (pre in ("early", "late") and rel in ("last", "next")):
                    add(_Cand(p.start(), ue, "relative", "none", rel=rel,
                              unit=unit, qual=pre or None))
                    if unit != "quarter":
                        continue
        if unit == "quarter":
            q = _search_head(_QUARTER_HEAD, text, window, us)
            if q is not None:
                qt = _QUARTER_TAIL.match(text, ue)
                add(_Cand(q.start(), qt.end() if qt else ue, "relative", "none", rel=q.group("ord").lower(),
                          unit="quarter", year=int(qt.group("year")) if qt else None, extra="q"))
                continue
        if unit in ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century"):
            # (with a word before the white space, no hyphen can be in it; and the "(?<=\d)$"
            # branch of _DUR_HEAD can only match before a final line break, after a number)
            if not _may_be(head if head else _head_word(text, window, us, True), _DUR_WORDS):
                continue
            h = _search_head(_DUR_HEAD, text, window, us)
            if h is None:
                continue
            num_s = h.group("num")
            nl = " ".join(num_s.lower().split())
            if nl in ("a", "an", "some", "many"):
                continue
            n = _num(num_s)
            if n is None and nl not in _VAGUE:
                continue
            if num_s.isdigit() and h.start() > 0 and text[h.start() - 1] in "$£€.,":
                continue
            tail = _DUR_TAIL.match(text, ue)
            end = tail.end() if tail else ue
            add(_Cand(h.start(), end, "duration", "none", unit=unit, num=n,
                      vague=None if n is not None else nl,
                      extra="old" if tail is not None and tail.group("old") else None))


def _select(cands: list[_Cand]) -> list[_Cand]:
    """The candidates kept: longest first among those starting together, none overlapping a kept one."""
    if len(cands) < 2:
        return cands  # nothing to settle (the loop below would copy it)
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[_Cand] = []
    last_end = -1
    for c in cands:
        if c.start >= last_end:
            out.append(c)
            last_end = c.end
        elif c.end > last_end and out and c.end - c.start > out[-1].end - out[-1].start:
            out[-1] = c
            last_end = c.end
    return out


# --------------------------------------------------------------------------- resolution

_UNIT_DELTA = {
    "day": relativedelta(days=1), "week": relativedelta(weeks=1), "month": relativedelta(months=1),
    "year": relativedelta(years=1), "decade": relativedelta(years=10), "century": relativedelta(years=100),
}


@lru_cache(maxsize=4096)
def _shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units ("month": calendar months, clamped to the month's last day), memoised."""
    return d + _UNIT_DELTA[unit] * n


_UNIT_GRAN = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade", "century": "none"}
_UNIT_HALF_DAYS = {"day": 0, "week": 3, "month": 15, "year": 182, "decade": 1826, "century": 18262}
_DUR_CODE = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
             "decade": "DE", "century": "CE"}
def _duration_timex(unit: str, n: int | None) -> str:
    """TimeML's value for an amount of time: "P3D", "PT2H", "P20Y" for two decades (TimeML
    counts decades and centuries in years), "PXY" when the amount is vague."""
    if unit in ("decade", "century"):
        return "PXY" if n is None else f"P{n * (10 if unit == 'decade' else 100)}Y"
    code = _DUR_CODE[unit]
    amount = "X" if n is None else str(n)
    return f"PT{amount}{code}" if unit in ("second", "minute", "hour") else f"P{amount}{code}"


_LESS_THAN = frozenset({"less than", "fewer than", "under", "not even", "just under", "as recently as"})
_MORE_THAN = frozenset({"more than", "over", "at least", "well over", "a little over", "a little more than",
                        "just over", "little more than", "as long as"})


def _timex_for(gran: str, d: date) -> str:
    if gran == "day":
        return _day_timex(d)
    if gran == "week":
        return _week_timex(d)
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "decade":
        return f"{d.year // 10:03d}"
    return _day_timex(d)


def _interval(gran: str, d: date) -> tuple[date, date]:
    if gran == "day":
        return d, d
    if gran == "week":
        return _week_bounds(d)
    if gran == "month":
        return date(d.year, d.month, 1), _month_last(d.year, d.month)
    if gran == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if gran == "decade":
        y = d.year // 10 * 10
        return date(y, 1, 1), date(y + 9, 12, 31)
    return d, d


def _mention(c: _Cand, text: str, base: int, tense: str, pub: date | None) -> DateMention:
    dm = DateMention(start=base + c.start, end=base + c.end, text=text[c.start:c.end], kind=c.kind, value=None,
                     granularity=c.granularity, earliest=None, latest=None, year_explicit=c.year is not None,
                     month=c.month, day=c.day, year=c.year, tense=tense)
    if c.wd is not None:
        dm.weekday = WEEKDAYS[c.wd]
        if c.wd_start is not None and c.wd_end is not None:
            dm.weekday_start, dm.weekday_end = base + c.wd_start, base + c.wd_end
    try:
        _resolve(dm, c, pub, tense)
    except (ValueError, OverflowError):  # a date outside datetime's range: leave it unresolved
        dm.value = dm.earliest = dm.latest = None
        dm.timex = None
    return dm


_DAYWORD_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def _resolve(dm: DateMention, c: _Cand, pub: date | None, tense: str) -> None:
    k = c.kind
    if c.unit is None and c.month is not None and c.day is not None:
        # month + day (+ year), possibly a day range and a weekday
        assert c.month is not None
        anchor: date | None = None
        if c.rel and c.wd is not None and pub is not None:
            anchor = resolve_weekday(c.wd, pub, tense, c.rel)
            dm.anchor_value = anchor
            dm.anchor_other = _other_reading(anchor, pub, c.rel)
            dm.relative = f"{c.rel} {WEEKDAYS[c.wd].lower()}"
        if not (1 <= c.day <= 31) or c.day > max(_days_in_month(2024, c.month), 0):
            dm.valid = False
            return
        y = c.year
        if y is None:
            if c.month == 2 and c.day == 29 and pub is None:
                return
            if pub is None:
                return
            y = _infer_md_year(c.month, c.day, pub, tense, anchor)
            if y is None:
                dm.valid = False
                return
        if not _valid_ymd(y, c.month, c.day):
            dm.valid = False
            return
        d = date(y, c.month, c.day)
        if c.day2 is not None:
            dm.granularity = "day"
            dm.earliest = d
            dm.latest = date(y, c.month, min(c.day2, _days_in_month(y, c.month)))
            return
        dm.value = d
        dm.earliest = dm.latest = d
        dm.timex = _day_timex(d)
        return
    if k == "range" and c.year2 is not None and c.year is not None:
        dm.earliest = date(c.year, 1, 1)
        dm.latest = date(c.year2, 12, 31)
        return
    if c.month is not None and c.unit is None:
        # a month: with its year, or inferred
        y = c.year
        if y is None:
            if c.rel:
                dm.kind = "relative"
                dm.relative = f"{c.rel} {MONTHS[c.month - 1].lower()}"
            if pub is None:
                return
            rel = c.rel.split()[-1] if c.rel else None
            y = _infer_month_year(c.month, pub, tense, rel if rel in ("last", "next", "this", "past", "coming") else None)
        dm.earliest, dm.latest = date(y, c.month, 1), _month_last(y, c.month)
        dm.timex = f"{y:04d}-{c.month:02d}"
        return
    if k == "partial" and c.year is not None and c.unit is None:
        if c.granularity == "decade":
            dm.earliest, dm.latest = date(c.year, 1, 1), date(c.year + 9, 12, 31)
            dm.timex = f"{c.year // 10:03d}"
        else:
            dm.earliest, dm.latest = date(c.year, 1, 1), date(c.year, 12, 31)
            dm.timex = f"{c.year:04d}"
        return
    if k == "duration":
        dm.granularity = "none"
        unit = c.unit or "day"
        dm.timex = _duration_timex(unit, c.num)
        if c.extra == "old":
            dm.relative = None
        return
    # ---- relative expressions
    dm.year_explicit = c.year is not None
    if c.wd is not None:
        dm.relative = f"{c.rel} {WEEKDAYS[c.wd].lower()}" if c.rel else None
        dm.granularity = "day"
        if pub is not None:
            d = resolve_weekday(c.wd, pub, tense, c.rel)
            dm.value = dm.earliest = dm.latest = d
            dm.timex = _day_timex(d)
        return
    if c.rel in ("today", "yesterday", "tomorrow", "tonight"):
        dm.relative = c.rel
        dm.granularity = "day"
        if pub is not None:
            d = pub + timedelta(days=_DAYWORD_SHIFT[c.rel])
            dm.value = dm.earliest = dm.latest = d
            dm.timex = _day_timex(d)
        return
    if c.rel == "now":
        dm.relative = "now"
        dm.granularity = "day"
        if pub is not None:
            dm.value = dm.earliest = dm.latest = pub
        dm.timex = "PRESENT_REF"
        return
    if c.extra == "q":
        _resolve_quarter(dm, c, pub, tense)
        return
    if c.extra == "the":
        _resolve_the_past(dm, c, pub)
        return
    if c.direction is not None:
        _resolve_ago(dm, c, pub)
        return
    if c.unit is not None and c.rel is not None:
        _resolve_period(dm, c, pub)
        return


def _resolve_period(dm: DateMention, c: _Cand, pub: date | None) -> None:
    """"last week", "this year", "next month", "earlier this month", "last summer" ..."""
    rel, unit = c.rel or "", c.unit or ""
    rel = {"past": "last", "coming": "next"}.get(rel, rel)
    dm.relative = f"{c.qual} {rel} {unit}" if c.qual else f"{rel} {unit}"
    step = {"last": -1, "this": 0, "next": 1}[rel]
    if unit in _SEASONS:
        dm.granularity = "none"
        if pub is None:
            return
        sm, code = _SEASONS[unit]
        y = pub.year
        this_a, this_b = _season_bounds(y - 1 if sm == 12 and pub.month <= 2 else y, sm)
        if step == 0:
            a, b = this_a, this_b
        elif step < 0:
            yy = this_a.year if this_b < pub else this_a.year - 1
            a, b = _season_bounds(yy, sm)
        else:
            yy = this_a.year if this_a > pub else this_a.year + 1
            a, b = _season_bounds(yy, sm)
        dm.earliest, dm.latest = a, b
        dm.timex = f"{a.year:04d}-{code}"
        return
    if unit == "weekend":
        dm.granularity = "none"
        if pub is None:
            return
        sat = pub + timedelta(days=(5 - pub.weekday()))
        if step < 0:
            sat = sat - timedelta(days=7) if sat >= pub else sat
            if sat >= pub:
                sat -= timedelta(days=7)
        elif step > 0 and sat <= pub:
            sat += timedelta(days=7)
        dm.earliest, dm.latest = sat, sat + timedelta(days=1)
        dm.timex = f"{_week_timex(sat)}-WE"
        return
    if unit == "quarter":
        dm.granularity = "none"
        if pub is None:
            return
        q = (pub.month - 1) // 3 + step
        y = pub.year + (q // 4)
        q = q % 4
        a = date(y, q * 3 + 1, 1)
        dm.earliest, dm.latest = a, _shift(a, "month", 3) - timedelta(days=1)
        dm.timex = f"{y:04d}-Q{q + 1}"
        return
    gran = _UNIT_GRAN[unit]
    dm.granularity = gran
    if pub is None:
        return
    d = _shift(pub, unit, step)
    a, b = _interval(gran, d)
    if c.qual == "earlier" and step == 0:
        b = pub
    elif c.qual == "later" and step == 0:
        a = pub
    elif c.qual == "early":
        b = a + (b - a) / 3
    elif c.qual == "late":
        a = b - (b - a) / 3
    dm.earliest, dm.latest = a, b
    dm.timex = _timex_for(gran, d)


def _resolve_the_past(dm: DateMention, c: _Cand, pub: date | None) -> None:
    """"the past year", "the last two weeks", "the next few months", "recent years"."""
    rel = c.rel or "recent"
    unit = c.unit or "year"
    n = c.num
    dm.granularity = "none"
    shown = c.vague if c.vague else ("" if n in (None, 1) else str(n))
    dm.relative = " ".join(x for x in ("the", rel, shown, unit + ("s" if shown else "")) if x)
    if rel == "recent" or n is None:
        dm.timex = "PAST_REF" if rel in ("past", "last", "previous", "recent") else (
            "FUTURE_REF" if rel in ("next", "coming", "following") else None)
        if pub is not None and c.vague in _VAGUE and rel in ("past", "last", "previous"):
            lo, hi = _VAGUE[c.vague]
            dm.earliest, dm.latest = _shift(pub, unit, -hi), pub
        return
    dm.timex = _duration_timex(unit, n)
    if pub is None:
        return
    if rel in ("past", "last", "previous"):
        dm.earliest, dm.latest = _shift(pub, unit, -n), pub
    elif rel in ("next", "coming", "following"):
        dm.earliest, dm.latest = pub, _shift(pub, unit, n)


def _resolve_ago(dm: DateMention, c: _Cand, pub: date | None) -> None:
    """"two years ago", "barely one month ago", "weeks ago", "a year later"."""
    unit = c.unit or "day"
    direction = c.direction or "ago"
    n = c.num
    shown = c.vague if c.vague is not None else str(n)
    words = [w for w in (c.qual, shown, unit + ("" if n == 1 else "s"), direction) if w]
    dm.relative = " ".join(words)
    dm.granularity = _UNIT_GRAN.get(unit, "none")
    if unit in ("second", "minute", "hour"):
        dm.granularity = "day"
    if direction not in ("ago", "from now", "hence"):
        dm.granularity = "none"
        return  # relative to another event in the text, not to publication
    sign = -1 if direction == "ago" else 1
    if n is None:
        dm.timex = "PAST_REF" if sign < 0 else "FUTURE_REF"
        dm.granularity = "none"
        if pub is None or unit not in _UNIT_DELTA:
            return
        lo, hi = _VAGUE.get(c.vague or "", (2, 10))
        a, b = _shift(pub, unit, sign * hi), _shift(pub, unit, sign * lo)
        dm.earliest, dm.latest = min(a, b), max(a, b)
        return
    if pub is None:
        return
    if unit in ("second", "minute", "hour"):
        delta = timedelta(hours=n) if unit == "hour" else timedelta(minutes=n if unit == "minute" else 0)
        d = (pub + delta) if sign > 0 else (pub - delta) if unit == "hour" else pub
        if isinstance(d, date):
            dm.value = dm.earliest = dm.latest = d
            dm.timex = _day_timex(d)
        return
    d = _shift(pub, unit, sign * n)
    dm.value = d
    dm.timex = _timex_for(dm.granularity, d)
    half = timedelta(days=_UNIT_HALF_DAYS[unit])
    q = c.qual or ""
    if sign < 0:
        if q in _LESS_THAN:
            dm.earliest, dm.latest = d, pub
        elif q in _MORE_THAN:
            dm.earliest, dm.latest = None, d
        else:
            dm.earliest, dm.latest = d - half, min(d + half, pub)
    else:
        if q in _LESS_THAN:
            dm.earliest, dm.latest = pub, d
        elif q in _MORE_THAN:
            dm.earliest, dm.latest = d, None
        else:
            dm.earliest, dm.latest = max(d - half, pub), d + half


def _resolve_quarter(dm: DateMention, c: _Cand, pub: date | None, tense: str) -> None:
    """"the third quarter", "fourth-quarter", "the first quarter of 1990"."""
    dm.granularity = "none"
    ords = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
    rel = c.rel or ""
    dm.relative = f"{rel} quarter"
    if rel in ords:
        q = ords[rel]
        if c.year is not None:
            y = c.year
        elif pub is None:
            return
        else:
            cur_q = (pub.month - 1) // 3 + 1
            # news default: the latest such quarter not after the current one, future tense ahead
            if tense == "future":
                y = pub.year if q >= cur_q else pub.year + 1
            else:
                y = pub.year if q <= cur_q else pub.year - 1
    elif rel in ("last", "latest", "previous", "current", "year-ago"):
        if pub is None:
            return
        cur = (pub.month - 1) // 3
        idx = cur - 1 if rel in ("last", "latest", "previous") else cur
        y = pub.year + idx // 4
        q = idx % 4 + 1
        if rel == "year-ago":
            idx = cur - 1
            y = pub.year - 1 + idx // 4
            q = idx % 4 + 1
    else:
        return
    a = date(y, (q - 1) * 3 + 1, 1)
    dm.earliest, dm.latest = a, _shift(a, "month", 3) - timedelta(days=1)
    dm.timex = f"{y:04d}-Q{q}"


# --------------------------------------------------------------------------- entry point

# Cheap pre-check: any text without a digit, a capitalised month/weekday or a relative word
# cannot hold a date mention. The words _P_UNIT, _P_NOW and _P_DAYWORD take with a capital too
# ("Hours later, police arrived", "Currently, ...", "Tonight, ...", "Last Summer" in a headline)
# are here in both forms ("Decade" holds "Dec", "Today" and "Yesterday" hold "day").
_DIGIT = recache.compile(r"\d")
_TRIGGER_WORD = recache.compile(_prefix_tree(
    "January February March April May June July August Sept Sep Oct Nov Dec Jan Feb Mar Apr Jun Jul Aug "
    "day week month year decade centur now ago tonight omorrow hour minute second currently present quarter "
    "spring summer fall autumn winter DAY "
    "Day Week Month Year Centur Now Tonight Hour Minute Second Currently Quarter Spring Summer Fall Autumn "
    "Winter".split()
))


def _has_digit(text: str) -> bool:
    """Whether ``_DIGIT`` finds a digit in ``text``; in ASCII text, as kept by :func:`_ascii_facts`."""
    if text.isascii():
        return _ascii_digit(text)
    return _DIGIT.search(text) is not None


def extract_dates(text: str, base: int = 0, pub: date | None = None,
                  quoted_spans: Sequence[tuple[int, int]] = (),
                  clauses: ClauseCache | None = None) -> list[DateMention]:
    """All date expressions in ``text`` (a sentence or paragraph starting at absolute offset ``base``).

    ``pub`` is the publication date used to resolve partial and relative expressions (None
    leaves them unresolved); a mention inside one of ``quoted_spans`` (absolute offsets) gets
    ``reported=True``.  Mentions come back in text order and never overlap. ``clauses``, when
    given, is a clause cache for ``text`` (see :func:`detect_governor`; its boundaries are
    ``sentence_boundaries(text)``) that later look-ups in the same text may share.
    """
    if not text:
        return []
    if text.isascii():
        runs, digit = _ascii_facts(text)
        found = _GATE_WORDS.intersection(runs)  # without a digit or one of these, _candidates finds nothing
        if not digit and (not found or _TRIGGER_WORD.search(text) is None):
            return []
        chosen = _select(_candidates(text, found))
    else:
        if not (_DIGIT.search(text) or _TRIGGER_WORD.search(text)):
            return []
        chosen = _select(_candidates_any(text))
    if not chosen:  # (an ordinal day needs a month mention before it)
        return []
    chosen = _add_ordinal_days(text, chosen)
    bounds = sentence_boundaries(text)
    if clauses is None:
        clauses = {}
    out: list[DateMention] = []
    for c in chosen:
        gov = detect_governor(text, c.start, c.end, bounds, cache=clauses)
        dm = _mention(c, text, base, gov.tense, pub)
        g_start, g_end = gov.start, gov.end
        dm.tense_before = gov.before
        dm.preposition = _preposition_before(text, c.start)
        if gov.before and g_end is not None:
            gap = text[g_end:c.start].split()  # no word: empty or white space (or g_end after c.start)
            dm.after_verb = not gap
            if g_end <= c.start:
                dm.verb_gap_text = " ".join(gap)
                dm.verb_gap = len(gap)
        if g_start is not None and g_end is not None:
            dm.verb_group = text[g_start:g_end]
            lead = text[max(0, g_start - 30):g_start].rsplit(None, 1)  # [..., the last word]
            dm.verb_lead = lead[-1].lower() if lead else None
        out.append(dm)
    if quoted_spans:
        mark_reported(out, quoted_spans)
    return out


def mark_reported(mentions: Sequence[DateMention], quoted_spans: Sequence[tuple[int, int]]) -> None:
    """Set ``reported`` on the mentions inside one of ``quoted_spans`` (absolute offsets)."""
    for dm in mentions:
        for qs, qe in quoted_spans:
            if qs <= dm.start and dm.end <= qe:
                dm.reported = True
                break


_PREP_BEFORE = recache.compile(r"\b([A-Za-z]+)\s+$")


def _preposition_before(text: str, start: int) -> str | None:
    """The preposition right before ``text[start:]`` ("on" in "met on Jan. 3"), lower case, or None.

    That is the word ``_PREP_BEFORE`` finds in ``text[max(0, start - 16):start]``, when it is one of
    ``_PREPOSITIONS``. The usual case is answered without the search: when the white space ending
    that stretch follows a run of ASCII letters after a space (or at the stretch's start), the
    pattern can match only there, and does unless the run starts the stretch right after a word
    character; otherwise :func:`_preposition_search` searches.
    """
    lo = max(0, start - 16)
    seg = text[lo:start]
    head = seg.rstrip()  # str.rstrip() and "\s" agree on what white space is
    if len(head) == len(seg):
        return None  # "\s+$" needs white space at the end
    word = head[head.rfind(" ") + 1:]
    if word.isascii() and word.isalpha():  # ASCII letters, after a space or at ``lo``
        if len(word) == len(head) and lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] == "_"):
            return None  # no "\b" at ``lo``, and none later inside the run
        w = word.lower()
        return w if w in _PREPOSITIONS else None
    return _preposition_search(text, lo, start)


def _preposition_search(text: str, lo: int, start: int) -> str | None:
    """:func:`_preposition_before` by the search, for the stretch ``text[lo:start]``."""
    if not _may_be(_head_word(text, lo, start), _PREPOSITIONS):
        return None
    m = _PREP_BEFORE.search(text, lo, start)
    if m is None:
        return None
    w = m.group(1).lower()
    return w if w in _PREPOSITIONS else None


def _add_ordinal_days(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """"the 23rd" is a day only when a month (with a day) was mentioned earlier in the same text."""
    if "the" not in text and "The" not in text:  # ("the" then any white space: "the\n23rd" when hard-wrapped)
        return chosen
    months = [c for c in chosen if c.month is not None]
    gate = _ORDINAL_GATE.search(text) if months else None
    if gate is None:
        return chosen
    extra: list[_Cand] = []
    for m in _P_ORDINAL_DAY.finditer(text, max(0, gate.start() - 1)):  # each match holds a hit after its first letter
        prior = [c for c in months if c.end <= m.start()]
        if not prior:
            continue
        ref = prior[-1]
        day = int(m.group("day"))
        if not (1 <= day <= 31) or any(c.start < m.end() and m.start() < c.end for c in chosen):
            continue
        if _ORDINAL_OF_SOMETHING.match(text, m.end()) and not _ORDINAL_MONTH_BEFORE.search(
                text, max(0, m.start() - 12), m.start()):
            continue  # "the 12th consecutive drop": an ordinal, not a day
        assert ref.month is not None
        extra.append(_Cand(m.start(), m.end(), "partial", "day", ref.month, day))
    if not extra:
        return chosen
    return sorted(chosen + extra, key=lambda c: c.start)


# --------------------------------------------------------------------------- relations between mentions

# Between a relative expression and the absolute one that restates it: "two years ago, in 2019",
# "yesterday (March 3)", "in 2019 - two years ago". Plain juxtaposition ("March last year") is
# a composition, not a restatement, so punctuation or a preposition is required.
_RESTATE_GAP = recache.compile(r"\s*(?P<p>,|\(|–|—|--?)?\s*(?P<prep>(?:in|on|during)\s+)?")
_ASIDE_END = recache.compile(r"\s*(?:[,.;:!?)\]—–-]|\Z)")
_LIST_AFTER = recache.compile(r"\s*,?\s*(?:and|or|to|through|until)\b|\s*[-–]\s*\d")


def _restates(rel: DateMention, ab: DateMention) -> bool:
    if rel.kind != "relative" or rel.relative in (None, "now") or ab.kind not in ("absolute", "partial"):
        return False
    if rel.granularity == "day":
        return ab.granularity == "day" and ab.value is not None
    if rel.granularity in ("week", "month") and ab.granularity in ("day", "month") and ab.earliest is not None:
        return True  # "two weeks ago, on March 1": the year is the one nearest publication
    return ab.year_explicit


def pair_restatements(text: str, base: int, mentions: Sequence[DateMention]) -> dict[int, int]:
    """Relative expressions restated by an absolute one beside them: {relative index: absolute index}.

    ``mentions`` are those of ``text`` (which starts at absolute offset ``base``), in order, as
    :func:`extract_dates` returns them. Pairs: "two years ago, in 2019", "last year (2019)",
    "yesterday, March 3", and the absolute first when a comma, dash or bracket separates them
    ("in 2019 - two years ago"), unless a list goes on ("in 1985, last year and this year").
    """
    out: dict[int, int] = {}
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        gap = text[a.end - base:b.start - base]
        m = _RESTATE_GAP.fullmatch(gap)
        if m is None or not (m.group("p") or m.group("prep")):
            continue
        if _restates(a, b):
            out[i] = i + 1
        elif _restates(b, a) and m.group("p") and not m.group("prep"):
            # "in 2019 - two years ago -": the relative closes the aside, no verb after it
            if _LIST_AFTER.match(text, b.end - base) is None and _ASIDE_END.match(text, b.end - base):
                out[i + 1] = i
    return out


_SPEECH_WORDS = list(word_set("speech-verbs", "dated-speech"))  # rules/lexicons/speech-verbs.yaml
_SPEECH = recache.compile(r"\b(?:" + "|".join(_SPEECH_WORDS) + r"|according\s+to)\b")


def _word_start_tree(words: Sequence[str]) -> str:
    """``\\b(?:words)`` for words (spaces: ``\\s+``) that start with a word character, written with
    each branch starting with its first letter and the ``\\b`` after it as ``(?<!\\w.)`` ("no word
    character before that letter"): the engine then skips ahead to those letters, and a hit
    inside a word fails at once instead of walking the branch."""
    tails: dict[str, list[str]] = {}
    for w in words:
        if len(w) < 2 or not w[0].isalnum():
            raise ValueError(f"not a word of two letters or more: {w!r}")
        tails.setdefault(w[0], []).append(w[1:])
    return "(?:" + "|".join(re.escape(c) + r"(?<!\w.)" + prefix_tree(t, space=r"\s+") for c, t in tails.items()) + ")"


# _SPEECH, faster to scan for (see _word_start_tree) than it, or than a scan for where its
# words start followed by a match there: every word matches a whole run of word characters
# (or two, "according to"), so the order of the branches does not change what matches
_SPEECH_FAST = recache.compile(_word_start_tree([*_SPEECH_WORDS, "according to"]) + r"\b")
#: the runs of letters a match of _SPEECH_FAST is, or (for "according to") starts with
_SPEECH_RUNS = frozenset(w.encode("ascii") for w in [*_SPEECH_WORDS, "according"])
gate_runs(_SPEECH_RUNS)
# A speech verb then, within a few words, the date it was said on: "said on Monday", "told
# reporters in December 2023"; or the date first: "On Monday, Trump said", "In December 2023 he said".
_SAID_THEN_DATE = recache.compile(
    r"(?:\s+(?!(?:that|he|she|it|they|we|i|you|will|would|is|are|was|were|be|has|have|had)\b)"
    r"[\w.'’-]+){0,3}?\s*,?\s+(?P<prep>(?:on|in|at|during|late|early|earlier)\s+)?"
)
_DATE_THEN_SAID = recache.compile(
    r",?(?:\s+(?!(?:that|will|would|is|are|was|were|be|has|have|had)\b)[\w.'’-]+){0,4}?\s+"
)


def speech_verbs(text: str, quoted_spans: Sequence[tuple[int, int]] = (), base: int = 0) -> list[tuple[int, int]]:
    """Spans (local offsets into ``text``) of the reporting verbs outside the quoted spans (absolute)."""
    out: list[tuple[int, int]] = []
    if text.isascii():  # a match is a whole run of letters, one of _SPEECH_RUNS (see _LETTER_RUNS)
        found = _SPEECH_RUNS.intersection(_letter_runs(text))
        if not found:
            return out
        matches: Iterable[re.Match[str]] = _matches_where(_SPEECH_FAST, text, found)
    else:
        matches = _SPEECH_FAST.finditer(text)  # _SPEECH.finditer(text)
    for m in matches:
        a = base + m.start()
        if any(qs <= a < qe for qs, qe in quoted_spans):
            continue
        out.append((m.start(), m.end()))
    return out


def speech_times(text: str, base: int, mentions: Sequence[DateMention],
                 quoted_spans: Sequence[tuple[int, int]] = (),
                 verbs: Sequence[tuple[int, int]] | None = None) -> dict[int, int]:
    """For each mention in reported speech, the mention saying when the words were spoken.

    Returns {mention index: index of the speech-time mention}. A mention is in reported speech
    when it is inside a direct quote or when its sentence (``text``, at offset ``base``) has a
    reporting verb outside quotes ("said", "told", "according to"); the speech time is a date
    written beside that verb, outside the quotes: "he said in December 2023", "On Monday, Trump
    told reporters". Mentions with no speech time given are left out. ``verbs`` are the
    reporting verbs :func:`speech_verbs` finds (computed when not given).
    """
    if verbs is None:
        verbs = speech_verbs(text, quoted_spans, base)
    if not verbs:
        return {}

    def quoted(d: DateMention) -> bool:
        return any(qs <= d.start and d.end <= qe for qs, qe in quoted_spans)

    said: list[int] = []
    for vs, ve in verbs:
        best: tuple[int, int] | None = None
        for k, d in enumerate(mentions):
            if quoted(d) or d.kind == "duration":
                continue
            ds, de = d.start - base, d.end - base
            if ds >= ve:
                gap = text[ve:ds]
                g = _SAID_THEN_DATE.fullmatch(gap)
                # without a preposition only a day word reads as the time of speaking ("said
                # Thursday", "told reporters yesterday"); "reported February sales" is an object
                ok = (g is not None and "“" not in gap and '"' not in gap
                      and (g.group("prep") is not None or d.kind in ("weekday", "relative")))
                dist = ds - ve
            elif de <= vs:
                gap = text[de:vs]
                ok = _DATE_THEN_SAID.fullmatch(gap) is not None and "”" not in gap and '"' not in gap
                dist = vs - de
            else:
                continue
            if ok and (best is None or dist < best[0]):
                best = (dist, k)
        if best is not None:
            said.append(best[1])
    if not said:
        return {}
    out: dict[int, int] = {}
    for i, _d in enumerate(mentions):
        if i in said:
            continue
        out[i] = said[0] if len(said) == 1 else min(said, key=lambda k: abs(mentions[k].start - mentions[i].start))
    return out
