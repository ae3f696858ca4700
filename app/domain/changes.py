"""Every kind of change to a case, and what each one causes (SPEC 4, 6; issue 10).

Pure: `EFFECTS` says, for each kind, which webhook event type tells subscribers and who
is e-mailed (with the preference that lets a person opt out). Every kind writes one
audit event (its kind is the change's value) and one change-feed row. The one writer of
all of that is `app.services.ticket_changes.record`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.domain.webhooks import EventType, hears


class Change(StrEnum):
    """A kind of change to a case. The value is its audit event's kind and the change
    feed's `type`; today's audit kinds keep their names."""

    CREATED = "created"
    EMERGENCY = "emergency"
    UPDATED = "updated"
    STATE_CHANGED = "state_changed"
    SEVERITY_CHANGE_PROPOSED = "severity_change_proposed"
    SEVERITY_CHANGED = "severity_changed"
    SEVERITY_CHANGE_ACCEPTED = "severity_change_accepted"
    SEVERITY_CHANGE_REJECTED = "severity_change_rejected"
    SEVERITY_CHANGE_DISPUTED = "severity_change_disputed"
    SEVERITY_DISPUTE_DECIDED = "severity_dispute_decided"
    SEVERITY_RECLASSIFIED = "severity_reclassified"
    COMMENT_ADDED = "comment_added"
    ATTACHMENT_ADDED = "attachment_added"
    CALL_RECORDED = "call_recorded"
    PATCH_RECORDED = "patch_recorded"
    ESCALATION_OPENED = "escalation_opened"
    ESCALATION_ACKNOWLEDGED = "escalation_acknowledged"
    ESCALATION_RESOLVED = "escalation_resolved"
    SLA_WARNING = "sla_warning"
    SLA_BREACHED = "sla_breached"
    RELEASED_FROM_QUARANTINE = "released_from_quarantine"


class Recipients(StrEnum):
    """Who an e-mail of a change goes to."""

    REQUESTER = "requester"  # the case's requester, else its creator
    SUPPORT_OWNERS = "support_owners"  # the assignee, else the support managers
    PARTNER_HELPDESK = "partner_helpdesk"  # the partner's published helpdesk address
    OTHER_SIDE = "other_side"  # of a public comment: the requester or the assignee
    RAISER = "raiser"  # whoever raised the case: the acknowledgement
    ON_CALL = "on_call"  # the paged on-call engineer (SPEC 4.1.4)
    ESCALATION_LEVEL = "escalation_level"  # the addressed level's contacts and managers
    ESCALATED_BY = "escalated_by"  # whoever escalated, else the requester
    ESCALATION_SENDER = "escalation_sender"  # who escalated by e-mail: an auto-reply


class Preference(StrEnum):
    """A person's e-mail preferences (`NotificationPreferences`); absent means yes."""

    TICKET_UPDATES = "email_ticket_updates"
    PUBLIC_COMMENTS = "email_public_comments"
    SLA_WARNINGS = "email_sla_warnings"
    ESCALATIONS = "email_escalations"


@dataclass(frozen=True, slots=True)
class Mail:
    """An e-mail a change may send: to whom, and the preference that silences it (None:
    always sent — an acknowledgement, a page, an address that is not a person)."""

    to: Recipients
    preference: Preference | None = None


@dataclass(frozen=True, slots=True)
class Effects:
    webhook: EventType
    mail: tuple[Mail, ...] = ()

    def mail_to(self, recipients: Recipients) -> Mail | None:
        return next((m for m in self.mail if m.to is recipients), None)


_SEVERITY_MAIL = (
    Mail(Recipients.SUPPORT_OWNERS, Preference.TICKET_UPDATES),  # a proposal staff answers
    Mail(Recipients.REQUESTER, Preference.TICKET_UPDATES),
    Mail(Recipients.PARTNER_HELPDESK),  # a reclassification the partner may dispute
)
_SLA_MAIL = (Mail(Recipients.SUPPORT_OWNERS, Preference.SLA_WARNINGS),)
_E = EventType

