"""Titled mentions of people: "former U.S. President Donald Trump", "Trump, the former president,",
"Vance stated" — each resolved through the knowledge base to a person and an office.

One job: find person mentions in sentences and say how each is written (title, modifier,
country, form). Whether a title is right on a date is the rules' business (``linter.kb``).

How it works: a gazetteer is built once per KB (cached on the KB, and its tables in the cache
folder between runs, ``KnowledgeBase.kept``): every normalised name,
alias, surname, title, country form, modifier and honorific. One regex finds runs of
capitalised words (allowing "of", "of the" and name particles such as "al-", "bin", "von der"
inside a run); only runs holding a gazetteer word and a word that can match a name or a title
(an "anchor", see ``_word``) are parsed, left to right, as
``[modifier] [country] TITLE[-elect] [honorific] NAME``. What each word as written can do,
whether each run is worth parsing and, for one that is, its tokens and what the look-ups of
titles, countries and names found at each (``_Plan``: they read nothing but the run), is
remembered on the gazetteer. A short look-behind regex catches a
lower-case modifier or title before the run ("former President", "former president Donald
Trump", "then-President Obama"), and a look-ahead regex catches appositives ("Trump, the
former president,"). A bare surname resolves to the person last named in full in the same
document, else to the only KB person with that surname (unless the KB marks the surname as
too ambiguous to use alone, ``bare_surname: false``).

The KB match is checked against the whole name as written, so that a KB surname inside
another name is not taken for the person:

* a name followed by a capitalised name or institution word is part of something else
  ("the Baker Plan", "Fox News", "Trump Tower"): dropped; followed by a lower-case noun, or
  after "the/a/an" ("Reagan bonds", "the Biden administration") it is kept with
  ``attributive=True`` and never counts as the first reference;
* given names the KB does not know before a KB surname ("Howard Baker", "Michael Reagan",
  "Donald Trump Jr.", surname-first "Yang Jike") name someone else: the mention has no person,
  and the surname alone means nobody for the rest of the document, until the KB person is
  named in full again (the most recent full name wins); known given names, a one-letter typo or
  a prefix ("Mikhael", "Ron") still match;
* a title with a capitalised word before it that is not a known country, modifier or sentence
  opener is another body's title ("Microsoft President", "Bahrain's Crown Prince", "Harvard
  president", "Deputy Prime Minister"): no KB office, unless (for a body, not a rank) the
  person held an office with that title ("Gaullist Prime Minister Jacques Chirac");
* a titled name longer than the KB name ("Crown Prince Salman bin Hamad Al Khalifa", "CES
  President Philippe Neeser") is someone else; one name word after a title resolves to a person
  of that surname whose terms fit ``pub_date``, preferring holders of the title, and a mononym
  or given name ("former vice-president Francis") only to a holder of the title.

Title-case headlines skip these checks (capitals say little there), and a common word opening
a clause ("Will Trump ...", written in lower case elsewhere in the document) is no given name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import compress
from operator import itemgetter
from typing import Any, Literal, NamedTuple

import regex

from linter import recache
from linter.extract.names import edit_distance
from linter.kb import KnowledgeBase, Office, Person, norm_name, normalize_modifier
from linter.patterns import prefix_tree

__all__ = ["Mention", "extract_mentions", "Gazetteer", "gazetteer"]

FORM_TITLE = "title-name"
FORM_APPOSITIVE = "appositive"
FORM_SURNAME = "surname"
FORM_FULL = "full-name"
QUAL_BODY = 1  # the title is another body's ("Microsoft President"): only a KB holder of that title keeps it
QUAL_RANK = 2  # a rank before the title ("Deputy Prime Minister"): never the KB office

_MODIFIER_WORDS = (
    "former", "ex", "then", "late", "ousted", "deposed", "toppled", "outgoing", "incoming", "acting",
    "interim", "caretaker", "longtime", "long-time", "long-serving", "onetime", "one-time", "erstwhile",
    "sitting", "current", "incumbent",
)
_HONORIFICS = (
    "Ayatollah", "Grand Ayatollah", "Sheikh", "Sheik", "Sir", "Dame", "Lord", "Lady", "Dr.", "Dr", "Gen.",
    "General", "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Hojatoleslam", "Imam", "Prince", "Maj. Gen.",
)
_PARTICLES = r"(?:al|el|bin|ibn|bint|arap|de|da|di|do|dos|du|van|von|der|den|del|la|le|ter|zu)"
_UP = r"[\p{Lu}\p{Lt}]"
_TOKEN = _UP + r"[\p{L}\p{M}\p{Nd}'’]*(?:[.\-][\p{L}][\p{L}\p{M}'’]*)*\.?"
_WS = r"(?:[ \t\u00a0]+\n?[ \t\u00a0]*|\n[ \t\u00a0]*)"
_RUN_RE = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\p{{Nd}}'’.]){_TOKEN}"
    rf"(?:{_WS}(?:of{_WS}(?:the{_WS})?)?(?:{_PARTICLES}(?:{_WS}|-))*{_TOKEN})*"
)
# The same runs in ASCII text, for the faster ``re``: the character classes reduced to ASCII, and
# the look-behind after the first capital (it checks the character before it) so that the search
# skips ahead to capitals. Its repeats are possessive and its white space atomic, which spares
# the engine its records for backtracking: nothing is given back in a match (every part after a
# run's first word is optional, so the greedy way always matches; inside a further word, giving
# back white space or a particle leaves a space or a lower-case letter where a capital, "of",
# "the" or a particle must start, and at most one particle ends in white space or "-" at a
# place). ``tests/test_mentions.py`` checks it against the plain form.
# On an ``re`` without them (Python 3.10) or running them wrongly (3.11.0-3.11.4,
# recache.POSSESSIVE), the plain greedy form, which matches the same runs.
if recache.POSSESSIVE:
    _ASCII_TOKEN_TAIL = r"[A-Za-z0-9']*+(?:[.\-][A-Za-z][A-Za-z']*+)*+\.?"
    _ATOMIC_WS = rf"(?>{_WS})"
    _ASCII_RUN_RE = recache.compile(
        rf"[A-Z](?<![A-Za-z0-9'.].){_ASCII_TOKEN_TAIL}"
        rf"(?:{_ATOMIC_WS}(?:of{_ATOMIC_WS}(?:the{_ATOMIC_WS})?+)?+(?:{_PARTICLES}(?:{_ATOMIC_WS}|-))*+[A-Z]{_ASCII_TOKEN_TAIL})*+"
    )
else:  # pragma: no cover - see above
    _ASCII_TOKEN_TAIL = r"[A-Za-z0-9']*(?:[.\-][A-Za-z][A-Za-z']*)*\.?"
    _ASCII_RUN_RE = recache.compile(
        rf"[A-Z](?<![A-Za-z0-9'.].){_ASCII_TOKEN_TAIL}"
        rf"(?:{_WS}(?:of{_WS}(?:the{_WS})?)?(?:{_PARTICLES}(?:{_WS}|-))*[A-Z]{_ASCII_TOKEN_TAIL})*"
    )
# The words of a run (or of one word): ``re``'s ``\S`` and ``regex``'s ``[^\s]`` differ only on
# \x1c-\x1f, which no run holds (a run is letters, digits, marks, apostrophes, dots, hyphens and
# the white space of ``_WS``), and ``re`` is the faster.
_WORD_RE = recache.compile(r"\S+")
_ROMAN_RE = regex.compile(r"^[IVXL]+$")
_STOP_NAME = frozenset(
    norm_name(w)
    for w in (
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July "
        "August September October November December The A An And But In On At For With From To Of"
    ).split()
)
# Capitalised words that are never a given name or part of a person's name: sentence openers,
# generic titles the KB has no office for ("Senator Baker" is a title, not a first name), party
# and institution words, and verbs of title-case headlines.
_OPENERS = frozenset(
    norm_name(w)
    for w in (
        "Yesterday Today Tomorrow Tonight Meanwhile However Still Then Now Also Both Either Neither Only Even "
        "Just When Whenever While Whilst If As After Before Since Until Although Though So Yet Or Nor Not No "
        "Because Unless Once Where Why How What Who Whom Whose Which There Here It Its He She They We I "
        "You His Her Hers Their Our My Your This That These Those Some Many Most Much All Any Each Every "
        "Other Another Such Several Few More Less Last Next First Second Third Earlier Later Instead Indeed "
        "Despite Under Over Into Onto About Above Below Across Against Among Amid Along Around Behind "
        "Beside Besides Between Beyond During Except Inside Near Outside Per Through Throughout Toward "
        "Towards Upon Via Within Without Like Unlike Including Following According Asked Speaking "
        "Addressing Meeting Writing Says Said Tells Told Calls Urges Warns Meets Vows Slams Signs Wins "
        "Democrat Democrats Democratic Republican Republicans GOP Labour Labor Tory Tories Conservative "
        "Conservatives Liberal Liberals Socialist Socialists Communist Communists Senior Top New Old Young "
        "Elder Big Little Great Dear Veteran Powerful Embattled Influential Prominent Rival Fellow Is Are Was "
        "Were Do Does Did Can Could Should Would Shall May Might Must Has Have Had Will Forget Join Let Meet "
        "Watch Read See Listen Imagine Remember Blame Thank Ask Tell Make Keep Stop Vote Look Inside Exclusive "
        "Breaking Opinion Analysis Editorial Update Live Video Photos Watch"
    ).split()
)
# Generic titles the KB has no office for: "Senator Baker" is a title, not a first name.
_GENERIC_TITLES = frozenset(
    norm_name(w)
    for w in (
        "Senator Sen Senators Rep Reps Representative Congressman Congresswoman Gov Governor Lt Judge Justice "
        "Mayor Speaker Chairman Chairwoman Chair Ambassador Commissioner Director Rev Reverend Father Col "
        "Colonel Capt Captain Sgt Adm Admiral Maj Major Gen General Cardinal Bishop Archbishop Rabbi Professor "
        "Prof Minister Secretary Leader Chief Deputy Assistant Spokesman Spokeswoman Aide Adviser Advisor "
        "Envoy Candidate Nominee"
    ).split()
)
# Ranks before a title: "Deputy Prime Minister" is not the Prime Minister.
_RANKS = frozenset({"deputy", "assistant", "associate", "under", "junior", "shadow", "vice", "undersecretary"})
# Institution words: a name followed by one names something else ("the Reagan Administration").
_INSTITUTIONS = frozenset(
    norm_name(w)
    for w in (
        "Administration Government Senate House Congress Parliament Court Party Staff Office Department "
        "Ministry Council Committee Commission Board Bank Agency Union Association Corp Corporation Company "
        "Inc Ltd Group University College Institute Foundation Fund Reserve Exchange Authority Service "
        "Services Force Forces Army Navy Police Airlines Airways News Times Post Journal Press Daily Network "
        "Center Centre Library Tower Towers Organization Organisation Plan Doctrine Era Campaign Team"
    ).split()
)
# Capitalised words that are never a given name or part of a person's name: sentence openers,
# party words, verbs of title-case headlines and generic titles.
_NONNAME = _OPENERS | _GENERIC_TITLES | _INSTITUTIONS
_SUFFIXES = frozenset({"jr", "sr"})
# Nouns a surname modifies when used attributively ("Reagan bonds", "Biden administration").
_ATTRIB_NOUNS = frozenset(
    (
        "administration administrations era years presidency plan proposal proposals bonds bond doctrine "
        "revolution government cabinet camp campaign aide aides team loyalists allies supporters backers critics "
        "voters base policy policies budget tax tariffs agenda family foundation library organization "
        "regime appointee appointees nominee nominees ticket initiative program programme package accord deal "
        "white house years-era style brand"
    ).split()
)
_NOT_GIVEN_ENDINGS = ("ing", "ly", "ble", "ous", "ful")  # "Unpacking Trump", "Possible Trump"
_COMPANY_RE = regex.compile(r"[ \t\u00a0]*&")
_ATTRIB_BEFORE_RE = regex.compile(r"(?i)(?<![\p{L}])(?:the|a|an)[ \t\u00a0\n]+\Z")
_NEXT_LOWER_RE = regex.compile(r"[ \t\u00a0]+\n?[ \t\u00a0]*(\p{Ll}[\p{L}\-]*+)(?![ \t\u00a0\n]+(?:to|with)\b)")


@dataclass(slots=True)
class Mention:
    """One mention of a person, with absolute offsets (end exclusive)."""

    start: int
    end: int
    name_start: int
    name_end: int
    name: str
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None
    modifier: str | None = None
    person_id: str | None = None
    office_id: str | None = None
    form: str = FORM_FULL
    first_in_document: bool = False
    country: str | None = None  # country code named with the title ("Israeli" -> "IL")
    attributive: bool = False  # used as a modifier ("the Reagan administration"), not a reference
    #: how the office was told from the others of its title: "country" (a country written with
    #: it), "title" (no other office has the title), "person" (the one the person held, or
    #: the only one of the person's country) or None
    office_by: str | None = None


_LETTERS = regex.compile(r"[^\W\d_]+")
#: How far after a name an appositive title may reach (", the former U.S. secretary of state,").
_APPOS_REACH = 160
#: What ends an appositive (a country's dots, "U.S.", do not)
_APPOS_END = regex.compile(r"[,;:)]")


class _PhraseIndex:
    """Titles and country forms, found by their letter runs. A pattern over all of them (a few
    thousand phrases) takes a second to compile; a phrase can only match a window of text that
    holds each of its letter runs, and a title written just before a name ends where the window
    ends, so the patterns around a run are matched with the few phrases the window can hold
    (``_find_before``, ``_find_appos``)."""

    def __init__(self, titles: Sequence[str], countries: Sequence[str]) -> None:
        self.titles = tuple(sorted(set(titles)))
        self.countries = tuple(sorted(set(countries)))
        #: one letter run -> (kind: 0 title / 1 country, index, every run of the phrase): a title
        #: under its last run (``candidates`` asks where a title ends), a country form under its
        #: longest other than "the"/"of"/"and", since a form is a candidate when all its runs are
        #: present, whichever run lists it (under the last, the possessive forms' "s" would list
        #: hundreds, read for every window holding "'s" or "U.S.")
        self.index: dict[str, list[tuple[int, int, frozenset[str]]]] = {}
        for kind, table in ((0, self.titles), (1, self.countries)):
            for i, phrase in enumerate(table):
                runs = _LETTERS.findall(phrase.lower())
                if kind == 0 or len(runs) < 2:
                    key = runs[-1] if runs else ""
                else:
                    key = max([r for r in runs if r not in ("the", "of", "and")] or runs, key=len)
                self.index.setdefault(key, []).append((kind, i, frozenset(runs)))
        self.phrases: dict[str, _Phrase | None] = {}

    @classmethod
    def restore(cls, titles: tuple[str, ...], countries: tuple[str, ...],
                index: dict[str, list[tuple[int, int, frozenset[str]]]]) -> _PhraseIndex:
        """The index with the tables a built one has (kept by ``_gazetteer_parts``)."""
        self = cls.__new__(cls)
        self.titles, self.countries, self.index = titles, countries, index
        self.phrases = {}
        return self

    def phrase(self, text: str) -> _Phrase | None:
        """``text`` (one of the index's phrases) as the patterns around a run match it; None if
        ``_Phrase`` cannot match it as they do (kept: one per phrase of the index)."""
        try:
            return self.phrases[text]
        except KeyError:
            found = self.phrases[text] = _Phrase(text) if _clean(text) else None
            return found

    def candidates(self, window: str, title_at_end: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The titles and country forms ``window`` can hold; with ``title_at_end``, only titles
        ending at its last letter run (or the one before "-elect", "-designate")."""
        runs = _LETTERS.findall(window.lower())
        present = set(runs)
        ends: set[str] | None = None
        if title_at_end:
            ends = set(runs[-1:])
            if runs and runs[-1] in ("elect", "designate"):
                ends |= set(runs[-2:-1])
        titles: list[str] = []
        countries: list[str] = []
        for word in present | {""}:
            for kind, i, phrase_runs in self.index.get(word, ()):
                if not phrase_runs <= present:
                    continue
                if kind == 0:
                    if ends is None or word in ends or word == "":
                        titles.append(self.titles[i])
                else:
                    countries.append(self.countries[i])
        return tuple(sorted(titles)), tuple(sorted(countries))


# The patterns around a run: what is written just before it ("former U.S. President ", read by
# ``Gazetteer.before``) and an appositive after a name (", the former president,", read by
# ``Gazetteer.appos``), over the titles and country forms a window can hold
# (``_PhraseIndex.candidates``). As one regular expression for each set of candidates, they are
# (in ``re``'s syntax, ``_WS`` the white space of a run, each space of a phrase ``\s+``, a letter
# [^\W\d_]):
#
#   before: (?i)(?:(?<!letter)(?P<mod>MODIFIER)(?:WS|-))?(?:(?<!letter)(?P<country>COUNTRY)WS)?
#           (?:(?<!letter)(?P<title>TITLE)(?:-(?P<elect>elect|designate))?WS)?\Z   searched in [lo, hi)
#   appos:  (?i),WS(?:(?:the|a|an)WS)?(?:(?P<mod>MODIFIER)(?:WS|-))?(?:(?P<country>COUNTRY)WS)?
#           (?P<title>TITLE)(?:-(?P<elect>elect|designate))?(?:WS of WS(?P<ofc>COUNTRY))?
#           (?=[,.;:)]|WS(?:who|whose|said|and)\b|\Z)                             matched at pos
#
# with COUNTRY and TITLE alternations of the candidates as prefix trees (``prefix_tree``: at one
# place, the phrases are tried in the order of ``_Phrase.order``). Compiling one took 1-2 ms, for
# hundreds of sets over an archive; the same matches are found here without compiling one. A
# phrase whose spaces are single and inner (every phrase of a valid KB) matches at most one
# stretch starting (or ending) at a place, its words' lengths apart across maximal runs of white
# space, so each part of the pattern can be tried phrase by phrase at the places it can stand,
# in the order the pattern's backtracking tries them: a parse of ``before`` from its end (the
# match ends at ``hi``: of every way to match, the search takes the leftmost start, then the
# first in the pattern's order), and of ``appos`` from ``pos`` (the first way in that order).
# The fixed parts (a modifier, "-elect", "the", "of", the end) are fixed patterns; each white
# space ``_WS`` stands where a maximal run of its characters stands, as the part after it starts
# with none of them. ``tests/test_mention_patterns.py`` checks both against the patterns.

_WS_CHARS = " \t\u00a0\n"
_WS_RE = recache.compile(_WS)
_MOD_ALT = "|".join(re.escape(w) for w in sorted(_MODIFIER_WORDS))  # no modifier is a prefix of another
_MOD_LONGEST = max(len(w) for w in _MODIFIER_WORDS)
_MOD_SEP_RE = recache.compile(rf"(?i)({_MOD_ALT})(?:{_WS}|-)")
_MOD_ENDING_RE = recache.compile(rf"(?i)(?<![^\W\d_])(?:{_MOD_ALT})\Z")
_ELECT_RE = recache.compile(r"(?i)-(elect|designate)")
_ELECT_ENDING_RE = recache.compile(r"(?i)-(elect|designate)\Z")
_ARTICLE_RE = recache.compile(rf"(?i)(?:the|a|an){_WS}")
_OF_RE = recache.compile(rf"(?i){_WS}of{_WS}")
_APPOS_TAIL_RE = recache.compile(rf"(?i)(?=[,.;:)]|{_WS}(?:who|whose|said|and)\b|\Z)")


def _letter(ch: str) -> bool:
    """``re``'s [^\\W\\d_] (``tests/test_mention_patterns.py`` checks every character)."""
    return ch.isalpha() if ch.isascii() else ch.isalnum() and not ch.isdecimal()


class _Phrase:
    """A title or country form as the patterns around a run match it: case aside, its
    characters, each space standing for a run of white space (``\\s+``)."""

    __slots__ = ("text", "lens", "lower", "order", "_pattern")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lens = tuple(len(w) for w in text.split(" "))  # its words' lengths
        self.lower = text.lower() if text.isascii() else None
        #: where a prefix tree of phrases tries it: by characters, a phrase after its longer ones
        self.order = (*map(ord, text), 0x110000)
        self._pattern: re.Pattern[str] | None = None

    def fits(self, sent: str, s: int, e: int) -> bool:
        """Does the phrase match ``sent[s:e]``, whose words stand where the phrase's do (split by
        runs of white space)?"""
        seg = sent[s:e]
        if seg == self.text:
            return True
        if self.lower is not None and seg.isascii():
            # ASCII against ASCII: equal but for case (runs of white space as one space)
            return " ".join(seg.split()).lower() == self.lower
        pattern = self._pattern
        if pattern is None:  # anything else: as ``re`` matches the phrase (bounded: one per phrase)
            pattern = self._pattern = re.compile(
                "(?i)" + "".join(r"\s+" if c == " " else re.escape(c) for c in self.text))
        return pattern.fullmatch(sent, s, e) is not None

    def ending(self, sent: str, lo: int, e: int) -> int:
        """Where the phrase starts when it matches ending at ``e`` and starting at ``lo`` or
        later (-1: it does not)."""
        lens = self.lens
        pos = e
        for k in range(len(lens) - 1, 0, -1):
            start = pos - lens[k]
            if start <= lo:
                return -1
            j = start
            while j > lo and sent[j - 1].isspace():
                j -= 1
            if j == start:
                return -1
            pos = j
        s = pos - lens[0]
        return s if s >= lo and self.fits(sent, s, e) else -1

    def starting(self, sent: str, s: int) -> int:
        """Where the phrase ends when it matches starting at ``s`` (-1: it does not)."""
        n = len(sent)
        lens = self.lens
        pos = s
        last = len(lens) - 1
        for k in range(last):
            end = pos + lens[k]
            j = end
            while j < n and sent[j].isspace():
                j += 1
            if j == end:
                return -1
            pos = j
        e = pos + lens[last]
        return e if e <= n and self.fits(sent, s, e) else -1


def _clean(phrase: str) -> bool:
    """Spaces single and inner, no other white space: a phrase ``_Phrase`` matches as the
    patterns do (every phrase of a valid KB)."""
    return bool(phrase) and phrase.strip(" ") == phrase and "  " not in phrase and \
        not any(c.isspace() for c in phrase.replace(" ", ""))


def _order(phrase: _Phrase) -> tuple[int, ...]:
    return phrase.order


class _Found:
    """What a pattern around a run matched: the spans of the whole (group 0) and of each named
    part that matched, read as a ``re.Match``'s (``group``, ``start``, ``end``, ``span``)."""

    __slots__ = ("string", "spans")

    def __init__(self, string: str, spans: dict[str | int, tuple[int, int]]) -> None:
        self.string = string
        self.spans = spans

    def span(self, name: str | int = 0) -> tuple[int, int]:
        return self.spans.get(name, (-1, -1))

    def start(self, name: str | int = 0) -> int:
        return self.spans.get(name, (-1, -1))[0]

    def end(self, name: str | int = 0) -> int:
        return self.spans.get(name, (-1, -1))[1]

    def group(self, name: str | int = 0) -> str | None:
        found = self.spans.get(name)
        return None if found is None else self.string[found[0] : found[1]]


_GROUPS = ("mod", "country", "title", "elect", "ofc")


def _from_match(m: re.Match[str] | None) -> _Found | None:
    if m is None:
        return None
    spans: dict[str | int, tuple[int, int]] = {0: m.span()}
    for name in _GROUPS:
        if name in m.re.groupindex and m.start(name) >= 0:
            spans[name] = m.span(name)
    return _Found(m.string, spans)


def _ws_ending(sent: str, lo: int, x: int) -> int:
    """Where a ``_WS`` ending at ``x`` starts, when what stands before it ends with none of its
    characters (-1: no ``_WS`` ends there)."""
    i = x
    while i > lo and sent[i - 1] in _WS_CHARS:
        i -= 1
    if i == x or (x - i > 1 and sent.count("\n", i, x) > 1):
        return -1
    return i


def _mod_before(sent: str, lo: int, z: int) -> tuple[int, int]:
    """A modifier and what follows it (``(?:_WS|-)``) ending at ``z``: its span, (-1, -1) if none."""
    if z <= lo:
        return -1, -1
    y = z - 1 if sent[z - 1] == "-" else _ws_ending(sent, lo, z)
    if y <= lo:
        return -1, -1
    m = _MOD_ENDING_RE.search(sent, max(lo, y - _MOD_LONGEST), y)
    return (m.start(), y) if m is not None else (-1, -1)


def _find_before(sent: str, lo: int, hi: int, titles: list[_Phrase], countries: list[_Phrase]) -> _Found:
    """The ``before`` pattern over ``titles`` and ``countries`` (each in ``_order``) searched in
    ``sent[lo:hi]``."""
    # every way the pattern can match, as (start, rank, spans): rank is the pattern's order of
    # trying at one start, (no modifier, no country, country's order, no title, title's order,
    # no "-elect"); the empty match at hi always matches
    ways: list[tuple[int, tuple[Any, ...], dict[str | int, tuple[int, int]]]] = []
    tails: list[tuple[int, tuple[Any, ...], dict[str | int, tuple[int, int]]]] = []  # without a modifier
    x = _ws_ending(sent, lo, hi)
    if x > lo:
        if titles:
            ends: list[tuple[int, tuple[int, int] | None]] = []
            m = _ELECT_ENDING_RE.search(sent, max(lo, x - 10), x)
            if m is not None:
                ends.append((m.start(), m.span(1)))
            ends.append((x, None))
            for ph in titles:
                for te, elect in ends:
                    ts = ph.ending(sent, lo, te)
                    if ts < 0 or (ts and _letter(sent[ts - 1])):
                        continue
                    spans: dict[str | int, tuple[int, int]] = {"title": (ts, te)}
                    if elect is not None:
                        spans["elect"] = elect
                    rank = (0, ph.order, 0 if elect is not None else 1)
                    tails.append((ts, (1, (), *rank), spans))
                    y = _ws_ending(sent, lo, ts)
                    if y > lo:
                        for c in countries:
                            cs = c.ending(sent, lo, y)
                            if cs >= 0 and not (cs and _letter(sent[cs - 1])):
                                tails.append((cs, (0, c.order, *rank), {**spans, "country": (cs, y)}))
        for c in countries:
            cs = c.ending(sent, lo, x)
            if cs >= 0 and not (cs and _letter(sent[cs - 1])):
                tails.append((cs, (0, c.order, 1, (), 1), {"country": (cs, x)}))
    for z, rank, spans in tails:
        ways.append((z, (1, *rank), spans))
        ms, me = _mod_before(sent, lo, z)
        if ms >= 0:
            ways.append((ms, (0, *rank), {**spans, "mod": (ms, me)}))
    ms, me = _mod_before(sent, lo, hi)
    if ms >= 0:
        ways.append((ms, (0, 1, (), 1, (), 1), {"mod": (ms, me)}))
    if not ways:
        return _Found(sent, {0: (hi, hi)})
    start, _, spans = min(ways, key=_way_key)
    return _Found(sent, {0: (start, hi), **spans})


def _way_key(way: tuple[int, tuple[Any, ...], Any]) -> tuple[int, tuple[Any, ...]]:
    return way[0], way[1]


def _find_appos(sent: str, pos: int, titles: list[_Phrase], countries: list[_Phrase]) -> _Found | None:
    """The ``appos`` pattern over ``titles`` and ``countries`` (each in ``_order``) matched at ``pos``."""
    m = _WS_RE.match(sent, pos + 1) if sent.startswith(",", pos) else None
    if m is None:
        return None
    x0 = m.end()
    art = _ARTICLE_RE.match(sent, x0)
    for x1 in (art.end(), x0) if art is not None else (x0,):
        mods: list[tuple[tuple[int, int] | None, int]] = []
        mm = _MOD_SEP_RE.match(sent, x1)
        if mm is not None:
            mods.append((mm.span(1), mm.end()))
        mods.append((None, x1))
        for mod, x2 in mods:
            named: list[tuple[tuple[int, int] | None, int]] = []
            for c in countries:
                ce = c.starting(sent, x2)
                if ce >= 0:
                    w = _WS_RE.match(sent, ce)
                    if w is not None:
                        named.append(((x2, ce), w.end()))
            named.append((None, x2))
            for country, x3 in named:
                for ph in titles:
                    te = ph.starting(sent, x3)
                    if te < 0:
                        continue
                    el = _ELECT_RE.match(sent, te)
                    for elect, x5 in (((el.span(1), el.end()), (None, te)) if el is not None else ((None, te),)):
                        ofcs: list[tuple[tuple[int, int] | None, int]] = []
                        of = _OF_RE.match(sent, x5) if countries else None
                        if of is not None:
                            for c in countries:
                                oe = c.starting(sent, of.end())
                                if oe >= 0:
                                    ofcs.append(((of.end(), oe), oe))
                        ofcs.append((None, x5))
                        for ofc, x6 in ofcs:
                            if _APPOS_TAIL_RE.match(sent, x6) is not None:
                                spans: dict[str | int, tuple[int, int]] = {0: (pos, x6), "title": (x3, te)}
                                for name, span in (("mod", mod), ("country", country), ("elect", elect), ("ofc", ofc)):
                                    if span is not None:
                                        spans[name] = span
                                return _Found(sent, spans)
    return None


# The patterns as regular expressions, for a KB with a phrase ``_Phrase`` cannot match (built
# one per set of candidates, as before; none in a valid KB).
@lru_cache(maxsize=256)
def _before_re(titles: tuple[str, ...], countries: tuple[str, ...]) -> re.Pattern[str]:
    nl = r"(?<![^\W\d_])"
    country = rf"(?:{nl}(?P<country>{_re_alt(countries)}){_WS})?" if countries else "(?P<country>(?!))?"
    title = (rf"(?:{nl}(?P<title>{_re_alt(titles)})(?:-(?P<elect>elect|designate))?{_WS})?"
             if titles else "(?P<title>(?!))?(?P<elect>(?!))?")
    return re.compile(rf"(?i)(?:{nl}(?P<mod>{_MOD_ALT})(?:{_WS}|-))?{country}{title}\Z")


@lru_cache(maxsize=256)
def _appos_re(titles: tuple[str, ...], countries: tuple[str, ...]) -> re.Pattern[str]:
    country_alt = _re_alt(countries) if countries else "(?!)"
    return re.compile(
        rf"(?i),{_WS}(?:(?:the|a|an){_WS})?(?:(?P<mod>{_MOD_ALT})(?:{_WS}|-))?"
        rf"(?:(?P<country>{country_alt}){_WS})?(?P<title>{_re_alt(titles)})(?:-(?P<elect>elect|designate))?"
        rf"(?:{_WS}of{_WS}(?P<ofc>{country_alt}))?(?=[,.;:)]|{_WS}(?:who|whose|said|and)\b|\Z)"
    )


def _re_alt(words: Sequence[str]) -> str:
    return prefix_tree(words, space=r"\s+", escape=re.escape)


class _PersonWords(dict[str, frozenset[str]]):
    """Person id → words of the person's names, computed for a person when first asked for (a
    KB of thousands of people is not read whole to build the gazetteer)."""

    def __init__(self, kb: KnowledgeBase, words: Callable[[Person], frozenset[str]]) -> None:
        super().__init__()
        self._kb = kb
        self._words = words

    def __missing__(self, pid: str) -> frozenset[str]:
        p = self._kb.people.get(pid)
        value = self[pid] = frozenset() if p is None else self._words(p)
        return value

    def get(self, pid: str, default: Any = None) -> Any:  # type: ignore[override]
        return self[pid] if pid in self._kb.people else default


class _Offices(NamedTuple):
    """A title's KB offices (of a country, if one is written with it) and their ids."""

    offices: tuple[Office, ...]
    ids: frozenset[str]


@dataclass
class Gazetteer:
    """Lookup tables built once per KB."""

    names: dict[str, list[str]]
    surnames: dict[str, list[str]]
    titles: dict[str, list[str]]  # normalised title or phrase -> office ids
    countries: dict[str, str]  # normalised country form -> country code
    modifiers: frozenset[str]
    honorifics: frozenset[str]
    interesting: frozenset[str]  # every normalised single word that can start something
    max_name: int
    max_title: int
    phrases: _PhraseIndex  # titles and country forms, for the patterns around a run
    office_titles: dict[str, frozenset[str]] = field(default_factory=dict)
    before_words: frozenset[str] = frozenset()  # words that can end a phrase written before a run
    quick: dict[str, _Word] = field(default_factory=dict)  # word as written -> its token and flags (``_word``)
    runs: dict[str, _Plan | Literal[False]] = field(default_factory=dict)  # run as written -> its ``_Plan``, False if not worth parsing
    interesting_words: dict[str, bool] = field(default_factory=dict)  # word as written -> holds an interesting word
    anchors: frozenset[str] = frozenset()  # one word of every name, surname and title key
    # every prefix of the first word of a key, by table (None: a key is empty); see ``_may_start``
    name_heads: frozenset[str] | None = None
    title_heads: frozenset[str] | None = None
    country_heads: frozenset[str] | None = None
    nonname: frozenset[str] = frozenset()  # normalised words that are never part of a person's name
    given: dict[str, frozenset[str]] = field(default_factory=dict)  # person id -> given-name words (lazy)
    name_words: dict[str, frozenset[str]] = field(default_factory=dict)  # person id -> every name word (lazy)
    titled: dict[str, tuple[Office, ...]] = field(default_factory=dict)  # title key -> its KB offices (``offices``)
    titled_in: dict[tuple[str, str | None], _Offices] = field(default_factory=dict)  # (title key, country) -> ``offices_in``
    held: dict[str, frozenset[str]] = field(default_factory=dict)  # person id -> ids of the offices of its terms (lazy)
    recent_keys: dict[str, tuple[str, ...]] = field(default_factory=dict)  # person id -> ``_Doc.remember``'s keys (lazy)

    def offices(self, kb: KnowledgeBase, title_key: str) -> tuple[Office, ...]:
        """The KB's offices with the title ``title_key`` (remembered: a title names the same
        offices in every document; ``kb`` is the KB the gazetteer was built from)."""
        found = self.titled.get(title_key)
        if found is None:
            table = kb.offices
            found = self.titled[title_key] = tuple(table[o] for o in self.titles.get(title_key, ()) if o in table)
        return found

    def offices_in(self, kb: KnowledgeBase, title_key: str, country: str | None) -> _Offices:
        """``offices`` of ``country`` (``_in_country``), in order, and their ids (remembered)."""
        key = (title_key, country)
        found = self.titled_in.get(key)
        if found is None:
            offices = self.offices(kb, title_key)
            if country is not None:
                offices = tuple(o for o in offices if _in_country(o, country))
            found = self.titled_in[key] = _Offices(offices, frozenset(o.id for o in offices))
        return found

    def before(self, sent: str, lo: int, hi: int) -> _Found:
        """The modifier, country and title written just before ``sent[hi:]`` (within ``[lo, hi)``):
        "former president ", "Iran's supreme leader ", "then-"."""
        titles, countries = self.phrases.candidates(sent[lo:hi], title_at_end=True)
        phrase = self.phrases.phrase
        ts, cs = [phrase(t) for t in titles], [phrase(c) for c in countries]
        if None in ts or None in cs:
            found = _from_match(_before_re(titles, countries).search(sent, lo, hi))
            assert found is not None  # every part is optional
            return found
        return _find_before(sent, lo, hi, sorted(ts, key=_order), sorted(cs, key=_order))  # type: ignore[arg-type]

    def appos(self, sent: str, pos: int) -> _Found | None:
        """", the former president," right at ``pos`` (after a name)."""
        if not sent.startswith(",", pos):
            return None  # an appositive opens with a comma
        end = _APPOS_END.search(sent, pos + 1, pos + _APPOS_REACH)
        titles, countries = self.phrases.candidates(sent[pos:end.start() if end else pos + _APPOS_REACH])
        if not titles:
            return None
        phrase = self.phrases.phrase
        ts, cs = [phrase(t) for t in titles], [phrase(c) for c in countries]
        if None in ts or None in cs:
            return _from_match(_appos_re(titles, countries).match(sent, pos))
        return _find_appos(sent, pos, sorted(ts, key=_order), sorted(cs, key=_order))  # type: ignore[arg-type]


def _alt(words: Sequence[str]) -> str:
    """The words as one pattern (spaces match any run of spaces), longest first."""
    return prefix_tree(words, space=r"\s+", escape=regex.escape)


def _heads(keys: Collection[str]) -> frozenset[str] | None:
    """Every prefix of the first word of every key (None when a key is empty); see ``_may_start``."""
    if "" in keys:
        return None
    return frozenset(head[:i] for head in {key.split(" ", 1)[0] for key in keys} for i in range(1, len(head) + 1))


def gazetteer(kb: KnowledgeBase) -> Gazetteer:
    """The KB's gazetteer (built on first use, then kept by the KB)."""
    return kb.derived(_build_gazetteer)


#: The name under which ``gazetteer_tables`` is kept in the compiled KB (bump when they change).
GAZETTEER_INDEX = "mentions.gazetteer.3"


def gazetteer_tables(kb: KnowledgeBase) -> dict[str, Any]:
    """What the gazetteer is built from, as plain JSON-able tables: computed once when the KB is
    compiled (``factlint kb build``), so that a run reads them instead of walking every name."""
    titles: dict[str, list[str]] = {}
    title_words: list[str] = []
    office_titles: dict[str, list[str]] = {}
    for o in kb.offices.values():
        keys = set()
        for t in (*o.titles, *o.phrases):
            k = norm_name(t)
            keys.add(k)
            titles.setdefault(k, [])
            if o.id not in titles[k]:
                titles[k].append(o.id)
            title_words.append(t)
        office_titles[o.id] = sorted(keys)
    countries: dict[str, str] = {}
    country_words: list[str] = []
    for c in kb.countries.values():
        for f in c.forms():
            key = norm_name(f)
            if key in countries and c.code not in countries[key].split("|"):
                # "Congo", "Congolese": two countries' word; the person decides (see _in_country)
                countries[key] = "|".join(sorted({*countries[key].split("|"), c.code}))
            countries.setdefault(key, c.code)
            country_words.append(f)
            if f.endswith(".") and f.count(".") > 1:
                country_words.append(f[:-1])  # "U.S president": the last dot dropped
    for o in kb.offices.values():
        for f in o.country_forms:
            if o.country:
                countries.setdefault(norm_name(f), o.country)
                country_words.append(f)
    modifiers = frozenset(norm_name(m) for m in _MODIFIER_WORDS)
    honorifics = frozenset(norm_name(h) for h in _HONORIFICS)
    names = kb.name_keys()
    surnames = kb.surname_keys()
    interesting: set[str] = set()
    for table in (names, surnames, titles, countries):
        for key in table:
            interesting.update(key.split())
    interesting |= modifiers
    interesting -= {"the", "of", "a", "an", "and", "de", "la", "le", "van", "von", "der", "al", "bin"}
    # A run can match a key only if it holds the key's anchor word (any one of its words) or joins
    # initials across words ("J. F. K.": see ``_word``). As few anchors as can be: a one-word key
    # is its own anchor, a longer key shares an anchor where it can ("commission president" has
    # "president"), else takes its longest word.
    all_keys = [key for table in (names, surnames, titles) for key in table]
    anchors = {key for key in all_keys if " " not in key}  # "" too, if a key were empty: every run counts
    for key in all_keys:
        parts = key.split()
        if len(parts) > 1 and anchors.isdisjoint(parts):
            anchors.add(max(reversed(parts), key=len))
    before_words = set(modifiers)
    for key in titles:
        before_words.add(key.split()[-1])
    # Words of titles and country names are not parts of names, except where a KB person's name
    # has the word: a country ("Chad", "Jordan") is still found as a country, and a word of one
    # office's title only ("Yang" of "Yang di-Pertuan Agong") must not hide a person called so.
    name_parts = set(surnames) | {key.split()[0] for key in names if key}
    title_offices: dict[str, set[str]] = {}
    for key, ids in titles.items():
        for w in key.split():
            title_offices.setdefault(w, set()).update(ids)
    nonname = set(_NONNAME) | modifiers | honorifics
    nonname.update(w for w, ids in title_offices.items() if len(ids) > 1 or w not in name_parts)
    nonname.update(w for key in countries for w in key.split() if w not in name_parts)

    def heads(keys: Collection[str]) -> list[str] | None:
        found = _heads(keys)
        return None if found is None else sorted(found)

    return {
        "names": names, "surnames": surnames, "titles": titles, "countries": countries,
        "title_words": title_words, "country_words": country_words, "office_titles": office_titles,
        "interesting": sorted(interesting), "anchors": sorted(anchors), "before_words": sorted(before_words),
        "nonname": sorted(nonname),
        "max_name": max((len(k.split()) for k in names), default=1) + 1,
        "max_title": max((len(k.split()) for k in titles), default=1) + 3,
        "name_heads": heads(names), "title_heads": heads(titles), "country_heads": heads(countries),
    }


#: What ``_gazetteer_parts`` gives (and the cache must hold, see ``KnowledgeBase.kept``).
_PARTS = frozenset({
    "names", "surnames", "titles", "countries", "modifiers", "honorifics", "interesting", "max_name",
    "max_title", "phrases", "office_titles", "before_words", "anchors", "name_heads", "title_heads",
    "country_heads", "nonname"})


def _gazetteer_parts(kb: KnowledgeBase) -> dict[str, Any]:
    """The gazetteer's tables built from ``kb`` (its compiled tables, ``gazetteer_tables``), as
    plain data a compiled KB keeps in the cache folder: what reading them takes, without the
    letter runs of every title and country form found again (``_PhraseIndex``)."""
    t = kb.stored_index(GAZETTEER_INDEX) or gazetteer_tables(kb)
    phrases = _PhraseIndex(t["title_words"], t["country_words"])

    def heads(value: list[str] | None) -> frozenset[str] | None:
        return None if value is None else frozenset(value)

    return {
        "names": t["names"],
        "surnames": t["surnames"],
        "titles": t["titles"],
        "countries": t["countries"],
        "modifiers": frozenset(norm_name(m) for m in _MODIFIER_WORDS),
        "honorifics": frozenset(norm_name(h) for h in _HONORIFICS),
        "interesting": frozenset(t["interesting"]),
        "max_name": t["max_name"],
        "max_title": t["max_title"],
        "phrases": (phrases.titles, phrases.countries, phrases.index),
        "office_titles": {k: frozenset(v) for k, v in t["office_titles"].items()},
        "before_words": frozenset(t["before_words"]),
        "anchors": frozenset(t["anchors"]),
        "name_heads": heads(t["name_heads"]),
        "title_heads": heads(t["title_heads"]),
        "country_heads": heads(t["country_heads"]),
        "nonname": frozenset(t["nonname"]),
    }


def _valid_parts(value: Any) -> bool:
    return isinstance(value, dict) and value.keys() == _PARTS


def _build_gazetteer(kb: KnowledgeBase) -> Gazetteer:
    parts = kb.kept("mentions-gazetteer", _gazetteer_parts, (__name__, "linter.kb.model"), _valid_parts)
    nonname = parts["nonname"]
    name_words = _PersonWords(kb, lambda p: frozenset(w for n in p.names for w in norm_name(n).split()))
    given = _PersonWords(kb, lambda p: name_words[p.id] - set(norm_name(p.surname).split()) - nonname)
    return Gazetteer(**{**parts, "phrases": _PhraseIndex.restore(*parts["phrases"])},
                     given=given, name_words=name_words)


def _held(kb: KnowledgeBase, g: Gazetteer, pid: str) -> frozenset[str]:
    """The ids of the offices of the person's terms (remembered in ``Gazetteer.held``)."""
    found = g.held.get(pid)
    if found is None:
        found = g.held[pid] = frozenset(t.office for t in kb.people[pid].terms)
    return found


def _recent_keys(kb: KnowledgeBase, g: Gazetteer, pid: str) -> tuple[str, ...]:
    """The keys ``_Doc.remember`` sets to the person: the surname, then the last word of each
    name, each once, in that order (remembered in ``Gazetteer.recent_keys``)."""
    found = g.recent_keys.get(pid)
    if found is None:
        p = kb.people[pid]
        keys = [norm_name(p.surname)]
        for n in p.names:
            toks = norm_name(n).split()
            if toks:
                keys.append(toks[-1])
        found = g.recent_keys[pid] = tuple(dict.fromkeys(keys))
    return found


# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tok:
    text: str  # as written, trailing '.' and possessive stripped
    start: int  # local offsets
    end: int
    key: str  # normalised
    possessive: bool
    shouty: bool  # ``_shouty``
    head: str  # the first word of ``key``


def _tok(text: str, start: int, end: int, key: str, possessive: bool) -> _Tok:
    """A token not read through ``_word`` (a modifier's hyphenated tail)."""
    return _Tok(text, start, end, key, possessive, _shouty(text), key.partition(" ")[0])


# What a word of a run can do, as flags of ``_Word.flags``:
_W_ANCHOR = 1  # holds the anchor word of a name, surname or title key
_W_ENDS_INITIAL = 2  # ends in an initial that joins the next word's ("J." before "F. Kennedy")
_W_STARTS_INITIAL = 4  # starts with an initial that joins the word before's


class _Word(NamedTuple):
    """A word as written (cached per gazetteer): its flags and what its ``_Tok`` holds."""

    flags: int
    text: str  # the token's text: trailing '.' and possessive stripped
    cut: int  # characters stripped from the end
    key: str  # normalised token text
    possessive: bool
    shouty: bool
    head: str  # the first word of ``key``


_DROPPED_WORDS = frozenset({"al", "el"})  # words ``norm_name`` drops ("al-Assad" is "assad")


def _word(g: Gazetteer, word: str) -> _Word:
    """``word`` as a token, with its flags (computed once per gazetteer).

    A KB key matches a window of tokens when ``norm_name`` of their texts joined by spaces equals
    it. ``norm_name`` normalises each word alike wherever it stands, so every word of the joined
    key is a word of one token's key, except where initials are joined across tokens ("J. F." to
    "jf"): that needs a token ending in an initial (``norm_name`` of it plus " x" joins the "x")
    before one starting with an initial ("x " plus it joins). So a run holding no anchor word and
    no such pair matches no key. A modifier's hyphenated tail ("Ex-President" read as
    "President") is a token of its own: its flags count too. Dropping "-elect" from a title's
    last word keeps its other words; a country form (matched with a possessive joined back on,
    "irans") counts only before a title, which the run must then hold.
    """
    info = g.quick.get(word)
    if info is not None:
        return info
    text, cut, poss = word, 0, False
    if len(text) > 2 and text[-2:] in ("'s", "’s"):
        text, cut, poss = text[:-2], 2, True
    elif text.endswith(("s'", "s’", "z'", "z’", "x'", "x’")) and len(text) > 3:
        text, cut, poss = text[:-1], 1, True
    if text.endswith(".") and len(text.rstrip(".")) > 1 and text.count(".") == 1 and text[:-1] not in ("Jr", "Sr", "Dr", "Gen", "Mr", "Mrs", "Ms", "St"):
        text, cut = text[:-1], cut + 1
    if text.isascii() and text.replace("'", "").isalnum():
        # letters and digits only (most words): ``norm_name`` finds nothing to split or fold, so
        # the key is the word in lower case without apostrophes ("al"/"el" dropped), one word,
        # an initial if one letter long
        key = text.lower().replace("'", "")
        if key in _DROPPED_WORDS:
            key = ""
        flags = (_W_ENDS_INITIAL | _W_STARTS_INITIAL) if len(key) == 1 else 0
        if key in g.anchors:
            flags |= _W_ANCHOR
    else:
        key = norm_name(text)
        flags = _part_flags(g, text, key)
        if "-" in text:
            rest = text.partition("-")[2]
            flags |= _part_flags(g, rest, norm_name(rest))
    if "" in g.anchors:  # an empty key (not in a valid KB) matches anywhere
        flags |= _W_ANCHOR
    info = g.quick[word] = _Word(flags, text, cut, key, poss, _shouty(text), key.partition(" ")[0])
    return info


def _part_flags(g: Gazetteer, part: str, key: str) -> int:
    """The flags of a word (or of its hyphenated tail) with ``key``, asking ``norm_name``
    whether it ends or starts in an initial that joins a neighbour's."""
    if not key:
        return 0
    flags = _W_ANCHOR if any(p in g.anchors for p in key.split()) else 0
    if norm_name(part + " x") == key + "x":
        flags |= _W_ENDS_INITIAL
    if norm_name("x " + part) == "x" + key:
        flags |= _W_STARTS_INITIAL
    return flags


def _gazetteer_word(g: Gazetteer, word: str) -> bool:
    """Does ``word`` as written hold a gazetteer word (computed once per gazetteer)?"""
    hit = g.interesting_words.get(word)
    if hit is None:
        interesting = g.interesting
        hit = g.interesting_words[word] = any(p in interesting for p in norm_name(word.rstrip(".,'’s")).split()) or any(
            p in interesting for p in norm_name(word).split()
        )
    return hit


_MAX_RUNS = 10_000  # runs (or words) remembered by ``Gazetteer.runs`` (``quick``, ``interesting_words``), then forgotten


def _worth_parsing(g: Gazetteer, run: str) -> bool:
    """Can this run hold a mention? It must hold a gazetteer word, and it must hold an anchor
    word or initials joined across words (see ``_word``): a run with neither matches no title
    and no name, so parsing it would find nothing and change nothing."""
    quick = g.quick
    words = run.split()
    seen = 0
    inert = True  # every word all capitals ("REUTER", "NOTE"), with no hyphen
    for w in words:
        info = quick.get(w) or _word(g, w)
        flags = info.flags
        if flags & _W_STARTS_INITIAL and seen & _W_ENDS_INITIAL:
            flags |= _W_ANCHOR
        seen |= flags
        inert = inert and info.shouty and "-" not in w
    # A run of shouty words finds nothing: every mention needs a title (``_title_at``) or a name
    # (``_match_name``, ``_span_end``) starting at a word that is not shouty, and only a
    # modifier's hyphenated tail ("EX-PM" read as "PM") makes a new word of one; the
    # checks before the run (``Gazetteer.before``) only read.
    if inert:
        return False
    return bool(seen & _W_ANCHOR) and any(_gazetteer_word(g, w) for w in words)


_UNSET: Any = object()  # a look-up of a ``_Plan`` not made yet


class _Plan:
    """A run worth parsing, kept in ``Gazetteer.runs`` for the next time it is written: its tokens
    (offsets from the run's start) and what ``_title_at``, ``_country_at``, ``_match_name`` and
    ``_span_end`` found at each token, filled as the parse asks. They read only the tokens and
    the gazetteer, so a run gives the same answers wherever it stands."""

    __slots__ = ("toks", "title", "country", "name", "span")

    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        n = len(toks) + 1
        self.title: list[Any] = [_UNSET] * n
        self.country: list[Any] = [_UNSET] * n
        self.name: list[Any] = [_UNSET] * n
        self.span: list[Any] = [_UNSET] * n

    def title_at(self, g: Gazetteer, k: int) -> tuple[int, str, str | None] | None:
        """``_title_at`` at token ``k``, kept."""
        got = self.title[k]
        if got is _UNSET:
            got = self.title[k] = _title_at(g, self.toks, k)
        return got  # type: ignore[no-any-return]

    def country_at(self, g: Gazetteer, k: int) -> tuple[int, str] | None:
        """``_country_at`` at token ``k``, kept."""
        got = self.country[k]
        if got is _UNSET:
            got = self.country[k] = _country_at(g, self.toks, k)
        return got  # type: ignore[no-any-return]

    def match_name(self, g: Gazetteer, k: int) -> tuple[int, list[str], bool]:
        """``_match_name`` at token ``k``, kept."""
        got = self.name[k]
        if got is _UNSET:
            got = self.name[k] = _match_name(g, self.toks, k)
        return got  # type: ignore[no-any-return]

    def span_end(self, g: Gazetteer, k: int) -> int:
        """``_span_end`` at token ``k``, kept."""
        got = self.span[k]
        if got is _UNSET:
            got = self.span[k] = _span_end(g, self.toks, k)
        return got  # type: ignore[no-any-return]


def _tokens(g: Gazetteer, run: str, base: int) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _WORD_RE.finditer(run):
        w = _word(g, m.group())
        out.append(_Tok(w.text, base + m.start(), base + m.end() - w.cut, w.key, w.possessive, w.shouty, w.head))
    return out


def _shouty(t: str) -> bool:
    """An all-capitals word of four letters or more (headline, dateline): not a name."""
    return len(t) >= 4 and t.isupper() and sum(c.isalpha() for c in t) >= 4 and not _ROMAN_RE.match(t)


_NOT_BEFORE_WORD = regex.compile(r"[\p{L}'’\-]")  # what may not stand just before a word written alone
_NOT_AFTER_WORD = regex.compile(r"[\p{L}\-]")  # ... nor just after it


def _written_alone(text: str, word: str) -> bool:
    r"""``regex.search(rf"(?<![\p{L}'’\-]){word}(?![\p{L}\-])", text) is not None`` for a word of
    letters (no pattern character), without compiling a pattern for each word: every place
    ``word`` is found, with the characters either side checked."""
    i = text.find(word)
    while i >= 0:
        if not (i and _NOT_BEFORE_WORD.match(text, i - 1)) and not _NOT_AFTER_WORD.match(text, i + len(word)):
            return True
        i = text.find(word, i + 1)
    return False


#: a run of letters ``_written_alone`` accepts: not after a letter, an apostrophe or a hyphen,
#: not before a letter or a hyphen
_ALONE_RUN = regex.compile(r"(?<![\p{L}'’\-])\p{L}+(?![\p{L}\-])")
_LETTERS = regex.compile(r"\p{L}+")
#: How many times over ``_Doc.lower_word`` may search a document's text for single words before
#: it files every word written alone in one pass (``_ALONE_RUN``): a long document asks about
#: many words, each search reading the whole text (quadratic), where the pass reads it once.
_INDEX_AFTER = 8


class _Doc:
    """Document-level state: who has been named, by surname, so far."""

    def __init__(self, kb: KnowledgeBase, g: Gazetteer) -> None:
        self.kb = kb
        self.g = g
        # normalised surname or alias -> person id last named in full, or None once someone else
        # of that surname (not in the KB) was named in full: "Howard Baker" blocks "Baker"
        self.recent: dict[str, str | None] = {}
        self.seen: set[str] = set()
        self.pub_date: date | None = None
        self.plain: dict[int, bool] = {}  # sentence start -> written in title case (a headline)
        self.sentences: Sequence[tuple[int, str]] = ()
        self._text: str | None = None
        self._lower: dict[str, bool] = {}
        self._budget = 0  # characters ``lower_word`` may still search (set with ``_text``)
        self._alone: frozenset[str] | None = None  # every word written alone, once filed
        #: where the answers of ``lower_word`` are recorded (``MentionState.parse``)
        self.trace: MentionTrace | None = None

    def lower_word(self, key: str) -> bool:
        """Is the word written in lower case somewhere in the document (a common word, not a name)?"""
        hit = self._lower.get(key)
        if hit is None:
            if self._text is None:
                self._text = "\n".join(text for _, text in self.sentences)
                self._budget = _INDEX_AFTER * (len(self._text) + 1)
            if not key.isalpha():
                hit = False
            else:
                if self._alone is None:
                    self._budget -= len(self._text)
                    if self._budget < 0:
                        self._alone = frozenset(m.group() for m in _ALONE_RUN.finditer(self._text))
                if self._alone is not None and _LETTERS.fullmatch(key):
                    hit = key in self._alone
                else:
                    hit = _written_alone(self._text, key)
            self._lower[key] = hit
        if self.trace is not None:
            self.trace.lower[key] = hit
        return hit

    def plausible(self, pid: str) -> bool:
        """Could a bare surname on ``pub_date`` mean this person? (always, without a date)"""
        if self.pub_date is None:
            return True
        lo, hi = self.pub_date - timedelta(days=20 * 365), self.pub_date + timedelta(days=5 * 365)
        return any(t.start <= hi and (t.end is None or t.end >= lo) for t in self.kb.people[pid].terms)

    def blocked(self, key: str) -> bool:
        return key in self.recent and self.recent[key] is None

    def block(self, key: str) -> None:
        self.recent[key] = None

    def remember(self, pid: str) -> None:
        recent = self.recent
        for key in _recent_keys(self.kb, self.g, pid):
            recent[key] = pid


def _in_country(office: Office, country: str | None) -> bool:
    """Is the office of ``country``: a code, or several joined by "|" for a word two countries
    share ("Congo": CD|CG)?"""
    return country is None or office.country == country or office.country in country.split("|")


def _resolve_office(
    kb: KnowledgeBase, g: Gazetteer, title_key: str, country: str | None, pid: str | None
) -> tuple[str | None, str | None]:
    """The office a title names, and how it was told apart (see ``Mention.office_by``)."""
    cands, cand_ids = g.offices_in(kb, title_key, country)
    if not cands:
        return None, None
    shared = country is not None and "|" in country
    how = "country" if country is not None and not shared else "title" if len(cands) == 1 else "person"
    if pid is not None:
        held = _held(kb, g, pid)
        mine = held & cand_ids  # the candidates the person held (their order matters only when one)
        if len(mine) == 1:
            return next(iter(mine)), how if len(cands) == 1 else "person"
        if len(mine) > 1:
            return None, None
        home = {kb.offices[o].country for o in held if o in kb.offices}
        if len(cands) == 1:
            # a title no country is written with, that only another country's office has, is
            # more likely the person's own country's office than a mix-up: no office
            only = cands[0]
            return (only.id, how) if country is not None or not home or only.country in home else (None, None)
        local = [o for o in cands if o.country in home]
        if len(local) > 1:
            # Macron is French and ex officio co-prince of Andorra: the country of most terms
            weight = Counter(kb.offices[t.office].country for t in kb.people[pid].terms if t.office in kb.offices)
            local.sort(key=lambda o: -weight[o.country])
            if weight[local[0].country] == weight[local[1].country]:
                return None, None
        return (local[0].id, "person") if local else (None, None)
    return (cands[0].id, how) if len(cands) == 1 else (None, None)


def _title_persons(kb: KnowledgeBase, g: Gazetteer, ids: Sequence[str], wanted: frozenset[str]) -> list[str]:
    """The persons of ``ids`` who held an office of ``wanted`` (ids)."""
    return [i for i in ids if not _held(kb, g, i).isdisjoint(wanted)]


def _match_name(g: Gazetteer, toks: list[_Tok], i: int) -> tuple[int, list[str], bool]:
    """Longest known name starting at token i: (end index, person ids, is_full_name)."""
    n = len(toks)
    if toks[i].shouty or toks[i].key in _STOP_NAME:
        return i, [], False
    for j in range(min(n, i + g.max_name), i, -1) if _may_start(toks[i], g.name_heads) else ():
        if j - 1 > i and toks[j - 2].possessive:
            continue
        key = toks[i].key if j == i + 1 else norm_name(" ".join(t.text for t in toks[i:j]))
        ids = g.names.get(key)
        if ids:
            return j, ids, True
    t = toks[i].text.rstrip(".")
    if len(t) >= 2 and t.isupper() and not _ROMAN_RE.match(t):
        return i, [], False  # an acronym ("DOE said": the Department of Energy), not a surname
    ids = g.surnames.get(toks[i].key)
    if ids:
        # a surname written as two words ("Bagheri Kani") is in the name table too; one word here
        return i + 1, ids, False
    return i, [], False


def _parse_run(
    kb: KnowledgeBase, g: Gazetteer, doc: _Doc, sent: str, base: int, rstart: int, rend: int, out: list[Mention],
    plan: _Plan | None = None,
) -> None:
    """The mentions of the run ``sent[rstart:rend]`` (its ``_Plan``, if known), appended to ``out``."""
    if plan is None:
        plan = _Plan(_tokens(g, sent[rstart:rend], 0))
    at = base + rstart  # the run's tokens' offsets are from its start
    toks = plan.toks
    n = len(toks)
    i = 0
    # modifier / lower-case title written just before the run (checked only when the word
    # before the run can end such a phrase)
    pre = None
    head = sent[max(0, rstart - 24) : rstart].rstrip()
    if head.endswith(")"):  # "Former (and future) President X": look before the aside
        opened = sent.rfind("(", max(0, rstart - 60), rstart)
        if opened > 0 and ")" not in sent[opened : rstart].rstrip()[:-1]:
            pre = g.before(sent, max(0, opened - 90), opened)
            if pre is not None and not pre.group(0):
                pre = None
            head = ""
    if head:
        word = head.rsplit(None, 1)[-1].rstrip("-")
        if "-" in word:
            # the title's own last word before "-elect"/"-designate", which ``before`` takes after
            # it, either case ("president-elect Joe Biden")
            ending = _ELECT_ENDING_RE.search(word)
            word = word[: ending.start()] if ending is not None else word
            word = word.rsplit("-", 1)[-1]
        if norm_name(word) in g.before_words:
            pre = g.before(sent, max(0, rstart - 90), rstart)
    pre_mod = normalize_modifier(pre.group("mod")) if pre and pre.group("mod") else None
    pre_title = pre if pre and pre.group("title") else None
    pre_qual = 0  # "Ex-Harvard president Larry Summers": another body's president
    generic_at = -1  # index just after a generic title ("Senator", "ex-senator" before the run)
    if pre_title is not None and not pre_title.group("country"):
        before = sent[max(0, pre_title.start() - 40) : pre_title.start()].split()
        if before:
            word = before[-1]
            if "-" in word and norm_name(word.split("-", 1)[0]) in g.modifiers:
                word = word.split("-", 1)[1]
            wt = _tokens(g, word, 0)
            at_start = not sent[: pre_title.start()].rstrip()[: -len(before[-1])].strip()
            if wt and _qualifier(g, wt[-1], at_start):
                pre_qual = QUAL_RANK if wt[-1].key in _RANKS else QUAL_BODY
    elif head:
        word = head.rsplit(None, 1)[-1].rsplit("-", 1)[-1]
        if norm_name(word) in _GENERIC_TITLES:
            generic_at = 0
    qual_at = -1  # index just after a capitalised qualifier word ("Microsoft President")
    opening = sent[:rstart].rstrip(" \t\n\u00a0\"'“‘([")
    rstart_clear = not opening or opening.endswith((":", "—", "–", "-", "?", "!", ";"))  # opens a clause
    qual_rank = False  # ... that is a rank ("Deputy Prime Minister")
    first = True
    while i < n:
        k = i
        mod: str | None = None
        mod_start: int | None = None
        # [Modifier] capitalised at the start of a sentence ("Former US President ...") or "Ex-President"
        tk = toks[k]
        if tk.key in g.modifiers and k + 1 < n:
            mod, mod_start, k = normalize_modifier(tk.text), at + tk.start, k + 1
        elif "-" in tk.text:
            head, _, rest = tk.text.partition("-")
            if norm_name(head) in g.modifiers and rest[:1].isupper():
                mod, mod_start = normalize_modifier(head), at + tk.start
                off = tk.start + len(head) + 1
                # the modifier's tail is a token of its own: in a copy of the plan, whose look-ups start afresh
                plan = _Plan(list(toks))
                toks = plan.toks
                toks[k] = _tok(rest, off, tk.end, norm_name(rest), tk.possessive)
        # [Country] TITLE[-elect]
        country: str | None = None
        title_start: int | None = None
        c_hit = plan.country_at(g, k)
        if c_hit is not None and plan.title_at(g, c_hit[0]) is not None:
            country, title_start, k = c_hit[1], at + toks[k].start, c_hit[0]
        t_hit = plan.title_at(g, k)
        title_text: str | None = None
        title_end: int | None = None
        title_key: str | None = None
        if t_hit is None:
            k, mod, mod_start, country, title_start = i, None, None, None, None
        else:
            j, title_key, elect = t_hit
            if title_start is None:
                title_start = at + toks[k].start
            last = toks[j - 1]
            title_end = at + (last.end if not elect else last.start + len(last.text.rsplit("-", 1)[0]))
            title_text = sent[title_start - base : title_end - base]
            if elect:
                mod = elect
            if last.possessive:  # "Prime Minister's Office": a title, but no person
                i, first = j, False
                continue
            k = j
            while k + 1 < n and toks[k].key in g.honorifics:
                k += 1
        if k >= n:
            break
        # NAME
        j, ids, full = plan.match_name(g, k)
        if j == k and title_text is not None and toks[k - 1].key in g.honorifics:
            j, ids, full = plan.match_name(g, k - 1)  # "Ayatollah Khamenei" is an alias
            k = k - 1 if j > k - 1 else k
        if k == 0 and title_text is None and rstart_clear and k + 1 < n and _namey(g, toks[1]) and (
            doc.lower_word(toks[0].key) or (len(toks[0].text) >= 5 and toks[0].text.endswith(_NOT_GIVEN_ENDINGS))
        ):
            i, first = 1, False  # "Will Trump ...", "Forget Biden ...": a common word opens the sentence
            continue
        if title_text is None and k < j < n and toks[j].key in _INSTITUTIONS and toks[j].text[:1].isupper() \
                and not toks[j - 1].possessive:
            i, first = j + 1, False  # "the Reagan Administration", "Fox News", "Trump Tower"
            continue
        if (j > k or (k + 1 < n and _namey(g, toks[k]))) and plan.span_end(g, k) > max(j, k + 1):
            plain = doc.plain.get(base)
            if plain is None:
                plain = doc.plain[base] = _title_case(sent)
            if not plain:
                k, j, ids, full, verdict = _widen(kb, g, doc, toks, k, j, ids, full, title_text is not None)
                if verdict == "drop":
                    i, first = j, False
                    continue
        if j <= k:
            if title_text is not None:
                j = _unknown_name(toks, k)
            if j <= k:
                if title_text is None and _qualifier(g, toks[k], k == 0 and rstart_clear):
                    qual_at, qual_rank = k + 1, toks[k].key in _RANKS
                    generic_at = k + 1 if toks[k].key in _GENERIC_TITLES else -1
                i, first = max(k, i) + 1, False
                continue
        qualified = 0
        if title_text is not None and title_start == at + toks[i].start and i == qual_at and mod is None \
                and country is None:
            qualified = QUAL_RANK if qual_rank else QUAL_BODY
        generic = title_text is None and k == generic_at
        _emit(kb, g, doc, out, sent, base, at, toks, k, j, ids, full, mod, mod_start, title_text, title_start,
              title_end, title_key, country, first or (qualified > 0 and i == 1), pre_mod, pre_title, qualified,
              pre_qual, generic)
        i, first = j, False


def _country_at(g: Gazetteer, toks: list[_Tok], k: int) -> tuple[int, str] | None:
    """A country form starting at token k ("U.S.", "Iran's", "the United States")."""
    n = len(toks)
    if k >= n - 1 or not (toks[k].possessive or _may_start(toks[k], g.country_heads)):
        return None
    for j in range(min(n - 1, k + 4), k, -1):
        parts = [t.text for t in toks[k:j]]
        last = parts[-1]
        if toks[j - 1].possessive:
            parts[-1] += "'s"
        code = g.countries.get(norm_name(" ".join(parts)))
        if code is None and toks[j - 1].possessive and last.endswith(("s", "z", "x")):
            # a plural possessive, the form "the Netherlands'" or "Philippines’" (``_word`` cut
            # its apostrophe as it cuts "'s"), which the patterns before a run take
            parts[-1] = last + "'"
            code = g.countries.get(norm_name(" ".join(parts)))
        if code is not None:
            return j, code
    return None


def _may_start(tok: _Tok, heads: frozenset[str] | None) -> bool:
    """Can a key of a table (given its ``heads``, see ``_heads``) start at ``tok``?

    ``norm_name`` of words joined by spaces starts with the first word of the first word's key,
    made longer only where initials join across words ("J. D." is "jd"), so a token whose key's
    first word is no prefix of a key's first word starts no key. Dropping "-elect" from a lone
    title word keeps its first word; joining a possessive back on does not ("Iran's" is "irans"),
    so ``_country_at`` does not ask for a possessive.
    """
    return heads is None or not tok.key or tok.head in heads


def _title_at(g: Gazetteer, toks: list[_Tok], k: int) -> tuple[int, str, str | None] | None:
    """A title starting at token k: (end index, title key, "elect"/None)."""
    n = len(toks)
    if k >= n or toks[k].shouty:
        return None
    if not toks[k].text[:1].isupper():
        return None  # every title found below must start with a capital
    if not _may_start(toks[k], g.title_heads):
        return None
    for j in range(min(n, k + g.max_title), k, -1):
        last = toks[j - 1]
        elect = None
        words = [t.text for t in toks[k:j]]
        if last.text.lower().endswith(("-elect", "-designate")):  # either case, as _ELECT_RE: "President-Elect"
            words[-1] = last.text.rsplit("-", 1)[0]
            elect = "elect"
        key = norm_name(" ".join(words))
        if key in g.titles:
            if any(t.possessive for t in toks[k : j - 1]):
                continue
            return j, key, elect
    return None


def _unknown_name(toks: list[_Tok], k: int) -> int:
    """Two or three capitalised words after a title that are not in the KB: an unknown person."""
    j = k
    while j < len(toks) and j - k < 3 and toks[j].text[:1].isupper() and toks[j].key not in _STOP_NAME and not toks[j].shouty:
        j += 1
        if toks[j - 1].possessive:
            break
    return j if j - k >= 2 else k


_PARTICLE_SET = frozenset(_PARTICLES[3:-1].split("|"))
_TITLE_CASE_WORD_RE = regex.compile(r"(?<![\p{L}'’])\p{L}[\p{L}'’]{3,}")


#: bytes.translate table: ASCII letters and the apostrophe kept, every other byte a space
_NOT_TITLE_CASE_CHAR = bytes(c if chr(c).isascii() and (chr(c).isalpha() or c == 39) else 32 for c in range(256))
_NOT_CAPITAL = bytes(c for c in range(256) if not 65 <= c <= 90)  # what bytes.translate deletes to keep A-Z
_FIRST = itemgetter(0)
_FOUR_OR_MORE = (3).__lt__


def _title_case(sent: str) -> bool:
    """A headline written in title case ("Trump Signs Order On Tariffs"): capitals say little there."""
    if sent.isascii():
        # The matches of _TITLE_CASE_WORD_RE in ASCII text are the maximal runs of letters and
        # apostrophes that start with a letter and are four or more long: the runs left between
        # the other characters made spaces, found several times faster by ``bytes.split``.
        # Of those four or more long, only the first characters are read, picked at C level:
        # the runs are those not opening with an apostrophe, the capitals those opening with A-Z.
        runs = sent.encode("ascii").translate(_NOT_TITLE_CASE_CHAR).split()
        firsts = bytes(map(_FIRST, compress(runs, map(_FOUR_OR_MORE, map(len, runs)))))
        words = len(firsts) - firsts.count(39)
        capitals = len(firsts.translate(None, _NOT_CAPITAL))
        return words >= 3 and capitals >= 0.7 * words
    words = _TITLE_CASE_WORD_RE.findall(sent)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _namey(g: Gazetteer, tok: _Tok) -> bool:
    """A word that can be part of a person's name (a given name, a surname, "Jr")."""
    t = tok.text
    return (
        t[:1].isupper() and tok.key != "" and tok.key not in _STOP_NAME and tok.key not in g.nonname
        and not tok.shouty and not (len(t) >= 3 and t.isupper() and not _ROMAN_RE.match(t))
    )


def _particle(tok: _Tok) -> bool:
    return tok.key == "" or (tok.text[:1].islower() and tok.text.lower() in _PARTICLE_SET)


def _initial(tok: _Tok) -> bool:
    letters = tok.text.replace(".", "")
    return 0 < len(letters) <= 2 and letters.isupper()


def _qualifier(g: Gazetteer, tok: _Tok, at_start: bool = False) -> bool:
    """A capitalised word before a title that makes it another body's title ("Microsoft President",
    "Bahrain's Crown Prince", "Deputy Prime Minister"): a company, a country not in the KB, a rank."""
    key = tok.key
    if at_start and tok.text.endswith(("ing", "ed", "ly")):  # "Welcoming Soviet leader ..."
        return False
    return (
        tok.text[:1].isupper() and key != "" and key not in _STOP_NAME and key not in _OPENERS
        and key not in g.countries and key not in g.modifiers and key not in g.honorifics and not tok.shouty
    )


def _span_end(g: Gazetteer, toks: list[_Tok], k: int) -> int:
    """End of the run of name words from k ("Salman bin Hamad Al Khalifa", "Howard Baker Jr")."""
    n = len(toks)
    e = k
    while e < n:
        if e > k and (toks[e - 1].possessive or toks[e - 1].text.endswith(("'", "’"))):
            break
        t = toks[e]
        if _namey(g, t):
            e += 1
            continue
        if e > k and _particle(t):  # "bin", "Al", "von der": only when a name word follows
            f = e
            while f < n and _particle(toks[f]):
                f += 1
            if f < n and _namey(g, toks[f]) and not toks[f - 1].possessive:
                e = f
                continue
        break
    return e


def _listed(kb: KnowledgeBase, g: Gazetteer, doc: _Doc, toks: Sequence[_Tok]) -> bool:
    """Every word is a surname known alone ("Reagan Gorbachev summit"): a list, not one name."""
    return all(
        any(kb.people[p].bare_surname and doc.plausible(p) for p in g.surnames.get(t.key, ())) for t in toks
    )


def _given_match(word: str, known: frozenset[str]) -> bool:
    """A given name as written matches one of the KB's: "Ron" Ronald, "Mikhael" Mikhail (a typo)."""
    if word in known:
        return True
    if len(word) < 3:
        return False
    return any(len(m) >= 3 and (m.startswith(word) or _one_edit(word, m)) for m in known)


def _one_edit(a: str, b: str) -> bool:
    """At most one letter changed, added or dropped, in words of five letters or more."""
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] or a[i:] == b[i + 1 :] or a[i + 1 :] == b[i:]


