"""Facts derived from titled mentions: references to a U.S. administration ("the Biden
administration") and titles of one person that clash within an article.

Backed by the knowledge base (which presidents there were) and ``linter.extract.mentions``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from linter import recache
from linter.extract.mentions import Mention
from linter.kb import PAST_MODIFIERS, KnowledgeBase

__all__ = ["Administration", "administrations", "title_clashes"]

_ADMIN = recache.compile(r"\b(?P<name>[A-Z][\w'’-]+)(?:['’]s)?\s+administration\b")
_ADMIN_QUALIFIED = recache.compile(r"\b(?:first|second|former|previous|prior|last|earlier|late|past|"
                                   r"then|outgoing|incoming|next)\s+(?:[a-z][\w-]*\s+)?$", re.IGNORECASE)


@dataclass(slots=True)
class Administration:
    """ "the Biden administration": the president's KB id and the office (us.president)."""

    start: int
    end: int
    name: str
    person_id: str
    office_id: str


def administrations(sentences: Sequence[tuple[int, str]], kb: KnowledgeBase) -> list[Administration]:
    """Every unqualified "<Surname> administration" that names exactly one U.S. president."""
    out = []
    for base, text in sentences:
        if "dministration" not in text:
            continue
        for m in _ADMIN.finditer(text):
            name = m.group("name")
            if _ADMIN_QUALIFIED.search(text, max(0, m.start() - 30), m.start()):
                continue  # "the first Trump administration", "the former Obama administration"
            candidates = [p for p in kb.find_people(name)
                          if any(t.office == "us.president" for t in p.terms)]
            if len(candidates) != 1:
                continue
            out.append(Administration(base + m.start(), base + m.end(), name, candidates[0].id, "us.president"))
    return out


def title_clashes(mentions: Sequence[Mention], in_quote: Callable[[int], bool]) -> dict[int, Mention]:
    """For each titled mention (by ``id``), an earlier titled mention of the same person whose
    title clashes: the same office once as "former" and once as sitting, with neither written as
    past narration ("then-", "late"), elect or acting, nor inside a quote."""
    out: dict[int, Mention] = {}
    # the first mention of each person, office and "former" or not: the earliest that clashes
    first: dict[tuple[str, str, bool], Mention] = {}
    for m in mentions:
        if m.person_id is None or m.office_id is None or m.form not in ("title-name", "appositive"):
            continue
        if m.modifier in ("then", "late", "elect", "incoming", "acting", "interim"):
            continue
        if in_quote(m.start):
            continue
        former = m.modifier in PAST_MODIFIERS
        earlier = first.get((m.person_id, m.office_id, not former))
        if earlier is not None:
            out[id(m)] = earlier
        first.setdefault((m.person_id, m.office_id, former), m)
    return out
