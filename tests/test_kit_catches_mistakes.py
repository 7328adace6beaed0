"""The plugin kit catches what plugin authors get wrong (issue 21).

Mistakes are planted one at a time in the plugin ``integrules new-plugin`` makes (with the
tutorial's deadline rule added, as docs/tutorial.md shows), and the kit's conformance check must
name each one. A change that weakens the kit fails here, with the message it no longer gives.
"""

from __future__ import annotations

import importlib.util
import itertools
import sys

import pytest

from integrules.cli.new_plugin import create
from integrules.testing import check_plugin, stub_regime

NAME = "plantekommune"

# The tutorial's rule (docs/tutorial.md, step 3), written with due_after so the clock's start is known.
TUTORIAL_RULE = '''

from integrules.dates import due_after

VEDTAK_LIVSMESTRING = LegalRef("plantekommune kommunestyre, vedtak i sak 31/25", section="punkt 2", kind="lokal")


@requirement(
    id="plantekommune.livsmestring_forste_aar",
    title=Text("Livsmestring i løpet av første år", "Life skills within the first year"),
    description=Text(
        "Deltakeren fullfører livsmestring innen tolv måneder etter programstart (lokalt vedtak).",
        "The participant completes life skills within twelve months of the programme start (local decision).",
    ),
    references=(VEDTAK_LIVSMESTRING,),
    valid_from=dt.date(2025, 6, 1),
    regime="integreringsloven",
    responsible=(Unit.FT,),
)
def livsmestring_forste_aar(ctx):
    programme = ctx.need(ctx.p.introduksjonsprogram, "introduksjonsprogram")
    start = ctx.need(programme.start_date, "introduksjonsprogram.start_date")
    due = due_after(start, months=12)
    return ctx.deadline(ctx.p.livsmestring, "livsmestring", due, Text("Livsmestring", "Life skills"))
'''
REGISTER_OLD = "register.requirement(kompetansekartlegging_dokumentert)"
REGISTER_NEW = "register.requirement(kompetansekartlegging_dokumentert, livsmestring_forste_aar)"

_counter = itertools.count()


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    root = create(NAME, tmp_path_factory.mktemp("kit"))
    path = root / "src" / f"integrules_{NAME}" / "__init__.py"
    text = path.read_text(encoding="utf-8")
    assert REGISTER_OLD in text
    return text.replace(REGISTER_OLD, REGISTER_NEW) + TUTORIAL_RULE


def load(text: str, tmp_path):
    """The plugin source as a module loaded from a file (so the kit can rebuild it in a subprocess)."""
    name = f"integrules_{NAME}_{next(_counter)}"
    path = tmp_path / f"{name}.py"
    path.write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    module.PLUGIN_NAME = NAME
    return module


def problems_of(text: str, tmp_path, **kw) -> list[str]:
    kw.setdefault("subprocess", False)
    return check_plugin(load(text, tmp_path), others=[stub_regime("integreringsloven")], coverage="all", **kw)


