"""Who is told what about a case, by e-mail through the outbox, respecting preferences
(SPEC 6): the notices' texts and the lookups of their recipients. A notice is queued by
`ticket_changes.record` only, as the e-mail its change's table names.

Every message names the ticket's tracking number in its subject, so replies thread and
the e-mail gateway can attach them to the case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from app.db.models import Partner, Ticket, User
from app.db.session import UnitOfWork
from app.domain.actors import Role, Scope, ScopeKind
from app.domain.changes import Preference, Recipients
from app.domain.inbound_mail import writes_by_mail
from app.services import mail

# Preference keys (app/schemas/accounts.NotificationPreferences); absent means "yes".
TICKET_UPDATES = Preference.TICKET_UPDATES.value
PUBLIC_COMMENTS = Preference.PUBLIC_COMMENTS.value
SLA_WARNINGS = Preference.SLA_WARNINGS.value
ESCALATIONS = Preference.ESCALATIONS.value


@dataclass(frozen=True, slots=True)
class Notice:
    """One e-mail of a change: to whom (an e-mail the change's table names) and what it
    says. `people` and `addresses` are the recipients only the use case knows (the
    escalated level, the on-call engineer, the other side of a comment); the requester,
    the support owners and the partner helpdesk are looked up when not given."""

    to: Recipients
    subject: str
    text: str
    people: tuple[User | None, ...] = ()
    addresses: tuple[str, ...] = ()
    headers: Mapping[str, str] | None = None


def wants(user: User, preference: str | None) -> bool:
    if preference is None:
        return True
    return bool((user.notification_preferences or {}).get(preference, True))


def ticket_subject(ticket: Ticket, text: str) -> str:
    return f"[{ticket.tracking_number}] {text}"


def send(
    uow: UnitOfWork,
    now: datetime,
    users: Iterable[User | None],
    preference: str | None,
    subject: str,
    text: str,
) -> int:
    """Queues one e-mail per recipient who wants this kind; answers how many. Active users
    and e-mail contacts (known by address only) are told; disabled accounts are not."""
    sent = 0
    seen: set[str] = set()
    for user in users:
        if user is None or user.email in seen or not wants(user, preference):
            continue
        if not writes_by_mail(
            is_active=user.is_active, has_password=user.password_hash is not None
        ):
            continue
        seen.add(user.email)
        mail.queue_email(uow.outbox, now, to=[user.email], subject=subject, text=text)
        sent += 1
    return sent


async def requester(uow: UnitOfWork, ticket: Ticket) -> User | None:
    user_id = ticket.requester_id or ticket.created_by
    return await uow.accounts.user_by_id(user_id) if user_id else None


async def support_owners(uow: UnitOfWork, ticket: Ticket) -> list[User]:
    """The engineer who owns the case, else the support managers who dispatch it."""
    if ticket.assignee_id is not None:
        assignee = await uow.accounts.user_by_id(ticket.assignee_id)
        if assignee is not None:
            return [assignee]
    return await uow.accounts.users_with_role(Role.SUPPORT_MANAGER)


def state_changed(ticket: Ticket, before: str, outcome: str | None) -> Notice:
    """The customer hears of every state change of its case (SPEC 6, e-mail out)."""
    result = f" Outcome: {outcome}." if outcome else ""
    return Notice(
        Recipients.REQUESTER,
        ticket_subject(ticket, f"Status: {ticket.status}"),
        f"Your case {ticket.tracking_number} ({ticket.subject}) moved from {before} to "
        f"{ticket.status}.{result}",
    )


def sla_alert(ticket: Ticket, metric: str, due_at: datetime, *, breached: bool) -> Notice:
    """The case's owner hears at 80 % of a target and again at its breach (SPEC 3.1)."""
    if breached:
        headline = f"SLA breached: {metric}"
        text = f"was due at {due_at.isoformat()} and is breached."
    else:
        headline = f"SLA warning: {metric} due {due_at:%Y-%m-%d %H:%M} UTC"
        text = f"has used 80% of its time; it is due at {due_at.isoformat()}."
    return Notice(
        Recipients.SUPPORT_OWNERS,
        ticket_subject(ticket, headline),
        f"The {metric} target of {ticket.tracking_number} (severity {ticket.severity}, "
        f"{ticket.subject}) {text}",
    )


async def partner_helpdesk(uow: UnitOfWork, ticket: Ticket) -> Partner | None:
    """The partner helpdesk acting for the case: the one that raised it, else the
    customer's partner (SPEC 1, 4.1.6)."""
    partner_id = ticket.partner_id
    if partner_id is None:
        customer = await uow.organisations.customer(ticket.customer_id, Scope(ScopeKind.ALL))
        partner_id = customer.partner_id
    return await uow.organisations.partner_by_id(partner_id) if partner_id else None


def page_on_call(ticket: Ticket, address: str, failing_share: float | None) -> Notice:
    """The on-call engineer is paged for an emergency case (SPEC 4.1.4). Always sent: a
    page is not a preference."""
    share = "not given" if failing_share is None else f"{failing_share:.0%}"
    return Notice(
        Recipients.ON_CALL,
        ticket_subject(ticket, f"EMERGENCY: {ticket.subject}"),
        f"Emergency case {ticket.tracking_number} was raised by {ticket.channel} at "
        f"{ticket.created_at.isoformat()} and is routed as severity {ticket.severity}.\n\n"
        f"Subject: {ticket.subject}\nShare of calls failing: {share}\n\n"
        f"{ticket.description}",
        addresses=(address,),
        headers={"Importance": "high", "X-Priority": "1"},
    )
