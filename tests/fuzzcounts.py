"""Counts of fuzz cases tried, per test and outcome; printed at the end of the run (tests/conftest.py)."""

from __future__ import annotations

from collections import Counter, defaultdict

CASES: Counter[str] = Counter()  # test -> cases tried
DETAIL: defaultdict[str, Counter[str]] = defaultdict(Counter)  # test -> outcome or quantity -> count


def case(test: str, outcome: str) -> None:
    """One case tried by ``test``, ending in ``outcome`` (e.g. "input error", "read")."""
    CASES[test] += 1
    DETAIL[test][outcome] += 1


def add(test: str, what: str, n: int) -> None:
    """A quantity seen across cases (e.g. records evaluated, rejected)."""
    DETAIL[test][what] += n


def lines() -> list[str]:
    out = []
    for test in sorted(CASES):
        detail = ", ".join(f"{k} {v}" for k, v in sorted(DETAIL[test].items()))
        out.append(f"{test}: {CASES[test]} cases ({detail})")
    out.append(f"total: {sum(CASES.values())} cases")
    return out
