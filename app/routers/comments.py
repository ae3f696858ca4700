"""Comments on a case: public, or internal notes for staff (SPEC 4)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from app.dependencies import Caller, Ctx, Cursor, Limit, UoW
from app.schemas.comments import CommentIn, CommentOut
from app.schemas.common import Page, page_of, problem_responses
from app.services import comments

router = APIRouter(prefix="/v1/tickets/{ticket_id}/comments", tags=["comments"])


@router.get("", response_model=Page[CommentOut], responses=problem_responses(401, 404, 422))
async def list_comments(
    ticket_id: uuid.UUID, caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[CommentOut]:
    """The case's comments, oldest first. Customers and partners see public ones only."""
    return page_of(CommentOut, await comments.list_comments(uow, caller, ticket_id, limit, cursor))


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=CommentOut,
    responses=problem_responses(401, 403, 404, 422),
)
async def create_comment(
    ticket_id: uuid.UUID, body: CommentIn, caller: Caller, uow: UoW, ctx: Ctx
) -> CommentOut:
    """Add a comment. A public staff comment acknowledges a new case and restarts the
    `update` clock; the customer's public reply resumes a case waiting for it. Public
    comments are e-mailed to the other side."""
    return CommentOut.model_validate(await comments.add(uow, ctx, caller, ticket_id, body))
