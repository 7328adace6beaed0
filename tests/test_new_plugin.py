"""`integrules new-plugin` creates a working, tested plugin distribution."""

import importlib.util
import os
import subprocess
import sys
import tomllib

import pytest

from integrules.cli import main
from integrules.cli.new_plugin import create, template_files
from integrules.errors import UsageError
from integrules.testing import check_plugin, stub_regime


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_template_is_shipped():
    names = [rel for rel, _ in template_files()]
    assert "pyproject.toml.tmpl" in names and any(n.startswith("tests/cases/") for n in names)


def test_new_plugin_creates_a_distribution_that_passes_its_own_tests(tmp_path, capsys):
    assert main(["new-plugin", "minkommune", "--dir", str(tmp_path)]) == 0
    root = tmp_path / "minkommune"
    assert f"pip install -e {root}" in capsys.readouterr().out
    meta = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["name"] == "integrules-minkommune"
    assert meta["project"]["entry-points"]["integrules"] == {"minkommune": "integrules_minkommune"}
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "src"), os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(root)],
                         capture_output=True, text=True, cwd=root, env=env, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "4 passed" in out.stdout
    cases = subprocess.run([sys.executable, "-m", "integrules", "test", str(root / "tests/cases/kompetansekartlegging.json")],
                           capture_output=True, text=True, cwd=root, env=env, timeout=120)
    assert cases.returncode == 0 and "3 av/of 3" in cases.stdout, cases.stdout + cases.stderr


def test_new_plugin_conforms(tmp_path):
    root = create("annenkommune", tmp_path)
    module = load_module(root / "src/integrules_annenkommune/__init__.py", "integrules_annenkommune")
    assert check_plugin(module, others=[stub_regime("integreringsloven")], max_examples=10) == []


@pytest.mark.parametrize("name", ["Min-Kommune", "1kommune", "integrules", "min kommune", ""])
def test_bad_names_are_refused(tmp_path, name):
    with pytest.raises(UsageError):
        create(name, tmp_path)


def test_an_existing_folder_is_not_overwritten(tmp_path):
    (tmp_path / "minkommune").mkdir()
    with pytest.raises(UsageError, match="already exists"):
        create("minkommune", tmp_path)
