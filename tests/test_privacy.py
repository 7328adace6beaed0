"""No name or DUF number in outputs, logs or error messages unless names were asked for; --pseudonymise."""

from __future__ import annotations

import json

import attrs
import pytest

from integrules import Engine, synthetic
from integrules.cli import main
from integrules.model import Participant
from integrules.privacy import Pseudonymiser
from integrules.reading import parse_document

KEY = "en hemmelig nøkkel som er lang nok, 2024"  # at least 32 characters (privacy.MIN_KEY_CHARS)
EXAMPLE = synthetic.case_file()


def secrets() -> list[str]:
    """Every name and DUF number in the bundled example, the DUF number in both written forms."""
    out = []
    for p in EXAMPLE["participants"]:
        if p.get("name"):
            out.append(p["name"])
        if p.get("duf"):
            digits = p["duf"].replace(" ", "")
            out += [digits, f"{digits[:4]} {digits[4:10]} {digits[10:]}"]
    assert len(out) > 100
    return out


def ids() -> list[str]:
    return [p["id"] for p in EXAMPLE["participants"]]


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def assert_clean(text: str) -> None:
    leaked = [s for s in secrets() if s in text]
    assert not leaked, f"names or DUF numbers in the output: {leaked[:3]}"


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("extra", [(), ("--pseudonymise", "--key", KEY), ("--show-not-applicable",)])
def test_check_outputs_hold_no_names_or_duf_numbers(capsys, fmt, extra):
    if "--show-not-applicable" in extra and fmt == "json":
        pytest.skip("text-only option")
    code, out, err = run(capsys, "check", "--example", "--format", fmt, *extra)
    assert code in (0, 1) and out
    assert_clean(out + err)


REPORT_FORMATS = ["text", "markdown", "csv", "json", "html"]


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_report_outputs_hold_no_names_unless_asked(capsys, fmt):
    code, out, err = run(capsys, "report", "--example", "--format", fmt)
    assert code in (0, 1) and out
    assert_clean(out + err)


def test_report_with_names_is_the_one_place_names_appear(capsys):
    code, out, _ = run(capsys, "report", "--example", "--with-names")
    assert code in (0, 1)
    # Asked for: names may appear (a case list for those with a need to know); DUF numbers never do.
    digits = [p["duf"] for p in EXAMPLE["participants"] if p.get("duf")]
    assert not [d for d in digits if d in out]


def test_trace_log_holds_no_names_or_duf_numbers(capsys, monkeypatch):
    monkeypatch.setenv("INTEGRULES_TRACE_PLUGINS", "1")
    code, out, err = run(capsys, "check", "--example", "--format", "json")
    assert "integrules_decide_regime" in err and "participant" in err  # the trace was written
    assert_clean(out + err)


def test_participant_repr_hides_name_and_duf():
    p = Participant(id="X", name="Kari Nordmann", duf="202109700904")
    assert "Kari" not in repr(p) and "202109700904" not in repr(p) and "<hidden>" in repr(p)
    assert repr(Participant(id="X")).count("None") > 5


PLANTED = ["Kari Plantesen Nordmann", "kari", "202109700904", "2021 097009 04", "Åse Ørnes"]
FIELDS = [a.name for a in attrs.fields(Participant) if a.name not in ("id", "name")]


@pytest.mark.parametrize("secret", PLANTED)
def test_a_name_or_duf_number_in_any_wrong_field_is_never_echoed(secret):
    """Each field, top level and nested, given a name or DUF number: rejected or read, never quoted back."""
    nested = {"kompetansekartlegging": "date", "introduksjonsprogram": "start_date", "integreringsplan": "created",
              "opplaering": "start_date", "livsmestring": "hours", "permit": "basis"}
    records = [{"id": f"R{i}", field: secret} for i, field in enumerate(FIELDS)]
    records += [{"id": f"N{i}", field: {sub: secret}} for i, (field, sub) in enumerate(nested.items())]
    records += [{"id": "L", "norskmal": [{"date": secret, "kind": secret, "levels": {"muntlig": secret}}]},
                {"id": "K", secret.title(): 1}, {"id": "T", "test_results": [{"date": "2023-01-01", "levels": {"muntlig": secret}}]}]
    _, items = parse_document({"participants": records})
    messages = " ".join(e for item in items for e in getattr(item, "errors", ()))
    assert messages and secret not in messages and secret.split()[0] not in messages


