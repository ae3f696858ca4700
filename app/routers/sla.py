"""`POST /v1/sla/preview`: when is it due? (SPEC 3.1, Appendix A)."""

from __future__ import annotations

from fastapi import APIRouter

from app.dependencies import Caller, UoW
from app.schemas.common import problem_responses
from app.schemas.sla import PreviewIn, PreviewOut, PreviewTarget
from app.services import sla_preview

router = APIRouter(prefix="/v1/sla", tags=["sla"])


@router.post("/preview", response_model=PreviewOut, responses=problem_responses(401, 404, 422))
async def preview_sla(body: PreviewIn, caller: Caller, uow: UoW) -> PreviewOut:
    """The period at `created_at` and each target's `due_at` (UTC) for the severity."""
    result = await sla_preview.preview(uow, caller, body)
    targets = [
        PreviewTarget(metric=d.metric, minutes=d.minutes_applied, clock=d.clock, due_at=d.due_at)
        for d in result.due_times
    ]
    return PreviewOut(period=result.period, targets=targets)
