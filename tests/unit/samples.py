"""The smallest sound docs tree the unit tests start from: data files and one medical page."""

from __future__ import annotations

from datetime import date

TODAY = date(2026, 11, 21)

DATA = {
    "disclaimers.yml": "general:\n  label: Information, not medical advice\n  text: This page explains AVN in general.\n",
    "evidence-scale.yml": "low:\n  label: Low\n  meaning: Small trials or results that disagree.\n",
    "bibliography.yml": """\
- id: lai-2005
  type: article-journal
  author:
    - {family: Lai, given: KA}
  issued: {date-parts: [[2005]]}
  title: A trial of alendronate in osteonecrosis
  container-title: J Bone Joint Surg Am
  DOI: 10.2106/JBJS.D.02959
  checked: {against: publisher, on: 2026-11-21}
""",
    "glossary.yml": "- term: femoral head\n  definition: The ball at the top of the thigh bone that fits into the hip socket.\n",
}

# Line numbers of this page are used in expected messages.
MEDICAL_PAGE = """\
---
title: Walking aids
description: How a cane, crutches or a walker can help with hip AVN.
medical:
  disclaimer: general
  review:
    status: pending-clinical-review
    last_reviewed: 2026-11-21
    next_review: 2027-11-21
  key_messages:
    - A cane or crutches take weight off your sore hip.
    - They can ease pain when you walk.
---

# Walking aids

A cane can take some weight off a sore hip [@lai-2005].
"""

GLOSSARY_PAGE = """\
---
title: Glossary
description: Plain-language meanings of the medical words used on this site.
medical: false
---

# Glossary

<!-- kb:glossary -->
"""
