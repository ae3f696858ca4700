"""Contracts: which calendar, policy, channels and escalation chain govern a customer (SPEC 3).

Admins write; a customer reads its own, a partner its customers', staff all.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.dependencies import Caller, Ctx, Cursor, IfMatch, Limit, UoW
from app.etags import tagged
from app.schemas.common import Page, page_of, problem_responses
from app.schemas.contracts import ContractIn, ContractOut, ContractPatch
from app.services import contracts

router = APIRouter(prefix="/v1/contracts", tags=["contracts"])


@router.get("", response_model=Page[ContractOut], responses=problem_responses(401, 422))
async def list_contracts(
    caller: Caller,
    uow: UoW,
    customer_id: Annotated[uuid.UUID | None, Query(description="Only this customer's")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[ContractOut]:
    page = await contracts.list_contracts(uow, caller, limit, cursor, customer_id)
    return page_of(ContractOut, page)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ContractOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_contract(
    body: ContractIn, caller: Caller, uow: UoW, ctx: Ctx, response: Response
) -> ContractOut:
    """A customer's contract; its validity may not overlap another of the same customer (409)."""
    contract = await contracts.create_contract(uow, ctx, caller, body)
    response.headers["Location"] = f"/v1/contracts/{contract.id}"
    return ContractOut.model_validate(contract)


@router.get(
    "/{contract_id}", response_model=ContractOut, responses=problem_responses(401, 404, 422)
)
async def get_contract(
    contract_id: uuid.UUID, caller: Caller, uow: UoW, response: Response
) -> ContractOut:
    contract = await contracts.get_contract(uow, caller, contract_id)
    return tagged(response, ContractOut.model_validate(contract))


@router.patch(
    "/{contract_id}",
    response_model=ContractOut,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_contract(
    contract_id: uuid.UUID,
    body: ContractPatch,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    conditional: IfMatch,
    response: Response,
) -> ContractOut:
    """Change the given fields; the change and its `reason` are recorded."""
    check = conditional.precondition(ContractOut.model_validate)
    contract = await contracts.update_contract(uow, ctx, caller, contract_id, body, check)
    return tagged(response, ContractOut.model_validate(contract))
