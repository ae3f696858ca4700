"""Idempotency-Key use cases (SPEC 6): claim a key, wait for a concurrent twin, remember
or release the first answer. Each step is its own short transaction, committed at once,
so a claim is visible to every other request before the work starts."""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import IntegrityError

from app.db.session import Database, UnitOfWork
from app.domain.errors import DomainError
from app.domain.idempotency import ANONYMOUS, IdempotencyKeyInProgress, IdempotencyKeyReused
from app.services import accounts
from app.services.context import ServiceContext
from app.services.sealing import seal, unseal

RESPONSE_PURPOSE = "idempotent-response"
_FIRST_POLL_SECONDS = 0.02
_MAX_POLL_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class Claimed:
    """The key is ours: run the request, then `complete` or `release`."""

    record_id: uuid.UUID


@dataclass(frozen=True, slots=True)
class StoredResponse:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


async def principal_of(
    db: Database, ctx: ServiceContext, *, api_key: str | None, bearer: str | None
) -> str | None:
    """Whose key space: the user or the API key (a refreshed token is the same user);
    `anonymous` without credentials; None when the credentials are wrong (the endpoint
    answers 401 itself, and nothing is remembered)."""
    if not api_key and not bearer:
        return ANONYMOUS
    async with db.unit_of_work() as uow:
        try:
            if api_key:  # the same precedence as the `Caller` dependency
                actor = await accounts.actor_from_api_key(uow, ctx, api_key)
                return f"api-key:{actor.api_key_id}"
            assert bearer is not None
            actor = await accounts.actor_from_access_token(uow, ctx, bearer)
            return f"user:{actor.user_id}"
        except DomainError:
            return None


async def begin(
    db: Database, ctx: ServiceContext, principal: str, key: str, fingerprint: str
) -> Claimed | StoredResponse:
    """Claims the key, or answers the stored first response. While a twin request holds
    the key, waits (bounded) for it to finish."""
    deadline = time.monotonic() + ctx.settings.idempotency_wait_seconds
    pause = _FIRST_POLL_SECONDS
    while True:
        async with db.unit_of_work() as uow:
            outcome = await _claim_or_replay(uow, ctx, principal, key, fingerprint)
        if outcome is not None:
            return outcome
        if time.monotonic() >= deadline:
            raise IdempotencyKeyInProgress(
                "a request with this Idempotency-Key is still in progress: retry later"
            )
        await asyncio.sleep(pause)
        pause = min(pause * 2, _MAX_POLL_SECONDS)


async def _claim_or_replay(
    uow: UnitOfWork, ctx: ServiceContext, principal: str, key: str, fingerprint: str
) -> Claimed | StoredResponse | None:
    """None while another request holds the key."""
    now = ctx.now()
    expires_at = now + timedelta(hours=ctx.settings.idempotency_key_hours)
    repo = uow.idempotency
    for _ in range(3):  # the holder may be released or expire between our two statements
        record_id = repo.add_claim(principal, key, fingerprint, now, expires_at)
        try:
            await uow.commit()
            return Claimed(record_id)
        except IntegrityError:
            await uow.rollback()
        existing = await repo.find(principal, key)
        await uow.rollback()  # end the read: the next poll must see newer commits
        if existing is None:
            continue
        if existing.expires_at <= now:
            await repo.remove_expired(existing.id, now)
            await uow.commit()
            continue
        if existing.fingerprint != fingerprint:
            raise IdempotencyKeyReused(
                "this Idempotency-Key was used for a different request: use a new key"
            )
        if existing.response_status is None or existing.response_body is None:
            return None
        body = unseal(ctx.settings, RESPONSE_PURPOSE, existing.response_body)
        headers = [(name, value) for name, value in existing.response_headers or []]
        return StoredResponse(existing.response_status, headers, body)
    return None


async def complete(
    db: Database, ctx: ServiceContext, claim: Claimed, response: StoredResponse
) -> None:
    """Remembers the first answer; sealed, since it may carry a secret shown once."""
    body = seal(ctx.settings, RESPONSE_PURPOSE, response.body)
    headers = [[name, value] for name, value in response.headers]
    async with db.unit_of_work() as uow:
        await uow.idempotency.complete(claim.record_id, response.status, headers, body, ctx.now())
        await uow.commit()


async def release(db: Database, claim: Claimed) -> None:
    """Forgets the claim: the request did not happen for good, a retry may run it."""
    async with db.unit_of_work() as uow:
        await uow.idempotency.release(claim.record_id)
        await uow.commit()