def planted(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"the template changed: {old!r} is not in it once"
    return text.replace(old, new)


NEED_DOCUMENTED = 'if ctx.need(mapping.documented, "kompetansekartlegging.documented"):'
NEED_DATE = 'day = ctx.need(mapping.date, "kompetansekartlegging.date")'
HAPPENED = "if ctx.happened(day):"
MET = 'return met("Kartleggingen er dokumentert.", "The mapping is documented.")'
PENDING = 'return pending("Kartleggingen er ikke gjennomført ennå.", "The mapping has not been done yet.")'
NEED_MAPPING = 'mapping = ctx.need(ctx.p.kompetansekartlegging, "kompetansekartlegging")'
TITLE = 'title=Text("Kompetansekartleggingen er dokumentert", "The competence mapping is documented"),'
LOV_REF = 'LOV_10 = LegalRef("integreringsloven", section="§ 10", ledd=3, url="https://lovdata.no/lov/2020-11-06-127/§10")'
DUE = "due = due_after(start, months=12)"

# (kind, old, new, what the kit must say, extra arguments). The first twelve are the kinds issue 21
# found missed; the rest were caught before and must stay caught.
MISTAKES = [
    ("met when the fact it needs is missing", NEED_DOCUMENTED, "if mapping.documented is not False:",
     ["with kompetansekartlegging.documented unknown, but not_met with it known", "a rule must return unknown"], {}),
    ("TypeError on a None date", f"{NEED_DATE}\n        {HAPPENED}", "day = mapping.date\n        if day <= ctx.as_of:",
     ["error finding", "TypeError", "with kompetansekartlegging.date unknown"], {}),
    ("date.today() instead of the as-of date", HAPPENED, "if day <= dt.date.today():",
     ["judged differently", "clock", "never date.today()"], {"subprocess": True}),
    ("returns None", PENDING, "return None",
     ["error finding", "returned NoneType, not an Evaluation"], {}),
    ("mutates the participant with object.__setattr__", NEED_MAPPING,
     NEED_MAPPING + '\n    object.__setattr__(mapping, "documented", True)',
     ["judging changed the participant", "kompetansekartlegging.documented: false -> true"], {}),
    ("mutates the participant itself", NEED_MAPPING,
     NEED_MAPPING + '\n    object.__setattr__(ctx.p, "needs_b2", None)',
     ["judging changed the participant", "needs_b2: "], {}),
    ("depends on set order (PYTHONHASHSEED)", MET,
     'return met("Dokumentert: " + ", ".join({"kartlegging", "dokumentasjon", "dato"}), '
     '"Documented: " + ", ".join({"mapping", "documentation", "date"}))',
     ["judged differently in", "PYTHONHASHSEED", "sort before joining"], {"subprocess": True}),
    ("a message without English", MET, 'return met("Kartleggingen er dokumentert.", "")',
     ["a message without Bokmål or English text"], {}),
    ("the Norwegian copied into the English", MET,
     'return met("Kartleggingen er dokumentert.", "Kartleggingen er dokumentert.")',
     ["the message has the same Bokmål and English text"], {}),
    ("a TODO citation", LOV_REF, 'LOV_10 = LegalRef("TODO: finn vedtaket", kind="lokal")',
     ["is a placeholder ('TODO')", "cite the real decision or law"], {}),
    ("the template's own «sak 00/00»", LOV_REF,
     f'LOV_10 = LegalRef("{NAME} kommunestyre, vedtak i sak 00/00", section="punkt 1", kind="lokal")',
     ["is a placeholder ('00/00')"], {}),
    ("a due date before the start of its clock", DUE, "due = due_after(start, months=-12)",
     ["plantekommune.livsmestring_forste_aar: due", "the date that starts its clock"], {}),
    ("only ever unknown", NEED_MAPPING,
     'mapping = ctx.need(getattr(ctx.p, "kompetanse_kartlegging", None), "kompetanse_kartlegging")',
     ["plantekommune.kompetansekartlegging_dokumentert (from 2025-01-01): only ever unknown"], {}),
    ("a decided branch never reached", MET,
     'return met("Kartleggingen er dokumentert.", "The mapping is documented.") if day.year < 1900 else '
     'not_met("Kartleggingen er ikke dokumentert.", "The mapping is not documented.")',
     ["its code returns met, but no example reached it"], {}),
    ("a title without English", TITLE, 'title=Text("Kompetansekartleggingen er dokumentert", ""),',
     ["title has no English text"], {}),
    ("a title copied", TITLE, 'title=Text("Kompetansekartlegging", "Kompetansekartlegging"),',
     ["title has the same Bokmål and English text"], {}),
    ("a reference without a URL or a local decision", LOV_REF, 'LOV_10 = LegalRef("integreringsloven", section="§ 10")',
     ["no reference with a URL, and no local decision"], {}),
    ("an override of an id that does not exist", REGISTER_NEW,
     REGISTER_NEW + '\n    register.override(__import__("attrs").evolve(livsmestring_forste_aar, id="integreringsloven.finnes_ikke"))',
     ["refused the plugin at start-up", "overrides unknown requirement 'integreringsloven.finnes_ikke'"], {}),
    ("a non-monotone rule", NEED_MAPPING,
     'if ctx.p.birth_date is None:\n        return met("Ingen fødselsdato.", "No birth date.")\n    ' + NEED_MAPPING,
     ["plantekommune.kompetansekartlegging_dokumentert: met", "birth_date",
      "a rule must return unknown while a fact it depends on is None"], {}),
    ("an exception on a missing programme", 'programme = ctx.need(ctx.p.introduksjonsprogram, "introduksjonsprogram")',
     "programme = ctx.p.introduksjonsprogram", ["error finding", "AttributeError"], {}),
]


def test_the_template_with_the_tutorials_rule_passes(source, tmp_path):
    assert problems_of(source, tmp_path, subprocess=True) == []


def test_at_least_the_twelve_kinds_of_issue_21_are_planted():
    assert len(MISTAKES) >= 12 and len({m[0] for m in MISTAKES}) == len(MISTAKES)


@pytest.mark.parametrize("kind, old, new, says, kw", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_the_kit_catches(source, tmp_path, kind, old, new, says, kw):
    problems = problems_of(planted(source, old, new), tmp_path, **kw)
    text = "\n".join(problems)
    assert problems, f"the kit missed: {kind}"
    for phrase in says:
        assert phrase in text, f"{kind}: the kit no longer says {phrase!r}; it says:\n{text}"
