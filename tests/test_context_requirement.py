"""Context.requirement: a rule reaches the requirement registered under an id at the as-of date, as the registry
resolved it (an override included), without importing the plugin that registered it (docs/hooks.md)."""

from __future__ import annotations

import datetime as dt

from integrules import Engine, LegalRef, Regime, RegimeDecision, Text, Unit, hookimpl, met, not_applicable, requirement

D = dt.date
REF = LegalRef("testloven", "§ 1", url="https://example.org/testloven")


def _req(rid: str, nb: str, *, valid_from=D(2021, 1, 1), valid_to=None):
    @requirement(id=rid, title=Text(nb, nb), description=Text(nb, nb), references=(REF,), valid_from=valid_from,
                 valid_to=valid_to, regime="test", responsible=(Unit.FT,))
    def rule(ctx):
        return met(nb, nb)
    return rule


OLD = _req("base.krav", "gammel", valid_to=D(2024, 1, 1))
NEW = _req("base.krav", "ny", valid_from=D(2024, 1, 1))
LOCAL = _req("base.krav", "lokal")


@requirement(id="other.delegerer", title=Text("d", "d"), description=Text("d", "d"), references=(REF,),
             valid_from=D(2020, 1, 1), regime="test", responsible=(Unit.FT,))
def delegating(ctx):
    req = ctx.requirement("base.krav")
    if req is None:
        return not_applicable("ingen", "none")
    return req.evaluate(ctx)


class Base:
    PLUGIN_NAME = "base"

    @staticmethod
    @hookimpl
    def integrules_register_regimes(register):
        register.regime(Regime(id="test", title=Text("t", "t"), references=(REF,)))

    @staticmethod
    @hookimpl
    def integrules_decide_regime(participant, as_of, settings):
        return RegimeDecision(regime="test", reason=Text("t", "t"), plugin="base")

    @staticmethod
    @hookimpl
    def integrules_register_requirements(register):
        register.requirement(OLD, NEW)


class Other:
    PLUGIN_NAME = "other"

    @staticmethod
    @hookimpl
    def integrules_register_requirements(register):
        register.requirement(delegating)


class Local:
    PLUGIN_NAME = "local"

    @staticmethod
    @hookimpl
    def integrules_register_requirements(register):
        register.override(LOCAL)


def message(engine, as_of):
    from integrules.model import Participant
    return engine.evaluate(Participant(id="X"), as_of).finding("other.delegerer").message.nb


def test_the_version_in_force_on_the_as_of_date_the_day_before_and_the_day_of_the_change():
    engine = Engine(entry_points=False, plugins=[Base(), Other()])
    assert message(engine, D(2023, 12, 31)) == "gammel"
    assert message(engine, D(2024, 1, 1)) == "ny"


def test_an_override_is_what_the_rule_reaches():
    engine = Engine(entry_points=False, plugins=[Base(), Other(), Local()])
    assert message(engine, D(2023, 12, 31)) == "lokal" == message(engine, D(2024, 1, 1))


def test_none_when_no_version_is_in_force_or_the_id_is_unknown():
    engine = Engine(entry_points=False, plugins=[Base(), Other()])
    assert message(engine, D(2020, 12, 31)) == "ingen"  # before the first version
    assert Engine(entry_points=False, plugins=[Other(), Base()]).registry.requirements["base.krav"] == [OLD, NEW]
    lone = Engine(entry_points=False, plugins=[Base(), Other()])
    from integrules.context import Context
    from integrules.model import Participant
    ctx = Context(Participant(id="X"), D(2024, 6, 1), None, {}, lone.registry)
    assert ctx.requirement("nobody.registered") is None and ctx.requirement("base.krav") is NEW
