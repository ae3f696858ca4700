"""E-mail in (SPEC 6): a received message becomes a ticket, a comment on a ticket, or a
quarantined record — never nothing — and the quarantine use cases for staff.

`receive` is what the SMTP gateway calls; it returns only after everything it decided
is committed, so the gateway answers 250 only then. Machine mail (auto-replies,
bounces, our own mail) is recorded and never answered. A person whose mail cannot
raise a case gets one explanation a day at most, through the outbox.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from email.utils import parseaddr

from app.db.models import Customer, Partner, QuarantinedMail, Ticket
from app.db.repositories.inbound_mail import QuarantineFilters
from app.db.repositories.pagination import Page
from app.db.session import Database, UnitOfWork
from app.domain import escalation_mail as escalation_rules
from app.domain import inbound_mail as rules
from app.domain import mail_auth, process_rules
from app.domain.actors import Actor, Scope, ScopeKind, Side
from app.domain.contracts import ContractTerms
from app.domain.errors import DomainError, InvalidField
from app.domain.ids import new_id
from app.domain.inbound_mail import InboundMail, QuarantineReason, QuarantineState
from app.domain.tracking import find_tracking_number
from app.schemas.comments import CommentIn
from app.schemas.quarantine import ReleaseIn
from app.schemas.tickets import TicketCreate
from app.services import (
    accounts,
    attachments,
    comments,
    email_contacts,
    escalation_mail,
    mail,
    ticket_changes,
    ticket_intake,
)
from app.services.context import ServiceContext
from app.services.ticket_changes import Change

__all__ = ["QuarantineFilters", "Received", "delete", "get", "list_held", "receive", "release"]

ALL = Scope(ScopeKind.ALL)


@dataclass(frozen=True, slots=True)
class Received:
    """What became of a message: `ticket`, `comment`, `escalation` or `quarantined`."""

    kind: str
    ticket_id: uuid.UUID | None = None
    quarantined_id: uuid.UUID | None = None
    reason: QuarantineReason | None = None
    escalation_id: uuid.UUID | None = None


def our_identity(ctx: ServiceContext) -> rules.OurIdentity:
    s = ctx.settings
    sender = parseaddr(s.mail_from)[1].lower()
    addresses = {sender, s.support_address.lower(), s.emergency_address.lower()}
    return rules.OurIdentity(frozenset(addresses), rules.address_domain(sender))


async def receive(
    db: Database, ctx: ServiceContext, raw: bytes, mail_from: str, rcpt_to: list[str]
) -> Received:
    """Processes one message from the gateway and commits what became of it."""
    message = rules.parse(raw, mail_from, rcpt_to)
    silent = rules.screen(message, our_identity(ctx))
    async with db.unit_of_work() as uow:
        if silent is not None:
            return await _hold(uow, ctx, message, silent)
        # Both routes check the sender's authenticity (mail_auth) before a registered
        # address may raise, comment or escalate anything.
        mailbox = await escalation_mail.mailbox_of(uow, ctx, message)
        if mailbox is not None:
            received, sender = await _escalate(uow, ctx, message, mailbox)
        else:
            received, sender = await _accept(uow, ctx, message)
    if sender is not None and received.ticket_id and message.attachments:
        failed = await _attach(db, ctx, sender, received.ticket_id, message)
        if failed:
            async with db.unit_of_work() as uow:
                await _keep_attachments(uow, ctx, message, received.ticket_id, failed)
    return received


async def _escalate(
    uow: UnitOfWork, ctx: ServiceContext, message: InboundMail, mailbox: str
) -> tuple[Received, Actor | None]:
    """Escalation by e-mail: opened at the mailbox's level, or held with the reason."""
    user = email_contacts.writer(
        await uow.accounts.user_by_email(message.sender) if message.sender else None
    )
    customer = await uow.organisations.customer_for_address(message.sender)
    ids = _ids(customer)
    if user is None:
        reason = QuarantineReason.ESCALATION_UNKNOWN_SENDER
        return await _hold(uow, ctx, message, reason, customer=ids), None
    proof = _sender_authentication(ctx, message)  # a forged escalation is no escalation
    if not proof.authenticated:
        why = QuarantineReason.UNAUTHENTICATED
        return await _hold(uow, ctx, message, why, customer=ids, detail=proof.reason), None
    sender = accounts.actor_of(user)
    try:
        row = await escalation_mail.escalate(uow, ctx, sender, mailbox, message)
    except DomainError as exc:
        await uow.rollback()
        reason = escalation_rules.refusal(exc)
        return await _hold(uow, ctx, message, reason, customer=ids, detail=exc.detail), None
    return Received("escalation", ticket_id=row.ticket_id, escalation_id=row.id), sender