def _widen(
    kb: KnowledgeBase, g: Gazetteer, doc: _Doc, toks: list[_Tok], k: int, j: int, ids: list[str], full: bool,
    titled: bool,
) -> tuple[int, int, list[str], bool, str]:
    """Check the KB match ``toks[k:j]`` against the whole name as written.

    Returns (start, end, ids, full, verdict): "ok" (a mention of ``ids``), "other" (someone not
    in the KB: "Howard Baker", "Donald Trump Jr.", "Crown Prince Salman bin Hamad Al Khalifa")
    or "drop" (part of another name: "the Baker Plan", "Fox News").
    """
    e = _span_end(g, toks, k)
    if e <= j or (j <= k and e < k + 2):
        return k, j, ids, full, "ok"
    s = e - 1
    suffix = False
    while s > k and (toks[s].key in _SUFFIXES or _ROMAN_RE.match(toks[s].text)):
        suffix = suffix or toks[s].key in _SUFFIXES
        s -= 1
    if j > k:
        extra = [t for t in toks[j:e] if not _particle(t)]
        fits = [p for p in ids if all(t.key in g.name_words.get(p, ()) for t in extra)]
        if fits:
            return k, e, fits, full, "ok"
    if j <= k:  # "Treasurer Paul Keating", "Dirctor Robert Gates": a known full name inside
        for s0 in range(k + 1, s):
            j0, ids0, full0 = _match_name(g, toks, s0)
            if full0 and j0 == s + 1:
                return (s0, e, ids0, True, "ok") if not suffix else (s0, e, [], True, "other")
    last = toks[s]
    if s >= max(j, k + 1) and last.key in g.surnames:
        # given names before a KB surname: the KB person ("James A. Baker") or someone else
        given = [t for t in toks[k:s] if not _particle(t)]
        if not suffix and _listed(kb, g, doc, [*given, last]):
            return k, j, ids, full, "ok"
        words = [t.key for t in given if not _initial(t)]
        cands: list[str] = []
        if not suffix:
            for p in g.surnames[last.key]:
                mine = g.given.get(p, frozenset())
                if words and any(_given_match(w, mine) for w in words):
                    cands.append(p)
                elif not words and any(m[:1] == given[0].key[:1] for m in mine):
                    cands.append(p)
        if cands:
            return k, e, cands, True, "ok"
        doc.block(last.key)
        return k, e, [], True, "other"
    if j > k:
        if suffix:  # "Donald Trump Jr."
            for p in ids:
                doc.block(norm_name(kb.people[p].surname))
            return k, e, [], True, "other"
        key = toks[k].key
        if not full and any(norm_name(kb.people[p].name).split()[0] == key for p in ids):
            doc.block(key)  # surname first ("Yang Jike" is not Yang Shangkun)
            return k, e, [], True, "other"
        return k, e, [], True, "other" if titled else "drop"
    return k, j, ids, full, "ok"


