"""The Content-Security-Policy of a built page: the theme's own inline scripts allowed by hash, nothing else inline.

The theme writes a few small inline scripts into every page, and one of them differs with the
page's depth, so the trusted scripts are rendered from the theme's own script partials for each
page (a Material upgrade that changes them needs no edit here), and only those are hashed. An
inline script from anywhere else (a page, its front matter) is never hashed, so it is blocked.
A page whose hook did not run keeps the marker, which allows no inline script: it fails closed.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from html import unescape
from typing import Any

from jinja2 import Environment, meta

MARKER = "KB_SCRIPT_HASHES"
# Script types the browser runs; a data block (application/json, application/ld+json) is never run or checked.
_RUN = {"", "text/javascript", "application/javascript", "module"}


# Not Python's HTMLParser: it reads all of every page in Python, the costliest step of a large build. Only
# script elements matter here, and the HTML standard ends a script's text at the first "</script", so one
# regular expression finds them. Comments match too, so that a script inside one is skipped, as browsers do.
# Tag names ignore the case of ASCII letters only, as HTML's do; spelled out, they also make the search faster.
_SCRIPT = "[sS][cC][rR][iI][pP][tT]"
_SCRIPT_OR_COMMENT = re.compile(
    rf"<!--.*?-->|<{_SCRIPT}(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</{_SCRIPT}(?=[\s/>])", re.DOTALL
)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _runs(attributes: str) -> bool:
    """Whether a script start tag with these attributes is inline code the browser runs."""
    found = {
        m.group(1).lower(): unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTRIBUTE.finditer(attributes)
    }
    return "src" not in found and found.get("type", "").strip().lower() in _RUN


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script in ``html`` that the browser would run, in order."""
    return [m.group(2) for m in _SCRIPT_OR_COMMENT.finditer(html) if m.group(2) is not None and _runs(m.group(1))]


@lru_cache(maxsize=256)  # Every page holds the same few theme scripts.
def script_hash(script: str) -> str:
    """The CSP source that allows exactly this inline script: 'sha256-...'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def with_script_hashes(html: str, trusted: Iterable[str]) -> tuple[str, list[str]]:
    """``html`` with the policy's marker replaced by the hashes of its ``trusted`` inline scripts, and the others."""
    if MARKER not in html:
        return html, []
    allowed = set(trusted)
    scripts = inline_scripts(html)
    hashes = list(dict.fromkeys(script_hash(script) for script in scripts if script in allowed))
    return html.replace(MARKER, " ".join(hashes), 1), [script for script in scripts if script not in allowed]


class ThemeScripts:
    """The theme's script partials, and the inline scripts they write for a page's render context.

    Each partial is rendered once for each set of values it reads (found in its source: ``config``,
    ``base_url``, ``features`` for Material's), not once a page: rendering them for every page of a large
    site costs more than hashing. A partial that includes another is rendered for every page.
    """

    def __init__(self, env: Environment, partials: str) -> None:
        """Load the templates under ``partials`` once a build: listing and compiling them is the slow part."""
        self._partials = [
            (env.get_template(name), _names_read(env, name))
            for name in env.list_templates()
            if name.startswith(partials)
        ]
        # By the partial and the values it read. The values are kept with the scripts, so that an object's id
        # in a key is never reused by another object during the build.
        self._rendered: dict[tuple[object, ...], tuple[set[str], list[object]]] = {}

    def for_context(self, context: Mapping[str, Any]) -> set[str]:
        """The inline scripts the theme's script partials write for a page rendered with ``context``."""
        scripts: set[str] = set()
        for template, reads in self._partials:
            if reads is None:
                scripts |= set(inline_scripts(template.render(**context)))
                continue
            values = [context.get(name) for name in reads]
            key = (template.name, *map(_by_value_or_identity, values))
            if key not in self._rendered:
                self._rendered[key] = (set(inline_scripts(template.render(**context))), values)
            scripts |= self._rendered[key][0]
        return scripts


def _names_read(env: Environment, name: str) -> tuple[str, ...] | None:
    """The context names a template reads, or None if it includes, imports or extends another template."""
    assert env.loader is not None  # A template listed by the environment came from its loader.
    tree = env.parse(env.loader.get_source(env, name)[0])
    if any(True for _ in meta.find_referenced_templates(tree)):
        return None
    return tuple(sorted(meta.find_undeclared_variables(tree)))


def _by_value_or_identity(value: object) -> object:
    """A key for a value a partial reads: text and numbers by value, anything else (the config) by identity."""
    return value if value is None or isinstance(value, str | int | float | bool) else ("id", id(value))