async def _accept(
    uow: UnitOfWork, ctx: ServiceContext, message: InboundMail
) -> tuple[Received, Actor | None]:
    known = await uow.accounts.user_by_email(message.sender) if message.sender else None
    user = email_contacts.writer(known)
    sender = accounts.actor_of(user) if user else None
    customer = await uow.organisations.customer_for_address(message.sender)
    ids = _ids(customer)  # plain values: a rollback expires the rows
    if user is not None or customer is not None:
        # A registered address raises cases only when its sender is proven (issue 11, 13).
        proof = _sender_authentication(ctx, message)
        if not proof.authenticated:
            why = QuarantineReason.UNAUTHENTICATED
            return await _hold(uow, ctx, message, why, customer=ids, detail=proof.reason), None
    try:
        if sender is not None and (ticket := await _replied_ticket(uow, sender, message)):
            body = CommentIn(body=rules.ticket_description(message), visibility="public")
            await comments.add(uow, ctx, sender, ticket.id, body, channel="email")
            return Received("comment", ticket_id=ticket.id), sender
        reason = rules.sender_standing(
            registered=customer is not None,
            account=email_contacts.standing(known, user, customer),
            partner_supported=customer is not None and customer.partner_id is not None,
        )
        if reason is not None:
            return await _hold(uow, ctx, message, reason, customer=_ids(customer)), None
        assert customer is not None
        if sender is None:  # a registered address without a user: an e-mail contact
            sender = accounts.actor_of(await email_contacts.add(uow, ctx, customer, message))
        ticket = await _create_ticket(uow, ctx, sender, customer, message)
        return Received("ticket", ticket_id=ticket.id), sender
    except DomainError as exc:  # a process rule refused it: kept, and the sender told why
        await uow.rollback()
        held = await _hold(
            uow, ctx, message, QuarantineReason.REJECTED, customer=ids, detail=exc.detail
        )
        return held, None


def _sender_authentication(
    ctx: ServiceContext, message: InboundMail
) -> mail_auth.SenderAuthentication:
    results = mail_auth.authentication_results(message.raw)
    return mail_auth.verify_sender(message.sender, results, ctx.settings.mail_trusted_authserv_id)


async def _replied_ticket(uow: UnitOfWork, sender: Actor, message: InboundMail) -> Ticket | None:
    """The case a reply is about: a known tracking number the sender's side may see."""
    number = find_tracking_number(message.subject)
    if number is None or sender.side is Side.STAFF:
        return None
    return await uow.tickets.ticket_by_tracking_number(str(number), sender.scope)


async def _create_ticket(
    uow: UnitOfWork,
    ctx: ServiceContext,
    creator: Actor,
    customer: Customer,
    message: InboundMail,
    *,
    commit: bool = True,
) -> Ticket:
    terms = await ticket_intake.governing_terms(uow, customer.id, ctx.now())
    emergency = _emergency(ctx, message, terms)
    choice = (
        rules.emergency_severity(terms.policy)
        if emergency
        else rules.default_severity(terms.policy)
    )
    subject = rules.ticket_subject(message)
    body = TicketCreate(
        customer_id=customer.id,
        subject=subject,
        description=rules.ticket_description(message),
        category=rules.category_of(subject, emergency=emergency is not None).value,
        severity=choice.severity,
        urgency=choice.urgency,
        impact=choice.impact,
        emergency=emergency is not None,
    )
    return await ticket_intake.create_from_email(
        uow, ctx, creator, body, emergency=emergency, commit=commit
    )


