"""Ticket use cases (SPEC 4): create, read, list, edit, move through the lifecycle."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta
from typing import Any

from app.db.models import Customer, Ticket, User
from app.db.repositories.pagination import Page
from app.db.repositories.tickets import TicketFilters

__all__ = [
    "TicketFilters",
    "create",
    "create_from_email",
    "events",
    "get",
    "list_tickets",
    "move",
    "request_channel",
    "transition",
    "update",
]
from app.db.session import UnitOfWork
from app.domain import lifecycle, process_rules, ticket_fields
from app.domain.actors import Actor, Side
from app.domain.contracts import Channel, ContractTerms
from app.domain.errors import DuplicateExternalRef, Forbidden, InvalidField, NotFound
from app.domain.ids import new_id
from app.domain.routing import operations_centre
from app.domain.severity import initial_severity
from app.domain.tracking import format_tracking_number
from app.schemas.tickets import TicketCreate, TicketPatch, TransitionIn
from app.services import audit, mail, notifications, ticket_clocks, webhooks
from app.services.calls import consume_caller_verification
from app.services.context import ServiceContext


def channel_of(actor: Actor, requested: Channel | None) -> Channel:
    """How the request came in: API keys are `api`, people in the portal `portal`;
    staff say which channel they are recording (phone, chat, e-mail)."""
    if actor.api_key_id is not None:
        return Channel.API
    if actor.side is not Side.STAFF:
        if requested not in (None, Channel.PORTAL):
            raise Forbidden("only staff record cases from another channel")
        return Channel.PORTAL
    if requested is None:
        raise InvalidField("channel", "staff say which channel the case came in by")
    return requested


async def _customer_for(uow: UnitOfWork, actor: Actor, customer_id: uuid.UUID | None) -> Customer:
    if actor.side is Side.CUSTOMER:
        if customer_id not in (None, actor.customer_id):
            raise NotFound(f"customer {customer_id} was not found")
        customer_id = actor.customer_id
    if customer_id is None:
        raise InvalidField("customer_id", "say which customer the case is for")
    return await uow.organisations.customer(customer_id, actor.scope)


async def governing_terms(uow: UnitOfWork, customer_id: uuid.UUID, now: Any) -> ContractTerms:
    valid = await uow.sla_config.valid_contract(customer_id, now)
    terms = None
    if valid is not None:
        terms = await uow.sla_config.contract_terms(
            valid.contract.id,
            calendar_version=valid.calendar_version,
            policy_version=valid.policy_version,
        )
    return process_rules.require_valid_contract(terms)


async def create(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    body: TicketCreate,
    *,
    channel_override: Channel | None = None,
    declared_emergency: process_rules.EmergencyRouting | None = None,
    commit: bool = True,
) -> Ticket:
    """Checks the process rules, computes the SLA clocks, queues the acknowledgement.

    `channel_override` and `declared_emergency` are for trusted internal callers only
    (see `create_from_email`); routers never pass them. `commit=False` leaves the
    commit to a use case that creates the ticket inside its own transaction.
    """
    now = ctx.now()
    customer = await _customer_for(uow, actor, body.customer_id)
    partner = (
        await uow.organisations.partner_by_id(customer.partner_id) if customer.partner_id else None
    )
    process_rules.require_partner_first(
        actor, customer.partner_id, partner.name if partner else None
    )
    channel = channel_override or channel_of(actor, body.channel)
    requester = await _requester(uow, ctx, actor, channel, customer, body)
    terms = await governing_terms(uow, customer.id, now)
    process_rules.require_channel_in_contract(channel, terms.channels)
    process_rules.require_written_channel_for_configuration_change(body.category, channel)
    facts = ticket_fields.validate_new_case(
        subject=body.subject,
        description=body.description,
        category=body.category,
        now=now,
        about_calls=body.about_calls,
        a_number=body.a_number,
        b_number=body.b_number,
        failed_call_at=body.failed_call_at,
        failure_reason=body.failure_reason,
        reproducible=body.reproducible,
        reproduction_steps=body.reproduction_steps,
        how_widespread=body.how_widespread,
        test_calls_allowed=body.test_calls_allowed,
    )
    proposed = initial_severity(
        terms.policy, severity=body.severity, urgency=body.urgency, impact=body.impact
    )
    emergency = declared_emergency or process_rules.check_emergency(
        body.emergency, body.failing_call_share
    )
    severity = emergency.severity if emergency else proposed
    if body.external_ref is not None and actor.partner_id is None:
        raise InvalidField("external_ref", "only a partner helpdesk keeps its own reference")
    if body.external_ref and await uow.tickets.by_external_ref(actor.partner_id, body.external_ref):  # type: ignore[arg-type]
        raise DuplicateExternalRef(body.external_ref)
    sequence = await uow.tickets.next_tracking_sequence(now.year)
    ticket = Ticket(
        id=new_id(),
        tracking_number=format_tracking_number(now.year, sequence),
        customer_id=customer.id,
        contract_id=terms.contract_id,
        calendar_version_id=terms.calendar_version_id,
        policy_version_id=terms.policy_version_id,
        partner_id=actor.partner_id if actor.side is Side.PARTNER else None,
        external_ref=body.external_ref,
        created_by=actor.user_id,
        requester_id=requester.id if requester else actor.user_id,
        channel=channel.value,
        category=facts.category.value,
        subject=facts.subject,
        description=facts.description,
        severity=severity,
        proposed_severity=proposed,
        urgency=body.urgency,
        impact=body.impact,
        product_area=body.product_area,
        facts=facts.telephony_document() | {"failing_call_share": body.failing_call_share},
        status=lifecycle.TicketStatus.NEW.value,
        emergency=emergency is not None,
        chargeable=False,
        operations_centre=operations_centre(terms.calendar, now),
        phone_call_at=now if requester is not None and channel is Channel.PHONE else None,
        created_at=now,
        updated_at=now,
    )
    uow.tickets.add(ticket)
    await uow.tickets.flush()
    ticket_clocks.start(uow, ticket, terms, now)
    audit.record(
        uow,
        ticket.id,
        actor,
        channel.value,
        "created",
        now,
        after={
            "status": ticket.status,
            "severity": severity,
            "proposed_severity": proposed,
            "contract_id": terms.contract_id,
            "emergency": ticket.emergency,
            "operations_centre": ticket.operations_centre,
        },
    )
    await _acknowledge(uow, ctx, ticket, requester)
    await _publish(uow, now, ticket, "ticket.created", {"status": ticket.status})
    if commit:
        await uow.commit()
    return ticket


async def create_from_email(
    uow: UnitOfWork,
    ctx: ServiceContext,
    sender: Actor,
    body: TicketCreate,
    *,
    emergency: process_rules.EmergencyRouting | None = None,
    commit: bool = True,
) -> Ticket:
    """A case the e-mail gateway raises for the sending user (SPEC 6): channel `email`.

    The sender acts as themself (tenancy, partner-first and contract rules apply); an
    URGENT mail to the emergency address is itself the emergency declaration (4.1.4).
    """
    return await create(
        uow,
        ctx,
        sender,
        body,
        channel_override=Channel.EMAIL,
        declared_emergency=emergency,
        commit=commit,
    )


async def _requester(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    channel: Channel,
    customer: Customer,
    body: TicketCreate,
) -> User | None:
    """Staff acting for a phone caller need the caller's verified code (SPEC 4.1.2)."""
    caller = None
    if body.caller is not None:
        if actor.side is not Side.STAFF:
            raise InvalidField("caller", "only staff record a case for a caller")
        caller, _ = await consume_caller_verification(
            uow, ctx, customer.id, str(body.caller.caller_email), body.caller.code
        )
    process_rules.require_verified_call(actor, channel, caller is not None)
    return caller


