"""Attachment use cases (SPEC 4): upload streamed to storage, list, download.

The bytes never sit in memory whole: they flow from the request to storage in chunks,
counted on the way, and the upload is refused (its partial file deleted) as soon as the
limit is passed. The type is sniffed from the first bytes; the name is sanitised.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol

from app.db.models import Attachment
from app.db.repositories.pagination import Page
from app.db.session import UnitOfWork
from app.domain import attachments as rules
from app.domain import comments as visibility_rules
from app.domain.actors import Actor
from app.domain.errors import NotFound
from app.domain.ids import new_id
from app.integrations.storage import Storage, storage_for
from app.services import ticket_changes, tickets
from app.services.context import ServiceContext
from app.services.ticket_changes import Change


class Upload(Protocol):
    """One uploaded file as the HTTP layer hands it on (`app.multipart.MultipartUpload`)."""

    async def file(self) -> str: ...

    def chunks(self) -> AsyncIterator[bytes]: ...

    async def finish(self) -> dict[str, str]: ...


@dataclass(frozen=True, slots=True)
class Download:
    attachment: Attachment
    content_type: str
    content_disposition: str
    body: AsyncIterator[bytes]


def storage(ctx: ServiceContext) -> Storage:
    return storage_for(ctx.settings.storage_dir)


async def list_attachments(
    uow: UnitOfWork, actor: Actor, ticket_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[Any]:
    await uow.tickets.ticket(ticket_id, actor.scope)
    include_internal = visibility_rules.sees_internal(actor)
    return await uow.tickets.attachments(ticket_id, include_internal, limit, cursor)


class _Sniffer:
    """Counts the bytes on their way to storage, keeps the first few for sniffing, and
    stops the stream once the limit is passed."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.head = b""

    async def wrap(self, chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
        async for chunk in chunks:
            self.size += len(chunk)
            rules.check_size(self.size, self.limit)
            if len(self.head) < rules.SNIFF_BYTES:
                self.head += chunk[: rules.SNIFF_BYTES - len(self.head)]
            yield chunk


async def upload(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket_id: uuid.UUID,
    source: Upload,
    *,
    declared_length: int | None = None,
    form_overhead: int = 0,
    channel: str | None = None,
) -> Attachment:
    """Streams the file to storage, then records it, audits it and commits.

    `declared_length` (the request's Content-Length, if any) refuses an oversized upload
    before a byte is read; the count while streaming refuses the rest. `channel` is given
    by the e-mail gateway (`email`); through the API it is `portal` or `api`. Give it a
    fresh unit of work: it ends the open transaction before streaming.
    """
    await uow.tickets.ticket(ticket_id, actor.scope)  # 404 before a byte is read
    limit = ctx.settings.attachment_max_bytes
    if rules.declared_length_too_large(declared_length, limit, form_overhead):
        raise rules.AttachmentTooLarge(limit)
    # End the read transaction before the (possibly long) upload: no lock is held while
    # bytes arrive (SQLite takes its write lock at BEGIN).
    await uow.rollback()
    store = storage(ctx)
    attachment_id = new_id()
    key = f"tickets/{ticket_id}/{attachment_id}"
    filename = rules.sanitise_filename(await source.file())
    sniffer = _Sniffer(limit)
    stored = await store.save(sniffer.wrap(source.chunks()), key)
    try:
        fields = await source.finish()
        visibility = visibility_rules.check_may_write(
            actor, visibility_rules.parse_visibility(fields.get("visibility"))
        )
        ticket = await uow.tickets.ticket(ticket_id, actor.scope, lock=True)
        now = ctx.now()
        row = Attachment(
            id=attachment_id,
            ticket_id=ticket.id,
            filename=filename,
            content_type=rules.sniff_content_type(sniffer.head),
            size=stored.size,
            sha256=stored.sha256,
            storage_key=key,
            visibility=visibility.value,
            uploaded_by=actor.user_id,
            uploaded_role=actor.role.value,
            created_at=now,
        )
        uow.tickets.add(row)
        await ticket_changes.record(
            uow,
            Change.ATTACHMENT_ADDED,
            ticket,
            actor,
            now,
            channel=channel or tickets.request_channel(actor),
            after={
                "attachment_id": row.id,
                "filename": row.filename,
                "content_type": row.content_type,
                "size": row.size,
                "sha256": row.sha256,
                "visibility": visibility,
            },
            internal=visibility is not visibility_rules.Visibility.PUBLIC,
        )
        await uow.commit()
    except BaseException:
        await store.delete(key)  # an object no row points at is never kept
        raise
    return row


async def download(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    ticket_id: uuid.UUID,
    attachment_id: uuid.UUID,
) -> Download:
    """The stored bytes, always as a download, never as a type a browser would render."""
    await uow.tickets.ticket(ticket_id, actor.scope)
    row = await uow.tickets.attachment(ticket_id, attachment_id)
    if row is None or (
        row.visibility == visibility_rules.Visibility.INTERNAL
        and not visibility_rules.sees_internal(actor)
    ):
        raise NotFound(f"attachment {attachment_id} was not found")
    body = await _opened(storage(ctx), row)
    return Download(
        row,
        rules.served_content_type(row.content_type),
        rules.content_disposition(row.filename),
        body,
    )


async def _opened(store: Storage, row: Attachment) -> AsyncIterator[bytes]:
    """Opens the object now, so a missing one answers 404 rather than a broken body."""
    chunks = store.open(row.storage_key)
    try:
        first = await anext(chunks)
    except StopAsyncIteration:
        first = b""
    except FileNotFoundError:
        raise NotFound(f"the content of attachment {row.id} is missing") from None

    async def rest() -> AsyncIterator[bytes]:
        if first:
            yield first
        async for chunk in chunks:
            yield chunk

    return rest()
