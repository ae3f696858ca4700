"""Vendor staff accounts (SPEC 1)."""

from __future__ import annotations

from fastapi import APIRouter, status

from app.dependencies import Caller, Ctx, Cursor, Limit, UoW
from app.schemas.accounts import UserOut
from app.schemas.common import Page, page_of, problem_responses
from app.schemas.organisations import UserIn
from app.services import organisations

router = APIRouter(prefix="/v1/users", tags=["users"])


@router.get("", response_model=Page[UserOut], responses=problem_responses(401, 403, 422))
async def list_staff(
    caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[UserOut]:
    return page_of(UserOut, await organisations.list_staff(uow, caller, limit, cursor))


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=UserOut,
    responses=problem_responses(401, 403, 409, 422),
)
async def invite_staff_member(body: UserIn, caller: Caller, uow: UoW, ctx: Ctx) -> UserOut:
    """Add a vendor engineer or manager; they receive an activation e-mail."""
    return UserOut.model_validate(await organisations.invite_staff(uow, ctx, caller, body))
