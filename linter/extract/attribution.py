"""Who carries each claim: direct-quote speakers and sentence-level attribution cues.

One job: given the sentences and direct quotes of a document (plain offsets, see
``SentenceLike`` / ``QuoteLike``), say for every quote who speaks it and for every sentence which
sources it names and which sourcing cues (vague, impersonal, hedge, anonymous) and speculation
cues it carries. It does
not decide severities; :func:`weasel_cues` states the decision the ``source/weasel`` rule makes.

Cue kinds
---------
``vague``
    An unspecific group is the grammatical subject of a speech/belief verb: a vague quantifier
    ("Some officials ... believe", "Many assumed", "Most experts agree"), an inherently vague
    group noun without a specific qualifier ("critics say", "experts say", "observers note"),
    or a bare professional group ("analysts", "sources", "officials") with an *opinion* verb or a
    *present-tense* verb ("Analysts caution that", "sources say"). Also "widely believed",
    "by some", "according to experts", "according to some", "considered by many", "used by some
    scholars", "was praised by critics", "there are scholars who believe", and an evaluation with no
    agent anywhere in the sentence ("is usually described as", "has been described as", "was
    hailed as"). Wikipedia's weasel groups count too: a vague quantifier before a plural that can
    name people ("some authors speculate", "many parents believe", "some historians have
    questioned") with a belief, speech or stance verb (suggest, argue, claim, question, dispute,
    trace ...), and a bare scholarly or partisan group with an opinion ("linguists argue",
    "Adherents believe", "Supporters say"). A professional newswire group (analysts, economists,
    dealers, officials, sources ...) with a quantifier and a *neutral* reporting verb stays
    ``anonymous`` ("Several economists said"); "some sources say" (present) is ``vague``.
``impersonal``
    Agentless reporting: "it has been reported", "it is believed that", "it is said", "it was
    alleged", "it's been alleged", "it is understood", "reports suggest", "according to (media)
    reports", "conventional wisdom", "common belief", an agentless evaluative passive with a
    complement and no "by" agent in the sentence ("is considered an invasive weed", "was regarded
    as the best theory"; not the deliberative "legislation would be considered"), and a stance
    verb's perfect passive closing a clause ("dates as late as the 140s have been suggested;",
    "has long been claimed.").
``hedge``
    Hearsay adverbs and raising passives: reportedly, allegedly, purportedly, supposedly,
    rumoured, arguably, "is said to", "is believed to", "are thought to", and the reduced relative
    "(said to be generated ...)", "the commissioners said to be candidates".
``anonymous``
    Specific anonymous sourcing, standard newswire practice: a counted or qualified unnamed
    source ("a U.S. official", "two senior U.S. officials", "Iranian security officials",
    "sources familiar with the conversation", "a person briefed on", "a diplomat who asked not
    to be named"), and a bare professional group reporting a past speech event
    ("analysts said", "traders said", "dealers said", "sources said", "economists estimated").
    A group "polled by Reuters" / "surveyed by" / "queried by" a named outlet is sourced too.
``speculation``
    Not a sourcing cue and never a weasel: the writer's own guess ("probably", "possibly",
    "perhaps", "presumably", "apparently", "likely", "might", "seems", "suggests", "unclear",
    "little is known", "it is possible that", "conjectured"). "may", "could" and "appear to"
    are left out (about as frequent in certain as in uncertain Wikipedia sentences), so is a
    "might" in a relative clause ("actions that might undermine": a risk, not a guess) and
    "speculative" (the market's "speculative selling").

The newswire decision (documented, tested): past-tense *reporting* by a professional group
("..., analysts said.") reports an utterance on a given day and is ``anonymous``; a present-tense
or belief verb ("Analysts caution that ...", "analysts believe") states a standing opinion of no
one in particular and is ``vague``. A vague quantifier (some/many/most/several ...) is always
``vague``. A capitalised qualifier ("Israeli officials", "Japanese press reports") or a count
makes the group specific, hence ``anonymous``.

Named sources
-------------
A capitalised person or organisation, a pronoun (he/she), a definite role ("the president",
"the ministry", "Tehran's foreign ministry") as subject of a speech verb ("Trump said",
"Stephen Hess told Reuters", "Pezeshkian responded"), after an inverted verb ("said Stephen
Hess"), or after "according to" ("according to Reuters").

Weasel decision (:func:`weasel_cues`)
-------------------------------------
A cue lying inside a direct quote whose speaker is known is never the article's own weasel.
Otherwise a ``vague``, ``impersonal`` or ``hedge`` cue is a weasel when the sentence carries no
source at all: no named source and no anonymous source either ("The minister allegedly took
bribes, a U.S. official said" and "according to Reuters, the minister allegedly ..." are
sourced: the hedge is the source's). ``anonymous`` cues are never weasels (the
``source/anonymous`` rule reports them at info), and neither are ``speculation`` cues.

Quotes
------
A speaker is looked for after the quote (``“...,” Trump said``, ``“...,” said Stephen Hess``,
``“...” according to X``), before it (``Trump wrote: “...”``, ``Vance said this week that “...”``,
``Trump recently called that one of the “worst deals”``), and in a sentence-final attribution
clause (``..., Pezeshkian said.``). A pronoun speaker is resolved to the last named speaker of the
paragraph (or of the previous one). A quote that opens its sentence with no attribution of its
own continues the speaker of the previous quote when that quote is in the same or the previous
paragraph (newswire convention for a quote running over paragraphs).

A quote with no speaker is a *scare quote* (``scare=True``) when it is at most four words long,
when every word is capitalised (a title or name: “Midnight Hammer”, “Jerusalem Minute”), or when
it is a short heading paragraph of its own. **Unattributed quote** (``QuoteSource.unattributed``)
means precisely: a top-level (depth 0) quote, no speaker found by any of the rules above, and not
a scare quote. Nested quotes are the outer speaker's business and are never unattributed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain, compress
from operator import attrgetter, itemgetter
from typing import Any, Final, Protocol

from linter import recache
from linter.fold import ascii_fold, contains_any
from linter.lexicon import word_set

__all__ = [
    "ANONYMITY_EXPLAINED",
    "anonymity_explained",
    "Cue",
    "QuoteLike",
    "QuoteSource",
    "SentenceLike",
    "SentenceSource",
    "attribute",
    "is_weasel",
    "quote_words",
    "sentence_cues",
    "weasel_cues",
]


class SentenceLike(Protocol):
    """What :func:`attribute` needs of a sentence (the document model's Sentence fits)."""

    @property
    def start(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def paragraph(self) -> int: ...


class QuoteLike(Protocol):
    """What :func:`attribute` needs of a direct quote (the document model's Quote fits)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def inner_start(self) -> int: ...

    @property
    def inner_end(self) -> int: ...

    @property
    def paragraph(self) -> int: ...

    @property
    def depth(self) -> int: ...


@dataclass(slots=True)
class Cue:
    """A cue: absolute span, its text and kind (vague|impersonal|hedge|anonymous|speculation)."""

    start: int
    end: int
    text: str
    kind: str
    in_quote: bool = False  # inside a direct quote whose speaker is known


@dataclass(slots=True)
class SentenceSource:
    """Attribution facts of one sentence."""

    index: int
    named: list[tuple[int, int, str]]
    cues: list[Cue]
    in_attributed_quote: bool = False


@dataclass(slots=True)
class QuoteSource:
    """Who speaks one direct quote."""

    index: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_kind: str | None  # named | organisation | anonymous | pronoun | None
    verb: str | None
    scare: bool = False
    continued: bool = False  # speaker inherited from the previous quote
    depth: int = 0
    words: int = 0
    via: str | None = None  # how the speaker was found (see ``SPEAKER_VIA``)
    gap: int = 0  # paragraphs between the quote and its speaker (0: the quote's own paragraph)
    mention: bool = False  # the quote names words ("the slogan “...”", "“...” was the refrain"), not speech

    @property
    def unattributed(self) -> bool:
        """Top-level, no speaker, not a scare quote (see the module docstring)."""
        return self.depth == 0 and self.speaker is None and not self.scare


# --------------------------------------------------------------------------- vocabulary

_SPEECH_BASE = {
    "say": ("says", "said"), "tell": ("tells", "told"), "add": ("adds", "added"),
    "write": ("writes", "wrote"), "state": ("stated",), "declare": ("declares", "declared"),
    "announce": ("announces", "announced"), "note": ("noted",), "explain": ("explains", "explained"),
    "ask": ("asks", "asked"), "reply": ("replied",), "respond": ("responds", "responded"),
    "insist": ("insists", "insisted"), "argue": ("argues", "argued"), "warn": ("warns", "warned"),
    "claim": ("claimed",), "caution": ("cautioned",), "hint": ("hinted",),
    "reveal": ("reveals", "revealed"), "suggest": ("suggests", "suggested"),
    "acknowledge": ("acknowledges", "acknowledged"), "admit": ("admits", "admitted"),
    "confirm": ("confirms", "confirmed"), "deny": ("denies", "denied"), "post": ("posted",),
    "tweet": ("tweeted",), "predict": ("predicts", "predicted"), "estimate": ("estimated",),
    "comment": ("commented",), "remark": ("remarked",), "observe": ("observes", "observed"),
    "report": ("reported",), "conclude": ("concludes", "concluded"), "urge": ("urges", "urged"),
    "testify": ("testifies", "testified"), "describe": ("describes", "described"),
    "call": ("called",), "forecast": ("forecasts",), "contend": ("contends", "contended"),
    "maintain": ("maintains", "maintained"), "assert": ("asserts", "asserted"),
    "allege": ("alleges", "alleged"), "believe": ("believes", "believed"),
    "think": ("thinks", "thought"), "feel": ("feels", "felt"), "fear": ("feared",),
    "expect": ("expects", "expected"), "assume": ("assumes", "assumed"),
    "speculate": ("speculates", "speculated"), "reckon": ("reckons", "reckoned"),
    "agree": ("agrees", "agreed"), "concede": ("concedes", "conceded"),
    "complain": ("complains", "complained"), "indicate": ("indicates", "indicated"),
    "promise": ("promised",), "pledge": ("pledged",), "vow": ("vowed",), "emphasize": ("emphasized",),
    "emphasise": ("emphasised",), "stress": ("stressed",), "recall": ("recalled",),
    "quip": ("quipped",), "counter": ("countered",), "speak": ("speaks", "spoke"), "continue": (), "suspect": ("suspects", "suspected"),
    "worry": ("worries", "worried"), "consider": ("considers", "considered"), "doubt": ("doubted",),
    "cite": ("cites", "cited"),
}
SPEECH_VERBS: frozenset[str] = frozenset(
    {base for base in _SPEECH_BASE if base not in {"continue", "state", "note", "post", "tweet",
                                                    "claim", "comment", "remark", "report",
                                                    "forecast", "call", "promise", "pledge", "vow",
                                                    "fear", "doubt", "stress", "recall"}}
    | {form for forms in _SPEECH_BASE.values() for form in forms}
    | {"said", "says", "forecast", "put", "quoted"}
)
# present tense / base forms: a standing opinion rather than a reported event
_PRESENT = frozenset(
    {base for base in _SPEECH_BASE} | {f for fs in _SPEECH_BASE.values() for f in fs if f.endswith("s")}
) - {"said", "put", "forecast"}
# past-tense reporting of an utterance (newswire): professional group + these = anonymous
_REPORTING_PAST = frozenset(
    {"said", "told", "added", "noted", "stated", "reported", "estimated", "predicted", "forecast",
     "warned", "cautioned", "argued", "suggested", "explained", "agreed", "indicated", "declared",
     "announced", "confirmed", "denied", "acknowledged", "conceded", "complained", "insisted",
     "asked", "replied", "responded", "commented", "remarked", "observed", "disclosed", "revealed",
     "hinted", "urged", "stressed", "emphasized", "emphasised", "wrote", "testified", "described",
     "maintained", "contended", "asserted", "expected", "put", "quoted"}
)
_BELIEF = frozenset(
    {"believe", "believes", "believed", "think", "thinks", "thought", "feel", "feels", "felt",
     "fear", "feared", "assume", "assumes", "assumed", "suspect", "suspects", "suspected",
     "speculate", "speculates", "speculated", "reckon", "reckons", "reckoned", "consider",
     "considers", "considered", "worry", "worried", "doubt", "doubted",
     "expect", "expects", "expected", "caution", "cautions", "cautioned", "claim",
     "claimed", "allege", "alleges", "alleged", "argue", "argues", "argued", "contend", "contends",
     "contended", "maintain", "maintains", "maintained", "agree", "agrees", "agreed", "say", "says",
     "said", "suggest", "suggests", "suggested", "warn", "warns", "warned", "insist", "insists",
     "insisted", "note", "noted", "predict", "predicts", "predicted", "estimate",
     "estimated", "wonder", "wondered", "see", "sees", "regard",
     "regards", "describe", "describes", "described", "call", "called", "tell", "told",
     "state", "stated", "hint", "hinted", "concede", "conceded"}
)
_AUX = frozenset(
    {"has", "have", "had", "also", "later", "previously", "recently", "repeatedly", "then", "publicly",
     "privately", "earlier", "again", "further", "once", "often", "still", "now", "frequently",
     "long", "widely", "generally", "commonly", "do", "does", "did", "would", "will", "could", "may",
     "might", "can", "must", "should", "already", "even", "just", "reportedly", "allegedly",
     "openly", "quickly", "simply", "herself", "himself", "themselves", "ever", "always", "never",
     "not", "only", "tend", "tends", "seem", "seems", "to", "both", "all", "firmly", "strongly",
     "increasingly", "largely", "mostly", "broadly", "flatly", "sharply", "bluntly", "plainly",
     "clearly", "explicitly", "subsequently", "immediately", "first", "last"}
)
_QUANT = frozenset(
    {"some", "many", "most", "several", "few", "various", "numerous", "certain", "other", "others",
     "countless", "multiple", "lots", "plenty", "majority", "number"}
)
_VAGUE_NOUNS = frozenset(
    {"critics", "observers", "experts", "commentators", "pundits", "skeptics", "sceptics", "people",
     "insiders", "onlookers", "supporters", "opponents", "detractors", "proponents", "scholars",
     "historians", "researchers", "scientists", "academics", "specialists", "watchers", "believers",
     "fans", "some", "many", "others", "most", "everyone", "everybody", "somebody", "someone",
     "studies", "theorists", "economists", "authorities", "voices", "circles", "quarters",
     "reports", "rumours", "rumors"}
)
_PRO_NOUNS = frozenset(
    {"analysts", "economists", "traders", "dealers", "bankers", "brokers", "officials", "diplomats",
     "sources", "executives", "aides", "strategists", "lawmakers", "legislators", "spokesmen",
     "authorities", "investigators", "police", "negotiators", "delegates", "politicians", "members",
     "residents", "witnesses", "managers", "agents", "participants", "experts",
     "observers", "analyst", "economist", "trader", "dealer", "banker", "broker", "official",
     "diplomat", "source", "executive", "aide", "strategist", "lawmaker", "legislator", "spokesman",
     "spokeswoman", "spokesperson", "investigator", "negotiator", "delegate", "politician", "member",
     "resident", "witness", "manager", "agent", "participant", "expert", "observer", "person",
     "people", "insider", "officer", "officers", "insiders", "critic", "critics", "commentators",
     "commentator", "reports", "report", "specialists", "specialist", "planners", "staff", "staffers",
     "staffer", "advisers", "adviser", "advisors", "advisor", "envoys", "envoy", "ministers",
     "minister", "senators", "congressmen", "representatives", "industry", "market",
     "operators", "buyers", "sellers", "producers", "importers", "exporters", "farmers", "workers",
     "unionists", "intelligence"}
)
_SINGULAR_ANON = frozenset(
    {"analyst", "economist", "trader", "dealer", "banker", "broker", "official", "diplomat", "source",
     "executive", "aide", "strategist", "lawmaker", "legislator", "spokesman", "spokeswoman",
     "spokesperson", "investigator", "negotiator", "delegate", "politician", "member", "resident",
     "witness", "manager", "agent", "participant", "expert", "observer", "person", "insider",
     "officer", "critic", "commentator", "specialist", "staffer", "adviser", "advisor", "envoy",
     "minister"}
)
_ROLE_NOUNS = frozenset(
    {"president", "minister", "premier", "chancellor", "chairman", "chairwoman", "chair", "secretary",
     "governor", "senator", "king", "queen", "pope", "ambassador", "mayor", "leader", "chief",
     "director", "judge", "general", "commander", "spokesman", "spokeswoman", "spokesperson",
     "treasurer", "speaker", "prosecutor", "attorney", "ceo", "founder", "author", "ayatollah"}
)
_ORG_NOUNS = frozenset(
    {"ministry", "department", "government", "company", "bank", "agency", "commission", "committee",
     "council", "court", "embassy", "army", "military", "police", "report", "statement", "study",
     "survey", "newspaper", "paper", "union", "party", "board", "fund", "firm", "group", "office",
     "administration", "cabinet", "parliament", "senate", "congress", "house", "corporation",
     "corp", "federation", "association", "institute", "organisation", "organization", "exchange",
     "spokesman", "spokeswoman", "spokesperson", "campaign", "team", "regime", "junta", "daily",
     "bureau", "authority", "network", "broadcaster", "station", "magazine", "journal",
     "website", "channel", "club", "league", "university", "hospital", "prosecutors", "prosecutor",
     "tribunal", "secretariat", "presidency", "palace", "kremlin", "pentagon", "coalition",
     "alliance", "movement", "operator", "producer", "utility", "lender", "insurer", "carrier",
     "airline", "unit", "subsidiary", "parent", "giant", "maker", "partnership", "trust",
     "center", "centre", "service", "communique", "communiqué", "decree", "document",
     "letter", "filing", "prospectus", "memo", "memorandum", "indictment", "lawsuit", "suit",
     "complaint", "order", "ruling", "verdict", "announcement", "release", "bulletin", "radio",
     "television", "tv", "press"}
)
# texts that speak for their authors: "the letter reads", "the invitation said", "the sign read"
_TEXT_NOUNS = frozenset(
    {"letter", "statement", "report", "ruling", "website", "site", "invitation", "sign", "inscription", "caption",
     "headline", "tagline", "slogan", "banner", "poster", "post", "tweet", "message", "email", "e-mail", "note",
     "text", "passage", "plaque", "notice", "label", "ad", "advert", "advertisement", "petition", "motion",
     "resolution", "bill", "law", "clause", "provision", "constitution", "charter", "treaty", "agreement",
     "accord", "contract", "manifesto", "platform", "article", "editorial", "column", "book", "chapter", "essay",
     "poem", "song", "lyrics", "script", "transcript", "card", "flyer", "leaflet", "pamphlet", "brochure",
     "placard", "page", "entry", "description", "summary", "abstract", "warning", "alert", "memo",
     "memorandum", "document", "filing", "complaint", "lawsuit", "indictment", "order", "decision", "opinion",
     "verdict", "release", "announcement", "communique", "communiqué", "decree", "bulletin", "study", "survey",
     "poll", "paper", "draft", "proposal", "plan", "guidance", "guideline", "guidelines", "policy", "rule",
     "rules", "regulation", "code", "notification", "newsletter", "blog", "account", "feed", "video", "footage",
     "recording", "tape", "broadcast", "speech", "address", "will", "diary", "journal", "minutes"}
)
# verbs by which a text says what it says: "the letter reads", "reads the sign", "data showed"
_READS = frozenset({"reads", "read", "reading", "showed", "shows", "show", "shown", "found", "finds",
                    "indicated", "indicates", "revealed", "reveals"})
# what data speak through: "financial disclosures made public on Saturday showed", "the survey found"
_DATA_NOUNS = _TEXT_NOUNS | frozenset(
    {"data", "figures", "statistics", "numbers", "records", "documents", "filings", "disclosures", "results",
     "polls", "surveys", "studies", "estimates", "projections", "forecasts", "reports", "tallies", "tally",
     "count", "counts", "census", "analysis", "analyses", "review", "audit", "investigation", "inquiry",
     "probe", "research", "logs", "jury", "court", "judge", "panel", "tribunal", "commission",
     "committee", "regulator", "regulators", "auditors", "inspectors", "investigators", "researchers",
     "scientists", "minutes", "papers", "emails", "messages", "texts", "photos",
     "images", "videos", "footage", "accounts", "statements", "tables", "charts", "maps", "model", "models"})
_PRONOUNS = frozenset({"he", "she"})
# pronouns that name a source as the subject of a speech verb: "it said" (a company), "we believe"
# (the author); "they say" in the present is nobody in particular and stays out
_SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
_NAME_JOINERS = frozenset({"of", "de", "del", "da", "van", "von", "der", "den", "la", "le", "bin", "ibn",
                           "al", "el", "du", "and", "&"})
# capitalised words that are not names when they open a subject
_COMMON_CAPS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "it", "its", "they", "them", "their", "we",
     "our", "you", "your", "i", "my", "he", "she", "his", "her", "but", "and", "or", "so", "yet",
     "if", "when", "while", "as", "in", "on", "at", "for", "with", "by", "from", "to", "of",
     "after", "before", "since", "because", "although", "though", "however", "meanwhile", "also",
     "still", "there", "here", "then", "now", "what", "which", "who", "whom", "whose", "where",
     "why", "how", "no", "not", "all", "both", "each", "every", "any", "one", "two", "three",
     "many", "some", "most", "several", "few", "others", "other", "such", "only", "even", "just",
     "instead", "thus", "hence", "therefore", "moreover", "furthermore", "further", "finally",
     "first", "second", "later", "earlier", "today", "yesterday", "tomorrow", "last", "next",
     "analysts", "experts", "officials", "sources", "critics", "observers", "reports", "people",
     "traders", "dealers", "economists", "bankers", "diplomats", "commentators", "researchers",
     "scientists", "historians", "scholars", "nobody", "everyone", "someone", "somebody",
     "government", "ministry", "company", "police", "authorities", "regarding",
     "according", "despite", "do", "does", "did", "is", "was", "are", "were", "be", "been", "has",
     "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "accordingly",
     "similarly", "likewise", "indeed", "domestically", "internationally", "simultaneously",
     "politically", "overall", "ultimately", "initially", "again", "once", "often", "sometimes",
     "usually", "clearly", "perhaps", "maybe", "certainly", "notably", "specifically",
     "separately", "elsewhere", "otherwise", "nevertheless", "nonetheless", "besides", "above",
     "below", "under", "over", "about", "against", "between", "into", "through", "during",
     "without", "within", "upon", "among", "along", "across", "behind", "beyond", "near",
     "whether", "unless", "until", "whereas", "unlike", "like", "via", "per", "mr",
     "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "speaking", "asked", "told", "said", "says",
     "writing", "reporting", "addressing", "commenting", "replying", "responding", "analyst",
     "official", "source", "critic", "observer", "expert", "trader", "dealer", "economist",
     "banker", "diplomat"}
)
_BOUNDARY_WORDS = frozenset(
    {"and", "but", "while", "although", "though", "as", "because", "yet", "since", "whereas", "so",
     "that", "where", "when", "if", "or", "however", "meanwhile", "still", "now", "indeed", "instead",
     "moreover", "furthermore", "also", "even", "nonetheless", "nevertheless", "today",
     "yesterday", "recently", "previously", "earlier", "later", "already", "too", "for"}
)
_PREPOSITIONS = frozenset(
    {"from", "of", "in", "at", "with", "by", "for", "to", "on", "about", "against", "between", "among",
     "into", "over", "under", "than", "like", "toward", "towards", "across", "within", "without",
     "including", "via", "near", "behind", "beyond", "upon", "during", "after", "before", "since"}
)
_NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
     "a", "an", "dozen", "dozens", "half"}
)
_ANON_PHRASES = recache.compile(
    r"\b(?:familiar\s+with|briefed\s+on|close\s+to\s+the|with\s+knowledge\s+of|who\s+(?:asked|declined|"
    r"requested|spoke|did\s+not\s+want|wished)\s+(?:not\s+to\s+be\s+(?:named|identified)|to\s+be\s+"
    r"identified|on\s+(?:the\s+)?condition|anonymity|to\s+remain\s+anonymous|not\s+to\s+be)|"
    r"on\s+(?:the\s+)?condition\s+of\s+anonymity|speaking\s+anonymously|requesting\s+anonymity|"
    r"not\s+authori[sz]ed\s+to\s+speak|(?:polled|surveyed|canvassed|queried)\s+by\b)",
    re.IGNORECASE,
)
# the first word of every alternative of _ANON_PHRASES (each is followed by white space there)
_ANON_FIRST = frozenset({"familiar", "briefed", "close", "with", "who", "on", "speaking", "requesting", "not",
                         "polled", "surveyed", "canvassed", "queried"})
#: a sentence that says why a source is not named: what the ``source/anonymous`` rule asks for
ANONYMITY_EXPLAINED = recache.compile(
    r"\b(?:asked|asking|declined|requested|requesting|wished|wishing|wanted|preferred)\s+(?:not\s+to\s+be\s+"
    r"(?:named|identified|quoted)|to\s+remain\s+anonymous|anonymity)|\bdid\s+not\s+want\s+to\s+be\s+"
    r"(?:named|identified|quoted)|\bcondition\s+(?:of|that\s+(?:he|she|they)\s+not\s+be\s+(?:named|identified))|"
    r"\b(?:speaking|spoke|talking)\s+(?:anonymously|on\s+background|privately)|\b(?:granted|given)\s+anonymity\b|"
    r"\bnot\s+(?:authori[sz]ed|allowed|permitted|cleared)\s+to\s+(?:speak|talk|comment|discuss|be\s+(?:named|quoted))|"
    r"\bbecause\s+(?:the\s+\w+\s+)?(?:talks|discussions|deliberations|negotiations|matter|information|details)\s+"
    r"(?:were|was|are|is|remain|remained)\s+(?:private|confidential|sensitive|classified)",
    re.IGNORECASE,
)
#: What every ``ANONYMITY_EXPLAINED`` match holds, in the text's :func:`~linter.fold.ascii_fold`
#: copy (a sentence without any is not searched: see :func:`anonymity_explained`).
_ANONYMITY_LITERALS = ("named", "identified", "quoted", "anonym", "condition", "background", "privately",
                       "authori", "allowed", "permitted", "cleared", "because")


def anonymity_explained(text: str) -> bool:
    """``ANONYMITY_EXPLAINED`` matches ``text``: it says why its source is not named."""
    return contains_any(ascii_fold(text), _ANONYMITY_LITERALS) and ANONYMITY_EXPLAINED.search(text) is not None


_IMPERSONAL_RE = recache.compile(
    r"\b[Ii]t(?:\s+|(?=['’]s\b))(?:is|was|has\s+been|had\s+been|'s\s+been|’s\s+been|'s|’s|is\s+being|was\s+being|has\s+long\s+been)\s+"
    r"(?:also\s+|now\s+|often\s+|sometimes\s+|widely\s+|generally\s+|commonly\s+|long\s+|further\s+|"
    r"frequently\s+|popularly\s+|increasingly\s+|still\s+|privately\s+|officially\s+)*"
    r"(?P<v>reported|believed|said|alleged|understood|thought|claimed|rumou?red|suggested|argued|"
    r"assumed|felt|speculated|held|proposed|theori[sz]ed|posited|hypothesi[sz]ed|contended|asserted|"
    r"maintained|feared|expected|considered|estimated|noted|known|accepted|acknowledged|"
    r"recogni[sz]ed|presumed|supposed|hoped|argued|whispered|conjectured)"
    r"(?P<tail>\s+(?:by\s+(?:some|many|most|several|critics|others|experts|observers)\b|that\b|,)|"
    r"\s+(?!to\b|by\b|as\b|in\b|on\b|at\b|for\b|with\b|from\b|into\b|and\b|or\b|of\b)[a-z]+)?"
)
_REPORTS_RE = recache.compile(
    r"\b(?:(?:[Aa]ccording\s+to|[Cc]iting|[Pp]er)\s+(?:(?:some|several|many|unconfirmed|recent|"
    r"local|media|press|news|published|earlier|other|various|widespread)\s+)*(?:reports|accounts|"
    r"rumou?rs|speculation)\b|(?:[Rr]eports|[Rr]umou?rs|[Ss]peculation|[Ss]tories)\s+(?:have\s+|had\s+)?"
    r"(?:suggest(?:ed|s)?|say|said|indicate[ds]?|claim(?:ed|s)?|emerged|circulated|swirled|"
    r"persist(?:ed)?|abound(?:ed)?|allege[sd]?)\b|[Tt]here\s+(?:are|were|have\s+been|had\s+been)\s+"
    r"(?:(?:unconfirmed|persistent|widespread|some|many)\s+)?(?:reports|rumou?rs|suggestions|claims)\b|"
    r"\bunconfirmed\s+reports\b)"
)
_HEDGE_RE = recache.compile(
    r"\b(?:reportedly|allegedly|purportedly|supposedly|rumou?red|arguably|"
    r"(?:is|are|was|were|been|be)\s+(?:widely\s+|generally\s+|also\s+|now\s+|often\s+|commonly\s+)?"
    r"(?:(?:said|believed|thought|alleged|rumou?red|understood|claimed|presumed|suspected|reputed)"
    r"\s+to\s+[a-z]+|(?:reported|held|considered)\s+to\s+(?:be|have)\b))",
    re.IGNORECASE,
)
_WIDELY_RE = recache.compile(
    r"\b(?<!\bhas\s)(?<!\bhave\s)(?<!\bhad\s)(?:widely|generally|commonly|popularly|universally|often|frequently|sometimes|traditionally|"
    r"largely|broadly)\s+(?:believed|considered|regarded|thought|(?:(?<=widely\s)|(?<=erally\s)|(?<=monly\s))held|accepted|assumed|seen|viewed|reputed|"
    r"recogni[sz]ed|acknowledged|acclaimed|described|perceived|credited|"
    r"cited|reported|rumou?red|claimed|said|argued|suggested)\b"
    r"|\b(?:is|are|was|were|been|be)\s+(?:considered|regarded|seen|viewed|thought|believed|deemed|"
    r"described|perceived|held|claimed|said|reputed|rumou?red)\s+(?:by\s+(?:some|many|most|several|"
    r"critics|others|experts|observers|scholars|historians|fans|people|commentators|analysts)\b)"
    r"|\b(?:some|many|most|several)\s+(?:would\s+)?(?:say|argue|believe|claim|suggest|contend|feel|"
    r"think|consider|regard)\b(?!\s+(?:of|to)\b)"
    r"|\b(?:has|have|had)\s+been\s+(?:suggested|argued|claimed|said|speculated|proposed|alleged|"
    r"theori[sz]ed|posited|hypothesi[sz]ed|reported|rumou?red)\s+(?:by\s+(?:some|many|others)|that)\b"
    r"|\b(?:has|have|had)\s+(?:also\s+|long\s+|often\s+|sometimes\s+|even\s+|widely\s+)?been\s+"
    r"(?:suggested|argued|claimed|speculated|alleged|theori[sz]ed|posited|hypothesi[sz]ed|rumou?red|"
    r"asserted|contended)(?=\s*(?:[.;:),]|$))",
)
# an opinion participle with a vague agent: "is used by some scholars", "considered by many"
_BY_SOME_RE = recache.compile(
    r"\b(?:considered|regarded|seen|viewed|thought|believed|held|described|called|termed|dubbed|"
    r"label+ed|used|accepted|rejected|critici[sz]ed|praised|disputed|questioned|challenged|deemed|"
    r"perceived|claimed|argued|suggested|known|cited|credited|attributed|identified|interpreted|"
    r"recogni[sz]ed|acknowledged|read|understood|taken)\s+(?:(?:in|upon|on|to|of|as\s+\w+)\s+)?"
    r"by\s+(?P<q>some|many|most|others|several|various|numerous|other|certain)\b"
    r"(?P<rest>(?:\s+[a-z\-]+){0,2})"
)
# "according to some", "according to others"
_ACCORDING_SOME_RE = recache.compile(
    r"\b[Aa]ccording\s+to\s+(?:some|many|most|others|several|various|certain)\b(?!\s+(?:of\s+)?[A-Z0-9])"
)
# an evaluation with no agent: "is usually described as", "has been described as", "was hailed as"
_DESCRIBED_RE = recache.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:often|sometimes|usually|generally|commonly|frequently|"
    r"occasionally|also|variously|widely|popularly|even|now|still|routinely)\s+)*(?:described|"
    r"characteri[sz]ed|portrayed|hailed|acclaimed|praised|critici[sz]ed|touted|lauded|derided)\s+as\b"
)
# reduced relative hearsay: "(said to be generated ...)", "the commissioners said to be candidates"
_REDUCED_HEDGE_RE = recache.compile(
    r"(?:^|[(,;—–]\s*|\b(?:which|who|that|and|one|ones)\s+|\b(?P<w>[a-z]{3,}s)\s+)"
    r"(?P<c>(?:said|thought|believed|rumou?red|reputed)\s+to\s+(?:be|have)\b)"
)
# nobody's wisdom: "Conventional wisdom holds", "it was common belief that"
_WISDOM_RE = recache.compile(
    r"\b(?:[Cc]onventional|[Rr]eceived|[Pp]opular|[Cc]ommon|[Ww]idespread)\s+(?:wisdom|belief|perception)\b"
)
# "there are scholars who believe", "there are many who argue"
_THERE_ARE_RE = recache.compile(
    r"\b[Tt]here\s+(?:are|were|have\s+been)\s+(?:also\s+)?(?:some\s+|many\s+|those\s+|several\s+|others\s+)?"
    r"(?P<n>[a-z]+)\s+(?:who|that)\s+(?:\w+\s+)?(?:believe|say|claim|argue|suggest|think|consider|"
    r"maintain|contend|feel|hold)\b"
)
# speculation (not a sourcing problem; its own kind): the writer guesses. _SPECULATION_FIRST, the
# first letters of its alternatives, changes no match: it only spares trying them all at every other
# word (twice as fast; tests/test_attribution.py checks it)
_SPECULATION_FIRST = "(?=[acdhilmnpqrsuvw])"
_SPECULATION_RE = recache.compile(
    r"\b" + _SPECULATION_FIRST + r"(?:probably|possibly|perhaps|maybe|presumably|seemingly|conceivably|apparently|"
    r"(?:most\s+|more\s+|quite\s+|very\s+|highly\s+)?(?:un)?likely|(?<!that\s)(?<!which\s)might|"
    r"seem(?:s|ed|ingly)?|suggest(?:s|ing)|unclear|uncertain|unknown|doubtful|questionable|"
    r"in\s+all\s+(?:likelihood|probability)|hypothetical(?:ly)?|hypothesi[sz]e[sd]?|putative(?:ly)?|"
    r"probable|remains\s+to\s+be\s+seen|conjectur(?:e[sd]?|al)|little\s+is\s+known|"
    r"not\s+(?:much|well)\s+known|(?:it\s+is|it's|it’s|it\s+was|it\s+seems)\s+(?:also\s+|quite\s+|entirely\s+|very\s+)?"
    r"(?:possible|conceivable|plausible)\s+that|(?:is|was|remains)\s+not\s+(?:known|clear)"
    r"(?=\s+(?:whether|if|how|why|when|who|what))|(?:is|was)\s+(?:not\s+)?known\s+whether)\b",
    re.IGNORECASE,
)
# an agentless evaluation: "is considered an invasive weed", "was regarded as the best theory"
_CONSIDERED_RE = recache.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:[a-z]+ly|also|now|still|even|often|long)\s+)*"
    r"(?:considered|regarded|deemed)\b(?!\s*(?:[.,;:)\"”]|$))(?!\s+(?:for|by|in|on|at|if|when|before|after|and|or)\b)"
)
# an unnamed agent: "was praised by critics", "detected by other observers"
_BY_CRITICS_RE = recache.compile(
    r"\b(?:(?:praised|acclaimed|hailed|lauded|celebrated|admired|criticized|criticised|condemned|denounced|"
    r"derided|ridiculed|mocked|attacked|panned|dismissed|rejected|disputed|questioned|challenged|doubted|"
    r"contested|accepted|endorsed|favou?red|preferred|described|characteri[sz]ed|called|labell?ed|dubbed|"
    r"termed|considered|regarded|viewed|deemed|thought|believed|claimed|argued|suggested|proposed|"
    r"speculated|theori[sz]ed|interpreted|understood|cited|credited|attributed|identified|recogni[sz]ed|"
    r"acknowledged|noted|observed|reported|detected|documented|perceived|judged|rated|ranked)|seen|known|held)\s+by\s+(?:(?:many|some|other|several|most|numerous|various)\s+)?"
    r"(?:critics|observers|commentators|scholars|historians|experts|reviewers|others|researchers|"
    r"writers|authors|fans)\b"
)
_DESCRIBED_PREV = frozenset({"is", "was", "has", "does", "its", "this", "thus", "his", "hers", "as", "ours"})


# Cheap gates: a pattern runs on a sentence only when its gate says the sentence can hold a match.
# A gate looks at the sentence folded (``ascii_fold``: lower case, and the letters ``re.IGNORECASE``
# equates to ASCII ones mapped to them) and at the *words* of that folding, its maximal runs of
# ASCII letters. A literal word that a pattern matches with a non-letter (or the text's edge) on
# both sides (``\b``, ``\s``, a following ``\s+`` ...) is one of those words, whatever the case of
# the text; a word bounded on the left only ("reportedly" in ``\b(?:reportedly|...)`` with no
# ``\b`` after it) is merely a substring of the folding.
#
# A gate is a disjunction of conjunctions of atoms; an atom is a frozenset (one of these words is
# a word of the sentence), a tuple (one of these strings, without whitespace, occurs in the
# folding) or a ``_Phrases`` (one of these phrases occurs in the folding once its whitespace runs
# are single spaces). The pattern can match only if, for some conjunction, every atom holds; the
# atoms of a conjunction are tried in order, cheap and selective ones first. Gates may say yes
# too often, never too rarely (tests/test_attribution.py checks them against the patterns).
class _Phrases(tuple[str, ...]):
    __slots__ = ()


_Atom = frozenset[str] | tuple[str, ...]
_Gate = tuple[tuple[_Atom, ...], ...]


def _w(*words: str) -> frozenset[str]:
    """Atom: one of ``words`` is a whole word of the sentence."""
    return frozenset(words)


_BE = _w("is", "are", "was", "were", "be", "been", "being")
_HAVE = _w("has", "have", "had")
_HEARSAY = _w("said", "believed", "thought", "alleged", "rumored", "rumoured", "understood", "claimed",
              "presumed", "suspected", "reputed")
_GROUP_VERBS = _w("say", "argue", "believe", "claim", "suggest", "contend", "feel", "think", "consider",
                  "regard")
_BY_QUANT = _w("some", "many", "most", "others", "several", "various", "numerous", "other", "certain")
_BY_CRITICS = _w("critics", "observers", "commentators", "scholars", "historians", "experts", "reviewers",
                 "others", "researchers", "writers", "authors", "fans")
_RECENT_PARTICIPLES = ("suggested", "argued", "claimed", "speculated", "alleged", "theorized", "theorised",
                       "posited", "hypothesized", "hypothesised", "rumored", "rumoured")

_GATES: dict[int, _Gate] = {
    # [Ii]t (is|was|'s|has been ...) ... <v>: "it" and an auxiliary are words ("it's" gives "it",
    # "s"); <v> may run on into a longer word ("thoughtful"), so it is only a substring
    id(_IMPERSONAL_RE): (
        (_w("it"), _w("is", "was", "has", "had", "s"),
         ("reported", "believed", "said", "alleged", "understood", "thought", "claimed", "rumored",
          "rumoured", "suggested", "argued", "assumed", "felt", "speculated", "held", "proposed", "theori",
          "posited", "hypothesi", "contended", "asserted", "maintained", "feared", "expected",
          "considered", "estimated", "noted", "known", "accepted", "acknowledged", "recogni", "presumed",
          "supposed", "hoped", "whispered", "conjectured")),
    ),
    # according to / citing ... reports; reports|rumours|speculation|stories (have) suggest ...;
    # there are ... reports|rumours|suggestions|claims; unconfirmed reports
    id(_REPORTS_RE): (
        (_w("reports", "accounts", "rumors", "rumours", "speculation", "stories", "suggestions", "claims"),),
    ),
    # reportedly ... arguably (left-bounded only): each holds one of three strings, -edly
    # (reportedly, allegedly, purportedly, supposedly), rumo- or arguably, which every sentence
    # is searched for (three searches, not seven); (is|are|...) (adverb) said|believed|... to
    # <word>; (is|are|...) (adverb) reported|held|considered to be|have
    id(_HEDGE_RE): (
        (("edly", "rumo", "arguably"),),
        (_HEARSAY | _w("reported", "held", "considered"), _w("to"), _w("is", "are", "was", "were", "been", "be"),
         _Phrases(f"{p} to" for p in (*_HEARSAY, "reported", "held", "considered"))),
    ),
    # familiar with, briefed on, close to the, with knowledge of, who asked|declined|... not to be
    # named ..., on (the) condition of anonymity, speaking anonymously, requesting anonymity, not
    # authorised to speak, polled|surveyed|canvassed|queried by
    id(_ANON_PHRASES): (
        # (a pattern's last word may run on: "familiar without", "close to them", "to speaker")
        (_w("familiar"),),
        (_w("briefed"),),
        (_w("close"), _w("to")),
        (_w("knowledge"), _w("with")),
        (_w("who"), _w("asked", "declined", "requested", "spoke", "did", "wished")),
        (_w("condition"), _w("on"), _w("of")),
        (_w("speaking"), ("anonymously",)),
        (_w("requesting"), ("anonymity",)),
        (_w("authorized", "authorised"), _w("not"), _w("to")),
        (_w("polled", "surveyed", "canvassed", "queried"), _w("by")),
    ),
    # every alternative is bounded by \b on both sides; the word each one needs, and the other
    # words of a phrase whose last word is common on its own ("it is possible", "seen", "known")
    id(_SPECULATION_RE): (
        (_w("probably", "possibly", "perhaps", "maybe", "presumably", "seemingly", "conceivably", "apparently",
            "likely", "unlikely", "might", "seem", "seems", "seemed", "suggests", "suggesting", "unclear",
            "uncertain", "unknown", "doubtful", "questionable", "hypothetical", "hypothetically", "hypothesize",
            "hypothesizes", "hypothesized", "hypothesise", "hypothesises", "hypothesised", "putative",
            "putatively", "probable", "conjecture", "conjectures", "conjectured", "conjectural"),),
        # in all likelihood|probability
        (_w("likelihood", "probability"), _w("all"), _w("in")),
        # remains to be seen
        (_w("seen"), _w("remains"), _w("to"), _w("be")),
        # little is known, not much|well known, (is|was|remains) not known (whether ...), (is|was)
        # (not) known whether
        (_w("known"), _w("little", "not", "whether")),
        # (is|was|remains) not clear (whether ...)
        (_w("clear"), _w("not"), _w("is", "was", "remains")),
        # it is|it's|it was|it seems (also ...) possible|conceivable|plausible that
        (_w("possible", "conceivable", "plausible"), _w("that"), _w("it")),
    ),
    # (start|punctuation|which ...|<plural>) said|thought|believed|rumo(u)red|reputed to be|have
    id(_REDUCED_HEDGE_RE): (
        (_w("said", "thought", "believed", "rumored", "rumoured", "reputed"), _w("to"), _w("be", "have"),
         _Phrases(("said to", "thought to", "believed to", "rumored to", "rumoured to", "reputed to"))),
    ),
    # <participle> (in|on|as <word> ...) by some|many|...
    id(_BY_SOME_RE): ((_BY_QUANT, _w("by")),),
    # <participle> by (many|some ...) critics|observers|...
    id(_BY_CRITICS_RE): ((_BY_CRITICS, _w("by")),),
    # (is|are|...) (adverbs) considered|regarded|deemed
    id(_CONSIDERED_RE): ((_w("considered", "regarded", "deemed"), _BE),),
    # (is|are|...) (adverbs) described|hailed|... as
    id(_DESCRIBED_RE): (
        (_w("described", "characterized", "characterised", "portrayed", "hailed", "acclaimed", "praised",
            "criticized", "criticised", "touted", "lauded", "derided"), _w("as"), _BE),
    ),
    # conventional|received|... wisdom|belief|perception
    id(_WISDOM_RE): ((_w("wisdom", "belief", "perception"),),),
    # there are|were|have been ... who|that (<word>) believe|say|...
    id(_THERE_ARE_RE): (
        (_w("there"), _w("who", "that"), _GROUP_VERBS | _w("maintain", "hold")),
    ),
    # according to some|many|...
    id(_ACCORDING_SOME_RE): (
        (_w("according"), _w("some", "many", "most", "others", "several", "various", "certain")),
    ),
    id(_WIDELY_RE): (
        # widely|generally|... believed|considered|...|known as|...
        (_w("widely", "generally", "commonly", "popularly", "universally", "often", "frequently", "sometimes",
            "traditionally", "largely", "broadly"),
         _w("believed", "considered", "regarded", "thought", "held", "accepted", "assumed", "seen", "viewed",
            "reputed", "recognized", "recognised", "acknowledged", "acclaimed", "described", "perceived",
            "credited", "cited", "reported", "rumored", "rumoured", "claimed", "said",
            "argued", "suggested")),
        # (is|are|...) considered|regarded|... by some|many|critics|...
        (_w("some", "many", "most", "several", "critics", "others", "experts", "observers", "scholars",
            "historians", "fans", "people", "commentators", "analysts"), _w("by"),
         _w("considered", "regarded", "seen", "viewed", "thought", "believed", "deemed", "described",
            "perceived", "held", "claimed", "said", "reputed", "rumored", "rumoured"), _BE),
        # some|many|most|several (would) say|argue|...
        (_GROUP_VERBS, _w("some", "many", "most", "several")),
        # has|have|had been suggested|... by some|many|others / that
        (_w("been"), _w("by", "that"), _HAVE,
         _w("said", "proposed", "reported", *_RECENT_PARTICIPLES)),
        # has|have|had (also|long ...) been suggested|... closing a clause
        (_w("been"), _HAVE, _w("asserted", "contended", *_RECENT_PARTICIPLES)),
    ),
}
# The words of the folding: maximal runs of ASCII letters. A pattern's word bounded by
# non-letters in the text is bounded by non-letters in the folding too (folding never turns a
# non-letter into an ASCII letter), hence one of these runs.
_GATE_WORD_RE = recache.compile(r"[a-z]+")
# _gate_words finds them as bytes, twice as fast as ``findall``: the folding in UTF-8 (where the
# bytes of a non-ASCII character are all >= 0x80) with every byte but a-z made a space, split. So
# the word atoms and the word sets a sentence's words are looked up in are kept as bytes too.
_LETTERS_ONLY = bytes(c if 0x61 <= c <= 0x7A else 0x20 for c in range(256))


def _gate_words(folded: str) -> list[bytes]:
    """``_GATE_WORD_RE.findall(folded)``, each word encoded (ASCII)."""
    return folded.encode("utf-8", "surrogatepass").translate(_LETTERS_ONLY).split()


def _as_bytes(words: Iterable[str]) -> frozenset[bytes]:
    return frozenset(w.encode() for w in words)


_ByteAtom = frozenset[bytes] | tuple[str, ...]


def _encoded(conj: tuple[_Atom, ...]) -> tuple[_ByteAtom, ...]:
    """The conjunction with its word atoms as bytes."""
    return tuple(_as_bytes(a) if type(a) is frozenset else a for a in conj)  # type: ignore[misc]


# Each conjunction is filed under the words of its first atom, so that a sentence only tries the
# conjunctions led by one of its words; a conjunction led by a string atom is always tried.
_LED: dict[bytes, list[tuple[int, tuple[_ByteAtom, ...]]]] = {}  # word -> (pattern id, other atoms)
_UNLED: list[tuple[int, tuple[_ByteAtom, ...]]] = []  # (pattern id, atoms)
for _key, _gate in _GATES.items():
    for _conj in _gate:
        if type(_conj[0]) is frozenset:
            for _word in _conj[0]:
                _LED.setdefault(_word.encode(), []).append((_key, _encoded(_conj[1:])))
        else:
            _UNLED.append((_key, _encoded(_conj)))
del _key, _gate, _conj, _word
_LEADS = frozenset(_LED)


def _passing(folded: str, words: Collection[bytes]) -> set[int]:
    """The ids of the patterns whose gate lets a sentence through (its folding, its words from
    :func:`_gate_words`, or those of them that some word atom holds)."""
    collapsed = None
    passing = set()
    for key, conj in chain(_UNLED, *map(_LED.__getitem__, _LEADS.intersection(words))):
        if key not in passing:
            for atom in conj:
                if isinstance(atom, frozenset):
                    if atom.isdisjoint(words):
                        break
                    continue
                if type(atom) is _Phrases:
                    if collapsed is None:
                        collapsed = " ".join(folded.split())
                    within = collapsed
                else:
                    within = folded
                for s in atom:
                    if s in within:
                        break
                else:
                    break  # no string of the atom occurs
            else:  # every atom of the conjunction holds
                passing.add(key)
    return passing


def _scan(rx: re.Pattern[str], text: str, passing: set[int]) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)``, skipped when the pattern's gate said no match is possible."""
    return rx.finditer(text) if id(rx) in passing else iter(())


# A token: a plain tuple (start, end, text, low), read through the indices below: its start and
# end (absolute offsets), its text and its lower case. (A NamedTuple was a third slower to make,
# to free and to read: the interpreter reads a plain tuple's item without a descriptor call.)
_Tok = tuple[int, int, str, str]
_START: Final = 0
_END: Final = 1
_TEXT: Final = 2
_LOW: Final = 3


_TOKEN_RE = recache.compile(
    r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*(?:['’]s)?|\d+(?:[.,:]\d+)*|[“”\"‘’]|\S"
)


# _TOKEN_RE as one capturing group: ``split`` returns gap, token, gap, token, ..., gap (a token
# is never empty), and the running sum of the part lengths gives every token's offsets. The
# split patterns are _TOKEN_RE rewritten to run faster, token for token the same
# (tests/test_attribution.py checks them against it):
# - every alternative starts with a non-space character, so a token never starts at white space:
#   the lookahead ``(?=\S)`` in front only lets the search step over the gaps without entering
#   the group there;
# - the abbreviation "(?:[A-Z]\.){2,}" is written as its first letter and period and then the
#   others, so that the alternative opens with a character class, which the engine tests before
#   entering it;
# - nothing after a quantifier can fail (an alternative ends the pattern), so it may as well be
#   possessive;
# - a word's "(?:['’]s)?" never matches: the joined parts before it take every apostrophe
#   followed by a letter; a quote mark "[“”\"‘’]" is a token of one character that \S makes
#   just as well.
# The ASCII pattern is for ASCII text, where a letter is [A-Za-z] and a digit [0-9]. (On the
# corpora's sentences the ASCII split takes 0.88 of the time of the plain ASCII group, the other
# 0.7 of the time of the plain group of _TOKEN_RE.)
if recache.POSSESSIVE:
    _TOKEN_SPLIT_RE = recache.compile(r"(?=\S)([A-Z]\.(?:[A-Z]\.)++|[^\W\d_]++(?:['’\-][^\W\d_]++)*+|\d++(?:[.,:]\d++)*+|\S)")
    _ASCII_TOKEN_SPLIT_RE = recache.compile(
        r"(?=\S)([A-Z]\.(?:[A-Z]\.)++|[A-Za-z]++(?:['\-][A-Za-z]++)*+|[0-9]++(?:[.,:][0-9]++)*+|\S)")
else:  # pragma: no cover - Python 3.10 has no possessive quantifiers, 3.11.0-3.11.4 ran some
    # wrongly (recache.POSSESSIVE); nothing follows them inside the group, so the greedy forms
    # match the same tokens
    _TOKEN_SPLIT_RE = recache.compile(r"(?=\S)([A-Z]\.(?:[A-Z]\.)+|[^\W\d_]+(?:['’\-][^\W\d_]+)*|\d+(?:[.,:]\d+)*|\S)")
    _ASCII_TOKEN_SPLIT_RE = recache.compile(
        r"(?=\S)([A-Z]\.(?:[A-Z]\.)+|[A-Za-z]+(?:['\-][A-Za-z]+)*|[0-9]+(?:[.,:][0-9]+)*|\S)")


def _curly(text: str) -> str:
    """``text`` with its typewriter quote pairs as a curly mark and a space (the same length)."""
    if "``" in text or "''" in text:
        return text.replace("``", "\u201c ").replace("''", " \u201d")
    return text


def _tokens(text: str, base: int) -> list[_Tok]:
    """The ``_TOKEN_RE`` tokens of ``text``, offsets shifted by ``base``. The typewriter quote pairs
    of newswire archives (two backquotes, two straight single quotes) are read as curly quotes, a
    mark and a space of the same length, so offsets stay those of ``text``."""
    text = _curly(text)
    is_ascii = text.isascii()
    parts = (_ASCII_TOKEN_SPLIT_RE if is_ascii else _TOKEN_SPLIT_RE).split(text)
    texts = parts[1::2]
    if not texts:
        return []
    if is_ascii:
        # ASCII lower-casing maps character to character, and a token never holds a newline
        lows = "\n".join(texts).lower().split("\n")
    else:
        lows = [t.lower() for t in texts]
    # the offsets of the part boundaries, the first (``base``) dropped: a token's start and end
    # are two consecutive ones, which zip draws from the one iterator in turn (the last gap's end
    # is left over)
    offsets = accumulate(map(len, parts), initial=base)
    next(offsets)
    # zip keeps the loop in C
    return list(zip(offsets, offsets, texts, lows, strict=False))


_tok_low = itemgetter(_LOW)
_tok_text = itemgetter(_TEXT)
_tok_start = itemgetter(_START)
_tok_end = itemgetter(_END)


def _indices_of(lows: frozenset[str], toks: list[_Tok]) -> Iterator[int]:
    """Indices of the tokens whose lower case is in ``lows``, in order (the scan runs in C)."""
    return compress(range(len(toks)), map(lows.__contains__, map(_tok_low, toks)))


def _is_word(t: _Tok) -> bool:
    return t[_TEXT][0].isalpha()


def _is_cap(t: _Tok) -> bool:
    return t[_TEXT][0].isupper() and _is_word(t)


def _is_verb(t: _Tok) -> bool:
    """A speech verb written in lower case (capitalised 'States', 'Says' are not)."""
    return t[_LOW] in SPEECH_VERBS and not t[_TEXT][0].isupper()


def _strip_poss(low: str) -> str:
    return low[:-2] if low.endswith(("'s", "’s")) else low


# --------------------------------------------------------------------------- NP analysis


@dataclass(slots=True)
class _NP:
    start: int  # token index (inclusive)
    end: int  # token index (exclusive)
    kind: str  # named | organisation | pronoun | anonymous | vague | impersonal
    toks: list[_Tok] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(map(_tok_text, self.toks))


_INHERENTLY_VAGUE = frozenset(
    {"critics", "observers", "experts", "commentators", "pundits", "skeptics", "sceptics", "people",
     "insiders", "onlookers", "supporters", "opponents", "detractors", "proponents", "scholars",
     "historians", "researchers", "scientists", "academics", "specialists", "watchers", "believers",
     "fans", "some", "many", "others", "most", "everyone", "everybody", "somebody", "someone",
     "studies", "voices", "circles", "quarters", "theorists"}
)
# neutral reporting verbs, any tense: a professional group using them is newswire anonymous sourcing
_REPORTING = frozenset(
    {"say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "estimate", "estimates",
     "estimated", "predict", "predicts", "predicted", "forecast", "forecasts", "expect", "expects",
     "expected", "note", "noted", "report", "reported", "explain", "explains", "explained", "write",
     "writes", "wrote", "ask", "asks", "asked", "announce", "announces", "announced", "confirm",
     "confirms", "confirmed", "deny", "denies", "denied", "disclose", "disclosed", "reveal", "reveals",
     "revealed", "hint", "hinted", "indicate", "indicates", "indicated", "describe", "describes",
     "described", "put", "quoted", "comment", "commented", "remark", "remarked", "reply", "replied",
     "respond", "responds", "responded", "declare", "declared", "testify", "testified", "urge", "urged",
     "stress", "stressed", "emphasized", "emphasised", "recall", "recalled", "acknowledge",
     "acknowledged", "admit", "admitted", "concede", "conceded", "complain", "complained", "observe",
     "observed", "stated", "posted", "tweeted", "concluded", "cautioned", "warned",
     "argued", "agreed", "insisted", "contended", "maintained", "claimed", "suggested", "alleged",
     "asserted", "pledged", "promised", "vowed", "questioned", "doubted", "spoke", "speaks"}
)


# unspecific groups of people that Wikipedia's weasel guideline names ("some scholars", "linguists
# argue", "adherents believe"); a bare plural of these with an opinion verb is vague
_SCHOLARLY = frozenset(
    {"authors", "writers", "reviewers", "editors", "readers", "viewers", "listeners", "audiences",
     "adherents", "advocates", "followers", "practitioners", "enthusiasts", "purists", "devotees",
     "admirers", "defenders", "traditionalists", "believers", "skeptics", "sceptics", "theorists",
     "thinkers", "intellectuals", "philosophers", "theologians", "linguists", "grammarians",
     "archaeologists", "anthropologists", "biologists", "psychologists", "sociologists", "geologists",
     "physicists", "astronomers", "astrologers", "cosmologists", "musicologists", "mathematicians",
     "physicians", "doctors", "clinicians", "educators", "teachers", "parents", "students",
     "fans", "users", "players", "members", "residents", "locals", "natives", "citizens", "americans",
     "chroniclers", "biographers", "genealogists", "etymologists", "experimenters", "investigators",
     "accounts", "sources", "studies", "chronicles", "traditions", "legends", "stories", "versions",
     "texts", "manuscripts", "commentaries", "theories", "estimates", "reports", "rumours", "rumors",
     "feminists", "activists", "conservatives", "liberals", "socialists", "nationalists"}
)
_NOT_PEOPLE = frozenset(
    {"numbers", "papers", "letters", "orders", "matters", "centers", "centres", "waters", "quarters",
     "powers", "layers", "computers", "containers", "answers", "corners", "borders", "flowers",
     "towers", "rivers", "chapters", "meters", "parameters", "others", "members", "years", "hours",
     "headquarters", "characters", "markets", "filters", "clusters", "minerals", "lists"}
)
# stance verbs: a claim, not a neutral report ("some authors have suggested", "scholars question")
_STANCE = frozenset(
    {"suggest", "suggests", "suggested", "argue", "argues", "argued", "claim", "claims", "claimed",
     "contend", "contends", "contended", "maintain", "maintains", "maintained", "assert", "asserts",
     "asserted", "allege", "alleges", "alleged", "insist", "insists", "insisted", "speculate",
     "speculates", "speculated", "question", "questions", "questioned", "dispute", "disputes",
     "disputed", "doubt", "doubts", "doubted", "theorize", "theorizes", "theorized", "theorise",
     "theorises", "theorised", "hypothesize", "hypothesized", "posit", "posits", "posited",
     "trace", "traces", "traced", "attribute", "attributes",
     "attributed", "reject", "rejects", "rejected", "find", "finds", "viewed",
     "regard", "regards", "regarded", "consider", "considers", "considered", "believe", "believes",
     "believed", "think", "thinks", "thought", "feel", "feels", "felt"}
)
_NEUTRAL = _REPORTING - _STANCE


def _peopleish(w: str) -> bool:
    """A plural that can name an unspecific group of people (or of unnamed sources)."""
    if w in _PRO_NOUNS or w in _VAGUE_NOUNS or w in _SCHOLARLY:
        return True
    if w in _NOT_PEOPLE or len(w) < 6:
        return False
    return w.endswith(("ists", "ians", "ologists", "graphers", "ers", "ors", "ars"))


def _classify_group(words: list[_Tok], verb: _Tok | None, after_verb: bool, postposed: bool = False) -> str | None:
    """Kind of an NP whose head is a lower-case group/anonymous noun (None: not a source).

    vague quantifier alone ("Many assumed")                         -> vague
    inherently vague noun, unqualified ("critics say", "some experts") -> vague
    counted / capitalised / definite qualifier, singular noun       -> anonymous
    professional group + neutral reporting verb (any tense) or a
    post-posed attribution clause (", analysts said.")              -> anonymous
    professional group + opinion / belief verb ("Analysts caution") -> vague
    """
    lows = [_strip_poss(t[_LOW]) for t in words]
    head = lows[-1]
    scholarly = head in _SCHOLARLY and head not in _PRO_NOUNS and head not in _VAGUE_NOUNS
    if head not in _PRO_NOUNS and head not in _VAGUE_NOUNS and head not in _SINGULAR_ANON and not scholarly:
        return None
    has_quant = any(w in _QUANT for w in lows) or (
        len(lows) >= 2 and lows[0] in {"a", "the"} and lows[1] in {"number", "majority", "lot", "few"}
    ) or "lots" in lows
    has_count = any(w in _NUMBER_WORDS or w[0].isdigit() for w in lows) and not has_quant
    has_caps = any(_is_cap(t) and t[_LOW] not in _COMMON_CAPS for t in words[:-1])
    definite = lows[0] in {"the", "this", "that", "these", "those"} or any(
        t[_LOW].endswith(("'s", "’s")) for t in words[:-1]
    )
    if head in {"reports", "rumours", "rumors"}:
        return "anonymous" if (has_caps or definite or has_count) else "impersonal"
    if head in _TEXT_NOUNS and (definite or has_caps):
        return "organisation"  # "The report says", "the Commerce Department report said": a text speaks
    if len(lows) == 1 and head in _QUANT:
        return "vague"
    if head in _INHERENTLY_VAGUE and head not in _SINGULAR_ANON:
        if has_count or has_caps or definite:
            return "anonymous"
        return "vague"
    if head in _SINGULAR_ANON or has_count or has_caps or definite:
        return "anonymous"
    if scholarly:
        # "linguists argue", "adherents believe", "some versions say": no one in particular; a bare
        # past report ("students said") is neither a source nor a weasel
        if verb is None or (verb[_LOW] in _NEUTRAL and verb[_LOW] not in _PRESENT and not has_quant):
            return None
        return "vague"
    if verb is None:
        return "vague" if has_quant else "anonymous"
    if has_quant and head in {"sources", "accounts"} and verb[_LOW] in _PRESENT and not after_verb and not postposed:
        return "vague"  # "some sources say": Wikipedia's weasel; the wire writes "sources said"
    if verb[_LOW] in _REPORTING or after_verb or postposed:
        return "anonymous"
    return "vague"


def _is_aux(t: _Tok) -> bool:
    """An auxiliary, a negation or an adverb between a subject and its verb ("wrongly suggested")."""
    return t[_LOW] in _AUX or t[_LOW].endswith(("n't", "n’t")) or (
        len(t[_LOW]) > 4 and t[_LOW].endswith("ly") and t[_LOW] not in _LY_NOUNS and t[_TEXT][0].islower())


# words in -ly that are no adverbs
_LY_NOUNS = frozenset({"family", "rally", "ally", "assembly", "supply", "reply", "monopoly", "anomaly", "bully",
                       "belly", "jelly", "july", "italy", "folly", "holly", "lily", "tally", "homily", "melancholy",
                       "oligopoly", "panoply", "sally", "gully", "dolly", "filly", "rely", "apply", "comply",
                       "imply", "multiply", "underbelly", "butterfly", "dragonfly", "firefly", "nelly"})


def _left_np(toks: list[_Tok], v: int) -> _NP | None:
    """The subject NP left of the verb at token index v (skips auxiliaries, a time phrase and an
    appositive)."""
    i = v - 1
    k = i
    while k >= 0 and v - k <= 4 and (toks[k][_LOW] in _TIME_WORDS or toks[k][_TEXT][0].isdigit()):
        k -= 1  # "Trump on Friday said", "the ministry last week said"
    if k < i and k >= 0 and toks[k + 1][_LOW] in {"on", "last", "this", "next", "earlier", "late", "early"}:
        i = k
    # skip the auxiliaries; one that opens the sentence or follows a comma or semicolon is the
    # last skipped
    while i >= 0 and _is_aux(toks[i]):
        i -= 1
        if i < 0 or toks[i][_LOW] in {",", ";"}:
            break
    if i < 0:
        return None
    # appositive: "John Tower, a longtime Reagan supporter ..., told"
    if toks[i][_TEXT] == ",":
        j = i - 1
        while j >= 0 and j > i - 25 and toks[j][_TEXT] not in {",", ";", ":", "“", "”", '"'}:
            j -= 1
        if j >= 0 and toks[j][_TEXT] == "," and j > 0:
            i = j - 1
        else:
            return None
    if i < 0 or not _is_word(toks[i]):
        return None
    head = toks[i]
    hl = _strip_poss(head[_LOW])
    if hl in _SUBJECT_PRONOUNS and not head[_LOW].endswith(("'s", "’s")):
        if hl == "they" and i + 1 < len(toks) and toks[i + 1][_LOW] in _PRESENT:
            return None  # "they say": people in general
        return _NP(i, i + 1, "pronoun", [head])
    if _is_cap(head) and head[_LOW] not in _COMMON_CAPS and not (
        i == 0 and (hl in _SCHOLARLY or hl in _VAGUE_NOUNS) and head[_TEXT][1:].islower()
    ):  # a sentence-initial "Adherents believe" is a common noun, not a name
        j = i
        while j - 1 >= 0 and (
            (_is_cap(toks[j - 1]) and toks[j - 1][_LOW] not in _COMMON_CAPS and not toks[j - 1][_LOW].endswith(("'s", "’s")))
            or (toks[j - 1][_LOW] in _NAME_JOINERS and j - 2 >= 0 and _is_cap(toks[j - 2]))
            or toks[j - 1][_TEXT] in {"-"}
        ):
            j -= 1
        while j < i and toks[j][_LOW] in _NAME_JOINERS:
            j += 1
        k = j - 1
        while k >= 0 and toks[k][_LOW] in {"the", "both", "either"}:
            k -= 1
        if k >= 1 and toks[k][_LOW] == "of" and _is_cap(toks[k - 1]) and toks[k - 1][_LOW] not in _COMMON_CAPS:
            # "Marcio Stefani of the Brazilian Association ... said": the person before "of" speaks
            e = k
            b = e - 1
            while b - 1 >= 0 and _is_cap(toks[b - 1]) and toks[b - 1][_LOW] not in _COMMON_CAPS:
                b -= 1
            return _NP(b, e, "named", toks[b:e])
        if k >= 0 and toks[k][_LOW] in _PREPOSITIONS and toks[k][_LOW] not in {"after", "before", "since", "until"}:
            return None  # "Some officials from both the U.S. and Israel believe": not the subject
        words = toks[j: i + 1]
        kind = "organisation" if (any(_strip_poss(t[_LOW]) in _ORG_NOUNS for t in words)
                                  or (j > 0 and toks[j - 1][_LOW] == "the")) else "named"
        if head[_TEXT].isupper() and len(head[_TEXT]) > 1 and j > 0 and toks[j - 1][_LOW] == "the":
            kind = "organisation"
        return _NP(j, i + 1, kind, words)
    if head[_TEXT][0].isupper() and hl not in _PRO_NOUNS and hl not in _VAGUE_NOUNS and hl not in _QUANT \
            and hl not in _SCHOLARLY and hl not in _ORG_NOUNS:
        return None
    # lower-case (or sentence-initial common) head: collect the NP leftwards
    j = i
    while j - 1 >= 0 and j > i - 9:
        p = toks[j - 1]
        if not _is_word(p) and p[_TEXT] not in {"-", "."}:
            break
        if p[_LOW] in _BOUNDARY_WORDS or p[_LOW] in {"who", "which", "whom", "whose", "said", "says", "than",
                                                 "what", "like", "whether", "unless", "until"}:
            break
        if p[_LOW] in _PREPOSITIONS and p[_LOW] != "of":
            break  # "the fight against acid rain in what ...": the NP ends at a preposition
        if _is_verb(p) and p[_LOW] not in {"expected", "estimated"}:
            break
        j -= 1
    if j > 0 and toks[j - 1][_LOW] in {"than", "as", "what", "like", "whether", "if"}:
        return None  # "more difficult than bankers feared", "whether the farmers felt": not a source
    if j > 0 and toks[j - 1][_LOW] in _PREPOSITIONS and toks[j - 1][_LOW] != "of" and j == i:
        return None  # "with most forecasts predicting": the object of a preposition
    if j >= 2 and toks[j - 1][_LOW] == "and" and _is_cap(toks[j - 2]) and toks[j - 2][_LOW] not in _COMMON_CAPS:
        k = j - 2  # "LaTronica and others said": the named source leads
        while k - 1 >= 0 and _is_cap(toks[k - 1]) and toks[k - 1][_LOW] not in _COMMON_CAPS:
            k -= 1
        return _NP(k, j - 1, "named", toks[k: j - 1])
    words = toks[j: i + 1]
    lows = [_strip_poss(t[_LOW]) for t in words]
    if hl in _QUANT and hl in _VAGUE_NOUNS and len(words) == 1:
        return _NP(i, i + 1, "vague", [head])
    if hl in _ROLE_NOUNS and (lows[0] in {"the", "his", "her", "their", "its"}
                              or any(t[_LOW].endswith(("'s", "’s")) or _is_cap(t) for t in words[:-1])):
        if not any(w in _QUANT or w in {"a", "an", "one"} for w in lows):
            return _NP(j, i + 1, "organisation" if hl in {"spokesman", "spokeswoman", "spokesperson"}
                       else "named", words)
    if (hl in _ORG_NOUNS or hl in _TEXT_NOUNS) and hl not in _PRO_NOUNS:
        if lows[0] in {"the", "its", "their", "his", "her", "this", "that"} or any(
            t[_LOW].endswith(("'s", "’s")) or _is_cap(t) for t in words[:-1]
        ):
            return _NP(j, i + 1, "organisation", words)
        return None
    return _NP(j, i + 1, "group", words)


def _right_np(toks: list[_Tok], k: int) -> _NP | None:
    """The NP starting at token index k ("said Stephen Hess", "according to the ministry")."""
    if k >= len(toks) or not _is_word(toks[k]):
        return None
    first = toks[k]
    if first[_LOW] in _PRONOUNS:
        return _NP(k, k + 1, "pronoun", [first])
    # collect up to the next punctuation / relative word
    j = k
    while j < len(toks) and j < k + 9:
        t = toks[j]
        if not _is_word(t) and t[_TEXT] not in {"-", "&", "."}:
            break
        if t[_LOW] in {"who", "which", "that", "in", "on", "at", "for", "to", "with", "after", "before",
                     "during", "when", "while", "and", "but", "as", "by", "from", "about", "said",
                     "told", "added", "says", "adding", "last", "this", "yesterday", "today"} and j > k:
            break
        if t[_TEXT] == "." and j > k:
            break
        j += 1
    words = [t for t in toks[k:j] if t[_TEXT] != "."]
    if not words:
        return None
    caps = [t for t in words if _is_cap(t) and t[_LOW] not in _COMMON_CAPS]
    lows = [_strip_poss(t[_LOW]) for t in words]
    # find the head: the last word of the run
    head = lows[-1]
    if head in _PRO_NOUNS or head in _SINGULAR_ANON or head in _VAGUE_NOUNS or head in _QUANT:
        return _NP(k, k + len(words), "group", words)
    if head in _ROLE_NOUNS and lows[0] in {"the", "his", "her", "their"}:
        return _NP(k, k + len(words), "named", words)
    if (head in _ORG_NOUNS or head in _TEXT_NOUNS) and (lows[0] in {"the", "its", "his", "her", "their"} or caps):
        return _NP(k, k + len(words), "organisation", words)
    if caps and _is_cap(words[-1]):
        # the capitalised run at the end ("private political analyst Stephen Hess")
        e = len(words)
        s = e - 1
        while s - 1 >= 0 and ((_is_cap(words[s - 1]) and words[s - 1][_LOW] not in _COMMON_CAPS)
                              or words[s - 1][_LOW] in _NAME_JOINERS):
            s -= 1
        while s < e and words[s][_LOW] in _NAME_JOINERS:
            s += 1
        sel = words[s:e]
        kind = "organisation" if (any(_strip_poss(t[_LOW]) in _ORG_NOUNS for t in sel)
                                  or (s > 0 and words[s - 1][_LOW] == "the")
                                  or (s == 0 and k > 0 and toks[k - 1][_LOW] == "the")) else "named"
        return _NP(k + s, k + e, kind, sel)
    return None


def _no_claim(np: _NP, toks: list[_Tok], v: int) -> bool:
    """The group and its verb carry no claim: "whether or not critics agree", "Not all traders
    agree", "others tweeted about their experience", "exporters concluded sales of wheat"."""
    if v + 1 < len(toks) and toks[v + 1][_LOW] in _NO_CLAIM_AFTER:
        return True
    if toks[v][_LOW] in {"concluded", "concludes", "conclude"} and \
            any(t[_LOW] in _CONCLUDED_OBJECTS for t in toks[v + 1:v + 4] if t[_LOW] != "that"):
        return True
    if np.toks and np.toks[0][_LOW] in {"not", "nor"}:
        return True  # the group phrase itself opens with the negation: "Not all traders agree"
    k = np.start - 1
    if k >= 0 and toks[k][_LOW] == "all":
        k -= 1
    if k >= 0 and toks[k][_LOW] in {"not", "nor"}:
        return True
    while k >= 0 and k > np.start - 10 and toks[k][_TEXT] not in {",", ";", ":", "(", "“", '"', "—"}:
        if toks[k][_LOW] in {"whether", "if", "unless"}:
            return True
        k -= 1
    return False


_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being"})
# an author-year citation in parentheses names the source: "(Adorno, 1950; Rokeach, 1948)", "(Smith et al. 2004)"
_CITATION_RE = recache.compile(
    r"\(\s*(?:see\s+|e\.g\.,?\s+|cf\.\s+)?"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|"
    r"Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Spring|Summer|Autumn|Fall|Winter)\b)"  # "(March, 1987)" is a date
    r"[A-Z][\w'’\-]+(?:,?\s+(?:et\s+al\.?|and|&)(?:\s+[A-Z][\w'’\-]+)?|,\s+[A-Z][\w'’\-]+){0,6}"
    r",?\s+(?:1[5-9]|20)\d\d[a-z]?\s*[;:),]"
)
# what a deal's parties conclude: "exporters concluded sales of ...", "the two sides concluded talks"
_CONCLUDED_OBJECTS = frozenset(
    {"sales", "sale", "deal", "deals", "agreement", "agreements", "accord", "accords", "contract", "contracts",
     "talks", "negotiations", "purchases", "purchase", "visit", "meeting", "meetings", "session", "tour", "business",
     "transactions", "transaction", "trades"})


def _np_source_kind(np: _NP, toks: list[_Tok], v: int | None, after_verb: bool) -> str | None:
    """Source kind of ``np`` (``v``: token index of its speech verb, None after "according to")."""
    if np.kind in {"group", "vague"} and v is not None and not after_verb and _no_claim(np, toks, v):
        return None
    if np.toks and np.toks[0][_LOW] in _COPULAS:
        return None  # "is most commonly called IDEA": an adverb after a copula, no subject
    if np.kind != "group":
        return np.kind
    if v is not None and not after_verb and _appositive_name(toks[np.end:v]):
        return "named"  # "The firm's chief executive, Alan Mulally, commented"
    if v is None and _appositive_name(_up_to_comma(toks, np.end)):
        return "named"  # "According to the resort's general manager, Kevin Loh, the chefs ..."
    head = np.toks[-1]
    if len(np.toks) >= 2 and _is_cap(head) and (v is None or not _is_cap(toks[v])):
        return "organisation"  # a group noun inside a proper name: "Consumer Reports", "the Association of ... Dealers"
    if _strip_poss(head[_LOW]) == "police" and len(np.toks) <= 2 \
            and not any(t[_LOW] in _NUMBER_WORDS or t[_LOW] in _QUANT for t in np.toks):
        return "organisation"  # "police said": the force speaks as an institution, like "the ministry said"
    verb_tok = toks[v] if v is not None else None
    postposed = False
    if v is not None and not after_verb:
        k = v - 1
        while k >= np.end and _is_aux(toks[k]):
            if toks[k][_LOW] in {"not", "never"} or toks[k][_LOW].endswith(("n't", "n’t")):
                return None  # "analysts did not say": no claim is carried
            k -= 1
        if np.start > 0 and toks[np.start - 1][_TEXT] in {",", "”", '"', "—", "–"}:
            rest = [t for t in toks[v + 1:] if _is_word(t)]
            postposed = len(rest) <= 8 and not any(t[_LOW] == "that" for t in rest)
    # look a few words past the NP for "familiar with", "who asked not to be named" (a match
    # starts with a whole word of _ANON_FIRST: the token right after the NP is that word)
    if np.end < len(toks) and ascii_fold(toks[np.end][_TEXT]) in _ANON_FIRST:
        tail = " ".join(map(_tok_text, toks[np.end:min(len(toks), np.end + 12)]))
        if _ANON_PHRASES.match(tail):
            return "anonymous"
    return _classify_group(np.toks, verb_tok, after_verb, postposed)


# the anonymous phrases that only source when they follow a person: "sources familiar with the talks"
_KNOWING = recache.compile(r"(?i)familiar|briefed|close|with\s+knowledge")
_KNOWERS = frozenset({"people", "person", "persons", "someone", "source", "sources", "those", "one", "others",
                      "official", "officials", "aide", "aides", "insider", "insiders", "individuals", "individual"})


def _knower_before(before: str) -> bool:
    """The word before an anonymous phrase names a person or a source ("officials briefed on")."""
    words = re.findall(r"[^\W\d_]+", before[-40:].lower())
    return bool(words) and (words[-1] in _KNOWERS or words[-1] in _PRO_NOUNS or words[-1] in _SINGULAR_ANON
                            or words[-1] in _INHERENTLY_VAGUE)


def _up_to_comma(toks: list[_Tok], i: int) -> list[_Tok]:
    """The tokens from ``i`` to the second comma from there (inclusive), at most eight."""
    commas = 0
    for j in range(i, min(len(toks), i + 8)):
        if toks[j][_TEXT] == ",":
            commas += 1
            if commas == 2:
                return toks[i:j + 1]
    return []


def _appositive_name(between: list[_Tok]) -> bool:
    """``between`` (the tokens from a group noun to its verb) is a name set off by commas: ", Alan Mulally,"."""
    if len(between) < 3 or between[0][_TEXT] != "," or between[-1][_TEXT] != ",":
        return False
    inner = between[1:-1]
    return len(inner) <= 5 and all(_is_cap(t) or t[_TEXT] in {".", "-"} for t in inner)


# --------------------------------------------------------------------------- sentence analysis


@dataclass(slots=True)
class _Attr:
    """One attribution found in a sentence."""

    kind: str  # named | organisation | pronoun | anonymous | vague | impersonal
    start: int
    end: int
    text: str
    verb: str
    verb_start: int


# a time phrase between a subject and its verb: "Trump on Friday said", "officials last week said"
_TIME_WORDS = frozenset(
    {"on", "last", "this", "next", "earlier", "late", "early", "monday", "tuesday", "wednesday", "thursday",
     "friday", "saturday", "sunday", "week", "month", "year", "night", "morning", "afternoon", "evening",
     "weekend", "january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
     "oct", "nov", "dec", ".", ","})
_ATTRIBUTION_WORDS = SPEECH_VERBS | {"according"} | _READS
# degree words before a participle make it an adjective: "our most feared", "the much expected"
_DEGREE = frozenset({"most", "more", "less", "least", "much", "so", "very", "too", "well", "better", "best",
                     "worst", "little", "oft", "greatly", "highly", "deeply", "long", "hotly"})
# prepositions after a group's verb: the group speaks *about* something and carries no claim
# ("others tweeted about their experience", "critics commented on the plan")
_NO_CLAIM_AFTER = frozenset({"about"})
# speech verbs that may precede their subject: ", said Stephen Hess"
_INVERTED_VERBS = _REPORTING_PAST | {"says", "adds", "writes", "asks", "explains"}


def _find_attributions(toks: list[_Tok]) -> list[_Attr]:
    out: list[_Attr] = []
    n = len(toks)
    for v in _indices_of(_ATTRIBUTION_WORDS, toks):  # a speech verb or "according"
        t = toks[v]
        low = t[_LOW]
        if low == "according" and v + 1 < n and toks[v + 1][_LOW] == "to":
            np = _right_np(toks, v + 2)
            if np is not None:
                kind = _np_source_kind(np, toks, None, True)
                if kind == "group":
                    kind = None
                if kind is not None:
                    out.append(_Attr(kind, np.toks[0][_START], np.toks[-1][_END], np.text, "according to",
                                     t[_START]))
            continue
        if low in _READS:
            if not t[_TEXT][0].islower():
                continue
            np = _left_np(toks, v)
            if np is None and v > 0 and toks[v - 1][_TEXT] in {",", "”", '"', "’", "—", "–"}:
                np = _right_np(toks, v + 1)  # “...,” reads the letter
            if np is not None and (np.kind in {"organisation", "named"} and not low.startswith("read") or _strip_poss(
                    np.toks[-1][_LOW]) in (_TEXT_NOUNS if low.startswith("read") else _DATA_NOUNS)) \
                    and np.kind in {"organisation", "named", "group"}:
                out.append(_Attr("organisation", np.toks[0][_START], np.toks[-1][_END], np.text, low, t[_START]))
                continue
        if low not in SPEECH_VERBS or t[_TEXT][0].isupper():  # not _is_verb(t)
            continue
        if t[_LOW] in {"put"} and not (v + 1 < n and toks[v + 1][_LOW] == "it"):
            continue
        if v > 0 and toks[v - 1][_LOW] == "to" and t[_LOW] in _PRESENT:
            continue  # "disposed participants to believe": an infinitive carries no claim
        if t[_LOW] in {"called", "asked"} and v + 1 < n and toks[v + 1][_LOW] in {"for", "on", "off", "in", "up", "back"}:
            continue  # "called for", "asked for": a request, not a claim
        if v > 0 and toks[v - 1][_LOW] in _DEGREE and t[_LOW].endswith(("ed", "ught", "wn")):
            continue  # "our most feared illnesses", "a well known fact": an adjective, not a verb
        if t[_LOW] in {"expected", "estimated", "considered", "thought", "alleged", "reported",
                     "described", "called", "believed", "said", "told", "asked"} and v > 0 and toks[v - 1][_LOW] in {
            "is", "are", "was", "were", "be", "been", "being", "an", "the", "a"
        }:
            continue
        np = _left_np(toks, v)
        if np is not None:
            kind = _np_source_kind(np, toks, v, False)
            if kind is not None and kind != "group":
                out.append(_Attr(kind, np.toks[0][_START], np.toks[-1][_END], np.text, t[_LOW], t[_START]))
                continue
        # inverted: ", said Stephen Hess" / "” said one Republican strategist"
        if v > 0 and toks[v - 1][_TEXT] in {",", "”", '"', "’", "—", "–"} and t[_LOW] in _INVERTED_VERBS:
            np = _right_np(toks, v + 1)
            if np is not None:
                kind = _np_source_kind(np, toks, v, True)
                if kind is not None and kind != "group":
                    out.append(_Attr(kind, np.toks[0][_START], np.toks[-1][_END], np.text, t[_LOW], t[_START]))
    return out


_VAGUE_QUANTIFIERS = frozenset({"some", "many", "most", "several", "various", "numerous", "others", "certain",
                                "countless", "multiple"})
_CERTAIN_HEADS = _PRO_NOUNS | _VAGUE_NOUNS
_ADJECTIVAL_STANCE = _STANCE - _BELIEF - SPEECH_VERBS  # "Most proposed changes"


def _vague_subjects(toks: list[_Tok]) -> list[tuple[int, int]]:
    """Token spans of vague-quantifier subjects followed (within 8 words) by a belief/speech verb.

    "Some officials from both the U.S. and Israel believe", "Many assumed that", "Most experts agree".
    """
    spans: list[tuple[int, int]] = []
    n = len(toks)
    for i in _indices_of(_VAGUE_QUANTIFIERS, toks):
        t = toks[i]
        prev = toks[i - 1] if i > 0 else None
        if prev is not None and not (prev[_TEXT] in {",", ";", ":", "—", "–", "(", "“", '"'}
                                     or prev[_LOW] in _BOUNDARY_WORDS):
            continue
        if t[_LOW] == "certain" and (i + 1 >= n or toks[i + 1][_LOW] not in _CERTAIN_HEADS):
            continue
        j = i + 1
        if j < n and toks[j][_LOW] == "of":  # "some of the analysts"
            j += 1
        found = None
        while j < n and j <= i + 9:
            u = toks[j]
            if u[_TEXT] in {",", ";", ":", "(", ")", "“", "”", '"', "—"} or u[_LOW] in {
                "that", "who", "which", "whom", "whose", "if", "when", "because", "to"
            }:
                break
            if (u[_LOW] in _BELIEF or u[_LOW] in SPEECH_VERBS or u[_LOW] in _STANCE) and not u[_TEXT][0].isupper():
                found = j
                break
            if not _is_word(u) and u[_TEXT] != "." and not u[_TEXT][0].isdigit():
                break
            j += 1
        if found is None:
            continue
        if found == i + 1 and toks[found][_LOW].endswith("s") and toks[found][_LOW] not in {"says"}:
            continue  # "Some questions remain", "many claims": a plural noun, not a verb
        if prev is not None and prev[_LOW] in {"not", "nor"}:
            continue  # "not many believe": no claim is carried
        if found + 1 < n and toks[found][_LOW] not in {"say", "says"} and toks[found + 1][_LOW] in _NO_CLAIM_AFTER:
            continue  # "others tweeted about their experience"
        words = toks[i:found]
        # the head of the subject must be a person/group noun (or the quantifier itself)
        lows = [_strip_poss(w[_LOW]) for w in words]
        headish = [w for w in lows if _peopleish(w) or w in _QUANT]
        if len(words) > 1 and not any(_peopleish(w) for w in lows[1:]):
            continue
        if not headish:
            continue
        # an auxiliary-only run ("many would say") is fine; a passive ("many were said") is not
        if found > 0 and toks[found - 1][_LOW] in {"is", "are", "was", "were", "be", "been"}:
            continue
        if any(w in {"not", "never", "n't"} or w.endswith("n't") for w in lows):
            continue  # "members did not agree": no claim is carried
        # "LaTronica and others said": a named source leads the group
        if i >= 2 and toks[i - 1][_LOW] == "and" and _is_cap(toks[i - 2]) and toks[i - 2][_LOW] not in _COMMON_CAPS:
            continue
        nouns = [w for w in lows if w not in _AUX]
        head = nouns[-1] if nouns else lows[0]
        verb = toks[found][_LOW]
        if found + 1 < n and verb in {"ask", "asks", "asked", "call", "calls", "called"} and toks[found + 1][_LOW] in {
            "for", "on", "off", "up", "back", "in", "to"
        }:
            continue  # "others asked for the exclusions": a request, not a claim
        if len(nouns) > 1 and head not in _INHERENTLY_VAGUE and verb in _REPORTING and (
            head in _PRO_NOUNS or verb not in _STANCE
        ):
            continue  # "several economists said", "Several police agencies told": newswire sourcing
        if len(words) == 1 and verb.endswith("ed") and verb in _ADJECTIVAL_STANCE:
            continue  # "Most proposed changes", "some disputed areas": an adjective
        if len(nouns) > 1 and head not in _INHERENTLY_VAGUE and verb in {"find", "finds", "found"} and (
            not _peopleish(head) or head in _PRO_NOUNS
        ):
            continue
        spans.append((i, found + 1))
    return spans


_CUE_ORDER = attrgetter("start", "end")

# the legal process carries an allegation: "charged ... for allegedly covering up", "the suspect allegedly"
_LEGAL_RE = recache.compile(
    r"\b(?:charge[sd]?|charging|accus(?:ed|es|ing|ation|ations)|indict(?:ed|ment|ments)?|arrest(?:ed|s)?|"
    r"convict(?:ed|ion)?|sued|suing|lawsuits?|suits?|prosecut(?:ors?|ion|ed|ing)|trial|court|courts|jury|"
    r"judge|guilty|plead(?:ed|s)?|pled|suspects?|suspected|police|investigat(?:ors?|ion|ing|ed)|probe|"
    r"complaint|counts?|crimes?|criminal|felony|misdemeanou?r|allegations?|charging\s+documents?|"
    r"warrant|detained|custody|verdict|case)\b",
    re.IGNORECASE,
)

# a named source in an "as" clause: "as stated on the Apple website", "as reported by Reuters"
_AS_VERBS = frozenset({"stated", "reported", "announced", "noted", "published", "posted", "written", "explained",
                       "claimed", "shown", "described", "quoted", "listed", "detailed", "outlined", "said",
                       "confirmed", "disclosed", "revealed", "indicated", "estimated"})
_AS_SOURCE_RE = recache.compile(
    r"\b[Aa]s\s+(?:(?:was|is|were|are|has\s+been|had\s+been)\s+)?(?:" + "|".join(sorted(_AS_VERBS)) + r")\s+"
    r"(?:on|in|by|at)\s+(?P<src>(?:(?:the|its|their|his|her)\s+)?(?:(?:[A-Z][\w&.'’-]*|[a-z]+['’]s)\s+){0,5}"
    r"(?:[A-Z][\w&.'’-]*|website|site|page|statement|report|filing|release|announcement|blog|account|feed|"
    r"letter|document|study|survey|paper|journal|newspaper|magazine|broadcast|interview|ruling|order|"
    r"complaint|lawsuit|indictment|records?|data|figures|register|prospectus|label|packaging)\b)"
)


def _cue(toks: list[_Tok], a: int, b: int, kind: str) -> Cue:
    return Cue(toks[a][_START], toks[b - 1][_END], " ".join(map(_tok_text, toks[a:b])), kind)


# A sentence needs the token-level parse only when it holds one of these words: attributions
# need a speech verb, a verb of _READS or "according"; vague subjects need a quantifier. They are
# looked for among the words of the gates' folding: a word token of ``_TOKEN_RE`` lower-casing to
# one of them has non-letters on both sides, so it is such a word. (A trigger inside a longer
# token, "most" in "most-favoured", is such a word too: the sentence is parsed for nothing, as the
# parse only acts on tokens that are trigger words.)
_TRIGGER_WORDS = frozenset(SPEECH_VERBS) | _READS | {"according", "some", "many", "most", "several", "various",
                                             "numerous", "others", "certain", "countless", "multiple"}
_TRIGGER_BYTES = _as_bytes(_TRIGGER_WORDS)
_ATTRIBUTION_BYTES = _as_bytes(_ATTRIBUTION_WORDS)
_VAGUE_QUANTIFIER_BYTES = _as_bytes(_VAGUE_QUANTIFIERS)
# A vague subject also needs its verb, a token of these words (_vague_subjects' ``found``): a
# sentence whose only triggers are quantifiers and that holds none of them has nothing to parse
# (one in fifty parsed newswire sentences: "some 50 mln dlrs", "most of the shares").
_VAGUE_VERB_BYTES = _as_bytes(_BELIEF | SPEECH_VERBS | _STANCE)
_AS_VERB_BYTES = _as_bytes(_AS_VERBS)
# Every word that sentence_cues looks a sentence's gate words up for: the trigger words (the vague
# quantifiers among them) and the verbs of a vague subject, "as" and its verbs, and the words of
# the gates' word atoms. Of a sentence's twenty-odd gate words it keeps only these, three or so: a
# look-up of any word of this set (a membership, a disjointness, an intersection) answers the
# same on the few as on them all, and a set of three is quicker to look through than a list of
# twenty.
_LOOKED_UP_BYTES = _TRIGGER_BYTES | _VAGUE_VERB_BYTES | _AS_VERB_BYTES | {b"as"} | _as_bytes(
    word for gate in _GATES.values() for conj in gate for atom in conj if type(atom) is frozenset for word in atom)


def sentence_cues(text: str, start: int = 0,
                  analysed: tuple[list[_Tok], list[_Attr]] | None = None,
                  ) -> tuple[list[tuple[int, int, str]], list[Cue], list[_Attr]]:
    """Named sources, cues and raw attributions of one sentence (offsets absolute from start).

    ``analysed`` passes the sentence's tokens and attributions when they were computed already.
    """
    folded = ascii_fold(text)
    words = _LOOKED_UP_BYTES.intersection(_gate_words(folded))  # the gate words looked up below
    if analysed is not None:
        toks, attrs = analysed
    elif _ATTRIBUTION_BYTES.isdisjoint(words) and (_VAGUE_QUANTIFIER_BYTES.isdisjoint(words)
                                                   or _VAGUE_VERB_BYTES.isdisjoint(words)):
        # no speech verb, "according" or verb of _READS, and no quantifier with a verb to follow
        # it: nothing to parse
        toks, attrs = [], []
    else:
        toks = _tokens(text, start)
        attrs = _find_attributions(toks)
    named: list[tuple[int, int, str]] = []
    cues: list[Cue] = []
    if "(" in text:
        for m in _CITATION_RE.finditer(text):  # "(Adorno, 1950)": a cited work is a named source
            named.append((start + m.start(), start + m.end(), m.group().strip("(;:), ")))
    if b"as" in words and not _AS_VERB_BYTES.isdisjoint(words):
        for m in _AS_SOURCE_RE.finditer(text):  # "as stated on the Apple website"
            named.append((start + m.start("src"), start + m.end("src"), m.group("src")))
    for a in attrs:
        if a.kind in {"named", "organisation", "pronoun"}:
            named.append((a.start, a.end, a.text))
        elif a.kind in {"anonymous", "vague", "impersonal"}:
            cues.append(Cue(a.start, a.end, a.text if a.verb == "according to" else f"{a.text} {a.verb}",
                            a.kind))
            if a.verb != "according to":
                cues[-1].end = a.verb_start + len(a.verb)
    # a vague subject starts at a quantifier token, a word of the sentence (see _TRIGGER_WORDS)
    for i, j in _vague_subjects(toks) if toks and not _VAGUE_QUANTIFIER_BYTES.isdisjoint(words) else ():
        c = _cue(toks, i, j, "vague")
        if not any(x.start <= c.start < x.end or c.start <= x.start < c.end for x in cues):
            cues.append(c)
    passing = _passing(folded, words)
    if not passing:  # no pattern can match: the common case
        if len(cues) > 1:
            cues.sort(key=_CUE_ORDER)
        return named, cues, attrs
    for rx, kind in ((_IMPERSONAL_RE, "impersonal"), (_REPORTS_RE, "impersonal"), (_HEDGE_RE, "hedge"),
                     (_WIDELY_RE, "vague")):
        for m in _scan(rx, text, passing):
            if rx is _IMPERSONAL_RE:
                v = m.group("v")
                tail = m.group("tail") or ""
                strong = v not in {"known", "expected", "considered", "estimated", "noted", "feared",
                                   "hoped", "held", "accepted", "acknowledged", "recognized",
                                   "recognised", "maintained", "proposed"}
                if not tail and not strong:
                    continue
                if tail and not strong and "that" not in tail and "by" not in tail:
                    continue
                if not tail and not m.group().startswith("It"):
                    continue
                s, e = m.start(), m.end("v")
            else:
                s, e = m.start(), m.end()
                if rx is _HEDGE_RE and "alleg" in m.group().lower() and _LEGAL_RE.search(text):
                    continue  # "charged with allegedly covering up": the charge carries the allegation
                if rx is _WIDELY_RE and re.match(
                    r"\s+by\s+(?!some\b|many\b|most\b|several\b|critics\b|others\b|experts\b)", text[e:]
                ):
                    continue  # "often cited by the government": the agent is named
            if any(x.start <= start + s < x.end or start + s <= x.start < start + e for x in cues):
                continue
            cues.append(Cue(start + s, start + e, text[s:e], kind))
    def add(s: int, e: int, kind: str) -> None:
        if not any(x.start <= start + s < x.end or start + s <= x.start < start + e for x in cues):
            cues.append(Cue(start + s, start + e, text[s:e], kind))

    for m in _scan(_BY_SOME_RE, text, passing):
        rest = m.group("rest").split()
        if m.group("q") in {"other", "certain", "various", "numerous"} and not rest:
            continue
        if rest and rest[0] not in {"of", "that", "as", "to", "and", "or", "in", "at", "for", "who"} and not any(
            _peopleish(w) for w in rest
        ):
            continue  # "joined by several scandals": not a group of people
        add(m.start(), m.end("q") if not rest or not any(_peopleish(w) for w in rest) else m.end(), "vague")
    for m in _scan(_ACCORDING_SOME_RE, text, passing):
        add(m.start(), m.end(), "vague")
    for m in _scan(_CONSIDERED_RE, text, passing):
        if re.search(r"\bby\b", text[m.end():]):
            continue  # "was considered ... by analysts": the agent is given
        # An agentless evaluation ("Dominguez is considered an expert") is routine on the wire;
        # it is reported as speculation (info), not as an unsourced claim.
        add(m.start(), m.end(), "speculation")
    for m in _scan(_BY_CRITICS_RE, text, passing):
        add(m.start(), m.end(), "vague")
    for m in _scan(_DESCRIBED_RE, text, passing):
        if re.search(r"\bby\b", text[m.end():]):
            continue  # "was described as sound by analysts": the agent is given
        add(m.start(), m.end(), "vague")
    for m in _scan(_REDUCED_HEDGE_RE, text, passing):
        if m.group("w") and m.group("w") in _DESCRIBED_PREV:
            continue
        add(m.start("c"), m.end("c"), "hedge")
    for m in _scan(_WISDOM_RE, text, passing):
        add(m.start(), m.end(), "impersonal")
    for m in _scan(_THERE_ARE_RE, text, passing):
        if _peopleish(m.group("n")) or m.group("n") in {"some", "many", "those", "others"}:
            add(m.start(), m.end(), "vague")
    for m in _scan(_SPECULATION_RE, text, passing):
        add(m.start(), m.end(), "speculation")
    # anonymous phrases without a speech verb: "two other sources familiar with the conversation"
    for m in _scan(_ANON_PHRASES, text, passing):
        if any(x.kind == "anonymous" and x.start <= start + m.start() <= x.end + 40 for x in cues):
            continue
        if _KNOWING.match(m.group()) and not _knower_before(text[:m.start()]):
            continue  # "the public has long been familiar with shows": knowing, not sourcing
        cues.append(Cue(start + m.start(), start + m.end(), m.group(), "anonymous"))
    cues.sort(key=_CUE_ORDER)
    return named, cues, attrs


# --------------------------------------------------------------------------- quotes


def _sentence_at(sentences: Sequence[SentenceLike], off: int) -> int | None:
    """The last sentence starting at or before ``off`` (sentences are in text order), or None."""
    best = bisect_right(sentences, off, key=_start) - 1
    return best if best >= 0 else None


def _start(s: SentenceLike) -> int:
    return s.start


def _end(s: SentenceLike) -> int:
    return s.start + len(s.text)


def _paragraph(s: SentenceLike) -> int:
    return s.paragraph


def _speaker_from_attrs(attrs: list[_Attr], lo: int, hi: int, pick_last: bool) -> _Attr | None:
    cands = [a for a in attrs if lo <= a.verb_start < hi and a.kind in
             {"named", "organisation", "pronoun", "anonymous", "vague"}]
    if not cands:
        return None
    return cands[-1] if pick_last else cands[0]


_INTRO_TAIL_RE = recache.compile(r"(?:[:,]|\bthat|\bas|\bthus|\bof|\bit|\bthem|\bhim|\bher|\bthis|\bthese|\bone\s+of"
                                 r"|\bas\s+an?|\ba|\ban|\bthe)\s*$")


def speaker_inputs(q: QuoteLike, sentences: Sequence[SentenceLike]) -> tuple[int, tuple[Any, ...]] | None:
    """Everything ``_quote_speaker`` reads of the quote and the sentences, as ``(base, key)``:
    the offsets in ``key`` relative to ``base`` (the start of the quote's first sentence), so
    that two quotes with the same key have the same speaker, shifted by the difference of their
    bases (the language server's memo, ``linter.memo``). None for a quote no sentence holds."""
    si = _sentence_at(sentences, q.start)
    ei = _sentence_at(sentences, max(q.end - 1, q.start))
    if si is None or ei is None:
        return None
    base = sentences[si].start
    # the sentences from the first to the last of the quote, and the next one with whether it
    # is in the quote's last paragraph (whose tokens are read when nothing follows the quote)
    last = min(ei + 2, len(sentences))
    ahead = ei + 1 < len(sentences) and sentences[ei + 1].paragraph == max(getattr(q, "paragraphs", ()) or
                                                                            (q.paragraph,))
    return base, (q.start - base, q.end - base, q.inner_start - base, q.inner_end - base, ei - si, ahead,
                  *[(s.start - base, s.text) for s in sentences[si:last]])


def _quote_speaker(q: QuoteLike, sentences: Sequence[SentenceLike],
                   cache: dict[int, tuple[list[_Tok], list[_Attr]]]) -> tuple[_Attr | None, bool]:
    """(attribution, speech_verb_near) for one quote. What it reads is ``speaker_inputs``: keep
    the two in step."""
    si = _sentence_at(sentences, q.start)
    ei = _sentence_at(sentences, max(q.end - 1, q.start))
    if si is None or ei is None:
        return None, False

    def analysed(k: int) -> tuple[list[_Tok], list[_Attr]]:
        if k not in cache:
            s = sentences[k]
            toks = _tokens(s.text, s.start)
            cache[k] = (toks, _find_attributions(toks))
        return cache[k]

    # 1. right after the quote: “...,” Trump said / said Stephen Hess / according to X
    etoks, eattrs = analysed(ei)
    after = etoks[bisect_left(etoks, q.end, key=_tok_start):]  # the tokens are in text order
    if after:
        first_verb_idx = next((k for k, t in enumerate(after[:12]) if _is_verb(t) or t[_LOW] in _READS or
                               (t[_LOW] == "according" and k + 1 < len(after) and after[k + 1][_LOW] == "to")),
                              None)
        if first_verb_idx is not None and first_verb_idx <= 9:
            a = _speaker_from_attrs(eattrs, after[0][_START], after[first_verb_idx][_END], False)
            if a is not None:
                return a, True
        inner_end = q.inner_end - sentences[ei].start
        handover = 0 < inner_end <= len(sentences[ei].text) and sentences[ei].text[inner_end - 1] in ",?!"
        a = _loose_speaker_after(after, handover)
        if a is not None:
            return a, True
    elif ei + 1 < len(sentences) and sentences[ei + 1].paragraph == max(getattr(q, "paragraphs", ()) or
                                                                         (q.paragraph,)):
        # “We will win.” Trump said.  (the splitter cut after the closing mark)
        ntoks, nattrs = analysed(ei + 1)
        if 0 < len(ntoks) <= 10 and nattrs and nattrs[0].verb_start <= ntoks[min(5, len(ntoks) - 1)][_START]:
            if nattrs[0].kind in {"named", "organisation", "pronoun", "anonymous", "vague"}:
                return nattrs[0], True
        # “... provocative actions of Turkey ...” Cyprus' permanent representative said in a letter.
        if ntoks and ntoks[0][_TEXT] not in _QUOTE_MARKS:
            a = _loose_speaker_after(ntoks[:16], True)
            if a is not None:
                return a, True
    # 2. before the quote, in its sentence: Trump wrote: “...” / Vance said this week that “...”
    stoks, sattrs = analysed(si)
    before = stoks[:bisect_right(stoks, q.start, key=_tok_end)]
    near = False
    if before:
        cands = [a for a in sattrs if a.verb_start < q.start and
                 a.kind in {"named", "organisation", "pronoun", "anonymous", "vague"}]
        if cands:
            a = cands[-1]
            gap = sum(1 for t in before if t[_START] > a.verb_start)
            # a quote inside the complement of a speech verb is the speaker's (reported speech)
            if gap <= 8 or q.inner_end - q.inner_start > 30 or _INTRO_TAIL_RE.search(
                    " ".join(map(_tok_text, before))):
                return a, True
        near = any(_is_verb(t) or t[_LOW] in {"warning", "saying", "calling", "describing", "dubbed",
                                            "labelled", "labeled", "termed", "branded", "promising",
                                            "vowing", "urging", "adding", "arguing", "insisting",
                                            "claiming", "writing", "stating", "asking", "telling"}
                   for t in before[-8:])
        a = _loose_speaker_before(before)
        if a is not None:
            return a, True
    # 3. a sentence-final attribution clause: "... “harsh” reaction, Pezeshkian said."
    if si == ei:
        fin = [a for a in eattrs if a.verb_start > q.end and
               a.kind in {"named", "organisation", "pronoun", "anonymous", "vague"}]
        if fin:
            toks_after_verb = [t for t in etoks if t[_START] > fin[-1].verb_start]
            words_after = [t for t in toks_after_verb if _is_word(t)]
            if len(words_after) <= 8 and fin[-1].start > q.end:
                prev = [t for t in etoks if t[_END] <= fin[-1].start]
                if prev and prev[-1][_TEXT] in {",", "—", "–"}:
                    return fin[-1], True
    return None, near


_QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’"})
_LOOSE_VERBS = _REPORTING | {"says", "adds", "writes", "asks"}
_ANON_HEADS = _SINGULAR_ANON | _PRO_NOUNS
_LOOSE_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
# verbs that attribute a quote handed over by a comma, beside _STATEMENT_VERBS
_LOOSE_EXTRA = frozenset({"notes", "note", "states", "state", "reads", "read", "say", "says", "insist", "argue",
                          "ruled", "rules", "held", "holds", "found", "finds", "decided", "ordered", "wrote",
                          "explain", "add", "continue", "conclude", "recall", "write", "reported",
                          "reports", "observed", "mused", "offered", "ventured", "predicted", "estimated", "speculated",
                          "complained", "confided", "conceded", "joked", "laughed", "smiled", "noted"})


def _loose_np(words: list[_Tok], verb: str, verb_start: int) -> _Attr | None:
    """Speaker of a quote from an NP next to a speech verb, when the strict rules found none."""
    words = [t for t in words if _is_word(t) or t[_TEXT] in {"-", "."}]
    while words and words[0][_LOW] in {"and", "but", "then", "also", "so"}:
        words = words[1:]
    if not words or len(words) > 14:
        return None
    if words[0][_LOW] in _LOOSE_PRONOUNS:
        return _Attr("pronoun", words[0][_START], words[0][_END], words[0][_TEXT], verb, verb_start)
    # the first capitalised name run ("Rep Edward Markey (D-Mass)", "Chris Johns, currency analyst")
    run: list[_Tok] = []
    for t in words:
        if _is_cap(t) and t[_LOW] not in _COMMON_CAPS:
            run.append(t)
        elif run and t[_LOW] in _NAME_JOINERS:
            run.append(t)
        elif run:
            break
    while run and run[-1][_LOW] in _NAME_JOINERS:
        run.pop()
    head = _strip_poss(words[-1][_LOW])
    if run and (len(run) >= 2 or run[0] is words[0]) and head not in _ANON_HEADS:
        return _Attr("named", run[0][_START], run[-1][_END], " ".join(map(_tok_text, run)), verb, verb_start)
    text = " ".join(map(_tok_text, words))
    kind = "organisation" if words[0][_LOW] in {"the", "its", "their"} and head not in _ANON_HEADS \
        else "anonymous"
    return _Attr(kind, words[0][_START], words[-1][_END], text, verb, verb_start)


def _loose_speaker_after(after: list[_Tok], handover: bool = False) -> _Attr | None:
    """“...,” the union body said / ,” said one arbitrager / ,” Jim Miller, president of NAWG said.

    ``handover``: the quote ends in a comma (or ? !) inside its marks, so the words after it
    attribute it; any verb of saying in the wide sense then counts (“...,” Dub detailed.)."""

    def loose(t: _Tok) -> bool:
        return (_is_verb(t) and t[_LOW] in _LOOSE_VERBS) or (
            handover and t[_TEXT][0].islower() and (t[_LOW] in _STATEMENT_VERBS or t[_LOW] in _LOOSE_EXTRA))

    toks = after
    while toks and toks[0][_TEXT] in {",", "."}:
        toks = toks[1:]
    if not toks:
        return None
    if loose(toks[0]):
        np: list[_Tok] = []
        for t in toks[1:]:
            if t[_TEXT] in {",", ".", ";", ":"} or t[_TEXT] in _QUOTE_MARKS:
                break
            np.append(t)
        return _loose_np(np, toks[0][_LOW], toks[0][_START])
    for k, t in enumerate(toks[:25]):
        if t[_TEXT] in _QUOTE_MARKS or t[_TEXT] in {";", ":"}:
            return None
        if loose(t):
            rest = [u for u in toks[k + 1:] if _is_word(u)]
            if len(rest) > 12:
                return None
            head: list[_Tok] = []
            for u in toks[:k]:
                if u[_TEXT] == ",":
                    break
                head.append(u)
            return _loose_np(head, t[_LOW], t[_START])
    return None


def _loose_speaker_before(before: list[_Tok]) -> _Attr | None:
    """..., but said, “...” / Robert Crandall, a trade specialist at Brookings, said “...”."""
    toks = before
    while toks and toks[-1][_TEXT] in {",", ":"}:
        toks = toks[:-1]
    if not toks or not _is_verb(toks[-1]) or toks[-1][_LOW] not in _LOOSE_VERBS:
        return None
    verb = toks[-1]
    # the clause subject: from the last clause boundary, first NP up to a comma or the verb
    start = 0
    for k in range(len(toks) - 1):
        if toks[k][_TEXT] in {";"} or toks[k][_TEXT] in _QUOTE_MARKS:
            start = k + 1
    head: list[_Tok] = []
    for u in toks[start:-1]:
        if u[_TEXT] == "," and head:
            break
        if u[_TEXT] == ",":
            continue
        head.append(u)
    return _loose_np(head[:14], verb[_LOW], verb[_START])


def attribute(sentences: Sequence[SentenceLike], quotes: Sequence[QuoteLike],
              cues_of: Callable[..., tuple[list[tuple[int, int, str]], list[Cue]]] | None = None,
              speaker_of: Callable[..., tuple[_Attr | None, bool]] | None = None,
              words_of: Callable[[str], list[str]] | None = None,
              ) -> tuple[list[SentenceSource], list[QuoteSource]]:
    """Attribute every sentence and every quote of a document (see the module docstring).

    ``cues_of(text, start, analysed)`` gives a sentence's named sources and cues as
    ``sentence_cues`` does, ``speaker_of(q, sentences, cache)`` the speaker of a top-level
    quote as ``_quote_speaker`` does, ``words_of(text)`` the words of a quote's inner text as
    ``quote_words`` does (the language server's memo, ``linter.memo``); None calls them."""
    cache: dict[int, tuple[list[_Tok], list[_Attr]]] = {}
    qsources: list[QuoteSource] = []
    qwords: list[list[str]] = []  # the words of each quote
    find_speaker = _quote_speaker if speaker_of is None else speaker_of
    words_in = quote_words if words_of is None else words_of
    for qi, q in enumerate(quotes):
        a, near = find_speaker(q, sentences, cache) if q.depth == 0 else (None, False)
        qs = QuoteSource(qi, None, None, None, None, None, depth=q.depth)
        qwords.append(words_in(_inner_text(sentences, q)))
        qs.words = len(qwords[-1])
        if a is not None:
            qs.speaker, qs.speaker_start, qs.speaker_end, qs.verb = a.text, a.start, a.end, a.verb
            qs.speaker_kind = "anonymous" if a.kind == "vague" else a.kind
        qsources.append(qs)
        del near

    # sentence sources, and their named sources as events of the pronoun resolution below
    ssources: list[SentenceSource] = []
    events: list[tuple[int, int, str, object]] = []  # (offset, paragraph, kind, target)
    for si, s in enumerate(sentences):
        if cues_of is None:
            named, cues, _ = sentence_cues(s.text, s.start, cache.get(si))
        else:
            named, cues = cues_of(s.text, s.start, cache.get(si))
        ss = SentenceSource(si, named, cues)
        ssources.append(ss)
        if named:
            para = s.paragraph
            for k, (a0, _a1, _txt) in enumerate(named):
                events.append((a0, para, "s", (ss, k)))

    # pronoun resolution, in document order, over sentence named sources and quote speakers
    for qs in qsources:
        if qs.speaker_start is not None:
            events.append((qs.speaker_start, quotes[qs.index].paragraph, "q", qs))
    events.sort(key=lambda e: e[0])
    last_named: dict[int, str] = {}
    for off, para, what, target in events:
        if what == "s":
            ss, k = target  # type: ignore[misc]
            a0, a1, txt = ss.named[k]
            if txt.lower() in _PRONOUNS:
                res = last_named.get(para) or last_named.get(para - 1)
                if res:
                    ss.named[k] = (a0, a1, res)
            elif txt.split()[0][0].isupper() and txt.lower() not in _SUBJECT_PRONOUNS:
                last_named[para] = txt
        else:
            qs = target  # type: ignore[assignment]
            assert isinstance(qs, QuoteSource)
            if qs.speaker_kind == "pronoun" and qs.speaker is not None and qs.speaker.lower() in _PRONOUNS:
                res = last_named.get(para) or last_named.get(para - 1)
                if res:
                    qs.speaker = res
            elif qs.speaker_kind in {"named", "organisation"} and qs.speaker:
                last_named[para] = qs.speaker
        del off

    for qs in qsources:
        if qs.speaker is not None:
            qs.via = "sentence"

    # continued quotes and scare quotes
    ctx = _Context(sentences, ssources, qsources, quotes, cache)
    for qs in qsources:
        q = quotes[qs.index]
        if qs.speaker is None and q.depth == 0:
            prev = _previous_top(qsources, quotes, qs.index)
            if prev is not None and prev.speaker is not None and _opens_sentence(sentences, q) and (
                quotes[prev.index].paragraph in {q.paragraph, q.paragraph - 1}
            ):
                qs.speaker, qs.speaker_kind, qs.verb = prev.speaker, prev.speaker_kind, prev.verb
                qs.speaker_start, qs.speaker_end = prev.speaker_start, prev.speaker_end
                qs.continued, qs.via = True, "continued"
                qs.gap = q.paragraph - quotes[prev.index].paragraph
            elif _opens_sentence(sentences, q):
                # a free-standing quote continues the last named source of this or the previous
                # paragraph: the sentences before the quote, walked back from it while they are in
                # one of those paragraphs (sentences are in text order, so are their paragraphs;
                # a walk from the document's start made a long document quadratic)
                last = None
                k = bisect_left(sentences, q.start, key=_start) - 1
                while last is None and k >= 0 and sentences[k].paragraph >= q.paragraph - 1:
                    if sentences[k].paragraph <= q.paragraph:
                        for a0, a1, txt in ssources[k].named:
                            if txt.lower() not in _SUBJECT_PRONOUNS:
                                last = (a0, a1, txt)
                    k -= 1
                if last is not None:
                    qs.speaker, qs.speaker_start, qs.speaker_end = last[2], last[0], last[1]
                    qs.speaker_kind, qs.verb, qs.continued = "named", None, True
                    qs.via = "continued"
                    qs.gap = q.paragraph - sentences[_sentence_at(sentences, last[0]) or 0].paragraph
        if qs.speaker is None and q.depth == 0:
            qs.mention = _is_mention(sentences, q)
            if not qs.mention:
                found = _lead_in_speaker(ctx, q) or _dash_speaker(ctx, q) or _nearby_speaker(ctx, q)
                if found is not None:
                    a, via, gap = found
                    qs.speaker, qs.speaker_start, qs.speaker_end, qs.verb = a.text, a.start, a.end, a.verb
                    qs.speaker_kind = "anonymous" if a.kind == "vague" else a.kind
                    qs.via, qs.gap = via, gap
        if qs.speaker is None:
            words = qwords[qs.index]
            titled = bool(words) and all(w[0].isupper() or w.lower() in _TITLE_WORDS for w in words)
            heading = _is_heading_quote(sentences, q) and len(words) <= 10
            qs.scare = len(words) <= 4 or titled or heading or qs.mention

    # quotes with a known speaker cover their sentences and cues
    spans = [(quotes[qs.index].inner_start, quotes[qs.index].inner_end)
             for qs in qsources if qs.speaker is not None]
    # A span covers something of a sentence only if a <= s.start + max(len(s.text), 1) and
    # b >= s.start - 2 (the cues lie inside the sentence); a sentence clear of every span keeps
    # the defaults (not covered).
    lo_a = min((a for a, _b in spans), default=0)
    hi_b = max((b for _a, b in spans), default=0)
    # "some span with a <= x has b > y" for many x: the spans sorted by a, with the running
    # maximum of b (one bisect per question, not a pass over every span)
    spans.sort()
    span_starts = [a for a, _b in spans]
    reach: list[int] = []
    for _a, b in spans:
        reach.append(max(b, reach[-1]) if reach else b)

    def farthest(x: int) -> int:
        """The largest end of a span starting at or before ``x`` (-1: none)."""
        i = bisect_right(span_starts, x)
        return reach[i - 1] if i else -1

    for ss in ssources if spans else ():  # no such quote: nothing is covered (the defaults)
        s = sentences[ss.index]
        text = s.text
        s0 = s.start
        if s0 + len(text) + 1 < lo_a or s0 - 2 > hi_b:
            continue
        end = s0 + len(text.rstrip())
        mid = s0 + (end - s0) // 2
        ss.in_attributed_quote = farthest(s0 + 1) > mid or farthest(s0 + len(text) - len(text.lstrip())) >= end - 2
        for c in ss.cues:
            c.in_quote = farthest(c.start) >= c.end
    return ssources, qsources


# --------------------------------------------------------------------------- speakers around a quote

#: How far (in paragraphs) a stand-alone quote looks for its speaker: back, and forward. Measured
#: on the corpora with ``bench/quote_gap.py`` (docs/sourcing.md): newswire names the speaker of a
#: stand-alone quote paragraph in the paragraph before it, two before it (a quote running over
#: paragraphs), or right after it ("..., Schoufour said." opening the next paragraph).
SPEAKER_GAP_BACK = 2
SPEAKER_GAP_AHEAD = 1
#: The ways a speaker is found, for ``QuoteSource.via``.
SPEAKER_VIA = ("sentence", "continued", "lead-in", "dash", "before", "after")

# verbs of saying in a wider sense, accepted only for the speaker of a quote next to them: "Christie
# delivered his opening arguments", "DeSantis hit out at", "Schoufour accused the union"
_STATEMENT_VERBS = frozenset(
    {"accused", "accuses", "attacked", "attacks", "blasted", "blasts", "slammed", "slams", "ripped", "rips",
     "criticized", "criticised", "criticizes", "criticises", "mocked", "mocks", "praised", "praises",
     "defended", "defends", "joked", "jokes", "quipped", "quips", "lamented", "laments", "boasted", "boasts",
     "bragged", "brags", "scoffed", "fumed", "thundered", "mused", "muses", "pleaded", "pleads", "demanded",
     "demands", "countered", "counters", "retorted", "snapped", "shouted", "yelled", "whispered", "sighed",
     "exclaimed", "opined", "delivered", "delivers", "addressed", "addresses", "hit", "hits", "lashed",
     "lashes", "took", "takes", "spoke", "speaks", "recounted", "recounts", "reflected", "reflects",
     "explained", "elaborated", "detailed", "details", "wrote", "writes", "posted", "posts", "tweeted",
     "tweets", "testified", "testifies", "urged", "urges", "proposed", "proposes", "questioned", "questions",
     "thanked", "thanks", "welcomed", "welcomes",
     "condemned", "condemns", "denounced", "denounces", "warned", "warns", "argued", "argues", "insisted",
     "insists", "vowed", "vows", "pledged", "pledges", "promised", "promises", "declared", "declares",
     "proclaimed", "proclaims", "announced", "announces", "responded", "responds", "replied", "replies",
     "reacted", "reacts", "shared", "shares", "recalled", "recalls", "remembered", "remembers", "described",
     "describes", "called", "calls", "told", "tells", "asked", "asks", "answered", "answers", "added", "adds",
     "continued", "continues", "concluded", "concludes", "summed", "sums", "put", "puts", "noted", "notes",
     "stated", "states", "remarked", "remarks", "commented", "comments", "observed", "observes", "admitted",
     "admits", "acknowledged", "acknowledges", "conceded", "concedes", "confessed", "confesses", "cautioned",
     "cautions", "stressed", "stresses", "emphasized", "emphasised", "emphasizes", "reiterated", "repeated",
     "claimed", "claims", "alleged", "alleges", "charged", "suggested", "suggests", "predicted", "predicts",
     "offered", "offers", "gave", "gives", "issued", "issues", "released", "releases", "sent", "sends",
     "penned", "pens", "signed", "signs", "read", "reads", "sang", "sings", "chanted", "chants", "interviewed",
     "sounded", "sounds", "echoed", "echoes", "invoked", "invokes", "quoted", "quotes", "cited", "cites"}
)
# a lead-in that hands over to a quote: "... the great Thomas Jefferson:", "As one voter put it —"
_LEAD_IN_END = (":", "—", "–", "―", " -", "…:")
_DASHES = ("—", "–", "―", "-", "~")
# a quote that names words rather than reports speech: "the slogan “...”", "“...” was the refrain"
_MENTION_BEFORE_RE = recache.compile(
    r"\b(?:phrases?|slogans?|words?|terms?|motto|mottos|refrains?|taglines?|catchphrases?|mantras?|hashtags?|"
    r"chants?|banners?|headlines?|titles?|titled|entitled|labels?|labell?ed|labeled|nicknamed?|called|dubbed|"
    r"named|branded|known\s+as|so-called|themes?|cry|cries|signs?|placards?|reading|captions?|captioned|"
    r"spelling|spelled|spelt|expression|idiom|saying|adage|maxim|proverb|jingle|lyrics?|line)\s*[:,]?\s*$",
    re.IGNORECASE,
)
_MENTION_AFTER_RE = recache.compile(
    r"\s*(?:was|is|were|are|has|had|have|became|becomes|remains|remained|will|would|could|can|may|might|must|"
    r"should|seems|seemed|sounds|sounded|appears|appeared|means|meant|gets|got|did|does|do|became|proved|"
    r"turned|went|comes|came|stands|stood|served|serves|refers|referred|caught|captures|captured|"
    r"summed|sums|echoed|echoes|appeared)\b"
)
_QUOTE_END_PUNCT = tuple(",.!?;:…-—–")


class _Context:
    """A document's sentences, sources and quotes, and the speakers of each paragraph (made on
    first use): what the search for a stand-alone quote's speaker reads."""

    def __init__(self, sentences: Sequence[SentenceLike], ssources: list[SentenceSource],
                 qsources: list[QuoteSource], quotes: Sequence[QuoteLike],
                 cache: dict[int, tuple[list[_Tok], list[_Attr]]]) -> None:
        self.sentences, self.ssources, self.qsources, self.quotes = sentences, ssources, qsources, quotes
        self.cache = cache
        self._by_para: dict[int, list[int]] | None = None
        self._speakers: dict[int, list[_Attr]] = {}

    def analysed(self, k: int) -> tuple[list[_Tok], list[_Attr]]:
        if k not in self.cache:
            s = self.sentences[k]
            toks = _tokens(s.text, s.start)
            self.cache[k] = (toks, _find_attributions(toks))
        return self.cache[k]

    def paragraph_sentences(self, p: int) -> list[int]:
        if self._by_para is None:
            self._by_para = {}
            for i, s in enumerate(self.sentences):
                self._by_para.setdefault(s.paragraph, []).append(i)
        return self._by_para.get(p, [])

    def speakers(self, p: int) -> list[_Attr]:
        """Who speaks in paragraph ``p``, in text order: named and anonymous sources of its
        sentences, the speakers of its quotes, and named subjects of a statement verb."""
        got = self._speakers.get(p)
        if got is not None:
            return got
        out: list[_Attr] = []
        for k in self.paragraph_sentences(p):
            ss = self.ssources[k]
            for a0, a1, txt in ss.named:
                out.append(_Attr("pronoun" if txt.lower() in _SUBJECT_PRONOUNS else "named", a0, a1, txt, "", a0))
            for c in ss.cues:
                if c.kind == "anonymous" and not c.in_quote:
                    out.append(_Attr("anonymous", c.start, c.end, c.text, "", c.start))
            toks = self.analysed(k)[0] if not _STATEMENT_VERBS.isdisjoint(
                _GATE_WORD_RE.findall(self.sentences[k].text.lower())) else []
            for v in _indices_of(_STATEMENT_VERBS, toks):
                if not toks[v][_TEXT][0].islower():
                    continue
                np = _left_np(toks, v)
                if np is not None and np.kind in {"named", "organisation", "pronoun"}:
                    out.append(_Attr(np.kind, np.toks[0][_START], np.toks[-1][_END], np.text, toks[v][_LOW], toks[v][_START]))
        for qs in self.qsources:
            q = self.quotes[qs.index]
            if q.paragraph == p and qs.speaker is not None and qs.via == "sentence" and qs.speaker_start is not None:
                out.append(_Attr(qs.speaker_kind or "named", qs.speaker_start, qs.speaker_end or qs.speaker_start,
                                 qs.speaker, qs.verb or "", qs.speaker_start))
        out.sort(key=attrgetter("start"))
        self._speakers[p] = out
        return out


def _is_mention(sentences: Sequence[SentenceLike], q: QuoteLike) -> bool:
    """The quote names words instead of reporting speech: a slogan, a phrase, a title written
    before it, or the quote used as a noun phrase ("“No one is above the law” was the refrain")."""
    si = _sentence_at(sentences, q.start)
    if si is None:
        return False
    s = sentences[si]
    before = s.text[: max(0, q.start - s.start)]
    if _MENTION_BEFORE_RE.search(before):
        return True
    inner = _inner_text(sentences, q).rstrip()
    if not inner or inner.endswith(_QUOTE_END_PUNCT):
        return False
    ei = _sentence_at(sentences, max(q.end - 1, q.start))
    e = sentences[ei if ei is not None else si]
    after = e.text[max(0, q.end - e.start):]
    return bool(_MENTION_AFTER_RE.match(after))


def _name_speaker(toks: list[_Tok]) -> _Attr | None:
    """The speaker named in a lead-in's tokens: its attribution, else the last name, pronoun or text."""
    words = [t for t in toks if _is_word(t)]
    run: list[_Tok] = []
    best: list[_Tok] = []
    for k, t in enumerate(words):
        if _is_cap(t) and t[_LOW] not in _COMMON_CAPS and not (k == 0 and t[_TEXT][1:].islower() and len(words) > 1
                                                               and not _is_cap(words[1])):
            run.append(t)
        elif run and t[_LOW] in _NAME_JOINERS:
            run.append(t)
        else:
            if run:
                best = run
            run = []
    if run:
        best = run
    while best and best[-1][_LOW] in _NAME_JOINERS:
        best.pop()
    if best:
        return _Attr("named", best[0][_START], best[-1][_END], " ".join(map(_tok_text, best)), "", best[0][_START])
    for t in reversed(words):
        if t[_LOW] in {"he", "she", "they", "i", "we"}:
            return _Attr("pronoun", t[_START], t[_END], t[_TEXT], "", t[_START])
    for k in range(len(words) - 1, 0, -1):
        t = words[k]
        if _strip_poss(t[_LOW]) in _TEXT_NOUNS and words[k - 1][_LOW] in {"the", "its", "his", "her", "their", "this",
                                                                        "a", "an", "our"}:
            return _Attr("organisation", words[k - 1][_START], t[_END], f"{words[k - 1][_TEXT]} {t[_TEXT]}", "", t[_START])
        if _strip_poss(t[_LOW]) in _ANON_HEADS:
            return _Attr("anonymous", t[_START], t[_END], t[_TEXT], "", t[_START])
    return None


def _lead_in_speaker(ctx: _Context, q: QuoteLike) -> tuple[_Attr, str, int] | None:
    """A lead-in ending in ":" or a dash right before the quote, in its sentence or closing the
    sentence before it (the previous paragraph's last): "... the great Thomas Jefferson: “...”"."""
    sentences = ctx.sentences
    si = _sentence_at(sentences, q.start)
    if si is None:
        return None
    s = sentences[si]
    before = s.text[: max(0, q.start - s.start)].rstrip()
    k, gap = si, 0
    if not before:
        if si == 0:
            return None
        prev = sentences[si - 1]
        gap = q.paragraph - prev.paragraph
        if gap > 1 or not prev.text.rstrip().endswith(_LEAD_IN_END[:4]):
            return None
        k, before = si - 1, prev.text.rstrip()
    elif not before.endswith(_LEAD_IN_END):
        return None
    toks, attrs = ctx.analysed(k)
    limit = q.start if k == si else sentences[k].start + len(before)
    cands = [a for a in attrs if a.verb_start < limit and a.kind in {"named", "organisation", "pronoun", "anonymous",
                                                                    "vague"}]
    if cands:
        return cands[-1], "lead-in", gap
    # the clause before the colon: "In the words of the great Thomas Jefferson", "As one voter put it"
    clause = [t for t in toks if t[_END] <= limit]
    for j in range(len(clause) - 1, -1, -1):
        if clause[j][_TEXT] in {";", "."} or clause[j][_TEXT] in _QUOTE_MARKS:
            clause = clause[j + 1:]
            break
    a = _name_speaker(clause)
    return (a, "lead-in", gap) if a is not None else None


def _dash_speaker(ctx: _Context, q: QuoteLike) -> tuple[_Attr, str, int] | None:
    """An epigraph's attribution after the quote: “...” — Abraham Lincoln; or a next paragraph
    that opens with a dash ("– A 22-year-old voter in Ohio")."""
    sentences = ctx.sentences
    ei = _sentence_at(sentences, max(q.end - 1, q.start))
    if ei is None:
        return None
    e = sentences[ei]
    after = e.text[max(0, q.end - e.start):]
    k, gap, base = ei, 0, q.end
    if not after.strip(" .") and ei + 1 < len(sentences):
        nxt = sentences[ei + 1]
        last = max(getattr(q, "paragraphs", ()) or (q.paragraph,))
        if nxt.paragraph != last + 1 and nxt.paragraph != last:
            return None
        k, gap, base, after = ei + 1, nxt.paragraph - q.paragraph, nxt.start, nxt.text
    stripped = after.lstrip()
    if not stripped.startswith(_DASHES) or stripped.startswith("--") and False:
        return None
    toks = ctx.analysed(k)[0]
    start = base + (len(after) - len(stripped)) + 1
    words: list[_Tok] = []
    for t in toks:
        if t[_START] < start:
            continue
        if t[_TEXT] in {",", ";", "(", ".", ":"} and words:
            break
        if _is_word(t) or t[_TEXT][0].isdigit() or t[_TEXT] in {"-", "."}:
            words.append(t)
        if len(words) > 8:
            break
    if not words:
        return None
    named = _name_speaker(words)
    if named is not None and named.start == words[0][_START]:
        return named, "dash", gap
    text = " ".join(map(_tok_text, words))
    return _Attr("anonymous", words[0][_START], words[-1][_END], text, "", words[0][_START]), "dash", gap


def _nearby_speaker(ctx: _Context, q: QuoteLike) -> tuple[_Attr, str, int] | None:
    """The nearest speaker of a stand-alone quote: later in its own paragraph, else the last one of
    the paragraphs before it (up to ``SPEAKER_GAP_BACK``) or the first of the one after it (up to
    ``SPEAKER_GAP_AHEAD``), nearer first, the paragraph before first at equal distance."""
    if not _opens_sentence(ctx.sentences, q):
        return None
    paras = getattr(q, "paragraphs", ()) or (q.paragraph,)
    first, last = min(paras), max(paras)
    for a in ctx.speakers(last):
        if a.start >= q.end:
            return a, "after", 0
    for d in range(1, max(SPEAKER_GAP_BACK, SPEAKER_GAP_AHEAD) + 1):
        if d <= SPEAKER_GAP_BACK and first - d >= 0:
            cands = [a for a in ctx.speakers(first - d) if a.start < q.start]
            if cands:
                return cands[-1], "before", d
        if d <= SPEAKER_GAP_AHEAD:
            cands = ctx.speakers(last + d)
            if cands:
                return cands[0], "after", d
    return None


# the words of a quote (its length, a scare quote's test)
_QUOTE_WORD_RE = recache.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
# the lower-case words of a title ("Party of the Right")
_TITLE_WORDS = _NAME_JOINERS | {"the", "a", "an", "on", "in", "for", "to", "with", "is", "at", "by"}


def quote_words(text: str) -> list[str]:
    """The words of a quote's inner text (``_inner_text``): what ``attribute`` counts, and reads
    for a title or a scare quote."""
    return _QUOTE_WORD_RE.findall(text)  # type: ignore[no-any-return]


def _previous_top(qsources: list[QuoteSource], quotes: Sequence[QuoteLike], idx: int) -> QuoteSource | None:
    """The top-level quote before ``idx`` that reports speech: a title or scare quote between a
    speaker's two quotes ("said the producer, who financed “Titanic”. “...”") is passed over."""
    for k in range(idx - 1, -1, -1):
        if quotes[k].depth == 0 and not qsources[k].scare:
            return qsources[k]
    return None


def _inner_text(sentences: Sequence[SentenceLike], q: QuoteLike) -> str:
    parts: list[str] = []
    # the sentences in text order: the first that ends after the quote opens, on to the last
    # that starts before it closes
    for k in range(bisect_right(sentences, q.inner_start, key=_end), len(sentences)):
        s = sentences[k]
        if s.start >= q.inner_end:
            break
        s_end = s.start + len(s.text)
        a = max(q.inner_start, s.start) - s.start
        b = min(q.inner_end, s_end) - s.start
        parts.append(s.text[a:b])
    return " ".join(parts)


def _opens_sentence(sentences: Sequence[SentenceLike], q: QuoteLike) -> bool:
    si = _sentence_at(sentences, q.start)
    if si is None:
        return False
    s = sentences[si]
    return not s.text[: max(0, q.start - s.start)].strip()


def _is_heading_quote(sentences: Sequence[SentenceLike], q: QuoteLike) -> bool:
    # the sentences of the quote's paragraph (sentences are in text order, so paragraph order)
    lo = bisect_left(sentences, q.paragraph, key=_paragraph)
    para = list(sentences[lo:bisect_right(sentences, q.paragraph, lo=lo, key=_paragraph)])
    if not para:
        return False
    first, last = para[0], para[-1]
    before = first.text[: max(0, q.start - first.start)].strip()
    after = last.text[max(0, q.end - last.start):].strip()
    return not before and not after.strip(".!?") and len(para) == 1


# --------------------------------------------------------------------------- the decision


def weasel_cues(src: SentenceSource) -> list[Cue]:
    """The cues of a sentence the ``source/weasel`` rule reports (decision in the module docstring)."""
    if src.in_attributed_quote:
        return []
    if src.named or any(c.kind == "anonymous" and not c.in_quote for c in src.cues):
        return []
    return [c for c in src.cues if not c.in_quote and c.kind in {"vague", "impersonal", "hedge"}]


def is_weasel(src: SentenceSource) -> bool:
    """True when :func:`weasel_cues` reports anything for the sentence."""
    return bool(weasel_cues(src))


# rules/lexicons/speech-verbs.yaml: a verb that, near a quote, says its speaker is named somewhere
_SPEECH = recache.compile(r"\b(?:" + "|".join(re.escape(w) for w in word_set("speech-verbs", "quote-nearby")) + r")\b",
                          re.IGNORECASE)


class ParagraphLike(Protocol):
    index: int
    start: int
    end: int


def speech_near_quote(prose: str, paragraphs: Sequence[ParagraphLike], q: QuoteLike) -> bool:
    """A speech verb in the quote's paragraph (outside the quote) or at the start of the next one."""
    p = paragraphs[q.paragraph]
    last = paragraphs[max(getattr(q, "paragraphs", ()) or (q.paragraph,))]
    outside = prose[p.start:q.start] + " " + prose[q.end:last.end]
    if _SPEECH.search(outside):
        return True
    if last.index + 1 < len(paragraphs):
        nxt = paragraphs[last.index + 1]
        return bool(_SPEECH.search(prose[nxt.start:min(nxt.end, nxt.start + 200)]))
    return False
