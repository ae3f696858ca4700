"""Severity is agreed, not imposed (SPEC 4.1.1): proposals, answers, disputes, the
regional operations manager's decision and a manager's Severity 1 reclassification.

The rules are `app.domain.severity`'s; this module loads and stores the change, applies
an effective level to the ticket (retargeting its clocks, SPEC 3.1), audits every step
with its reason and tells the side that must act.
"""

from __future__ import annotations

import uuid
from typing import Any

from app.db.models import SeverityChange, Ticket
from app.db.repositories.pagination import Page
from app.db.session import UnitOfWork
from app.domain import case_notices, severity, severity_changes
from app.domain import escalation as escalation_rules
from app.domain.actors import Actor, Side
from app.domain.changes import Recipients
from app.domain.contracts import ContractTerms
from app.domain.errors import NotFound
from app.domain.ids import new_id
from app.domain.preconditions import Precondition, unconditional
from app.schemas.severity_changes import SeverityChangeIn, SeverityDecisionIn
from app.services import escalations, notifications, ticket_changes, ticket_clocks
from app.services.context import ServiceContext
from app.services.notifications import Notice
from app.services.ticket_changes import Change, ticket_data


async def list_changes(
    uow: UnitOfWork, actor: Actor, ticket_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[Any]:
    await uow.tickets.ticket(ticket_id, actor.scope)
    return await uow.tickets.severity_changes(ticket_id, limit, cursor)


async def propose(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket_id: uuid.UUID,
    body: SeverityChangeIn,
    precondition: Precondition = unconditional,
) -> SeverityChange:
    """A proposal (a staff upgrade applies at once, anything else awaits the other side),
    or with `reclassify` a manager's at-once reclassification of a Severity 1 case.
    `precondition` is checked against the case (its `If-Match`)."""
    ticket = await uow.tickets.ticket(ticket_id, actor.scope, lock=True)
    precondition(ticket)
    terms = await ticket_clocks.terms_of_ticket(uow, ticket)
    open_change = await uow.tickets.pending_severity_change(ticket.id)
    severity_changes.require_none_open(
        str(open_change.id) if open_change else None, open_change.status if open_change else None
    )
    if body.reclassify:
        result = severity.reclassify_severity_one(
            ticket.severity, body.to_level, actor, body.reason, terms.policy
        )
    else:
        result = severity.propose_change(
            ticket.severity, body.to_level, actor, body.reason, terms.policy
        )
    now = ctx.now()
    change = result.change
    row = SeverityChange(
        id=new_id(),
        ticket_id=ticket.id,
        from_level=change.from_level,
        to_level=change.to_level,
        kind=change.kind.value,
        status=change.status.value,
        reason=change.reason,
        proposed_by=actor.user_id,
        proposed_side=change.proposed_side.value,
        created_at=now,
    )
    uow.tickets.add(row)
    if change.kind is severity.SeverityChangeKind.RECLASSIFICATION:
        kind = Change.SEVERITY_RECLASSIFIED
    elif result.new_level:
        kind = Change.SEVERITY_CHANGED
    else:
        kind = Change.SEVERITY_CHANGE_PROPOSED
    await _settle(uow, ctx, actor, ticket, terms, row, result, kind, change.reason)
    return row


async def accept(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket_id: uuid.UUID,
    change_id: uuid.UUID,
    reason: str,
) -> SeverityChange:
    """The other side agrees: the proposed level takes effect (a mutual downgrade)."""
    return await _answer(uow, ctx, actor, ticket_id, change_id, accept=True, reason=reason)


async def reject(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket_id: uuid.UUID,
    change_id: uuid.UUID,
    reason: str,
) -> SeverityChange:
    """The other side refuses, with a reason: a dispute for the regional ops manager."""
    return await _answer(uow, ctx, actor, ticket_id, change_id, accept=False, reason=reason)


async def _answer(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket_id: uuid.UUID,
    change_id: uuid.UUID,
    *,
    accept: bool,
    reason: str,
) -> SeverityChange:
    ticket, terms, row = await _load(uow, actor, ticket_id, change_id)
    result = severity.answer_change(_domain(row), actor, accept=accept, reason=reason)
    _answered(row, actor, result.change, ctx)
    kind = Change.SEVERITY_CHANGE_ACCEPTED if accept else Change.SEVERITY_CHANGE_REJECTED
    await _settle(uow, ctx, actor, ticket, terms, row, result, kind, result.change.answer_reason)
    return row


async def dispute(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket_id: uuid.UUID,
    change_id: uuid.UUID,
    reason: str,
) -> SeverityChange:
    """The other side disputes a change that took effect at once (a reclassification)."""
    ticket, terms, row = await _load(uow, actor, ticket_id, change_id)
    result = severity.dispute_change(_domain(row), actor, reason)
    _answered(row, actor, result.change, ctx)
    await _settle(
        uow,
        ctx,
        actor,
        ticket,
        terms,
        row,
        result,
        Change.SEVERITY_CHANGE_DISPUTED,
        result.change.answer_reason,
    )
    return row


async def decide(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket_id: uuid.UUID,
    change_id: uuid.UUID,
    body: SeverityDecisionIn,
) -> SeverityChange:
    """The regional operations manager's final word on a dispute."""
    ticket, terms, row = await _load(uow, actor, ticket_id, change_id)
    deciders = escalation_rules.dispute_deciders(terms.escalation_chain)
    result = severity.decide_dispute(
        _domain(row), actor, body.level, body.reason, terms.policy, deciders
    )
    row.status = result.change.status.value
    row.decided_by = actor.user_id
    row.decided_level = result.change.decided_level
    row.decided_at = ctx.now()
    row.decision_reason = result.change.decision_reason
    await _settle(
        uow,
        ctx,
        actor,
        ticket,
        terms,
        row,
        result,
        Change.SEVERITY_DISPUTE_DECIDED,
        result.change.decision_reason,
    )
    return row


async def open_dispute_escalation(
    uow: UnitOfWork, ctx: ServiceContext, ticket: Ticket, change: SeverityChange
) -> None:
    """A severity dispute opens a `severity_dispute` escalation addressed to the regional
    operations manager (SPEC 4.1.1, 5), once per change, in this transaction (no commit)."""
    await escalations.open_severity_dispute(uow, ctx, ticket, change.id, ctx.now())


async def _load(
    uow: UnitOfWork, actor: Actor, ticket_id: uuid.UUID, change_id: uuid.UUID
) -> tuple[Ticket, ContractTerms, SeverityChange]:
    ticket = await uow.tickets.ticket(ticket_id, actor.scope, lock=True)
    row = await uow.tickets.severity_change(ticket.id, change_id)
    if row is None:
        raise NotFound(f"severity change {change_id} was not found")
    return ticket, await ticket_clocks.terms_of_ticket(uow, ticket), row


def _domain(row: SeverityChange) -> severity.SeverityChange:
    return severity.SeverityChange(
        from_level=row.from_level,
        to_level=row.to_level,
        kind=severity.SeverityChangeKind(row.kind),
        status=severity.SeverityChangeStatus(row.status),
        proposed_side=Side(row.proposed_side),
        reason=row.reason,
        answer_reason=row.answer_reason,
        decided_level=row.decided_level,
        decision_reason=row.decision_reason,
    )


def _answered(
    row: SeverityChange, actor: Actor, change: severity.SeverityChange, ctx: ServiceContext
) -> None:
    row.status = change.status.value
    row.answered_by = actor.user_id
    row.answered_at = ctx.now()
    row.answer_reason = change.answer_reason


async def _settle(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket: Ticket,
    terms: ContractTerms,
    row: SeverityChange,
    result: severity.SeverityResult,
    kind: Change,
    reason: str | None,
) -> None:
    """Applies an effective level (retargeting the clocks), audits the step, opens the
    dispute escalation, tells the side that must act, and commits once."""
    now = ctx.now()
    before = ticket.severity
    if result.new_level is not None and result.new_level != ticket.severity:
        ticket.severity = result.new_level
        await ticket_clocks.apply_severity(uow, ticket, terms, now)
    after = {
        "severity": ticket.severity,
        "severity_change_id": row.id,
        "change_kind": row.kind,
        "status": row.status,
        "from_level": row.from_level,
        "to_level": row.to_level,
        "decided_level": row.decided_level,
    }
    await ticket_changes.record(
        uow,
        kind,
        ticket,
        actor,
        now,
        before={"severity": before},
        after=after,
        reason=reason,
        data=ticket_data(ticket, {"previous_severity": before, **after}),
        notices=await _notices(uow, ticket, row, result, before),
    )
    if result.open_dispute_escalation:
        await open_dispute_escalation(uow, ctx, ticket, row)
    await uow.commit()


async def _notices(
    uow: UnitOfWork,
    ticket: Ticket,
    row: SeverityChange,
    result: severity.SeverityResult,
    before: int,
) -> list[Notice]:
    awaiting = result.change.awaiting
    if awaiting is Side.STAFF:
        return [
            Notice(
                Recipients.SUPPORT_OWNERS,
                notifications.ticket_subject(ticket, f"Severity change proposed: {row.to_level}"),
                f"The customer proposes severity {row.to_level} (now {row.from_level}) for "
                f"{ticket.tracking_number} ({ticket.subject}). Reason: {row.reason}\n\n"
                "Accept or reject the proposal; a rejection goes to the regional operations "
                "manager as a dispute.",
            )
        ]
    if awaiting is None and not result.notify_customer:
        return []
    audiences = case_notices.severity_change_audiences(
        reclassification=row.kind == severity.SeverityChangeKind.RECLASSIFICATION
    )
    subject = notifications.ticket_subject(ticket, _customer_headline(row, ticket.severity, before))
    text = _customer_text(row, ticket)
    to = {
        case_notices.Audience.REQUESTER: Recipients.REQUESTER,
        case_notices.Audience.PARTNER_HELPDESK: Recipients.PARTNER_HELPDESK,
    }
    return [Notice(to[a], subject, text) for a in audiences if a in to]


def _customer_headline(row: SeverityChange, now_level: int, before: int) -> str:
    if row.status == severity.SeverityChangeStatus.PENDING:
        return f"Severity change proposed: {row.from_level} to {row.to_level}"
    if now_level != before:
        return f"Severity changed: {before} to {now_level}"
    return f"Severity change {row.status}"


def _customer_text(row: SeverityChange, ticket: Ticket) -> str:
    head = f"Case {ticket.tracking_number} ({ticket.subject}) is now severity {ticket.severity}."
    if row.status == severity.SeverityChangeStatus.PENDING:
        head = (
            f"Support proposes to change case {ticket.tracking_number} ({ticket.subject}) "
            f"from severity {row.from_level} to {row.to_level}. It takes effect only if you "
            "accept; if you reject it, the regional operations manager decides."
        )
    elif row.kind == severity.SeverityChangeKind.RECLASSIFICATION and row.status == "applied":
        head += " A manager reclassified it; you may dispute the reclassification."
    why = row.decision_reason or row.answer_reason or row.reason
    return f"{head}\n\nReason: {why}"
