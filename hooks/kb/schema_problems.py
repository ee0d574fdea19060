"""Pydantic's validation errors as editors' problems: at the YAML line of the field, what is wrong, the fix.

A validator that knows the site's words raises ``found(...)``: one or more (message, fix) pairs, each at
the field or at a key path of the block that holds it. Pydantic's own errors (a missing field, an unknown
one, a block where text belongs) are worded by the caller, which knows what each field is for.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError

from .problems import Problem
from .yaml_lines import Loaded

Path = tuple[str | int, ...]
_KIND = "kb_problem"


class Found(NamedTuple):
    """One problem a validator found: ``at`` is a key path in the block that holds the field, None for the field."""

    message: str
    fix: str
    at: Path | None = None


def found(*problems: Found | tuple[str, str]) -> PydanticCustomError:
    """The error a validator raises for the problems it found, each in the site's words."""
    items = [Found(*problem) for problem in problems]
    return PydanticCustomError(_KIND, "; ".join(f"{item.message}; {item.fix}" for item in items), {"found": items})


# (message, fix) for one of pydantic's own errors: its kind, the field's key path and the error's details.
Words = Callable[[str, Path, ErrorDetails], tuple[str, str]]


def schema_problems(
    error: ValidationError,
    loaded: Loaded,
    shown_as: str,
    words: Words,
    base: Path = (),
    default: int = 1,
) -> list[Problem]:
    """One problem per fault, in document order: a block's unknown fields first, as an editor reads them."""
    problems: list[tuple[Path, Problem]] = []
    unknown: dict[Path, list[Problem]] = {}  # By the block that holds them.
    for item in error.errors():
        # Parts such as list[str] or [block] name a branch of a type, not a key the editor wrote.
        where = tuple(part for part in item["loc"] if isinstance(part, int) or not part.endswith("]"))
        if item["type"] == _KIND:
            for one in item["ctx"]["found"]:
                at = where if one.at is None else (*where[:-1], *one.at)
                problems.append((where, Problem(shown_as, loaded.line_of((*base, *at), default), one.message, one.fix)))
            continue
        message, fix = words(item["type"], where, item)
        problem = Problem(shown_as, loaded.line_of((*base, *where), default), message, fix)
        if item["type"] == "extra_forbidden":
            unknown.setdefault(where[:-1], []).append(problem)
        else:
            problems.append((where, problem))
    # Pydantic reports a block's unknown fields after its other faults; editors read them first.
    ordered: list[Problem] = []
    for where, problem in problems:
        for block in sorted((block for block in unknown if where[: len(block)] == block), key=len):
            ordered += unknown.pop(block)
        ordered.append(problem)
    for rest in unknown.values():
        ordered += rest
    return list(dict.fromkeys(ordered))


def unknown_field(model: type[BaseModel], where: Path) -> tuple[str, str]:
    """The usual words for a field ``model`` does not have at key path ``where``."""
    return f"unknown field '{where[-1]}'", f"use only {', '.join(sorted(fields_at(model, where[:-1])))}"


def fields_at(model: type[BaseModel], where: Path) -> list[str]:
    """The field names (as editors write them) of the block at key path ``where`` of ``model``."""
    for part in where:
        if isinstance(part, str):
            field = next(f for name, f in model.model_fields.items() if (f.alias or name) == part)
            model = model_in(field.annotation) or model
    return [field.alias or name for name, field in model.model_fields.items()]


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The block type inside ``annotation`` (through lists, unions and Annotated), if there is one."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return None
    for argument in typing.get_args(annotation):
        inner = model_in(argument)
        if inner is not None:
            return inner
    return None
