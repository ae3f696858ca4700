"""Partner helpdesks, their agents and API keys (SPEC 1)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from app.dependencies import Caller, Ctx, Cursor, Limit, UoW
from app.schemas.accounts import UserOut
from app.schemas.common import Page, page_of, problem_responses
from app.schemas.organisations import (
    ApiKeyCreated,
    ApiKeyIn,
    ApiKeyOut,
    PartnerIn,
    PartnerOut,
    UserIn,
)
from app.services import organisations

router = APIRouter(tags=["partners"])


@router.get("/v1/partners", response_model=Page[PartnerOut], responses=problem_responses(401))
async def list_partners(
    caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[PartnerOut]:
    return page_of(PartnerOut, await organisations.list_partners(uow, caller, limit, cursor))


@router.post(
    "/v1/partners",
    status_code=status.HTTP_201_CREATED,
    response_model=PartnerOut,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_partner(
    body: PartnerIn, caller: Caller, uow: UoW, ctx: Ctx, response: Response
) -> PartnerOut:
    partner = await organisations.create_partner(uow, ctx, caller, body)
    response.headers["Location"] = f"/v1/partners/{partner.id}"
    return PartnerOut.model_validate(partner)


@router.get(
    "/v1/partners/{partner_id}",
    response_model=PartnerOut,
    responses=problem_responses(401, 404, 422),
)
async def get_partner(partner_id: uuid.UUID, caller: Caller, uow: UoW) -> PartnerOut:
    return PartnerOut.model_validate(await organisations.get_partner(uow, caller, partner_id))


@router.get(
    "/v1/partners/{partner_id}/users",
    response_model=Page[UserOut],
    responses=problem_responses(401, 404, 422),
)
async def list_partner_users(
    partner_id: uuid.UUID, caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[UserOut]:
    page = await organisations.list_partner_users(uow, caller, partner_id, limit, cursor)
    return page_of(UserOut, page)


@router.post(
    "/v1/partners/{partner_id}/users",
    status_code=status.HTTP_201_CREATED,
    response_model=UserOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def invite_partner_agent(
    partner_id: uuid.UUID, body: UserIn, caller: Caller, uow: UoW, ctx: Ctx
) -> UserOut:
    user = await organisations.invite_partner_user(uow, ctx, caller, partner_id, body)
    return UserOut.model_validate(user)


@router.post(
    "/v1/partners/{partner_id}/api-keys",
    status_code=status.HTTP_201_CREATED,
    response_model=ApiKeyCreated,
    responses=problem_responses(401, 403, 404, 422),
)
async def create_api_key(
    partner_id: uuid.UUID, body: ApiKeyIn, caller: Caller, uow: UoW, ctx: Ctx, response: Response
) -> ApiKeyCreated:
    """Issue a key for a partner integration. The secret is in this answer only;
    `Location` is where it is revoked (`DELETE`)."""
    row, secret = await organisations.create_api_key(uow, ctx, caller, partner_id, body)
    response.headers["Location"] = f"/v1/api-keys/{row.id}"
    return ApiKeyCreated(**ApiKeyOut.model_validate(row).model_dump(), key=secret)


@router.delete(
    "/v1/api-keys/{key_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def revoke_api_key(key_id: uuid.UUID, caller: Caller, uow: UoW, ctx: Ctx) -> Response:
    await organisations.revoke_api_key(uow, ctx, caller, key_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
