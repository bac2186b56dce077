"""What kind of text a document is: news, opinion, speech (or transcript), press release, encyclopedic.

One job: decide the genre of one document, and say from what. The genre matters to the sourcing
rules: in news and encyclopedic text an impersonal passive ("It is expected that ...") hides who
expects it, while in a speech, an opinion piece or a press release the author speaks in the first
person and is the source of such a sentence.

First found wins:

1. ``given``: the document's own front matter (``genre:`` or ``type:``) or the configuration's
   ``genre``, read through ``ALIASES`` ("op-ed" is opinion, "transcript" and "remarks" are speech,
   "press release" and "pr" are press-release, "wiki" and "reference" are encyclopedic).
2. Cues in the text, strongest first:
   - press release: "FOR IMMEDIATE RELEASE", "PRESS RELEASE", "Media contact:", a "###" end
     line, a wire service of releases (PR Newswire, Business Wire, GlobeNewswire), "This press
     release contains forward-looking statements";
   - encyclopedic: two of "[citation needed]", a "See also", "References" or "External links"
     heading, three or more numbered citation marks ("[12]");
   - speech: a salutation heading the text ("Mr. Speaker, Mr. President, Members of the
     Congress:", "Fellow-Citizens of the Senate ...:", "My fellow Americans"), "(Applause.)" or
     "[Laughter]", "Mr. Speaker", "Madam Speaker", "Ladies and gentlemen" outside quotes, or three
     or more paragraphs opening with a speaker's label in capitals ("SEN. SMITH:");
   - opinion: "Opinion |", "Op-Ed", "Editorial:", "Commentary:" in the title or the first
     paragraph, "The views expressed ... are the author's", "is a columnist", "Letter to the
     editor";
   - the author's own voice: at least ``VOICE_MIN_WORDS`` first-person and second-person words
     (I, we, our, you ...) outside quotes, ``VOICE_MIN_RATE`` per hundred words, in a text of
     ``VOICE_MIN_LENGTH`` words or more with no dateline: a speech or an essay, "opinion" (the
     author is the source either way).
3. Otherwise ``news``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from linter import recache
from linter.fold import contains_any

__all__ = ["ALIASES", "GENRES", "Genre", "detect_genre", "normalise_genre"]

#: The genres, in the order the docs list them.
GENRES = ("news", "opinion", "speech", "press-release", "encyclopedic")
#: Words for a genre that front matter and configuration may use (lower case, spaces and
#: underscores read as hyphens).
ALIASES: dict[str, str] = {
    **{g: g for g in GENRES},
    "article": "news", "story": "news", "report": "news", "wire": "news", "newswire": "news",
    "breaking": "news", "news-article": "news", "feature": "news", "explainer": "news",
    "op-ed": "opinion", "oped": "opinion", "editorial": "opinion", "column": "opinion",
    "commentary": "opinion", "essay": "opinion", "blog": "opinion", "blog-post": "opinion",
    "review": "opinion", "letter": "opinion", "letter-to-the-editor": "opinion", "analysis": "opinion",
    "transcript": "speech", "remarks": "speech", "address": "speech", "interview": "speech",
    "testimony": "speech", "sermon": "speech", "lecture": "speech", "speech/transcript": "speech",
    "press": "press-release", "pressrelease": "press-release", "release": "press-release",
    "pr": "press-release", "news-release": "press-release", "announcement": "press-release",
    "statement": "press-release",
    "encyclopedia": "encyclopedic", "encyclopaedia": "encyclopedic", "encyclopaedic": "encyclopedic",
    "wiki": "encyclopedic", "reference": "encyclopedic", "wikipedia": "encyclopedic",
}
#: The author's own voice (see the module docstring); how the genres fall on the corpora is in docs/accuracy.md.
VOICE_MIN_WORDS = 25
VOICE_MIN_RATE = 2.0
VOICE_MIN_LENGTH = 300


@dataclass(frozen=True, slots=True)
class Genre:
    """A document's genre, where it was decided (``front matter 'genre'``, ``configuration``,
    ``cue``, ``default``) and the cue as written, when a cue decided it."""

    name: str
    source: str
    cue: str | None = None


def normalise_genre(value: Any) -> str | None:
    """The genre a front-matter or configuration value names (None: not one we know)."""
    if not isinstance(value, str):
        return None
    key = re.sub(r"[\s_]+", "-", value.strip().lower())
    return ALIASES.get(key) or ALIASES.get(key.replace("-", ""))


#: the cues of a press release, each with literals one of which every match of it holds as written
_PRESS_CUES = (
    (r"\bFOR\s+IMMEDIATE\s+RELEASE\b", ("IMMEDIATE",)),
    (r"\bPRESS\s+RELEASE\b", ("RELEASE",)),
    (r"^\s*(?:Media|Press|Investor)\s+(?:contacts?|inquiries)\s*:", ("contact", "inquiries")),
    (r"^\s*#{3}\s*$", ("###",)),
    (r"/\s*PRNewswire\s*/", ("Newswire",)),
    (r"\bPR\s+Newswire\b", ("Newswire",)),
    (r"\bBusiness\s+Wire\b", ("Wire",)),
    (r"\bGLOBE\s+NEWSWIRE\b", ("NEWSWIRE",)),
    (r"\bThis\s+press\s+release\s+contains\s+forward-looking\b", ("forward-looking",)),
)
_PRESS = recache.compile("|".join(rx for rx, _ in _PRESS_CUES), re.MULTILINE)
_CITATION_NEEDED = recache.compile(r"\[\s*citation\s+needed\s*\]", re.IGNORECASE)
_REFERENCE_HEADING = recache.compile(r"^\s*(?:See\s+also|References|External\s+links|Further\s+reading|Notes)\s*$",
                                     re.MULTILINE)
_CITATION_MARK = recache.compile(r"(?<=[\w.,;:)])\[\d{1,3}\]")
_SALUTATION = recache.compile(
    r"\b(?:Mr\.?\s+Speaker|Madam\s+Speaker|Mr\.?\s+President|Madam\s+President|Members\s+of\s+(?:the\s+)?"
    r"Congress|Fellow[- ]?[Cc]itizens|[Mm]y\s+fellow\s+\w+|Ladies\s+and\s+[Gg]entlemen|Distinguished\s+guests|"
    r"[Mm]y\s+(?:dear\s+)?friends|Friends|Fellow\s+\w+|Citizens|Countrymen)\b"
)
_SPEECH = recache.compile(
    r"[(\[]\s*(?:Applause|Laughter|APPLAUSE|LAUGHTER|Cheers|Booing)\b[^)\]]{0,40}[)\]]|"
    r"\bMr\.?\s+Speaker\b|\bMadam\s+Speaker\b|\bLadies\s+and\s+gentlemen\b|\bMy\s+fellow\s+(?:Americans|citizens|"
    r"countrymen|\w+ans)\b"
)
_LABEL = recache.compile(r"^\s*(?:[A-Z][A-Z.'\-]+\s+){0,3}[A-Z][A-Z.'\-]+\s*:\s+\S", re.MULTILINE)
_OPINION_HEAD = recache.compile(r"^\s*(?:Opinion|OPINION|Op-?[Ee]d|OP-?ED|Editorial|EDITORIAL|Commentary|COMMENTARY|"
                                r"Column|COLUMN|Perspective|PERSPECTIVE)\s*[|:\-–—]")
#: the cues of an opinion piece in the text, each with literals one of which every match of it holds
_OPINION_CUES = (
    (r"\b[Tt]he\s+(?:views|opinions)\s+expressed\b", ("expressed",)),
    (r"\bis\s+an?\s+(?:\w+\s+)?columnist\b", ("columnist",)),
    (r"\b[Ll]etters?\s+to\s+the\s+[Ee]ditor\b", ("ditor",)),
    (r"\bwrites\s+a\s+(?:weekly\s+|monthly\s+|regular\s+)?column\b", ("writes",)),
)
_OPINION = recache.compile("|".join(rx for rx, _ in _OPINION_CUES))
_DATELINE = recache.compile(r"^\s*[A-Z][A-Za-z .,'\-]{1,40}\s*(?:\((?:AP|Reuters|AFP|UPI|Bloomberg|CNN|dpa|"
                            r"REUTERS)\)|\b\w+\s+\d{1,2}\s*\((?:Reuters|AP|AFP)\))\s*[-–—_]", re.MULTILINE)
_VOICE_WORD = recache.compile(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|[Uu]s|[Oo]urselves|[Yy]ou|[Yy]our|[Yy]ours|I|[Mm]y|[Mm]e)\b")
_WORD = recache.compile(r"\w+")
#: the words ``_VOICE_WORD`` matches, as ``bytes`` (tests/test_sourcing.py checks them against it)
_VOICE_WORDS = frozenset(w.encode("ascii") for w in (
    "we", "We", "our", "Our", "ours", "Ours", "us", "Us", "ourselves", "Ourselves", "you", "You", "your", "Your",
    "yours", "Yours", "I", "my", "My", "me", "Me"))
#: bytes.translate table: the bytes of ASCII word characters (what \w takes there) kept, every
#: other byte a space
_NOT_WORD = bytes(c if c < 128 and _WORD.fullmatch(chr(c)) else 32 for c in range(256))


# Literals that every match of a pattern contains (one of them, as written: the patterns are
# case-sensitive): a text without any of them is not searched. The cues are rare and the patterns
# start with \b or ^, where the engine cannot skip ahead, so a search costs a pass over the text,
# and a pass per alternative tried at each place: the press and opinion patterns are searched as
# the alternation of only the cues whose literals the text holds, and only in the runs of text
# around those literals that can hold a match (``_search_cues``).
# tests/test_sourcing.py checks each list against its pattern.
_PRESS_WORDS = tuple(dict.fromkeys(w for _, words in _PRESS_CUES for w in words))
_SPEECH_WORDS = ("Applause", "Laughter", "APPLAUSE", "LAUGHTER", "Cheers", "Booing", "Speaker", "Ladies", "fellow")
_OPINION_WORDS = tuple(dict.fromkeys(w for _, words in _OPINION_CUES for w in words))


#: a character no match of an opinion cue holds, nor of a press cue: every element of those
#: patterns takes only word characters and white space (and, in a press cue, "/", ":", "#" and "-"),
#: so a match lies inside one run of other characters, the run holding its literal
_OPINION_STOP = recache.compile(r"[^\w\s]")
_PRESS_STOP = recache.compile(r"[^\w\s/:#\-]")


@lru_cache(maxsize=64)
def _alternation(patterns: tuple[str, ...], flags: int) -> re.Pattern[str]:
    return re.compile("|".join(patterns), flags)


def _search_cues(cues: tuple[tuple[str, tuple[str, ...]], ...], flags: int, text: str,
                 stop: re.Pattern[str]) -> re.Match[str] | None:
    """``re.compile("|".join(cues' patterns), flags).search(text)``, searched only where a match
    can be. A cue whose literals ``text`` does not hold matches nowhere, and is left out: at the
    leftmost place where some alternative matches, the first of them in order that matches there
    is the same. Every element of the cues takes only characters ``stop`` does not match, so
    every match lies inside one maximal run of such characters, the run holding one of its cue's
    literals: only those runs are searched, in text order, each from its start (the engine sees
    the characters before it, for ``\b`` and ``^``) to one character past its end (a stop
    character, which no element takes, there for ``\b`` and ``$``). In a run the engine tries
    the same places, and takes the same steps at each, as in the whole text, and the first match
    in the first run that has one is the leftmost. tests/test_sourcing.py checks this against
    the whole pattern."""
    present = tuple((rx, words) for rx, words in cues if contains_any(text, words))
    if not present:
        return None
    runs: set[tuple[int, int]] = set()
    n = len(text)
    backwards = text[::-1]  # the last stop character before an offset: the first one after it here
    for _, words in present:
        for word in words:
            i = text.find(word)
            while i >= 0:
                before = stop.search(backwards, n - i)
                after = stop.search(text, i + len(word))
                end = after.start() if after is not None else n
                runs.add((n - before.start() if before is not None else 0, end))
                i = text.find(word, end)  # a later literal in the same run finds the same run
    pattern = _alternation(tuple(rx for rx, _ in present), flags)
    for start, end in sorted(runs):
        m = pattern.search(text, start, end + 1)
        if m is not None:
            return m
    return None


def _word_count(text: str) -> int:
    """``len(_WORD.findall(text))``; in ASCII text, the runs left between the other characters
    made spaces, found several times faster by ``bytes.split``."""
    if text.isascii():
        return len(text.encode("ascii").translate(_NOT_WORD).split())
    return len(_WORD.findall(text))


def _could_have_voice(text: str) -> bool:
    """Whether ``text`` may have the author's own voice (see ``detect_genre``): false only when
    it is ASCII and holds too few of ``_VOICE_WORD``'s words, inside quotes or out, for either
    threshold. In ASCII text a match of ``_VOICE_WORD`` (a word between two word boundaries) is
    a whole run of word characters, so the matches are the runs ``_word_count`` counts that are
    one of ``_VOICE_WORDS``; the quoted ones only make fewer."""
    if not text.isascii():
        return True
    tokens = text.encode("ascii").translate(_NOT_WORD).split()
    voice = sum(map(_VOICE_WORDS.__contains__, tokens))
    return len(tokens) >= VOICE_MIN_LENGTH and voice >= VOICE_MIN_WORDS and \
        100 * voice / len(tokens) >= VOICE_MIN_RATE


def _outside(spans: Sequence[tuple[int, int]], starts: list[int], at: int) -> bool:
    """``at`` lies in none of ``spans`` (disjoint, sorted; ``starts`` their starts)."""
    i = bisect_right(starts, at) - 1
    return i < 0 or at >= spans[i][1]


def detect_genre(prose: str, *, given: Mapping[str, Any] | None = None, configured: str | None = None,
                 title: str | None = None, paragraphs: Sequence[tuple[int, int]] = (),
                 quotes: Sequence[tuple[int, int]] = ()) -> Genre:
    """The genre of a document (see the module docstring).

    ``prose`` is the document's prose (markup blanked), ``given`` its front matter, ``configured``
    the configuration's genre, ``title`` a headline given beside the text, ``paragraphs`` and
    ``quotes`` the ``(start, end)`` spans of its paragraphs and its top-level direct quotes
    (disjoint, in order)."""
    starts = [a for a, _ in quotes]
    for key in ("genre", "type"):
        value = (given or {}).get(key)
        name = normalise_genre(value)
        if name is not None:
            return Genre(name, f"front matter '{key}'", str(value))
    if configured:
        name = normalise_genre(configured)
        if name is not None:
            return Genre(name, "configuration", configured)
    m = _search_cues(_PRESS_CUES, re.MULTILINE, prose, _PRESS_STOP)
    if m:
        return Genre("press-release", "cue", m.group().strip())
    # two cues are needed, and every cue but a reference heading holds a "[": without one the
    # heading alone cannot decide, and none is looked for
    if "[" in prose:
        hits = [m.group() for rx in (_CITATION_NEEDED, _REFERENCE_HEADING) for m in [rx.search(prose)] if m]
        marks = _CITATION_MARK.findall(prose)
        if len(hits) + (len(marks) >= 3) >= 2:
            return Genre("encyclopedic", "cue", (hits or marks)[0].strip())
    head = prose[paragraphs[0][0]:paragraphs[0][1]] if paragraphs else prose[:300]
    first = head.strip()
    if first.endswith(":") and len(first) < 300:
        m = _SALUTATION.search(first)
        if m:
            return Genre("speech", "cue", first[-80:])
    for m in _SPEECH.finditer(prose) if contains_any(prose, _SPEECH_WORDS) else ():
        if _outside(quotes, starts, m.start()):
            return Genre("speech", "cue", m.group())
    # three labels are needed, and each match holds a ":" of its own
    labels = [m for m in _LABEL.finditer(prose) if not m.group().lstrip().startswith(("Q:", "A:"))] \
        if prose.count(":") >= 3 else []
    if len(labels) >= 3 and len({m.group().split(":")[0].strip() for m in labels}) >= 2:
        return Genre("speech", "cue", labels[0].group().split(":")[0].strip() + ":")
    for text in (title or "", first):
        m = _OPINION_HEAD.match(text)
        if m:
            return Genre("opinion", "cue", m.group().strip())
    m = _search_cues(_OPINION_CUES, 0, prose, _OPINION_STOP)
    if m and _outside(quotes, starts, m.start()):
        return Genre("opinion", "cue", m.group())
    head400 = prose[:400]
    # every _DATELINE match holds a "(": without one the search (which tries each line start
    # with a bounded repeat, and backtracks through it) is left out
    # words are runs of word characters between others: a text of fewer than 2n - 1 characters
    # holds fewer than n words, and is not counted
    if (len(prose) >= 2 * VOICE_MIN_LENGTH - 1 and ("(" not in head400 or not _DATELINE.search(head400))
            and _could_have_voice(prose)):
        words = _word_count(prose)
        if words >= VOICE_MIN_LENGTH:
            voice = [m for m in _VOICE_WORD.finditer(prose) if _outside(quotes, starts, m.start())]
            if len(voice) >= VOICE_MIN_WORDS and 100 * len(voice) / words >= VOICE_MIN_RATE:
                return Genre("opinion", "cue", f"{len(voice)} first- and second-person words in {words}")
    return Genre("news", "default")
