"""Idempotency-Key use cases (SPEC 6): claim a key, answer a stored first response, or
remember the answer of the request that ran.

The claim, the use case and the stored answer are ONE transaction (the request's held
unit of work): they commit together or not at all. A twin waits on the claim row's
unique index for the holder's transaction to end, never on a committed "in progress"
marker, so a crash (the server killed, the connection lost) can leave nothing stuck:
the database rolls the holder's transaction back and the retry runs.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from app.db.repositories.idempotency import KeyHeldElsewhere
from app.db.session import UnitOfWork
from app.domain.errors import DomainError
from app.domain.idempotency import ANONYMOUS, IdempotencyKeyInProgress, IdempotencyKeyReused
from app.services import accounts
from app.services.context import ServiceContext
from app.services.sealing import seal, unseal

RESPONSE_PURPOSE = "idempotent-response"


@dataclass(frozen=True, slots=True)
class Claimed:
    """The key is ours, in this transaction: run the request, then `complete` or `release`."""

    record_id: uuid.UUID


@dataclass(frozen=True, slots=True)
class StoredResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


async def wait_at_most(uow: UnitOfWork, ctx: ServiceContext) -> None:
    """Before the first statement: how long this request may queue behind a twin."""
    try:
        await uow.idempotency.wait_at_most(ctx.settings.idempotency_wait_seconds)
    except KeyHeldElsewhere:
        raise _in_progress() from None


async def principal_of(
    uow: UnitOfWork, ctx: ServiceContext, *, api_key: str | None, bearer: str | None
) -> str | None:
    """Whose key space: the user or the API key (a refreshed token is the same user);
    `anonymous` without credentials; None when the credentials are wrong (the endpoint
    answers 401 itself, and nothing is remembered)."""
    if not api_key and not bearer:
        return ANONYMOUS
    try:
        actor = await accounts.authenticate(uow, ctx, api_key=api_key, token=bearer)
    except DomainError:
        return None
    return f"api-key:{actor.api_key_id}" if actor.api_key_id else f"user:{actor.user_id}"


async def begin(
    uow: UnitOfWork, ctx: ServiceContext, principal: str, key: str, fingerprint: str
) -> Claimed | StoredResponse:
    """Claims the key in `uow`'s transaction, or answers the stored first response.

    While a twin's transaction holds the key, waits (bounded) for it to end.
    """
    now = ctx.now()
    expires_at = now + timedelta(hours=ctx.settings.idempotency_key_hours)
    try:
        claimed = await uow.idempotency.claim(
            principal,
            key,
            fingerprint,
            now,
            expires_at,
            wait_seconds=ctx.settings.idempotency_wait_seconds,
        )
    except KeyHeldElsewhere:
        raise _in_progress() from None
    if isinstance(claimed, uuid.UUID):
        uow.use_case_starts()
        return Claimed(claimed)
    if claimed.fingerprint != fingerprint:
        raise IdempotencyKeyReused(
            "this Idempotency-Key was used for a different request: use a new key"
        )
    assert claimed.response_status is not None and claimed.response_body is not None
    body = unseal(ctx.settings, RESPONSE_PURPOSE, claimed.response_body)
    headers = [(name, value) for name, value in claimed.response_headers or []]
    return StoredResponse(claimed.response_status, headers, body)


async def complete(
    uow: UnitOfWork, ctx: ServiceContext, claim: Claimed, response: StoredResponse
) -> None:
    """Stores the first answer and commits it with the use case's rows; sealed, since it
    may carry a secret shown once."""
    body = seal(ctx.settings, RESPONSE_PURPOSE, response.body)
    headers = [[name, value] for name, value in response.headers]
    await uow.idempotency.complete(claim.record_id, response.status, headers, body, ctx.now())
    await uow.finish()


async def release(uow: UnitOfWork, claim: Claimed) -> None:
    """Forgets the claim and commits what the use case committed (a refusal may count an
    attempt): the request did not happen for good, a corrected retry runs."""
    await uow.idempotency.release(claim.record_id)
    await uow.finish()


def _in_progress() -> IdempotencyKeyInProgress:
    return IdempotencyKeyInProgress(
        "a request with this Idempotency-Key is still in progress: retry later"
    )
