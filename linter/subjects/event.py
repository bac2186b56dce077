"""The ``event`` subject: a mention of a dated KB event ("the October 7 attack", "the 2016 Tokyo
Olympics", "the 31st Olympic Games in 2024") with the date and the edition number written with
it, from ``linter.extract.events``."""

from __future__ import annotations

from collections.abc import Iterator

from linter.dsl import BOOL, DATE, NUMBER, STRING, TEXT, ListType, ObjectType
from linter.dsl.types import Text
from linter.extract.events import EventMention, event_span
from linter.extractions import Analysis
from linter.kb import Event
from linter.subjects.base import Subject, View
from linter.subjects.sentence import SENTENCE, sentence_view_at


class EventView(View):
    __slots__ = ()


def kb_when(ev: Event | None) -> str | None:
    """When the KB says ``ev`` took place, in words: "on 2023-10-07", "from 2021-07-23 to
    2021-08-08", "in September 2008", "in 1968"."""
    if ev is None:
        return None
    first, last = event_span(ev)
    if ev.precision == "year":
        return f"in {first.year}" if first.year == last.year else f"from {first.year} to {last.year}"
    if ev.precision == "month":
        a, b = first.strftime("%B %Y"), last.strftime("%B %Y")
        return f"in {a}" if a == b else f"from {a} to {b}"
    return f"on {first.isoformat()}" if first == last else f"from {first.isoformat()} to {last.isoformat()}"


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _located(ev: Event) -> str:
    """The event's name, with its first place when the name does not hold it."""
    if ev.places and ev.places[0] not in ev.name:
        return f"the {ev.name}, in {ev.places[0]}"
    return f"the {ev.name}"


def label(m: EventMention) -> str:
    """The event's name; for a series edition found by its place, with that place: "2020
    Summer Olympics in Tokyo"."""
    ev = m.event
    if ev is None or m.form not in ("series-name", "series-place") or not ev.places:
        return m.event_name
    if any(p in m.event_name for p in ev.places):
        return m.event_name  # "2016 United States presidential election", not "... in U.S."
    place = next((p for p in ev.places if p in m.text), ev.places[0])
    return m.event_name if place in m.event_name else f"{m.event_name} in {place}"


def series_note(m: EventMention) -> str | None:
    """"; 2016 was the year of the 2016 Summer Olympics, in Rio de Janeiro": the event of the
    same series (or an election of the same place) held in the year written."""
    if m.other is None or m.year is None or m.form == "edition":
        return None
    return f"; {m.year} was the year of {_located(m.other)}"


def edition_kb(m: EventMention) -> str | None:
    """The numbers the KB gives the edition: "33rd (or 30th)"."""
    ev = m.event
    if ev is None or not ev.edition:
        return None
    first, *rest = ev.edition
    return ordinal(first) + "".join(f" (or {ordinal(n)})" for n in rest)


def edition_note(m: EventMention) -> str | None:
    """"; the 31st was the 2016 Summer Olympics": the edition of the number written."""
    if m.form != "edition" or m.other is None or m.edition_text is None:
        return None
    return f"; the {m.edition_text} was {_located(m.other)}"


EVENT = ObjectType("event", doc="A mention of a dated KB event: 'the October 7 attack', 'the 9/11 attacks of 2002'.")
EVENT.add("text", TEXT, lambda v: Text(v.a.doc.prose[v.item.start:v.item.end], v.item.start), "the mention as written")
EVENT.add("event_id", STRING, lambda v: v.item.event_id, "the KB event id")
EVENT.add("name", STRING, lambda v: v.item.event_name, "the KB event's name")
EVENT.add("label", STRING, lambda v: label(v.item),
          "the name, with the place that identified a series edition: '2020 Summer Olympics in Tokyo'")
