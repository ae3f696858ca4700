"""Authentication before action (SPEC 4.1.2): caller verification codes and verified calls."""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime

from app.db.models import Call, CallVerification, Customer, User
from app.db.session import UnitOfWork
from app.domain import process_rules
from app.domain.actors import Actor, Scope, ScopeKind, Side
from app.domain.errors import Forbidden
from app.domain.ids import new_id
from app.services import ticket_changes, ticket_clocks
from app.services.context import ServiceContext
from app.services.ticket_changes import Change

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read out on a phone
CODE_LENGTH = 8


async def issue_code(uow: UnitOfWork, ctx: ServiceContext, actor: Actor) -> tuple[str, datetime]:
    """A short-lived, single-use code the caller reads out to the agent."""
    if actor.user_id is None or actor.side is Side.STAFF:
        raise Forbidden("caller verification codes are for customers' and partners' people")
    now = ctx.now()
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    expires_at = process_rules.verification_expires_at(now, ctx.settings.call_verification_minutes)
    uow.tickets.add(
        CallVerification(
            id=new_id(),
            user_id=actor.user_id,
            code_hash=process_rules.hash_verification_code(code),
            expires_at=expires_at,
            created_at=now,
        )
    )
    await uow.commit()
    return f"{code[:4]}-{code[4:]}", expires_at


async def consume_caller_verification(
    uow: UnitOfWork, ctx: ServiceContext, customer: Customer, caller_email: str, code: str
) -> tuple[User, uuid.UUID]:
    """The caller (a person of the customer, or an agent of its partner helpdesk) and the
    id of their unused code, now marked used. Unknown person, wrong code, used or expired:
    one answer for all; a valid code of someone who may not act for this customer says
    so (issue 13.10) and stays unused."""
    now = ctx.now()
    caller = await uow.accounts.user_by_email(caller_email)
    record = None
    if caller is not None and caller.is_active:
        candidates = await uow.tickets.call_verifications(
            caller.id, process_rules.hash_verification_code(code)
        )
        usable = [c for c in candidates if c.used_at is None and c.expires_at > now]
        record = usable[0] if usable else (candidates[0] if candidates else None)
    domain_record = (
        process_rules.CallVerificationRecord(record.code_hash, record.expires_at, record.used_at)
        if record is not None
        else None
    )
    process_rules.check_call_verification(domain_record, code, now)
    assert record is not None and caller is not None
    process_rules.require_caller_acts_for(
        caller.customer_id, caller.partner_id, customer.id, customer.partner_id
    )
    if not await uow.tickets.use_call_verification(record.id, now):
        process_rules.check_call_verification(None, code, now)  # used by a concurrent call
    return caller, record.id


async def record_call(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket_id: uuid.UUID,
    *,
    caller_email: str,
    code: str,
    notes: str,
) -> Call:
    """Records a verified call; the first one applies the `after_phone_call` targets."""
    ticket = await uow.tickets.ticket(ticket_id, actor.scope, lock=True)  # 404 first (SPEC 1)
    if actor.side is not Side.STAFF:
        raise Forbidden("only support staff record calls")
    customer = await uow.organisations.customer(ticket.customer_id, Scope(ScopeKind.ALL))
    caller, verification_id = await consume_caller_verification(
        uow, ctx, customer, caller_email, code
    )
    now = ctx.now()
    call = Call(
        id=new_id(),
        ticket_id=ticket.id,
        verification_id=verification_id,
        caller_id=caller.id,
        agent_id=actor.user_id,
        called_at=now,
        notes=notes,
        created_at=now,
    )
    uow.tickets.add(call)
    if ticket.phone_call_at is None:
        ticket.phone_call_at = now
        terms = await ticket_clocks.terms_of_ticket(uow, ticket)
        await ticket_clocks.apply_phone_call(uow, ticket, terms, now)
    await ticket_changes.record(
        uow,
        Change.CALL_RECORDED,
        ticket,
        actor,
        now,
        channel="phone",
        after={"caller_id": caller.id, "call_id": call.id, "notes": notes},
    )
    await uow.commit()
    return call