def _titled_single(
    kb: KnowledgeBase, g: Gazetteer, doc: _Doc, key: str, title_key: str, country: str | None, qualified: int
) -> str | None:
    """Who one name word after a title is: "President Reagan", "Pope Francis", "King Salman".

    The person named last in the document with that surname, else the one person with that
    surname whose terms fit the publication date, preferring those who held an office with the
    title. A mononym or given name ("former vice-president Francis") counts only for someone who
    held an office with that title; after another body's title ("Harvard president") only a
    person already named counts.
    """
    ids = list(dict.fromkeys([*g.names.get(key, ()), *g.surnames.get(key, ())]))
    recent = doc.recent.get(key)
    if recent is not None and recent in ids:
        return recent
    titled = [c for c in g.names.get(f"{title_key} {key}", ()) if doc.plausible(c)]
    if len(titled) == 1:
        return titled[0]  # a name the KB knows with its title: "King Charles", "Prince Charles"
    if qualified == QUAL_RANK or not ids:
        return None
    cands = [c for c in ids if doc.plausible(c)]
    held = _title_persons(kb, g, cands, g.offices_in(kb, title_key, country).ids)
    if held:
        cands = held
    elif qualified:
        return None
    else:
        cands = [
            c for c in cands
            if norm_name(kb.people[c].surname) == key and len(norm_name(kb.people[c].name).split()) > 1
        ]
    return cands[0] if len(cands) == 1 else None


