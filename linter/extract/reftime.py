"""The time a clause speaks of (its *reference time*), with where that knowledge comes from.

A title is right or wrong at the time its clause speaks of, not at publication: "In 2003,
Secretary-General Kofi Annan urged ..." speaks of 2003, "Chancellor Angela Merkel said on
Tuesday" of the Tuesday before publication. In order:

- ``explicit``: a date in the same clause (one governed by the same verb group as the span):
  "in 2003", "on Jan. 5, 2024", "on Tuesday", "last week", "two years ago";
- ``present``: a clause in the present, present perfect or future speaks of publication;
- ``news``: a past-tense clause of news narration with no date (the verb reports speech or an
  act news reports: "told reporters", "met", "announced") speaks of the days before
  publication (``NEWS_WINDOW``);
- ``paragraph``: an earlier sentence of the paragraph gives a year ("In 2015, ... . President
  Obama signed"): the narration may be of that time;
- ``then``: the words before the span put it in the person's own time: "under President Obama",
  "an appointee of President Trump", "nominated by": the title is the one held then, so it is
  not judged (``start`` and ``end`` are None);
- ``unknown``: past narration with nothing that anchors it ("When longtime President Assad lost
  control ... he fled"): the publication date stands in (``start`` and ``end`` are None only
  when there is no publication date either).

Only ``explicit`` and ``present`` are certain; ``news`` is the news default; the rules set their
severity by this (see docs/rules.md). In a photo caption ("FILE - President X talks ...", the
present of the picture) only a date with a written year counts, else the time is ``unknown``.
A date used as a name ("the Jan. 6 Capitol rioters", "Oct. 7 attack") is not a reference time.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from linter import recache
from linter.extract.tense import Governor, detect_governor
from linter.lexicon import word_set

__all__ = ["CERTAIN", "NEWS_WINDOW", "RefTime", "reference_time"]

#: How far back the news default reaches: news narrates the days before publication.
NEWS_WINDOW = timedelta(days=30)
#: The sources whose time is certain enough for an error.
CERTAIN = frozenset({"explicit", "present"})
_REF_KINDS = frozenset({"absolute", "partial", "weekday", "relative", "range"})
_PRESENT = frozenset({"present", "present_perfect", "future"})
#: words before a title that put it in its holder's own time: "under President Obama"
_THEN_CUE = recache.compile(r"(?i)(?:\bunder|\bappointee of|\bappointees of|\bappointed by|\bnominated by|\bnominee of|"
                            r"\bnamed by|\bpicked by|\btapped by|\bchosen by|\bpardoned by|\bsigned by|\bvetoed by|"
                            r"\benacted by|\badministration of|\bera of|\bterm of|\bpresidency of|\breign of|"
                            r"\btenure of|\bgovernment of|\bcabinet of)(?:\s+(?:the|then|late))?\s+$")
#: words after a title that put it in its holder's own time: "Merkel, the chancellor at the time,"
_THEN_AFTER = recache.compile(r"(?i),?\s*(?:at the time|back then|then|at that time|in those days)\b")
#: between a date and a clause it anchors: "in 1977, when Queen Elizabeth II visited"
_ANCHORED = recache.compile(r"\s*,?\s*(?:when|while|as|after|before|until|where)\s+\Z")
#: the word after a date that makes it a name: "the Jan. 6 committee", "the Oct. 7 attack"
_DATE_AS_NAME = recache.compile(r"\s+(?:[A-Z]|(?:committee|attacks?|riots?|rioters|insurrection|hearings?|panel|probe|"
                                r"defendants|anniversary|massacre|protests?|case|investigation|events?|select)\b)")
_SPEECH = frozenset({*word_set("speech-verbs", "dated-speech"), *word_set("speech-verbs", "quote-nearby")})
#: between a subject and its verb: nothing, or an appositive (", 77, who ... ,")
_SUBJECT_GAP = recache.compile(r"\s*(?:,[^,.;:!?\"“”]{1,160},\s*)?")
#: Past verbs of news narration: reported speech, and the acts news reports day by day.
_NEWS_VERBS = frozenset({*word_set("speech-verbs", "dated-speech"), *word_set("speech-verbs", "quote-nearby"),
                         "met", "visited", "signed", "ordered", "vetoed", "spoke", "called", "urged",
                         "addressed", "arrived", "flew", "travelled", "traveled", "hosted", "received",
                         "welcomed", "pledged", "appointed", "named", "nominated", "fired", "dismissed",
                         "launched", "unveiled", "approved", "rejected", "condemned", "praised", "criticised",
                         "criticized", "accused", "denied", "issued", "sent", "tweeted"})


@dataclass(frozen=True, slots=True)
class RefTime:
    """The days a clause speaks of: ``[start, end]`` inclusive (None: unbounded), how that is
    known (``source``), and the expression that says so (``text``)."""

    start: date | None
    end: date | None
    source: str
    text: str | None = None
    #: the clause's verb (its last word, lower case) and whether the span is its subject: "Queen
    #: Elizabeth II said", "said Queen Elizabeth II" (speech only), "Merkel, 68, visited"
    verb: str | None = None
    agent: bool = False
    #: the days of the sentence's other dates with a written year (other clauses: "gestures as he
    #: arrives at a rally on Jan. 6, 2021"): a title that was right then is not judged
    others: tuple[tuple[date, date], ...] = ()

    @property
    def certain(self) -> bool:
        return self.source in CERTAIN


UNKNOWN = RefTime(None, None, "unknown")


def _as_name(text: str, base: int, d: Any) -> bool:
    """A month and day without a year or preposition, before a noun: "the Jan. 6 committee"."""
    return (d.kind in ("absolute", "partial") and not d.year_explicit and d.preposition is None
            and _DATE_AS_NAME.match(text, d.end - base) is not None)


#: The characters after a span read for the verb group right after it (the walk reads at most 25
#: words past the span): a run-on sentence of hostile input is not copied and read whole each time.
_LOOKAHEAD = 1000


def reference_time(text: str, base: int, span: tuple[int, int], dates: Sequence[Any],
                   pub: date | None, tense: str, paragraph_dates: Sequence[Any] = (),
                   caption: bool = False, governor_of: Callable[[int, int], Governor] | None = None,
                   governor_of_rest: Callable[[int, int], Governor | None] | None = None) -> RefTime:
    """The reference time of the clause around ``span`` (absolute offsets) in a sentence
    ``text`` starting at ``base``. ``dates`` are the sentence's date mentions, ``paragraph_dates``
    those of earlier sentences of its paragraph, ``tense`` the clause's tense; ``caption``: the
    sentence is a photo caption. ``governor_of(start, end)``, when given, is
    ``detect_governor(text, start, end)`` (local offsets) sharing work between calls;
    ``governor_of_rest(p, e)``, when given, is ``detect_governor(text[p:], 0, e)`` or None
    (``tense.governor_of_rest``, reading the clauses ``governor_of`` keeps)."""
    if governor_of is None:
        governor_of = functools.partial(detect_governor, text)

    def rest(p: int, e: int) -> Governor:
        """``detect_governor(text[p:p + e + _LOOKAHEAD], 0, e)``: the verb group at or after ``p``."""
        if governor_of_rest is not None and p + e + _LOOKAHEAD >= len(text):  # (then the cut is text[p:])
            got = governor_of_rest(p, e)
            if got is not None:
                return got
        return detect_governor(text[p:p + e + _LOOKAHEAD], 0, e)

    local = (span[0] - base, span[1] - base)
    governor = governor_of(*local)
    agent = False
    if not governor.before and governor.start is not None:
        # "President Joe Biden, who left office in January, said": the verb after the comma
        gap = _SUBJECT_GAP.match(text, local[1])
        after = gap.end() if gap is not None and "," in text[local[1]:gap.end()] else None
        if after is not None and after > governor.start:
            nxt = rest(after, 0)
            if nxt.start is not None and nxt.end is not None and nxt.start == 0:
                governor = Governor(nxt.tense, after, after + nxt.end, False)
                tense = nxt.tense
    if governor.before:
        # the subject of the verb right after it ("..., President Moi said."), not of the verb
        # of an earlier clause ("Payments will absorb the aid"): that verb governs
        nxt = rest(local[0], local[1] - local[0])
        if nxt.start is not None and nxt.end is not None:
            gap = _SUBJECT_GAP.match(text, local[1], local[0] + nxt.start)
            if gap is not None and gap.end() == local[0] + nxt.start:
                governor = Governor(nxt.tense, local[0] + nxt.start, local[0] + nxt.end, False)
                tense = nxt.tense
                agent = True
    verb = None
    if governor.start is not None and governor.end is not None:
        words = text[governor.start:governor.end].lower().split()
        verb = words[-1].strip(",.;:") if words else None
        if not governor.before:
            gap = _SUBJECT_GAP.match(text, local[1], governor.start)
            agent = gap is not None and gap.end() == governor.start
        else:  # "said Queen Elizabeth II": inversion is for speech only
            agent = verb in _SPEECH and not text[governor.end:local[0]].strip()
    if _THEN_CUE.search(text, max(0, local[0] - 40), local[0]) or _THEN_AFTER.match(text, local[1]):
        return RefTime(None, None, "then", None, verb, agent)
    others: list[tuple[date, date]] = []
    for d in dates:
        if d.kind not in _REF_KINDS or d.earliest is None or d.latest is None or d.reported:
            continue
        if _as_name(text, base, d) or (caption and not d.year_explicit):
            continue
        mine = governor_of(d.start - base, d.end - base)
        if (mine.end is not None and mine.end == governor.end) or (
                governor.start is None and mine.start is None and d.end <= span[0]) or (
                d.end <= span[0] and _ANCHORED.match(text, d.end - base, local[0])):
            # the same verb, "In 2003, Secretary-General ..." with no verb at all, or a clause the
            # date anchors ("in 1977, when Queen Elizabeth II visited")
            return RefTime(d.earliest, d.latest, "explicit", d.text, verb, agent)
        if d.kind in ("absolute", "partial") and d.year_explicit:
            others.append((d.earliest, d.latest))
    if pub is None:
        return RefTime(None, None, "unknown", None, verb, agent, tuple(others))
    if caption:
        return RefTime(pub, pub, "unknown", None, verb, agent, tuple(others))
    if tense in _PRESENT:
        return RefTime(pub, pub, "present", None, verb, agent, tuple(others))
    anchors = [d for d in paragraph_dates if d.kind in ("absolute", "partial") and d.year_explicit
               and d.earliest is not None and d.latest is not None and not d.reported]
    if anchors:
        d = anchors[-1]
        return RefTime(d.earliest, d.latest, "paragraph", d.text, verb, agent, tuple(others))
    if tense == "past" and verb in _NEWS_VERBS:
        return RefTime(pub - NEWS_WINDOW, pub, "news", None, verb, agent, tuple(others))
    return RefTime(pub, pub, "unknown", None, verb, agent, tuple(others))  # the publication date stands in
