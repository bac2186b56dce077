"""Tests for linter.extract.attribution (quotes, speakers, sourcing cues) and linter.extract.figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from conftest import SHARED_SEEDS as SEEDS

from linter.extract.attribution import QuoteSource, SentenceSource, attribute, is_weasel, weasel_cues
from linter.extract.figures import extract_figures


@dataclass(frozen=True, slots=True)
class SentenceIn:
    start: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class QuoteIn:
    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    depth: int


def split(text: str) -> tuple[list[SentenceIn], list[QuoteIn]]:
    """A tiny local finder: paragraphs are lines, sentences end at . ! ? before a capital."""
    sentences: list[SentenceIn] = []
    quotes: list[QuoteIn] = []
    for pi, m in enumerate(re.finditer(r"[^\n]+", text)):
        pstart, ptext = m.start(), m.group()
        s = 0
        for e in re.finditer(r"(?<!\b[A-Z])(?<!Mr)[.!?][”\"]?(?=\s+[“\"A-Z])", ptext):
            seg = ptext[s: e.end()]
            lead = len(seg) - len(seg.lstrip())
            sentences.append(SentenceIn(pstart + s + lead, seg.strip(), pi))
            s = e.end()
        seg = ptext[s:]
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            sentences.append(SentenceIn(pstart + s + lead, seg.strip(), pi))
        open_at: int | None = None
        for q in re.finditer(r"[“”\"]", ptext):
            k = q.start()
            if open_at is None and (q.group() == "“" or (q.group() == '"' and (k == 0 or not ptext[k - 1].isalnum()))):
                open_at = k
            elif open_at is not None and q.group() in "”\"":
                quotes.append(QuoteIn(pstart + open_at, pstart + k + 1, pstart + open_at + 1, pstart + k, pi, 0))
                open_at = None
        if open_at is not None:
            end = pstart + len(ptext)
            quotes.append(QuoteIn(pstart + open_at, end, pstart + open_at + 1, end, pi, 0))
    return sentences, quotes


def run(text: str) -> tuple[list[SentenceSource], list[QuoteSource]]:
    sentences, quotes = split(text)
    return attribute(sentences, quotes)


def kinds(text: str) -> list[str]:
    ss, _ = run(text)
    return [c.kind for s in ss for c in s.cues]


def weasel(text: str) -> bool:
    ss, _ = run(text)
    return any(is_weasel(s) for s in ss)


def named(text: str) -> list[str]:
    ss, _ = run(text)
    return [n[2] for s in ss for n in s.named]


# ------------------------------------------------------------------ vague


@pytest.mark.parametrize(
    "text",
    [
        "Analysts caution that the divergent endgames could strain the alliance.",
        "Some officials from both the U.S. and Israel believe that the trigger could be a miscalculation.",
        "Many assumed that help would come in the form of military intervention.",
        "Experts say the plan will fail.",
        "Critics argue the law is unconstitutional.",
        "Observers believe the talks are doomed.",
        "Some say the ceasefire will not hold.",
        "It is widely believed that the regime is weakening.",
        "The decision was seen by many as a betrayal.",
        "Most experts agree that the reactor is unsafe.",
        "But many fear that this may not be enough.",
    ],
)
def test_vague_weasels(text: str) -> None:
    assert "vague" in kinds(text) or "impersonal" in kinds(text)
    assert weasel(text)


# ------------------------------------------------------------------ newswire anonymous, not vague


@pytest.mark.parametrize(
    "text",
    [
        "A U.S. official said the talks would resume next week.",
        "Two senior U.S. officials revealed that the leaders agreed to advance.",
        "Iranian security officials hinted at a willingness to retaliate.",
        "The talks will resume, according to a U.S. official and two other sources familiar with the conversation.",
        "A diplomat who asked not to be named said the vote was close.",
        "The dollar is expected to fall further, dealers said.",
        "Analysts said the dollar would fall.",
        "Traders said the market was quiet.",
        "Economists estimate the deficit at 170 billion dlrs.",
        "Sources said the minister would resign.",
        "Several economists said it could mark the beginning of a recovery.",
        "A person briefed on the matter said no decision had been made.",
    ],
)
def test_newswire_anonymous_not_weasel(text: str) -> None:
    ks = kinds(text)
    assert "anonymous" in ks
    assert "vague" not in ks
    assert not weasel(text)


def test_analysts_said_decision() -> None:
    # past-tense reporting by a professional group is newswire sourcing (anonymous, info),
    # a present-tense belief verb is a standing opinion of no one in particular (vague)
    assert kinds("Analysts said the dollar would fall.") == ["anonymous"]
    assert kinds("Analysts believe the dollar will fall.") == ["vague"]
    assert kinds("The dollar will fall, political analysts said.") == ["anonymous"]


# ------------------------------------------------------------------ Wikipedia weasel wording


@pytest.mark.parametrize(
    "text",
    [
        "Some historians have questioned the figure.",
        "Some authors have suggested that the bridge is older.",
        "Many collectors believe that the stamp is rare.",
        "Linguists argue that the dialect is archaic.",
        "Adherents believe that prayer can heal.",
        "The song was praised by critics on its release.",
        "The pistol, considered by many to be inferior, was withdrawn.",
        "The term is used by some scholars for the early period.",
        "According to some chronicles, the king was buried at the abbey.",
        "His early films have been described as grotesque.",
        "The game is usually described as a sequel.",
        "Several dates for the founding have been suggested.",
        "The idea has long been claimed.",
        "Conventional wisdom holds that the river cannot be crossed.",
        "There are scholars who believe that the text is a forgery.",
        "The words (said to be chosen at random) are short.",
        "He was born in the north, but some sources say he was born in the capital.",
        "It's been alleged that the mayor knew.",
        "The infusion is widely reputed as safe.",
    ],
)
def test_wikipedia_weasels(text: str) -> None:
    assert weasel(text), run(text)[0]


@pytest.mark.parametrize(
    "text",
    ["The plant is considered an invasive weed in some regions.", "The tower was regarded as the finest in the county."],
)
def test_agentless_evaluation_is_speculation_not_weasel(text: str) -> None:
    # Routine on the wire ("Dominguez is considered an expert on land reform"): info, not a warning.
    assert not weasel(text)
    assert "speculation" in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        # newswire practice stays anonymous sourcing, not a weasel
        "Some arbitragers said the bid was too low.",
        "Many equity dealers polled by Reuters think the index will fall.",
        "Most dealers surveyed by the agency expected a cut.",
        "Several economists said it could mark the beginning of a recovery.",
        # a named agent or a named speaker carries the evaluation
        "The budget speech was described as sound by analysts.",
        "The Ministry said it was expected that half the cut would be made by July.",
        "Spokesman Jan Novak of the National Dealers Association said dealers felt the rules were unfair.",
        # not a claim at all
        "Stiffer legislation would be considered if the violations continue.",
        "Merchant banks interested in being considered for the sale will be interviewed.",
        "Most proposed changes involved evaluating each case.",
        "The exchange was shaken last year by several scandals.",
        "Daub was joined by several other lawmakers.",
        "Businessmen, lobbyists and others asked for the exclusions.",
        "Lacombe refused to say whether the farmers felt the minister was doing a good job.",
        "A cut is widely expected tomorrow, with most forecasts predicting a half-point fall.",
        "Saudi banks have generally reported falling profits for the year.",
        "This view was voiced in Washington, where officials spoke at the weekend of consultations.",
        "Single lift meets are often held alongside a normal event.",
        "Students said the school was closed.",
    ],
)
def test_not_wikipedia_weasels(text: str) -> None:
    assert not weasel(text), run(text)[0]


# ------------------------------------------------------------------ speculation (not a weasel)


@pytest.mark.parametrize(
    "text",
    [
        "He was probably born in the north.",
        "The barn is possibly the oldest building in the town.",
        "The settlers presumably came by sea.",
        "The two versions seem to be summaries of the first.",
        "The evidence suggests that the wall is Roman.",
        "Relatively little is known about the early settlement.",
        "It is possible that the two characters are the same person.",
        "The date of the charter is unclear.",
        "A fire might have destroyed the first church.",
    ],
)
def test_speculation_is_its_own_kind(text: str) -> None:
    ks = kinds(text)
    assert "speculation" in ks
    assert not weasel(text)  # the writer's guess is not a sourcing problem


@pytest.mark.parametrize(
    "text",
    [
        "The law may be amended next year.",
        "Rubio and Netanyahu appear to be on the same page.",
        "Both leaders urged caution against actions that might undermine cooperation.",
        "Speculative selling pushed the dollar lower.",
    ],
)
def test_not_speculation(text: str) -> None:
    assert "speculation" not in kinds(text)


# ------------------------------------------------------------------ impersonal / hedge


@pytest.mark.parametrize(
    "text,kind",
    [
        ("It has been reported that Trump would prefer not to be associated with it.", "impersonal"),
        ("It is believed that the documents were destroyed.", "impersonal"),
        ("It was alleged that the funds were diverted.", "impersonal"),
        ("Reports suggest the army is regrouping.", "impersonal"),
        ("The talks collapsed, according to reports.", "impersonal"),
        ("Netanyahu reportedly shared Israeli intelligence with the president.", "hedge"),
        ("The strike reportedly shook the supreme leader to the core.", "hedge"),
        ("Iran allegedly attempted to assassinate him.", "hedge"),
        ("The general is said to be furious.", "hedge"),
        ("The minister is believed to have fled abroad.", "hedge"),
    ],
)
def test_impersonal_and_hedge(text: str, kind: str) -> None:
    assert kind in kinds(text)
    assert weasel(text)


def test_hedge_with_named_source_is_not_weasel() -> None:
    text = "According to Reuters, the minister allegedly took bribes."
    assert "hedge" in kinds(text)
    assert "Reuters" in named(text)
    assert not weasel(text)


def test_hedge_with_anonymous_source_is_not_weasel() -> None:
    assert not weasel("The minister allegedly took bribes, a U.S. official said.")


@pytest.mark.parametrize(
    "text",
    [
        "The article concludes by noting that both leaders acknowledge the need for flexibility.",
        "In May 2018, during his first administration, he withdrew the United States from the deal.",
        "Trump has barely three years remaining in office.",
        "The 86-year-old theocrat is a rational actor.",
        "U.S. Secretary of State Marco Rubio and Netanyahu appear to be on the same page.",
        "Pressure has mounted because the deal was more difficult to syndicate than bankers feared.",
        "Task force members did not agree on all points in their report.",
        "Heidrun is often cited by the government as the most likely candidate.",
        "Most analysts are still looking for a full point cut.",
        "Nominal exposure must be reported to the Bank of England.",
        "LaTronica and others said that changes may be coming.",
        "The budget deficit is supposed to be reduced under the act.",
    ],
)
def test_no_weasel(text: str) -> None:
    assert not weasel(text), run(text)[0]


# ------------------------------------------------------------------ named sources


@pytest.mark.parametrize(
    "text,name",
    [
        ("Trump said the talks went well.", "Trump"),
        ("The talks went well, according to Reuters.", "Reuters"),
        ("The ministry said the border was closed.", "The ministry"),
        ("Private political analyst Stephen Hess told Reuters the report was damaging.", "Stephen Hess"),
        ("Vance stated that the choice was theirs.", "Vance"),
        ("Pezeshkian responded to the remarks by warning of a reaction.", "Pezeshkian"),
        ("The board chairman, a longtime supporter of the president, told a press conference he agreed.",
         "The board chairman"),
    ],
)
def test_named_sources(text: str, name: str) -> None:
    assert name in named(text)


def test_vague_group_plus_named_source_is_not_weasel() -> None:
    assert not weasel("Some analysts believe the plan will fail, Finance Minister Jones said.")


# ------------------------------------------------------------------ quotes


def speakers(text: str) -> list[tuple[str | None, str | None, bool]]:
    _, qs = run(text)
    return [(q.speaker, q.speaker_kind, q.scare) for q in qs]


@pytest.mark.parametrize(
    "text,speaker,kind",
    [
        ("“We will win,” Trump said.", "Trump", "named"),
        ("Trump said: “We will win.”", "Trump", "named"),
        ("Trump wrote: “There was nothing definitive reached.”", "Trump", "named"),
        ("“This is certification of incompetence,” said Stephen Hess, an analyst.", "Stephen Hess", "named"),
        ("“We're falling by our own hand,” said one Republican political strategist.",
         "one Republican political strategist", "anonymous"),
        ("Vance said this week that “the president has told his entire senior team to cut a deal.”",
         "Vance", "named"),
        ("“The border is closed,” the ministry said in a statement.", "the ministry", "organisation"),
        ("“Nothing has been decided yet,” a U.S. official said.", "a U.S. official", "anonymous"),
        ("Trump recently called that one of the “worst deals” ever brokered.", "Trump", "named"),
        ("In 2020, Trump posted on X that “Iran never won a war, but never lost a negotiation!”", "Trump", "named"),
    ],
)
def test_quote_speaker_positions(text: str, speaker: str, kind: str) -> None:
    got = speakers(text)
    assert got[0][:2] == (speaker, kind)


def test_pronoun_resolves_to_last_named_speaker() -> None:
    text = ("Netanyahu met Trump on Monday. Trump said the meeting went well.\n"
            "“We are on the same page about everything,” he said.")
    _, qs = run(text)
    assert qs[0].speaker == "Trump"
    assert qs[0].speaker_kind == "pronoun"


def test_pronoun_resolves_within_paragraph() -> None:
    _, qs = run("Vance spoke to reporters. “The president keeps every option open,” he said.")
    assert (qs[0].speaker, qs[0].speaker_kind) == ("Vance", "pronoun")


def test_continued_quote_keeps_speaker() -> None:
    text = ("“This is certification of incompetence,” analyst Stephen Hess told Reuters.\n"
            "“It's as if he went before a licensing board and was denied credentials.”")
    _, qs = run(text)
    assert qs[1].speaker == "Stephen Hess"
    assert qs[1].continued
    assert not qs[1].unattributed


def test_quote_over_paragraphs_keeps_speaker() -> None:
    text = ("Trump wrote: “There was nothing definitive reached other than that talks continue.\n"
            "“If it can, I let the prime minister know that will be a preference.”")
    _, qs = run(text)
    assert [q.speaker for q in qs] == ["Trump", "Trump"]


@pytest.mark.parametrize(
    "text",
    [
        "Trump would likely support a “round two” of military action.",
        "Trump has mobilized a “massive armada” that sits over Iran.",
        "Araghchi advocated a spirit of “respect.”",
        "Operations like “Operation Absolute Resolve” do not need approval.",
    ],
)
def test_scare_quotes(text: str) -> None:
    _, qs = run(text)
    assert qs[0].speaker is None or qs[0].scare
    assert not qs[0].unattributed


def test_unattributed_quote() -> None:
    _, qs = run("The rally ended. “We will never surrender to these people and their demands.”")
    assert qs[0].speaker is None and not qs[0].scare and qs[0].unattributed


def test_nothing_inside_an_attributed_quote_is_a_weasel() -> None:
    text = "“Many believe the regime will fall, and it is said to be weak,” Trump said."
    ss, qs = run(text)
    assert qs[0].speaker == "Trump"
    assert not any(weasel_cues(s) for s in ss)


def test_in_attributed_quote_flag() -> None:
    text = "Trump wrote: “Many believe the regime will fall. It is said to be weak. We will see.”"
    ss, _ = run(text)
    assert ss[1].in_attributed_quote
    assert not any(weasel_cues(s) for s in ss)


@pytest.mark.parametrize("text", [
    "He left. “We won. We lost,” Trump said. Many believe it is said to be weak. “No,” she said.",
    "Trump wrote: “Many believe the regime will fall.\n\nIt is said to be weak.” Analysts say so.",
    "“Fine.” Some say it is said to be over. Trump said: “Many believe it.” It is reportedly done.",
])
def test_quote_coverage_matches_every_span(text: str) -> None:
    """attribute() skips the sentences clear of every attributed quote: same flags as trying all."""
    sentences, quotes = split(text)
    ss, qs = attribute(sentences, quotes)
    spans = [(quotes[q.index].inner_start, quotes[q.index].inner_end) for q in qs if q.speaker is not None]
    assert spans
    for src in ss:
        s = sentences[src.index]
        mid = s.start + len(s.text.rstrip()) // 2
        covered = any(a <= s.start + 1 and mid < b for a, b in spans) or any(
            a <= s.start + len(s.text) - len(s.text.lstrip()) and s.start + len(s.text.rstrip()) <= b + 2
            for a, b in spans)
        assert src.in_attributed_quote == covered
        assert [c.in_quote for c in src.cues] == [any(a <= c.start and c.end <= b for a, b in spans)
                                                  for c in src.cues]


# ------------------------------------------------------------------ figures


def figs(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.kind) for f in extract_figures(SentenceIn(0, text, 0))]


def test_figures() -> None:
    assert figs("The deal is worth $40 billion, 7.5 percent of output.") == [
        ("$40 billion", "money"), ("7.5 percent", "percent")]
    assert figs("Some 12,000 troops were deployed.") == [("12,000 troops", "count")]
    assert figs("Protesters were mowed down in the tens of thousands.") == [
        ("in the tens of thousands", "vague_count")]
    assert figs("Sales rose 15 pct to 1.5 billion dlrs.") == [("15 pct", "percent"), ("1.5 billion dlrs", "money")]


@pytest.mark.parametrize(
    "text",
    [
        "In 2015 he met two leaders.",
        "He was arrested on Jan. 3 at 10:30.",
        "Reagan, 76, spent 12 days in a three-hour meeting.",
        "The 86-year-old theocrat held the second rank.",
        "The 1st battalion lost one man.",
    ],
)
def test_not_figures(text: str) -> None:
    assert figs(text) == []


def test_figure_offsets_are_absolute() -> None:
    f = extract_figures(SentenceIn(100, "It cost $5 million.", 0))[0]
    assert (f.start, f.end, f.text) == (108, 118, "$5 million")


# ------------------------------------------------------------------ seeds

SEED_WEASEL = {
    "000_5b1bdec33577ccee.txt": {8: {"vague"}},
    "001_535466d225eb473c.txt": {21: {"vague"}},
    "004_03d1abdf2edee18b.txt": {6: {"hedge"}, 11: {"vague"}, 21: {"hedge"}, 33: {"hedge"},
                                 38: {"impersonal", "hedge"}, 47: {"hedge"}},
}
SEED_ANONYMOUS = {"000_5b1bdec33577ccee.txt": {1, 9}, "001_535466d225eb473c.txt": {23}}
SEED_SILENT = {"004_03d1abdf2edee18b.txt": {15, 18, 27, 34}, "001_535466d225eb473c.txt": {25}}


def _seed_lines(name: str) -> tuple[dict[int, set[str]], dict[int, set[str]], list[QuoteSource]]:
    path = SEEDS / name
    if not path.exists():
        pytest.skip("/work/shared seeds absent")
    text = path.read_text(encoding="utf-8")
    sentences, quotes = split(text)
    ss, qs = attribute(sentences, quotes)
    line_of = {s.index: text.count("\n", 0, sentences[s.index].start) + 1 for s in ss}
    weasels: dict[int, set[str]] = {}
    allcues: dict[int, set[str]] = {}
    for s in ss:
        for c in weasel_cues(s):
            weasels.setdefault(line_of[s.index], set()).add(c.kind)
        for c in s.cues:
            allcues.setdefault(line_of[s.index], set()).add(c.kind)
    return weasels, allcues, qs


@pytest.mark.parametrize("name", sorted(SEED_WEASEL))
def test_seed_weasels(name: str) -> None:
    weasels, allcues, qs = _seed_lines(name)
    assert weasels == SEED_WEASEL[name]
    for line in SEED_ANONYMOUS.get(name, set()):
        assert "anonymous" in allcues.get(line, set())
    for line in SEED_SILENT.get(name, set()):
        assert not allcues.get(line, set()) - {"anonymous"}  # no weasel and no speculation cue
    assert not any(q.unattributed for q in qs)


# ------------------------------------------------------------------ gates never hide a match

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import linter.extract.attribution as _attr  # noqa: E402
from linter.fold import ascii_fold  # noqa: E402

_PATTERNS = {key: next(v for v in vars(_attr).values() if id(v) == key) for key in _attr._GATES}
# every word the gates name, the words around them in the patterns, and look-alikes
_GATE_VOCAB = sorted(
    {w for gate in _attr._GATES.values() for conj in gate for atom in conj for p in atom for w in p.split()}
    | set("it is was has had been be are were 's ’s to by as that who the of on with not some many most "
          "several others critics experts there according also widely often long would have reports "
          "little much well remains in all it's it’s possible that whether which and one ones "
          "reportedly_ reportedlyx thoughtful knownx 2said said2 naïve ſaid \u212anown İt".split())
)
_SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "\n", ", ", ". ", "; ", "(", "“", "”", "-", "’", "'", "—",
                               "_", "é", "2", ""])


@st.composite
def _gate_texts(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.one_of(st.sampled_from(_GATE_VOCAB), st.text(max_size=4)), max_size=14))
    out = []
    for w in words:
        case = draw(st.sampled_from(["", "", "", "cap", "upper"]))
        w = w.capitalize() if case == "cap" else w.upper() if case == "upper" else w
        out += [w, draw(_SEPARATORS)]
    return "".join(out)


def _passing(text: str) -> set[int]:
    folded = ascii_fold(text)
    return _attr._passing(folded, _attr._gate_words(folded))


@settings(max_examples=500, deadline=None)
@given(st.one_of(_gate_texts(), st.text()))
@example("naïve İt ſaid \u212anown a\ud800b x_y 2said\x00a\tb")
def test_gate_words_are_the_letter_runs(text: str) -> None:
    """``_gate_words`` finds, as bytes, the maximal runs of ASCII letters of the folding."""
    folded = ascii_fold(text)
    assert _attr._gate_words(folded) == [w.encode() for w in _attr._GATE_WORD_RE.findall(folded)]


@settings(max_examples=1000, deadline=None)
@given(_gate_texts())
@example("It is said that he won.")
@example("it’s thoughtful")
@example("It's been alleged")
@example("It has been widely reported that")
@example("He reportedlyX left; it was rumoured to be")
@example("people familiar without it; close to them; not authorised to speaker")
@example("the mayor is said\n to be ill (said to be rich), ſaid to be")
@example("Little is \u212anown, it is not clear whether")
@example("was HAILED  AS a hero; is considered by many")
@example("There are scholars who believe; according to some; conventional wisdom")
@example("it has long been argued. Some would say")
@example("widely held; has been suggested that; were seen by others")
@example("In  all\nLIKELIHOOD")
@example("it remains to be ſeen")
@example("Little is \u212anown")
@example("not well known")
@example("was not clear how")
@example("It\u2019s entirely plausible that")
@example("it seems possible that")
@example("it is known whether")
@example("remains not known if")
def test_gates_never_hide_a_match(text: str) -> None:
    passing = _passing(text)
    for key, rx in _PATTERNS.items():
        if rx.search(text):
            assert key in passing, (rx.pattern[:40], text)


def _matching_texts(rx: re.Pattern[str]) -> st.SearchStrategy[str]:
    """Texts holding a match of ``rx`` somewhere (Hypothesis cannot generate through the negative
    lookaheads of _CONSIDERED_RE: those are dropped for generating, the test checks a real match)."""
    pattern = rx.pattern
    if rx is _attr._CONSIDERED_RE:
        pattern = pattern.split("\\b(?!")[0]
    if rx is _attr._SPECULATION_RE:  # its lookahead only speeds it up (test below)
        pattern = pattern.replace(_attr._SPECULATION_FIRST, "", 1)
    return st.from_regex(re.compile(pattern, rx.flags))


_SPECULATION_PLAIN = re.compile(_attr._SPECULATION_RE.pattern.replace(_attr._SPECULATION_FIRST, "", 1),
                                _attr._SPECULATION_RE.flags)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.from_regex(_SPECULATION_PLAIN), _gate_texts()))
@example("PROBABLY ſeems İt is possible that; Most likely, quite unlikely")
def test_speculation_lookahead_changes_no_match(text: str) -> None:
    """_SPECULATION_FIRST names every first letter of the speculation alternatives (either case)."""
    assert [m.span() for m in _attr._SPECULATION_RE.finditer(text)] == \
        [m.span() for m in _SPECULATION_PLAIN.finditer(text)]


@settings(max_examples=120, deadline=None)
@given(st.data())
def test_gates_pass_every_match(data: st.DataObject) -> None:
    for key, rx in _PATTERNS.items():
        text = data.draw(_matching_texts(rx), label=rx.pattern[:30])
        if rx.search(text):
            assert key in _passing(text), (rx.pattern[:40], text)


def test_gate_strings_and_words() -> None:
    """Word atoms hold ASCII letter runs; string atoms hold no whitespace, phrases single spaces."""
    for gate in _attr._GATES.values():
        for conj in gate:
            for atom in conj:
                for p in atom:
                    if type(atom) is frozenset:
                        assert re.fullmatch("[a-z]+", p), p
                    elif type(atom) is _attr._Phrases:
                        assert p == " ".join(p.split()) and p.isascii() and p == p.lower(), p
                    else:
                        assert re.fullmatch("[a-z]+", p), p


def test_looked_up_words_hold_every_word_looked_up() -> None:
    """``sentence_cues`` keeps only the gate words of ``_LOOKED_UP_BYTES``: every word set it
    looks them up in is part of it."""
    atoms = {w.encode() for gate in _attr._GATES.values() for conj in gate for atom in conj
             if type(atom) is frozenset for w in atom}
    for looked_up in (atoms, _attr._LEADS, _attr._TRIGGER_BYTES, _attr._VAGUE_QUANTIFIER_BYTES,
                      _attr._AS_VERB_BYTES, {b"as"}):
        assert looked_up <= _attr._LOOKED_UP_BYTES


@settings(max_examples=500, deadline=None)
@given(st.one_of(_gate_texts(), st.text()))
@example("He said it is thought to be likely, as reported by some analysts")
def test_looked_up_words_answer_as_all_words(text: str) -> None:
    """The gates and the word tests of ``sentence_cues`` answer the same on the looked-up gate
    words as on all of them."""
    folded = ascii_fold(text)
    every = _attr._gate_words(folded)
    few = _attr._LOOKED_UP_BYTES.intersection(every)
    assert _attr._passing(folded, few) == _attr._passing(folded, every)
    for words in (_attr._TRIGGER_BYTES, _attr._VAGUE_QUANTIFIER_BYTES, _attr._AS_VERB_BYTES):
        assert words.isdisjoint(few) == words.isdisjoint(every)
    assert (b"as" in few) == (b"as" in every)


@settings(max_examples=500, deadline=None)
@given(_gate_texts())
@example("most-favoured nation, o'said, re-said, said's, U.S.said, 3said, ſaid, SAID")
def test_trigger_words_never_miss_a_parse(text: str) -> None:
    """A sentence with a trigger-word token is always parsed (sentence_cues skips the others).

    Word by word: a trigger-word token is a gate word, so a sentence with a quantifier token also
    has the quantifier among its gate words (sentence_cues looks for vague subjects only then).
    """
    looked_for = _attr._TRIGGER_WORDS | _attr._BELIEF | _attr.SPEECH_VERBS | _attr._STANCE
    triggers = {low for _s, _e, _t, low in _attr._tokens(text, 0)} & looked_for
    assert triggers <= set(_attr._GATE_WORD_RE.findall(ascii_fold(text)))
    assert _attr._VAGUE_QUANTIFIERS <= _attr._TRIGGER_WORDS


@settings(max_examples=500, deadline=None)
@given(_gate_texts())
@example("Some 50 mln dlrs, most of the shares; many believe it, others")
@example("Most-favoured nations; some say; several SAID; according to some")
def test_skipped_sentences_parse_to_nothing(text: str) -> None:
    """``sentence_cues`` without the token-level parse (no trigger, or only quantifiers with no
    verb for them) gives what it gives with the parse forced."""
    toks = _attr._tokens(text, 3)
    assert _attr.sentence_cues(text, 3) == _attr.sentence_cues(text, 3, (toks, _attr._find_attributions(toks)))


@settings(max_examples=500, deadline=None)
@given(st.one_of(_gate_texts(), st.text(alphabet=st.characters(max_codepoint=127)),
                 st.text(alphabet="aB.'’-\"“s 1,:Ué\n")))
@example("U.S. A.B.C. x's it’s 1,000.5 3:30 a-b-c 'quoted' \"q\" rock'n'roll")
@example("``we won,'' said Lee. ```a'''")
@example("U.S.A. A.B U.S A.b. AB.C. x.Y.Z. A.\tB.C.  \n D.E.F")
def test_tokens(text: str) -> None:
    """``_tokens`` gives what ``_TOKEN_RE.finditer`` does on the text with its typewriter quote pairs
    made curly (the ASCII pattern splits like the full one)."""
    curly = _attr._curly(text)
    assert len(curly) == len(text)
    expected = [(7 + m.start(), 7 + m.end(), m.group(), m.group().lower()) for m in _attr._TOKEN_RE.finditer(curly)]
    assert _attr._tokens(text, 7) == expected
    assert all(type(t) is tuple for t in _attr._tokens(text, 7))
    if text.isascii():
        assert _attr._ASCII_TOKEN_SPLIT_RE.split(text) == _attr._TOKEN_SPLIT_RE.split(text)


_PLAIN_TOKEN_SPLIT_RE = re.compile(f"({_attr._TOKEN_RE.pattern})")


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet="aBZs.'’‘“”\"-_ 1٣,:\tÉéßİſ\u212a\u00a0\u2009\n_"),
                 st.text(alphabet=st.characters(max_codepoint=127))))
@example("U.S.A. A.B U.S A.b. AB.C. x.Y.Z. A.\tB.C.  \n D.E.F")
@example("it’s it's o’s x’ ’s ‘a’ “q” \"q\" rock’n’roll a-b- -c _x x_y É.T.A. Ü.S. ٣٤.٥:6 ٣,")
def test_token_split_patterns(text: str) -> None:
    """The split patterns split as the plain group of ``_TOKEN_RE`` does (the ASCII one on ASCII
    text): the rewrites listed above them in the module change no token."""
    expected = _PLAIN_TOKEN_SPLIT_RE.split(text)
    assert _attr._TOKEN_SPLIT_RE.split(text) == expected
    if text.isascii():
        assert _attr._ASCII_TOKEN_SPLIT_RE.split(text) == expected


def test_typewriter_quote_pairs_tokenise_as_curly_marks() -> None:
    toks = _attr._tokens("``we won,'' said Lee.", 0)
    assert [t[_attr._TEXT] for t in toks] == ["“", "we", "won", ",", "”", "said", "Lee", "."]
    assert (toks[0][_attr._START], toks[4][_attr._START]) == (0, 10)


@settings(max_examples=500, deadline=None)
@given(_gate_texts())
@example("ſpeaking anonymously; WHO asked not to be named; On the condition of anonymity")
def test_anonymous_phrases_start_with_a_first_word(text: str) -> None:
    """``_np_source_kind`` tries ``_ANON_PHRASES`` on the tokens after an NP only when the first of
    them is one of ``_ANON_FIRST``: every match of the joined tokens starts so."""
    toks = _attr._tokens(text, 0)
    for i in range(len(toks)):
        if _attr._ANON_PHRASES.match(" ".join(t[_attr._TEXT] for t in toks[i:i + 12])):
            assert ascii_fold(toks[i][_attr._TEXT]) in _attr._ANON_FIRST, toks[i][_attr._TEXT]
