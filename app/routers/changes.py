"""The change feed: poll `GET /v1/changes?after=<cursor>` to mirror every case you see."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.dependencies import Caller, Limit, UoW
from app.schemas.changes import ChangeOut, ChangePage
from app.schemas.common import problem_responses
from app.services import change_feed

router = APIRouter(prefix="/v1/changes", tags=["changes"])

After = Annotated[
    str,
    Query(
        pattern=r"^\d{1,18}$",
        description="`next_cursor` of the previous page (the last `seq` seen); `0` from the start",
    ),
]


@router.get("", response_model=ChangePage, responses=problem_responses(401, 422))
async def list_changes(
    caller: Caller, uow: UoW, after: After = "0", limit: Limit = 100
) -> ChangePage:
    """Every change to the cases the caller may see, oldest first, in commit order. Store
    `next_cursor` and poll with it: no change is ever missed or repeated."""
    rows, cursor = await change_feed.read(uow, caller, int(after), limit)
    return ChangePage(
        items=[ChangeOut.model_validate(row) for row in rows], next_cursor=str(cursor)
    )
