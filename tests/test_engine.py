import datetime as dt

import pytest

from integrules import ConfigurationError, Engine, Outcome, Text, met, requirement, LegalRef, Unit
from integrules.errors import UsageError
from integrules.model import Event, Participant, PermitBasis, ResidencePermit

from fakeplugins import REF, base, make_plugin, variant_plugin

D = dt.date


def engine(*plugins, **kw):
    return Engine(entry_points=False, plugins=[base, *plugins], **kw)


def test_deadline_outcomes_met_pending_not_met_unknown():
    e = engine()
    settled = Participant(id="a", settlement_date=D(2023, 1, 10))
    assert e.evaluate(settled, D(2023, 2, 1)).finding("test.kontrakt").outcome is Outcome.UNKNOWN
    p = Participant(id="a", settlement_date=D(2023, 1, 10), integreringskontrakt=Event(done=False))
    assert e.evaluate(p, D(2023, 4, 10)).finding("test.kontrakt").outcome is Outcome.PENDING  # due day itself
    assert e.evaluate(p, D(2023, 4, 11)).finding("test.kontrakt").outcome is Outcome.NOT_MET
    done = Participant(id="a", settlement_date=D(2023, 1, 10), integreringskontrakt=Event(done=True, date=D(2023, 3, 1)))
    f = e.evaluate(done, D(2023, 6, 1)).finding("test.kontrakt")
    assert f.outcome is Outcome.MET and f.due == D(2023, 4, 10) and f.responsible == (Unit.FT,)
    # Judged before the contract was signed, it was not done yet.
    assert e.evaluate(done, D(2023, 2, 1)).finding("test.kontrakt").outcome is Outcome.PENDING
    late = Participant(id="a", settlement_date=D(2023, 1, 10), integreringskontrakt=Event(done=True, date=D(2023, 5, 1)))
    assert e.evaluate(late, D(2023, 6, 1)).finding("test.kontrakt").outcome is Outcome.NOT_MET


def test_missing_facts_are_named():
    f = engine().evaluate(Participant(id="a"), D(2023, 1, 1)).finding("test.kontrakt")
    assert f.outcome is Outcome.UNKNOWN and f.missing == ("settlement_date",)


def test_versions_follow_the_as_of_date():
    e = engine()
    p = Participant(id="a")
    assert e.evaluate(p, D(2022, 12, 31)).finding("test.gammel").outcome is Outcome.MET
    assert e.evaluate(p, D(2023, 1, 1)).finding("test.gammel").outcome is Outcome.NOT_MET
    # Before anything is in force, nothing is judged.
    assert e.evaluate(p, D(2020, 12, 31)).findings == ()


def test_settings_default_and_override_and_unknown():
    p = Participant(id="a")
    assert engine().evaluate(p, D(2024, 1, 1)).finding("test.setting").outcome is Outcome.MET
    assert engine(settings={"test.streng": "nei"}).evaluate(p, D(2024, 1, 1)).finding("test.setting").outcome is Outcome.NOT_MET
    with pytest.raises(UsageError, match="unknown setting 'test.nope'"):
        engine(settings={"test.nope": 1})
    with pytest.raises(UsageError, match="test.streng"):
        engine(settings={"test.streng": "kanskje"})


def test_derived_fact_and_explicit_override():
    p = Participant(id="a", birth_date=D(1990, 6, 1))
    assert "alder 33" in engine().evaluate(p, D(2024, 1, 1)).finding("test.fakta").message.nb
    from integrules import DerivedFact

    def facts(register):
        register.override_fact(DerivedFact(name="test.alder", description=Text("x", "x"), compute=lambda p, d, c: 99))

    local = make_plugin("kommune", integrules_register_derived_facts=facts)
    assert "alder 99" in engine(local).evaluate(p, D(2024, 1, 1)).finding("test.fakta").message.nb


def _override_plugin(name, req_id="test.kontrakt"):
    @requirement(id=req_id, title=Text("Lokal", "Local"), description=Text("Lokal", "Local"),
                 references=(LegalRef("Kommunestyrevedtak", "sak 1/24", kind="lokal"),), valid_from=D(2021, 1, 1),
                 regime="base", responsible=(Unit.FT,))
    def local(ctx):
        return met("lokal", "local")

    return make_plugin(name, integrules_register_requirements=lambda register: register.override(local))


def test_override_by_id_replaces_and_is_attributed():
    e = engine(_override_plugin("kommune"))
    f = e.evaluate(Participant(id="a"), D(2024, 1, 1)).finding("test.kontrakt")
    assert f.outcome is Outcome.MET and f.plugin == "kommune"
    assert e.registry.overridden["test.kontrakt"] == "base"


def test_two_overrides_of_one_id_is_a_startup_error_naming_both():
    with pytest.raises(ConfigurationError, match="overridden by more than one plugin: 'a', 'b'"):
        engine(_override_plugin("a"), _override_plugin("b"))


def test_override_of_unknown_id_is_an_error():
    with pytest.raises(ConfigurationError, match="overrides unknown requirement 'test.finnes_ikke'"):
        engine(_override_plugin("a", "test.finnes_ikke"))


def test_duplicate_requirement_without_override_is_an_error():
    from fakeplugins import kontrakt
    dup = make_plugin("dup", integrules_register_requirements=lambda register: register.requirement(kontrakt))
    with pytest.raises(ConfigurationError, match="registered twice for overlapping dates, by 'base' and 'dup'"):
        engine(dup)


