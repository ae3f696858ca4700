"""Escalation by e-mail (issue 13 point 5): mail to a level's role mailbox, from a user
who may see the case and quoting its tracking number, opens a written escalation at
that level; the sender is told the result. The gateway accepts mail for every mailbox
a contract's chain names; what cannot escalate is held by `inbound_mail` with the
reason `escalation_mail.refusal` gives. The format: app/domain/escalation_mail.py.
"""

from __future__ import annotations

from app.db.models import Escalation, Ticket
from app.db.session import Database, UnitOfWork
from app.domain import escalation as rules
from app.domain import escalation_mail as mail_rules
from app.domain.actors import Actor
from app.domain.changes import Recipients
from app.domain.errors import NotFound
from app.domain.inbound_mail import InboundMail
from app.services import escalations
from app.services.context import ServiceContext
from app.services.notifications import Notice


async def is_escalation_mailbox(db: Database, address: str) -> bool:
    """Whether some contract's chain names `address` as a level's mailbox."""
    async with db.unit_of_work() as uow:
        return await uow.sla_config.escalation_mailbox_in_use(address.strip().lower())


async def mailbox_of(uow: UnitOfWork, ctx: ServiceContext, message: InboundMail) -> str | None:
    """The level mailbox a message is for. Mail that also goes to the support or
    emergency address is support mail (an emergency is never held as an escalation)."""
    if any(r in ctx.settings.support_mailboxes for r in message.rcpt_to):
        return None
    for recipient in message.rcpt_to:
        if await uow.sla_config.escalation_mailbox_in_use(recipient):
            return recipient
    return None


async def escalate(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, mailbox: str, message: InboundMail
) -> Escalation:
    """Opens the escalation at `mailbox`'s level with the fields the text states, tells
    the sender and commits; raises the domain error that refused it."""
    number = mail_rules.tracking_number(message.subject, message.text)
    found = (
        await uow.tickets.ticket_by_tracking_number(str(number), actor.scope) if number else None
    )
    if found is None:
        raise NotFound("the message names no case you may see: quote its tracking number")
    ticket = await uow.tickets.ticket(found.id, actor.scope, lock=True)
    fields = mail_rules.written(message.text)
    escalation = await escalations.open_written(
        uow,
        ctx,
        ticket,
        actor,
        rules.parse_reason(fields.reason),
        fields.business_impact,
        fields.progress_to_date,
        list(fields.related_cases),
        mailbox=mailbox,
        reply=lambda row: _confirmation(ticket, row, actor, fields),
    )
    await uow.commit()
    return escalation


def _confirmation(
    ticket: Ticket, row: Escalation, actor: Actor, fields: mail_rules.WrittenEscalation
) -> Notice | None:
    """The sender hears the escalation is open (RFC 3834: an automatic answer)."""
    if not actor.email:
        return None
    text = mail_rules.confirmation_text(
        ticket.tracking_number,
        row.level,
        row.addressed_role.replace("_", " "),
        f"{row.acknowledge_due_at:%Y-%m-%d %H:%M}",
        fields,
    )
    return Notice(
        Recipients.ESCALATION_SENDER,
        escalations.subject_of(ticket, row),
        text,
        addresses=(actor.email,),
        headers={"Auto-Submitted": "auto-replied"},
    )
