"""Stated ages of people, each resolved to the person it describes and to the time it is stated
for: "the 75-year-old Netanyahu", "Sanders, 80, said", "He, 80, ...", "the 75-year-old
senator", "who was 68 when he died", "In 2019, the 69-year-old ..."; and the births an article
states ("Smith, who was born in 1950"), which its ages must agree with.

One job: find age and birth expressions and say whom they describe and when. Whether an age is
right is the rules' business (``date/age-mismatch`` against the knowledge base,
``date/age-birth-mismatch`` against a stated birth, ``date/inconsistent`` between two ages:
:func:`age_clashes`).

**Whom** (``Age.link``; a wrong link is a false alarm, so every step is conservative):

- ``name``: the age touches a name written in full or with a title: "the 75-year-old Benjamin
  Netanyahu", "Netanyahu, 75,", "Netanyahu (75)", "Ali Khamenei, aged 86,", "Kopp, a
  44-year-old protester,", "Barclay, who is 60,", "Ivana Trump dies at 73";
- ``surname``: the name is a bare surname, resolved to the person named in full earlier (the
  mention extractor's resolution for KB people; the last earlier full name ending in it for
  others), or a surname the knowledge base knows alone (``bare_surname``, with offices);
- ``pronoun``: "He, 80, said", "she is 45", "He died at 68": the only person named in the
  sentence before it, or else in the nearest earlier sentence that names anyone;
- ``descriptor``: "the 75-year-old senator" (definite, ending in a person noun or standing
  alone): the only person of the sentence, or of the nearest earlier sentence naming anyone,
  that fits the noun (a KB person's offices must match an office noun such as "senator").

People the knowledge base does not know are linked too (``person_key`` is then the normalised
full name), so that two ages of one person, or an age and a stated birth, can be compared. A KB
person who died long before the time an age is stated for is a namesake: the age keeps the
name but not the KB id.

**When** (``Age.time``, with ``at`` .. ``at_end`` the days it is stated for):

- ``publication``: the news convention (an age is the person's age on publication);
- ``explicit``: the clause is dated ("In 2019, the 69-year-old ...", "then 46, ... in 1996",
  "who turned 79 in June"): checked at that time; unless "then" or "turned" says so, the age
  may also be the current one (``alt_at`` is the publication date);
- ``death``: "died at 68", "died aged 68", "who was 68 when he died", and a current age of a
  KB person who died in the year before publication: the KB's date of death;
- ``default``: the publication date, but the sentence names another time in another clause
  (``alt_at`` .. ``alt_end``), or an earlier sentence of the paragraph dates it;
- ``unknown``: "at 70", "when he was 45", "at the time", "will be 80": not checked.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, NamedTuple

from linter import recache
from linter.extract.dates import _ascii_facts, _case_forms, gate_runs
from linter.fold import ascii_fold, contains_any
from linter.kb import KnowledgeBase, norm_name

__all__ = [
    "GIVEN_NAMES_INDEX",
    "Age",
    "Birth",
    "FORM_ADJECTIVE",
    "FORM_AGED",
    "FORM_APPOSITIVE",
    "FORM_DEATH",
    "FORM_DESCRIPTOR",
    "FORM_PREDICATE",
    "given_names",
    "age_clashes",
    "age_span",
    "ages_by_person",
    "birth_windows",
    "extract_ages",
    "fits",
]

FORM_ADJECTIVE = "adjective"  # the 75-year-old Netanyahu
FORM_APPOSITIVE = "appositive"  # Netanyahu, 75,   Netanyahu (75)   Kopp, a 44-year-old protester,
FORM_AGED = "aged"  # Netanyahu, aged 75,
FORM_DESCRIPTOR = "descriptor"  # the 86-year-old theocrat
FORM_PREDICATE = "predicate"  # Kwan, who is 17;  he is 45;  Sanders is 83.
FORM_DEATH = "death"  # died at 68, died aged 68, who was 68 when he died

LINK_NAME = "name"
LINK_SURNAME = "surname"
LINK_PRONOUN = "pronoun"
LINK_DESCRIPTOR = "descriptor"

TIME_PUBLICATION = "publication"
TIME_EXPLICIT = "explicit"
TIME_DEATH = "death"
TIME_DEFAULT = "default"
TIME_UNKNOWN = "unknown"

#: A dated clause this close to publication states the current age ("said on Tuesday").
_NEAR_PUBLICATION = timedelta(days=45)
#: A KB person who died this long before the age's time is a namesake, not the person.
_DEAD_NAMESAKE = timedelta(days=400)
#: A KB person first in office more than this after the age's time was not known then: a namesake
#: ("Scott Perry, a 23-year-old teacher" in 1987 is not the congressman elected in 2012).
_NOT_YET_KNOWN = 5
#: An age this many years from the KB person's at every time it may be stated for is a namesake's
#: ("Scott Perry, 23," is not the congressman born in 1962); a typo is a digit or two off.
_NAMESAKE_GAP = 20
#: How many earlier sentences a pronoun or a descriptor may look back for its person.
_LOOK_BACK = 3


@dataclass(slots=True)
class Birth:
    """A birth the text states ("born in 1950", "born on March 3, 1950"), absolute offsets:
    the person (``person_key``; ``person_id`` when the KB knows them) was born in ``lo`` .. ``hi``."""

    start: int
    end: int
    text: str
    lo: date
    hi: date
    person_key: str | None = None
    person_id: str | None = None
    link: str | None = None


@dataclass(slots=True)
class Age:
    """One stated age, absolute offsets (end exclusive)."""

    start: int
    end: int
    text: str
    value: int
    #: the KB person it describes (None when unlinked or not in the KB)
    person_id: str | None = None
    #: the name it is linked through, as written (absolute offsets)
    person_start: int | None = None
    person_end: int | None = None
    form: str = FORM_DESCRIPTOR
    #: the age touches the name (adjective, appositive, aged, predicate or death after a name)
    direct: bool = False
    #: stated for the publication date (``time == "publication"``)
    current: bool = True
    #: the KB id, or for people the KB does not know the normalised full name; None: unlinked
    person_key: str | None = None
    #: the person's name as the text gives it in full (or the KB name)
    person_name: str | None = None
    #: how the person was found: name, surname, pronoun, descriptor (None: unlinked)
    link: str | None = None
    #: publication, explicit, death, default or unknown (see the module doc)
    time: str = TIME_PUBLICATION
    #: the days the age is stated for (None: unknown)
    at: date | None = None
    at_end: date | None = None
    #: another time the age may be stated for (the publication date for a dated clause)
    alt_at: date | None = None
    alt_end: date | None = None
    #: the birth the text itself states for the same person, if any
    birth: Birth | None = None
    #: the title written with the name it is linked through ("Sen.", "President")
    person_title: str | None = None


# -- arithmetic ----------------------------------------------------------------------------------


def _years(born: date, on: date) -> int:
    """Whole years from ``born`` to ``on``: the age on ``on`` of someone born on ``born``."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def age_span(born_lo: date, born_hi: date, at: date, at_end: date | None = None) -> tuple[int, int]:
    """The youngest and oldest age someone born in ``born_lo`` .. ``born_hi`` has in ``at`` ..
    ``at_end``."""
    return _years(born_hi, at), _years(born_lo, at_end or at)


def fits(value: int, born_lo: date, born_hi: date, at: date, at_end: date | None = None) -> bool:
    """Can someone born in ``born_lo`` .. ``born_hi`` be ``value`` years old in ``at`` .. ``at_end``?"""
    lo, hi = age_span(born_lo, born_hi, at, at_end)
    return lo <= value <= hi


def _readings(age: Age) -> list[tuple[date, date]]:
    out = []
    if age.at is not None:
        out.append((age.at, age.at_end or age.at))
    if age.alt_at is not None:
        out.append((age.alt_at, age.alt_end or age.alt_at))
    return out


