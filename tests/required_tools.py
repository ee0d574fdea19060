"""Tests that need a tool outside Python (Java, Node.js) skip without it, except in CI, where they fail."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def missing_tool(hint: str) -> NoReturn:
    """Skip with ``hint`` ("... skipped: X is missing; install it with ..."); fail under KB_REQUIRE_BROWSER=1."""
    if os.environ.get("KB_REQUIRE_BROWSER") == "1":
        pytest.fail(hint.replace("skipped", "required (KB_REQUIRE_BROWSER=1)"))
    pytest.skip(hint)