async def _acknowledge(
    uow: UnitOfWork, ctx: ServiceContext, ticket: Ticket, requester: User | None
) -> None:
    """The acknowledgement e-mail carries the tracking number in its subject (SPEC 4)."""
    recipient = requester or (
        await uow.accounts.user_by_id(ticket.created_by) if ticket.created_by else None
    )
    if recipient is None:
        return
    subject = f"[{ticket.tracking_number}] {ticket.subject}"
    text = (
        f"Hello {recipient.name},\n\nwe have received your case {ticket.tracking_number} "
        f"at severity {ticket.severity}. Please quote the tracking number in every reply; "
        "replies to this e-mail are added to the case."
    )
    mail.queue_email(uow.outbox, ctx.now(), to=[recipient.email], subject=subject, text=text)


async def get(uow: UnitOfWork, actor: Actor, ticket_id: uuid.UUID) -> Ticket:
    return await uow.tickets.ticket(ticket_id, actor.scope)


async def events(
    uow: UnitOfWork, actor: Actor, ticket_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[Any]:
    await uow.tickets.ticket(ticket_id, actor.scope)
    # Customers and partners never learn of internal notes, here either (SPEC 4).
    staff = actor.side is Side.STAFF
    return await uow.tickets.events(ticket_id, limit, cursor, include_internal=staff)


async def list_tickets(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    filters: TicketFilters,
    sort: str,
    limit: int,
    cursor: str | None,
) -> Page[Ticket]:
    filters = replace(filters, now=ctx.now())
    return await uow.tickets.tickets(actor.scope, filters, sort, limit, cursor)


async def update(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, ticket_id: uuid.UUID, body: TicketPatch
) -> Ticket:
    ticket = await uow.tickets.ticket(ticket_id, actor.scope, lock=True)
    changes = body.changes()
    if "chargeable" in changes:
        process_rules.mark_chargeable(actor, emergency=ticket.emergency)
    if "assignee_id" in changes and actor.side is not Side.STAFF:
        raise Forbidden("only staff assign cases")
    if "assignee_id" in changes and changes["assignee_id"] is not None:
        assignee = await uow.accounts.user_by_id(changes["assignee_id"])
        if assignee is None or assignee.customer_id or assignee.partner_id:
            raise InvalidField("assignee_id", "assign the case to a vendor engineer")
    if "external_ref" in changes and actor.partner_id != ticket.partner_id:
        raise Forbidden("only the partner helpdesk that raised the case sets its reference")
    before = {k: getattr(ticket, k) for k in changes}
    for name, value in changes.items():
        if value is None and name in {"subject", "description", "chargeable"}:
            raise InvalidField(name, f"{name} may not be null")
        if name == "subject":
            value = ticket_fields.check_subject(value)
        setattr(ticket, name, value)
    now = ctx.now()
    ticket.updated_at = now
    audit.record(
        uow, ticket.id, actor, _channel(actor), "updated", now, before=before, after=changes
    )
    await _publish(uow, now, ticket, "ticket.updated", {"changed": sorted(changes)})
    await uow.commit()
    return ticket


async def _publish(
    uow: UnitOfWork, now: Any, ticket: Ticket, event_type: str, data: dict[str, Any]
) -> None:
    """Webhook subscribers hear of the change in the same transaction (SPEC 6)."""
    await webhooks.publish(
        uow,
        now,
        customer_id=ticket.customer_id,
        event_type=event_type,
        data={
            "ticket_id": ticket.id,
            "tracking_number": ticket.tracking_number,
            "severity": ticket.severity,
            **data,
        },
    )


def _channel(actor: Actor) -> str:
    return Channel.API.value if actor.api_key_id else Channel.PORTAL.value


async def transition(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, ticket_id: uuid.UUID, body: TransitionIn
) -> Ticket:
    """Moves the case (SPEC 4 states) and stops, pauses or resumes its clocks (SPEC 3.1)."""
    ticket = await uow.tickets.ticket(ticket_id, actor.scope, lock=True)
    await move(
        uow,
        ctx,
        actor,
        ticket,
        lifecycle.parse_status(body.to),
        channel=_channel(actor),
        outcome=lifecycle.parse_outcome(body.outcome),
        outcome_detail=body.outcome_detail,
        reason=body.reason,
    )
    await uow.commit()
    return ticket


async def first_response(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, ticket: Ticket, channel: str
) -> None:
    """A public staff update on a `new` case is the first response: it acknowledges the
    case and meets `reaction` (SPEC 4). Every public staff update restarts `update`."""
    if ticket.status == lifecycle.TicketStatus.NEW.value:
        await move(
            uow,
            ctx,
            actor,
            ticket,
            lifecycle.TicketStatus.ACKNOWLEDGED,
            channel=channel,
            reason="first public response",
        )
    terms = await ticket_clocks.terms_of_ticket(uow, ticket)
    now = ctx.now()
    await ticket_clocks.restart_update(uow, ticket, terms, now)
    ticket.updated_at = now


def request_channel(actor: Actor) -> str:
    """The channel of a change made through the API: `api` for API keys, else `portal`."""
    return _channel(actor)


async def move(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket: Ticket,
    target: lifecycle.TicketStatus,
    *,
    channel: str,
    outcome: lifecycle.Outcome | None = None,
    outcome_detail: str | None = None,
    reason: str | None = None,
) -> lifecycle.TransitionPlan:
    """The one way a loaded (locked) case changes state: the lifecycle rules, its clocks,
    the audit event, the customer's e-mail and the webhook, in the caller's transaction
    (the caller commits)."""
    terms = await ticket_clocks.terms_of_ticket(uow, ticket)
    now = ctx.now()
    plan = lifecycle.plan_transition(
        lifecycle.TicketStatus(ticket.status),
        target,
        actor,
        now=now,
        severity=ticket.severity,
        reopen_window=timedelta(days=terms.reopen_window_days),
        outcome=outcome,
        outcome_detail=outcome_detail,
        resolved_at=ticket.resolved_at,
        closed_at=ticket.closed_at,
        is_own_request=actor.side is not Side.STAFF,
    )
    before = ticket.status
    for name, value in plan.changes.items():
        setattr(ticket, name, value.value if hasattr(value, "value") else value)
    ticket.updated_at = now
    await ticket_clocks.apply_plan(uow, ticket, terms, plan)
    audit.record(
        uow,
        ticket.id,
        actor,
        channel,
        "state_changed",
        now,
        before={"status": before},
        after=dict(plan.changes),
        reason=reason,
    )
    await notifications.state_changed(uow, now, ticket, before, ticket.outcome)
    await _publish(uow, now, ticket, "ticket.state_changed", {"from": before, "to": ticket.status})
    return plan
