"""Severity is agreed, not imposed (SPEC 4.1.1): proposals, answers, disputes, decisions."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from app.dependencies import Caller, Ctx, Cursor, IfMatch, Limit, UoW
from app.schemas.common import Page, page_of, problem_responses
from app.schemas.severity_changes import (
    SeverityAnswerIn,
    SeverityChangeIn,
    SeverityChangeOut,
    SeverityDecisionIn,
)
from app.schemas.tickets import TicketOut
from app.services import severity_changes

router = APIRouter(prefix="/v1/tickets/{ticket_id}/severity-changes", tags=["severity-changes"])
ANSWER_PROBLEMS = problem_responses(401, 403, 404, 409, 422)


@router.get("", response_model=Page[SeverityChangeOut], responses=problem_responses(401, 404, 422))
async def list_severity_changes(
    ticket_id: uuid.UUID, caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[SeverityChangeOut]:
    """Every severity change of the case, oldest first, with its reasons."""
    page = await severity_changes.list_changes(uow, caller, ticket_id, limit, cursor)
    return page_of(SeverityChangeOut, page)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=SeverityChangeOut,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def create_severity_change(
    ticket_id: uuid.UUID,
    body: SeverityChangeIn,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    conditional: IfMatch,
) -> SeverityChangeOut:
    """Propose a severity. A staff upgrade applies at once; a staff downgrade waits for the
    customer's consent; a customer's proposal waits for staff. With `reclassify`, a manager
    reclassifies a Severity 1 case at once with a written reason (403 for others)."""
    check = conditional.precondition(TicketOut.model_validate)  # `If-Match`: the case's ETag
    change = await severity_changes.propose(uow, ctx, caller, ticket_id, body, check)
    return SeverityChangeOut.model_validate(change)


@router.post("/{change_id}/accept", response_model=SeverityChangeOut, responses=ANSWER_PROBLEMS)
async def accept_severity_change(
    ticket_id: uuid.UUID,
    change_id: uuid.UUID,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    body: SeverityAnswerIn | None = None,
) -> SeverityChangeOut:
    """The other side accepts a pending proposal: the level takes effect now."""
    reason = body.reason if body else ""
    change = await severity_changes.accept(uow, ctx, caller, ticket_id, change_id, reason)
    return SeverityChangeOut.model_validate(change)


@router.post("/{change_id}/reject", response_model=SeverityChangeOut, responses=ANSWER_PROBLEMS)
async def reject_severity_change(
    ticket_id: uuid.UUID,
    change_id: uuid.UUID,
    body: SeverityAnswerIn,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
) -> SeverityChangeOut:
    """The other side rejects a pending proposal with a reason: it becomes a dispute,
    escalated to the regional operations manager."""
    change = await severity_changes.reject(uow, ctx, caller, ticket_id, change_id, body.reason)
    return SeverityChangeOut.model_validate(change)


@router.post("/{change_id}/dispute", response_model=SeverityChangeOut, responses=ANSWER_PROBLEMS)
async def dispute_severity_change(
    ticket_id: uuid.UUID,
    change_id: uuid.UUID,
    body: SeverityAnswerIn,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
) -> SeverityChangeOut:
    """The other side disputes a change that took effect at once (a Severity 1
    reclassification, a staff upgrade), with a reason."""
    change = await severity_changes.dispute(uow, ctx, caller, ticket_id, change_id, body.reason)
    return SeverityChangeOut.model_validate(change)


@router.post("/{change_id}/decide", response_model=SeverityChangeOut, responses=ANSWER_PROBLEMS)
async def decide_severity_change(
    ticket_id: uuid.UUID,
    change_id: uuid.UUID,
    body: SeverityDecisionIn,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
) -> SeverityChangeOut:
    """The regional operations manager decides a dispute; the decision is final."""
    change = await severity_changes.decide(uow, ctx, caller, ticket_id, change_id, body)
    return SeverityChangeOut.model_validate(change)
