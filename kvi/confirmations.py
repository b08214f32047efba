"""The confirmation log (data/confirmations.yml): an answer that confirms an entry makes it confirmed.

Editors record whom they asked and what came back; the newest confirming answer sets last_checked
and status on every block of the entry while the data is loaded, so an answer is one small change
in one place. The log itself stays private (its schema says x-open-data false).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from kvi import provenance
from kvi.problems import Problem

KIND = "confirmations"


@dataclass(frozen=True)
class Answer:
    entry: str  # kind/id
    asked: datetime.date
    answered: datetime.date | None
    result: str | None
    by: str | None


def answers(log: dict) -> list[Answer]:
    """Every request of the log, in the log's order (log: the loaded kind, id → record)."""
    found = []
    for record in log.values():
        for request in record.fields["requests"]:
            answered = request.get("answered")
            found.append(Answer(record.id, _day(request["asked"]), _day(answered) if answered else None,
                                request.get("result"), request.get("by")))
    return found


def apply(kinds: dict) -> list[Problem]:
    """Mark each answered entry confirmed; problems for entries the log names that do not exist
    and answers dated before their question."""
    log = kinds.get(KIND, {})
    problems = []
    for record in log.values():
        kind, _, record_id = record.id.partition("/")
        target = kinds.get(kind, {}).get(record_id) if kind != KIND else None
        if target is None:
            problems.append(Problem(record.file, record.fields.line_of("entry"), "entry",
                                    f"'{record.id}' names no entry: expected kind/id of an entry in data/, "
                                    f"like prisons/jva-werl"))
            continue
        for index, request in enumerate(record.fields["requests"]):
            if request.get("answered") and str(request["answered"]) < str(request["asked"]):
                problems.append(Problem(record.file, request.line_of("answered"), f"requests[{index + 1}].answered",
                                        f"the answer ({request['answered']}) is dated before the question "
                                        f"({request['asked']})"))
        latest = max((str(r["answered"]) for r in record.fields["requests"] if r.get("answered")), default=None)
        if latest:
            _confirm(target.fields, latest)
    return problems


def _confirm(fields: dict, day: str) -> None:
    """Every block of the entry; registers' blocks are kept current by a newer edition, not by asking."""
    for _, block in provenance.blocks(fields):
        if block.get("status") != provenance.OFFICIAL and str(block.get("last_checked") or "") < day:
            block["last_checked"] = day
            block["status"] = provenance.CONFIRMED


def _day(value: object) -> datetime.date:
    return datetime.date.fromisoformat(str(value))


def report(kinds: dict, providers: list[str]) -> str:
    """Who was asked when and who answered; then how many providers were never asked.
    providers: the kind/id of every entry the letters go to."""
    log = kinds.get(KIND, {})
    lines = [f"{'entry':50}  {'asked':10}  {'answered':10}  result"]
    for answer in sorted(answers(log), key=lambda a: (a.entry, a.asked)):
        lines.append(f"{answer.entry:50}  {answer.asked.isoformat():10}  "
                     f"{answer.answered.isoformat() if answer.answered else '—':10}  "
                     f"{answer.result or 'no answer yet'}{f' ({answer.by})' if answer.by else ''}")
    asked = set(log)
    answered = {a.entry for a in answers(log) if a.answered}
    never = [entry for entry in providers if entry not in asked]
    lines.append(f"{len(providers)} entries to confirm: {len(asked & set(providers))} asked, "
                 f"{len(answered & set(providers))} answered, {len(never)} never asked.")
    return "\n".join(lines)
