"""Comment use cases (SPEC 4): public comments and internal notes on a case.

A public staff comment is a staff update (it acknowledges a new case and restarts the
`update` clock); a customer's public reply resumes a case that waits for it. Public
comments are e-mailed to the other side with the tracking number in the subject.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from app.db.models import Comment, Ticket, User
from app.db.repositories.pagination import Page
from app.db.session import UnitOfWork
from app.domain import comments as rules
from app.domain.actors import Actor
from app.domain.ids import new_id
from app.domain.lifecycle import TicketStatus
from app.domain.webhooks import EventType
from app.schemas.comments import CommentIn
from app.services import audit, notifications, tickets, webhooks
from app.services.context import ServiceContext


async def list_comments(
    uow: UnitOfWork, actor: Actor, ticket_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[Any]:
    """The case's comments, oldest first; internal notes only for staff."""
    await uow.tickets.ticket(ticket_id, actor.scope)
    return await uow.tickets.comments(ticket_id, rules.sees_internal(actor), limit, cursor)


async def add(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket_id: uuid.UUID,
    body: CommentIn,
    *,
    channel: str | None = None,
) -> Comment:
    """Adds a comment. `channel` is given by the e-mail gateway (`email`); through the
    API it is `portal` or `api`."""
    ticket = await uow.tickets.ticket(ticket_id, actor.scope, lock=True)
    visibility = rules.check_may_write(actor, rules.parse_visibility(body.visibility))
    channel = channel or tickets.request_channel(actor)
    now = ctx.now()
    comment = Comment(
        id=new_id(),
        ticket_id=ticket.id,
        author_id=actor.user_id,
        author_role=actor.role.value,
        visibility=visibility.value,
        channel=channel,
        body=body.body,
        created_at=now,
    )
    uow.tickets.add(comment)
    audit.record(
        uow,
        ticket.id,
        actor,
        channel,
        "comment_added",
        now,
        after={"comment_id": comment.id, "visibility": visibility},
    )
    if rules.is_first_response_or_update(actor, visibility):
        await tickets.first_response(uow, ctx, actor, ticket, channel)
    elif rules.reply_resumes_case(actor, visibility, TicketStatus(ticket.status)):
        await tickets.move(
            uow,
            ctx,
            actor,
            ticket,
            TicketStatus.IN_PROGRESS,
            channel=channel,
            reason="the customer replied",
        )
    ticket.updated_at = now
    if visibility is rules.Visibility.PUBLIC:
        await _notify(uow, now, actor, ticket, comment)
        await _publish(uow, now, ticket, comment)
    await uow.commit()
    return comment


async def _notify(
    uow: UnitOfWork, now: datetime, actor: Actor, ticket: Ticket, comment: Comment
) -> None:
    """The other side hears of a public comment, if they want to (`email_public_comments`)."""
    recipients: list[User | None]
    if rules.notify_customer_side(actor):
        recipients = [await notifications.requester(uow, ticket)]
        intro = "Support has added a comment to your case"
    else:
        assignee = await uow.accounts.user_by_id(ticket.assignee_id) if ticket.assignee_id else None
        recipients = [assignee]
        intro = "The customer has added a comment to the case"
    others = [u for u in recipients if u is not None and u.id != actor.user_id]
    notifications.send(
        uow,
        now,
        others,
        notifications.PUBLIC_COMMENTS,
        notifications.ticket_subject(ticket, ticket.subject),
        f"{intro} {ticket.tracking_number} ({ticket.subject}):\n\n{comment.body}\n\n"
        "Reply to this e-mail to answer; keep the tracking number in the subject.",
    )


async def _publish(uow: UnitOfWork, now: datetime, ticket: Ticket, comment: Comment) -> None:
    """Webhook subscribers (the customer's, its partner's) hear of public comments only."""
    await webhooks.publish(
        uow,
        now,
        customer_id=ticket.customer_id,
        event_type=EventType.TICKET_COMMENT_ADDED.value,
        data={
            "ticket_id": ticket.id,
            "tracking_number": ticket.tracking_number,
            "comment_id": comment.id,
            "author_role": comment.author_role,
            "body": comment.body,
            "created_at": now.isoformat(),
        },
    )
