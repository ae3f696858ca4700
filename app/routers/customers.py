"""Customers, their registered e-mail domains and their users (SPEC 1, 3)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from app.dependencies import Caller, Ctx, Cursor, IfMatch, Limit, UoW
from app.etags import tagged
from app.schemas.accounts import UserOut
from app.schemas.common import Page, page_of, problem_responses
from app.schemas.organisations import (
    CustomerIn,
    CustomerOut,
    CustomerPatch,
    DomainIn,
    DomainOut,
    UserIn,
)
from app.services import organisations

router = APIRouter(prefix="/v1/customers", tags=["customers"])


@router.get("", response_model=Page[CustomerOut], responses=problem_responses(401, 422))
async def list_customers(
    caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[CustomerOut]:
    """Customers the caller may see: staff all, a partner its customers, a user its own."""
    return page_of(CustomerOut, await organisations.list_customers(uow, caller, limit, cursor))


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=CustomerOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_customer(
    body: CustomerIn, caller: Caller, uow: UoW, ctx: Ctx, response: Response
) -> CustomerOut:
    customer = await organisations.create_customer(uow, ctx, caller, body)
    response.headers["Location"] = f"/v1/customers/{customer.id}"
    return CustomerOut.model_validate(customer)


@router.get(
    "/{customer_id}", response_model=CustomerOut, responses=problem_responses(401, 404, 422)
)
async def get_customer(
    customer_id: uuid.UUID, caller: Caller, uow: UoW, response: Response
) -> CustomerOut:
    customer = await organisations.get_customer(uow, caller, customer_id)
    return tagged(response, CustomerOut.model_validate(customer))


@router.patch(
    "/{customer_id}",
    response_model=CustomerOut,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_customer(
    customer_id: uuid.UUID,
    body: CustomerPatch,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    conditional: IfMatch,
    response: Response,
) -> CustomerOut:
    check = conditional.precondition(CustomerOut.model_validate)
    customer = await organisations.update_customer(uow, ctx, caller, customer_id, body, check)
    return tagged(response, CustomerOut.model_validate(customer))


@router.get(
    "/{customer_id}/users",
    response_model=Page[UserOut],
    responses=problem_responses(401, 404, 422),
)
async def list_customer_users(
    customer_id: uuid.UUID, caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[UserOut]:
    page = await organisations.list_customer_users(uow, caller, customer_id, limit, cursor)
    return page_of(UserOut, page)


@router.post(
    "/{customer_id}/users",
    status_code=status.HTTP_201_CREATED,
    response_model=UserOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def invite_customer_user(
    customer_id: uuid.UUID, body: UserIn, caller: Caller, uow: UoW, ctx: Ctx
) -> UserOut:
    """Add a user to the company; they receive an activation e-mail."""
    user = await organisations.invite_customer_user(uow, ctx, caller, customer_id, body)
    return UserOut.model_validate(user)


@router.get(
    "/{customer_id}/domains",
    response_model=Page[DomainOut],
    responses=problem_responses(401, 404, 422),
)
async def list_customer_domains(
    customer_id: uuid.UUID, caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[DomainOut]:
    page = await organisations.list_domains(uow, caller, customer_id, limit, cursor)
    return page_of(DomainOut, page)


@router.post(
    "/{customer_id}/domains",
    status_code=status.HTTP_201_CREATED,
    response_model=DomainOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def register_customer_domain(
    customer_id: uuid.UUID, body: DomainIn, caller: Caller, uow: UoW, ctx: Ctx
) -> DomainOut:
    """Register a company domain, or one address (for free-mail users), for sign-up.

    What another company holds (the value, the address's domain, addresses in the domain,
    a person with the address) is refused with 409 `registration-held-elsewhere` unless an
    administrator registers it. A customer administrator's domain claim is `pending` until
    an administrator approves it, and admits no sign-ups until then."""
    row = await organisations.add_domain(uow, ctx, caller, customer_id, body)
    return DomainOut.model_validate(row)


@router.post(
    "/{customer_id}/domains/{registration_id}/approve",
    response_model=DomainOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def approve_customer_domain(
    customer_id: uuid.UUID, registration_id: uuid.UUID, caller: Caller, uow: UoW, ctx: Ctx
) -> DomainOut:
    """Approve a customer administrator's pending domain claim (administrators only)."""
    row = await organisations.approve_domain(uow, ctx, caller, customer_id, registration_id)
    return DomainOut.model_validate(row)