def test_rejections_name_a_record_by_index_and_id():
    _, items = parse_document({"participants": [{"id": "A-1", "birth_date": "Kari Nordmann"}]})
    (r,) = list(items)
    assert r.describe() == ("record 0 (id A-1): participants[0].birth_date: text (13 characters) is not a date "
                            "(expected YYYY-MM-DD or dd.mm.yyyy)")


def test_date_and_level_shaped_mistakes_are_still_quoted():
    _, items = parse_document({"participants": [{"id": "A", "birth_date": "31.02.1990"},
                                                {"id": "B", "birth_date": "1990-13-01"}]})
    a, b = list(items)
    assert "'31.02.1990' is not a date that exists" in a.errors[0]
    assert "'1990-13-01' is not a date that exists" in b.errors[0]


# -- pseudonyms ------------------------------------------------------------------------------------------

def test_pseudonyms_are_keyed_stable_and_not_the_id():
    a, b = Pseudonymiser(KEY), Pseudonymiser(KEY)
    assert a("EK-1") == b("EK-1") and a("EK-1") != a("EK-2")
    assert a("EK-1") != Pseudonymiser("another key")("EK-1")
    assert a("EK-1").startswith("psn-") and len(a("EK-1")) == 20 and "EK-1" not in a("EK-1")
    assert KEY not in repr(a)
    with pytest.raises(ValueError):
        Pseudonymiser("")


def test_pseudonymise_replaces_every_id_in_check_output_stable_across_runs(capsys, monkeypatch):
    _, plain, _ = run(capsys, "check", "--example", "--format", "json")
    code, first, err = run(capsys, "check", "--example", "--format", "json", "--pseudonymise", "--key", KEY)
    assert code in (0, 1) and not [i for i in ids() if i in first + err]
    monkeypatch.setenv("INTEGRULES_PSEUDONYM_KEY", KEY)
    _, second, _ = run(capsys, "check", "--example", "--format", "json", "--pseudonymise")
    assert first == second  # the same key gives the same pseudonyms, run after run
    pseudo = Pseudonymiser(KEY)
    doc, plain_doc = json.loads(first), json.loads(plain)
    assert [p["participant_id"] for p in doc["participants"]] == [pseudo(p["participant_id"]) for p in plain_doc["participants"]]
    # Only the ids differ.
    for p in plain_doc["participants"]:
        p["participant_id"] = pseudo(p["participant_id"])
    assert doc == plain_doc
    _, text, _ = run(capsys, "check", "--example", "--pseudonymise")
    assert not [i for i in ids() if i in text] and pseudo(ids()[0]) in text


def test_pseudonymise_covers_rejected_records(capsys, tmp_path):
    f = tmp_path / "cases.json"
    f.write_text(json.dumps({"participants": [{"id": "SAK-77", "education": "Kari Nordmann"}]}))
    code, out, err = run(capsys, "check", str(f), "--as-of", "2024-01-01", "--format", "json", "--pseudonymise", "--key", KEY)
    assert code == 3 and json.loads(out)["rejected"][0]["record_id"] == Pseudonymiser(KEY)("SAK-77")
    assert "SAK-77" not in out + err and "Kari" not in out + err
    code, out, _ = run(capsys, "check", str(f), "--as-of", "2024-01-01", "--pseudonymise", "--key", KEY)
    assert "SAK-77" not in out and Pseudonymiser(KEY)("SAK-77") in out


def test_pseudonymise_needs_a_key(capsys, monkeypatch):
    monkeypatch.delenv("INTEGRULES_PSEUDONYM_KEY", raising=False)
    code, out, err = run(capsys, "check", "--example", "--pseudonymise")
    assert code == 2 and out == "" and "INTEGRULES_PSEUDONYM_KEY" in err
    code, _, err = run(capsys, "check", "--example", "--key", KEY)
    assert code == 2 and "--pseudonymise" in err


def test_free_text_in_end_reason_does_not_reach_the_report(capsys, tmp_path):
    f = tmp_path / "cases.json"
    f.write_text(json.dumps({"as_of": "2024-06-01", "participants": [{"id": "A", "introduksjonsprogram": {
        "participates": True, "start_date": "2022-01-01", "end_date": "2024-01-01", "end_reason": "Kari Nordmann flyttet"}}]}))
    _, out, err = run(capsys, "report", str(f), "--format", "json")
    assert "Kari" not in out + err
