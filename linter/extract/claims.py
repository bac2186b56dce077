"""Which figures carry a claim: a statistic a reader would want sourced, not a plain fact.

One job: given a figure (``linter.extract.figures``) and its sentence, say whether the figure is
a statistic presented as a finding, and what kind:

``share``
    A percentage: a share or a rate ("45% of voters", "unemployment rose to 7.2 percent"), unless
    it states a term someone set ("a 25 pct stake", "a 10% tariff", "interest of 7 pct").
``people``
    A number of people, casualties or cases ("12,000 troops", "at least 40 people were killed",
    "tens of thousands of protesters", "3,000 jobs").
``total``
    A sum of money presented as a finding: what something cost, lost, spent, earned, owed or is
    worth ("the program cost $40 billion", "losses of 2.5 billion dlrs", "a deficit of ...").
``estimate``
    A sum of money hedged as an estimate ("nearly $2 billion", "an estimated 40 million dlrs").

Plain facts carry no claim: a price or a deal's size stated by its parties ("a $40 billion
contract", "a $200,000 donation", "sue for up to $5 billion", "$10 per pound"), a market's move ("the Nasdaq rose 11.8%", "shares fell 3
pct": public prices), a vote's result ("18,287 votes, or 53 pct"), a capacity ("able to carry 555
passengers"), ages, dates, a few people ("his three children"), counts of things other than
people ("60 countries", "14 cargoes", "500,000 shares"). Nor does a figure in a line that
is no sentence of prose: a table row ("Shr loss 1.98 dlrs vs loss 5.24 dlrs"), a table's note
("NOTE: ..."), a company's accounts per share ("a gain of 1.8 mln dlrs, or 17 cts a share"), a
wire flash or a headline in capitals ("******U.S. BANK RESERVES 644 MLN DLRS").
A figure inside a direct quote is its speaker's, which the rules decide.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Protocol

from linter import recache

__all__ = ["CLAIM_KINDS", "figure_claim"]

CLAIM_KINDS = ("share", "people", "total", "estimate")


class FigureLike(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def kind(self) -> str: ...


# words that hedge a figure as an estimate, right before it
_APPROX = recache.compile(
    r"\b(?:an?\s+estimated|estimated(?:\s+at)?|about|around|roughly|nearly|almost|approximately|some|at\s+least|"
    r"more\s+than|over|upwards\s+of|up\s+to|as\s+many\s+as|as\s+much\s+as|close\s+to|fewer\s+than|less\s+than|"
    r"an\s+average\s+of|on\s+average|a\s+record|a\s+total\s+of|totall?ing|reportedly|allegedly|thought\s+to\s+be|"
    r"believed\s+to\s+be|said\s+to\s+be)\s*$",
    re.IGNORECASE,
)
# a percentage that states a term someone set, not a statistic
_TERM_BEFORE = recache.compile(
    r"\b(?:stake|interest|coupon|yield|discount|tariffs?|tax|taxes|duty|duties|dividend|commission|fee|fees|"
    r"royalty|premium|margin|levy|surcharge|rebate|cut|raise|increase|hike|markup|share\s+of\s+the\s+company|"
    r"votes?|ballots?|holding|holds|held|hold|owns|own|owned|acquire|acquired|buy|bought|sell|sold|offer|offered|bid|coupons?|"
    r"rates?\s+on\s+(?:the\s+)?(?:\d|bonds?|notes?|certificates?|loans?|deposits?))\b(?:[^.;]|\.\d){0,100}$",
    re.IGNORECASE,
)
_TERM_AFTER = recache.compile(
    r"\s*(?:-|\s)?(?:[\w-]+\s+){0,2}?(?:stakes?|interest|owned|coupons?|dividends?|tariffs?|tax|taxes|"
    r"duty|duties|discounts?|commissions?|fees?|royalt(?:y|ies)|premiums?|margins?|levy|levies|surcharges?|"
    r"rebates?|holdings?|off\b|stock\s+(?:dividend|split)|share\s+(?:in|of)|of\s+(?:the\s+)?votes?|"
    r"(?:of\s+)?(?:the\s+)?(?:popular\s+)?votes?|"
    r"of\s+(?:the\s+)?(?:company|shares|stock|"
    r"capital|equity|its|the\s+company's))\b",
    re.IGNORECASE,
)
# people, casualties and cases: the nouns a count of people names
_PEOPLE = recache.compile(
    r"\b(?:people|persons|person|individuals|civilians|residents|citizens|inhabitants|voters|protesters|protestors|"
    r"demonstrators|marchers|rioters|supporters|opponents|members|workers|employees|staff|staffers|jobs|"
    r"unemployed|troops|soldiers|police|officers|fighters|militants|rebels|insurgents|refugees|migrants|"
    r"immigrants|asylum\s+seekers|displaced|homeless|victims|casualties|dead|deaths|killed|died|injured|"
    r"wounded|hurt|missing|hostages|prisoners|detainees|arrests|arrested|detained|cases|infections|infected|"
    r"patients|children|kids|students|pupils|women|men|adults|teenagers|youths|families|households|homes|"
    r"houses|users|subscribers|customers|visitors|tourists|viewers|listeners|readers|fans|spectators|"
    r"attendees|participants|applicants|recipients|beneficiaries|taxpayers|consumers|shoppers|passengers|"
    r"farmers|miners|doctors|nurses|teachers|lawmakers|delegates|signatures|signatories|followers|"
    r"respondents|americans|britons|israelis|palestinians|iranians|ukrainians|russians|lives)\b",
    re.IGNORECASE,
)
# money presented as a finding: what something cost, lost, spent, earned, owed, is worth
_TOTAL = recache.compile(
    r"\b(?:cost|costs|costing|spent|spend|spends|spending|lost|loss|losses|lose|loses|damages?|worth|valued|"
    r"value|revenues?|sales|profits?|earnings|earned|earns|income|deficit|deficits|debt|debts|owed|owes|"
    r"budget|raised|raises|raising|donated|donations|contributions|fortune|wealth|net\s+worth|fines?|"
    r"fined|penalty|penalties|settlement|compensation|bill|price\s+tag|funding|funds|subsid(?:y|ies)|"
    r"aid|bailout|stimulus|savings|saved|wasted|waste|fraud|embezzled|stolen|bribes?|paid|pays|paying|"
    r"payments?|salary|salaries|bonus|bonuses|gdp|output|exports|imports|surplus|reserves|assets|"
    r"investment|invested|investments)\b",
    re.IGNORECASE,
)
# a market's move is a public price, not a claim: "the Nasdaq rose 11.8%", "Citigroup gained 9.7%"
_MARKET = recache.compile(
    r"\b(?:(?i:index|indexes|indices|shares?|stocks?|bourse|markets?)|Dow|Nasdaq|NASDAQ|S&P|Nikkei|FTSE|DAX|CAC|"
    r"NYSE|AMEX|Hang\s+Seng|Bovespa|Merval|Straits\s+Times|Kospi|KOSPI|Sensex|TSX|Stoxx|futures|options|bonds?|yields?|"
    r"treasur(?:y|ies)|gilts?|currency|currencies|dollar|yen|euro|sterling|pound|franc|mark|gold|silver|"
    r"copper|oil|crude|brent|prices?|traded|trading|closed|closing|opened|rallied|tumbled|slumped|plunged|"
    r"soared|surged|gained|shed|points|dealers|brokers|contracts|volume)\b",
)
# a deal's size or a lawsuit's claim, stated by its parties
_DEAL_AFTER = recache.compile(
    r"\s*(?:-\s*)?(?:\w+\s+){0,2}?(?:contracts?|deals?|orders?|loans?|bonds?|notes?|offerings?|issues?|"
    r"acquisitions?|mergers?|takeovers?|buyouts?|bids?|offers?|packages?|facilit(?:y|ies)|credits?|"
    r"agreements?|accords?|purchases?|sales?\s+of|stakes?|investments?\s+in|lawsuits?|suits?|"
    r"settlements?|grants?|awards?|prizes?|rounds?|securities|debentures|paper|warrants|preferred|shares|"
    r"donations?|gifts?|pledges?|vouchers?|payments?|checks?|cheques?|"
    r"stock|(?:is|are|was|were|will\s+be)\s+(?:payable|due|paid))\b",
    re.IGNORECASE,
)
_DEAL_BEFORE = recache.compile(r"\b(?:sue|sues|sued|suing|seeks?|seeking|sought|demands?|demanding|priced|valued|"
                               r"offered|offering|bid|bids|buy|buys|bought|sell|sells|sold|acquire|acquires|"
                               r"acquired|pay|pays|paid|issue|issues|issued|retails?|retailing|payable|order|"
                               r"contract|deal|orders|contracts|deals)\b[^.;]{0,60}$", re.IGNORECASE)
# a price: "$10 per pound", "$4 a gallon", "$20 each"
_PRICE_AFTER = recache.compile(r"\s*(?:US\s+dollars\s+)?(?:per|a|an|each)\b(?!\s+(?:year|month|week|day|quarter)\b)",
                               re.IGNORECASE)
# a capacity or a limit, not a count of anyone: "able to carry 555 passengers", "seats 300 people"
_CAPACITY_BEFORE = recache.compile(r"\b(?:carry|carries|carrying|seat|seats|seating|hold|holds|accommodate|"
                                   r"accommodates|capacity|room|space|limit|limited|cap|capped|up\s+to|maximum)\b"
                                   r"[^.;]{0,25}$", re.IGNORECASE)
# casualties and cases: a count of these is a claim at any size above two
_CASUALTY = recache.compile(
    r"\b(?:dead|deaths|killed|died|injured|wounded|hurt|missing|victims|casualties|hostages|arrested|arrests|"
    r"detained|detainees|displaced|evacuated|infected|infections|cases|homeless|refugees|"
    r"(?:mowed|mown|gunned|shot)\s+down|shot|slain|massacred|slaughtered|butchered|murdered|"
    r"executed|maimed|drowned|starved)\b",
    re.IGNORECASE,
)
# a crowd or an event that makes a vague count of people a claim: "thousands of farmers battled
# with police", "tens of thousands marched"
_GATHER = recache.compile(
    r"\b(?:attended|attend|gathered|gather|marched|march|rallied|rally|protested|protest|demonstrated|"
    r"clashed|battled|rioted|fled|flee|fleeing|joined|signed|watched|lined|turned\s+out|took\s+to|flocked|"
    r"poured|streamed|crowded|packed|queued|voted|evacuated|stranded|trapped|lost|losing)\b",
    re.IGNORECASE,
)
# a line that is no sentence of prose: a table row, a table's note, a wire flash
_TABULAR = recache.compile(r"\bvs\.?\s|^\s*(?:NOTE|Note)\s*[:\-–]|^\s*\*|\bcts\s+(?:a|per)\s+sh(?:a)?re?\b|"
                           r"\b(?:shr|qtr|mths)\b|\bper\s+share\b")
#: Strings one of which ``_TABULAR`` needs (it matches case-sensitively)
_TABULAR_NEEDS = ("vs", "NOTE", "Note", "*", "cts", "shr", "qtr", "mths", "per")


@lru_cache(maxsize=256)
def _tabular(text: str) -> bool:
    """``_TABULAR`` matches ``text`` (the search only when a string it needs is there)."""
    return any(map(text.__contains__, _TABULAR_NEEDS)) and _TABULAR.search(text) is not None


@lru_cache(maxsize=256)
def _market(text: str) -> bool:
    """``_MARKET`` matches ``text`` (asked once per sentence and paragraph, not once per figure)."""
    return _MARKET.search(text) is not None


_WINDOW = 60  # characters either side a figure's context is read in
_LEAD = recache.compile(r"^\s*(?:(?:in|of|for|on)\s+)?")


def figure_claim(figure: FigureLike, sentence_text: str, sentence_start: int, paragraph_text: str = "") -> str | None:
    """The kind of claim ``figure`` carries in its sentence (see the module docstring), or None.

    ``paragraph_text`` (its paragraph and the one before) tells a market report ("Australia dropped by 8.4%" after
    a sentence on stock indexes) from a statistic."""
    if _tabular(sentence_text) or _shouting(sentence_text):
        return None
    a = figure.start - sentence_start
    b = figure.end - sentence_start
    before = sentence_text[max(0, a - _WINDOW):a]
    after = sentence_text[b:b + _WINDOW]
    if figure.kind == "percent":
        if _TERM_BEFORE.search(sentence_text[:a]) or _TERM_AFTER.match(after) or _market(sentence_text) \
                or _market(paragraph_text):
            return None
        return "share"
    approx = _APPROX.search(before) is not None
    if figure.kind in ("count", "vague_count"):
        people = _PEOPLE.search(figure.text) or _PEOPLE.search(after[:25]) or (
            figure.text[:2].lower() == "in" and figure.text[2:3].isspace()  # "in\s+the": "in\nthe" when hard-wrapped
            and _PEOPLE.search(before))  # "protesters ... in the thousands"
        if people:
            value = getattr(figure, "value", None)
            if figure.kind == "vague_count" and not (_CASUALTY.search(sentence_text) or _GATHER.search(sentence_text)):
                return None  # "persuade millions of voters": a manner of speaking, no count
            many = value is None or value >= 100
            casualty = _CASUALTY.search(figure.text + after[:40]) is not None and (value is None or value > 2)
            if _CAPACITY_BEFORE.search(before) and not casualty:
                return None
            return "people" if many or approx or casualty else None
        return None
    if figure.kind == "money":
        if _DEAL_AFTER.match(after) or _DEAL_BEFORE.search(before) or _PRICE_AFTER.match(after) \
                or _MARKET.search(sentence_text):
            return None
        if _TOTAL.search(before[-45:]) or _TOTAL.match(_LEAD.sub("", after, count=1)):
            return "total"
        return "estimate" if approx else None
    return None


@lru_cache(maxsize=256)
def _shouting(text: str) -> bool:
    """A line in capitals (a headline or a wire flash), not a sentence of prose (asked once per
    sentence, not once per figure)."""
    if text.isascii():  # an upper-case ASCII character is a letter: count with C loops
        n, upper = sum(map(str.isalpha, text)), sum(map(str.isupper, text))
        return n >= 12 and upper > 0.8 * n
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
