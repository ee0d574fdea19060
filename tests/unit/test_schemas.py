"""The committed JSON Schemas match the models, the real files pass them, and editors are pointed at them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from kb import frontmatter
from kb.json_schemas import DATA_FILES, FIX, FOLDER, FRONT_MATTER, main, rendered, schema_name, schemas
from kb.pages import page_files
from kb.sitedata import SiteData, load_site_data
from kb.yaml_lines import load

from tests.sitebuild import ROOT

DOCS = ROOT / "docs"
DATA = DOCS / "_data"


@pytest.fixture(scope="module")
def site() -> SiteData:
    loaded = load_site_data(DATA, "docs/_data")
    assert loaded.problems == []
    return loaded


def validator(name: str) -> Draft202012Validator:
    """A validator of the committed schema ``name``, itself checked against the JSON Schema meta-schema."""
    schema = json.loads((FOLDER / name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def faults(name: str, data: Any) -> list[str]:
    return [
        f"{'.'.join(map(str, error.absolute_path))}: {error.message}" for error in validator(name).iter_errors(data)
    ]


def test_each_committed_schema_is_what_the_models_generate(site: SiteData) -> None:
    generated = schemas(site)
    assert sorted(generated) == sorted(path.name for path in FOLDER.glob("*.json"))
    for name, schema in generated.items():
        assert (FOLDER / name).read_text(encoding="utf-8") == rendered(schema), f"{name} is out of date; {FIX}"


def test_the_check_command_names_a_stale_schema(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys) -> None:
    for path in FOLDER.glob("*.json"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "glossary.schema.json").write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr("kb.json_schemas.FOLDER", tmp_path)
    assert main(["--check", "--docs", str(DOCS)]) == 1
    assert (
        capsys.readouterr().err
        == f"hooks/kb/schemas/glossary.schema.json:1: the schema differs from the models; {FIX}\n"
    )


@pytest.mark.parametrize("data_file", sorted(DATA_FILES))
def test_each_real_data_file_passes_its_schema(data_file: str) -> None:
    data = load((DATA / data_file).read_text(encoding="utf-8")).data
    assert faults(schema_name(data_file), data) == []


def test_every_page_s_front_matter_passes_the_schema() -> None:
    found = {}
    for page in page_files(DOCS):
        split = frontmatter.split(frontmatter.normalise(page.read_text(encoding="utf-8")))
        found[page.relative_to(DOCS).as_posix()] = faults(FRONT_MATTER, load(split.yaml_text).data)
    assert len(found) > 20
    assert {page: wrong for page, wrong in found.items() if wrong} == {}


@pytest.mark.parametrize(
    ("change", "fault"),
    [
        (
            {"medical": {"disclaimer": "legal"}},
            "medical: {'disclaimer': 'legal'} is not valid under any of the given schemas",
        ),
        ({"descripton": "x"}, ": Additional properties are not allowed ('descripton' was unexpected)"),
        ({"glossary": "maybe"}, "glossary: 'maybe' is not of type 'boolean'"),
    ],
)
def test_the_front_matter_schema_refuses_what_the_check_refuses(change: dict[str, Any], fault: str) -> None:
    page = {"title": "About", "description": "Who writes this site and how it is paid for.", "medical": False}
    assert fault in faults(FRONT_MATTER, page | change)


def test_the_front_matter_schema_offers_the_data_files_choices(site: SiteData) -> None:
    schema = json.loads((FOLDER / FRONT_MATTER).read_text(encoding="utf-8"))
    assert schema["$defs"]["Medical"]["properties"]["disclaimer"]["enum"] == list(site.disclaimers)
    assert schema["$defs"]["Evidence"]["properties"]["level"]["enum"] == list(site.evidence_scale)


# --- Editors ---------------------------------------------------------------------------------------

MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


@pytest.mark.parametrize("data_file", sorted(DATA_FILES))
def test_each_data_file_names_its_schema_for_any_yaml_language_server_editor(data_file: str) -> None:
    (target,) = MODELINE.findall((DATA / data_file).read_text(encoding="utf-8"))
    assert (DATA / target).resolve() == FOLDER / schema_name(data_file)


def test_vs_code_maps_each_data_file_to_its_schema_and_recommends_the_yaml_extension() -> None:
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped = {glob: schema for schema, glob in settings["yaml.schemas"].items()}
    assert mapped == {f"docs/_data/{name}": f"./hooks/kb/schemas/{schema_name(name)}" for name in DATA_FILES}
    for schema in mapped.values():
        assert (ROOT / schema).is_file()
    recommended = json.loads((ROOT / ".vscode/extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert "redhat.vscode-yaml" in recommended