def _emit(
    kb: KnowledgeBase,
    g: Gazetteer,
    doc: _Doc,
    out: list[Mention],
    sent: str,
    base: int,
    at: int,
    toks: Sequence[_Tok],
    k: int,
    j: int,
    ids: list[str],
    full: bool,
    mod: str | None,
    mod_start: int | None,
    title_text: str | None,
    title_start: int | None,
    title_end: int | None,
    title_key: str | None,
    country: str | None,
    first_in_run: bool,
    pre_mod: str | None,
    pre_title: _Found | None,
    qualified: int = 0,
    pre_qual: int = 0,
    generic: bool = False,
) -> None:
    name_start, name_end = at + toks[k].start, at + toks[j - 1].end  # the tokens' offsets are from ``at``
    name = sent[name_start - base : name_end - base]
    start = mod_start if mod_start is not None else (title_start if title_start is not None else name_start)
    form = FORM_TITLE if title_text is not None else FORM_FULL
    # text written just before the run applies to the run's first mention
    if first_in_run and k == 0 and title_text is None and pre_title is not None:
        title_text = pre_title.group("title")
        title_start = base + pre_title.start("title")
        title_end = base + pre_title.end("title")
        title_key = norm_name(title_text)
        if pre_title.group("country"):
            country = g.countries.get(norm_name(pre_title.group("country")))
            title_start = base + pre_title.start("country")
            title_text = sent[title_start - base : title_end - base]
        if pre_title.group("elect"):
            mod = "elect"
        form = FORM_TITLE
        start = title_start
        qualified = pre_qual
        if pre_title.group("mod"):
            mod = normalize_modifier(pre_title.group("mod"))
            start = base + pre_title.start("mod")
    elif first_in_run and mod is None and title_text is not None and pre_mod is not None and (
        at + toks[0].start == start or (qualified and len(toks) > 1 and at + toks[1].start == start)
    ):
        mod = pre_mod
        pm = g.before(sent, max(0, start - base - 90), start - base)
        if pm is not None and pm.group("mod"):
            start = base + pm.start("mod")
    elif first_in_run and k == 0 and mod is None and title_text is None and pre_mod == "late":
        mod = pre_mod  # "the late Jimmy Carter": "late" needs no title
        pm = g.before(sent, max(0, start - base - 90), start - base)
        if pm is not None and pm.group("mod"):
            start = base + pm.start("mod")
    # who?
    pid: str | None = None
    single = j == k + 1
    key = toks[k].key
    if title_key is not None and single and ids:
        pid = _titled_single(kb, g, doc, key, title_key, country, qualified)
    elif full and len(ids) == 1:
        pid = ids[0]
        p = kb.people[pid]
        if single and norm_name(p.surname) == key and len(norm_name(p.name).split()) > 1:
            full = False
    elif ids:
        recent = doc.recent.get(key) if single else None
        if recent is not None and recent in ids:
            pid = recent
        else:
            cands = list(ids)
            if title_key is not None and qualified != QUAL_RANK:
                narrowed = _title_persons(kb, g, cands, g.offices_in(kb, title_key, country).ids)
                if narrowed:
                    cands = narrowed
            if len(cands) == 1 and (title_key is not None or kb.people[cands[0]].bare_surname or full):
                pid = cands[0]
            elif title_key is None and not full and not (single and (doc.blocked(key) or generic)):
                return  # an ambiguous bare surname: not a reliable mention
    if title_key is None and _COMPANY_RE.match(sent, name_end - base):
        return  # "Fox & Friends", "Johnson & Johnson"
    if not full and title_key is None:
        if doc.blocked(key) or (generic and doc.recent.get(key) is None):
            pid = None  # "Howard Baker ... Baker said"; "Senator Baker": someone else
        elif pid is None:
            return
        elif doc.recent.get(key) != pid and (not kb.people[pid].bare_surname or not doc.plausible(pid)):
            return
        form = FORM_SURNAME
    # attributive: "the Reagan administration", "Reagan bonds"
    attributive = False
    if title_key is None and not toks[j - 1].possessive:
        nxt = _NEXT_LOWER_RE.match(sent, name_end - base)
        if nxt is not None and (
            nxt.group(1).lower() in _ATTRIB_NOUNS
            or _ATTRIB_BEFORE_RE.search(sent, max(0, name_start - base - 6), name_start - base) is not None
        ):
            attributive = True
    # appositive: "Trump, the former president,"
    if title_key is None and not attributive:
        am = g.appos(sent, name_end - base)
        if am is not None:
            title_text = sent[am.start("title") if not am.group("country") else am.start("country") : am.end("title")]
            title_start = base + (am.start("country") if am.group("country") else am.start("title"))
            title_end = base + am.end("title")
            title_key = norm_name(am.group("title"))
            cform = am.group("country") or am.group("ofc")
            country = g.countries.get(norm_name(cform)) if cform else None
            mod = normalize_modifier(am.group("mod")) if am.group("mod") else ("elect" if am.group("elect") else None)
            form = FORM_APPOSITIVE
    office = office_by = None
    if title_key is not None and not qualified:
        office, office_by = _resolve_office(kb, g, title_key, country, pid)
    elif title_key is not None and qualified == QUAL_BODY and pid is not None:
        # "Gaullist Prime Minister Jacques Chirac": kept when the KB says he held such an office
        mine = [o for o in g.titles.get(title_key, ()) if o in kb.offices and kb.terms(pid, o)]
        office, office_by = (mine[0], "person") if len(mine) == 1 else (None, None)
    if pid is not None and not attributive:
        doc.remember(pid)
    out.append(
        Mention(
            start=start,
            end=max(name_end, title_end or 0) if form == FORM_APPOSITIVE else name_end,
            name_start=name_start,
            name_end=name_end,
            name=name,
            title=title_text,
            title_start=title_start,
            title_end=title_end,
            modifier=mod,
            person_id=pid,
            office_id=office,
            form=form,
            country=country,
            attributive=attributive,
            office_by=office_by,
        )
    )