def birth_windows(age: Age) -> list[tuple[date, date]]:
    """The birth dates (inclusive ranges) each reading of ``age`` allows: value ``v`` in ``s`` ..
    ``e`` means born after ``s`` minus ``v + 1`` years and on or before ``e`` minus ``v`` years."""
    out = []
    for s, e in _readings(age):
        out.append((_add_years(s, -(age.value + 1)) + timedelta(days=1), _add_years(e, -age.value)))
    return out


def ages_by_person(ages: Iterable[Age]) -> dict[str, list[Age]]:
    """The linked ages of each person (by ``person_key``), in text order."""
    out: dict[str, list[Age]] = {}
    for a in ages:
        if a.person_key is not None:
            out.setdefault(a.person_key, []).append(a)
    return out


def age_clashes(ages: Iterable[Age]) -> list[tuple[Age, Age]]:
    """Pairs ``(earlier, later)`` of ages of one person that no birth date makes both true, under
    any reading of either (an age stated for an unknown time takes part in none). Each later
    age is paired with the first earlier one it contradicts."""
    out: list[tuple[Age, Age]] = []
    for group in ages_by_person(ages).values():
        windows = [(a, birth_windows(a)) for a in group]
        windows = [(a, w) for a, w in windows if w]
        for j, (b, wb) in enumerate(windows):
            for a, wa in windows[:j]:
                if not any(max(x[0], y[0]) <= min(x[1], y[1]) for x in wa for y in wb):
                    out.append((a, b))
                    break
    return out


# -- patterns ------------------------------------------------------------------------------------

_NUM_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_WORD_NUM = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"

# anything an age can hide in (a sentence without a match is skipped), in two halves: words,
# and the forms that need a digit
_TRIGGER_WORD_SRC = r"old\b|\baged\s|\bborn\b|\(b\.|\bdie[ds]\b|\bdeath\b|\bpassed\s+away\b|\bkilled\b"
_TRIGGER_DIGIT_SRC = (r"[,(]\s*(?:(?:then|now|aged?)\s+)?\d{1,3}(?!\d)"
                      r"|\b(?:is|was|[’']s|turned|turns)\s+(?:now\s+|only\s+|just\s+)?\d")
#: the whole pattern, for any text
_TRIGGER = recache.compile(f"{_TRIGGER_WORD_SRC}|{_TRIGGER_DIGIT_SRC}", re.IGNORECASE)
# its halves, case-sensitive, for the lower-cased text of an ASCII sentence
# the word half with every branch opening on a literal character, which ``re`` skips to (its
# plain form above opens most branches with ``\b``); the same matches
_TRIGGER_WORD_RE = recache.compile(r"old\b|a(?<!\wa)ged\s|b(?<!\wb)orn\b|\(b\.|d(?<!\wd)ie[ds]\b|d(?<!\wd)eath\b"
                                   r"|p(?<!\wp)assed\s+away\b|k(?<!\wk)illed\b")
# the digit half as two searches, each opening with characters ``re`` can skip to (a leading
# ``\b`` or a mixed alternation makes it try the whole pattern at every position): the same
# matches, about 1.6x faster on news sentences
_TRIGGER_DIGIT_RES = (
    recache.compile(r"[,(]\s*(?:(?:then|now|aged?)\s+)?\d{1,3}(?!\d)"),
    recache.compile(r"(?:i(?<!\wi)s|w(?<!\ww)as|’(?<=\w’)s|'(?<=\w')s|t(?<!\wt)urn(?:ed|s))\s+(?:now\s+|only\s+|just\s+)?\d"),
)


#: Letter runs (``dates._letter_runs``, in any case) one of which an ASCII sentence holds when
#: a branch of the word half other than "old" matches in its lower case: each branch is
#: bounded by non-letters on both sides ("(b." has the run "b", "passed away" the run "passed").
_TRIGGER_WORD_RUNS = _case_forms("aged", "born", "b", "died", "dies", "death", "passed", "killed")
#: The same for the second digit search: its verb is a run ("is", "was", "turned", "turns";
#: "’s", "'s" the run "s"), followed by white space.
_TRIGGER_VERB_RUNS = _case_forms("is", "was", "turned", "turns", "s")
gate_runs(_TRIGGER_WORD_RUNS, _TRIGGER_VERB_RUNS)


def _may_state_age(text: str) -> bool:
    """``_TRIGGER`` matches ``text``. An ASCII sentence is searched in lower case for the word
    half only when it holds a trigger word, and for the digit half only when it holds a digit
    (three times faster on news; the same answer)."""
    if not text.isascii():
        return _TRIGGER.search(text) is not None
    low = text.lower()
    # the word half needs "old" or one of its runs (a set test, for eight ``in`` tests; the runs,
    # and whether there is a digit, are memoised: the dates of the sentence read them too)
    runs, digit = _ascii_facts(text)
    if "old" in low or not _TRIGGER_WORD_RUNS.isdisjoint(runs):
        if _TRIGGER_WORD_RE.search(low) is not None:
            return True
    if not digit:
        return False
    first, second = _TRIGGER_DIGIT_RES
    if first.search(low) is not None:
        return True
    return not _TRIGGER_VERB_RUNS.isdisjoint(runs) and second.search(low) is not None


# "75-year-old", "75 year old", "seventy-five-year-old", "75 years old"; not "75-year-olds" (a
# group), not "-year-old-", not "6-1/2-year-old".
_YEAR_OLD = recache.compile(
    rf"(?:(?<=then-)|(?<![\w$.,/-]))(?P<num>\d{{1,3}}|{_WORD_NUM})(?P<sep>[- ])years?[- ]old(?![\w-])(?!['’]?s\b)",
    re.IGNORECASE,
)
# after a name: ", 75," ", 75." ", then 46," ", aged 75," " (75)" ", 52 years old"
_APPOS_A = (r",\s*(?:(?P<pre>then|now|aged|age)\s+)?(?P<a>\d{1,3})(?![,.:/]\d)(?!\s+(?:and|or|to)\s+\d)(?:\s+years?\s+old)?\s*"
            r"(?=[,;)]|\.(?!\d)|\s+(?:and|said|says|told|who|was|were|is|has|had|will|would|did|does|remains|became|"
            r"joined|died|dies|also|now|added|spoke)\b|$)")
_APPOS_B = r"\((?:age\s+|aged\s+)?(?P<b>\d{1,3})\)"
#: ``{_APPOS_A}|\s?{_APPOS_B}`` (its second branch opens with an optional space, so ``re`` tries it at
#: every character; tests/test_pattern_rewrites_ages.py keeps that form as the reference) with the
#: same matches, opening on the class of the characters a match can start with (a comma, a space
#: before "(", a "("), which ``re`` skips to; which one it was is read behind
_APPOS = recache.compile(rf"[,\s(](?:(?<=,){_APPOS_A[1:]}|(?:(?<=\()|(?<=\s)\(){_APPOS_B[2:]})", re.IGNORECASE)
#: the first branch alone, for text without a "(" (where the second has no match), with an
#: empty "b" group: it opens on a literal comma
_APPOS_COMMA = recache.compile(rf"{_APPOS_A}(?P<b>(?!))?", re.IGNORECASE)
# "who is 45", "he was 45", "She is 45 years old", "Sanders is 83."
_PREDICATE_SIMPLE = recache.compile(
    r"(?P<verb>i(?<!\wi)s|w(?<!\ww)as|’s|'s|t(?<!\wt)urn(?:ed|s))\s+(?:now\s+|only\s+|just\s+)?(?P<num>\d{1,3})(?![,.:/]\d)(?:\s+years?\s+old)?"
    r"(?=\s*[,;:)]|\.(?!\d)|\s+(?:and|but|now|today|in|on|last|this|earlier|when)\b|\s*$)"
)
# death: "at 68", "aged 68", "at the age of 68", after died/dies/death within the clause
_AT_AGE = recache.compile(
    r"\b(?:at\s+(?:the\s+age\s+of\s+|age\s+)?|aged\s+)(?P<num>\d{1,3})\b"
    r"(?![.,:]?\d|\s*(?:%|percent|per\s*cent|[ap]\.?m\b|o['’]clock|GMT|EST|EDT|BST|CET|local|hours?|minutes?|"
    r"days?|weeks?|months?|years?\b|mph|km|miles?|feet|metres?|meters?|degrees?|[-–]))",
    re.IGNORECASE,
)
_DEATH_BEFORE = recache.compile(r"\b(?P<verb>died|dies|dying|death|passed\s+away|was\s+killed)\b(?P<gap>[^;!?]{0,60})$",
                                re.IGNORECASE)
