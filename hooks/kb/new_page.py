"""Start a new page: ``python -m kb.new_page --kind treatment docs/treatment/x.md --title "X"``.

Writes front matter that passes the checks (pending clinical review, reviewed today, next
review a year later), a body skeleton that follows the page anatomy in CONTRIBUTING.md,
and adds the page to the nav of mkdocs.yml (or prints the line to add).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from .contract import _years_later
from .nav import add_to_nav
from .pages import check_file, command_site_data
from .sitedata import SiteData

# Cited until the editor lists the sources the page really uses: a broad review of AVN,
# so that the new page passes the checks and previews at once. CONTRIBUTING.md says so.
PLACEHOLDER_SOURCE = "mont-2020"
REVIEW_INTERVAL_YEARS = 1
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

SUMMARY = "Summary: two or three plain sentences that say what this page is about and the main message."
# Written so that the new page passes the checks and previews at once; the next steps say to replace them.
PLACEHOLDER_KEY_MESSAGES = (
    "Put the main point of this page here, in one short sentence.",
    "Put the next point here. Keep two to four points in all.",
)
PLACEHOLDER_TREATMENT = {
    "aim": "Say what this treatment is for, in a few words.",
    "involves": "Say what it involves for the reader.",
    "main_risks": "Say its main risks or downsides.",
}
KEY_POINTS = ("Key points", "Three to five short bullets a reader should remember.")
RELATED = (
    "Related pages",
    "Three to five bullet links to sibling pages, e.g. - [Stages of AVN](../about-avn/stages.md)",
)


@dataclass(frozen=True)
class Kind:
    """A kind of page: its disclaimer (None for a page about the site), description and sections."""

    disclaimer: str | None
    description: str
    sections: tuple[tuple[str, str], ...]
    evidence: bool = False


KINDS = {
    "treatment": Kind(
        "treatments",
        "{title}: what it is, what it can do, what the evidence shows, and its risks for people with AVN.",
        (
            ("What it is", "What it is and how it is meant to work. Define each medical word the first time."),
            ("What it can do", "What it may help with, and what it cannot do. Never promise recovery."),
            (
                "What the evidence shows",
                "How strong the evidence is, in the scale's words (for example 'low-certainty evidence'); "
                "the kinds of studies, how big they were, what they found and what is uncertain. "
                "Explain each evidence question of the front matter here.",
            ),
            ("Risks and side effects", "Common and serious side effects, and who should not have it."),
            ("What happens without it", "What usually happens without this treatment, and the other choices."),
            ("Questions to ask your care team", "A bullet list of questions a reader can take to an appointment."),
            KEY_POINTS,
            RELATED,
        ),
        evidence=True,
    ),
    "medical": Kind(
        "general",
        "{title}: plain, sourced information for people with avascular necrosis (AVN) of the hip.",
        (
            ("First topic", "Rename this heading. Add one h2 section per topic, in the order a reader needs them."),
            KEY_POINTS,
            RELATED,
        ),
    ),
    "exercise": Kind(
        "exercise",
        "{title}: exercise and activity information for people with AVN of the hip, and when to stop.",
        (
            ("Before you start", "Weight limits from the surgeon come first; the therapist sets the plan."),
            (
                "Exercises",
                "One ### heading per exercise, then four bullets that start with **How to do it:**, "
                "**How many:**, **Take care:** and **Stop if:**.",
            ),
            (
                "When to stop and call",
                "The three care cards (care-emergency, care-urgent, care-routine) with the signs that fit "
                "this page; copy them from CONTRIBUTING.md, Care cards.",
            ),
            KEY_POINTS,
            RELATED,
        ),
    ),
    "non-medical": Kind(
        None,
        "{title}: how the AVN Knowledge Base works, for readers and editors of the site.",
        (("First topic", "Rename this heading. Add one h2 section per topic."), RELATED),
    ),
}


class RefusedError(Exception):
    """The page cannot be made as asked; the message says why and what to do instead."""


@dataclass(frozen=True)
class Request:
    """What the editor asked for, already checked."""

    src_uri: str
    kind: str
    title: str
    description: str
    disclaimer: str | None
    sources: tuple[str, ...]
    default_description: bool


def page_text(request: Request, today: date) -> str:
    """The whole new page: front matter and body skeleton."""
    kind = KINDS[request.kind]
    lines = ["---", f"title: {_scalar(request.title)}", f"description: {_scalar(request.description)}"]
    if request.disclaimer is None:
        lines.append("medical: false")
    else:
        lines += [
            "medical:",
            f"  disclaimer: {request.disclaimer}",
            "  review:",
            "    status: pending-clinical-review",
            f"    last_reviewed: {today.isoformat()}",
            f"    next_review: {_years_later(today, REVIEW_INTERVAL_YEARS).isoformat()}",
        ]
        lines += [
            "  # Shown first, under 'In short': two to four plain sentences (CONTRIBUTING.md).",
            "  key_messages:",
        ]
        lines += [f"    - {message}" for message in PLACEHOLDER_KEY_MESSAGES]
    if kind.evidence:
        lines += [
            "  # One to three questions a patient asks, each with a short answer and a level of",
            "  # the evidence scale (CONTRIBUTING.md, Evidence levels). Remove the # signs to show them:",
            "  # evidence:",
            "  #   - question: Does it ease pain?",
            "  #     answer: Eases pain for some people",
            "  #     level: low",
            "  # The row of the treatment comparison on the treatment overview:",
            "  treatment:",
        ]
        lines += [f"    {field}: {text}" for field, text in PLACEHOLDER_TREATMENT.items()]
    lines += ["---", "", f"# {request.title}", "", f"<!-- {SUMMARY} -->", ""]
    if request.sources:
        citations = "; ".join(f"@{key}" for key in request.sources)
        lines += [f"Replace this sentence with the summary, and cite each source where you use it [{citations}].", ""]
    for heading, guidance in kind.sections:
        lines += [f"## {heading}", "", f"<!-- {guidance} -->", ""]
    return "\n".join(lines[:-1]) + "\n"


def _scalar(text: str) -> str:
    """``text`` as a one-line YAML value, quoted only when YAML needs it."""
    return yaml.safe_dump(text, allow_unicode=True, width=1_000_000).removesuffix("...\n").strip()


def src_uri_of(page: Path, docs_dir: Path) -> str:
    """The page's path inside docs/, or RefusedError with what to do instead."""
    shown = page.as_posix()
    if shown in ("", "."):
        raise RefusedError("no page given; name the new file, e.g. docs/treatment/knee-braces.md (with make: PAGE=...)")
    if page.suffix != ".md":
        raise RefusedError(
            f"{shown}: a page must be a Markdown file; end the name with .md, e.g. docs/treatment/knee-braces.md"
        )
    try:
        relative = page.resolve().relative_to(docs_dir.resolve())
    except ValueError:
        raise RefusedError(
            f"{shown}: the page is outside {docs_dir.as_posix()}/; put it in a section folder, e.g. "
            f"{docs_dir.as_posix()}/treatment/{page.name}"
        ) from None
    for folder in relative.parts[:-1]:
        if folder.startswith(("_", ".")):
            raise RefusedError(
                f"{shown}: folders whose names start with _ or . hold data, not pages; "
                f"put the page in a section folder, e.g. {docs_dir.as_posix()}/treatment/{page.name}"
            )
    for part in (*relative.parts[:-1], page.stem):
        if not _SLUG.match(part):
            raise RefusedError(
                f"{shown}: '{part}' is not lower-case words joined by hyphens; rename it, e.g. knee-braces"
            )
    if page.exists():
        raise RefusedError(f"{shown}: the file already exists; choose another name, or edit that page instead")
    return relative.as_posix()


