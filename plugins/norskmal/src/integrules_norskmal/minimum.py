"""The guiding minimum levels in Norwegian (integreringsforskriften § 28 «Veiledende minimumsnivåer»).

The table, verified against § 28 first to fourth paragraphs as in force 28.07.2026:

=========================================================  =========  =======  =======  =====
education before arrival                                   listening  reading  writing  oral
=========================================================  =========  =======  =======  =====
primary school (grunnskole) not completed                  A2         A2       A2       B1
primary school completed                                   B1         B1       B1       B1
upper secondary (videregående) or higher                   B1         B1       B1       B2
upper secondary or higher, needing B2 in all skills        B2         B2       B2       B2
training in preparatory adult education (from 01.01.2026)  A2         A2       A2       B1
=========================================================  =========  =======  =======  =====

The first three rows are § 28 first to third paragraphs; the fourth is the fourth paragraph («bør ha
dette som norskmål»); the last is the sixth paragraph (FOR-2025-09-17-1909, in force 01.01.2026:
«bør enten oppnå standpunktkarakter 2 eller høyere i norsk eller oppnå minimum nivå A2 [...] og nivå
B1 i delprøve i muntlig kommunikasjon»; the grade is not a level, so the levels are the floor). The
fifth paragraph (training in upper secondary: grade 2 in Norwegian) sets no level and no fact
records it; it is not encoded.

The derived fact ``norskmal.minimumsniva`` is the level the goal is set at by § 27 first paragraph
(«skal ... i tråd med eller høyere enn det som følger av § 28»): the first three rows, or from
01.01.2026 the preparatory row for those trained there (the specific rule for them). The fourth row
is a «bør» of its own (requirement ``norskmal.fastsetting_b2``), not part of the fact.
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
#: The row for participants with upper secondary or higher who need documented B2 in all skills (§ 28 fourth paragraph).
B2_ALL = _levels(B2, B2, B2, B2)
#: § 28 sixth paragraph: Norwegian training in preparatory adult education, from PREPARATORY_FROM.
PREPARATORY = _levels(A2, A2, A2, B1)
PREPARATORY_FROM = dt.date(2026, 1, 1)  # FOR-2025-09-17-1909
PREPARATORY_PATH = "opplaering.preparatory_adult_education"


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


def goal_day(participant: Participant, as_of: dt.date) -> dt.date:
    """The day whose § 28 applies: the first goal's date when one was set on or before ``as_of``, else ``as_of``
    (§ 27 first paragraph: the goal is set at the start of training, by the text in force then)."""
    dates = [c.date for c in participant.norskmal or () if c.date <= as_of]
    return min(dates) if dates else as_of


def candidates(participant: Participant, day: dt.date) -> dict[bool | None, SubtestLevels]:
    """The § 27 first paragraph floor on ``day`` by whether the training is preparatory adult education.

    One entry keyed None when that does not matter (before 01.01.2026, or both rows equal); else
    entries for True and False when the fact is unknown, or the one for the known answer.
    :raises Missing: naming ``education`` when it is None.
    """
    if participant.education is None:
        raise Missing("education")
    ordinary = TABLE[Education(participant.education)]
    if day < PREPARATORY_FROM or ordinary == PREPARATORY:
        return {None: ordinary}
    training = participant.opplaering
    preparatory = training.preparatory_adult_education if training is not None else None
    if preparatory is None:
        return {True: PREPARATORY, False: ordinary}
    return {preparatory: PREPARATORY if preparatory else ordinary}


def guiding_minimum(participant: Participant, day: dt.date) -> SubtestLevels:
    """The level the goal is set at by § 27 first paragraph, with § 28 as in force on ``day``.

    :raises Missing: naming ``education``, or ``opplaering.preparatory_adult_education`` when it is
        unknown and decides the level (from 01.01.2026). Never a guess.
    """
    found = candidates(participant, day)
    if len(found) > 1:
        raise Missing(PREPARATORY_PATH)
    return next(iter(found.values()))


def compute_minimum(participant: Participant, as_of: dt.date, ctx: Context | None = None) -> SubtestLevels:
    """The default ``compute`` of the derived fact ``norskmal.minimumsniva``: :func:`guiding_minimum` on the
    day of the first goal (or ``as_of`` when none was set)."""
    return guiding_minimum(participant, goal_day(participant, as_of))
