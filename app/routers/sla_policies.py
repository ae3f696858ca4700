"""SLA policies: versioned severity schemes and targets (SPEC 3, Appendix A).

Admins write; staff read all; customers and partners read those their contracts use.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Response, status

from app.dependencies import Caller, Ctx, Cursor, IfMatch, Limit, UoW
from app.etags import tagged
from app.schemas.common import Page, page_of, problem_responses
from app.schemas.sla import PolicyDocument, PolicyOut, PolicyUpdate, PolicyVersionOut
from app.services import sla_config

router = APIRouter(prefix="/v1/sla-policies", tags=["sla-policies"])


@router.get("", response_model=Page[PolicyOut], responses=problem_responses(401, 422))
async def list_sla_policies(
    caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[PolicyOut]:
    """SLA policies with their current version."""
    page = await sla_config.list_policies(uow, caller, limit, cursor)
    items = [PolicyOut.of(view.head, view.current) for view in page.items]
    return page_of(PolicyOut, page, items)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=PolicyOut,
    responses=problem_responses(401, 403, 422),
)
async def create_sla_policy(
    body: PolicyDocument, caller: Caller, uow: UoW, ctx: Ctx, response: Response
) -> PolicyOut:
    """Create an SLA policy (version 1). A wrong document answers 422 naming the field."""
    view = await sla_config.create_policy(uow, ctx, caller, body)
    response.headers["Location"] = f"/v1/sla-policies/{view.head.id}"
    return PolicyOut.of(view.head, view.current)


@router.get("/{policy_id}", response_model=PolicyOut, responses=problem_responses(401, 404, 422))
async def get_sla_policy(
    policy_id: uuid.UUID, caller: Caller, uow: UoW, response: Response
) -> PolicyOut:
    view = await sla_config.get_policy(uow, caller, policy_id)
    return tagged(response, _out(view))


@router.put(
    "/{policy_id}",
    response_model=PolicyOut,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_sla_policy(
    policy_id: uuid.UUID,
    body: PolicyUpdate,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    conditional: IfMatch,
    response: Response,
) -> PolicyOut:
    """Write the next version, with a `reason`; tickets keep the version they started with."""
    check = conditional.precondition(_out)
    view = await sla_config.update_policy(uow, ctx, caller, policy_id, body, check)
    return tagged(response, _out(view))


def _out(view: Any) -> PolicyOut:
    return PolicyOut.of(view.head, view.current)


@router.get(
    "/{policy_id}/versions",
    response_model=Page[PolicyVersionOut],
    responses=problem_responses(401, 404, 422),
)
async def list_sla_policy_versions(
    policy_id: uuid.UUID, caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[PolicyVersionOut]:
    """Every version, oldest first, with who wrote it and why."""
    page = await sla_config.list_policy_versions(uow, caller, policy_id, limit, cursor)
    return page_of(PolicyVersionOut, page)
