"""Escalation by e-mail (SPEC 5, issue 13 point 5): what a mail to a level's role
mailbox says, and what becomes of one that cannot open an escalation.

A mail to a level's mailbox quotes the case's tracking number (in the subject, else in
the text) and may give the written fields as labelled lines; a label's text runs on
to the next label or the end of the message:

    Reason: inadequate solution        one of the SPEC 5 reasons (spaces, `-` or `_`)
    Impact: 400 agents cannot call     also "Business impact:"
    Progress: two restarts, no news    also "Progress to date:"
    Related: SD-2027-000012, SD-2027-000015      also "Related cases:"

Defaults, so a plain letter works too: reason `poor_experience`; business impact the
message's unlabelled text (else a note that the mail stated none); progress to date a
note that the mail stated none. Quoted lines (`>`) and the signature (after `-- `) are
left out. The written rules of the API apply as they are (`escalation.statement`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain import escalation as rules
from app.domain.errors import DomainError, NotFound
from app.domain.escalation import Reason
from app.domain.inbound_mail import QuarantineReason
from app.domain.tracking import TrackingNumber, find_tracking_number

DEFAULT_REASON = Reason.POOR_EXPERIENCE
IMPACT_NOT_STATED = "Not stated in the escalation e-mail; the case describes the fault."
PROGRESS_NOT_STATED = (
    "Not stated in the escalation e-mail; the case's history shows the progress to date."
)

_LABELS = {
    "reason": "reason",
    "impact": "impact",
    "business impact": "impact",
    "progress": "progress",
    "progress to date": "progress",
    "related": "related",
    "related cases": "related",
}
_LABEL = re.compile(
    r"^\s*(reason|business impact|impact|progress to date|progress|related cases|related)"
    r"\s*:\s*(.*)$",
    re.IGNORECASE,
)
_CASE = re.compile(r"\bSD-\d{4}-\d{6,9}\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WrittenEscalation:
    """The fields of an escalation as a mail states them, before the written rules."""

    reason: str
    business_impact: str
    progress_to_date: str
    related_cases: tuple[str, ...]


def tracking_number(subject: str, text: str) -> TrackingNumber | None:
    """The case a mail escalates: the number in its subject, else the first one in its
    text outside a `Related:` line."""
    found = find_tracking_number(subject)
    if found is not None:
        return found
    fields, free = _fields(text)
    return find_tracking_number(
        "\n".join([free, fields.get("impact", ""), fields.get("progress", "")])
    )


def written(text: str) -> WrittenEscalation:
    """The labelled fields of the mail's text, with the defaults above."""
    fields, free = _fields(text)
    reason = fields.get("reason", "").strip()
    return WrittenEscalation(
        reason=_reason_value(reason) if reason else DEFAULT_REASON.value,
        business_impact=fields.get("impact", "").strip()
        or free.strip()[: rules.MAX_STATEMENT_LENGTH]
        or IMPACT_NOT_STATED,
        progress_to_date=fields.get("progress", "").strip() or PROGRESS_NOT_STATED,
        related_cases=tuple(m.upper() for m in _CASE.findall(fields.get("related", ""))),
    )


def refusal(error: DomainError) -> QuarantineReason:
    """Why an escalation mail is held: a case the sender cannot see (or none), a closed
    case, or any other rule (`escalation_refused`, the rule's words in `detail`)."""
    if isinstance(error, NotFound):
        return QuarantineReason.ESCALATION_NO_CASE
    if isinstance(error, rules.TicketNotOpen):
        return QuarantineReason.ESCALATION_CASE_CLOSED
    return QuarantineReason.ESCALATION_REFUSED


def confirmation_text(
    tracking: str, level: int, title: str, acknowledge_due: str, fields: WrittenEscalation
) -> str:
    """What the sender of an accepted escalation mail is told."""
    related = ", ".join(fields.related_cases) or "none"
    return (
        f"Hello,\n\nyour escalation of case {tracking} is open at level {level} ({title}). "
        f"The manager acknowledges it by {acknowledge_due} UTC.\n\n"
        f"Reason: {fields.reason.replace('_', ' ')}\n\nBusiness impact: "
        f"{fields.business_impact}\n\nProgress to date: {fields.progress_to_date}\n\n"
        f"Related cases: {related}"
    )


def _reason_value(text: str) -> str:
    """`Inadequate solution` -> `inadequate_solution`; an unknown word stays as written,
    so the written rules name it."""
    return re.sub(r"[\s-]+", "_", text.strip().lower())


def _fields(text: str) -> tuple[dict[str, str], str]:
    """The labelled fields and the unlabelled text, quotes and signature left out."""
    fields: dict[str, list[str]] = {}
    free: list[str] = []
    current: list[str] = free
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.rstrip() == "--":
            break
        if line.lstrip().startswith(">"):
            continue
        match = _LABEL.match(line)
        if match is not None:
            current = fields.setdefault(_LABELS[match.group(1).lower()], [])
            current.append(match.group(2))
        else:
            current.append(line)
    return {name: "\n".join(lines).strip() for name, lines in fields.items()}, "\n".join(
        free
    ).strip()
