"""The worked examples in docs/norskmal.md run as written."""

from __future__ import annotations

import pathlib
import re

import pytest

DOC = pathlib.Path(__file__).resolve().parents[3] / "docs" / "norskmal.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S) if DOC.exists() else []


@pytest.mark.skipif(not DOC.exists(), reason="docs/norskmal.md is not beside the plugin (installed elsewhere)")
@pytest.mark.parametrize("index", range(len(BLOCKS)) if BLOCKS else [0])
def test_doc_example_runs(index):
    code = BLOCKS[index]
    namespace: dict = {}
    exec(compile(code, f"{DOC.name} block {index}", "exec"), namespace)
