"""Tickets: create, read, list, edit, transitions, SLA clocks, audit trail (SPEC 4)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status

from app.dependencies import Caller, Ctx, Cursor, IfMatch, Limit, UoW
from app.domain.lifecycle import TicketStatus
from app.etags import tagged
from app.schemas.common import (
    Instant,
    Int32,
    Page,
    from_loaded_row,
    page_of,
    problem_responses,
)
from app.schemas.tickets import (
    ClockOut,
    EventOut,
    PatchIn,
    TicketCreate,
    TicketOut,
    TicketPatch,
    TicketSlaOut,
    TransitionIn,
)
from app.services import patches, ticket_clocks, ticket_intake, tickets
from app.services.tickets import TicketFilters

router = APIRouter(prefix="/v1/tickets", tags=["tickets"])

Sort = Literal[
    "created_at", "-created_at", "updated_at", "-updated_at", "severity", "-severity", "relevance"
]


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=TicketOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_ticket(
    body: TicketCreate, caller: Caller, uow: UoW, ctx: Ctx, response: Response
) -> TicketOut:
    """Raise a case. Answers at once with the tracking number; the acknowledgement
    e-mail is queued in the same transaction."""
    ticket = await ticket_intake.create(uow, ctx, caller, body)
    response.headers["Location"] = f"/v1/tickets/{ticket.id}"
    return TicketOut.model_validate(ticket)


@router.get("", response_model=Page[TicketOut], responses=problem_responses(401, 422))
async def list_tickets(
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    status_: Annotated[list[TicketStatus] | None, Query(alias="status")] = None,
    severity: Annotated[list[Int32] | None, Query()] = None,
    customer_id: uuid.UUID | None = None,
    assignee_id: uuid.UUID | None = None,
    operations_centre: str | None = None,
    external_ref: str | None = None,
    breached: bool | None = None,
    due_before: Instant | None = None,
    updated_since: Annotated[
        Instant | None,
        Query(description="Only cases changed at or after this instant (any recorded change)"),
    ] = None,
    tracking_number: Annotated[
        str | None,
        Query(max_length=30, description="Exactly this case (`SD-2026-000123`, any case)"),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="Words in the subject, description or comments the caller may read "
            "(every word must match; best match first), or a tracking number exactly",
        ),
    ] = None,
    sort: Annotated[
        Sort | None,
        Query(description="`-` for descending; default `relevance` with `q`, else `-created_at`"),
    ] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[TicketOut]:
    """The cases the caller may see, newest first by default; filters combine."""
    filters = TicketFilters(
        status=status_,
        severity=severity,
        customer_id=customer_id,
        assignee_id=assignee_id,
        operations_centre=operations_centre,
        external_ref=external_ref,
        breached=breached,
        due_before=due_before,
        updated_since=updated_since,
        text=q,
        tracking_number=tracking_number,
    )
    page = await tickets.list_tickets(uow, ctx, caller, filters, sort, limit, cursor)
    return page_of(TicketOut, page, [from_loaded_row(TicketOut, t) for t in page.items])


@router.get("/{ticket_id}", response_model=TicketOut, responses=problem_responses(401, 404, 422))
async def get_ticket(
    ticket_id: uuid.UUID, caller: Caller, uow: UoW, response: Response
) -> TicketOut:
    """The case, with its `ETag` (send it back as `If-Match` when you edit)."""
    return tagged(response, TicketOut.model_validate(await tickets.get(uow, caller, ticket_id)))


@router.patch(
    "/{ticket_id}",
    response_model=TicketOut,
    responses=problem_responses(401, 403, 404, 412, 422, 428),
)
async def update_ticket(
    ticket_id: uuid.UUID,
    body: TicketPatch,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    conditional: IfMatch,
    response: Response,
) -> TicketOut:
    """Edit the given fields; with `If-Match`, only if the case is still that version."""
    check = conditional.precondition(TicketOut.model_validate)
    ticket = await tickets.update(uow, ctx, caller, ticket_id, body, check)
    return tagged(response, TicketOut.model_validate(ticket))


@router.post(
    "/{ticket_id}/transitions",
    response_model=TicketOut,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def transition_ticket(
    ticket_id: uuid.UUID,
    body: TransitionIn,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    conditional: IfMatch,
    response: Response,
) -> TicketOut:
    """Move the case: `{"to": "resolved", "outcome": "fixed"}`. An invalid move answers
    409 naming the allowed states; a stale `If-Match` (the case's ETag) 412."""
    check = conditional.precondition(TicketOut.model_validate)
    ticket = await tickets.transition(uow, ctx, caller, ticket_id, body, check)
    return tagged(response, TicketOut.model_validate(ticket))


@router.get(
    "/{ticket_id}/sla", response_model=TicketSlaOut, responses=problem_responses(401, 404, 422)
)
async def get_ticket_sla(ticket_id: uuid.UUID, caller: Caller, uow: UoW, ctx: Ctx) -> TicketSlaOut:
    """Each SLA clock: target, state, due time, counted and remaining time, pauses."""
    return await ticket_clocks.explain(uow, ctx, caller, ticket_id)


@router.post(
    "/{ticket_id}/patch",
    response_model=ClockOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def record_patch(
    ticket_id: uuid.UUID, body: PatchIn, caller: Caller, uow: UoW, ctx: Ctx
) -> ClockOut:
    """Support records the patch of a critical bug: the `patch` clock (24 h from the
    resolution with outcome `bug` at severity 1) stops, met or breached. 409 when the
    case carries no patch commitment or the patch is already recorded."""
    return await patches.record(uow, ctx, caller, ticket_id, body)


@router.get(
    "/{ticket_id}/events",
    response_model=Page[EventOut],
    responses=problem_responses(401, 404, 422),
)
async def list_ticket_events(
    ticket_id: uuid.UUID, caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[EventOut]:
    """The audit trail: every change, who made it, through which channel, before/after."""
    return page_of(EventOut, await tickets.events(uow, caller, ticket_id, limit, cursor))