_MISSING = object()  # a key not in ``_Doc.recent``, as a trace records it


class _Recorded(dict[str, "str | None"]):
    """``_Doc.recent`` that records, in ``trace``, what a sentence's parse reads of it (each key's
    entry before the sentence wrote it, ``_MISSING`` when absent) and writes to it."""

    trace: MentionTrace | None = None

    def _read(self, key: str) -> None:
        trace = self.trace
        if trace is not None and key not in trace.writes and key not in trace.reads:
            trace.reads[key] = dict.get(self, key, _MISSING)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self._read(key)
        return dict.get(self, key, default)

    def __contains__(self, key: object) -> bool:
        self._read(key)  # type: ignore[arg-type]
        return dict.__contains__(self, key)

    def __getitem__(self, key: str) -> str | None:
        self._read(key)
        return dict.__getitem__(self, key)

    def __setitem__(self, key: str, value: str | None) -> None:
        if self.trace is not None:
            self.trace.writes[key] = value
        dict.__setitem__(self, key, value)


@dataclass(slots=True)
class MentionTrace:
    """What the parse of one sentence read of the document and wrote to it, beside the sentence's
    text and the publication date: the entries of who was last named by each surname it read
    (as they were before it wrote them), whether each word it asked about is written in lower
    case elsewhere in the document, and the entries it wrote. Given the same text, publication
    date and reads, the parse gives the same mentions (offsets moved with the sentence) and
    writes the same entries."""

    reads: dict[str, Any] = field(default_factory=dict)
    lower: dict[str, bool] = field(default_factory=dict)
    writes: dict[str, str | None] = field(default_factory=dict)


