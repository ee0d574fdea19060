"""The shape README promises: thin hook files over a package that imports nothing from MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HOOK_FILES = sorted((ROOT / "hooks").glob("*.py"))
PACKAGE = sorted((ROOT / "hooks" / "kb").glob("*.py"))
MAX_HOOK_LINES = 60


def imported_modules(path: Path) -> set[str]:
    """The top-level names of every module ``path`` imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return {name.split(".")[0] for name in names}


def test_each_hook_file_is_a_short_adapter() -> None:
    long = {
        path.name: n
        for path in HOOK_FILES
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_HOOK_LINES
    }
    assert long == {}, f"hook files over {MAX_HOOK_LINES} lines: move their logic into hooks/kb/"


def test_the_package_imports_nothing_from_mkdocs_or_the_theme() -> None:
    found = {path.name: sorted(imported_modules(path) & {"mkdocs", "material"}) for path in PACKAGE}
    assert {name: modules for name, modules in found.items() if modules} == {}


def test_mkdocs_yml_lists_every_hook_file_and_only_those() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = yaml.safe_load(text[text.index("\nhooks:") : text.index("\n\n", text.index("\nhooks:"))])["hooks"]
    assert sorted(hooks) == sorted(f"hooks/{path.name}" for path in HOOK_FILES)
