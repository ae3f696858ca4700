"""Raising a case (SPEC 4, 4.1): the process rules at the door, then the ticket, its
clocks, its audit event, the acknowledgement and the webhook, in one transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from app.db.models import Customer, Ticket, User
from app.db.repositories.tickets import NewTrackingNumber
from app.db.session import UnitOfWork
from app.domain import case_notices, lifecycle, process_rules, ticket_fields
from app.domain.actors import Actor, Side
from app.domain.changes import Recipients
from app.domain.contracts import Channel, ContractTerms
from app.domain.errors import DuplicateExternalRef, Forbidden, InvalidField, NotFound
from app.domain.ids import new_id
from app.domain.routing import operations_centre
from app.domain.severity import initial_severity
from app.schemas.tickets import TicketCreate
from app.services import notifications, ticket_changes, ticket_clocks
from app.services.calls import consume_caller_verification
from app.services.context import ServiceContext
from app.services.notifications import Notice
from app.services.ticket_changes import Change, ticket_data


@dataclass(frozen=True, slots=True)
class Intake:
    """A case that passed the rules: who it is for, by which channel, under which terms."""

    customer: Customer
    channel: Channel
    requester: User | None
    terms: ContractTerms
    facts: ticket_fields.NewCaseFacts
    proposed: int
    severity: int
    emergency: bool
    on_call: str | None = None  # who is paged for an emergency (SPEC 4.1.4)


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


async def governing_terms(uow: UnitOfWork, customer_id: uuid.UUID, now: datetime) -> ContractTerms:
    """The contract valid at creation, at the versions then in force (SPEC 3)."""
    terms = await uow.sla_config.terms_in_force(customer_id, now)
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
    intake = await _admit(uow, ctx, actor, body, channel_override, declared_emergency)
    ticket = _new_ticket(
        actor,
        body,
        intake,
        await uow.tickets.new_tracking_number(now.year),
        now,
    )
    uow.tickets.add(ticket)
    await uow.tickets.flush()
    await ticket_clocks.start(uow, ticket, intake.terms, now)
    await ticket_changes.record(
        uow,
        Change.CREATED,
        ticket,
        actor,
        now,
        channel=intake.channel.value,
        after={
            "status": ticket.status,
            "severity": intake.severity,
            "proposed_severity": intake.proposed,
            "contract_id": intake.terms.contract_id,
            "emergency": ticket.emergency,
            "operations_centre": ticket.operations_centre,
        },
        data=ticket_data(ticket, {"status": ticket.status}),
        notices=await _acknowledgement(uow, actor, ticket, intake.requester),
    )
    if ticket.emergency:
        await _declare_emergency(uow, ctx, actor, ticket, intake, body.failing_call_share)
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


async def _admit(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    body: TicketCreate,
    channel_override: Channel | None,
    declared_emergency: process_rules.EmergencyRouting | None,
) -> Intake:
    """SPEC 4.1 at the door: partner first, verified callers, contract and its channels,
    configuration changes in writing, the case's facts, severity and emergency."""
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
    facts = _facts(body, now, terms, customer)
    proposed = initial_severity(
        terms.policy, severity=body.severity, urgency=body.urgency, impact=body.impact
    )
    emergency = declared_emergency or process_rules.check_emergency(
        body.emergency, body.failing_call_share
    )
    await _check_external_ref(uow, actor, body.external_ref)
    return Intake(
        customer,
        channel,
        requester,
        terms,
        facts,
        proposed,
        emergency.severity if emergency else proposed,
        emergency is not None,
        case_notices.on_call_address(
            emergency, terms.on_call_address, ctx.settings.on_call_address
        ),
    )


def _facts(
    body: TicketCreate, now: datetime, terms: ContractTerms, customer: Customer
) -> ticket_fields.NewCaseFacts:
    """The case's facts, with the contract's required facts; what the case does not say
    of the customer's type, reach and test calls comes from its record (issue 13.6)."""
    return ticket_fields.validate_new_case(
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
        customer_type=body.customer_type,
        required_facts=terms.required_facts,
        customer=ticket_fields.CustomerProfile(
            customer.customer_type, customer.how_widespread, customer.test_calls_allowed
        ),
    )


async def _check_external_ref(uow: UnitOfWork, actor: Actor, external_ref: str | None) -> None:
    """A partner's own reference names one of its cases only (SPEC 6)."""
    if external_ref is None:
        return
    if actor.partner_id is None:
        raise InvalidField("external_ref", "only a partner helpdesk keeps its own reference")
    if await uow.tickets.by_external_ref(actor.partner_id, external_ref) is not None:
        raise DuplicateExternalRef(external_ref)


