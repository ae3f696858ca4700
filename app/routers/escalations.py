"""Escalations (SPEC 5): a case escalated in writing up the contract's chain, the
managers' queue, acknowledgement and resolution."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status

from app.dependencies import Caller, Ctx, Cursor, Limit, UoW
from app.domain.actors import MANAGER_ROLES, Role
from app.domain.escalation import EscalationState
from app.schemas.common import Instant, Int32, Page, page_of, problem_responses
from app.schemas.escalations import AcknowledgeIn, EscalationIn, EscalationOut, ResolveIn
from app.services import escalations
from app.services.context import ServiceContext
from app.services.escalations import EscalationFilters

router = APIRouter(tags=["escalations"])

ManagerRoleName = Annotated[
    list[Role] | None,
    Query(description=f"Addressed role: {', '.join(sorted(r.value for r in MANAGER_ROLES))}"),
]


def _page(ctx: ServiceContext, page: Any) -> Page[EscalationOut]:
    now = ctx.now()
    items = [EscalationOut.of(row, now) for row in page.items]
    return page_of(EscalationOut, page, items)


@router.post(
    "/v1/tickets/{ticket_id}/escalations",
    status_code=status.HTTP_201_CREATED,
    response_model=EscalationOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_escalation(
    ticket_id: uuid.UUID,
    body: EscalationIn,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    response: Response,
) -> EscalationOut:
    """Escalate an open case in writing. It goes one level above the highest level the
    case's earlier escalations reached in the contract's chain, automatic ones and
    disputes included (the first to level 1); a `severity_dispute` goes to the chain's
    level whose role decides it. Past the top answers 409
    `escalation-top-level-reached`, a case that is not open 409 `ticket-not-open` (raise
    a new case first). The addressed level's contacts are e-mailed."""
    row = await escalations.create(uow, ctx, caller, ticket_id, body)
    response.headers["Location"] = f"/v1/escalations/{row.id}"
    return EscalationOut.of(row, ctx.now())


@router.get(
    "/v1/tickets/{ticket_id}/escalations",
    response_model=Page[EscalationOut],
    responses=problem_responses(401, 404, 422),
)
async def list_ticket_escalations(
    ticket_id: uuid.UUID,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[EscalationOut]:
    """The case's escalations, oldest first."""
    return _page(ctx, await escalations.for_ticket(uow, caller, ticket_id, limit, cursor))


@router.get(
    "/v1/escalations",
    response_model=Page[EscalationOut],
    responses=problem_responses(401, 403, 422),
)
async def list_escalations(
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    state: Annotated[list[EscalationState] | None, Query()] = None,
    level: Annotated[list[Int32] | None, Query()] = None,
    addressed_role: ManagerRoleName = None,
    customer_id: uuid.UUID | None = None,
    updated_since: Annotated[
        Instant | None,
        Query(description="Only escalations opened, acknowledged or resolved since this instant"),
    ] = None,
    mine: Annotated[
        bool, Query(description="Only escalations the caller may acknowledge and resolve")
    ] = False,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[EscalationOut]:
    """The managers' queue, oldest first; filters combine. Support staff only: customers
    follow their escalations through `GET /v1/tickets/{id}/escalations`."""
    filters = EscalationFilters(
        state=[s.value for s in state] if state else None,
        level=level,
        addressed_role=[r.value for r in addressed_role] if addressed_role else None,
        customer_id=customer_id,
        updated_since=updated_since,
    )
    page = await escalations.queue(uow, caller, filters, limit, cursor, mine=mine)
    return _page(ctx, page)


@router.get(
    "/v1/escalations/{escalation_id}",
    response_model=EscalationOut,
    responses=problem_responses(401, 404, 422),
)
async def get_escalation(
    escalation_id: uuid.UUID, caller: Caller, uow: UoW, ctx: Ctx
) -> EscalationOut:
    return EscalationOut.of(await escalations.get(uow, caller, escalation_id), ctx.now())


@router.post(
    "/v1/escalations/{escalation_id}/acknowledge",
    response_model=EscalationOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def acknowledge_escalation(
    escalation_id: uuid.UUID, caller: Caller, uow: UoW, ctx: Ctx, body: AcknowledgeIn | None = None
) -> EscalationOut:
    """The addressed manager (or a higher one, or an admin) takes it on; others 403
    `not-addressed-manager`."""
    row = await escalations.acknowledge(uow, ctx, caller, escalation_id, body or AcknowledgeIn())
    return EscalationOut.of(row, ctx.now())


@router.post(
    "/v1/escalations/{escalation_id}/resolve",
    response_model=EscalationOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def resolve_escalation(
    escalation_id: uuid.UUID, body: ResolveIn, caller: Caller, uow: UoW, ctx: Ctx
) -> EscalationOut:
    """The addressed manager answers it in writing; the person who escalated is told."""
    row = await escalations.resolve(uow, ctx, caller, escalation_id, body)
    return EscalationOut.of(row, ctx.now())
