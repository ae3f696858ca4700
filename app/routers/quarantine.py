"""The quarantine (SPEC 6, Appendix B): inbound mail that did not become a case.

Nothing received is lost. Staff list what is held, read a message, release it as a case
of a customer (channel `email`) or delete it — a deleted message keeps its row, with who
deleted it and when. For everyone else the quarantine does not exist (404).
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from app.dependencies import Caller, Ctx, Cursor, Limit, UoW
from app.schemas.common import Page, page_of, problem_responses
from app.schemas.quarantine import (
    MailAttachmentOut,
    QuarantinedMailDetail,
    QuarantinedMailOut,
    Reason,
    ReleasedOut,
    ReleaseIn,
    State,
)
from app.services import inbound_mail
from app.services.inbound_mail import QuarantineFilters

router = APIRouter(prefix="/v1/quarantine", tags=["quarantine"])


@router.get("", response_model=Page[QuarantinedMailOut], responses=problem_responses(401, 404, 422))
async def list_quarantined_mails(
    caller: Caller,
    uow: UoW,
    reason: Annotated[
        Reason | None, Query(description="Only messages kept for this reason")
    ] = None,
    state: Annotated[State | None, Query(description="`held`, `released` or `deleted`")] = None,
    sender: Annotated[str | None, Query(description="The From address")] = None,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> Page[QuarantinedMailOut]:
    """Held, released and deleted messages, oldest first."""
    filters = QuarantineFilters(reason=reason, state=state, sender=sender)
    page = await inbound_mail.list_held(uow, caller, filters, limit, cursor)
    return page_of(QuarantinedMailOut, page)


@router.get(
    "/{mail_id}", response_model=QuarantinedMailDetail, responses=problem_responses(401, 404, 422)
)
async def get_quarantined_mail(
    mail_id: uuid.UUID, caller: Caller, uow: UoW
) -> QuarantinedMailDetail:
    """One message with its text and the list of its attachments."""
    row = await inbound_mail.get(uow, caller, mail_id)
    message = inbound_mail.parsed(row)
    return QuarantinedMailDetail(
        **QuarantinedMailOut.model_validate(row).model_dump(),
        text=message.text,
        attachments=[
            MailAttachmentOut(filename=a.filename, content_type=a.content_type, size=len(a.content))
            for a in message.attachments
        ],
    )


@router.post(
    "/{mail_id}/release",
    status_code=status.HTTP_201_CREATED,
    response_model=ReleasedOut,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def release_quarantined_mail(
    mail_id: uuid.UUID, body: ReleaseIn, caller: Caller, uow: UoW, ctx: Ctx, response: Response
) -> ReleasedOut:
    """Raise the held message as a case of `customer_id`, by e-mail, as `requester_email`
    (an active user of that customer) or else as the caller. The contract's rules apply
    (422 `no-valid-contract`, …); a message already released or deleted answers 409
    `quarantined-mail-not-held`. `Location` names the new ticket."""
    row, ticket = await inbound_mail.release(uow, ctx, caller, mail_id, body)
    response.headers["Location"] = f"/v1/tickets/{ticket.id}"
    return ReleasedOut(
        mail=QuarantinedMailOut.model_validate(row),
        ticket_id=ticket.id,
        tracking_number=ticket.tracking_number,
    )


@router.delete(
    "/{mail_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 404, 409, 422),
)
async def delete_quarantined_mail(
    mail_id: uuid.UUID, caller: Caller, uow: UoW, ctx: Ctx
) -> Response:
    """Mark the message deleted. The row and its bytes are kept, with who and when."""
    await inbound_mail.delete(uow, ctx, caller, mail_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
