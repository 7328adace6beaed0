"""`integrules requirements --format markdown`: the checklist table (one row per tagged item), the
requirement table and the settings table, with a small plugin of its own."""

from __future__ import annotations

import datetime as dt
import json

from integrules import Engine, LegalRef, Regime, Requirement, Setting, Text, Unit, hookimpl, met
from integrules.cli import main
from integrules.cli.requirements import checklist_rows, markdown

LOV = LegalRef("testloven", "§ 10", ledd=2, url="https://lovdata.no/test/§10")
LOV_9 = LegalRef("testloven", "§ 9", url="https://lovdata.no/test/§9")
FORSKRIFT = LegalRef("testforskriften", "kapittel 9", url="https://imdi.example/nir", kind="forskrift")
GUIDE = LegalRef("IMDi, veileder", url="https://imdi.example/guide", kind="veileder")
D2021, D2022, D2025 = dt.date(2021, 1, 1), dt.date(2022, 6, 15), dt.date(2025, 1, 1)


def _req(rid, checklist, *, refs=(LOV,), valid_from=D2021, valid_to=None, confidence="high", settings=(), title="Krav"):
    return Requirement(id=rid, title=Text(title, "Requirement"), description=Text("b", "d"), references=refs,
                       valid_from=valid_from, valid_to=valid_to, regime="base", responsible=(Unit.FT,),
                       evaluate=lambda ctx: met("ja", "yes"), confidence=confidence, settings=settings,
                       checklist=checklist)


class Plugin:
    """Requirements registered out of order, tagged R10, R2 and R2+R17."""

    @hookimpl
    def integrules_register_regimes(self, register):
        register.regime(Regime(id="base", title=Text("Grunn", "Base"), references=(LOV_9,), valid_from=D2021,
                               checklist=("R18",)))
        register.regime(Regime(id="temp", title=Text("Midlertidig", "Temporary"), references=(GUIDE,), base="base",
                               valid_from=D2022, valid_to=D2025, checklist=("R17", "R18")))

    @hookimpl
    def integrules_register_settings(self, register):
        register.setting(Setting(name="test.frist", default=dt.date(2026, 7, 1), description=Text("Frist | dato", "Deadline"),
                                 references=(LOV,)))

    @hookimpl
    def integrules_register_requirements(self, register):
        register.requirement(
            _req("test.tiende", ("R10",), refs=(LOV, GUIDE), title="Fulltid | helår"),
            _req("test.andre", ("R2",), refs=(LOV, LOV_9, FORSKRIFT), confidence="medium", settings=("test.frist",)),
            _req("test.varighet", ("R2",), valid_to=D2025), _req("test.varighet", ("R2",), valid_from=D2025, confidence="low"),
            _req("test.seksa", ("R2", "R17"), valid_from=D2022, refs=(GUIDE,)),
        )


def _engine():
    return Engine(entry_points=False, plugins=[("testplugin", Plugin())])


def test_one_row_per_item_in_numeric_order_with_regimes():
    rows = checklist_rows(_engine())
    assert [r["item"] for r in rows] == ["R2", "R10", "R17", "R18"]
    r2 = rows[0]
    assert r2["ids"] == ["test.andre", "test.seksa", "test.varighet"]
    assert r2["confidence"] == "low"  # the lowest of its ids
    assert r2["settings"] == ["test.frist"]
    assert r2["sources"] == sorted({"https://lovdata.no/test/§10", "https://lovdata.no/test/§9",
                                    "https://imdi.example/nir", "https://imdi.example/guide"})
    # sections by instrument, laws before regulations; guides give a URL only
    assert r2["sections"] == "testloven §§ 9, 10; testforskriften kapittel 9"
    # validity per id where the ids differ; the versions of one id joined
    assert r2["validity"] == [{"valid": "2021-01-01 –", "ids": ["test.andre"]},
                              {"valid": "2021-01-01 – 2025-01-01, 2025-01-01 –", "ids": ["test.varighet"]},
                              {"valid": "2022-06-15 –", "ids": ["test.seksa"]}]
    assert rows[2]["ids"] == ["regime:temp", "test.seksa"] and rows[2]["confidence"] == "high"
    assert rows[3]["ids"] == ["regime:base", "regime:temp"] and rows[3]["confidence"] is None
    assert rows[3]["sections"] == "testloven § 9"


def test_as_of_keeps_only_what_is_in_force():
    rows = {r["item"]: r for r in checklist_rows(_engine(), dt.date(2021, 6, 1))}
    assert sorted(rows, key=lambda i: int(i[1:])) == ["R2", "R10", "R18"]  # temp and seksa start 15.06.2022
    assert rows["R2"]["ids"] == ["test.andre", "test.varighet"] and rows["R2"]["confidence"] == "medium"
    assert rows["R2"]["validity"] == [{"valid": "2021-01-01 –", "ids": ["test.andre"]},
                                      {"valid": "2021-01-01 – 2025-01-01", "ids": ["test.varighet"]}]
    assert rows["R18"]["ids"] == ["regime:base"]


def test_markdown_has_the_three_tables_and_escapes_pipes():
    text = markdown(_engine())
    checklist, requirements, settings = text.split("#### ")[1:]
    assert checklist.startswith("Sjekkliste / checklist") and requirements.startswith("Krav / requirements")
    lines = [line for line in checklist.splitlines() if line.startswith("| R")]
    assert [line.split(" | ")[0] for line in lines] == ["| R2", "| R10", "| R17", "| R18"]
    assert lines[0].startswith("| R2 | `test.andre`, `test.seksa`, `test.varighet` | testloven §§ 9, 10; testforskriften "
                               "kapittel 9 | 2021-01-01 – (`test.andre`); 2021-01-01 – 2025-01-01, 2025-01-01 – "
                               "(`test.varighet`); 2022-06-15 – (`test.seksa`) | ")
    assert lines[0].endswith(" | low | `test.frist` |")
    assert lines[1].endswith("| 2021-01-01 – | <https://imdi.example/guide> <https://lovdata.no/test/§10> | high | – |")
    assert "Fulltid \\| helår" in requirements and "| R2, R17 |" in requirements
    assert "| `test.frist` | `\"2026-07-01\"` | Frist \\| dato | Deadline | testplugin |" in settings
    assert text == markdown(_engine())  # deterministic


def test_registration_order_does_not_change_the_output():
    class Reversed(Plugin):
        @hookimpl
        def integrules_register_requirements(self, register):
            calls = []
            Plugin.integrules_register_requirements(self, type("R", (), {"requirement": lambda _, *r: calls.extend(r)})())
            register.requirement(*reversed(calls))

    assert markdown(Engine(entry_points=False, plugins=[("testplugin", Reversed())])) == markdown(_engine())


def test_the_command_writes_markdown_and_json(capsys, monkeypatch):
    from integrules.cli import requirements

    monkeypatch.setattr(requirements, "make_engine", lambda args: _engine())
    assert main(["requirements", "--format", "markdown"]) == 0
    assert capsys.readouterr().out == markdown(_engine())
    assert main(["requirements", "--format", "markdown", "--as-of", "2021-06-01"]) == 0
    assert capsys.readouterr().out == markdown(_engine(), dt.date(2021, 6, 1))
    assert main(["requirements", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [row["item"] for row in doc["checklist"]] == ["R2", "R10", "R17", "R18"]
    assert {r["id"]: r["checklist"] for r in doc["requirements"]}["test.seksa"] == ["R2", "R17"]
    assert doc["settings"][0]["default"] == "2026-07-01"