class MentionState:
    """The document state the sentences of ``extract_mentions`` are parsed in, for a caller that
    keeps sentences' mentions between documents (the language server's memo, ``linter.memo``):
    ``holds(trace)`` says whether a sentence parsed with ``trace`` would read the same here now,
    ``replay(trace)`` makes its writes, ``parse(sent, base)`` parses it here, tracing."""

    def __init__(self, kb: KnowledgeBase, g: Gazetteer, doc: _Doc) -> None:
        self.kb, self.g, self.doc = kb, g, doc
        self.recent = doc.recent = _Recorded()

    def holds(self, trace: MentionTrace) -> bool:
        recent, doc = self.recent, self.doc
        return all(dict.get(recent, k, _MISSING) == v for k, v in trace.reads.items()) and \
            all(doc.lower_word(k) == v for k, v in trace.lower.items())

    def replay(self, trace: MentionTrace) -> None:
        for k, v in trace.writes.items():
            dict.__setitem__(self.recent, k, v)

    def parse(self, sent: str, base: int) -> tuple[list[Mention], MentionTrace]:
        trace = self.recent.trace = self.doc.trace = MentionTrace()
        out: list[Mention] = []
        try:
            _sentence_mentions(self.kb, self.g, self.doc, base, sent, out)
        finally:
            self.recent.trace = self.doc.trace = None
        return out, trace


