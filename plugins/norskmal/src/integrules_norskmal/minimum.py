"""The guiding minimum levels in Norwegian by education before arrival (integreringsforskriften chapter 6).

The table, as IMDi restates the regulation (verified wording, see docs/norskmal.md):

=========================================================  =========  =======  =======  =====
education before arrival                                   listening  reading  writing  oral
=========================================================  =========  =======  =======  =====
primary school (grunnskole) not completed                  A2         A2       A2       B1
primary school completed                                   B1         B1       B1       B1
upper secondary (videregående) or higher                   B1         B1       B1       B2
upper secondary or higher, needing B2 in all skills        B2         B2       B2       B2
=========================================================  =========  =======  =======  =====
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from integrules import Level, Missing
from integrules.model import Education, Participant, SubtestLevels

if TYPE_CHECKING:
    from integrules import Context

A2, B1, B2 = Level.A2, Level.B1, Level.B2


def _levels(listening: Level, reading: Level, writing: Level, oral: Level) -> SubtestLevels:
    return SubtestLevels(lytteforstaelse=listening, leseforstaelse=reading, skriftlig=writing, muntlig=oral)


#: The rows of the table, by education.
TABLE: dict[Education, SubtestLevels] = {
    Education.INGEN_GRUNNSKOLE: _levels(A2, A2, A2, B1),
    Education.GRUNNSKOLE: _levels(B1, B1, B1, B1),
    Education.VIDEREGAENDE: _levels(B1, B1, B1, B2),
    Education.HOYERE: _levels(B1, B1, B1, B2),
}
#: The row for participants with upper secondary or higher who need documented B2 in all skills.
B2_ALL = _levels(B2, B2, B2, B2)


def minimum_level(education: Education | str | None, needs_b2: bool | None = False) -> SubtestLevels:
    """The guiding minimum level per sub-test for a participant's education before arrival.

    :param education: an :class:`~integrules.model.Education` (or its value, e.g. ``"grunnskole"``).
    :param needs_b2: whether the participant needs documented B2 in all skills (e.g. for higher
        education); only matters with upper secondary or higher education.
    :raises Missing: naming ``education`` when it is None, or ``needs_b2`` when it is None and
        matters. Never a guess.
    """
    if education is None:
        raise Missing("education")
    education = Education(education)
    if not education.upper_secondary_or_higher:
        return TABLE[education]
    if needs_b2 is None:
        raise Missing("needs_b2")
    return B2_ALL if needs_b2 else TABLE[education]


def minimum_for(participant: Participant) -> SubtestLevels:
    """:func:`minimum_level` from the participant's ``education`` and ``needs_b2``."""
    return minimum_level(participant.education, participant.needs_b2)


def compute_minimum(participant: Participant, as_of: dt.date, ctx: Context | None = None) -> SubtestLevels:
    """The default ``compute`` of the derived fact ``norskmal.minimumsniva``."""
    return minimum_for(participant)
