"""Write a synthetic copy of the site: many pages, many glossary terms, the real theme and hooks."""

from __future__ import annotations

import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
FILLER = tuple(
    [
        "the",
        "a",
        "of",
        "to",
        "and",
        "your",
        "you",
        "can",
        "it",
        "is",
        "for",
        "with",
        "that",
        "this",
        "on",
        "may",
        "be",
        "are",
        "or",
        "as",
        "at",
        "by",
        "from",
        "when",
        "your",
        "care",
        "team",
        "hip",
        "pain",
        "walk",
        "bone",
        "joint",
        "day",
        "week",
        "most",
        "people",
        "some",
        "often",
        "help",
        "feel",
        "move",
        "rest",
        "stand",
        "sit",
        "sleep",
        "work",
        "check",
        "ask",
        "about",
        "plan",
        "change",
        "time",
        "more",
        "less",
        "slowly",
        "gently",
        "each",
        "after",
        "before",
        "during",
        "still",
        "only",
        "also",
    ]
)
HOME = "---\ntitle: Home\ndescription: The home page of a synthetic site built only to measure build time.\nmedical: false\n---\n\n# Home\n"
REFERENCES = "---\ntitle: References\ndescription: Every source of the synthetic site, listed by the references hook.\nmedical: false\n---\n\n# References\n\n<!-- kb:references -->\n"
SYLLABLES = ["ar", "bo", "cel", "dra", "en", "fu", "gal", "hy", "is", "ju", "ka", "lo", "mur", "ne", "op", "pa"]


def term_names(count: int, rng: random.Random) -> list[tuple[str, list[str]]]:
    """Made-up terms: one, two or three words, some abbreviations, some with a plural alias."""
    names: list[tuple[str, list[str]]] = []
    seen: set[str] = set()
    while len(names) < count:
        words = ["".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(rng.choice([1, 2, 2, 3]))]
        name = " ".join(words)
        if rng.random() < 0.15:
            name = "".join(word[0] for word in words).upper() + rng.choice(SYLLABLES).upper()
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        names.append((name, [] if name.isupper() else [name + "s"]))
    return names


def glossary_yaml(names: list[tuple[str, list[str]]]) -> str:
    """The glossary data file for these terms."""
    entries = [
        {"term": name, "aliases": aliases, "definition": f"A made-up word, number {index}, used to measure the build."}
        for index, (name, aliases) in enumerate(names)
    ]
    return yaml.safe_dump(entries, sort_keys=False, allow_unicode=True)


def page_text(
    index: int, required: list[str], names: list[str], sources: list[str], rng: random.Random, today: date
) -> str:
    """One medical page of about 700 words, with headings, a list, a table and many term mentions."""
    front = {
        "title": f"Page {index}",
        "description": f"A synthetic page, number {index}, that exists only to measure how long the site takes to build.",
        "medical": {
            "disclaimer": "general",
            "review": {
                "status": "pending-clinical-review",
                "last_reviewed": today.isoformat(),
                "next_review": (today + timedelta(days=365)).isoformat(),
            },
            "key_messages": [f"This is page {index}.", "It exists to time the build."],
        },
    }
    citations = "; ".join(f"@{key}" for key in sources)
    lines = ["---", yaml.safe_dump(front, sort_keys=False).strip(), "---", "", f"# Page {index}", ""]
    lines += [f"This page cites its sources [{citations}].", ""]
    for section in range(8):
        lines += [f"## Section {section} of page {index}", ""]
        for _ in range(3):
            sentence_words = [rng.choice(FILLER) for _ in range(28)]
            # One term in about 28 words, as dense as the real pages (about 5 mentions per 100 words).
            sentence_words.insert(rng.randrange(len(sentence_words)), rng.choice(names))
            lines += [" ".join(sentence_words).capitalize() + ".", ""]
        lines += [f"- {rng.choice(names)} and {rng.choice(FILLER)}" for _ in range(3)] + [""]
    lines += ["| Word | Note |", "| --- | --- |", f"| {rng.choice(names)} | {rng.choice(FILLER)} |", ""]
    lines += ["## Words on this page", "", *(f"- {name}" for name in required), ""]
    return "\n".join(lines)


def write_site(target: Path, pages: int, terms: int, seed: int = 1) -> Path:
    """Write docs/ and mkdocs.yml under ``target``; return the config file."""
    rng = random.Random(seed)
    today = date.today()
    docs = target / "docs"
    data = docs / "_data"
    data.mkdir(parents=True)
    for name in ("disclaimers.yml", "evidence-scale.yml", "bibliography.yml"):
        shutil.copy(ROOT / "docs" / "_data" / name, data / name)
    shutil.copytree(ROOT / "docs" / "_snippets", docs / "_snippets")
    shutil.copy(ROOT / "docs" / "glossary.md", docs / "glossary.md")
    (docs / "references.md").write_text(REFERENCES, encoding="utf-8")
    (docs / "index.md").write_text(HOME, encoding="utf-8")
    names = term_names(terms, rng)
    (data / "glossary.yml").write_text(glossary_yaml(names), encoding="utf-8")
    keys = [entry["id"] for entry in yaml.safe_load((data / "bibliography.yml").read_text(encoding="utf-8"))]
    mentions = [name for name, _ in names]
    (docs / "pages").mkdir()
    for index in range(pages):
        # Every term and every source appears somewhere, or the strict build would fail on "used on no page".
        required = mentions[index::pages]
        own_sources = sorted({*keys[index::pages], rng.choice(keys)})
        page = page_text(index, required, rng.sample(mentions, min(30, len(mentions))), own_sources, rng, today)
        (docs / "pages" / f"page-{index:04d}.md").write_text(page, encoding="utf-8")
    return _write_config(target, docs)


def _write_config(target: Path, docs: Path) -> Path:
    """The real mkdocs.yml with absolute paths, the synthetic docs and no fixed nav."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("nav", None)
    config["docs_dir"] = str(docs)
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    config["hooks"] = [str(ROOT / hook) for hook in config.get("hooks", [])]
    config["watch"] = [str(ROOT / path) for path in config.get("watch", [])]
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict):
            for options in extension.values():
                for name, value in (options or {}).items():
                    options[name] = _own_path(value, docs)
    config_file = target / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


def _own_path(value: object, docs: Path) -> object:
    """An extension's docs/... path as the synthetic site's own file where it has one, else the real one."""
    if isinstance(value, list):
        return [_own_path(item, docs) for item in value]
    if not isinstance(value, str) or not value.startswith("docs/"):
        return value
    own = docs / value.removeprefix("docs/")
    return str(own if own.exists() else ROOT / value)
