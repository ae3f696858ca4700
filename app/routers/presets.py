"""Presets: the five seed support processes, ready to apply (SPEC 9)."""

from __future__ import annotations

from fastapi import APIRouter, Body, Path, Response, status

from app.dependencies import Caller, Ctx, UoW
from app.schemas.common import problem_responses
from app.schemas.contracts import PresetApplied, PresetApplyIn, PresetOut, PresetParameterOut
from app.services import presets

router = APIRouter(prefix="/v1/presets", tags=["presets"])


@router.get("", response_model=list[PresetOut], responses=problem_responses(401))
async def list_presets(caller: Caller) -> list[PresetOut]:
    """The presets, each with the assumptions it makes where its process is silent and
    the parameters `apply` accepts, with their defaults."""
    return [
        PresetOut(
            name=p.name,
            title=p.title,
            description=p.description,
            parameters=[
                PresetParameterOut(name=q.name, description=q.description, default=q.default)
                for q in p.parameters
            ],
        )
        for p in presets.list_presets()
    ]


@router.post(
    "/{name}/apply",
    status_code=status.HTTP_201_CREATED,
    response_model=PresetApplied,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def apply_preset(
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    name: str = Path(examples=["aarenet-standard"]),
    body: PresetApplyIn = Body(default_factory=PresetApplyIn),
    *,
    response: Response,
) -> PresetApplied:
    """Create the preset's calendar and SLA policy, and an example contract for a customer.

    `timezone`, `country` and `subdivision` set the customer's local time for presets whose
    periods are local to the customer (iPass); another preset answers 422 naming the field.
    """
    applied = await presets.apply_preset(
        uow, ctx, caller, name, body.customer_id, body.preset_arguments()
    )
    response.headers["Location"] = f"/v1/contracts/{applied.contract_id}"
    return PresetApplied(
        preset=applied.preset,
        calendar_id=applied.calendar_id,
        sla_policy_id=applied.sla_policy_id,
        contract_id=applied.contract_id,
    )
