"""factlint: a rule-based fact-consistency linter for news articles."""

__version__ = "0.1.0"