_CLAUSE_BREAK = recache.compile(r"\b(?:and|but|while|whose|which|after|before|wife|husband|son|daughter|mother|"
                                r"father|brother|sister)\b|\bwho\b(?!\s+(?:died|has\s+died))", re.IGNORECASE)
_WHEN_DIED = recache.compile(r"\b(?:was|were)\s+(?P<num>\d{1,3})(?:\s+years?\s+old)?,?\s+when\s+(?:he|she)\s+died\b",
                             re.IGNORECASE)
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_NUM = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                          "nov", "dec"), 1)}
_BORN_DATE = (rf"(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
              rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>\d{{4}})"
              rf"|(?P<m3>{_MONTH})\.?,?\s+(?P<y3>\d{{4}})"
              r"|(?P<y4>1[6-9]\d\d|20\d\d))(?!\d|s\b|['’]s\b)")
_BORN = recache.compile(
    rf"(?:(?<![\w-])[Bb]orn(?P<place>\s+(?:in|at|near)\s+(?:the\s+)?(?!{_MONTH}\b)[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){{0,3}},?)?"
    rf"\s+(?:(?:in|on)\s+)?|\(b\.\s*){_BORN_DATE}"
)
#: before an age: it is stated for another time ("then 46", "turned 79", "at 70", "when he was 45")
_THEN_BEFORE = recache.compile(r"(?:\bthen[- ]?|\bturned\s+|\bturns\s+|\bturning\s+)$", re.IGNORECASE)
_UNKNOWN_BEFORE = recache.compile(
    r"(?:\blate\s+|\bat\s+(?:the\s+age\s+of\s+|age\s+)?|\bwhen\s+(?:he|she|they)\s+(?:was|were)\s+|\bwill\s+be\s+|"
    r"\buntil\s+|\bby\s+|\bbefore\s+|\bif\s+|\bunless\s+|\bonce\s+|\bwhen\s+|\bby\s+the\s+time\s+|\bwould\s+be\s+|"
    r"\bformer\s+|\bex-?)$",
    re.IGNORECASE,
)
_UNKNOWN_AFTER = recache.compile(r"\s*,?\s*(?:when|at\s+the\s+time|back\s+then|then|at\s+that\s+time)\b", re.IGNORECASE)
_OTHER_TIME_WORDS = recache.compile(
    r"\b(?:at\s+the\s+time|back\s+then|in\s+those\s+days|when\s+(?:he|she)\s+(?:was|became|took))\b",
    re.IGNORECASE,
)
_YEAR_IN_TEXT = recache.compile(r"(?<![\w$.,/-])(?<!since )(?<!Since )((?:19|20)\d\d)(?!\d|%|[.,]\d)")
_DETERMINER = recache.compile(r"(?:^|[\s(\"“‘'])(?P<det>[Tt]he|[Tt]hen-?|[Aa]n?|[Ll]ate|[Ff]ormer|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Yy]our|[Mm]y)\s*-?\s*$")
_BIRTH_SUBJECT_TAIL = recache.compile(r"(?:(?:,\s*(?:aged\s+)?\d{1,3}\s*,)?\s*(?:,\s*)?(?:who\s+)?(?:was|is)\s+|,\s*|\s*\(\s*)$")
_BIRTH_PAREN_TAIL = recache.compile(r"\s+$")
_IS_BEFORE = recache.compile(r"\b(?:is|was|[’']s|turned|turns)\s+(?:now\s+|only\s+|just\s+)?$")
_APPOS_ARTICLE = recache.compile(r",\s*(?:a|an|the)\s+$", re.IGNORECASE)

#: Nouns a definite age descriptor may end in to stand for a person.
PERSON_NOUNS = frozenset(
    """leader theocrat president prime minister premier cleric ayatollah politician statesman
    strongman autocrat dictator ruler monarch king queen emperor chancellor senator lawmaker
    congressman congresswoman governor mayor billionaire businessman businesswoman mogul tycoon
    candidate nominee incumbent republican democrat conservative populist veteran general
    official diplomat negotiator chief founder executive ceo pope pontiff sheikh emir sultan
    prince princess crown successor predecessor frontrunner front-runner speaker
    """.split()
)
#: A descriptor ending in one of these must fit the person's offices (KB) or title (text).
_OFFICE_NOUNS: dict[str, tuple[str, ...]] = {
    "president": ("president",), "prime": ("prime minister", "premier"), "premier": ("premier", "prime minister"),
    "chancellor": ("chancellor",), "senator": ("senat",), "congressman": ("representative", "congress"),
    "congresswoman": ("representative", "congress"), "governor": ("governor",), "mayor": ("mayor",),
    "king": ("king", "monarch"), "queen": ("queen", "monarch"), "emperor": ("emperor",),
    "monarch": ("king", "queen", "monarch", "emperor", "sultan", "emir"), "pope": ("pope",), "pontiff": ("pope",),
    "emir": ("emir",), "sultan": ("sultan",), "ayatollah": ("supreme leader", "ayatollah"),
    "speaker": ("speaker",), "minister": ("minister",),
}
#: People of other trades: a definite descriptor in one of these is never an office holder of the KB.
_ROLE_NOUNS = frozenset(
    """striker player midfielder defender goalkeeper forward quarterback pitcher coach manager athlete
    runner sprinter swimmer boxer golfer cyclist skier skater champion actor actress singer rapper
    musician artist painter writer author novelist poet director producer comedian journalist reporter
    photographer scientist professor researcher economist analyst banker investor entrepreneur trader
    lawyer attorney doctor surgeon physician nurse teacher student farmer suspect defendant victim driver
    pilot soldier officer activist protester chef designer model star""".split()
)
_TITLE_GAP_WORDS = PERSON_NOUNS | {
    "former", "supreme", "foreign", "defense", "defence", "vice", "deputy", "acting", "interim",
    "longtime", "long-time", "u.s.", "us", "state", "secretary", "of", "israeli", "iranian",
    "american", "russian", "chinese", "british", "french", "german", "turkish", "ukrainian",
}
#: "Chrysler, a 60-year-old company": the appositive names a thing, not a person
_THING_NOUNS = frozenset(
    """company firm group bank agency institution organization organisation party treaty program programme
    plant factory facility business concern chain brand building house home church hotel war conflict
    dispute policy law system pact alliance agreement union association society club team newspaper paper
    magazine station network store shop restaurant school university college museum bridge""".split()
)
#: Words that end or open a name run without being part of the name.
_NOT_NAME = frozenset(
    norm_name(w) for w in
    """The A An And But In On At For With From To Of By As Or Nor Not No Yes Yet So If When While After
    Before Since Until Although Though Because Once Where Why How What Who Whom Whose Which There Here
    It Its He She They We I You His Her Their Our My Your This That These Those Some Many Most All Any
    Each Every Both Either Neither Other Another Such Several Few More Less Last Next First Second
    Third Earlier Later Also Even Only Just Still Then Now Meanwhile However Instead Indeed Despite
    Under Over About Against Among Amid Around During Without Like Unlike Including According Said
    Says Told Asked Mr Mrs Ms Miss Dr Prof Sir Dame Lord Lady Sen Senator Rep Representative Gov
    Governor Lt Col Colonel Capt Captain Sgt Cpl Pvt Gen General Adm Admiral Maj Major Judge Justice
    President Vice Premier Prime Minister Chancellor Secretary Speaker Mayor King Queen Prince
    Princess Sheikh Ayatollah Pope Cardinal Bishop Rev Father Chairman Chairwoman Chief Director
    Ambassador Marine Officer Commissioner Former Late Acting Interim Deputy Yesterday Today Tomorrow
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Reuters AP AFP UPI Inc Corp Co Ltd Plc LLC Group Bank""".split()
)
_HONORIFICS = frozenset(norm_name(w) for w in "Mr Mrs Ms Miss Dr Sen Rep Gov Prof Sir Dame".split())
_PARTICLES = frozenset("al el bin ibn bint arap de da di do dos du van von der den del la le ter zu".split())
_SUFFIX = recache.compile(r"^(?:Jr\.?|Sr\.?|I{1,3}|IV)$")
_TOKEN = recache.compile(r"[^\W_][\w'’.\-]*")
_PRONOUNS = frozenset({"he", "she"})
_INITIAL = recache.compile(r"^[A-Z]\.?$")
#: after a non-KB name following "the N-year-old": it is a name, not a modifier ("the 20-year-old
#: Pennsylvania man")
_NAME_FOLLOW = recache.compile(r"\s*(?:[,.;:)!?\"”]|$|['’]s\b|\s(?:said|says|told|who|is|was|has|had|will|would|"
                               r"did|does|admitted|denied|pleaded|faces|remains|died|won|lost)\b)")