def make_request(args: argparse.Namespace, site: SiteData) -> Request:
    """Check the command-line choices against the site data."""
    title = " ".join(args.title.split())
    if not title:
        raise RefusedError('the page has no title; give one, e.g. --title "Knee braces"')
    src_uri = src_uri_of(args.page, args.docs)
    kind = KINDS[args.kind]
    disclaimer = args.disclaimer or kind.disclaimer
    if kind.disclaimer is None and (args.disclaimer or args.source):
        raise RefusedError(
            "a non-medical page has no disclaimer or sources; leave out --disclaimer and --source, "
            "or choose another --kind"
        )
    if disclaimer is not None and disclaimer not in site.disclaimers:
        raise RefusedError(f"unknown disclaimer kind '{disclaimer}'; use one of {', '.join(site.disclaimers)}")
    sources = tuple(args.source or [PLACEHOLDER_SOURCE])
    for key in sources:
        if key not in site.sources:
            raise RefusedError(
                f"unknown source key '{key}'; use a key from docs/_data/bibliography.yml, or add the source there first"
            )
    description = " ".join((args.description or kind.description.format(title=title)).split())
    return Request(
        src_uri, args.kind, title, description, disclaimer, sources if disclaimer else (), not args.description
    )


def next_steps(request: Request, page: str) -> list[str]:
    """What the editor does after the page is made."""
    steps = []
    if request.sources == (PLACEHOLDER_SOURCE,):
        steps.append(f"Replace the placeholder citation [@{PLACEHOLDER_SOURCE}] with citations of the sources you use.")
    if request.default_description:
        steps.append("Check the description: write it in your own words if the default does not fit.")
    if request.disclaimer is not None:
        steps.append("Replace the two placeholder key messages with the page's main points.")
    if KINDS[request.kind].evidence:
        steps.append("Add the evidence questions: remove the # signs in the front matter, then answer each one.")
        steps.append("Replace the placeholder treatment aim, what it involves and its main risks.")
    steps += [
        f"Write each section of {page}: the <!-- comments --> say what goes where.",
        "Preview with make serve, then run make test before you open a pull request.",
    ]
    return [f"  {number}. {step}" for number, step in enumerate(steps, start=1)]


