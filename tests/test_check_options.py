"""check --show-not-applicable lists the not-applicable findings in text output (docs/output.md)."""

from integrules.cli import main


def test_show_not_applicable_lists_them(capsys):
    main(["check", "--example"])
    hidden = capsys.readouterr().out
    main(["check", "--example", "--show-not-applicable"])
    shown = capsys.readouterr().out
    assert "krav gjelder ikke / requirements not applicable)" in hidden
    assert "[gjelder ikke / not applicable]" not in hidden
    assert "[gjelder ikke / not applicable]" in shown
    assert "krav gjelder ikke / requirements not applicable)" not in shown
    main(["check", "--example", "--show-not-applicable", "--jobs", "2"])
    assert capsys.readouterr().out == shown