def _num(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    low = text.lower().replace(" ", "-")
    head, _, tail = low.partition("-")
    if head not in _NUM_WORDS:
        return None
    if not tail:
        return _NUM_WORDS[head]
    return _NUM_WORDS[head] + _UNITS[tail] if tail in _UNITS else None


#: The name under which ``given_names`` is kept in the compiled KB.
GIVEN_NAMES_INDEX = "ages.given.1"


def given_names(kb: KnowledgeBase) -> list[str]:
    """The first words of the KB's people's full names (normalised, sorted): what makes a
    capitalised pair a person. The compiled KB keeps them (``GIVEN_NAMES_INDEX``)."""
    out: set[str] = set()
    for p in kb.people.values():
        for n in p.names:
            words = n.split()
            if len(words) >= 2 and len(words[0]) > 2 and not words[0].endswith("."):
                out.add(norm_name(words[0]))
    return sorted(out)


def _given_names(kb: KnowledgeBase) -> frozenset[str]:
    stored = kb.stored_index(GIVEN_NAMES_INDEX)
    return frozenset(stored if stored is not None else given_names(kb)) - _NOT_NAME


def _demonyms(kb: KnowledgeBase) -> frozenset[str]:
    return frozenset(norm_name(a) for c in kb.countries.values() for a in (*c.adjectives, *c.names))


def _parse_birth(m: re.Match[str]) -> tuple[date, date] | None:
    g = m.groupdict()
    try:
        if g["y1"] or g["y2"]:
            month = _MONTH_NUM[(g["m1"] or g["m2"])[:3].lower()]
            d = date(int(g["y1"] or g["y2"]), month, int(g["d1"] or g["d2"]))
            return d, d
        if g["y3"]:
            y, month = int(g["y3"]), _MONTH_NUM[g["m3"][:3].lower()]
            nxt = date(y + 1, 1, 1) if month == 12 else date(y, month + 1, 1)
            return date(y, month, 1), nxt - timedelta(days=1)
        y = int(g["y4"])
        return date(y, 1, 1), date(y, 12, 31)
    except (ValueError, KeyError, TypeError):
        return None


# -- people in the text --------------------------------------------------------------------------


class _Person(NamedTuple):
    """A person named in a sentence: name span (absolute), key, KB id, full name, link."""

    start: int
    end: int
    key: str
    person_id: str | None
    name: str
    link: str
    title: str | None = None


class _Doc:
    """What linking needs across sentences: the mentions by sentence, the people named so far."""

    def __init__(self, sentences: Sequence[tuple[int, str]], mentions: Sequence[Any], kb: KnowledgeBase,
                 pub: date | None, ref_time: Callable[[int, int], Any] | None) -> None:
        self.sentences = sentences
        self.kb = kb
        self.pub = pub
        self.ref_time = ref_time
        self.starts = [s for s, _ in sentences]
        self.by_sentence: list[list[Any]] = [[] for _ in sentences]
        for m in mentions:
            i = bisect.bisect_right(self.starts, m.start) - 1
            if 0 <= i < len(sentences):
                self.by_sentence[i].append(m)
        self.given = kb.derived(_given_names)
        self.demonyms = kb.derived(_demonyms)
        self._persons: dict[int, list[_Person]] = {}
        self._introduced: set[str] | None = None

    @property
    def introduced(self) -> set[str]:
        """The KB people the document names other than by a bare surname, with a name that fits
        (``_name_fits``). Found when a surname first asks (most documents stating an age have
        none to ask about); it reads only the mentions and the KB, so it is the same whenever
        found."""
        if self._introduced is None:
            self._introduced = {
                m.person_id
                for (base, text), ms in zip(self.sentences, self.by_sentence, strict=True)
                for m in ms
                if m.person_id and m.form != "surname" and self._name_fits(m, text, base)
            }
        return self._introduced

    # -- the KB ------------------------------------------------------------------------------
    def _name_fits(self, mention: Any, sentence: str, base: int) -> bool:
        """The name as written must be the person's: "Ivana Trump" is not Donald Trump."""
        name = mention.name or ""
        if len(name.split()) >= 2:
            return any(p.id == mention.person_id for p in self.kb.find_people(name))
        lo = mention.name_start - base
        prev = None
        for m in _TOKEN.finditer(sentence, max(0, lo - 30), lo):
            prev = m
        if prev is not None and not sentence[prev.end():lo].strip() and prev.group()[:1].isupper():
            word = norm_name(prev.group().rstrip("."))
            if word not in _NOT_NAME and word not in self.demonyms and not _SUFFIX.match(prev.group()):
                return False  # "Ivana Trump": a first name the KB does not know
        return True

    def kb_link(self, mention: Any, sentence: str, base: int) -> tuple[str | None, str]:
        """The KB person a mention can carry an age for (born known, name fits, introduced or
        known by surname alone), and the link kind."""
        pid = mention.person_id
        if pid is None:
            return None, LINK_NAME
        p = self.kb.people.get(pid)
        if p is None or not self._name_fits(mention, sentence, base):
            return None, LINK_NAME
        if mention.form == "surname":
            if pid not in self.introduced and not (p.bare_surname and p.terms):
                return None, LINK_SURNAME
            return pid, LINK_SURNAME
        return pid, LINK_NAME

    def person_of_mention(self, mention: Any, i: int) -> _Person | None:
        base, text = self.sentences[i]
        pid, link = self.kb_link(mention, text, base)
        if pid is not None and mention.form == "surname" and pid not in self.introduced:
            other = self.full_name_before(i, mention.name_start, norm_name(mention.name.split()[-1]))
            if other is not None and other.key != pid:  # "Gerhard Stoltenberg ... Stoltenberg"
                return other._replace(start=mention.name_start, end=mention.name_end, link=LINK_SURNAME)
        if pid is not None:
            return _Person(mention.name_start, mention.name_end, pid, pid, self.kb.people[pid].name, link,
                           mention.title)
        name = text[mention.name_start - base:mention.name_end - base]
        return self.person_of_name(i, mention.name_start, mention.name_end, name, mention.title)

    def person_of_name(self, i: int, start: int, end: int, name: str, title: str | None = None,
                       look_ahead: bool = True) -> _Person | None:
        """A name found by the text's shape (not a KB match): full names are their own key; a bare
        surname is the last person named in full before with that surname."""
        words = name.split()
        if not words:
            return None
        key = norm_name(" ".join(w for w in words if not _INITIAL.match(w)) or name)
        if len(words) >= 2 and not (len(words) == 2 and norm_name(words[0]) in _HONORIFICS):
            return _Person(start, end, key, None, name, LINK_NAME, title)
        surname = norm_name(words[-1])
        if surname in self.demonyms or surname in _NOT_NAME:
            return None
        full = self.full_name_before(i, start, surname)
        if full is None and look_ahead:
            full = self.full_name_after(i, end, surname)
        if full is not None:
            return full._replace(start=start, end=end, link=LINK_SURNAME)
        return _Person(start, end, surname, None, words[-1], LINK_SURNAME, title)

    def full_name_before(self, i: int, before: int, surname: str) -> _Person | None:
        """The last person named in full before ``before`` whose name ends in ``surname``."""
        for k in range(i, -1, -1):
            for p in reversed(self.persons(k)):
                if p.start < before and p.link == LINK_NAME and norm_name(p.name.split()[-1]) == surname:
                    return p
        return None

    def full_name_after(self, i: int, after: int, surname: str) -> _Person | None:
        """The first person named in full after ``after`` whose name ends in ``surname``
        ("Kopp, a 44-year-old protester, ... James C. Kopp")."""
        for k in range(i, len(self.sentences)):
            for p in self.persons(k):
                if p.start >= after and p.link == LINK_NAME and norm_name(p.name.split()[-1]) == surname:
                    return p
        return None

    def persons(self, i: int) -> list[_Person]:
        """Everyone named in sentence ``i``: KB mentions, and capitalised names that start with
        a known given name or an honorific ("Dr. Jane Doe", "Mr. Smith")."""
        got = self._persons.get(i)
        if got is not None:
            return got
        base, text = self.sentences[i]
        out: list[_Person] = []
        taken: list[tuple[int, int]] = []
        self._persons[i] = out  # a surname looks back, never at itself
        for m in self.by_sentence[i]:
            p = self.person_of_mention(m, i)
            taken.append((m.name_start, m.name_end))
            if p is not None:
                out.append(p)
        for s, e, words in _name_runs(text):
            if any(a < base + e and base + s < b for a, b in taken):
                continue
            first = norm_name(words[0].rstrip("."))
            if first in _HONORIFICS and len(words) >= 2:
                name = " ".join(words[1:]) if len(words) > 2 else " ".join(words)
                p = self.person_of_name(i, base + s, base + e, name, look_ahead=False)
            elif len(words) >= 2 and first in self.given:
                p = self.person_of_name(i, base + s, base + e, " ".join(words), look_ahead=False)
            else:
                continue
            if p is not None:
                out.append(p)
        out.sort(key=lambda p: p.start)
        return out

    def at_name_before(self, i: int, local: int) -> _Person | None:
        """The person whose name ends right before ``local`` in sentence ``i`` ("Netanyahu|, 75")."""
        base, text = self.sentences[i]
        for m in self.by_sentence[i]:
            if m.name_end - base == local or (m.end - base == local and m.form == "appositive"):
                return self.person_of_mention(m, i)
        span = _name_before(text, local)
        if span is None:
            return None
        s, words = span
        for m in self.by_sentence[i]:  # a mention ending the run ("Ivana Trump": no KB person)
            if base + s <= m.name_start < base + local and m.name_end >= base + len(text[:local].rstrip()):
                p = self.person_of_mention(m, i)
                if p is not None and p.person_id is None:
                    return p
                break
        name = " ".join(w for w in words)
        if norm_name(words[0].rstrip(".")) in _HONORIFICS:
            name = " ".join(words[1:])
        if not name:
            return None
        return self.person_of_name(i, base + s, base + local, name)

    def at_name_after(self, i: int, local: int, subject: bool = False) -> _Person | None:
        """The person named right after ``local`` ("the 75-year-old |Netanyahu"), with at most
        title words between for a KB mention."""
        base, text = self.sentences[i]
        for m in self.by_sentence[i]:
            ls = m.name_start - base
            if ls < local or ls - local > 60:
                continue
            gap = text[local:ls]
            words = gap.split()
            if not gap.strip() or (gap[:1].isspace() and all(w.lower() in _TITLE_GAP_WORDS for w in words)):
                if m.person_id is None and not gap.strip():
                    break  # a name the KB does not know: read it below
                return self.person_of_mention(m, i)
        span = _name_after(text, local)
        if span is None:
            return None
        s, e, words = span
        if not subject and not _NAME_FOLLOW.match(text, e):
            return None  # "the 20-year-old Pennsylvania man"
        if len(words) == 1 and norm_name(words[0]) in self.demonyms:
            return None  # "the 25-year-old German"
        return self.person_of_name(i, base + s, base + e, " ".join(words))

    def antecedent(self, i: int, local: int, noun: str | None = None) -> _Person | None:
        """The one person a pronoun or a descriptor at ``local`` of sentence ``i`` can stand for:
        the people named before it in the sentence, else in the nearest earlier sentence that
        names anyone; with ``noun``, only those that fit it. None when ambiguous."""
        base = self.sentences[i][0]
        for k in range(i, max(-1, i - 1 - _LOOK_BACK), -1):
            cands = [p for p in self.persons(k) if k < i or p.end <= base + local]
            if not cands:
                continue
            keys: dict[str, _Person] = {}
            for p in cands:
                keys.setdefault(p.key, p)
            found = list(keys.values())
            if noun is not None:
                strong = [p for p in found if self.fits_noun(p, noun) == 2]
                weak = [p for p in found if self.fits_noun(p, noun) >= 1]
                found = strong if len(strong) == 1 else weak
            return found[0] if len(found) == 1 else None
        return None

    def fits_noun(self, p: _Person, noun: str) -> int:
        """2: the person's office or title says ``noun``; 1: nothing says otherwise; 0: it does not fit."""
        if noun in _ROLE_NOUNS:  # "the 36-year-old striker" is no office holder of the KB
            return 0 if p.person_id is not None and self.kb.people[p.person_id].terms else 1
        wants = _OFFICE_NOUNS.get(noun)
        if wants is None:
            return 1
        if p.title and any(w in p.title.lower() for w in wants + (noun,)):
            return 2
        if p.person_id is None:
            return 1
        offices = [self.kb.offices.get(t.office) for t in self.kb.terms(p.person_id)]
        names = " ".join(f"{o.name} {' '.join(o.titles)}".lower() for o in offices if o is not None)
        if not names:
            return 1
        return 2 if any(w in names for w in wants) else 0


def _name_like(tok: str) -> bool:
    return tok[:1].isupper() or tok.lower() in _PARTICLES


def _name_before(text: str, local: int) -> tuple[int, list[str]] | None:
    """The run of capitalised words ending right before ``local`` (spaces allowed), without the
    words before it that are no part of a name ("Marine Cpl.", "The company said")."""
    end = len(text[:local].rstrip())
    toks = list(_TOKEN.finditer(text, max(0, end - 80), end))
    if not toks or toks[-1].end() != end or toks[-1].group().endswith(("'s", "’s")):
        return None
    run: list[re.Match[str]] = []
    for t in reversed(toks):
        if run and text[t.end():run[0].start()].strip():
            break
        if not _name_like(t.group()):
            break
        run.insert(0, t)
    while run and run[0].group().lower() in _PARTICLES:
        run.pop(0)
    for j in range(len(run) - 1, -1, -1):  # keep the words after the last title or opener
        if norm_name(run[j].group().rstrip(".")) in _NOT_NAME:
            honorific = norm_name(run[j].group().rstrip(".")) in _HONORIFICS
            run = run[j:] if honorific and j < len(run) - 1 else run[j + 1:]
            break
    words = [t.group() for t in run]
    if not words or len(words) > 5 or not any(w[:1].isupper() and not _SUFFIX.match(w) for w in words):
        return None
    if words[-1].isupper() and len(words[-1]) > 1 and not _SUFFIX.match(words[-1]) and len(words) == 1:
        return None  # an acronym ("IBM, 45,")
    return run[0].start(), words


def _name_after(text: str, local: int) -> tuple[int, int, list[str]] | None:
    """The run of capitalised words starting right after ``local``."""
    m = re.compile(r"\s+").match(text, local)
    pos = m.end() if m else local
    run: list[re.Match[str]] = []
    for t in _TOKEN.finditer(text, pos, min(len(text), pos + 80)):
        if run and text[run[-1].end():t.start()].strip():
            break
        if not run and t.start() != pos:
            break
        if not _name_like(t.group()):
            break
        run.append(t)
    while run and (run[-1].group().lower() in _PARTICLES):
        run.pop()
    if run and run[-1].group().endswith(("'s", "’s")):
        last = run[-1]
        words = [t.group() for t in run[:-1]] + [last.group()[:-2]]
        end = last.end() - 2
    else:
        words = [t.group() for t in run]
        end = run[-1].end() if run else pos
    words = [w.rstrip(".") if not re.match(r"^[A-Z]\.$", w) else w for w in words]
    if not words or len(words) > 4 or any(norm_name(w.rstrip(".")) in _NOT_NAME for w in words):
        return None
    return pos, end, words


_RUN = recache.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’-]*\.?(?:[ \t]+(?:(?:al|el|bin|ibn|de|da|di|van|von|der|del|la|le)[ \t]+)?"
                       r"[A-Z][\w'’-]*\.?)+)")


