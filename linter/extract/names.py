"""Spelling variants of one name inside one article: "Netanyahu" and "Netanyhau", "Erdoğan" and "Erdogan".

Collects the capitalised words of a document that are not sentence-initial common words, and
pairs a rarer spelling with a more frequent (or knowledge-base) one when they differ by one
edit (two for long names) or only by diacritics. Conservative by construction: both words must
look like names (capitalised mid-sentence at least once), share their first letter, and be at
least five letters long; the variant must not be a known English word or a knowledge-base name
of its own.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from operator import itemgetter

from linter import recache
from linter.kb import KnowledgeBase

# A capitalised word of five characters or more (shorter ones never pair), not preceded by a word
# character, apostrophe or hyphen. The look-behind comes after the capital (it checks the character
# before it) so that the search skips ahead to capitals.
_WORD = recache.compile(r"([A-Z\u00C0-\u00DE](?<![\w'’-].)[\w'’-]{3,}\w)")
# The same words in ASCII text, where ``\w`` is [A-Za-z0-9_] and no ’ or accented capital stands:
# character classes ``re`` tests by a table, not by asking Unicode of every character (a third
# faster). ``tests/test_names.py`` checks both find the same words.
_ASCII_WORD = recache.compile(r"([A-Z](?<![A-Za-z0-9_'-].)[A-Za-z0-9_'-]{3,}[A-Za-z0-9_])")
_SENT_START = recache.compile(r"(?:^|[.!?:;“\"(]\s*)$")
_GIVEN = recache.compile(r"([A-Z][a-z]+)\s+$")
#: words before a name that say it is a person's (a title or an honorific)
_NAME_TITLES = frozenset("""
president minister ayatollah secretary senator governor general chancellor king queen prince sheikh pope
judge justice mayor speaker leader chairman chief director ambassador envoy mr mrs ms dr sir lord premier
""".split())
_TITLES = frozenset("""
president minister ayatollah secretary senator governor general chancellor king queen prince sheikh
pope judge justice mayor speaker leader chairman chief director ambassador envoy mr mrs ms dr sir lord
prime foreign supreme vice deputy former late said says told the and with from as in but if when while
after before for at on by of to this that then thus also both even only since until unlike like under over
into than though although because where which who whom whose what why how
""".split())
_FOLLOWED_BY_NAME = recache.compile(r"\s+[A-Z][a-z]")
_PARTICLE_BEFORE = recache.compile(r"\b(?:do|da|de|del|della|di|du|dos|das|von|van|der|la|le)\s+$")

# Capitalised words that are not names but often sit one edit from one.
_COMMON = frozenset("""
about above after again against america american americans among another april around august because before
being below between britain british canada chinese congress council county court december during europe
european february federal first following france french friday general german germany government however
iranian israel israeli january japan japanese july june march minister ministry monday national northern
november october officials president república russia russian saturday senate senator september southern
states sunday their there these thursday tuesday united wednesday western where which while would
""".split())


@dataclass(frozen=True, slots=True)
class Variant:
    start: int
    end: int
    text: str
    canonical: str
    count: int
    canonical_count: int
    diacritics_only: bool


def fold(word: str) -> str:
    """Lower case with diacritics removed: "Erdoğan" → "erdogan"."""
    if word.isascii():
        return word.lower()  # nothing to decompose, no curly apostrophe (faster than a cache look-up)
    return _fold_unicode(word)


@lru_cache(maxsize=2048)  # bounded: a long archive run keeps a flat memory
def _fold_unicode(word: str) -> str:
    norm = unicodedata.normalize("NFKD", word)
    return "".join(c for c in norm if not unicodedata.combining(c)).lower().replace("’", "'")


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it is past ``limit``."""
    return _distance(a, b, limit)


@lru_cache(maxsize=16384)  # the same pairs of names come back document after document
def _distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein (optimal string alignment) distance, stopping early past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)]


def _sentence_start(text: str, pos: int) -> bool:
    """``_SENT_START.search(text, 0, pos)``, looking only where a match can start: at 0, or at the
    last character before the white space that ends ``text[:pos]`` (``str.rstrip`` and ``\\s``
    agree on white space)."""
    q = len(text[:pos].rstrip())
    return _SENT_START.search(text, q - 1 if q else 0, pos) is not None


