"""Calendars: versioned business-hours documents (SPEC 3, Appendix A).

Admins write; staff read all; customers and partners read those their contracts use.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Response, status

from app.dependencies import Caller, Ctx, Cursor, IfMatch, Limit, UoW
from app.etags import tagged
from app.schemas.common import Page, page_of, problem_responses
from app.schemas.sla import CalendarDocument, CalendarOut, CalendarUpdate, CalendarVersionOut
from app.services import sla_config

router = APIRouter(prefix="/v1/calendars", tags=["calendars"])


@router.get("", response_model=Page[CalendarOut], responses=problem_responses(401, 422))
async def list_calendars(
    caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[CalendarOut]:
    """Calendars with their current version."""
    page = await sla_config.list_calendars(uow, caller, limit, cursor)
    items = [CalendarOut.of(view.head, view.current) for view in page.items]
    return page_of(CalendarOut, page, items)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=CalendarOut,
    responses=problem_responses(401, 403, 422),
)
async def create_calendar(
    body: CalendarDocument, caller: Caller, uow: UoW, ctx: Ctx, response: Response
) -> CalendarOut:
    """Create a calendar (version 1). A wrong document answers 422 naming the field."""
    view = await sla_config.create_calendar(uow, ctx, caller, body)
    response.headers["Location"] = f"/v1/calendars/{view.head.id}"
    return CalendarOut.of(view.head, view.current)


@router.get(
    "/{calendar_id}", response_model=CalendarOut, responses=problem_responses(401, 404, 422)
)
async def get_calendar(
    calendar_id: uuid.UUID, caller: Caller, uow: UoW, response: Response
) -> CalendarOut:
    view = await sla_config.get_calendar(uow, caller, calendar_id)
    return tagged(response, _out(view))


@router.put(
    "/{calendar_id}",
    response_model=CalendarOut,
    responses=problem_responses(401, 403, 404, 409, 412, 422, 428),
)
async def update_calendar(
    calendar_id: uuid.UUID,
    body: CalendarUpdate,
    caller: Caller,
    uow: UoW,
    ctx: Ctx,
    conditional: IfMatch,
    response: Response,
) -> CalendarOut:
    """Write the next version, with a `reason`; tickets keep the version they started with."""
    check = conditional.precondition(_out)
    view = await sla_config.update_calendar(uow, ctx, caller, calendar_id, body, check)
    return tagged(response, _out(view))


def _out(view: Any) -> CalendarOut:
    return CalendarOut.of(view.head, view.current)


@router.get(
    "/{calendar_id}/versions",
    response_model=Page[CalendarVersionOut],
    responses=problem_responses(401, 404, 422),
)
async def list_calendar_versions(
    calendar_id: uuid.UUID, caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[CalendarVersionOut]:
    """Every version, oldest first, with who wrote it and why."""
    page = await sla_config.list_calendar_versions(uow, caller, calendar_id, limit, cursor)
    return page_of(CalendarVersionOut, page)