def main(argv: list[str] | None = None) -> int:
    """Make the page; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m kb.new_page", description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path, help="where the page goes, e.g. docs/treatment/knee-braces.md")
    parser.add_argument("--kind", required=True, choices=list(KINDS), help="what kind of page")
    parser.add_argument("--title", required=True, help='the page title, e.g. "Knee braces"')
    parser.add_argument("--description", help="one sentence for search engines (a default is written if left out)")
    parser.add_argument("--disclaimer", help="another disclaimer kind, e.g. medicines for a medicine page")
    parser.add_argument("--source", action="append", help="a bibliography key the page uses (repeat for more)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="the docs folder (default: docs)")
    parser.add_argument(
        "--config", type=Path, default=Path("mkdocs.yml"), help="the MkDocs config (default: mkdocs.yml)"
    )
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(), help="the review date (YYYY-MM-DD)")
    args = parser.parse_args(argv)
    shown_docs = args.docs.as_posix().rstrip("/")
    site = command_site_data(args.docs, "kb.new_page", "; no page was written")
    if site is None:
        return 1
    try:
        request = make_request(args, site)
    except RefusedError as refused:
        print(f"kb.new_page: {refused}", file=sys.stderr)
        return 1
    text = page_text(request, args.today)
    shown = f"{shown_docs}/{request.src_uri}"
    _, problems = check_file(text, request.src_uri, shown, site, args.today)
    if problems:
        print("\n".join(str(problem) for problem in problems), file=sys.stderr)
        print("kb.new_page: the page was not written; change the title or pass --description", file=sys.stderr)
        return 1
    args.page.parent.mkdir(parents=True, exist_ok=True)
    with args.page.open("x", encoding="utf-8") as new_file:
        new_file.write(text)
    status = "not medical" if request.disclaimer is None else "pending clinical review"
    print(f"Created {shown} ({request.kind} page, {status}).")
    edit = add_to_nav(args.config.read_text(encoding="utf-8"), request.src_uri, request.title)
    if edit.text is not None:
        args.config.write_text(edit.text, encoding="utf-8")
    print(edit.message)
    print("Next:")
    print("\n".join(next_steps(request, shown)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
