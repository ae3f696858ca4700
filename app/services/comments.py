"""Comment use cases (SPEC 4): public comments and internal notes on a case.

A public staff comment is a staff update (it acknowledges a new case and restarts the
`update` clock); a customer's public reply resumes a case that waits for it. Public
comments are e-mailed to the other side with the tracking number in the subject.
"""

from __future__ import annotations

import uuid
from typing import Any

from app.db.models import Comment, Ticket, User
from app.db.repositories.pagination import Page
from app.db.session import UnitOfWork
from app.domain import comments as rules
from app.domain.actors import Actor
from app.domain.changes import Recipients
from app.domain.ids import new_id
from app.domain.lifecycle import TicketStatus
from app.schemas.comments import CommentIn
from app.services import notifications, ticket_changes, tickets
from app.services.context import ServiceContext
from app.services.notifications import Notice
from app.services.ticket_changes import Change


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
    public = visibility is rules.Visibility.PUBLIC
    await ticket_changes.record(
        uow,
        Change.COMMENT_ADDED,
        ticket,
        actor,
        now,
        channel=channel,
        after={"comment_id": comment.id, "visibility": visibility},
        data={
            "ticket_id": ticket.id,
            "tracking_number": ticket.tracking_number,
            "comment_id": comment.id,
            "author_role": comment.author_role,
            "visibility": visibility.value,
            "body": comment.body,
            "created_at": now,
        },
        notices=[await _notice(uow, actor, ticket, comment)] if public else [],
        internal=not public,  # an internal note: staff only, no webhook (SPEC 4)
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
    await uow.commit()
    return comment


async def _notice(uow: UnitOfWork, actor: Actor, ticket: Ticket, comment: Comment) -> Notice:
    """The other side hears of a public comment, if they want to (`email_public_comments`)."""
    recipients: list[User | None]
    if rules.notify_customer_side(actor):
        recipients = [await notifications.requester(uow, ticket)]
        intro = "Support has added a comment to your case"
    else:
        assignee = await uow.accounts.user_by_id(ticket.assignee_id) if ticket.assignee_id else None
        recipients = [assignee]
        intro = "The customer has added a comment to the case"
    others = tuple(u for u in recipients if u is not None and u.id != actor.user_id)
    return Notice(
        Recipients.OTHER_SIDE,
        notifications.ticket_subject(ticket, ticket.subject),
        f"{intro} {ticket.tracking_number} ({ticket.subject}):\n\n{comment.body}\n\n"
        "Reply to this e-mail to answer; keep the tracking number in the subject.",
        people=others,
    )
