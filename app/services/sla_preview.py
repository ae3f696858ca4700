"""`POST /v1/sla/preview`: "when is this due?" for a calendar, a policy and a severity (SPEC 3.1).

The calendar and the policy come inline, by id (their current versions), or from a
contract; ids and contracts are read with the caller's scope, like a GET of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db.session import UnitOfWork
from app.domain import business_time, sla
from app.domain.actors import Actor
from app.domain.calendar_model import Period
from app.domain.errors import InvalidField
from app.schemas.sla import PreviewIn
from app.services.sla_config import checked_calendar, checked_policy, get_calendar, get_policy


@dataclass(frozen=True, slots=True)
class Preview:
    period: Period
    due_times: list[sla.DueTime]


async def preview(uow: UnitOfWork, actor: Actor, body: PreviewIn) -> Preview:
    """The period at `created_at` and each target's due time for `severity` (Appendix A)."""
    calendar, policy = await _terms(uow, actor, body)
    period, due_times = sla.preview(
        calendar, policy, body.severity, body.created_at, body.phone_call_at
    )
    return Preview(period, due_times)


async def _terms(
    uow: UnitOfWork, actor: Actor, body: PreviewIn
) -> tuple[business_time.Calendar, sla.SlaPolicy]:
    if body.contract_id is not None:
        for name in ("calendar", "calendar_id", "policy", "policy_id"):
            if getattr(body, name) is not None:
                raise InvalidField(name, "give either a contract_id, or a calendar and a policy")
        await uow.sla_config.contract(body.contract_id, actor.scope)
        terms = await uow.sla_config.contract_terms(body.contract_id)
        return terms.calendar, terms.policy
    return await _calendar(uow, actor, body), await _policy(uow, actor, body)


async def _calendar(uow: UnitOfWork, actor: Actor, body: PreviewIn) -> business_time.Calendar:
    if (body.calendar is None) == (body.calendar_id is None):
        raise InvalidField("calendar", "give exactly one of calendar, calendar_id (or contract_id)")
    if body.calendar is not None:
        document = body.calendar.model_dump(mode="json", exclude_none=True)
        return checked_calendar(document, "calendar")
    assert body.calendar_id is not None
    view = await get_calendar(uow, actor, body.calendar_id)
    return checked_calendar(view.current.document)


async def _policy(uow: UnitOfWork, actor: Actor, body: PreviewIn) -> sla.SlaPolicy:
    if (body.policy is None) == (body.policy_id is None):
        raise InvalidField("policy", "give exactly one of policy, policy_id (or contract_id)")
    if body.policy is not None:
        document = body.policy.model_dump(mode="json", exclude_none=True)
        return checked_policy(document, "policy")
    assert body.policy_id is not None
    view = await get_policy(uow, actor, body.policy_id)
    return checked_policy(view.current.document)