EFFECTS: Mapping[Change, Effects] = {
    Change.CREATED: Effects(_E.TICKET_CREATED, (Mail(Recipients.RAISER),)),
    Change.EMERGENCY: Effects(_E.TICKET_EMERGENCY, (Mail(Recipients.ON_CALL),)),
    Change.UPDATED: Effects(_E.TICKET_UPDATED),
    Change.STATE_CHANGED: Effects(
        _E.TICKET_STATE_CHANGED, (Mail(Recipients.REQUESTER, Preference.TICKET_UPDATES),)
    ),
    Change.SEVERITY_CHANGE_PROPOSED: Effects(_E.TICKET_SEVERITY_CHANGE_PROPOSED, _SEVERITY_MAIL),
    Change.SEVERITY_CHANGED: Effects(_E.TICKET_SEVERITY_CHANGED, _SEVERITY_MAIL),
    Change.SEVERITY_CHANGE_ACCEPTED: Effects(_E.TICKET_SEVERITY_CHANGE_ACCEPTED, _SEVERITY_MAIL),
    Change.SEVERITY_CHANGE_REJECTED: Effects(_E.TICKET_SEVERITY_CHANGE_REJECTED, _SEVERITY_MAIL),
    Change.SEVERITY_CHANGE_DISPUTED: Effects(_E.TICKET_SEVERITY_CHANGE_DISPUTED, _SEVERITY_MAIL),
    Change.SEVERITY_DISPUTE_DECIDED: Effects(_E.TICKET_SEVERITY_DECIDED, _SEVERITY_MAIL),
    Change.SEVERITY_RECLASSIFIED: Effects(_E.TICKET_SEVERITY_RECLASSIFIED, _SEVERITY_MAIL),
    Change.COMMENT_ADDED: Effects(
        _E.TICKET_COMMENT_ADDED, (Mail(Recipients.OTHER_SIDE, Preference.PUBLIC_COMMENTS),)
    ),
    Change.ATTACHMENT_ADDED: Effects(_E.TICKET_ATTACHMENT_ADDED),
    Change.CALL_RECORDED: Effects(_E.TICKET_CALL_RECORDED),
    # A patch was published as a `ticket.updated` before it had its own kind; kept.
    Change.PATCH_RECORDED: Effects(
        _E.TICKET_UPDATED, (Mail(Recipients.REQUESTER, Preference.TICKET_UPDATES),)
    ),
    Change.ESCALATION_OPENED: Effects(
        _E.ESCALATION_CREATED,
        (
            Mail(Recipients.ESCALATION_LEVEL, Preference.ESCALATIONS),
            Mail(Recipients.ESCALATION_SENDER),
        ),
    ),
    Change.ESCALATION_ACKNOWLEDGED: Effects(
        _E.ESCALATION_UPDATED, (Mail(Recipients.ESCALATED_BY, Preference.ESCALATIONS),)
    ),
    Change.ESCALATION_RESOLVED: Effects(
        _E.ESCALATION_UPDATED, (Mail(Recipients.ESCALATED_BY, Preference.ESCALATIONS),)
    ),
    Change.SLA_WARNING: Effects(_E.SLA_WARNING, _SLA_MAIL),
    Change.SLA_BREACHED: Effects(_E.SLA_BREACHED, _SLA_MAIL),
    Change.RELEASED_FROM_QUARANTINE: Effects(_E.TICKET_RELEASED_FROM_QUARANTINE),
}


def effects_of(change: Change) -> Effects:
    return EFFECTS[change]


def webhook_of(change: Change, *, internal: bool) -> EventType | None:
    """The webhook event type a change is published as; an internal change (a note, an
    internal upload) is for staff only and sends none."""
    return None if internal else EFFECTS[change].webhook


def heard_by(subscribed: Collection[str]) -> frozenset[Change]:
    """The kinds of change whose webhook a subscription to `subscribed` receives (the
    publishing rule, `webhooks.hears`, applied to every kind)."""
    return frozenset(c for c in Change if hears(subscribed, EFFECTS[c].webhook))


def check_mail(change: Change, recipients: Recipients) -> Mail:
    """The table's e-mail of `change` to `recipients`; an e-mail the table does not name is
    a bug in the use case, never sent."""
    mail = EFFECTS[change].mail_to(recipients)
    if mail is None:
        raise ValueError(f"a {change.value} change e-mails no {recipients.value}")
    return mail
