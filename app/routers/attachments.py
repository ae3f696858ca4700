"""Attachments of a case (SPEC 4): streamed upload, list, download.

The upload reads the raw request (`app.multipart`) instead of FastAPI's `UploadFile`,
which would spool the whole file before the size limit could be applied.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request, Response, status
from fastapi.responses import StreamingResponse

from app.dependencies import Caller, Ctx, Cursor, Limit, UoW
from app.multipart import MultipartUpload
from app.schemas.attachments import UPLOAD_REQUEST_BODY, AttachmentOut
from app.schemas.common import Page, page_of, problem_responses
from app.services import attachments

router = APIRouter(prefix="/v1/tickets/{ticket_id}/attachments", tags=["attachments"])

# Boundaries, part headers and the `visibility` field: what a form adds to its file.
FORM_OVERHEAD_BYTES = 16 * 1024
_UPLOAD_PROBLEMS: dict[int | str, dict[str, Any]] = {
    **problem_responses(400, 401, 403, 404, 422),
    413: {
        **problem_responses(413)[413],
        "description": "The file is larger than the limit (`max_bytes`); nothing was kept",
    },
    415: {**problem_responses(415)[415], "description": "Not multipart/form-data"},
}
_DOWNLOAD: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The file, always as a download (`Content-Disposition: attachment`)",
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.get("", response_model=Page[AttachmentOut], responses=problem_responses(401, 404, 422))
async def list_attachments(
    ticket_id: uuid.UUID, caller: Caller, uow: UoW, limit: Limit = 50, cursor: Cursor = None
) -> Page[AttachmentOut]:
    """The case's attachments, oldest first. Customers and partners see public ones only."""
    page = await attachments.list_attachments(uow, caller, ticket_id, limit, cursor)
    return page_of(AttachmentOut, page)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=AttachmentOut,
    responses=_UPLOAD_PROBLEMS,
    openapi_extra={"requestBody": UPLOAD_REQUEST_BODY},
)
async def upload_attachment(
    ticket_id: uuid.UUID, request: Request, caller: Caller, uow: UoW, ctx: Ctx, response: Response
) -> AttachmentOut:
    """Upload a file (`multipart/form-data`: `file`, optional `visibility`). It is streamed
    to storage and refused with 413 as soon as it passes the size limit; its type is read
    from its content and its name sanitised."""
    form = MultipartUpload(request.stream(), request.headers.get("content-type", ""))
    row = await attachments.upload(
        uow,
        ctx,
        caller,
        ticket_id,
        form,
        declared_length=_content_length(request),
        form_overhead=FORM_OVERHEAD_BYTES,
    )
    response.headers["Location"] = f"/v1/tickets/{ticket_id}/attachments/{row.id}"
    return AttachmentOut.model_validate(row)


@router.get(
    "/{attachment_id}",
    response_class=StreamingResponse,
    responses={**_DOWNLOAD, **problem_responses(401, 404, 422)},
)
async def download_attachment(
    ticket_id: uuid.UUID, attachment_id: uuid.UUID, caller: Caller, uow: UoW, ctx: Ctx
) -> StreamingResponse:
    """The file's bytes, streamed, as a download; never served as a type a browser would
    render (HTML, SVG, … are `application/octet-stream`)."""
    found = await attachments.download(uow, ctx, caller, ticket_id, attachment_id)
    return StreamingResponse(
        found.body,
        media_type=found.content_type,
        headers={
            "Content-Disposition": found.content_disposition,
            "Content-Length": str(found.attachment.size),
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Cache-Control": "private, no-store",
        },
    )


def _content_length(request: Request) -> int | None:
    raw = request.headers.get("content-length")
    return int(raw) if raw is not None and raw.isdigit() else None
