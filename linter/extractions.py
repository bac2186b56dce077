"""One document under analysis: the ``Document`` and what it contains, each extraction a typed
property computed on first use and kept for the document's lifetime.

Rules ask for what they need (dates, titled mentions, attribution); an extraction no selected
rule reads is never computed, which keeps a keystroke in the editor cheap. The knowledge base is
passed in (the engine's); ``Analysis`` knows nothing of the views rules see over it
(``linter.subjects``), which keep their own per-document objects in :attr:`Analysis.views`.
"""

from __future__ import annotations

import bisect
import functools
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from linter import recache
from linter.document import Document, Paragraph, Quote, Sentence
from linter.extract import window as w
from linter.extract.ages import GIVEN_NAMES_INDEX, Age, _may_state_age, extract_ages, given_names
from linter.extract.attribution import QuoteSource, SentenceSource, attribute, speech_near_quote
from linter.extract.dates import (
    _GATE_WORDS,
    DateMention,
    _ascii_facts,
    extract_dates,
    mark_reported,
    pair_restatements,
    speech_times,
    speech_verbs,
)
from linter.extract.events import EVENTS_INDEX, EventMention, event_tables, extract_events
from linter.extract.figures import Figure, extract_figures
from linter.extract.intervals import Interval, extract_intervals, may_claim
from linter.extract.mentions import GAZETTEER_INDEX, Mention, extract_mentions, gazetteer_tables
from linter.extract.names import FAMILY_NAMES_INDEX, Variant, family_names, find_variants, known_family_names
from linter.extract.reftime import RefTime, reference_time
from linter.extract.tense import (
    CLAUSE_WINDOW,
    ClauseCache,
    Governor,
    detect_governor,
    governor_of_rest,
    sentence_boundaries,
)
from linter.extract.titles import Administration, administrations, title_clashes
from linter.fold import ascii_fold
from linter.kb import KnowledgeBase

if TYPE_CHECKING:
    from linter.memo import SentenceMemo

__all__ = ["STORED_INDEXES", "Analysis", "DateRelations"]

_T = TypeVar("_T")


class cached_property(Generic[_T]):  # noqa: N801 - named as the functools decorator it stands in for
    """``functools.cached_property`` without its lock: on Python 3.11 that one takes an ``RLock``
    on every first access (twice the cost of the access itself, a dozen times per document); an
    ``Analysis`` is only ever used by the thread that made it. The value is computed on first
    access and kept in the instance's ``__dict__``, where later reads find it directly."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> cached_property[_T]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> _T | cached_property[_T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


#: The extractors' look-up tables over the KB, computed when it is compiled (``factlint kb build``)
STORED_INDEXES: dict[str, Callable[[KnowledgeBase], Any]] = {
    GAZETTEER_INDEX: gazetteer_tables,
    EVENTS_INDEX: event_tables,
    FAMILY_NAMES_INDEX: family_names,
    GIVEN_NAMES_INDEX: given_names,
}

#: the start of a byline ("By Jane Doe") or a photo caption ("FILE - ...", "(Photo: ...)")
_FURNITURE = recache.compile(r"\s*(?:By\s+[A-Z]|BY\s+[A-Z]|FILE\s*[-–—:]|PHOTO\s*[-–—:]|Photo\s*:|\(Photo|"
                             r"\(AP Photo|\(Reuters|Caption\s*:|Image\s*:)")
_FINAL_PUNCT = frozenset(".!?:;\"”’')…")
#: in lower case, a piece of every word of ``dates._TRIGGER_WORD`` (extract_dates finds nothing in
#: text without a digit or one of those): "hours later", "last summer", "the second quarter"
_DATE_WORDS = ("day", "week", "month", "year", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
               "sep", "oct", "nov", "dec", "ago", "decade", "centur", "today", "tonight", "now", "tomorrow",
               "hour", "minute", "second", "currently", "present", "quarter", "spring", "summer", "fall",
               "autumn", "winter")
_DECIMAL = recache.compile(r"\d")  # str.isdecimal(); str.isdigit() also takes "²" and the like


def _plain(text: str) -> str:
    """Lower case without diacritics: "César" -> "cesar"."""
    if text.isascii():
        return text.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def _may_hold_date(text: str) -> bool:
    """A digit or a date word: text without either holds no date expression."""
    if text.isascii():  # then "in" finds the digits, much faster
        return any(map(text.__contains__, "0123456789")) or _has_date_word(text)
    if _DECIMAL.search(text) is not None or _has_date_word(text):
        return True
    return any(ch.isdigit() for ch in text)


def _dates_gate(text: str) -> bool:
    """``_may_hold_date(text)``, or False where ``extract_dates(text)`` is empty anyway: in an ASCII
    text with no digit and none of ``dates.gate_words`` (its runs of letters are memoised, and
    the ages gate reads them too), which spares most sentences the date word search."""
    if text.isascii():
        runs, digit = _ascii_facts(text)  # (memoised: extract_dates and the other gates read them)
        if digit:
            return True
        return not _GATE_WORDS.isdisjoint(runs) and _has_date_word(text)
    return _may_hold_date(text)


def _has_date_word(text: str) -> bool:
    return any(map(text.lower().__contains__, _DATE_WORDS))


def _sentence_gates(text: str) -> tuple[bool, bool, bool]:
    """``Analysis._gates`` of one sentence's text."""
    return _may_hold_date(text), _may_state_age(text), may_claim(text)


