"""Per-sentence (and per-paragraph) extractions kept between relints of one editor buffer, so
that a relint after a small edit recomputes only the sentences the edit touched.

Only functions of a sentence's own text (and the publication date), or of a few neighbouring
sentences, or of what a sentence reads of a document's state, are kept, and each is kept under
everything it reads: the sentences of a paragraph (``split_sentences``: its text and the
character after it, kept only when the split read nothing further), the tests of a sentence's
text that spare the extractors the rest (``extractions._sentence_gates``: may it hold a date,
state an age, claim an interval; its text), the capitalised words name variants count
(``names.sentence_words``: its text), the words of a quote (``attribution.quote_words``: its
inner text), the date expressions of a
sentence (``extract_dates``: its text and the publication date), how those are reported and
paired (``Analysis._sentence_relations``: its text, the publication date and the inner spans of
the quotes overlapping it, relative to it; a result by the dates' indices, holding no offset to
move), its named sources and sourcing
cues (``sentence_cues``: its text), its event mentions (``events._sentence_events``: its text
and dates, the text of the sentence before it, whether the document may name editions), its
person mentions (``mentions._sentence_mentions``: its text, the publication date, and the
document state it read, the people last named by the surnames it looked up and whether the words
it asked about are written in lower case elsewhere, kept with each parse as a ``MentionTrace``
and checked against the document before a parse is used; its writes to that state are made
again), and the speaker a top-level quote names in or next to its sentences
(``attribution._quote_speaker``: what ``attribution.speaker_inputs`` lists, the quote's offsets
and the texts and offsets of its sentences and the next one, relative to its first sentence, and
whether that next one is in the quote's paragraph). All are translation-equivariant: the offset
``base`` of the (first) sentence is only ever added to offsets found in its text, or compared
with offsets so found (``dates._mention``; the events' ``_mention`` and the date fields taken
from the sentence's dates; the person mentions' token offsets; ``attribution._tokens`` and the
cues and attributions built from its tokens). So a result is stored with offsets relative to
that sentence and handed out shifted to where the sentence is now, as fresh objects (the
analysis mutates them: ``mark_reported``, the pronoun resolution of ``attribute``,
``first_in_document``). A hit therefore gives exactly what the extractor would compute; the
language server's tests check every extraction against a fresh analysis after many random edits.

Entries live for two lints (the one that stored or used them and the next), so the memo holds
about two documents' sentences at most.
"""

from __future__ import annotations

import dataclasses
import datetime
import operator
from collections.abc import Callable
from typing import Any

from linter.extract.attribution import Cue, _quote_speaker, quote_words, sentence_cues, speaker_inputs
from linter.extract.dates import DateMention, extract_dates
from linter.extract.events import EventMention
from linter.extract.mentions import Mention, MentionState
from linter.extract.names import sentence_words
from linter.splitter import split_sentences


def _moved(cls: type, *offsets: str) -> Callable[[Any, int], Any]:
    """A function giving a new ``cls`` (a dataclass whose fields are all ``__init__``'s) equal to
    its argument but for the fields ``offsets`` (ints, or None left None), moved by ``by``: what
    ``dataclasses.replace`` gives, made by one positional call."""
    names = [f.name for f in dataclasses.fields(cls)]
    assert all(f.init for f in dataclasses.fields(cls)) and set(offsets) <= set(names)
    values = operator.attrgetter(*names)
    where = [names.index(n) for n in offsets]

    def move(obj: Any, by: int) -> Any:
        args = list(values(obj))
        for i in where:
            if args[i] is not None:
                args[i] += by
        return cls(*args)

    return move


_shift_mention: Callable[[Mention, int], Mention] = _moved(
    Mention, "start", "end", "name_start", "name_end", "title_start", "title_end")
_shift_event: Callable[[EventMention, int], EventMention] = _moved(EventMention, "start", "end", "date_start", "date_end")
_shift_date: Callable[[DateMention, int], DateMention] = _moved(DateMention, "start", "end", "weekday_start", "weekday_end")

#: how many parses of one sentence text (in different document states) are kept
_MENTION_VARIANTS = 4