def _name_runs(text: str) -> Iterable[tuple[int, int, list[str]]]:
    """Runs of two or more capitalised words (local offsets)."""
    for m in _RUN.finditer(text):
        words = m.group().split()
        yield m.start(), m.end(), words


# -- extraction ----------------------------------------------------------------------------------


def extract_ages(
    sentences: Sequence[tuple[int, str]],
    mentions: Sequence[Any],
    kb: KnowledgeBase,
    pub: date | None = None,
    ref_time: Callable[[int, int], Any] | None = None,
    triggered: list[int] | None = None,
) -> list[Age]:
    """Every stated age in ``sentences`` ((absolute start, text) pairs), linked to a person where
    the text warrants it (``mentions``: ``linter.extract.mentions.Mention``, absolute offsets)
    and timed (``ref_time(start, end)``: the ``linter.extract.reftime.RefTime`` of a span; without
    it, a year named in the sentence is the only other time considered). ``triggered``, the
    indices of the sentences ``_may_state_age`` passes, is found when not given."""
    doc: _Doc | None = None
    out: list[Age] = []
    births: list[Birth] = []
    if triggered is None:
        triggered = [i for i, (_, text) in enumerate(sentences) if _may_state_age(text)]
    if not triggered:
        return out
    doc = _Doc(sentences, mentions, kb, pub, ref_time)
    for i in triggered:
        text = sentences[i][1]
        if "born" in text or "Born" in text or "(b." in text:
            births.extend(_births(doc, i))
    born_ranges = {(b.lo, b.hi) for b in births}
    for i in triggered:
        text = sentences[i][1]
        found: list[Age] = []
        taken: set[int] = set()
        if "old" in text or "OLD" in text or "Old" in text:  # _YEAR_OLD is case-blind: "75-Year-Old" in a headline
            found.extend(_year_old(doc, i, taken))
        digits = not text.isascii() or _ascii_facts(text)[1]
        if digits:  # both patterns need a digit (an ASCII text's digits are the ten)
            found.extend(_appositives(doc, i, taken))
        found.extend(_deaths(doc, i, taken))
        if digits:
            found.extend(_predicates(doc, i, taken))
        for age in found:
            _time(doc, i, age, born_ranges)
        out.extend(found)
    if births:
        by_key: dict[str, Birth] = {}
        for b in births:
            if b.person_key is not None:
                by_key.setdefault(b.person_key, b)
        for a in out:
            if a.person_key is not None:
                a.birth = by_key.get(a.person_key)
    out.sort(key=lambda a: a.start)
    return out


