"""What the page templates show about a page: disclaimer, review box, evidence, sources, JSON-LD."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .contract import REVIEWED, PageRecord
from .sitedata import SiteData

DUE_SOON = timedelta(days=90)
REFERENCES_PAGE = "references.md"
REFERENCES_MARKER = "<!-- kb:references -->"  # Where the references page lists every source.
CONDITION = {
    "@type": "MedicalCondition",
    "name": "Avascular necrosis",
    "alternateName": ["Osteonecrosis", "Aseptic necrosis", "Ischemic bone necrosis", "Femoral head necrosis"],
}


def source_views(keys: list[str], site: SiteData) -> list[dict[str, Any]]:
    """The sources ``keys`` names, as ``kb/citation.html`` shows them: the AMA entry and the links."""
    return [
        {"key": key, "html": site.references[key], "DOI": source.DOI, "PMID": source.PMID, "URL": source.URL}
        for key in keys
        if (source := site.sources.get(key)) is not None
    ]


def page_view(record: PageRecord, site: SiteData, today: date, cited: list[str]) -> dict[str, Any]:
    """The data the ``kb-*`` templates render for one page; ``cited`` is the keys in the order it cites them."""
    if not record.medical or record.review is None:
        return {"medical": False, "sources": source_views(cited, site)}
    review = record.review
    assert record.disclaimer is not None, "the contract check stops the build at a medical page with no disclaimer"
    disclaimer = site.disclaimers[record.disclaimer]
    return {
        "medical": True,
        "disclaimer": {
            "kind": record.disclaimer,
            "label": disclaimer.label,
            "text": disclaimer.text,
            "warning": disclaimer.warning,
        },
        "key_messages": list(record.key_messages),
        "review": {
            "clinically_reviewed": review.status == REVIEWED,
            "reviewer": review.reviewer_name,
            "credentials": review.reviewer_credentials,
            "last_reviewed": review.last_reviewed.isoformat(),
            "last_reviewed_text": _long_date(review.last_reviewed),
            "last_reviewed_short": _short_date(review.last_reviewed),
            "next_review": review.next_review.isoformat(),
            "next_review_text": _long_date(review.next_review),
            "overdue": review.next_review < today,
        },
        "evidence": [
            {
                "question": item.question,
                "answer": item.answer,
                "level": item.level,
                "label": site.evidence_scale[item.level].label,
                "meaning": site.evidence_scale[item.level].text,
            }
            for item in record.evidence
        ],
        "sources": source_views(cited, site),
    }


def review_state(record: PageRecord, today: date) -> str:
    """overdue, due-soon or current, for the editors' review report."""
    if record.review is None:
        return "not-medical"
    if record.review.next_review < today:
        return "overdue"
    return "due-soon" if record.review.next_review - today <= DUE_SOON else "current"


def json_ld(record: PageRecord, page_url: str) -> dict[str, Any] | None:
    """schema.org MedicalWebPage data for a medical page (no medical code: none was verified)."""
    if not record.medical or record.review is None:
        return None
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": record.title,
        "description": record.description,
        "url": page_url,
        "inLanguage": "en",
        "about": CONDITION,
    }
    # schema.org's lastReviewed means a review of the content; before a clinician has checked the page,
    # the editors' date is only the date it was last changed.
    if record.review.status == REVIEWED:
        data["lastReviewed"] = record.review.last_reviewed.isoformat()
        data["reviewedBy"] = {"@type": "Person", "name": record.review.reviewer_name}
    else:
        data["dateModified"] = record.review.last_reviewed.isoformat()
    return data


def _long_date(day: date) -> str:
    """A date as readers in any country read it: 21 November 2026."""
    return f"{day.day} {day:%B %Y}"


def _short_date(day: date) -> str:
    """The same date for the one-line trust strip: 21 Nov 2026."""
    return f"{day.day} {day:%b %Y}"