def sentence_words(text: str) -> list[str]:
    """The capitalised words of one sentence that ``find_variants`` counts, in order: a word
    cannot run over a line break, so those of sentences joined by one are theirs in turn."""
    return (_ASCII_WORD if text.isascii() else _WORD).findall(text)  # type: ignore[no-any-return]


def _joined(texts: Sequence[str]) -> tuple[str, list[int]]:
    """``texts`` joined by line breaks, and the offset of each in the joined text."""
    starts: list[int] = []
    at = 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    return "\n".join(texts), starts


#: How many times over ``find_variants`` searches a document's text for single words before it
#: finds every word's places in one pass (``_places``), which costs about as much as a few searches.
_INDEX_AFTER = 8


def _words_at(text: str) -> Iterator[tuple[str, int]]:
    """Each word ``_WORD`` finds in ``text`` (a possessive "'s" dropped) and its offset."""
    for m in _WORD.finditer(text):
        w = m.group(1)
        yield (w[:-2] if w.endswith(("'s", "’s")) else w), m.start(1)


def _places(texts: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    """Every word ``_WORD`` finds in ``texts`` (a possessive "'s" dropped) -> its places, as
    ``(text index, offset)`` in text order: what ``find_variants``' ``where`` finds word by word."""
    out: dict[str, list[tuple[int, int]]] = {}
    for idx, text in enumerate(texts):
        for w, at in _words_at(text):
            places = out.get(w)
            if places is None:
                out[w] = [(idx, at)]
            else:
                places.append((idx, at))
    return out


def _holding(texts: Sequence[str], joined: str, starts: list[int], word: str) -> list[int]:
    """The indices of the texts that hold ``word``, in order: ``[i for i, t in enumerate(texts)
    if word in t]``, found by searching their join (``_joined``) from one text to the next: an
    occurrence there of a word without a line break (as every word ``_WORD`` finds) lies in
    one text, as it holds none of the line breaks that join them."""
    if "\n" in word or not word:
        return [i for i, t in enumerate(texts) if word in t]
    out: list[int] = []
    i = joined.find(word)
    while i >= 0:
        idx = bisect_right(starts, i) - 1
        out.append(idx)
        i = joined.find(word, starts[idx] + len(texts[idx]) + 1)
    return out


#: a word as ``sentence_words`` finds it -> ``_filed(word)`` (``find_variants``)
_FILED: dict[str, tuple[str, str, str] | tuple[()]] = {}
_MAX_FILED = 20_000  # words remembered by ``_FILED``, then forgotten


def _filed(raw: str) -> tuple[str, str, str] | tuple[()]:
    """What ``find_variants`` files a word found as ``raw`` under: the word (a possessive "'s"
    dropped), its ``fold`` and the fold's first and last letters; () for a word that never pairs
    (shorter than five letters, in capitals, or a common word). Remembered in ``_FILED``."""
    word = raw[:-2] if raw.endswith(("'s", "’s")) else raw
    filed: tuple[str, str, str] | tuple[()] = ()
    if len(word) >= 5 and not word.isupper():
        f = word.lower() if word.isascii() else _fold_unicode(word)  # fold(word)
        if f not in _COMMON:
            filed = (word, f, f[0] + f[-1])
    _FILED[raw] = filed
    return filed


def _file_words(words: Iterable[str]) -> tuple[dict[str, int], dict[str, str], dict[str, list[str]]]:
    """How often each word that can pair occurs (a possessive counted with the word), its
    ``fold``, and the words by their folds' first and last letters, each in order of first
    occurrence. A word that never pairs (too short, in capitals, common) is neither counted nor
    filed: only the counts of words that pair are read."""
    counts: dict[str, int] = {}
    folds: dict[str, str] = {}
    by_initial: dict[str, list[str]] = {}
    if len(_FILED) > _MAX_FILED:  # remembered across documents: forgotten now and then, to bound memory
        _FILED.clear()
    filed_get = _FILED.get
    for raw, n in Counter(words).items():
        filed = filed_get(raw)
        if filed is None:  # ``_filed(raw)``, written out: most words of a document are new
            word = raw[:-2] if raw.endswith(("'s", "’s")) else raw
            filed = ()
            if len(word) >= 5 and not word.isupper():
                f = word.lower() if word.isascii() else _fold_unicode(word)  # fold(word)
                if f not in _COMMON:
                    filed = (word, f, f[0] + f[-1])
            _FILED[raw] = filed
        if not filed:
            continue
        word, f, ends = filed
        if word in counts:  # "Baker's" after "Baker"
            counts[word] += n
            continue
        counts[word] = n
        folds[word] = f
        by_initial.setdefault(ends, []).append(word)
    return counts, folds, by_initial


def find_variants(sentences: Sequence[tuple[int, str]], known_names: Iterable[str] = (),
                  folded: bool = False, words_of: Callable[[str], list[str]] | None = None) -> list[Variant]:
    """Spelling variants in a document given as ``(absolute start, sentence text)`` pairs.

    ``known_names`` are names known to be right (the knowledge base's family names; a mapping to
    the given names each goes with lets a short name pair only when written as that person's);
    pass ``folded=True`` when they are already ``fold``-ed. ``words_of(text)`` gives
    ``sentence_words(text)`` (the language server's memo keeps them), found when not given.
    """
    texts = list(map(itemgetter(1), sentences))
    # How often each word occurs, in order of first occurrence. Sentences joined by a line break
    # give the same words as one by one (a word cannot run over the break).
    # Only words whose folded forms share their first and last letters can pair (a diacritics-only
    # or apostrophe-only difference folds alike; a misspelling keeps the ends of the name): each
    # word is filed by them when first counted, so in order of first occurrence too.
    words = sentence_words("\n".join(texts)) if words_of is None else chain.from_iterable(map(words_of, texts))
    counts, folds, by_initial = _file_words(words)

    # Where each word occurs, (sentence index, offset): needed only for the few words that get
    # past the spelling tests, so found on demand, each in the sentences that hold it as a string
    # (a word is written where it occurs).
    owners: dict[str, list[tuple[int, int]]] = {}
    joined: list[tuple[str, list[int]]] = []  # the texts joined by line breaks, where each starts (made on demand)
    # Each word's search reads the whole text: in a long document many words pair, and those
    # searches would cost the text's length times their number (quadratic). Once they have read
    # the text _INDEX_AFTER times over, every word's places are found in one pass instead
    # (``_places``: the same lists), and the searches stop.
    budget = 0  # characters the searches may still read (set with ``joined``)

    def where(word: str) -> list[tuple[int, int]]:
        nonlocal budget
        found = owners.get(word)
        if found is None:
            if budget < 0:  # every word's places are filed: a word not among them is nowhere
                return []
            if not joined:
                joined.append(_joined(texts))
                budget = _INDEX_AFTER * (len(joined[0][0]) + 1)
            budget -= len(joined[0][0])
            if budget < 0:
                owners.update(_places(texts))
                return owners.get(word, [])
            found = owners[word] = [(idx, at) for idx in _holding(texts, *joined[0], word)
                                    for w, at in _words_at(texts[idx]) if w == word]
        return found

    # Given names and mid-sentence use matter only for the few words that pair: computed on demand.
    given_cache: dict[str, set[str]] = {}

    def given_of(word: str) -> set[str]:
        g = given_cache.get(word)
        if g is None:
            g = set()
            for idx, pos in where(word):
                given_m = _GIVEN.search(texts[idx], max(0, pos - 20), pos)
                if given_m and given_m.group(1).lower() not in _TITLES:
                    g.add(given_m.group(1))
            given_cache[word] = g
        return g

    def named(word: str) -> bool:
        """Written as a person's name somewhere: after a title or an honorific, or after a given
        name (one the KB knows with this family name, when it knows the name)."""
        givens = known_given.get(fold(word))
        found = given_of(word)
        if found and (givens is None or any(fold(g) in givens for g in found)):
            return True
        for idx, pos in where(word):
            m = _GIVEN.search(texts[idx], max(0, pos - 20), pos)
            if m is not None and m.group(1).lower() in _NAME_TITLES:
                return True
        return False

    def mid_sentence(word: str) -> bool:
        return any(not _sentence_start(texts[idx], pos) for idx, pos in where(word))
    known = known_names if folded and isinstance(known_names, (set, frozenset, dict)) else {fold(n) for n in known_names}
    known_given: Mapping[str, frozenset[str]] = known_names if isinstance(known_names, dict) else {}
    out: list[Variant] = []
    for group in by_initial.values():
        if len(group) < 2:
            continue  # most words: no other word shares their ends
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                fa, fb = folds[a], folds[b]
                if a.replace("’", "'") == b.replace("’", "'"):
                    continue  # only the apostrophe's shape differs: typography, not spelling
                diacritics_only = fa == fb
                if not diacritics_only:
                    if not -1 <= len(fa) - len(fb) <= 1:
                        continue  # more than one edit apart (the distance test below, made first)
                    if "'" in fa or "'" in fb:
                        continue
                    if min(len(fa), len(fb)) < 6 and fa not in known and fb not in known:
                        continue  # short words pair by chance (Horse/House) unless one is a known name
                    if fa.startswith(fb) or fb.startswith(fa):
                        continue  # a suffix, not a misspelling: Somali/Somalia, Knick/Knicks
                    if fa[0] != fb[0] or fa[-1] != fb[-1]:
                        continue  # misspellings keep the ends: Netanyhau, Khamenai; David/Davis are two names
                    if _distance(fa, fb, 1) > 1:
                        continue
                    if fa in known and fb in known:
                        continue  # two real names (Hussain / Hussein as different people)
                ga, gb = given_of(a), given_of(b)
                if ga and gb and not ga & gb:
                    continue  # different given names: two people (Saddam Hussein, Nasser Hussain)
                # The canonical spelling: the known name, else the clearly more frequent one.
                if fa in known and fb not in known:
                    canon, var = a, b
                elif fb in known and fa not in known:
                    canon, var = b, a
                elif counts[a] >= 2 * counts[b] and counts[a] >= 2:
                    canon, var = a, b
                elif counts[b] >= 2 * counts[a] and counts[b] >= 2:
                    canon, var = b, a
                else:
                    continue  # no evidence which spelling is meant
                if folds[canon] not in known and not given_of(canon):
                    continue  # the canonical word is not known to be a person's name
                if min(len(fa), len(fb)) < 6 and not named(canon):
                    continue  # a short name pairs only where the text writes it as a name (Spore/Store)
                if not mid_sentence(canon):
                    continue  # never seen capitalised mid-sentence: maybe just a sentence opener
                places = where(var)
                if any(_PARTICLE_BEFORE.search(texts[idx], max(0, pos - 8), pos) for idx, pos in places):
                    continue  # part of a longer name in another language: Jornal do Brasil
                if all(_FOLLOWED_BY_NAME.match(texts[idx], pos + len(var)) for idx, pos in places):
                    continue  # always a given name ("Marvin Smith"), not a misspelled family name
                for idx, pos in places:
                    start = sentences[idx][0] + pos
                    out.append(Variant(start, start + len(var), var, canon, counts[var], counts[canon], diacritics_only))
    out.sort(key=lambda v: v.start)
    return out


#: The name under which ``family_names`` is kept in the compiled KB.
FAMILY_NAMES_INDEX = "names.family.2"


def known_family_names(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Folded family names of every knowledge-base person known by surname alone → the folded
    given names they go with (computed once per KB)."""
    return kb.derived(_known_family_names)


def _known_family_names(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    stored = kb.stored_index(FAMILY_NAMES_INDEX)
    table = stored if stored is not None else family_names(kb)
    return {k: frozenset(v) for k, v in table.items()}


def family_names(kb: KnowledgeBase) -> dict[str, list[str]]:
    """The folded family names of every person known by surname alone, each with the folded
    first words of that person's names (what the compiled KB keeps)."""
    names: dict[str, set[str]] = {}
    for person in kb.people.values():
        if not person.bare_surname:
            continue  # a name the KB itself does not know by surname alone decides no spelling
        firsts = {fold(n.split()[0]) for n in person.names if len(n.split()) > 1}
        if person.surname:
            names.setdefault(fold(person.surname), set()).update(firsts)
        for name in person.names:
            words = name.replace("-", " ").split()
            if words:  # family names only: given names are shared by many people
                names.setdefault(fold(words[-1]), set()).update(firsts)
    return {k: sorted(v) for k, v in sorted(names.items())}
