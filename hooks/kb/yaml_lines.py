"""YAML loading that keeps line numbers, refuses duplicate keys and leaves dates as text.

PyYAML's safe loader lets the last duplicate key win silently and crashes on
impossible dates such as 2026-13-40; editors need both reported with a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

KeyPath = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """Safe loader without implicit timestamps (dates stay strings) and with YAML 1.2 booleans.

    YAML 1.1 reads yes, no, on and off as booleans, so the alias ON (osteonecrosis)
    would silently become True; only true and false are booleans here.
    """


# mypy cannot follow a base class chosen at run time; either base takes the same resolver settings below.
class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same rules on libyaml's parser (about ten times faster; line marks kept), where PyYAML has it."""


_DROPPED = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool"}
for _loader in (_Loader, _FastLoader):
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regex) for tag, regex in resolvers if tag not in _DROPPED]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
# PyYAML's words for the mistakes editors make most, in plain words with the fix; other errors keep PyYAML's text.
_PLAIN = (
    ("found character '\\t'", "a tab is used to indent this line; indent with spaces, never tabs"),
    ("mapping values are not allowed here", "a colon (:) inside a value; put the whole value in quotes"),
    ("could not find expected ':'", "this line has no colon; write it as field: value"),
    ("did not find expected key", "this line is not lined up with the lines above; indent it with spaces to match"),
    ("expected <block end>", "this line is not lined up with the lines above; indent it with spaces to match"),
    ("did not find expected '-' indicator", "this list item is not lined up with the others; indent it to match"),
    ("expected ',' or ']'", "a list in [brackets] is not closed, or two items lack a comma between them"),
    ("expected ',' or '}'", "a block in {braces} is not closed, or two fields lack a comma between them"),
    ("found unexpected end of stream", "a quote or bracket opened here is never closed"),
    ("found undefined alias", "a value starts with *; put the value in quotes"),
    ("that cannot start any token", "a value starts with a character YAML reserves (@, `, % or *); put it in quotes"),
)
# An editor who left a bracket or quote open needs the line where it opened; otherwise the line where parsing failed.
_OPENED = ("flow", "quoted")


@dataclass
class Loaded:
    """Parsed data, the 1-based line of every key path, and duplicate keys found."""

    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    duplicates: list[tuple[KeyPath, int]] = field(default_factory=list)

    def line_of(self, path: KeyPath, default: int) -> int:
        """The line of ``path`` or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return default


class YamlError(Exception):
    """Broken YAML, with the 1-based line where the parser gave up."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def load(text: str, first_line: int = 1) -> Loaded:
    """Parse ``text`` whose first line is line ``first_line`` of its file."""
    try:
        return _load(text, first_line, _FastLoader)
    except YamlError:
        # libyaml words its errors differently; the pure-Python parser's messages and lines are the ones we teach.
        return _load(text, first_line, _Loader)


def _load(text: str, first_line: int, loader_class: type[yaml.SafeLoader | yaml.CSafeLoader]) -> Loaded:
    """Parse with one loader class."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        opened = error.context_mark and any(word in (error.context or "") for word in _OPENED)
        mark = error.context_mark if opened else error.problem_mark
        line = first_line + (mark.line if mark else 0)
        problem = str(error.problem or error.context or "unreadable YAML")
        at = (mark.line, mark.column) if mark else (0, 0)
        raise YamlError(line, _plain(problem, text.split("\n"), *at)) from None
    except yaml.YAMLError as error:
        raise YamlError(first_line, str(error)) from None
    finally:
        loader.dispose()
    loaded = Loaded(data)
    if node is not None:
        _walk(node, (), loaded, first_line)
    return loaded


def _plain(problem: str, lines: list[str], index: int, column: int) -> str:
    """PyYAML's message in an editor's words, when it is one of the common mistakes (at ``lines[index][column]``)."""
    # At the first colon of a line the key is fine, so the line itself sits too far in.
    if "mapping values are not allowed here" in problem and 0 < index < len(lines) and ":" not in lines[index][:column]:
        return "this line is indented more than the line above; line it up with spaces"
    for found, plain in _PLAIN:
        if found in problem:
            return plain
    return problem


def _walk(node: yaml.Node, path: KeyPath, loaded: Loaded, first_line: int) -> None:
    """Record the line of every mapping key and list item, and every duplicate key."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            line = first_line + key_node.start_mark.line
            if key in seen:
                loaded.duplicates.append(((*path, key), line))
                continue
            seen.add(key)
            loaded.lines[(*path, key)] = line
            _walk(value_node, (*path, key), loaded, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            loaded.lines[(*path, index)] = first_line + item.start_mark.line
            _walk(item, (*path, index), loaded, first_line)
