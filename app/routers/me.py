"""The caller's own profile (SPEC 2)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.dependencies import Caller, Ctx, IfMatch, UoW
from app.etags import tagged
from app.schemas.accounts import MePatch, PasswordChangeIn, TokenOut, UserOut
from app.schemas.common import problem_responses
from app.services import accounts

router = APIRouter(prefix="/v1/me", tags=["me"])


@router.get("", response_model=UserOut, responses=problem_responses(401, 422))
async def get_me(caller: Caller, uow: UoW, response: Response) -> UserOut:
    return tagged(response, UserOut.model_validate(await accounts.me(uow, caller)))


@router.patch("", response_model=UserOut, responses=problem_responses(401, 412, 422, 428))
async def update_me(
    body: MePatch, caller: Caller, uow: UoW, ctx: Ctx, conditional: IfMatch, response: Response
) -> UserOut:
    """Keep contact details current: phone numbers, time zone, notification preferences."""
    check = conditional.precondition(UserOut.model_validate)
    user = await accounts.update_me(uow, ctx, caller, body, check)
    return tagged(response, UserOut.model_validate(user))


@router.post("/password", response_model=TokenOut, responses=problem_responses(401, 422, 429))
async def change_password(
    body: PasswordChangeIn, caller: Caller, uow: UoW, ctx: Ctx, response: Response
) -> TokenOut:
    """Change your password with the current one. Every other session ends (their access
    and refresh tokens stop working); this answer carries a new pair for this one."""
    response.headers["Cache-Control"] = "no-store"
    return await accounts.change_password(
        uow, ctx, caller, body.current_password, body.new_password
    )