def _new(doc: _Doc, i: int, s: int, e: int, value: int, form: str, person: _Person | None,
         direct: bool = False) -> Age:
    base, text = doc.sentences[i]
    age = Age(base + s, base + e, text[s:e], value, form=form, direct=direct and person is not None)
    if person is not None:
        age.person_key = person.key
        age.person_id = person.person_id
        age.person_name = person.name
        age.person_start, age.person_end = person.start, person.end
        age.link = person.link
        age.person_title = person.title
    return age


#: What every ``_YEAR_OLD`` match holds, in the text's :func:`~linter.fold.ascii_fold` copy.
_YEAR_OLD_LITERALS = ("year-old", "year old", "years-old", "years old")


def _year_old(doc: _Doc, i: int, taken: set[int]) -> list[Age]:
    base, text = doc.sentences[i]
    out: list[Age] = []
    if not contains_any(ascii_fold(text), _YEAR_OLD_LITERALS):
        return out  # "told", "sold", "gold": no "-year-old" to read
    for m in _YEAR_OLD.finditer(text):
        value = _num(m.group("num"))
        if value is None:
            continue
        s, e = m.start(), m.end()
        if m.group("sep") == " " and _IS_BEFORE.search(text, max(0, s - 16), s):
            continue  # "who is 60 years old": a predicate
        taken.add(s)
        before = text[max(0, s - 14):s]
        det = _DETERMINER.search(before)
        det_word = det.group("det").lower().rstrip("-") if det else None
        if det_word in ("his", "her", "their", "its", "our", "your", "my"):
            out.append(_new(doc, i, s, e, value, FORM_DESCRIPTOR, None))  # "his 6-year-old son"
            continue
        # "Kopp, a 44-year-old protester," / "Kopp, the 44-year-old protester": the name before
        art = _APPOS_ARTICLE.search(text, 0, s)
        if art is not None and art.end() == s and not _thing_after(text, e):
            person = doc.at_name_before(i, art.start())
            if person is not None:
                age = _new(doc, i, s, e, value, FORM_APPOSITIVE, person, direct=True)
                noun = _descriptor_noun(text, e)
                if noun and person.person_id is not None and doc.fits_noun(person, noun) == 0:
                    _unlink_kb(age)  # "Scott Perry, a 23-year-old teacher": not the congressman
                out.append(age)
                continue
        # "Reupke, 52 years old": an appositive
        if m.group("sep") == " " and re.search(r",\s*$", text[:s]) and not det_word:
            person = doc.at_name_before(i, len(text[:s].rstrip()) - 1)
            if person is not None:
                out.append(_new(doc, i, s, e, value, FORM_APPOSITIVE, person, direct=True))
                continue
        # the adjective right before a name: "the 75-year-old Netanyahu"
        if det_word not in ("a", "an") and m.group("sep") == "-":
            person = doc.at_name_after(i, e)
            if person is not None:
                out.append(_new(doc, i, s, e, value, FORM_ADJECTIVE, person, direct=True))
                continue
        if det_word != "the" and not (det_word is None and s == 0):
            out.append(_new(doc, i, s, e, value, FORM_DESCRIPTOR, None))  # "a 40-year-old man": someone new
            continue
        noun = _descriptor_noun(text, e)
        if noun is None:
            out.append(_new(doc, i, s, e, value, FORM_DESCRIPTOR, None))
            continue
        person = doc.antecedent(i, s, noun or None)
        if person is not None:
            person = person._replace(link=LINK_DESCRIPTOR)
        out.append(_new(doc, i, s, e, value, FORM_DESCRIPTOR, person))
    return out


