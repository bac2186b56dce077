"""Cheap pre-checks that let an extractor skip text which cannot hold a match.

``ascii_fold(text)`` lower-cases ``text`` so that "an ASCII literal occurs in ``text`` under
``re.IGNORECASE``" implies "it occurs in ``ascii_fold(text)``" (plain ``in``). ``str.lower()``
alone is not enough: ``re`` also matches "i" to "ı" and "İ", "s" to "ſ" and "k" to the Kelvin
sign, and ``"İ".lower()`` is two characters. A pre-check built on it may say yes too often,
never too rarely, so it is only ever used to skip work.
"""

from __future__ import annotations

__all__ = ["ascii_fold", "contains_any"]

_RE_IGNORECASE_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def ascii_fold(text: str) -> str:
    """``text`` lower-cased, with the characters ``re.IGNORECASE`` equates to ASCII letters mapped to them."""
    if text.isascii():
        return text.lower()
    return text.translate(_RE_IGNORECASE_ASCII).lower()


def contains_any(folded: str, words: tuple[str, ...]) -> bool:
    """Some of ``words`` occurs in ``folded``: for a case-blind test, lower-case ASCII words in a
    text from :func:`ascii_fold`; as written otherwise (a case-sensitive pattern's literals)."""
    for w in words:
        if w in folded:
            return True
    return False
