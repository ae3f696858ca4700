"""Contracts: the customer maintenance agreements tickets are governed by (SPEC 3).

Only an administrator writes. A customer reads its own contracts, a partner those
of the customers it supports, staff all. Every write leaves a `config_changes` row.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from app.db.models import ConfigChange, Contract
from app.db.repositories.pagination import Page
from app.db.session import UnitOfWork
from app.domain import contracts as rules
from app.domain import escalation
from app.domain.actors import Actor
from app.domain.errors import InvalidField
from app.domain.ids import new_id
from app.domain.organisations import require_admin
from app.domain.preconditions import Precondition, unconditional
from app.domain.ticket_fields import check_required_facts
from app.schemas.contracts import ContractIn, ContractPatch
from app.services.context import ServiceContext
from app.services.wire import wire

NULLABLE = frozenset(
    {"valid_to", "update_interval_minutes", "emergency_address", "on_call_address"}
)
# The JSON kept in `config_changes` for a contract.
SNAPSHOT_FIELDS = (
    "customer_id",
    "support_level",
    "sla_policy_id",
    "calendar_id",
    "valid_from",
    "valid_to",
    "channels",
    "escalation_chain",
    "update_interval_minutes",
    "reopen_window_days",
    "auto_close_days",
    "emergency_address",
    "description",
    "required_facts",
    "on_call_address",
)


async def add_contract(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, body: ContractIn, *, reason: str = "created"
) -> Contract:
    """A new contract, checked and added to the unit of work (not committed)."""
    require_admin(actor, "create contracts")
    await uow.organisations.customer(body.customer_id, actor.scope)
    await _check_references(uow, actor, body.calendar_id, body.sla_policy_id)
    now = ctx.now()
    contract = Contract(id=new_id(), created_at=now, updated_at=now)
    _assign(contract, body.model_dump())
    await _check_rules(uow, contract, ctx.settings.support_mailboxes)
    uow.sla_config.add(contract)
    uow.sla_config.add(_change(contract, actor, reason, None, now))
    return contract


async def create_contract(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, body: ContractIn
) -> Contract:
    contract = await add_contract(uow, ctx, actor, body)
    await uow.commit()
    return contract


async def list_contracts(
    uow: UnitOfWork,
    actor: Actor,
    limit: int,
    cursor: str | None,
    customer_id: uuid.UUID | None = None,
) -> Page[Contract]:
    return await uow.sla_config.contracts(actor.scope, limit, cursor, customer_id=customer_id)


async def get_contract(uow: UnitOfWork, actor: Actor, contract_id: uuid.UUID) -> Contract:
    return await uow.sla_config.contract(contract_id, actor.scope)


async def update_contract(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    contract_id: uuid.UUID,
    body: ContractPatch,
    precondition: Precondition = unconditional,
) -> Contract:
    """Change the given fields; the reason and the before/after are recorded."""
    contract = await uow.sla_config.contract(contract_id, actor.scope)
    require_admin(actor, "change contracts")
    precondition(contract)
    changes = body.model_dump(exclude_unset=True, exclude={"reason"})
    for name, value in changes.items():
        if value is None and name not in NULLABLE:
            raise InvalidField(name, f"{name} may not be null")
    await _check_references(uow, actor, changes.get("calendar_id"), changes.get("sla_policy_id"))
    before = snapshot(contract)
    _assign(contract, changes)
    await _check_rules(uow, contract, ctx.settings.support_mailboxes)
    if snapshot(contract) == before:
        return contract
    now = ctx.now()
    contract.updated_at = now
    uow.sla_config.add(_change(contract, actor, body.reason, before, now))
    await uow.commit()
    return contract


async def _check_references(
    uow: UnitOfWork, actor: Actor, calendar_id: uuid.UUID | None, policy_id: uuid.UUID | None
) -> None:
    if calendar_id is not None:
        await uow.sla_config.calendar(calendar_id, actor.scope)
    if policy_id is not None:
        await uow.sla_config.policy(policy_id, actor.scope)


async def _check_rules(uow: UnitOfWork, contract: Contract, reserved: frozenset[str]) -> None:
    """`reserved`: the gateway's support and emergency addresses, never a level's mailbox."""
    rules.check_validity(contract.valid_from, contract.valid_to)
    rules.check_channels(contract.channels)
    check_required_facts(contract.required_facts or [])
    rules.check_escalation_chain([(lvl["level"], lvl["role"]) for lvl in contract.escalation_chain])
    escalation.check_mailboxes(
        [lvl.get("mailbox") for lvl in contract.escalation_chain], reserved=reserved
    )
    others = await uow.sla_config.overlapping_contracts(
        contract.customer_id, contract.valid_from, contract.valid_to, excluding=contract.id
    )
    if others:
        raise rules.ContractPeriodOverlaps(
            f"contract {others[0].id} of this customer is valid in the same period; "
            "end it (valid_to) first, so that one contract governs each ticket",
            field="valid_from",
        )


def _assign(contract: Contract, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name == "channels":
            value = [str(channel) for channel in value]
        elif name == "escalation_chain":
            value = [_level(lvl) for lvl in value]
        elif name == "required_facts":
            value = [str(fact) for fact in value]
        elif name in {"emergency_address", "on_call_address"} and value is not None:
            value = str(value).lower()
        elif isinstance(value, datetime):
            value = value.astimezone(UTC)  # stored and returned in UTC (SPEC 8)
        setattr(contract, name, value)


def _level(level: dict[str, Any]) -> dict[str, Any]:
    contacts = [
        {
            "name": c["name"],
            "email": str(c["email"]) if c.get("email") else None,
            "phone": c.get("phone"),
        }
        for c in level.get("contacts", [])
    ]
    mailbox = str(level["mailbox"]).lower() if level.get("mailbox") else None
    return {
        "level": level["level"],
        "role": str(level["role"]),
        "title": level.get("title"),
        "contacts": contacts,
        "mailbox": mailbox,
    }


def snapshot(contract: Contract) -> dict[str, Any]:
    """The contract's terms as JSON, for the audit of configuration changes."""
    return {name: wire(getattr(contract, name)) for name in SNAPSHOT_FIELDS}


def _change(
    contract: Contract,
    actor: Actor,
    reason: str | None,
    before: dict[str, Any] | None,
    at: datetime,
) -> ConfigChange:
    return ConfigChange(
        id=new_id(),
        entity_kind="contract",
        entity_id=contract.id,
        version=None,
        actor_id=actor.user_id,
        reason=reason,
        before=before,
        after=snapshot(contract),
        at=at,
    )
