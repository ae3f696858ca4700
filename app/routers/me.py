"""The caller's own profile (SPEC 2)."""

from __future__ import annotations

from fastapi import APIRouter

from app.dependencies import Caller, Ctx, UoW
from app.schemas.accounts import MePatch, UserOut
from app.schemas.common import problem_responses
from app.services import accounts

router = APIRouter(prefix="/v1/me", tags=["me"])


@router.get("", response_model=UserOut, responses=problem_responses(401, 422))
async def get_me(caller: Caller, uow: UoW) -> UserOut:
    return UserOut.model_validate(await accounts.me(uow, caller))


@router.patch("", response_model=UserOut, responses=problem_responses(401, 422))
async def update_me(body: MePatch, caller: Caller, uow: UoW, ctx: Ctx) -> UserOut:
    """Keep contact details current: phone numbers, time zone, notification preferences."""
    return UserOut.model_validate(await accounts.update_me(uow, ctx, caller, body))