def extract_mentions(
    sentences: Sequence[tuple[int, str]], kb: KnowledgeBase, pub_date: date | None = None,
    kept: Callable[[str, int, MentionState], list[Mention]] | None = None,
) -> list[Mention]:
    """All person mentions in a document's sentences (``(absolute start, text)``, in order).

    Offsets in the result are absolute (sentence start + offset in the sentence).
    ``first_in_document`` marks the first mention of each resolved person. With ``pub_date``,
    a bare surname not named earlier in the document resolves only to a person whose KB terms
    fall within 20 years before to 5 years after that date (a 1987 "Stoltenberg" is not the
    NATO chief of 2014).

    ``kept(text, base, state)`` may give a sentence's mentions from an earlier document, as
    ``state`` (``MentionState``) tells it when it may (the language server's memo).
    """
    g = gazetteer(kb)
    doc = _Doc(kb, g)
    doc.pub_date = pub_date
    doc.sentences = sentences
    out: list[Mention] = []
    for memo in (g.runs, g.quick, g.interesting_words):  # what words and runs can do, remembered
        if len(memo) > _MAX_RUNS:  # across documents: forgotten now and then, to bound memory
            memo.clear()
    if kept is None:
        for base, sent in sentences:
            _sentence_mentions(kb, g, doc, base, sent, out)
    else:
        state = MentionState(kb, g, doc)
        for base, sent in sentences:
            out.extend(kept(sent, base, state))
    seen: set[str] = set()
    for mention in out:
        if mention.attributive:  # "the Reagan administration" does not introduce Reagan
            continue
        if mention.person_id is None:
            mention.first_in_document = True
        elif mention.person_id not in seen:
            seen.add(mention.person_id)
            mention.first_in_document = not (
                mention.form == FORM_SURNAME and _introduced_misspelt(g, kb, mention, sentences))
    return out


