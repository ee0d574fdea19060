"""Build an MkDocs site the way the CLI does, and collect the warnings it logs."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class BuildResult:
    """The output folder, the warnings logged under 'mkdocs', and whether strict mode aborted."""

    site_dir: Path
    warnings: list[str]
    aborted: bool


class _Collect(logging.Handler):
    """Keep the text of every WARNING or worse record."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(config_file: Path, site_dir: Path, **overrides: Any) -> BuildResult:
    """Run a strict build with on_startup/on_shutdown called as `mkdocs build` calls them."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    aborted = False
    try:
        config = load_config(str(config_file), strict=True, site_dir=str(site_dir), **overrides)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        except Abort:
            aborted = True
        finally:
            config.plugins.on_shutdown()
    finally:
        logger.removeHandler(handler)
    return BuildResult(site_dir, handler.messages, aborted)
