"""The one path for a change's consequences (issue 10): `record` is the only writer of
audit events, change-feed rows, ticket e-mails and webhooks.

A use case reads: load, ask the domain, mutate, `record(...)`, commit. `record` works in
the caller's transaction: the e-mails are queued at once, the audit event, the feed row
and the webhooks at COMMIT (`ChangeRepository.write_pending`), where the feed row gets
its sequence number in commit order. What each kind causes is `app.domain.changes`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from app.db.models import Ticket, User
from app.db.repositories.changes import PendingChange
from app.db.session import UnitOfWork
from app.domain.actors import Actor
from app.domain.changes import Change, Recipients, check_mail, webhook_of
from app.domain.contracts import Channel
from app.domain.ids import new_id
from app.services import mail, notifications, webhooks
from app.services.notifications import Notice
from app.services.wire import wire

__all__ = ["Change", "Notice", "record", "request_channel", "ticket_data"]


def request_channel(actor: Actor | None) -> str:
    """The channel of a change: `api` for API keys, `portal` for people, `system` for the
    worker (no actor)."""
    if actor is None:
        return "system"
    return Channel.API.value if actor.api_key_id else Channel.PORTAL.value


def ticket_data(ticket: Ticket, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A change's webhook and feed data: the case, its severity, and what changed."""
    return {
        "ticket_id": ticket.id,
        "tracking_number": ticket.tracking_number,
        "severity": ticket.severity,
        **(extra or {}),
    }


async def record(
    uow: UnitOfWork,
    change: Change,
    ticket: Ticket,
    actor: Actor | None,
    now: datetime,
    *,
    channel: str | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str | None = None,
    data: Mapping[str, Any] | None = None,
    notices: Sequence[Notice] = (),
    internal: bool = False,
) -> None:
    """Records `change` to `ticket` by `actor` (None: the system) in the caller's
    transaction: one audit event (`before`, `after`, `reason`), one change-feed row and
    the webhook of its type (`data`; by default the case and `after`), and the e-mails
    `notices` — each one an e-mail the kind's table names. The case's `updated_at` moves
    to `now`. An `internal` change (a note) is fed to staff only and sends no webhook."""
    ticket.updated_at = now
    change_id = new_id()
    for notice in notices:
        await _send(uow, now, ticket, change, notice)
    payload = dict(data) if data is not None else ticket_data(ticket, after)
    case = {
        "ticket_id": ticket.id,
        "tracking_number": ticket.tracking_number,
        "external_ref": ticket.external_ref,
    }
    fanout = None
    event_type = webhook_of(change, internal=internal)
    if event_type is not None:
        fanout = await webhooks.publish(
            uow,
            now,
            event_id=change_id,
            event_type=event_type,
            customer_id=ticket.customer_id,
            case=case,
            data=payload,
        )
    who = {
        "role": actor.role.value if actor else "system",
        "user_id": str(actor.user_id) if actor and actor.user_id else None,
        "api_key_id": str(actor.api_key_id) if actor and actor.api_key_id else None,
    }
    uow.changes.append(
        PendingChange(
            audit={
                "id": change_id,
                "ticket_id": ticket.id,
                "at": now,
                "kind": change.value,
                "actor_id": actor.user_id if actor else None,
                "actor_api_key_id": actor.api_key_id if actor else None,
                "actor_role": who["role"],
                "channel": channel or request_channel(actor),
                "before": wire(dict(before)) if before is not None else None,
                "after": wire(dict(after)) if after is not None else None,
                "reason": reason,
            },
            change={
                "id": change_id,
                "type": change.value,
                "occurred_at": now,
                "ticket_id": ticket.id,
                "customer_id": ticket.customer_id,
                "tracking_number": ticket.tracking_number,
                "external_ref": ticket.external_ref,
                "actor": who,
                "data": wire(payload),
                "internal": internal,
            },
            fanout=fanout,
        )
    )


async def _send(
    uow: UnitOfWork, now: datetime, ticket: Ticket, change: Change, notice: Notice
) -> None:
    """Queues one notice: addresses as given, people by their preference (SPEC 6)."""
    rule = check_mail(change, notice.to)
    people: list[User | None] = list(notice.people)
    addresses = list(notice.addresses)
    if notice.to is Recipients.REQUESTER and not people:
        people = [await notifications.requester(uow, ticket)]
    elif notice.to is Recipients.SUPPORT_OWNERS and not people:
        people = list(await notifications.support_owners(uow, ticket))
    elif notice.to is Recipients.PARTNER_HELPDESK and not addresses:
        partner = await notifications.partner_helpdesk(uow, ticket)
        if partner is not None and partner.helpdesk_email:
            addresses = [partner.helpdesk_email]
    headers = dict(notice.headers) if notice.headers else None
    for address in addresses:
        mail.queue_email(
            uow.outbox, now, to=[address], subject=notice.subject, text=notice.text, headers=headers
        )
    if people:
        notifications.send(uow, now, people, rule.preference, notice.subject, notice.text)
