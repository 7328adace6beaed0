"""After the sunset: the deadlines that fell while chapter 6A governed stay with chapter 6A.

When the ordinary rules take over a participant at the sunset (setting ``kapittel_6a.etter_opphor`` =
``ordinaere``, or ``vedtaksdato`` without a decision before it), the ordinary requirements chapter 6A
set aside would otherwise judge deadlines that fell under chapter 6A by rules not then in force for the
participant (a contract due 01.01.2026 that chapter 6A did not require would be «not met» on
01.07.2026). No law is given retroactive effect (Grunnloven § 97), so this plugin overrides the
ordinary plugin's fact ``integreringsloven.annet_regelverk``: those requirements then find such a
deadline not applicable and point to an as-of date before the sunset, where chapter 6A judges it.
Requirements chapter 6A did not set aside (the § 30 offer, for one) are the same under both and
are judged as before.
"""

from __future__ import annotations

import datetime as dt

import attrs

from integrules import DerivedFact, LegalRef, Text

from . import refs
from .adaptations import ADAPTED_IDS
from .regime import AFTER_SUNSET, IN_FORCE, REGIME, REGIME_ID, SUNSET, SUNSET_SETTING, decide

_SET_ASIDE = frozenset(ADAPTED_IDS)
GRUNNLOVEN_97 = refs.GRUNNLOVEN_97
# The ordinary plugin's derived fact, overridden here by name through the registry (no import of that plugin).
ANNET_REGELVERK = "integreringsloven.annet_regelverk"


@attrs.frozen
class AnnetRegelverk:
    """The value the ordinary plugin's fact integreringsloven.annet_regelverk documents: another regime that
    governed the participant from ``start`` until the day before ``end``, and the ordinary requirement ids it set
    aside (the fact's contract is these fields, not a class of that plugin)."""

    start: dt.date
    end: dt.date
    title: Text
    set_aside: frozenset[str]
    references: tuple[LegalRef, ...] = ()


def earlier_regime(participant, as_of: dt.date, ctx) -> AnnetRegelverk | None:
    """Chapter 6A with its period, when it governed the participant the day before the sunset and no longer
    does at ``as_of``; else None (before the sunset, still under chapter 6A, or never under it)."""
    settings = {SUNSET_SETTING: ctx.setting(SUNSET_SETTING), AFTER_SUNSET: ctx.setting(AFTER_SUNSET)}
    sunset = settings.get(SUNSET_SETTING, SUNSET)
    if as_of < sunset:
        return None
    if decide(participant, as_of, settings) is not None:
        return None  # still chapter 6A (vedtaksdato), or unknown: the ordinary rules do not take over
    before = decide(participant, sunset - dt.timedelta(days=1), settings)
    if before is None or before.regime != REGIME_ID or participant.permit.granted >= sunset:
        return None  # not under chapter 6A the day before (a permit granted from the sunset never was)
    return AnnetRegelverk(start=IN_FORCE, end=sunset, title=REGIME.title, set_aside=_SET_ASIDE,
                          references=(refs.LT_2026,))


FACT = DerivedFact(
    name=ANNET_REGELVERK, compute=earlier_regime, references=(GRUNNLOVEN_97, refs.LT_2026),
    description=Text(
        "Etter opphøret av kapittel 6A: har de ordinære reglene overtatt en deltaker som var omfattet av kapitlet dagen "
        "før opphøret (innstillingen kapittel_6a.etter_opphor = ordinaere, eller vedtaksdato uten vedtak før "
        "opphøret), er kapittel 6A regelverket som gjaldt fra 15.06.2022 til opphøret. De ordinære kravene kapitlet "
        "satte til side, vurderer da ikke frister som falt i den perioden (Grunnloven § 97); de vurderes etter "
        "kapittel 6A med en vurderingsdato før opphøret.",
        "After chapter 6A ceases: when the ordinary rules have taken over a participant who was under the chapter the "
        "day before it ceased (setting kapittel_6a.etter_opphor = ordinaere, or vedtaksdato without a decision before "
        "the sunset), chapter 6A is the regime that governed from 15.06.2022 to the sunset. The ordinary requirements "
        "the chapter set aside then do not judge deadlines that fell in that period (Grunnloven § 97); they are judged "
        "by chapter 6A with an as-of date before the sunset."),
)