@dataclass(slots=True)
class DateRelations:
    """Per date mention (keyed by ``id``): how it is reported (``quote`` or ``indirect``), the
    date written for when reported words were said, and the absolute date restating a relative one."""

    speech: dict[int, str] = field(default_factory=dict)
    said_at: dict[int, tuple[DateMention, Sentence]] = field(default_factory=dict)
    paired: dict[int, tuple[DateMention, Sentence]] = field(default_factory=dict)


class Analysis:
    """The document and everything extracted from it, shared by all rules for one run.

    ``kb`` is the knowledge base, or a function that loads it (called once, on first use, so a
    document no KB rule looks at never loads it).
    """

    def __init__(self, doc: Document, kb: KnowledgeBase | Callable[[], KnowledgeBase],
                 genre: str | None = None, memo: SentenceMemo | None = None) -> None:
        self.doc = doc
        #: per-sentence extractions kept from the buffer's previous lint (the language server)
        self.memo = memo
        self._kb = kb
        #: the configuration's genre (``linter.extract.genre``), for a document that names none
        self.genre = genre
        self._sentence_starts = [s.start for s in doc.sentences]
        self._tenses: dict[tuple[int, int], str] = {}
        self._ref_times: dict[tuple[int, int], RefTime] = {}
        self._captions: dict[int, bool] = {}  # paragraph index -> _furniture
        #: per sentence index, its clauses (``detect_governor``'s cache) and its boundaries, shared
        #: by the look-ups of the verb groups of its spans
        self._clauses: dict[int, ClauseCache] = {}
        self._boundaries: dict[int, list[int]] = {}
        #: the views of ``linter.subjects`` over this document, kept by their own keys
        self.views: dict[Any, Any] = {}

    @cached_property
    def kb(self) -> KnowledgeBase:
        kb = self._kb
        return kb if isinstance(kb, KnowledgeBase) else kb()

    @property
    def kb_loaded(self) -> bool:
        return "kb" in self.__dict__

    def close(self) -> None:
        """Drop the extractions and views. Views point back at this object, so without this the
        document's objects wait for the cyclic garbage collector instead of being freed as soon
        as the engine is done with the document."""
        kb = self.__dict__.get("kb")
        self.__dict__.clear()
        if kb is not None:
            self.__dict__["kb"] = kb

    # -- positions ----------------------------------------------------------------------------
    def sentence_index_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i < 0:
            return None
        s = self.doc.sentences[i]
        return i if offset <= s.end else None

    def sentence_at(self, offset: int) -> Sentence | None:
        i = self.sentence_index_at(offset)
        return None if i is None else self.doc.sentences[i]

    def in_quote(self, offset: int) -> bool:
        return self.doc.in_quote(offset) is not None

    def quote_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """Inner spans of the direct quotes overlapping ``[start, end)``."""
        return [(q.inner_start, q.inner_end) for q in self.doc.quotes_in(start, end)]

    @cached_property
    def folded_prose(self) -> str:
        """``ascii_fold(doc.prose)``: what case-insensitive literal pre-checks search."""
        return ascii_fold(self.doc.prose)

    @cached_property
    def sentence_texts(self) -> list[tuple[int, str]]:
        """``(start, text)`` of every sentence: what most extractors read."""
        return [(s.start, s.text) for s in self.doc.sentences]

    @cached_property
    def _gates(self) -> list[tuple[bool, bool, bool]]:
        """Per sentence, the tests of its text alone that spare the extractors the rest: whether
        it may hold a date (``_may_hold_date``), state an age (``ages._may_state_age``) or claim
        an interval (``may_claim``). Used with a memo only (the language server's), which keeps
        them under the text: a relint then tests only the sentences an edit touched."""
        memo = self.memo
        assert memo is not None
        return [memo.gates(s.text, _sentence_gates) for s in self.doc.sentences]

    @cached_property
    def _sentences_per_paragraph(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for s in self.doc.sentences:
            counts[s.paragraph] = counts.get(s.paragraph, 0) + 1
        return counts

    def sentence_count(self, paragraph: int) -> int:
        return self._sentences_per_paragraph.get(paragraph, 0)

    def quoted_fraction(self, sentence: Sentence) -> float:
        """The share of the sentence's characters inside direct quotes (0..1)."""
        length = max(1, sentence.end - sentence.start)
        covered = 0
        for q in self.doc.quotes_in(sentence.start, sentence.end):
            if q.depth:
                continue
            covered += max(0, min(q.inner_end, sentence.end) - max(q.inner_start, sentence.start))
        return min(1.0, covered / length)

    def tense_at(self, start: int, end: int) -> str:
        """The tense of the clause around ``[start, end)``: past, present, future ... or unknown."""
        key = (start, end)
        tense = self._tenses.get(key)
        if tense is None:
            i = self.sentence_index_at(start)
            if i is None:
                tense = "unknown"
            else:
                s = self.doc.sentences[i]
                tense = self.governor(s, start - s.start, end - s.start).tense
            self._tenses[key] = tense
        return tense

    def governor(self, sentence: Sentence, start: int, end: int) -> Governor:
        """``detect_governor(sentence.text, start, end)`` (local offsets), the sentence split into
        clauses once for all its spans. (Passing the sentence's boundaries changes nothing for a
        sentence shorter than two CLAUSE_WINDOWs, which detect_governor reads whole for any span;
        a longer one, of hostile input, is read as detect_governor reads it alone.)"""
        text = sentence.text
        if len(text) >= 2 * CLAUSE_WINDOW:
            return detect_governor(text, start, end)
        return detect_governor(text, start, end, self._sentence_boundaries(sentence),
                               cache=self._sentence_clauses(sentence))

    def _governor_of_rest(self, sentence: Sentence, p: int, e: int) -> Governor | None:
        """``detect_governor(sentence.text[p:], 0, e)`` read off the sentence's clauses
        (``tense.governor_of_rest``), or None."""
        return governor_of_rest(sentence.text, p, e, self._sentence_boundaries(sentence),
                                self._sentence_clauses(sentence))

    def _sentence_boundaries(self, sentence: Sentence) -> list[int]:
        boundaries = self._boundaries.get(sentence.index)
        if boundaries is None:
            boundaries = self._boundaries[sentence.index] = sentence_boundaries(sentence.text)
        return boundaries

    def _sentence_clauses(self, sentence: Sentence) -> ClauseCache:
        """The cache of the sentence's clauses (``detect_governor``'s, for its boundaries)."""
        cache = self._clauses.get(sentence.index)
        if cache is None:
            cache = self._clauses[sentence.index] = {}
        return cache

    # -- dates --------------------------------------------------------------------------------
    @cached_property
    def dates(self) -> list[tuple[DateMention, Sentence]]:
        """Every date expression of the document with its sentence, in order."""
        out = []
        pub = self.doc.pub_date
        gates = None if self.memo is None else iter(self._gates)
        for s in self.doc.sentences:
            if not (_dates_gate(s.text) if gates is None else next(gates)[0]):
                continue
            if self.memo is not None:
                ms = self.memo.dates(s.text, s.start, pub)
            else:  # its clauses kept for the later look-ups of the sentence's verb groups
                ms = extract_dates(s.text, s.start, pub, clauses=self._sentence_clauses(s))
            if ms:  # the quotes only matter to sentences with dates
                mark_reported(ms, self.quote_spans(s.start, s.end))
                for d in ms:
                    out.append((d, s))
        return out

    @cached_property
    def date_relations(self) -> DateRelations:
        rel = DateRelations()
        memo, pub, sentences = self.memo, self.doc.pub_date, self.doc.sentences
        for idx, ms in self._dates_by_sentence.items():
            s = sentences[idx]
            quotes = self.quote_spans(s.start, s.end)
            if memo is None:
                kinds, said, paired = self._sentence_relations(s, ms, quotes)
            else:
                kinds, said, paired = memo.relations(s.text, s.start, pub, quotes,
                                                     functools.partial(self._sentence_relations, s, ms, quotes))
            for d, kind in zip(ms, kinds, strict=True):
                if kind is not None:
                    rel.speech[id(d)] = kind
            for i, k in said:
                rel.said_at[id(ms[i])] = (ms[k], s)
            for i, k in paired:
                rel.paired[id(ms[i])] = (ms[k], s)
        return rel

    def _sentence_relations(self, s: Sentence, ms: list[DateMention], quotes: list[tuple[int, int]],
                            ) -> tuple[tuple[str | None, ...], tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
        """The relations of the dates ``ms`` of sentence ``s`` by their indices: how each is
        reported (``DateRelations.speech``, None: not), and the pairs (said, said at) and
        (relative, restated by). A function of the sentence's text, its dates (of its text and
        the publication date) and ``quotes``, the inner spans of the quotes overlapping it
        (``quote_spans``): the quotes that hold a date's start are among them."""
        verbs = speech_verbs(s.text, quotes, s.start)
        indirect = bool(verbs)
        kinds = tuple("quote" if d.reported or self.doc.in_quote(d.start) is not None else
                      "indirect" if indirect else None for d in ms)
        said = tuple(speech_times(s.text, s.start, ms, quotes, verbs).items()) if indirect else ()
        paired = tuple(pair_restatements(s.text, s.start, ms).items()) if len(ms) > 1 else ()
        return kinds, said, paired

    @cached_property
    def _dates_by_sentence(self) -> dict[int, list[DateMention]]:
        out: dict[int, list[DateMention]] = {}
        for d, s in self.dates:
            out.setdefault(s.index, []).append(d)
        return out

    def ref_time(self, start: int, end: int) -> RefTime:
        """The time the clause around ``[start, end)`` speaks of (``linter.extract.reftime``)."""
        key = (start, end)
        got = self._ref_times.get(key)
        if got is None:
            s = self.sentence_at(start)
            if s is None:
                got = RefTime(None, None, "unknown")
            else:
                by_sentence = self._dates_by_sentence
                earlier: list[DateMention] = []
                i = s.index - 1
                while i >= 0 and self.doc.sentences[i].paragraph == s.paragraph:
                    earlier[:0] = by_sentence.get(i, ())
                    i -= 1
                caption = self._captions.get(s.paragraph)
                if caption is None:  # (asked once per paragraph: its sentences' spans share it)
                    caption = self._captions[s.paragraph] = self._furniture(self.doc.paragraphs[s.paragraph])
                got = reference_time(s.text, s.start, (start, end), by_sentence.get(s.index, ()),
                                     self.doc.pub_date, self.tense_at(start, end), earlier, caption,
                                     functools.partial(self.governor, s), functools.partial(self._governor_of_rest, s))
            self._ref_times[key] = got
        return got

    # -- people and titles --------------------------------------------------------------------
    @cached_property
    def mentions(self) -> list[Mention]:
        """Every mention of a person: titled, appositive, full name or bare surname."""
        memo, pub = self.memo, self.doc.pub_date
        return extract_mentions(self.sentence_texts, self.kb, pub,
                                None if memo is None else functools.partial(memo.mentions, pub=pub))

    @cached_property
    def title_clashes(self) -> dict[int, Mention]:
        """For a titled mention (by ``id``), the earlier one of the same person it clashes with."""
        return title_clashes(self.mentions, self.in_quote)

    @cached_property
    def first_in_body(self) -> set[int]:
        """The ``id``s of the mentions that are the first of their person in the body text.

        Headlines, bylines, photo captions and direct quotes neither count nor introduce. A
        standfirst (a record's description) or a display line (one line with no final
        punctuation: a repeated headline, a live-blog label) is not checked, but a title or full
        name there introduces the person (news APIs give the lead as the description)."""
        seen: set[str] = set()
        anywhere: set[str] = set()
        out: set[int] = set()
        for m in self.mentions:
            if m.person_id is None or m.attributive:
                continue
            first_anywhere = m.person_id not in anywhere
            anywhere.add(m.person_id)
            if m.person_id in seen:
                continue
            sentence = self.sentence_at(m.start)
            p = None if sentence is None else self.doc.paragraphs[sentence.paragraph]
            if p is None or p.kind in ("heading", "title") or self.in_quote(m.start) or self._furniture(p):
                continue
            if self._standfirst(m.start) or self._display_line(p):
                if m.form != "surname":
                    seen.add(m.person_id)
                continue
            seen.add(m.person_id)
            if m.form == "surname" and ((first_anywhere and not m.first_in_document)
                                        or self._named_before(m.person_id, m.start)):
                continue  # introduced misspelt ("Ingvar Calrsson"), or in lower case
            out.add(id(m))
        return out

    def _named_before(self, person_id: str, before: int) -> bool:
        """The person's full name is written before ``before`` in any case ("finance minister
        cesar gaviria"), which the mention finder, reading capitals, does not see."""
        person = self.kb.people.get(person_id)
        if person is None:
            return False
        names = [_plain(n) for n in person.names if len(n.split()) > 1]
        if not names:
            return False
        text = " ".join(_plain(self.doc.prose[:before]).split())
        return any(n in text for n in names)

    def _furniture(self, p: Paragraph) -> bool:
        """A byline or a photo caption: not where a person is introduced."""
        return bool(_FURNITURE.match(self.doc.prose, p.start))

    def _standfirst(self, at: int) -> bool:
        span = self.doc.standfirst
        return span is not None and span[0] <= at < span[1]

    def _display_line(self, p: Paragraph) -> bool:
        """One short line without final punctuation: display type, not a sentence of the body."""
        text = self.doc.prose[p.start:p.end].rstrip()
        return 0 < len(text) < 160 and "\n" not in text and text[-1] not in _FINAL_PUNCT

    @cached_property
    def administrations(self) -> list[Administration]:
        return administrations(self.sentence_texts, self.kb)

    @cached_property
    def ages(self) -> list[Age]:
        triggered = None if self.memo is None else [i for i, g in enumerate(self._gates) if g[1]]
        return extract_ages(self.sentence_texts, self.mentions, self.kb, self.doc.pub_date, self.ref_time, triggered)

    @cached_property
    def events(self) -> list[EventMention]:
        memo, pub = self.memo, self.doc.pub_date
        return extract_events(self.sentence_texts, [d for d, _ in self.dates], self.kb, pub, self.folded_prose,
                              None if memo is None else functools.partial(memo.events, pub=pub))

    @cached_property
    def intervals(self) -> list[Interval]:
        """Stated amounts of time between two points the text gives (``linter.extract.intervals``)."""
        out: list[Interval] = []
        by_sentence = self._dates_by_sentence
        events: dict[int, list[EventMention]] | None = None
        gates = None if self.memo is None else iter(self._gates)
        for s in self.doc.sentences:
            if not (may_claim(s.text) if gates is None else next(gates)[2]):
                continue
            if events is None:
                events = {}
                for e in self.events:
                    sentence = self.sentence_at(e.start)
                    if sentence is not None:
                        events.setdefault(sentence.index, []).append(e)
            out.extend(extract_intervals(s.text, s.start, by_sentence.get(s.index, ()), events.get(s.index, ()),
                                         self.doc.pub_date, self.tense_at))
        return out

    @cached_property
    def window(self) -> w.Window:
        """The publication dates the text's own time-sensitive claims allow."""
        doc = self.doc

        def sentence_of(offset: int) -> tuple[int, str] | None:
            s = self.sentence_at(offset)
            return None if s is None else (s.start, s.text)

        def text_of(start: int, end: int) -> str:
            return " ".join(doc.prose[start:end].split())

        kb = self.kb
        claims = [
            *w.claims_from_mentions(self.mentions, kb, self.in_quote, text_of),
            *w.claims_from_dates([d for d, _ in self.dates], sentence_of, self.in_quote),
            *w.claims_from_ages(self.ages, kb),
            *w.claims_from_events(self.events),
            *w.claims_from_administrations(self.sentence_texts, kb, self.in_quote),
        ]
        claims.sort(key=lambda c: c.start)
        return w.solve(claims)

    # -- sourcing -----------------------------------------------------------------------------
    @cached_property
    def _attribution(self) -> tuple[list[SentenceSource], list[QuoteSource]]:
        memo = self.memo
        if memo is None:
            return attribute(self.doc.sentences, self.doc.quotes)
        return attribute(self.doc.sentences, self.doc.quotes, memo.cues, memo.speaker, memo.quote_words)

    @property
    def sentence_sources(self) -> list[SentenceSource]:
        """Who carries each sentence (named sources, cues), in sentence order."""
        return self._attribution[0]

    @property
    def quote_sources(self) -> list[QuoteSource]:
        """Who speaks each direct quote, in quote order."""
        return self._attribution[1]

    @cached_property
    def paragraph_named(self) -> dict[int, bool]:
        """Paragraph index → it names a source, carries anonymous sourcing or quotes someone."""
        named: dict[int, bool] = {}
        for src in self.sentence_sources:
            p = self.doc.sentences[src.index].paragraph
            named[p] = named.get(p, False) or bool(src.named) or any(c.kind == "anonymous" for c in src.cues)
        for q, qs in zip(self.doc.quotes, self.quote_sources, strict=False):
            if qs.speaker is not None:
                named[q.paragraph] = True
        return named

    def speech_near(self, quote: Quote) -> bool:
        """A speech verb in the quote's paragraph (outside the quote) or opening the next one."""
        return speech_near_quote(self.doc.prose, self.doc.paragraphs, quote)

    @cached_property
    def figures(self) -> list[tuple[Figure, Sentence]]:
        """Every specific figure (money, percentage, count) with its sentence."""
        return [(f, s) for s in self.doc.sentences for f in extract_figures(s)]

    # -- content ------------------------------------------------------------------------------
    @cached_property
    def variants(self) -> list[Variant]:
        """Names spelled two ways in the document."""
        memo = self.memo
        return find_variants(self.sentence_texts, known_family_names(self.kb), folded=True,
                             words_of=None if memo is None else memo.words)
