"""Authentication before action (SPEC 4.1.2): a caller proves who they are with a code
from the portal; the agent records the verified call on the ticket."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from app.dependencies import Caller, Ctx, UoW
from app.schemas.calls import CallIn, CallOut, CallVerificationOut
from app.schemas.common import problem_responses
from app.services import calls

router = APIRouter(tags=["calls"])


@router.post(
    "/v1/me/call-verification",
    status_code=status.HTTP_201_CREATED,
    response_model=CallVerificationOut,
    responses=problem_responses(401, 403),
)
async def create_call_verification(caller: Caller, uow: UoW, ctx: Ctx) -> CallVerificationOut:
    """A short-lived, single-use code to read out on the phone before support acts."""
    code, expires_at = await calls.issue_code(uow, ctx, caller)
    return CallVerificationOut(code=code, expires_at=expires_at)


@router.post(
    "/v1/tickets/{ticket_id}/calls",
    status_code=status.HTTP_201_CREATED,
    response_model=CallOut,
    responses=problem_responses(401, 403, 404, 422),
)
async def record_call(
    ticket_id: uuid.UUID, body: CallIn, caller: Caller, uow: UoW, ctx: Ctx
) -> CallOut:
    """Record a verified phone call; the first one applies `after_phone_call` targets."""
    call = await calls.record_call(
        uow,
        ctx,
        caller,
        ticket_id,
        caller_email=str(body.caller_email),
        code=body.code,
        notes=body.notes,
    )
    return CallOut.model_validate(call)
