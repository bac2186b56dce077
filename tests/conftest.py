"""Shared test set-up: where the repository, the seeds and the optional ../shared folder are,
and the hypothesis profiles (``ci``: derandomised, no deadline; ``dev``: the default search).

Tests import the paths from here (``from conftest import REPO, SEEDS, SHARED``); tests that
read ../shared skip cleanly when it is absent (the ``shared`` fixture or ``needs_shared``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
SHARED_SEEDS = SHARED / "seeds"
CORPORA = SHARED / "corpora"

#: Short news sentences with findings of several families (dates, sourcing, credits, titles)
#: and one clean, for the tests that build archives of their own.
NEWS_TEXTS = [
    "The rally was held on Thursday, January 14, 2026, officials said.",
    "It has been reported that the talks failed. Image Source: Google",
    "Nothing to see here.",
    "Former President Barack Obama spoke at the summit on Friday, March 3, 2023.",
]

needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is not present")

settings.register_profile("ci", deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
# the suite parses thousands of generated expressions: keep them out of the user's parse cache
os.environ.setdefault("FACTLINT_NO_CACHE", "1")


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture
def repo() -> Path:
    return REPO
