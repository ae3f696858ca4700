"""Escalation (SPEC 5): the written request, the level it reaches, who answers it.

Pure rules over the contract's escalation chain. The escalations use case loads the
ticket, its earlier escalations and the related cases, and asks these functions what
to store; nothing here reads a database or the clock.

Choices where the SPEC is silent:

* A ticket climbs the chain one level per escalation (first → level 1). A severity
  dispute goes to the level of the contract's own chain whose role may decide it (the
  lowest level held by a regional operations manager or a director, else the chain's
  top level), whatever level the ticket has reached — never to a role the chain does
  not have. Every escalation, a dispute or an automatic one included, counts towards
  the level reached, so a later escalation continues above it, not from level 1.
* The manager a dispute is addressed to may also decide it (SPEC 4.1.1 names the
  regional operations manager; a chain without one gives the dispute to its top role).
* The addressed manager, a manager of a higher rank, or an admin acknowledges and
  resolves; the two level-2 roles (customer service and regional operations manager)
  are peers and do not answer each other's escalations.
* Acknowledgement is due within `ACKNOWLEDGE_MINUTES` of the contract calendar's
  business time (continuous time on a 24/7 calendar).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.domain.actors import Actor, Role, Side
from app.domain.contracts import EscalationContact, EscalationLevel
from app.domain.errors import Conflict, Forbidden, InvalidField
from app.domain.lifecycle import OPEN_STATES, TicketStatus
from app.domain.severity import DISPUTE_DECIDERS
from app.domain.sla_policy import ClockKind


class Reason(StrEnum):
    """Why a customer (or the monitor) escalates (SPEC 5)."""

    NOT_UNDERSTOOD = "not_understood"
    INADEQUATE_SOLUTION = "inadequate_solution"
    RECURRING_INCIDENTS = "recurring_incidents"
    REPUTATION_RISK = "reputation_risk"
    RECURRENCE = "recurrence"
    DATA_LOSS = "data_loss"
    POOR_EXPERIENCE = "poor_experience"
    SLA_BREACH = "sla_breach"
    SEVERITY_DISPUTE = "severity_dispute"


class EscalationState(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"


# The escalation's own acknowledgement target (SPEC 5): one business hour of the contract.
ACKNOWLEDGE_MINUTES = 60
ACKNOWLEDGE_CLOCK = ClockKind.BUSINESS
# Written fields are statements, not a word: "business impact", "progress to date".
MIN_STATEMENT_LENGTH = 10
MAX_STATEMENT_LENGTH = 10_000
MAX_RELATED_CASES = 50

# Rank of the roles that answer escalations: a higher rank answers a lower one's.
_RANK: Mapping[Role, int] = {
    Role.SUPPORT_MANAGER: 1,
    Role.CUSTOMER_SERVICE_MANAGER: 2,
    Role.REGIONAL_OPS_MANAGER: 2,
    Role.DIRECTOR: 3,
    Role.ADMIN: 4,
}


class TicketNotOpen(Conflict):
    """Only an open case can be escalated; a closed one needs a new case (SPEC 5)."""

    type_slug = "ticket-not-open"
    title = "The case is not open: raise a new case first"


class NoEscalationChain(Conflict):
    type_slug = "no-escalation-chain"
    title = "The contract has no escalation chain"


class EscalationTopLevelReached(Conflict):
    """A new escalation goes one level above the last; the top cannot be exceeded (SPEC 5)."""

    type_slug = "escalation-top-level-reached"
    title = "The top escalation level has been reached"


class NotThisCasesMailbox(Conflict):
    """Mail to a role mailbox escalates a case whose own chain publishes that mailbox."""

    type_slug = "not-this-cases-mailbox"
    title = "The address is no escalation level of this case's contract"


class EscalationOutOfTurn(Conflict):
    """A mailbox names one level; a case escalates one level above its last (SPEC 5)."""

    type_slug = "escalation-out-of-turn"
    title = "This level is not the case's next escalation level"


class NotAddressedManager(Forbidden):
    """Only the addressed manager (or a higher one) acknowledges and resolves (SPEC 5)."""

    type_slug = "not-addressed-manager"
    title = "The escalation is addressed to another manager"


class QueueIsForStaff(Forbidden):
    """Customers and partners follow their escalations through their tickets."""

    type_slug = "escalation-queue-staff-only"
    title = "The escalation queue is for support staff"


class InvalidEscalationTransition(Conflict):
    type_slug = "invalid-escalation-transition"
    title = "This escalation state change is not possible"


class StatementRequired(InvalidField):
    """An escalation is in writing: impact, progress and resolution are statements."""

    type_slug = "statement-required"
    title = "A written statement is required"


class RelatedCaseInvalid(InvalidField):
    """Related case numbers name existing cases of the same customer."""

    type_slug = "related-case-invalid"
    title = "A related case is not a case of this customer"


@dataclass(frozen=True, slots=True)
class Addressee:
    """Where an escalation goes: the chain level, its role and the named contacts."""

    level: int
    role: Role
    contacts: tuple[EscalationContact, ...]
    mailbox: str | None = None


def require_open_ticket(status: str, tracking_number: str) -> None:
    """An escalation needs an open case (SPEC 5: raise a ticket first)."""
    if TicketStatus(status) not in OPEN_STATES:
        raise TicketNotOpen(
            f"case {tracking_number} is {status}; escalation needs an open case: raise a new "
            "ticket first (or reopen this one) and escalate that",
            ticket_status=status,
        )


def next_level(
    chain: Sequence[EscalationLevel], reached: int | None, reason: Reason = Reason.SLA_BREACH
) -> Addressee:
    """The level a new escalation addresses: one above `reached`, the highest level any
    earlier escalation of the ticket reached (None: level 1). A severity dispute goes to
    `dispute_level(chain)` instead (SPEC 4.1.1, 5). Raises `NoEscalationChain`,
    `EscalationTopLevelReached`."""
    if reason is Reason.SEVERITY_DISPUTE:
        return dispute_level(chain)
    _require_chain(chain)
    top = chain[-1].level
    wanted = (reached or 0) + 1
    if wanted > top:
        raise EscalationTopLevelReached(
            f"this case was already escalated to level {reached}, the top of the contract's "
            f"chain ({chain[-1].role.value}); it cannot go higher",
            top_level=top,
            reached_level=reached,
        )
    return _addressee(next(lvl for lvl in chain if lvl.level == wanted))


def mailbox_level(chain: Sequence[EscalationLevel], mailbox: str, reached: int | None) -> Addressee:
    """The level a mail to `mailbox` opens (issue 13, Bicom: "Escalation level 1 can be
    initiated by sending an email to …"): the level of the case's own chain publishing
    that mailbox, which must be the case's next level — one above `reached`, as SPEC 5
    says of every escalation. Raises `NotThisCasesMailbox`, `EscalationOutOfTurn`,
    `EscalationTopLevelReached`."""
    address = mailbox.strip().lower()
    named = next((lvl for lvl in chain if (lvl.mailbox or "").lower() == address), None)
    if named is None:
        raise NotThisCasesMailbox(
            f"{mailbox} is not an escalation address of this case's contract; escalate in "
            "the portal, or write to the address its chain names",
            mailbox=address,
        )
    wanted = next_level(chain, reached, Reason.POOR_EXPERIENCE)
    if named.level != wanted.level:
        where = f" at {wanted.mailbox}" if wanted.mailbox else " in the portal"
        raise EscalationOutOfTurn(
            f"{mailbox} opens level {named.level}, but this case's next escalation is level "
            f"{wanted.level} ({wanted.role.value}): escalate{where}",
            level=named.level,
            next_level=wanted.level,
        )
    return wanted


def dispute_level(chain: Sequence[EscalationLevel]) -> Addressee:
    """The level of the contract's own chain whose role decides a severity dispute: the
    lowest held by a role that decides disputes anywhere (regional operations manager,
    director), else the chain's top level — never a role the chain does not have."""
    _require_chain(chain)
    deciding = next((lvl for lvl in chain if lvl.role in DISPUTE_DECIDERS), chain[-1])
    return _addressee(deciding)


def dispute_deciders(chain: Sequence[EscalationLevel]) -> frozenset[Role]:
    """Who may decide a dispute on this contract: the SPEC's deciders, and whoever may
    answer the escalation the dispute opened (its addressed role, or a higher rank)."""
    if not chain:
        return DISPUTE_DECIDERS
    addressed = dispute_level(chain).role
    return DISPUTE_DECIDERS | {role for role in _RANK if _may_rank(role, addressed)}


def _require_chain(chain: Sequence[EscalationLevel]) -> None:
    if not chain:
        raise NoEscalationChain("the contract has no escalation chain; ask support to add one")


def _addressee(level: EscalationLevel) -> Addressee:
    return Addressee(level.level, level.role, level.contacts, level.mailbox)


def check_mailboxes(mailboxes: Sequence[str | None], *, reserved: Collection[str]) -> None:
    """A level's mailbox names that level alone: distinct within the chain, and never the
    gateway's support or emergency address (whose mail raises cases)."""
    seen: set[str] = set()
    for i, mailbox in enumerate(mailboxes):
        if not mailbox:
            continue
        address = mailbox.lower()
        if address in reserved:
            raise InvalidField(
                f"escalation_chain[{i}].mailbox",
                f"{mailbox} is the gateway's support or emergency address; mail to it raises "
                "cases, so it cannot also open escalations",
            )
        if address in seen:
            raise InvalidField(
                f"escalation_chain[{i}].mailbox", f"{mailbox} is already another level's"
            )
        seen.add(address)


def statement(field: str, text: str | None) -> str:
    """A written statement, stripped; 422 naming `field` when missing or too short."""
    value = (text or "").strip()
    if len(value) < MIN_STATEMENT_LENGTH:
        raise StatementRequired(
            field, f"{field} is required in writing: at least {MIN_STATEMENT_LENGTH} characters"
        )
    if len(value) > MAX_STATEMENT_LENGTH:
        raise StatementRequired(field, f"{field} is at most {MAX_STATEMENT_LENGTH} characters")
    return value


def parse_reason(value: str) -> Reason:
    try:
        return Reason(value)
    except ValueError:
        names = ", ".join(r.value for r in Reason)
        raise InvalidField("reason", f"{value!r} is not a reason; use one of: {names}") from None


def check_related_cases(
    numbers: Sequence[str],
    customers_by_number: Mapping[str, uuid.UUID],
    customer_id: uuid.UUID,
) -> list[str]:
    """Each related case number names an existing case of the same customer (an unknown
    and a foreign case answer alike, so nothing leaks); answers them normalised."""
    if len(numbers) > MAX_RELATED_CASES:
        raise RelatedCaseInvalid("related_cases", f"at most {MAX_RELATED_CASES} related cases")
    result: list[str] = []
    for i, raw in enumerate(numbers):
        number = raw.strip().upper()
        if customers_by_number.get(number) != customer_id:
            raise RelatedCaseInvalid(
                f"related_cases[{i}]", f"{raw!r} is not a case of this customer"
            )
        if number not in result:
            result.append(number)
    return result


def may_answer(actor: Actor, addressed_role: Role) -> bool:
    """The addressed manager, a higher-ranked manager, or an admin (module docstring)."""
    return _may_rank(actor.role, addressed_role)


def _may_rank(role: Role, addressed_role: Role) -> bool:
    rank = _RANK.get(role)
    if rank is None:
        return False
    return role is addressed_role or rank > _RANK[addressed_role]


def require_may_answer(actor: Actor, addressed_role: Role) -> None:
    if not may_answer(actor, addressed_role):
        raise NotAddressedManager(
            f"this escalation is addressed to a {addressed_role.value}; only that manager, a "
            "higher manager or an admin acknowledges and resolves it",
            addressed_role=addressed_role.value,
        )


def answerable_roles(actor: Actor) -> list[Role]:
    """The addressed roles whose escalations `actor` may answer (a manager's own queue)."""
    return [role for role in _RANK if role is not Role.ADMIN and may_answer(actor, role)]


def require_queue_access(actor: Actor) -> None:
    if actor.side is not Side.STAFF:
        raise QueueIsForStaff(
            "the escalation queue is for support staff; follow your escalations through "
            "GET /v1/tickets/{id}/escalations"
        )


def acknowledge(state: EscalationState) -> EscalationState:
    if state is not EscalationState.OPEN:
        raise InvalidEscalationTransition(
            f"an {state.value} escalation cannot be acknowledged", state=state.value
        )
    return EscalationState.ACKNOWLEDGED


def resolve(state: EscalationState) -> EscalationState:
    """An open escalation may be resolved at once: the resolution is its answer."""
    if state is EscalationState.RESOLVED:
        raise InvalidEscalationTransition("the escalation is already resolved", state=state.value)
    return EscalationState.RESOLVED


def acknowledge_breached(due_at: datetime, acknowledged_at: datetime | None, now: datetime) -> bool:
    """Late when acknowledged after `due_at`, or still unacknowledged past it."""
    return (acknowledged_at or now) > due_at
