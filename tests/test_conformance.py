"""The conformance check finds what it promises to find, and the pytest plugin's helpers work."""

import datetime as dt

import pytest

from integrules import LegalRef, Text, Unit, hookimpl, met, not_met, unknown, requirement
from integrules.testing import check_plugin, stub_regime
from fakeplugins import make_plugin

pytest_plugins = ["integrules.testing.pytest_plugin"]

REF = LegalRef("testloven", "§ 1", url="https://example.org/testloven")
META = dict(title=Text("Krav", "Requirement"), description=Text("Et krav", "A requirement"), references=(REF,),
            valid_from=dt.date(2021, 1, 1), regime="integreringsloven", responsible=(Unit.FT,))


def plugin_with(*reqs, name="under_test", override=False):
    def register(register):
        for r in reqs:
            (register.override if override else register.requirement)(r)
    return make_plugin(name, integrules_register_requirements=register)


def check(plugin, **kw):
    return check_plugin(plugin, others=[stub_regime()], max_examples=15, **kw)


def test_a_good_plugin_has_no_problems():
    req = requirement(id="ok.krav", **META)(lambda ctx: met("ja", "yes"))
    assert check(plugin_with(req)) == []


def test_missing_english_and_no_url():
    bad = requirement(id="bad.krav", **{**META, "title": Text("Krav", " "), "references": (LegalRef("testloven"),)})(
        lambda ctx: met("ja", "yes"))
    problems = check(plugin_with(bad))
    assert any("title has no English text" in p for p in problems)
    assert any("no reference with a URL" in p for p in problems)


def test_local_reference_is_enough():
    req = requirement(id="lokal.krav", **{**META, "references": (LegalRef("Kommunestyrets vedtak", kind="lokal"),)})(
        lambda ctx: met("ja", "yes"))
    assert check(plugin_with(req)) == []


def test_unknown_regime_and_bad_validity():
    req = requirement(id="x.krav", **{**META, "regime": "nowhere", "valid_to": dt.date(2020, 1, 1)})(
        lambda ctx: met("ja", "yes"))
    problems = check(plugin_with(req))
    assert any("regime 'nowhere'" in p for p in problems)
    assert any("valid_to 2020-01-01 is not after" in p for p in problems)


def test_a_rule_that_raises_is_found():
    req = requirement(id="x.krav", **META)(lambda ctx: ctx.p.birth_date.year and met("ja", "yes"))
    problems = check(plugin_with(req))
    assert any("error finding" in p and "AttributeError" in p for p in problems)


def test_nondeterminism_is_found():
    counter = iter(range(10**6))
    req = requirement(id="x.krav", **META)(lambda ctx: met(f"kall {next(counter)}", f"call {next(counter)}"))
    assert any("not deterministic" in p for p in check(plugin_with(req), monotonic=False))


def test_a_non_monotonic_rule_is_found():
    # birth date None treated as "no": filling it in flips the decision
    req = requirement(id="x.krav", **META)(
        lambda ctx: met("ja", "yes") if ctx.p.birth_date else not_met("nei", "no"))
    assert any("became" in p for p in check(plugin_with(req)))


def test_an_unknown_without_missing_facts_is_found():
    req = requirement(id="x.krav", **META)(lambda ctx: unknown([], "?", "?"))
    assert any("unknown without naming" in p for p in check(plugin_with(req)))


def test_an_override_of_nothing_is_reported_not_raised():
    req = requirement(id="nothing.here", **META)(lambda ctx: met("ja", "yes"))
    (problem,) = check(plugin_with(req, override=True))
    assert "refused the plugin at start-up" in problem and "overrides unknown requirement 'nothing.here'" in problem


def test_fixtures(integrules_engine, make_engine, registered):
    assert [p.name for p in integrules_engine.plugins()] == ["integrules"]
    req = requirement(id="ok.krav", **META)(lambda ctx: met("ja", "yes"))
    plugin = plugin_with(req)
    assert "under_test" in [p.name for p in make_engine(stub_regime(), plugin).plugins()]
    with pytest.raises(RuntimeError):
        with registered(plugin, others=[stub_regime()]) as engine:
            assert engine.evaluate_all
            raise RuntimeError("the block failed")
    assert not engine.pm.has_plugin("under_test")
