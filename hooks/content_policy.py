"""MkDocs adapter: each built page's Content-Security-Policy allows the theme's own inline scripts by hash (``kb.csp``)."""

from __future__ import annotations

from kb.build_state import state_for
from kb.csp import ThemeScripts
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.pages import Page

AFTER_EVERYTHING = -100  # After every other hook has changed the page: the hashes are of the scripts readers get.
SCRIPT_PARTIALS = "partials/javascripts/"  # Where Material keeps the inline scripts it writes into pages.
log = get_plugin_logger(__name__)


def on_env(env, *, config: MkDocsConfig, files):
    """Load the theme's script partials once, before any page or template is rendered."""
    state_for(config).theme_scripts = ThemeScripts(env, SCRIPT_PARTIALS)
    return env


@event_priority(AFTER_EVERYTHING)
def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """Keep the render's context: the theme's script partials are rendered with it to know its scripts."""
    state_for(config).theme_context = context
    return context


@event_priority(AFTER_EVERYTHING)
def on_template_context(context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
    """The same for pages made from a template alone, such as 404.html."""
    state_for(config).theme_context = context
    return context


@event_priority(AFTER_EVERYTHING)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Allow the theme's own inline scripts by hash; report any other."""
    return _hashed(output, config, f"{state_for(config).shown}/{page.file.src_uri}")


@event_priority(AFTER_EVERYTHING)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The same for pages made from a template alone, such as 404.html."""
    return _hashed(output_content, config, f"overrides/{template_name}")


def _hashed(output: str, config: MkDocsConfig, shown_as: str) -> str:
    """The page with its policy's hashes; a strict warning for each inline script that is not the theme's."""
    state = state_for(config)
    context = dict(state.theme_context, config=config, features=config.theme.get("features") or [])
    # Before on_env there are no partials, so no script is trusted: every inline script is reported.
    trusted = state.theme_scripts.for_context(context) if state.theme_scripts else set()
    html, problems = state.with_script_hashes(output, trusted, shown_as)
    for problem in problems:
        log.warning(str(problem))
    return html