def _sentence_mentions(kb: KnowledgeBase, g: Gazetteer, doc: _Doc, base: int, sent: str, out: list[Mention]) -> None:
    """The mentions of one sentence, appended to ``out``, in the state of ``doc``."""
    runs = g.runs
    for m in (_ASCII_RUN_RE if sent.isascii() else _RUN_RE).finditer(sent):
        run = m.group()
        plan = runs.get(run)
        if plan is None:
            plan = runs[run] = _Plan(_tokens(g, run, 0)) if _worth_parsing(g, run) else False
        if plan:
            _parse_run(kb, g, doc, sent, base, m.start(), m.end(), out, plan)


_CAPITALISED = regex.compile(r"\b(\p{Lu}[\p{L}'’-]+)\s+(\p{Lu}[\p{L}'’-]+)")


def _introduced_misspelt(g: Gazetteer, kb: KnowledgeBase, mention: Mention,
                         sentences: Sequence[tuple[int, str]]) -> bool:
    """Earlier text names the person with a given name and a misspelt surname ("Prime Minister
    Ingvar Calrsson ... Carlsson told"): the person was introduced, the spelling is the slip."""
    assert mention.person_id is not None
    givens = g.given[mention.person_id]
    surname = norm_name(kb.people[mention.person_id].surname)
    for base, text in sentences:
        if base >= mention.start:
            break
        for m in _CAPITALISED.finditer(text[: max(0, mention.start - base)]):
            if norm_name(m.group(1)) in givens and 0 < edit_distance(norm_name(m.group(2)), surname, 2) <= 2:
                return True
    return False
