"""Stated amounts of time between two points the text gives: intervals, anniversaries, ordinals.

One job: find each claim that an amount of time separates two time points, link it to both
points, and say how much time really lies between them. Whether the claim is wrong is the
rules' business (``date/interval-mismatch``, ``date/anniversary-mismatch``).

Claims (``Interval.kind``) and their endpoints, in the sentence:

- ``after`` / ``before``: "on Thursday, two days after Monday's vote", "Three years after the
  2019 election, in 2021": from the point after the preposition (a date, or a knowledge-base
  event) to the clause's own date, or to publication when the clause is in the present tense;
- ``later`` / ``earlier``: "arrested on May 1 and released three days later, on May 6": from
  the sentence's earlier date to the one restating "later";
- ``since`` / ``for``: "has led the company since 2010, for 12 years", "in the 10 years since
  the 2014 referendum": from the "since" point to publication (present or present perfect) or
  to the clause's own date;
- ``ordinal``: "the strike, now in its third week, began on Oct. 2", "the war ... entered its
  fourth year": from the start ("began", "started", "since") to publication (or the clause's
  date), counted from one;
- ``anniversary`` / ``turns``: "founded in 1949, the alliance marks its 70th anniversary this
  week", "the 80th anniversary of D-Day", "the bridge, opened in 1958, turns 60 next year": from
  the founding (a date after "founded", "opened", "signed" ..., or a KB event) to the time the
  clause speaks of, in calendar years.

"N ago" restated by a date ("50 years ago, in 1969") is ``linter.extract.dates``'s pairing and
``date/relative-mismatch``'s.

Tolerance follows the wording (``allowed``): a plain amount must match the elapsed time rounded
either way; "nearly"/"almost" allow one unit less, "more than"/"over" any larger amount, "about"
a fifth either way; an ordinal day or week may be off by one (counting conventions differ), an ordinal
month or year may not. An
endpoint is ``explicit`` when the text writes it (a date, a weekday, a relative day, a KB event)
and ``publication`` when it is the publication date by default; rules give an error only when
both are explicit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from linter import recache
from linter.extract.dates import WEEKDAYS, _case_forms, _letter_runs, gate_runs, resolve_weekday
from linter.extract.reftime import reference_time

__all__ = ["Interval", "allowed", "elapsed", "extract_intervals", "may_claim", "ordinal_value"]

_UNITS = ("day", "week", "month", "year", "decade")
_CARDINAL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100,
}
_ORDINAL = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_CARD_WORD = (r"(?:" + _TENS + r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
              r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
              r"sixteen|seventeen|eighteen|nineteen|a|an|a\s+hundred|one\s+hundred|hundred)")
_NUM = r"(?:\d{1,3}|" + _CARD_WORD + r")"
_ORD_WORD = (r"(?:(?:" + _TENS + r"[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
             r"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
             r"nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|"
             r"hundredth)")
_ORD = r"(?:\d{1,3}(?:st|nd|rd|th)|" + _ORD_WORD + r")"
_QUAL = (r"(?:nearly|almost|about|around|roughly|approximately|some|more\s+than|over|just\s+over|"
         r"less\s+than|under|just\s+under|fewer\s+than|at\s+least|close\s+to|exactly|precisely|only|just)")
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?)"

_AFTER = recache.compile(rf"(?i)\b(?:(?P<q>{_QUAL})\s+)?(?P<n>{_NUM})[\s-]+{_UNIT}\s+(?P<dir>after|before)\s+")
_LATER = recache.compile(rf"(?i)\b(?:(?P<q>{_QUAL})\s+)?(?P<n>{_NUM})[\s-]+{_UNIT}\s+(?P<dir>later|earlier)"
                         r"\s*,\s*(?:on\s+|in\s+)?")
_SINCE_N = recache.compile(rf"(?i)\b(?:(?P<q>{_QUAL})\s+)?(?P<n>{_NUM})[\s-]+{_UNIT}\s+since\s+")
_FOR_N = recache.compile(rf"(?i)\bfor\s+(?:(?P<q>{_QUAL})\s+)?(?:the\s+(?:past|last)\s+)?(?P<n>{_NUM})[\s-]+{_UNIT}\b")
_ORDINAL_PERIOD = recache.compile(rf"(?i)\b(?:in|into|entered|enters|entering|enter)\s+its\s+(?P<n>{_ORD})\s+"
                                  r"(?P<unit>day|week|month|year)\b")
_ANNIVERSARY = recache.compile(rf"(?i)\b(?P<n>{_ORD})\s+anniversary\b")
_TURNS = recache.compile(rf"(?i)\bturn(?:s|ed|ing)?\s+(?P<n>{_NUM})\b(?!\s*(?:%|percent|per\s+cent|points?|degrees|"
                         r"million|billion|pounds|dollars|kilos?|km|miles|times)\b)(?![\w.-])")
#: verbs of starting that date the start of a period: "began on Oct. 2", "started in 2019", "since"
_BEGAN = recache.compile(r"(?i)\b(?:began|begun|begin|started|starting|start|erupted|broke\s+out|launched|since|"
                         r"kicked\s+off|opened)\b[\w\s,'’-]{0,20}?$")
#: verbs of founding that date what an anniversary counts from: "founded in 1949"
_FOUNDED = recache.compile(r"(?i)\b(?:founded|established|created|opened|built|launched|formed|set\s+up|"
                           r"inaugurated|signed|completed|introduced|chartered|incorporated|enacted|adopted|"
                           r"ratified|first\s+(?:held|published|aired|broadcast|opened)|debuted|premiered|since)\b"
                           r"[\w\s'’-]{0,12}?$")

_PRESENT = frozenset({"present", "present_perfect", "future"})
_NOW = frozenset({"present", "present_perfect"})
_PERFECT = frozenset({"present_perfect"})
#: what may stand between "after"/"since" and the point it names: "after [the] 2019 election"
_POINT_GAP = recache.compile(r"(?i)(?:the|last|this|a|an)?\s*")
#: words before a comparison, not an interval: "from a year earlier", "than a week before"
_COMPARISON = recache.compile(r"(?i)\b(?:from|than|compared\s+with|compared\s+to|versus|vs\.?|over)\s+$")
#: words before "a"/"an" that make it an amount of time ("it has been a year since"), not a rate
#: ("20 pct a year since 1981")
_A_AMOUNT = recache.compile(r"(?i)\b(?:been|for|in|nearly|almost|about|over|than|just|exactly|only|some|barely|than)\s+$")
#: a necessary condition for an interval claim in a sentence (one of the words the patterns above
#: and the gates of ``extract_intervals`` need), as written and, for lower-cased ASCII text, without
#: the word boundary before it, with each word's first letters
#: the words before "its" in _ORDINAL_PERIOD ("in its third week", "entered its second year")
_INTO_ALT = r"(?:in(?:to)?|enter(?:s|ed|ing)?)\s+its"
_CLAIM_WORD = recache.compile(rf"(?i)\b(?:after|before|later|earlier|since|anniversary|turn(?:s|ed|ing)?|{_INTO_ALT})\b")
_CLAIM_LOW = recache.compile(rf"(?:after|before|later|earlier|since|anniversary|turn(?:s|ed|ing)?|{_INTO_ALT})\b")
_CLAIM_WORDS = ("after", "before", "later", "earlier", "since", "anniversary", "turn")
_IN_ITS = recache.compile(_INTO_ALT)  # the rest of _CLAIM_LOW
#: The runs of letters (``dates._letter_runs``) of an ASCII text _CLAIM_WORD matches: a word
#: bounded by non-word characters is a whole run of letters, and "in its" has two.
_CLAIM_RUNS = _case_forms(*_CLAIM_WORDS, "turns", "turned", "turning")
_IN_RUNS = _case_forms("in", "into", "enter", "enters", "entered", "entering")
_ITS_RUNS = _case_forms("its")
gate_runs(_CLAIM_RUNS, _IN_RUNS, _ITS_RUNS)
#: What every match of _AFTER, _LATER and _SINCE_N holds (a unit, then its direction word), found
#: far faster than they are: a sentence without it is not searched with them.
_AFTER_GATE = recache.compile(r"(?i)(?:day|week|month|year|decade)s?\s+(?:after|before)\s")
_LATER_GATE = recache.compile(r"(?i)(?:day|week|month|year|decade)s?\s+(?:later|earlier)")
_SINCE_GATE = recache.compile(r"(?i)(?:day|week|month|year|decade)s?\s+since\s")
#: a weekday written as a possessive, which the date extractor leaves alone: "Monday's vote"
_POSSESSIVE_WD = recache.compile(r"(?:the\s+|last\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]s\b")


@dataclass(slots=True)
class Interval:
    """One stated amount of time and the two points it separates; absolute offsets."""

    start: int
    end: int
    text: str
    kind: str  # after, before, later, earlier, since, for, ordinal, anniversary, turns
    amount: int
    unit: str  # day, week, month, year, decade
    qualifier: str | None
    frm: tuple[date, date]  # the earlier point (first and last day it may be)
    to: tuple[date, date]  # the later point
    frm_text: str
    to_text: str
    frm_source: str  # explicit (written), event (a KB event), publication (the default)
    to_source: str

    @property
    def certain(self) -> bool:
        return self.frm_source != "publication" and self.to_source != "publication"

    @property
    def actual(self) -> tuple[int, int]:
        """The amount of time between the points, in the claim's units, the least and the most
        the points allow (ordinals and anniversaries counted as the text counts them)."""
        if self.kind in ("anniversary", "turns"):
            lo = self.to[0].year - self.frm[1].year
            hi = self.to[1].year - self.frm[0].year
            return (lo, hi)
        lo_e = elapsed(self.frm[1], self.to[0], self.unit)
        hi_e = elapsed(self.frm[0], self.to[1], self.unit)
        if self.kind == "ordinal":
            return (int(lo_e) + 1, int(hi_e) + 1)
        return (int(lo_e), -int(-hi_e))  # floor and ceiling

    @property
    def mismatch(self) -> bool:
        # an ordinal day or week may be counted either way; a month or a year may not
        kind = self.kind if self.unit in ("day", "week") else ""
        lo, hi = allowed(self.amount, self.qualifier, kind)
        a_lo, a_hi = self.actual
        return a_hi < lo or a_lo > hi


def elapsed(a: date, b: date, unit: str) -> float:
    """The time from ``a`` to ``b`` in ``unit`` (negative when ``b`` is before ``a``)."""
    if unit == "day":
        return float((b - a).days)
    if unit == "week":
        return (b - a).days / 7
    months = (b.year - a.year) * 12 + (b.month - a.month) + (b.day - a.day) / 31
    if unit == "month":
        return months
    if unit == "year":
        return months / 12
    return months / 120  # decade


def allowed(amount: int, qualifier: str | None, kind: str = "") -> tuple[float, float]:
    """The true amounts (in whole units, as ``Interval.actual`` counts) the wording allows."""
    q = " ".join((qualifier or "").lower().split())
    slack = 1 if kind == "ordinal" else 0  # (ordinal months and years: see Interval.mismatch)
    if q in ("nearly", "almost", "just under", "close to"):
        return (amount - 1, amount)
    if q in ("more than", "over", "just over", "at least"):
        return (amount, float("inf"))
    if q in ("less than", "under", "fewer than"):
        return (0, amount)
    if q in ("about", "around", "roughly", "approximately", "some"):
        return (amount * 0.8 - 1, amount * 1.2 + 1)
    return (amount - slack, amount + slack)


def ordinal_value(word: str) -> int | None:
    """ "70th" -> 70, "seventy-fifth" -> 75, "third" -> 3."""
    w = word.lower().replace(" ", "-")
    m = re.match(r"(\d+)(?:st|nd|rd|th)$", w)
    if m:
        return int(m.group(1))
    if w in _ORDINAL:
        return _ORDINAL[w]
    tens, _, unit = w.partition("-")
    if tens in _CARDINAL and unit in _ORDINAL:
        return _CARDINAL[tens] + _ORDINAL[unit]
    return None


def _cardinal(word: str) -> int | None:
    w = " ".join(word.lower().replace("-", " ").split())
    if w.isdigit():
        return int(w)
    if w in ("a hundred", "one hundred"):
        return 100
    if w in _CARDINAL:
        return _CARDINAL[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in _CARDINAL and parts[1] in _CARDINAL and _CARDINAL[parts[1]] < 10:
        return _CARDINAL[parts[0]] + _CARDINAL[parts[1]]
    return None


def _unit(raw: str) -> str:
    u = raw.lower().rstrip("s")
    return u if u in _UNITS else "day"


@dataclass(slots=True)
class _Point:
    lo: date
    hi: date
    text: str
    start: int  # absolute
    end: int
    source: str


def _date_point(d: Any) -> _Point | None:
    """A date mention as an endpoint: only one that names a time (not a duration, not vague)."""
    if d.kind not in ("absolute", "partial", "weekday", "relative") or d.earliest is None or d.latest is None:
        return None
    if d.kind == "relative" and d.granularity not in ("day", "week", "month", "year"):
        return None
    if d.kind in ("absolute", "partial") and d.month is None and d.year is None:
        return None  # "the 26th": a bare ordinal, too often not a date at all
    return _Point(d.earliest, d.latest, d.text, d.start, d.end, "explicit")


def _event_point(e: Any) -> _Point:
    return _Point(e.event_date, e.event_end or e.event_date, e.text, e.start, e.end, "event")


def _point_at(pos: int, dates: Sequence[Any], events: Sequence[Any], reach: int = 40,
              text: str = "", base: int = 0, pub: date | None = None) -> _Point | None:
    """The date or event that starts within ``reach`` characters after ``pos`` (absolute), first;
    else a possessive weekday right there ("Monday's vote", the most recent Monday)."""
    best: _Point | None = None
    if text and pub is not None:
        m = _POSSESSIVE_WD.match(text, pos - base)
        if m is not None:
            d = resolve_weekday(WEEKDAYS.index(m.group("wd")), pub, "past", "last" if m.group(0).startswith("last") else None)
            best = _Point(d, d, m.group(0), base + m.start(), base + m.end(), "explicit")
    for d in dates:
        if pos <= d.start <= pos + reach and _gap_ok(text, base, pos, d.start):
            p = _date_point(d)
            if p is not None and (best is None or p.start < best.start):
                best = p
    for e in events:
        if pos <= e.start <= pos + reach and _gap_ok(text, base, pos, e.start) and (best is None or e.start < best.start):
            best = _event_point(e)
    return best


def _gap_ok(text: str, base: int, pos: int, at: int) -> bool:
    """Only an article or "last" between the preposition and the point (no text: no check)."""
    if not text:
        return True
    return _POINT_GAP.fullmatch(text, pos - base, at - base) is not None


def may_claim(text: str) -> bool:
    """Whether ``text`` has a word an interval claim needs (``_CLAIM_WORD``): a sentence without one
    holds none. In ASCII text, which holds one only when its runs of letters (memoised) hold the
    word ("in" and "its" for "in its"), a search of the lower-cased text for the words, each
    then checked for a word boundary before it, finds the same far faster."""
    if not text.isascii():
        return _CLAIM_WORD.search(text) is not None
    runs = _letter_runs(text)  # (memoised: the dates and ages gates read them too)
    if _CLAIM_RUNS.isdisjoint(runs) and (_IN_RUNS.isdisjoint(runs) or _ITS_RUNS.isdisjoint(runs)):
        return False
    low = text.lower()
    if not any(map(low.__contains__, _CLAIM_WORDS)):
        # only "in\\s+its" may match, for which "its" stands for many words ("profits"): look for it
        if "its" not in low or _IN_ITS.search(low) is None:
            return False
    m = _CLAIM_LOW.search(low)
    while m is not None:
        at = m.start()
        if at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "_"):
            return True
        m = _CLAIM_LOW.search(low, at + 1)
    return False


#: in every match of _ORDINAL_PERIOD (its flags), one run of word characters after its start
_ITS_GATE = recache.compile(r"(?i)\sits\s")
#: The most runs of word characters before the unit in a match of _AFTER, _LATER or _SINCE_N: two
#: for _QUAL ("more than"), two for _NUM ("twenty-one", "a hundred"); with room to spare.
_CLAIM_HEAD_RUNS = 6
_RUNS_BACK = recache.compile(rf"(?:\W*\w+){{0,{_CLAIM_HEAD_RUNS}}}")


#: the gates above as written for lower-cased ASCII text (case-blind patterns open with no letter
#: the engine can skip ahead to: it tries every place)
_GATES_LOW = {g: recache.compile(g.pattern.removeprefix("(?i)")) for g in (_AFTER_GATE, _LATER_GATE, _SINCE_GATE)}


def _gate(gate: re.Pattern[str], text: str, low: str) -> re.Match[str] | None:
    """``gate.search(text)``, in ASCII text a search of ``low`` (``text.lower()``, the same places)."""
    return _GATES_LOW[gate].search(low) if text.isascii() else gate.search(text)


def _claim_start(text: str, gate: re.Match[str]) -> int:
    """Where a scan for _AFTER (_LATER, _SINCE_N) can start, given the first hit of its gate
    (_AFTER_GATE ...): every match holds a hit of the gate where its unit starts (at or after the
    first), after at most _CLAIM_HEAD_RUNS runs of word characters, and starts with one of them;
    so no match starts before the start of the _CLAIM_HEAD_RUNS-th run back from the first hit.
    The same matches as a scan of the whole text, the engine not trying every place before it."""
    at = gate.start()
    back = _RUNS_BACK.match(text[:at][::-1])  # runs counted backwards
    return max(0, at - (back.end() if back else at) - 1)


def _amount_ok(text: str, m: re.Match[str]) -> bool:
    """Not a comparison ("from a year earlier") and "a"/"an" only as an amount ("been a year")."""
    if _COMPARISON.search(text, max(0, m.start() - 20), m.start()):
        return False
    n = m.group("n").lower()
    if n in ("a", "an") and not m.group("q"):
        return _A_AMOUNT.search(text, max(0, m.start() - 20), m.start()) is not None
    return True


def extract_intervals(text: str, base: int, dates: Sequence[Any], events: Sequence[Any], pub: date | None,
                      tense_at: Callable[[int, int], str]) -> list[Interval]:
    """The interval claims of one sentence (``text`` at absolute offset ``base``). ``dates`` and
    ``events`` are the sentence's date and event mentions (absolute offsets); ``tense_at`` gives
    the tense of the clause around an absolute span."""
    out: list[Interval] = []
    low = text.lower()
    # ("its" alone: _ITS_GATE takes any white space around it, "in\nits third week" when hard-wrapped)
    if not any(w in low for w in ("after", "before", "later", "earlier", "since", "for ", "its",
                                  "anniversary", "turn")):
        return out
    used: set[int] = set()

    def clause_time(lo: int, hi: int, origin: _Point) -> Any:
        """The time the clause of ``[lo, hi)`` speaks of, the claim's own starting point aside."""
        rest = [d for d in dates if d.start != origin.start]
        return reference_time(text, base, (lo, hi), rest, pub, tense_at(lo, hi))

    def other_point(lo: int, hi: int, exclude: _Point | None) -> _Point | None:
        """The clause's own date: the sentence's other time point, nearest the claim."""
        cands = []
        for d in dates:
            if lo <= d.start < hi or (exclude is not None and d.start == exclude.start):
                continue
            p = _date_point(d)
            if p is not None and not d.reported:
                cands.append(p)
        if not cands:
            return None
        return min(cands, key=lambda p: min(abs(p.start - lo), abs(p.start - hi)))

    def publication(lo: int, hi: int, tenses: frozenset[str] = _PRESENT) -> _Point | None:
        """Publication, as the time of a clause in one of ``tenses``."""
        if pub is None or tense_at(lo, hi) not in tenses:
            return None
        return _Point(pub, pub, "publication", lo, hi, "publication")

    def add(m: re.Match[str], kind: str, amount: int | None, unit: str, frm: _Point | None, to: _Point | None,
            qual: str | None, end: int | None = None) -> None:
        if amount is None or frm is None or to is None or m.start() in used or not _amount_ok(text, m):
            return
        if pub is not None and any(p.source == "event" and p.lo > pub for p in (frm, to)):
            return  # an event after publication: another event of that name
        if frm.hi > to.lo and frm.lo > to.hi:  # written the other way round: not this reading
            return
        used.add(m.start())
        s, e = base + m.start(), base + (end if end is not None else m.end())
        out.append(Interval(s, e, text[m.start():(end if end is not None else m.end())].strip(), kind, amount, unit,
                            qual, (frm.lo, frm.hi), (to.lo, to.hi), frm.text, to.text, frm.source, to.source))

    # "two days after Monday's vote", "three years before the 2019 election"
    gate = _gate(_AFTER_GATE, text, low) if "after" in low or "before" in low else None
    for m in _AFTER.finditer(text, _claim_start(text, gate)) if gate is not None else ():
        ref = _point_at(base + m.end(), dates, events, text=text, base=base, pub=pub)
        if ref is None:
            continue
        other = other_point(base + m.start(), ref.end, ref) or publication(base + m.start(), ref.end)
        if other is None:
            continue
        n = _cardinal(m.group("n"))
        before = m.group("dir").lower().startswith(("before", "earlier"))
        frm, to = (other, ref) if before else (ref, other)
        add(m, "before" if before else "after", n, _unit(m.group("unit")), frm, to, m.group("q"),
            end=ref.end - base)

    # "three days later, on May 6" after "on May 1"
    gate = _gate(_LATER_GATE, text, low) if "later" in low or "earlier" in low else None
    for m in _LATER.finditer(text, _claim_start(text, gate)) if gate is not None else ():
        nxt = _point_at(base + m.end(), dates, events, reach=4, text=text, base=base)
        if nxt is None:
            continue
        prev = [p for p in (_date_point(d) for d in dates if d.end <= base + m.start() and not d.reported) if p]
        if not prev:
            continue
        first = prev[-1]
        earlier = m.group("dir").lower() == "earlier"
        frm, to = (nxt, first) if earlier else (first, nxt)
        add(m, "earlier" if earlier else "later", _cardinal(m.group("n")), _unit(m.group("unit")), frm, to,
            m.group("q"), end=nxt.end - base)

    # "in the 10 years since the 2014 referendum"
    gate = _gate(_SINCE_GATE, text, low) if "since" in low else None
    for m in _SINCE_N.finditer(text, _claim_start(text, gate)) if gate is not None else ():
        ref = _point_at(base + m.end(), dates, events, text=text, base=base, pub=pub)
        if ref is None:
            continue
        until = other_point(base + m.start(), ref.end, ref) or publication(base + m.start(), ref.end, _NOW)
        add(m, "since", _cardinal(m.group("n")), _unit(m.group("unit")), ref, until, m.group("q"),
            end=ref.end - base)

    # "since 2010, for 12 years" / "for 12 years, since 2010"
    has_since = any(d.preposition == "since" for d in dates)
    for m in _FOR_N.finditer(text) if has_since and "for" in low else ():
        since = [d for d in dates if d.preposition == "since" and abs(d.start - (base + m.start())) < 80]
        if len(since) != 1:
            continue
        ref = _date_point(since[0])
        if ref is None:
            continue
        until = publication(base + m.start(), base + m.end(), _PERFECT)
        add(m, "for", _cardinal(m.group("n")), _unit(m.group("unit")), ref, until, m.group("q"))

    # "now in its third week" + "began on Oct. 2"
    gate = _ITS_GATE.search(text) if "its" in low else None
    for m in _ORDINAL_PERIOD.finditer(text, _claim_start(text, gate)) if gate is not None else ():
        starts = []
        for d in dates:
            p = _date_point(d)
            if p is not None and _BEGAN.search(text, max(0, d.start - base - 40), d.start - base):
                starts.append(p)
        if len(starts) != 1:
            continue
        until = publication(base + m.start(), base + m.end())
        t = clause_time(base + m.start(), base + m.end(), starts[0])
        if t.source == "explicit" and t.start is not None and t.end is not None:
            until = _Point(t.start, t.end, t.text or "", base + m.start(), base + m.end(), "explicit")
        add(m, "ordinal", ordinal_value(m.group("n")), m.group("unit").lower(), starts[0], until, None)

    # "its 70th anniversary this week" / "turns 60 next year", counted from a founding or an event
    for pattern, kind in ((_ANNIVERSARY, "anniversary"), (_TURNS, "turns")):
        if (kind == "anniversary" and "anniversar" not in low) or (kind == "turns" and "turn" not in low):
            continue  # the pattern's own word is absent: no match (and no search)
        # a match starts with its word ("turn" or a digit: _ANNIVERSARY is rare), in ASCII text
        # where the lower-cased text has it first
        for m in pattern.finditer(text, low.find("turn") if kind == "turns" and text.isascii() else 0):
            amount = ordinal_value(m.group("n")) if kind == "anniversary" else _cardinal(m.group("n"))
            if amount is None or amount < 2 or (kind == "turns" and amount > 300):
                continue
            origin: _Point | None = None
            of = re.match(r"\s+of\s+(?:the\s+)?", text[m.end():m.end() + 12]) if kind == "anniversary" else None
            if of is not None:  # "the 80th anniversary of D-Day", "of the 1949 treaty"
                origin = _point_at(base + m.end() + of.end(), dates, events, reach=2, text=text, base=base)
                if origin is not None and origin.source == "explicit" and not _year_written(dates, origin):
                    origin = None
            if origin is None:
                founded = [p for p in (_date_point(d) for d in dates
                                       if d.year_explicit and d.kind in ("absolute", "partial")
                                       and _FOUNDED.search(text, max(0, d.start - base - 40), d.start - base))
                           if p is not None]
                if len(founded) == 1:
                    origin = founded[0]
            if origin is None:
                continue
            t = clause_time(base + m.start(), base + m.end(), origin)
            if t.start is None or t.end is None or t.source in ("then", "paragraph", "unknown"):
                continue
            src = "explicit" if t.source == "explicit" else "publication"
            to = _Point(t.start, t.end, t.text or "publication", base + m.start(), base + m.end(), src)
            add(m, kind, amount, "year", origin, to, None)
    out.sort(key=lambda i: i.start)
    return out


def _year_written(dates: Sequence[Any], p: _Point) -> bool:
    return any(d.start == p.start and d.year_explicit for d in dates)
