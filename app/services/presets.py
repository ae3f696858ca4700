"""Presets: the five seed processes, applied as configuration in one transaction (SPEC 9)."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from app.db.session import UnitOfWork
from app.domain import presets as catalog
from app.domain.actors import Actor
from app.domain.organisations import require_admin
from app.domain.presets.kit import escalation_chain
from app.schemas.contracts import ContractIn
from app.schemas.sla import CalendarDocument, PolicyDocument
from app.services.context import ServiceContext
from app.services.contracts import add_contract
from app.services.sla_config import add_calendar, add_policy


@dataclass(frozen=True, slots=True)
class Applied:
    preset: str
    calendar_id: uuid.UUID
    sla_policy_id: uuid.UUID
    contract_id: uuid.UUID | None


def list_presets() -> list[catalog.Preset]:
    return catalog.all_presets()


async def apply_preset(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    name: str,
    customer_id: uuid.UUID | None,
    arguments: Mapping[str, str] | None = None,
) -> Applied:
    """Create the preset's calendar and policy, and an example contract for a customer.

    `arguments` fill the preset's parameters (e.g. iPass's local time zone and holidays).
    The contract is valid from now with no end; a customer already under a contract
    valid now answers 409 (end that one first, or apply without a customer).
    """
    catalog.preset(name)  # 404 before 403, as for any object
    require_admin(actor, "apply presets")
    preset = catalog.preset(name, arguments)
    given = ", ".join(f"{k}={v}" for k, v in (arguments or {}).items())
    reason = f"preset {preset.name}" + (f" ({given})" if given else "")
    calendar = await add_calendar(
        uow, ctx, actor, CalendarDocument.model_validate(preset.calendar), reason=reason
    )
    policy = await add_policy(
        uow, ctx, actor, PolicyDocument.model_validate(preset.policy), reason=reason
    )
    contract_id = None
    if customer_id is not None:
        terms = preset.contract
        body = ContractIn.model_validate(
            {
                "customer_id": customer_id,
                "support_level": terms.support_level,
                "sla_policy_id": policy.head.id,
                "calendar_id": calendar.head.id,
                "valid_from": ctx.now(),
                "channels": terms.channels,
                "escalation_chain": escalation_chain(terms, ctx.settings.mail_domain),
                "update_interval_minutes": terms.update_interval_minutes,
                "description": terms.description,
                "required_facts": list(terms.required_facts),
            }
        )
        contract_id = (await add_contract(uow, ctx, actor, body, reason=reason)).id
    await uow.commit()
    return Applied(preset.name, calendar.head.id, policy.head.id, contract_id)
