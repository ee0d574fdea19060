"""JSON Schemas of the front matter and of every data file, generated from the models that check them.

Editors that speak yaml-language-server (VS Code's YAML extension and others) read them for completion,
hover text and inline errors. ``python -m kb.json_schemas --write`` rewrites ``hooks/kb/schemas/``;
``--check`` exits 1 when a committed schema differs from the models.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .bibliography import Source
from .figures import FigureRecord
from .frontmatter_schema import FrontMatter
from .glossary import Entry
from .option_grid_data import Grid
from .pages import command_site_data
from .search_terms import SYNONYMS_FILE
from .sitedata import Disclaimer, EvidenceLevel, SiteData

FOLDER = Path(__file__).parent / "schemas"
FRONT_MATTER = "front-matter.schema.json"
# Each data file under docs/_data and the schema of its whole content.
DATA_FILES: dict[str, TypeAdapter[Any]] = {
    "bibliography.yml": TypeAdapter(list[Source]),
    "disclaimers.yml": TypeAdapter(dict[str, Disclaimer]),
    "evidence-scale.yml": TypeAdapter(dict[str, EvidenceLevel]),
    "figures.yml": TypeAdapter(dict[str, FigureRecord]),
    "glossary.yml": TypeAdapter(list[Entry]),
    "option-grid.yml": TypeAdapter(Grid),
    "search-synonyms.yml": SYNONYMS_FILE,
}
FIX = "run `make schemas` (PYTHONPATH=hooks python -m kb.json_schemas --write)"


def schema_name(data_file: str) -> str:
    """The schema file of a data file: ``glossary.yml`` -> ``glossary.schema.json``."""
    return data_file.removesuffix(".yml") + ".schema.json"


def schemas(site: SiteData) -> dict[str, dict[str, Any]]:
    """Every schema by file name; the front matter's choices come from the site's data files."""
    choices = {"disclaimers.yml": list(site.disclaimers), "evidence-scale.yml": list(site.evidence_scale)}
    found = {FRONT_MATTER: _with_choices(FrontMatter.model_json_schema(), choices)}
    found |= {schema_name(name): adapter.json_schema() for name, adapter in DATA_FILES.items()}
    return found


def _with_choices(node: Any, choices: dict[str, list[str]]) -> Any:
    """``node`` with an enum wherever a field takes its choices from a data file (``x-choices-from``)."""
    if isinstance(node, list):
        return [_with_choices(item, choices) for item in node]
    if not isinstance(node, dict):
        return node
    result = {key: _with_choices(value, choices) for key, value in node.items()}
    if "x-choices-from" in node:
        result["enum"] = choices[node["x-choices-from"]]
    return result


def rendered(schema: dict[str, Any]) -> str:
    """A schema as committed: sorted keys, two-space indent, a final newline."""
    return json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write or check the schemas; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m kb.json_schemas", description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help=f"rewrite {FOLDER.name}/*.json")
    action.add_argument("--check", action="store_true", help="exit 1 if a committed schema is out of date")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the docs folder (default: docs)")
    args = parser.parse_args(argv)
    site = command_site_data(args.docs, "kb.json_schemas")
    if site is None:
        return 1
    stale = []
    for name, schema in schemas(site).items():
        path = FOLDER / name
        text = rendered(schema)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if args.write:
            FOLDER.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.write:
        print(f"kb.json_schemas: {len(stale)} schema(s) updated", file=sys.stderr)
        return 0
    for name in stale:
        print(f"hooks/kb/schemas/{name}:1: the schema differs from the models; {FIX}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
