"""The docs stay honest: every hook is documented with a runnable example, and the examples run."""

import re
from pathlib import Path

import pytest

from integrules import hookspecs

ROOT = Path(__file__).resolve().parent.parent
HOOKS_MD = ROOT / "docs" / "hooks.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.S)


def hook_names():
    return sorted(name for name in dir(hookspecs) if name.startswith("integrules_")
                  and callable(getattr(hookspecs, name)))


def sections(text):
    """Level-2 sections of a markdown page: heading -> body."""
    parts = re.split(r"^## ", text, flags=re.M)
    return {part.splitlines()[0].strip().strip("`"): part for part in parts[1:]}


def python_blocks(path):
    return [m.group(1) for m in BLOCK.finditer(path.read_text(encoding="utf-8"))]


def test_there_are_hooks():
    assert "integrules_decide_regime" in hook_names()


@pytest.mark.parametrize("hook", hook_names())
def test_every_hook_is_documented_with_a_runnable_example(hook):
    docs = sections(HOOKS_MD.read_text(encoding="utf-8"))
    assert hook in docs, f"docs/hooks.md has no section '## `{hook}`'"
    body = docs[hook]
    assert BLOCK.search(body), f"the section on {hook} has no ```python example"
    assert f"def {hook}(" in body, f"the example for {hook} does not implement it"


def test_no_section_documents_a_hook_that_does_not_exist():
    assert sorted(sections(HOOKS_MD.read_text(encoding="utf-8"))) == hook_names()


EXAMPLES = [(page, i, code) for page in ("hooks.md", "tests-as-data.md", "tutorial.md", "testing.md")
            for i, code in enumerate(python_blocks(ROOT / "docs" / page))]


@pytest.mark.parametrize("page, index, code", EXAMPLES, ids=[f"{p}#{i}" for p, i, _ in EXAMPLES])
def test_python_examples_run(page, index, code, tmp_path, monkeypatch):
    if code.lstrip().startswith("# not run"):
        pytest.skip("marked as not run (needs files from the tutorial)")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, f"docs/{page} example {index}", "exec"), {"__name__": f"docs_example_{index}"})
