"""CEFR levels and the four sub-tests of Norskprøven.

integreringsforskriften § 26 refers the levels to the Common European Framework of Reference;
Norskprøven reports "under A1" as well (HK-dir, "Resultater og prøvebevis").
"""

from __future__ import annotations

import enum

from .errors import FieldValueError
from .privacy import LEVEL_SHAPE, quoted_or_described


class Level(enum.Enum):
    """An ordered CEFR level: under A1 < A1 < A2 < B1 < B2 < C1."""

    UNDER_A1 = "under A1"
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"

    @property
    def rank(self) -> int:
        return self._rank  # the position in the order, set on each member below

    # The four comparisons written out (not functools.total_ordering): rules and reports compare
    # levels often, and the derived ones cost two calls each.
    def __lt__(self, other: object) -> bool:
        return self._rank < other._rank if type(other) is Level else NotImplemented

    def __le__(self, other: object) -> bool:
        return self._rank <= other._rank if type(other) is Level else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self._rank > other._rank if type(other) is Level else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self._rank >= other._rank if type(other) is Level else NotImplemented

    def down(self) -> Level | None:
        """One level down, or None below the lowest level (under A1)."""
        return _ORDER[self.rank - 1] if self.rank > 0 else None

    def up(self) -> Level | None:
        """One level up, or None above C1."""
        return _ORDER[self.rank + 1] if self.rank + 1 < len(_ORDER) else None

    def steps_to(self, other: Level) -> int:
        """Signed number of levels from self to other (negative when other is lower)."""
        return other.rank - self.rank

    @classmethod
    def parse(cls, value: object) -> Level:
        """Accept "A2", "a2", "under A1", "Under A1", "UNDER_A1"."""
        if isinstance(value, Level):
            return value
        exact = cls._value2member_map_.get(value) if type(value) is str else None
        if exact is not None:  # written exactly as the level's value: one look-up (performance)
            return exact
        if not isinstance(value, str):
            raise FieldValueError(f"expected a CEFR level as text (A1, A2, B1, B2, C1, under A1), got {type(value).__name__}")
        key = " ".join(value.replace("_", " ").split()).upper()
        for level in cls:
            if level.value.upper() == key:
                return level
        # Quoted only when level-shaped (like 'B3'); other text is described, never echoed.
        raise FieldValueError(f"{quoted_or_described(value, LEVEL_SHAPE)} is not a CEFR level "
                              "(expected one of: under A1, A1, A2, B1, B2, C1)")

    def __str__(self) -> str:
        return self.value


_ORDER = list(Level)
for _position, _level in enumerate(_ORDER):
    _level._rank = _position
del _position, _level


class Subtest(enum.Enum):
    """The four independent sub-tests of Norskprøven (HK-dir, "Om norskprøvene")."""

    LYTTEFORSTAELSE = "lytteforstaelse"  # listening
    LESEFORSTAELSE = "leseforstaelse"  # reading
    SKRIFTLIG = "skriftlig"  # skriftlig fremstilling, writing
    MUNTLIG = "muntlig"  # muntlig kommunikasjon, oral

    @property
    def label(self) -> tuple[str, str]:
        return _SUBTEST_LABELS[self]


_SUBTEST_LABELS = {
    Subtest.LYTTEFORSTAELSE: ("lytteforståelse", "listening"),
    Subtest.LESEFORSTAELSE: ("leseforståelse", "reading"),
    Subtest.SKRIFTLIG: ("skriftlig fremstilling", "writing"),
    Subtest.MUNTLIG: ("muntlig kommunikasjon", "oral"),
}
