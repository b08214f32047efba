"""The editors' page (redaktion/, templates/editors-report.md.j2): the same data as kvi review,
kvi translations and kvi prisons, gathered once per build from what was loaded. Not in the search."""

from __future__ import annotations

import datetime

from kvi import reports, review, translation_status
from kvi.languages import Language
from kvi.model import Model
from kvi.pages import Page


def gather(languages: list[Language], trees: dict[str, dict[str, Page]], model: Model, today: datetime.date) -> dict:
    rows = translation_status.rows_of(languages, trees)
    return {
        "due": review.due(model, today),
        "unconfirmed": sorted(review.unconfirmed(model).items()),
        "translation_states": list(translation_status.STATES),
        "translation_summary": sorted(translation_status.summary(rows).items()),
        "translations_open": [row for row in rows if row.state in translation_status.PROBLEM_STATES],
        "prisons": reports.prison_gaps(model),
    }
