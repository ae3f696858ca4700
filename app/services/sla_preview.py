"""`POST /v1/sla/preview`: "when is this due?" for a calendar, a policy and a severity (SPEC 3.1).

The calendar and the policy come inline, by id (their current versions), or from a
contract; ids and contracts are read with the caller's scope, like a GET of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.db.session import UnitOfWork
from app.domain import business_time, sla
from app.domain.actors import Actor
from app.domain.calendar_model import Period
from app.domain.errors import InvalidField
from app.schemas.sla import PreviewIn
from app.services.compute import off_loop
from app.services.sla_config import checked_calendar, checked_policy, get_calendar, get_policy


@dataclass(frozen=True, slots=True)
class Preview:
    period: Period
    due_times: list[sla.DueTime]


async def preview(uow: UnitOfWork, actor: Actor, body: PreviewIn) -> Preview:
    """The period at `created_at` and each target's due time for `severity` (Appendix A)."""
    terms = await _terms(uow, actor, body)
    await uow.rollback()  # nothing to write: no transaction waits on the computation
    # Checking the documents (holiday rules) and walking a long target on a sparse
    # calendar can take up to seconds: in a worker process, so every other request keeps
    # being served meanwhile.
    return await off_loop(_computed, terms, body)


# What `_terms` found: the domain value, or a document and the field it came in.
_Document = tuple[dict[str, Any], str]
_CalendarTerm = business_time.Calendar | _Document
_PolicyTerm = sla.SlaPolicy | _Document


def _computed(terms: tuple[_CalendarTerm, _PolicyTerm], body: PreviewIn) -> Preview:
    calendar, policy = terms
    if isinstance(calendar, tuple):
        calendar = checked_calendar(*calendar)
    if isinstance(policy, tuple):
        policy = checked_policy(*policy)
    period, due_times = sla.preview(
        calendar, policy, body.severity, body.created_at, body.phone_call_at
    )
    return Preview(period, due_times)


async def _terms(
    uow: UnitOfWork, actor: Actor, body: PreviewIn
) -> tuple[_CalendarTerm, _PolicyTerm]:
    if body.contract_id is not None:
        for name in ("calendar", "calendar_id", "policy", "policy_id"):
            if getattr(body, name) is not None:
                raise InvalidField(name, "give either a contract_id, or a calendar and a policy")
        await uow.sla_config.contract(body.contract_id, actor.scope)
        terms = await uow.sla_config.contract_terms(body.contract_id)
        return terms.calendar, terms.policy
    return await _calendar(uow, actor, body), await _policy(uow, actor, body)


async def _calendar(uow: UnitOfWork, actor: Actor, body: PreviewIn) -> _CalendarTerm:
    """The calendar's document and its field prefix, to be checked off the event loop."""
    if (body.calendar is None) == (body.calendar_id is None):
        raise InvalidField("calendar", "give exactly one of calendar, calendar_id (or contract_id)")
    if body.calendar is not None:
        return body.calendar.model_dump(mode="json", exclude_none=True), "calendar"
    assert body.calendar_id is not None
    view = await get_calendar(uow, actor, body.calendar_id)
    return view.current.document, ""


async def _policy(uow: UnitOfWork, actor: Actor, body: PreviewIn) -> _PolicyTerm:
    if (body.policy is None) == (body.policy_id is None):
        raise InvalidField("policy", "give exactly one of policy, policy_id (or contract_id)")
    if body.policy is not None:
        return body.policy.model_dump(mode="json", exclude_none=True), "policy"
    assert body.policy_id is not None
    view = await get_policy(uow, actor, body.policy_id)
    return view.current.document, ""