EVENT.add("event_date", DATE, lambda v: v.item.event_date, "the KB date of the event (its first day)")
EVENT.add("event_end", DATE, lambda v: v.item.event_end, "the KB last day of a multi-day event (none otherwise)")
EVENT.add("kb_when", STRING, lambda v: kb_when(v.item.event),
          "when the KB says it took place, in words: 'on 2023-10-07', 'from 2021-07-23 to 2021-08-08'")
EVENT.add("form", STRING, lambda v: v.item.form,
          "name, dated-name, name-date, date-head, head-on-date, series-name, series-place, edition or descriptive")
EVENT.add("certain", BOOL, lambda v: v.item.certain,
          "the form names the event and ties the date to it for certain (name, dated-name, date-head, series-name, "
          "name-date with the event's month)")
EVENT.add("date_text", TEXT,
          lambda v: None if v.item.date_start is None else Text(v.item.date_text, v.item.date_start),
          "the date written with it, as written")
EVENT.add("date_earliest", DATE, lambda v: v.item.date_earliest, "first day of the written date")
EVENT.add("date_latest", DATE, lambda v: v.item.date_latest, "last day of the written date")
EVENT.add("year_explicit", BOOL, lambda v: v.item.year_explicit, "the written date has its year")
EVENT.add("year", NUMBER, lambda v: v.item.year, "the year written (none if not written)")
EVENT.add("month", NUMBER, lambda v: v.item.month, "the month written (none if not written)")
EVENT.add("day", NUMBER, lambda v: v.item.day, "the day of the month written (none if not written)")
EVENT.add("in_name", BOOL, lambda v: v.item.in_name,
          "the year is part of the event's name as the KB lists it ('2020 Tokyo Olympics', held in 2021)")
EVENT.add("contradicts", BOOL, lambda v: v.item.contradicts, "the written date cannot be the KB's day(s) of the event")
EVENT.add("series", STRING, lambda v: v.item.event.series if v.item.event else None,
          "the KB series of the event ('summer-olympics'), none if it has none")
EVENT.add("places", ListType(STRING), lambda v: list(v.item.event.places) if v.item.event else [],
          "where the KB says it took place or whom it concerned")
EVENT.add("other_name", STRING, lambda v: v.item.other.name if v.item.other else None,
          "the event of the same series held in the year written (or, for an edition, of the number written)")
EVENT.add("other_date", DATE, lambda v: v.item.other.date if v.item.other else None, "that event's KB date")
EVENT.add("series_note", STRING, lambda v: series_note(v.item),
          "'; 2016 was the year of the 2016 Summer Olympics, in Rio de Janeiro' when the year written is "
          "another event's of the series, else none")
EVENT.add("edition_written", NUMBER, lambda v: v.item.edition_written,
          "the ordinal written before the series' name ('31st Olympic Games' → 31)")
EVENT.add("edition_text", STRING, lambda v: v.item.edition_text, "that ordinal as written ('31st')")
EVENT.add("editions", ListType(NUMBER), lambda v: list(v.item.event.edition) if v.item.event else [],
          "the numbers the KB gives the edition (33 and 30 for the 2024 Summer Olympics)")
EVENT.add("edition_kb", STRING, lambda v: edition_kb(v.item), "those numbers as ordinals: '33rd (or 30th)'")
EVENT.add("edition_mismatch", BOOL, lambda v: v.item.edition_mismatch,
          "the ordinal written is none of the numbers the KB gives the edition")
EVENT.add("edition_note", STRING, lambda v: edition_note(v.item),
          "'; the 31st was the 2016 Summer Olympics' when the KB knows the edition of the number written")
EVENT.add("in_quote", BOOL, lambda v: v.a.in_quote(v.item.start), "inside a direct quote")
EVENT.add("sentence", SENTENCE, lambda v: sentence_view_at(v.a, v.item.start), "the sentence it is in")


def _iterate(a: Analysis) -> Iterator[EventView]:
    for e in a.events:
        yield EventView(a, e)


SUBJECT = Subject("event", EVENT, _iterate)