def test_adaptation_sets_requirement_aside_for_the_variant_regime():
    e = engine(variant_plugin())
    p = Participant(id="a", settlement_date=D(2023, 1, 1), integreringskontrakt=Event(done=False),
                    permit=ResidencePermit(basis=PermitBasis.KOLLEKTIV_BESKYTTELSE))
    r = e.evaluate(p, D(2024, 1, 1))
    assert r.regime.regime == "variant"
    f = r.finding("test.kontrakt")
    assert f.outcome is Outcome.NOT_APPLICABLE and f.plugin == "variant" and "Gjelder ikke" in f.message.nb
    # The base regime's other requirements still apply to the variant.
    assert r.finding("test.gammel").outcome is Outcome.NOT_MET


def test_regime_not_judged_gives_not_applicable_everywhere():
    r = engine().evaluate(Participant(id="a", started_under_introduksjonsloven=True), D(2024, 1, 1))
    assert {f.outcome for f in r.findings} == {Outcome.NOT_APPLICABLE}


def test_unknown_regime_makes_every_finding_unknown():
    r = Engine(entry_points=False, plugins=[]).evaluate(Participant(id="a"), D(2024, 1, 1))
    assert r.regime.regime is None and r.findings == ()


def test_plugin_exception_becomes_error_finding_and_batch_goes_on():
    @requirement(id="test.krasj", title=Text("Krasj", "Crash"), description=Text("k", "c"), references=(REF,),
                 valid_from=D(2021, 1, 1), regime="base", responsible=(Unit.FT,))
    def crash(ctx):
        raise ZeroDivisionError("boom")

    @requirement(id="test.feil_type", title=Text("Feil", "Wrong"), description=Text("k", "c"), references=(REF,),
                 valid_from=D(2021, 1, 1), regime="base", responsible=(Unit.FT,))
    def wrong(ctx):
        return "met"

    bad = make_plugin("bad", integrules_register_requirements=lambda register: register.requirement(crash, wrong))
    e = engine(bad)
    results = list(e.evaluate_all([Participant(id="a"), Participant(id="b")], D(2024, 1, 1)))
    assert len(results) == 2
    for r in results:
        assert r.finding("test.krasj").outcome is Outcome.ERROR
        assert "'bad'" in r.finding("test.krasj").message.en
        assert r.finding("test.feil_type").outcome is Outcome.ERROR
        assert r.finding("test.gammel").outcome is Outcome.NOT_MET
    assert e.fault_count == 4 and {f.plugin for f in e.faults} == {"bad"}


def test_regime_hook_exception_names_the_plugin():
    def decide(participant, as_of, settings):
        raise RuntimeError("nope")

    bad = make_plugin("badregime", integrules_decide_regime=hookimpl_first(decide))
    r = engine(bad).evaluate(Participant(id="a"), D(2024, 1, 1))
    assert r.regime.regime is None and r.regime.plugin == "badregime"
    assert all(f.outcome is Outcome.UNKNOWN for f in r.findings)


def hookimpl_first(fn):
    from integrules import hookimpl
    return hookimpl(tryfirst=True)(fn)


def test_engines_are_isolated():
    a = engine()
    b = Engine(entry_points=False, plugins=[])
    assert "test.kontrakt" in a.registry.requirements and "test.kontrakt" not in b.registry.requirements


def test_disable_by_name_and_environment(monkeypatch):
    assert "test.kontrakt" not in Engine(entry_points=False, plugins=[base], disable=["base"]).registry.requirements
    monkeypatch.setenv("INTEGRULES_DISABLE_PLUGINS", "base")
    monkeypatch.setenv("INTEGRULES_DISABLE_PLUGIN_AUTOLOAD", "1")
    assert "test.kontrakt" not in Engine.from_environment(plugins=[base]).registry.requirements


def test_misspelled_hook_is_refused():
    from integrules import hookimpl
    from integrules.errors import PluginLoadError

    typo = make_plugin("typo", integrules_register_requirement=hookimpl(lambda register: None))
    # Refused by the plugin's name, as a user error (exit 4), not a raw pluggy traceback.
    with pytest.raises(PluginLoadError, match="plugin 'typo' is not a valid integrules plugin"):
        engine(typo)


def test_trace_writes_hook_calls(capsys):
    engine(trace=True).evaluate(Participant(id="a"), D(2024, 1, 1))
    assert "integrules_decide_regime" in capsys.readouterr().err


def test_plugins_list_shows_hooks():
    names = {p.name: p for p in engine().plugins()}
    assert "integrules_decide_regime" in names["base"].hooks and names["integrules"].source == "builtin"


def test_context_memo_computes_once_and_keeps_missing():
    from integrules import Missing
    from integrules.context import Context
    engine = Engine(entry_points=False, plugins=[])
    p = Participant(id="M-1")
    ctx = Context(p, dt.date(2025, 1, 1), engine.decide_regime(p, dt.date(2025, 1, 1)), engine.settings, engine.registry)
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert ctx.memo(("test", "a"), compute) == 1
    assert ctx.memo(("test", "a"), compute) == 1
    assert ctx.memo(("test", "b"), compute) == 2

    def lacking():
        calls.append(1)
        raise Missing("settlement_date")

    for _ in range(2):
        try:
            ctx.memo(("test", "c"), lacking)
        except Missing as exc:
            assert exc.paths == ("settlement_date",)
        else:
            raise AssertionError("Missing must be raised again")
    assert len(calls) == 3