def _thing_after(text: str, local: int) -> bool:
    words = [w.lower().strip(".,") for w in text[local:local + 60].split()[:4]]
    return any(w in _THING_NOUNS for w in words)


def _descriptor_noun(text: str, local: int) -> str | None:
    """The person noun a definite descriptor ends in ("" when it stands alone: "said the
    79-year-old."), or None when it describes no person ("the 40-year-old treaty")."""
    rest = text[local:]
    if not rest.strip() or re.match(r"^\s*(?:[,.;:!?)\"”]|['’]s\b|\s+(?:said|says|told|has|had|is|was|who|added)\b)", rest):
        return ""
    for w in _TOKEN.findall(rest[:60])[:3]:
        lw = w.lower().strip(".,")
        if lw in PERSON_NOUNS or lw in _ROLE_NOUNS:
            return lw
        if w[:1].isupper():
            continue  # "Iranian", "Israeli"
        if lw not in _TITLE_GAP_WORDS:
            break
    return None


def _appositives(doc: _Doc, i: int, taken: set[int]) -> list[Age]:
    """", 75," ", aged 75," " (75)" ", then 46," after a name, or "He, 80," at the start."""
    base, text = doc.sentences[i]
    out: list[Age] = []
    for m in (_APPOS if "(" in text else _APPOS_COMMA).finditer(text):
        raw = m.group("a") or m.group("b")
        g = "a" if m.group("a") else "b"
        value = int(raw)
        if not 0 < value < 125:
            continue
        s, e = m.start(g), m.end(g)
        if any(s <= t < e for t in taken):
            continue
        pre = (m.group("pre") or "").lower()
        if m.group("a") and text[m.end("a"):m.end()].strip().lower().startswith("year"):
            continue  # "Reupke, 52 years old": read by _year_old
        lead = text[:m.start()].rstrip()
        if lead.lower().endswith(("he", "she")) and re.search(r"(?:^|[.;:!?\"“]\s*)(?:he|she)$", lead, re.IGNORECASE):
            person = doc.antecedent(i, m.start())
            if person is not None:
                person = person._replace(link=LINK_PRONOUN)
            form = FORM_AGED if pre in ("aged", "age") else FORM_APPOSITIVE
            age = _new(doc, i, s, e, value, form, person)
        else:
            person = doc.at_name_before(i, m.start())
            if person is None:
                continue
            form = FORM_AGED if pre in ("aged", "age") else FORM_APPOSITIVE
            if form == FORM_AGED:
                s = m.start() + len(text[m.start():m.start("a")]) - len(text[m.start():m.start("a")].lstrip(", "))
                s = text.index(m.group("pre"), m.start())
            age = _new(doc, i, s, e, value, form, person, direct=True)
        if pre == "then":
            age.time = "then"  # resolved by _time
        taken.add(s)
        out.append(age)
    return out


def _deaths(doc: _Doc, i: int, taken: set[int]) -> list[Age]:
    """"died at 68", "died aged 68", "dies at 68", "who was 68 when he died"."""
    base, text = doc.sentences[i]
    out: list[Age] = []
    low = text.lower()
    # "passed", not "passed away": _DEATH_BEFORE takes any white space between the two words (a
    # line break in hard-wrapped copy)
    if "die" not in low and "death" not in low and "killed" not in low and "passed" not in low:
        return out
    for m in _AT_AGE.finditer(text):
        s, e = m.start(), m.end()
        if s in taken or m.start("num") in taken:
            continue
        d = _DEATH_BEFORE.search(text, max(0, s - 80), s)
        if d is None or _CLAUSE_BREAK.search(d.group("gap")):
            continue
        value = int(m.group("num"))
        person = _subject_before(doc, i, d.start())
        poss = re.search(r"['’]s\s+$", text[max(0, d.start() - 4):d.start()])
        if person is None and poss is not None:  # "Caray's death at 83"
            person = doc.at_name_before(i, d.start() - len(poss.group()))
        if person is None and text[d.start():d.end("verb")].lower() == "death":
            of = re.match(r"\s+of\s+", text[d.end("verb"):])
            if of is not None:
                person = doc.at_name_after(i, d.end("verb") + of.end() - 1)
        age = _new(doc, i, s, e, value, FORM_DEATH, person, direct=person is not None and person.link != LINK_PRONOUN)
        verb = d.group("verb").lower()
        recent = verb == "dies" or re.search(r"\b(?:has|have)\s+$", text[max(0, d.start() - 6):d.start()]) is not None
        age.time = "death-now" if recent else TIME_DEATH
        taken.add(m.start("num"))
        out.append(age)
    for m in _WHEN_DIED.finditer(text):
        s, e = m.start("num"), m.end("num")
        if s in taken:
            continue
        person = _subject_before(doc, i, m.start())
        age = _new(doc, i, s, e, int(m.group("num")), FORM_DEATH, person,
                   direct=person is not None and person.link != LINK_PRONOUN)
        age.time = TIME_DEATH
        taken.add(s)
        out.append(age)
    return out


_SUBJECT_TAIL = recache.compile(
    r"(?:,\s*[^,;:()\"“”]{1,60},\s*)?"
    r"(?:,?\s*who\s+)?(?:has\s+|had\s+|have\s+)?(?:also\s+)?$",
    re.IGNORECASE,
)


def _subject_before(doc: _Doc, i: int, local: int) -> _Person | None:
    """The person a verb at ``local`` says something of: "Smith died", "Smith, 73, has died",
    "Smith, who was", "He died" (pronoun)."""
    base, text = doc.sentences[i]
    head = text[:local]
    m = _SUBJECT_TAIL.search(head)
    at = m.start() if m is not None else len(head)
    stem = head[:at].rstrip()
    if re.search(r"(?:^|[^\w])(?:he|she)$", stem, re.IGNORECASE):
        person = doc.antecedent(i, len(stem) - 2)
        return None if person is None else person._replace(link=LINK_PRONOUN)
    return doc.at_name_before(i, len(stem))


def _predicates(doc: _Doc, i: int, taken: set[int]) -> list[Age]:
    """"who is 45", "he is 45", "she was 45", "Sanders is 83."."""
    base, text = doc.sentences[i]
    out: list[Age] = []
    for m in _PREDICATE_SIMPLE.finditer(text):
        s, e = m.start("num"), m.end("num")
        if s in taken:
            continue
        value = int(m.group("num"))
        if not 0 < value < 125:
            continue
        head = text[:m.start()].rstrip()
        word = re.search(r"(\w+)$", head)
        if word is None:
            continue
        w = word.group(1)
        person: _Person | None
        if w.lower() == "who":
            stem = head[:word.start()].rstrip().rstrip(",").rstrip()
            person = doc.at_name_before(i, len(stem))
            direct = person is not None
        elif w.lower() in _PRONOUNS:
            stem = head[:word.start()].rstrip()
            if stem and not re.search(r"(?:[.;:!?\"“]|\b(?:and|but|said|says))$", stem, re.IGNORECASE):
                continue  # "before he is 40": another time
            person = doc.antecedent(i, word.start())
            person = None if person is None else person._replace(link=LINK_PRONOUN)
            direct = False
        elif w[:1].isupper() and m.group("verb")[:1] not in "'’":
            person = doc.at_name_before(i, len(head))
            if person is None:
                continue
            clause = re.split(r"[.;:!?,\"“]|\b(?:and|but)\b", head[:max(0, person.start - base)])[-1].split()
            if not all(x[:1].isupper() or x.lower() in _TITLE_GAP_WORDS for x in clause):
                continue  # the name must open the clause: "Sanders is 83", not "meet Sanders is 83"
            direct = True
        else:
            continue
        age = _new(doc, i, s, e, value, FORM_PREDICATE, person, direct=direct)
        verb = m.group("verb").lower()
        if verb == "was":
            age.time = "was"  # explicit time or unknown, by _time
        elif verb.startswith("turn"):
            age.time = "then"
        taken.add(s)
        out.append(age)
    return out