def _emergency(
    ctx: ServiceContext, message: InboundMail, terms: ContractTerms
) -> process_rules.EmergencyRouting | None:
    """URGENT to the contract's emergency address, or else to the global one (rule 4)."""
    address = terms.emergency_address or ctx.settings.emergency_address
    for recipient in message.rcpt_to:
        routing = process_rules.emergency_from_mail(message.subject, recipient, address)
        if routing is not None:
            return routing
    return None


async def _hold(
    uow: UnitOfWork,
    ctx: ServiceContext,
    message: InboundMail,
    reason: QuarantineReason,
    *,
    customer: tuple[uuid.UUID, uuid.UUID | None] | None = None,
    detail: str | None = None,
) -> Received:
    """Keeps the message, answers the person at most once a day, commits.

    `customer` is the matching company's id and its partner's id, if any."""
    row = _quarantined(ctx, message, reason, customer[0] if customer else None, detail)
    uow.inbound_mail.add(row)
    now = ctx.now()
    address = message.reply_address
    if rules.may_reply(message, reason) and await uow.inbound_mail.claim_reply(
        address, now, rules.REPLY_INTERVAL
    ):
        partner = await _partner_of(uow, customer[1] if customer else None)
        subject, text = _reply(ctx, message, reason, detail, partner)
        mail.queue_email(
            uow.outbox,
            now,
            to=[address],
            subject=subject,
            text=text,
            headers=_reply_headers(message, row),
        )
        row.replied = True
    await uow.commit()
    return Received("quarantined", quarantined_id=row.id, reason=reason)


def _quarantined(
    ctx: ServiceContext,
    message: InboundMail,
    reason: QuarantineReason,
    customer_id: uuid.UUID | None,
    detail: str | None,
    state: QuarantineState = QuarantineState.HELD,
) -> QuarantinedMail:
    return QuarantinedMail(
        id=new_id(),
        received_at=ctx.now(),
        mail_from=message.mail_from[:320],
        sender=message.sender[:320],
        rcpt_to=",".join(message.rcpt_to)[:2000],
        subject=message.subject[:1000],
        message_id=message.message_id[:998] if message.message_id else None,
        reason=reason.value,
        detail=detail,
        customer_id=customer_id,
        raw=message.raw,
        size=message.size,
        state=state.value,
        replied=False,
    )


def _ids(customer: Customer | None) -> tuple[uuid.UUID, uuid.UUID | None] | None:
    return (customer.id, customer.partner_id) if customer is not None else None


async def _partner_of(uow: UnitOfWork, partner_id: uuid.UUID | None) -> Partner | None:
    return await uow.organisations.partner_by_id(partner_id) if partner_id else None


def _reply_headers(message: InboundMail, row: QuarantinedMail) -> dict[str, str]:
    """RFC 3834: an automatic answer says so, and refers to the message it answers."""
    headers = {"Auto-Submitted": "auto-replied", "X-SupportDesk-Quarantine": str(row.id)}
    if message.message_id:
        headers |= {"In-Reply-To": message.message_id, "References": message.message_id}
    return headers


def _reply(
    ctx: ServiceContext,
    message: InboundMail,
    reason: QuarantineReason,
    detail: str | None,
    partner: Partner | None,
) -> tuple[str, str]:
    contacts = (partner.helpdesk_email, partner.helpdesk_url) if partner else ()
    return rules.reply_text(
        message,
        reason,
        portal_url=ctx.settings.public_base_url.rstrip("/"),
        detail=detail,
        partner_name=partner.name if partner else None,
        partner_contact=", ".join(c for c in contacts if c) or None,
    )


class _MailPart:
    """One attachment of a message, shaped as the upload the attachments use case reads."""

    def __init__(self, part: rules.Attachment) -> None:
        self.part = part

    async def file(self) -> str:
        return self.part.filename

    async def chunks(self) -> AsyncIterator[bytes]:
        size = 64 * 1024
        for start in range(0, len(self.part.content), size):
            yield self.part.content[start : start + size]

    async def finish(self) -> dict[str, str]:
        return {"visibility": "public"}


