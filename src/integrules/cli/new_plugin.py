"""integrules new-plugin: create a working, tested plugin distribution from the bundled template."""

from __future__ import annotations

import argparse
import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from ..errors import UsageError
from . import EXIT_OK

HELP = "Lag et nytt programtillegg fra malen / create a new plugin distribution from the template"
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
SUFFIX = ".tmpl"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME",
                   help="plugin name: lowercase letters, digits and _ (e.g. minkommune); the distribution is "
                        "integrules-NAME, the package integrules_NAME")
    p.add_argument("--dir", default=".", metavar="DIR", help="create DIR/NAME (default: the current directory)")


def template_files() -> list[tuple[str, str]]:
    """The template as (relative path with placeholders, text) pairs, sorted."""
    root = resources.files("integrules") / "templates" / "plugin"
    out: list[tuple[str, str]] = []

    def walk(node: Traversable, prefix: str) -> None:
        for child in sorted(node.iterdir(), key=lambda c: c.name):
            if child.name == "__pycache__":
                continue
            rel = f"{prefix}{child.name}"
            if child.is_dir():
                walk(child, rel + "/")
            elif child.name.endswith(SUFFIX):
                out.append((rel, child.read_text(encoding="utf-8")))

    walk(root, "")
    return out


def render(text: str, name: str) -> str:
    return text.replace("{{name}}", name)


def create(name: str, directory: str | Path = ".") -> Path:
    """Write the plugin ``name`` to ``directory/name`` and return that folder."""
    if not NAME_RE.match(name) or name == "integrules":
        raise UsageError(f"plugin name {name!r}: use lowercase letters, digits and _, starting with a letter")
    _refuse_installed(name)
    folder = Path(directory)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--dir {directory}: not a folder")
    target = folder / name
    if target.exists():
        raise UsageError(f"{target} already exists; choose another name or --dir")
    files = template_files()
    if not files:
        raise UsageError("the plugin template is missing from this installation of integrules")
    try:
        for rel, text in files:
            path = target / render(rel, name)[: -len(SUFFIX)]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(text, name), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot create {target}: {exc.strerror}") from None
    return target


def _refuse_installed(name: str) -> None:
    """A new plugin must not take the name of an installed one: once installed it would replace it
    (the same entry-point name, distribution or package)."""
    import importlib.util
    from importlib import metadata

    from ..engine import ENTRY_POINT_GROUP

    taken = {ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}
    if name in taken:
        raise UsageError(f"plugin name {name!r} is taken by an installed plugin; choose another name")
    try:
        metadata.distribution(f"integrules-{name}")
    except metadata.PackageNotFoundError:
        pass
    else:
        raise UsageError(f"a distribution integrules-{name} is installed; choose another name")
    try:
        spec = importlib.util.find_spec(f"integrules_{name}")
    except (ImportError, ValueError):
        spec = None
    if spec is not None:
        raise UsageError(f"a package integrules_{name} is importable; choose another name")


def run(args: argparse.Namespace) -> int:
    target = create(args.name, args.dir)
    print(f"Laget/created {target}")
    print("Neste steg / next steps:")
    print(f"  pip install -e {target}")
    print(f"  python -m pytest {target} -q")
    print("  integrules plugins")
    return EXIT_OK