class SentenceMemo:
    """The kept extractions of one buffer; ``begin()`` before each lint ages the entries."""

    def __init__(self) -> None:
        self._current: dict[Any, Any] = {}
        self._previous: dict[Any, Any] = {}
        #: look-ups answered from the memo and computed, since the last ``begin()``
        self.hits = 0
        self.misses = 0

    def begin(self) -> None:
        """Start a lint: entries neither stored nor used since the last ``begin()`` are dropped."""
        self._previous, self._current = self._current, {}
        self.hits = self.misses = 0

    def _get(self, key: Any) -> Any:
        """The entry under ``key``, kept for the next lint. One used in this lint moves from the
        previous lint's entries to this one's, so no key is in both: which is looked in first
        does not matter, and the previous lint's, which hold most, are."""
        found = self._previous.pop(key, None)
        if found is not None:
            self._current[key] = found
            return found
        return self._current.get(key)

    def split(self, prose: str, start: int, end: int) -> list[tuple[int, int]]:
        """``split_sentences(prose, start, end)``: the sentences of a paragraph, kept under its
        text and the character after it when they depend on nothing further."""
        text = prose[start:end + 1]
        key = ("split", text)
        kept = self._get(key)
        if kept is not None:
            self.hits += 1
            return [(a + start, b + start) for a, b in kept]
        self.misses += 1
        past_end = [False]
        found = split_sentences(prose, start, end, past_end)
        if not past_end[0]:
            self._current[key] = [(a - start, b - start) for a, b in found]
        return found

    def dates(self, text: str, base: int, pub: datetime.date | None) -> list[DateMention]:
        """``extract_dates(text, base, pub)``."""
        key = ("dates", text, pub)
        kept = self._get(key)
        if kept is not None:
            self.hits += 1
            return [_shift_date(d, base) for d in kept]
        self.misses += 1
        found = extract_dates(text, base, pub)
        self._current[key] = [_shift_date(d, -base) for d in found]
        return found

    def cues(self, text: str, base: int, analysed: Any = None) -> tuple[list[tuple[int, int, str]], list[Cue]]:
        """The named sources and cues of ``sentence_cues(text, base, analysed)`` (``analysed``,
        tokens computed already, changes nothing but the time taken)."""
        key = ("cues", text)
        kept = self._get(key)
        if kept is not None:
            self.hits += 1
            named0, cues0 = kept
            return ([(a + base, b + base, t) for a, b, t in named0],
                    [Cue(c.start + base, c.end + base, c.text, c.kind, c.in_quote) for c in cues0])
        self.misses += 1
        named, cues, _ = sentence_cues(text, base, analysed)
        self._current[key] = ([(a - base, b - base, t) for a, b, t in named],
                              [Cue(c.start - base, c.end - base, c.text, c.kind, c.in_quote) for c in cues])
        return named, cues

    def events(self, text: str, base: int, prev: str, editions: bool, compute: Callable[[], list[EventMention]],
               *, pub: datetime.date | None) -> list[EventMention]:
        """The event mentions of a sentence, ``compute()`` (``events._sentence_events``): a
        function of its text, the previous sentence's text, whether the document may name
        editions and the sentence's dates, which are a function of its text and the
        publication date (``extract_dates``)."""
        key = ("events", text, prev, editions, pub)
        kept = self._get(key)
        if kept is not None:
            self.hits += 1
            return [_shift_event(e, base) for e in kept] if kept else []
        self.misses += 1
        found = compute()
        self._current[key] = [_shift_event(e, -base) for e in found]
        return found

    def gates(self, text: str, compute: Callable[[str], tuple[bool, bool, bool]]) -> tuple[bool, bool, bool]:
        """``compute(text)`` (``extractions._sentence_gates``): tests of the text alone."""
        key = ("gates", text)
        kept = self._get(key)
        if kept is not None:
            self.hits += 1
            return kept  # type: ignore[no-any-return]
        self.misses += 1
        found = self._current[key] = compute(text)
        return found

    def words(self, text: str) -> list[str]:
        """``names.sentence_words(text)``: the capitalised words of a sentence (shared: not to be
        changed)."""
        key = ("words", text)
        kept = self._get(key)
        if kept is not None:
            self.hits += 1
            return kept  # type: ignore[no-any-return]
        self.misses += 1
        found = self._current[key] = sentence_words(text)
        return found

    def relations(self, text: str, base: int, pub: datetime.date | None, quotes: list[tuple[int, int]],
                  compute: Callable[[], Any]) -> Any:
        """The relations of a sentence's dates, by their indices, ``compute()``
        (``Analysis._sentence_relations``): a function of its text, its dates (of its text and the
        publication date) and the inner spans of the quotes overlapping it, kept relative to it.
        The result holds no offsets, and is shared: it is not to be changed."""
        key = ("relations", text, pub, tuple([(a - base, b - base) for a, b in quotes]))
        kept = self._get(key)
        if kept is not None:
            self.hits += 1
            return kept
        self.misses += 1
        found = self._current[key] = compute()
        return found

    def mentions(self, text: str, base: int, state: MentionState, *, pub: datetime.date | None) -> list[Mention]:
        """The person mentions of a sentence (``mentions._sentence_mentions``): a function of its
        text, the publication date and what it reads of the document's state, which each kept
        parse lists (``MentionTrace``) and ``state`` checks before it is used."""
        key = ("mentions", text, pub)
        kept = self._get(key)
        if kept is not None:
            for trace, found in kept:
                if state.holds(trace):
                    self.hits += 1
                    state.replay(trace)
                    return [_shift_mention(m, base) for m in found] if found else []
        self.misses += 1
        found, trace = state.parse(text, base)
        variants = [(trace, [_shift_mention(m, -base) for m in found])]
        if kept is not None:
            variants.extend(kept[:_MENTION_VARIANTS - 1])
        self._current[key] = variants
        return found

    def quote_words(self, text: str) -> list[str]:
        """``attribution.quote_words(text)``: the words of a quote's inner text (shared: not to
        be changed)."""
        key = ("quote words", text)
        kept = self._get(key)
        if kept is not None:
            self.hits += 1
            return kept  # type: ignore[no-any-return]
        self.misses += 1
        found = self._current[key] = quote_words(text)
        return found

    def speaker(self, q: Any, sentences: Any, cache: Any) -> tuple[Any, bool]:
        """``attribution._quote_speaker(q, sentences, cache)`` (``cache``, the sentences' tokens
        computed already, changes nothing but the time taken)."""
        inputs = speaker_inputs(q, sentences)
        if inputs is None:
            return _quote_speaker(q, sentences, cache)
        base, key = inputs
        key = ("speaker", key)
        kept = self._get(key)
        if kept is not None:
            self.hits += 1
            a, near = kept
            return (None if a is None else _shift_attr(a, base)), near
        self.misses += 1
        a, near = _quote_speaker(q, sentences, cache)
        self._current[key] = ((None if a is None else _shift_attr(a, -base)), near)
        return a, near


def _shift_attr(a: Any, by: int) -> Any:
    """The attribution ``a`` (``attribution._Attr``) moved by ``by``, a new object."""
    return type(a)(a.kind, a.start + by, a.end + by, a.text, a.verb, a.verb_start + by)