def _births(doc: _Doc, i: int) -> list[Birth]:
    base, text = doc.sentences[i]
    out: list[Birth] = []
    for m in _BORN.finditer(text):
        span = _parse_birth(m)
        if span is None:
            continue
        b = Birth(base + m.start(), base + m.end(), m.group(), span[0], span[1])
        head = text[:m.start()]
        person: _Person | None = None
        if re.match(r"^\W*Born\b", text[:m.end()]) and not head.strip(" \"“'‘("):
            comma = text.find(",", m.end())
            if comma != -1:
                person = doc.at_name_after(i, comma + 1, subject=True)
        else:
            stem = (_BIRTH_PAREN_TAIL if m.group().startswith("(") else _BIRTH_SUBJECT_TAIL).sub("", head)
            if stem != head:
                if re.search(r"(?:^|[^\w])(?:he|she)$", stem, re.IGNORECASE):
                    person = doc.antecedent(i, len(stem) - 2)
                    person = None if person is None else person._replace(link=LINK_PRONOUN)
                else:
                    person = doc.at_name_before(i, len(stem.rstrip()))
        if person is not None:
            b.person_key, b.person_id, b.link = person.key, person.person_id, person.link
        out.append(b)
    return out


# -- time ----------------------------------------------------------------------------------------


def _time(doc: _Doc, i: int, age: Age, born: Collection[tuple[date, date]] = ()) -> None:
    """Set ``age.time``, ``at``, ``at_end`` and the other reading; drop a KB link to a namesake."""
    base, text = doc.sentences[i]
    pub = doc.pub
    local = age.start - base
    marker = age.time  # "then" / "was" set by the finders, death, or the default
    before = text[max(0, local - 40):local]
    if age.form in (FORM_ADJECTIVE, FORM_DESCRIPTOR):
        det = _DETERMINER.search(text[max(0, local - 14):local])
        if det is not None and det.group("det").lower().startswith("then"):
            marker = "then"
    if marker not in (TIME_DEATH, "death-now", "then") and _THEN_BEFORE.search(before):
        marker = "then"
    rt = doc.ref_time(age.start, age.end) if doc.ref_time is not None else None
    explicit: tuple[date, date] | None = None
    others: list[tuple[date, date]] = []
    if rt is not None:
        others = list(rt.others)
        if rt.source == "explicit" and rt.start is not None and rt.end is not None:
            if marker == TIME_PUBLICATION and (
                    (pub is not None and rt.start > pub + _NEAR_PUBLICATION)  # "will retire in June 1988"
                    or (rt.text and re.search(rf"\b(?:since|from|until|till|through)\s+(?:\w+\s+)?{re.escape(rt.text)}",
                                              text))):
                others.append((rt.start, rt.end))  # not the age's time: "has served since 1978"
            else:
                explicit = (rt.start, rt.end)
    else:
        years = sorted({int(y) for y in _YEAR_IN_TEXT.findall(text) if pub is None or int(y) != pub.year})
        others = [(date(y, 1, 1), date(y, 12, 31)) for y in years]
        if years and marker in ("then", "was", TIME_DEATH, "death-now"):
            explicit = (others[0][0], others[-1][1])
    if explicit in born:  # "Smith, 33, was born in 1984": the birth is no time of the age
        explicit = None
    others = [o for o in others if o not in born]
    age.time = TIME_UNKNOWN
    age.at = age.at_end = age.alt_at = age.alt_end = None

    if marker in (TIME_DEATH, "death-now"):
        _death_time(doc, age, explicit, others, marker == "death-now")
    elif marker in ("then", "was"):
        if explicit is not None:
            age.time, (age.at, age.at_end) = TIME_EXPLICIT, explicit
    elif _UNKNOWN_BEFORE.search(before) or _UNKNOWN_AFTER.match(text, age.end - base) or _OTHER_TIME_WORDS.search(text):
        pass
    elif explicit is not None and pub is not None and not (
            explicit[0] - _NEAR_PUBLICATION <= pub <= explicit[1] + _NEAR_PUBLICATION):
        age.time, (age.at, age.at_end) = TIME_EXPLICIT, explicit
        age.alt_at = age.alt_end = pub
    else:
        age.time = TIME_PUBLICATION
        age.at = age.at_end = pub
        far = [o for o in others if pub is not None and not (o[0] - _NEAR_PUBLICATION <= pub <= o[1] + _NEAR_PUBLICATION)]
        if (rt is not None and rt.source == "paragraph" and rt.start is not None and rt.end is not None
                and (rt.start, rt.end) not in born):
            far.append((rt.start, rt.end))
        if far:
            age.time = TIME_DEFAULT
            age.alt_at, age.alt_end = min(o[0] for o in far), max(o[1] for o in far)
    _check_alive(doc, age)
    age.current = age.time == TIME_PUBLICATION


def _death_time(doc: _Doc, age: Age, explicit: tuple[date, date] | None, others: list[tuple[date, date]],
                recent: bool) -> None:
    p = doc.kb.people.get(age.person_id) if age.person_id else None
    if p is not None and p.died is not None and doc.pub is not None and p.died > doc.pub + timedelta(days=2):
        _unlink_kb(age)  # not dead yet when the text was published: a namesake
        p = None
    if p is not None and p.died is not None:
        age.time, age.at, age.at_end = TIME_DEATH, p.died, p.died
    elif explicit is not None:
        age.time, (age.at, age.at_end) = TIME_DEATH, explicit
    elif p is None and len(others) == 1:
        age.time, (age.at, age.at_end) = TIME_DEATH, others[0]
    elif recent and doc.pub is not None:  # "dies at 73", "has died at 73": news of the day
        age.time, age.at, age.at_end = TIME_DEATH, doc.pub, doc.pub


def _check_alive(doc: _Doc, age: Age) -> None:
    """A KB person must be alive (and born) at the time an age is stated for; one who died just
    before publication is given the age at death; otherwise the KB person is a namesake."""
    if age.person_id is None or age.at is None or age.time == TIME_DEATH:
        return
    p = doc.kb.people.get(age.person_id)
    if p is None:
        return
    if p.died is not None and p.died < age.at:
        if age.time == TIME_PUBLICATION and age.at - p.died <= _DEAD_NAMESAKE:
            age.time, age.at, age.at_end = TIME_DEATH, p.died, p.died
            return
        _unlink_kb(age)
    elif p.born is not None and p.born > (age.at_end or age.at):
        _unlink_kb(age)
    elif (age.time in (TIME_PUBLICATION, TIME_DEFAULT) and p.terms and not age.person_title
          and min(t.start for t in p.terms).year > age.at.year + _NOT_YET_KNOWN):
        _unlink_kb(age)
    elif p.born is not None and not p.uncertain and not age.person_title and all(
            _years_off(age.value, p.born, lo, hi) >= _NAMESAKE_GAP for lo, hi in _readings(age)):
        _unlink_kb(age)  # decades away from the KB person's age: a namesake, not a typo


def _years_off(value: int, born: date, lo: date, hi: date) -> int:
    young, old = age_span(born, born, lo, hi)
    return max(0, young - value, value - old)


def _unlink_kb(age: Age) -> None:
    """Keep the age tied to the name as written, not to the KB person of that name."""
    name = age.person_name or ""
    age.person_id = None
    age.person_key = norm_name(name) if name else None