async def _attach(
    db: Database, ctx: ServiceContext, actor: Actor, ticket_id: uuid.UUID, message: InboundMail
) -> list[str]:
    """Stores each attachment on the case; answers the names of those that failed."""
    failed = []
    for part in message.attachments:
        try:
            async with db.unit_of_work() as uow:
                await attachments.upload(uow, ctx, actor, ticket_id, _MailPart(part))
        except (DomainError, OSError) as exc:
            failed.append(f"{part.filename}: {getattr(exc, 'detail', exc)}")
    return failed


async def _keep_attachments(
    uow: UnitOfWork,
    ctx: ServiceContext,
    message: InboundMail,
    ticket_id: uuid.UUID,
    failed: list[str],
) -> None:
    """Attachments the case refused stay in the raw message, linked to the case."""
    row = _quarantined(
        ctx,
        message,
        QuarantineReason.ATTACHMENTS_KEPT,
        None,
        "; ".join(failed),
        state=QuarantineState.RELEASED,
    )
    row.released_ticket_id = ticket_id
    row.decided_at = ctx.now()
    uow.inbound_mail.add(row)
    await uow.commit()


# --- the quarantine resource (staff only; everyone else gets 404) ---------------------


async def list_held(
    uow: UnitOfWork, actor: Actor, filters: QuarantineFilters, limit: int, cursor: str | None
) -> Page[QuarantinedMail]:
    return await uow.inbound_mail.list_quarantined(actor.scope, filters, limit, cursor)


async def get(uow: UnitOfWork, actor: Actor, mail_id: uuid.UUID) -> QuarantinedMail:
    return await uow.inbound_mail.quarantined(mail_id, actor.scope)


def parsed(row: QuarantinedMail) -> InboundMail:
    return rules.parse(row.raw, row.mail_from, row.rcpt_to.split(","))


async def release(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, mail_id: uuid.UUID, body: ReleaseIn
) -> tuple[QuarantinedMail, Ticket]:
    """Raises the held message as a case of the given customer (channel `email`)."""
    row = await uow.inbound_mail.quarantined(mail_id, actor.scope, lock=True)
    rules.require_held(row.state)
    customer = await uow.organisations.customer(body.customer_id, actor.scope)
    creator = actor
    if body.requester_email is not None:
        creator = await _requester(uow, customer, str(body.requester_email))
    message = parsed(row)
    ticket = await _create_ticket(uow, ctx, creator, customer, message, commit=False)
    now = ctx.now()
    row.state = QuarantineState.RELEASED.value
    row.released_ticket_id = ticket.id
    row.decided_by = actor.user_id
    row.decided_at = now
    await ticket_changes.record(
        uow,
        Change.RELEASED_FROM_QUARANTINE,
        ticket,
        actor,
        now,
        channel="email",
        after={"quarantined_mail_id": row.id, "reason": row.reason, "sender": row.sender},
    )
    await uow.commit()
    if message.attachments:
        await _attach_released(uow, ctx, creator, ticket.id, message)
    return row, ticket


async def _attach_released(
    uow: UnitOfWork, ctx: ServiceContext, creator: Actor, ticket_id: uuid.UUID, message: InboundMail
) -> None:
    """Best effort: the raw message stays linked to the case whatever happens here."""
    for part in message.attachments:
        try:
            await attachments.upload(uow, ctx, creator, ticket_id, _MailPart(part))
        except (DomainError, OSError):
            await uow.rollback()


async def _requester(uow: UnitOfWork, customer: Customer, email: str) -> Actor:
    user = email_contacts.writer(await uow.accounts.user_by_email(email.lower()))
    if user is None or user.customer_id != customer.id:
        raise InvalidField("requester_email", f"{email} is not a user of customer {customer.name}")
    return accounts.actor_of(user)


async def delete(uow: UnitOfWork, ctx: ServiceContext, actor: Actor, mail_id: uuid.UUID) -> None:
    """Marks the message deleted; the row and its bytes stay, with who and when."""
    row = await uow.inbound_mail.quarantined(mail_id, actor.scope, lock=True)
    rules.require_held(row.state)
    row.state = QuarantineState.DELETED.value
    row.decided_by = actor.user_id
    row.decided_at = ctx.now()
    await uow.commit()