def _new_ticket(
    actor: Actor,
    body: TicketCreate,
    intake: Intake,
    tracking_number: NewTrackingNumber,
    now: datetime,
) -> Ticket:
    on_phone = intake.requester is not None and intake.channel is Channel.PHONE
    return Ticket(
        id=new_id(),
        tracking_number=tracking_number,
        customer_id=intake.customer.id,
        contract_id=intake.terms.contract_id,
        calendar_version_id=intake.terms.calendar_version_id,
        policy_version_id=intake.terms.policy_version_id,
        partner_id=actor.partner_id if actor.side is Side.PARTNER else None,
        external_ref=body.external_ref,
        created_by=actor.user_id,
        requester_id=intake.requester.id if intake.requester else actor.user_id,
        channel=intake.channel.value,
        category=intake.facts.category.value,
        subject=intake.facts.subject,
        description=intake.facts.description,
        severity=intake.severity,
        proposed_severity=intake.proposed,
        urgency=body.urgency,
        impact=body.impact,
        product_area=body.product_area,
        facts=intake.facts.telephony_document() | {"failing_call_share": body.failing_call_share},
        status=lifecycle.TicketStatus.NEW.value,
        emergency=intake.emergency,
        chargeable=False,
        operations_centre=operations_centre(intake.terms.calendar, now),
        phone_call_at=now if on_phone else None,
        created_at=now,
        updated_at=now,
    )


async def _customer_for(uow: UnitOfWork, actor: Actor, customer_id: uuid.UUID | None) -> Customer:
    if actor.side is Side.CUSTOMER:
        if customer_id not in (None, actor.customer_id):
            raise NotFound(f"customer {customer_id} was not found")
        customer_id = actor.customer_id
    if customer_id is None:
        raise InvalidField("customer_id", "say which customer the case is for")
    return await uow.organisations.customer(customer_id, actor.scope)


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
            uow, ctx, customer, str(body.caller.caller_email), body.caller.code
        )
    process_rules.require_verified_call(actor, channel, caller is not None)
    return caller


async def _acknowledgement(
    uow: UnitOfWork, actor: Actor, ticket: Ticket, requester: User | None
) -> list[Notice]:
    """The acknowledgement e-mail carries the tracking number in its subject and goes to
    whoever raised the case (SPEC 4; issue 13.11): the person, the caller an agent
    recorded it for, or a partner API key's helpdesk address."""
    audience = case_notices.acknowledgement_audience(actor, for_caller=requester is not None)
    address, name = None, ""
    if audience is case_notices.Audience.PARTNER_HELPDESK:
        partner = await notifications.partner_helpdesk(uow, ticket)
        if partner is not None:
            address, name = partner.helpdesk_email, f"{partner.name} helpdesk"
    elif audience is not None:
        person = requester if audience is case_notices.Audience.REQUESTER else None
        if person is not None:
            address, name = person.email, person.name
        elif ticket.created_by is not None and ticket.created_by == actor.user_id:
            address, name = actor.email, actor.name or ""  # the caller: no read
        elif ticket.created_by is not None:
            creator = await uow.accounts.user_by_id(ticket.created_by)
            if creator is not None:
                address, name = creator.email, creator.name
    if not address:
        return []
    subject = f"[{ticket.tracking_number}] {ticket.subject}"
    text = (
        f"Hello {name},\n\nwe have received your case {ticket.tracking_number} "
        f"at severity {ticket.severity}. Please quote the tracking number in every reply; "
        "replies to this e-mail are added to the case."
    )
    if ticket.external_ref:
        text += f"\n\nYour reference: {ticket.external_ref}"
    return [Notice(Recipients.RAISER, subject, text, addresses=(address,))]


async def _declare_emergency(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket: Ticket,
    intake: Intake,
    share: float | None,
) -> None:
    """An emergency is a change of its own: it pages the on-call engineer (if the
    contract routes it so) and tells webhook subscribers, in the transaction that raises
    the case (SPEC 4.1.4)."""
    notices = []
    if intake.on_call is not None:
        notices.append(notifications.page_on_call(ticket, intake.on_call, share))
    await ticket_changes.record(
        uow,
        Change.EMERGENCY,
        ticket,
        actor,
        ctx.now(),
        channel=intake.channel.value,
        after={"severity": ticket.severity, "paged": intake.on_call is not None},
        data=ticket_data(
            ticket,
            {"channel": ticket.channel, "failing_call_share": share, "subject": ticket.subject},
        ),
        notices=notices,
    )
