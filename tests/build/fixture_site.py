"""A small but complete site, written into a temporary folder, for good and bad build tests."""

from __future__ import annotations

from pathlib import Path

from tests.sitebuild import ROOT

MKDOCS_YML = """\
site_name: Fixture
site_url: https://example.org/
strict: true
validation:
  omitted_files: warn
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
exclude_docs: |
  _data/
  _snippets/
theme:
  name: material
  custom_dir: {root}/overrides
  font: false
plugins: [search]
hooks:
  - {root}/hooks/gate.py
  - {root}/hooks/page_furniture.py
  - {root}/hooks/glossary_links.py
  - {root}/hooks/glossary_entries.py
  - {root}/hooks/content_policy.py
markdown_extensions: [admonition, attr_list, md_in_html, toc, pymdownx.details, pymdownx.superfences, kb.citation_markdown]
"""

MEDICAL = """\
---
title: {title}
description: A fixture page about the femoral head and what can happen to it.
medical:
  disclaimer: general
  review:
    status: pending-clinical-review
    last_reviewed: 2026-01-10
    next_review: 2027-01-10
  key_messages:
    - This fixture page is about the ball of the hip.
    - It shows what a reader sees first.
---

# {title}

{body}

This page rests on one source [@{sources}].
"""

# Every page in treatment/ about one treatment carries its row of the comparison table.
TREATMENT_BLOCK = """\
  treatment:
    aim: To ease pain from AVN.
    involves: Resting the hip for some weeks.
    main_risks: Stiff, weaker muscles.
"""

PAGES = {
    "index.md": MEDICAL.format(
        title="Home", sources="mont-2020", body="AVN can affect the femoral head. Later, the femoral head may collapse."
    ),
    "treatment/rest.md": MEDICAL.format(
        title="Rest", sources="lai-2005", body="Rest may ease pain from AVN, but it does not stop collapse of the bone."
    ).replace("\n---\n\n# Rest", "\n" + TREATMENT_BLOCK + "---\n\n# Rest"),
    "about.md": "---\ntitle: About\ndescription: Who writes this fixture site and how it is paid for.\nmedical: false\n---\n\n# About\n\nNo funding.\n",
    "glossary.md": MEDICAL.format(title="Glossary", sources="mont-2020", body="<!-- kb:glossary -->"),
    "references.md": "---\ntitle: References\ndescription: Every source the fixture pages rest on, in one list.\nmedical: false\n---\n\n# References\n\n<!-- kb:references -->\n",
}

# The bibliography uses the field names of CSL, as a reference manager exports them.
BIBLIOGRAPHY = """\
- id: mont-2020
  type: article-journal
  author:
    - {family: Mont, given: Michael A}
    - {family: Salem, given: Hytham S}
  issued: {date-parts: [[2020]]}
  title: Nontraumatic osteonecrosis of the femoral head
  container-title: J Bone Joint Surg Am
  URL: https://example.org/mont
  checked: {against: publisher, on: 2026-01-10}
- id: lai-2005
  type: article-journal
  author:
    - {family: Lai, given: Kuo-An}
  issued: {date-parts: [[2005]]}
  title: Alendronate and early collapse
  container-title: J Bone Joint Surg Am
  DOI: 10.2106/JBJS.D.02959
  checked: {against: publisher, on: 2026-01-10}
"""

GLOSSARY = """\
- term: AVN
  aliases: [avascular necrosis, osteonecrosis]
  definition: Bone death caused by a loss of blood supply to the bone.
- term: collapse
  definition: When dead bone under the joint surface gives way and the surface caves in.
- term: femoral head
  aliases: [femoral heads]
  definition: The ball-shaped top of the thigh bone that sits in the hip socket.
  see_also: [avn]
"""


def write_site(root: Path) -> Path:
    """Write the good fixture site under ``root`` and return its mkdocs.yml."""
    (root / "docs" / "_data").mkdir(parents=True)
    for name in ("disclaimers.yml", "evidence-scale.yml"):
        (root / "docs" / "_data" / name).write_text((ROOT / "docs" / "_data" / name).read_text())
    (root / "docs" / "_data" / "bibliography.yml").write_text(BIBLIOGRAPHY)
    (root / "docs" / "_data" / "glossary.yml").write_text(GLOSSARY)
    for name, text in PAGES.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text)
    config = root / "mkdocs.yml"
    config.write_text(MKDOCS_YML.format(root=ROOT.as_posix()))
    return config
