"""The `=~` fast paths (linter.dsl.literals) never reject a subject the pattern matches."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.dsl.compiler import compile_regex
from linter.dsl.literals import anchored_prefixes, required_literals
from linter.fold import ascii_fold

PATTERNS = [
    r"^\s*(?:related (?:articles|posts)|more (?:stories|news) from|you (?:may|might) also like|\d+ comments?"
    r"|(?:sign up|subscribe) (?:for|to) our newsletter[^\n]*|tags?:[^\n]{0,20}|advertisement|read more:?)\s*$",
    r"^\s*\[/?(?:caption|gallery|embed)\b[^\]]*\]",
    r"^Photo:",
    r"\A\s*Disclaimer:",
    r"^\s*(?:TK|XX+X)",
    r"^\d+ years?",
    r"(?:image|photo)\s*[:|]\s*(?:google|internet)",
    r"\[(?:INSERT|CHECK)\b[^\]]{0,60}\]",
    r"(?i)\blorem ipsum\b",
]
PIECES = ["related articles", "Related Posts", "RELATED ARTICLES", "more news from", "You might also like",
          "3 comments", "٣ comments", "12 comment", "Sign up for our newsletter", "subscribe to our newsletter",
          "Tags: x", "TAG:", "Advertisement", "Read more:", "[caption id=1]", "[/gallery]", "Photo:", "photo:",
          "Disclaimer:", "TK", "XXXX", "2 years", "Image | Google", "[INSERT QUOTE]", "lorem ipsum",
          " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\x1c", "\u0085", "İ", "\u212a", "ſ", "x", ".", "é"]
texts = st.lists(st.sampled_from(PIECES), max_size=8).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(PATTERNS), texts)
def test_fast_paths_never_reject_a_match(pattern: str, text: str) -> None:
    compiled = compile_regex(pattern)
    if compiled.search(text) is None:
        return
    ignorecase = bool(compiled.flags & regex.IGNORECASE)
    required = required_literals(pattern, ignorecase)
    if required is not None:
        literals, folded = required
        hay = ascii_fold(text) if folded else text
        assert any(lit in hay for lit in literals), (pattern, text)
    anchored = anchored_prefixes(pattern, ignorecase)
    if anchored is not None:
        head = ascii_fold(text) if anchored.folded else text
        if anchored.skip_space:
            head = head.lstrip()
        assert head.startswith(anchored.prefixes) or (anchored.digit and head[:1].isdecimal()), (pattern, text)


def test_anchored_shapes() -> None:
    a = anchored_prefixes(PATTERNS[0], True)
    assert a is not None and a.skip_space and a.digit and "related " in a.prefixes
    assert anchored_prefixes(r"^Photo:", False) == (("Photo:",), False, False, False)
    assert anchored_prefixes(r"(?m)^Photo:", False) is None  # ^ at every line start
    assert anchored_prefixes(r"^\s*foo|bar", True) is None  # the second branch is not anchored
    assert anchored_prefixes(r"^\s* foo", True) is None  # a prefix starting with white space
    assert anchored_prefixes(r"photo:", True) is None
