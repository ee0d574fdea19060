"""Read a YAML data file under ``docs/_data`` and turn its failures into problems."""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .yaml_lines import Loaded, YamlError, load


def read(path: Path, shown_as: str, problems: list[Problem], expect: type) -> Loaded | None:
    """Load ``path`` as a strict YAML ``expect`` (dict or list); report and return None on failure."""
    try:
        loaded = load(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        problems.append(Problem(shown_as, 1, "the data file is missing", "restore it from git"))
        return None
    except UnicodeDecodeError as error:
        line = path.read_bytes().count(b"\n", 0, error.start) + 1
        problems.append(
            Problem(
                shown_as,
                line,
                "the file is not saved as UTF-8: this line has the first character that cannot be read",
                "save the file as UTF-8 in your editor (often under Save as, Encoding)",
            )
        )
        return None
    except YamlError as error:
        problems.append(
            Problem(shown_as, error.line, f"broken YAML: {error.problem}", "fix the YAML syntax on this line")
        )
        return None
    for key_path, line in loaded.duplicates:
        problems.append(Problem(shown_as, line, f"'{key_path[-1]}' appears twice", "keep one of them"))
    if not isinstance(loaded.data, expect):
        wanted = "a mapping of keys to entries" if expect is dict else "a list of entries"
        problems.append(Problem(shown_as, 1, f"the file must hold {wanted}", "see CONTRIBUTING.md"))
        return None
    return loaded
