"""`Idempotency-Key` on every POST (SPEC 6), as pure ASGI middleware.

A retry with the same key and request, by the same caller, answers the first response
(with `Idempotent-Replayed: true`) and runs nothing; the same key with another request is
a 422. Concurrent twins run once: the first claims the key, the others wait for its answer.

One transaction per keyed request — the request's only one: authentication, the claim,
the use case's rows and the stored answer share one unit of work, held by this
middleware (`UnitOfWork.hold`), commit together, and the answer is sent only after that
COMMIT returned. So after a crash
at any point (the server killed, the connection lost) a retry either replays the
committed answer or runs the request again — never both, and never stuck "in progress".
What can therefore never happen twice for one key: every row the use case writes (a
ticket, its tracking number, audit events, outbox rows — hence acknowledgement e-mails
and webhooks, which the worker sends from those rows once). What may happen again on a
retry after a crash is only what leaves no committed trace: bytes of an upload written
to storage before the transaction rolled back (an orphan file nobody references).

Only a success (below 400) is remembered. A refusal (4xx) commits what the use case
committed (a counted login attempt: `UnitOfWork.kept_on_refusal`) but frees the key, so
the corrected request runs; a refusal that committed nothing, and a server error, roll
everything back (the claim too), so a retry runs again.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from typing import Any

from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import problems
from app.db.errors import unavailable
from app.db.session import SCOPE_KEY, Database, UnitOfWork
from app.domain.errors import DatabaseUnavailable, DomainError
from app.domain.idempotency import (
    MAX_KEY_LENGTH,
    check_key,
    fingerprint,
    should_remember,
)
from app.services import idempotency
from app.services.context import ServiceContext

HEADER = "Idempotency-Key"
REPLAYED_HEADER = b"idempotent-replayed"
log = logging.getLogger("supportdesk.idempotency")


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp, db: Database, ctx: ServiceContext) -> None:
        self.app = app
        self.db = db
        self.ctx = ctx
        # Uploads are the largest bodies we take; form overhead on top.
        self.body_limit = ctx.settings.attachment_max_bytes + IN_MEMORY

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        key = headers.get(HEADER)
        if key is None:
            await self.app(scope, receive, send)
            return
        uow = self.db.unit_of_work()
        try:
            await self._keyed(uow, headers, key, scope, receive, send)
        except BaseException as exc:
            await uow.close(broken=not isinstance(exc, Exception))
            raise
        await uow.close()

    async def _keyed(
        self,
        uow: UnitOfWork,
        headers: Headers,
        key: str,
        scope: Scope,
        receive: Receive,
        send: Send,
    ) -> None:
        try:
            check_key(key)
            body, receive = await _buffered(receive, self.body_limit)
            uow.hold()  # authentication's bookkeeping commits with the rest
            await idempotency.wait_at_most(uow, self.ctx)
            principal = await idempotency.principal_of(
                uow, self.ctx, api_key=headers.get("x-api-key"), bearer=_bearer(headers)
            )
            if principal is None:  # wrong credentials: the endpoint answers 401
                await uow.close()
                await self.app(scope, receive, send)
                return
            query = scope.get("query_string", b"").decode("latin-1")
            request = fingerprint("POST", scope["path"], query, body)
            outcome = await idempotency.begin(uow, self.ctx, principal, key, request)
        except Exception as exc:
            await _problem(scope, _as_domain_error(exc))(scope, receive, send)
            return
        if isinstance(outcome, idempotency.StoredResponse):
            await uow.close()
            await _replay(outcome, send)
        else:
            await self._run_once(uow, scope, receive, send, outcome)

    async def _run_once(
        self,
        uow: UnitOfWork,
        scope: Scope,
        receive: Receive,
        send: Send,
        claim: idempotency.Claimed,
    ) -> None:
        """Runs the app in the claim's transaction; holds its answer back until COMMIT."""
        status = 500
        headers: list[tuple[str, str]] = []
        held: list[Message] = []

        async def capture(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = _decoded(message["headers"])
            held.append(message)

        scope[SCOPE_KEY] = uow
        try:
            await self.app(scope, receive, capture)
        finally:
            del scope[SCOPE_KEY]
        try:
            if uow.spoiled and should_remember(status):
                # The use case rolled its transaction back and still answered success:
                # what it did is not what would be stored. Never the case today.
                raise DatabaseUnavailable("the request was not recorded: retry it")
            if should_remember(status):
                body = b"".join(
                    m.get("body", b"") for m in held if m["type"] == "http.response.body"
                )
                stored = idempotency.StoredResponse(status, headers, body)
                await idempotency.complete(uow, self.ctx, claim, stored)
            elif status < 500 and uow.kept_on_refusal:
                await idempotency.release(uow, claim)
            # else (a server error, or a refusal that wrote nothing to keep): nothing
            # commits, the claim is rolled back with the rest and the key stays free
        except Exception as exc:
            # The COMMIT's fate is unknown to us: the retry learns it (replay or run).
            log.warning("the answer of a keyed request could not be committed: %s", exc)
            lost = DatabaseUnavailable("the request may not have been recorded: retry it")
            await _problem(scope, exc if isinstance(exc, DomainError) else lost)(
                scope, receive, send
            )
            return
        for message in held:
            await send(message)


def _as_domain_error(exc: Exception) -> DomainError:
    if isinstance(exc, DomainError):
        return exc
    lost = unavailable(exc)
    if lost is None:
        raise exc
    return lost


IN_MEMORY = 1 << 20  # bodies up to 1 MiB are kept in memory and compared as JSON
CHUNK = 64 * 1024


class BodyTooLarge(DomainError):
    type_slug = "payload-too-large"
    status = 413
    title = "The request body is too large"


async def _buffered(receive: Receive, limit: int) -> tuple[bytes, Receive]:
    """Spools the body (to compare it) and hands the app a `receive` that replays it.

    Memory stays bounded: past 1 MiB the body goes to a temporary file and is compared
    by its SHA-256; past `limit` the request is refused before the app sees it.
    """
    spool = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY)  # noqa: SIM115 (closed on replay)
    digest = hashlib.sha256()
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            spool.close()
            raise BodyTooLarge(f"the request body exceeds {limit} bytes")
        digest.update(chunk)
        spool.write(chunk)
        more = message.get("more_body", False)
    spool.seek(0)
    compared = spool.read() if size <= IN_MEMORY else b"sha256:" + digest.hexdigest().encode()
    spool.seek(0)

    async def replay() -> Message:
        if spool.closed:
            return await receive()
        chunk = spool.read(CHUNK)
        last = spool.tell() >= size
        if last:
            spool.close()
        return {"type": "http.request", "body": chunk, "more_body": not last}

    return compared, replay


def _decoded(raw: list[tuple[bytes, bytes]]) -> list[tuple[str, str]]:
    return [(k.decode("latin-1"), v.decode("latin-1")) for k, v in raw]


def _bearer(headers: Headers) -> str | None:
    scheme, _, token = headers.get("authorization", "").partition(" ")
    return (token.strip() or None) if scheme.lower() == "bearer" else None


async def _replay(stored: idempotency.StoredResponse, send: Send) -> None:
    raw = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in stored.headers]
    raw.append((REPLAYED_HEADER, b"true"))
    await send({"type": "http.response.start", "status": stored.status, "headers": raw})
    await send({"type": "http.response.body", "body": stored.body})


def _problem(scope: Scope, exc: DomainError) -> Any:
    retry_after = getattr(exc, "retry_after_seconds", None)
    return problems.problem(
        Request(scope),
        exc.status,
        exc.type_slug,
        exc.detail,
        title=exc.title,
        headers=None if retry_after is None else {"Retry-After": str(retry_after)},
        **exc.extra,
    )


PARAMETER = {
    "name": HEADER,
    "in": "header",
    "required": False,
    "description": (
        "Makes a retry safe: the same key with the same request answers the first "
        "response and creates nothing new (per caller; remembered 24 h by default)."
    ),
    "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH},
    "example": "5f0c6a36-1f7e-4c55-9a8e-2f4e1e0b7c1d",
}
_PROBLEMS = {
    "409": "A request with this Idempotency-Key is still in progress",
    "422": "Validation failed: `errors` names each field",
}


def document(schema: dict[str, Any]) -> None:
    """Adds the optional header, and the problems it may cause, to every POST."""
    for item in schema.get("paths", {}).values():
        operation = item.get("post")
        if operation is None:
            continue
        parameters = operation.setdefault("parameters", [])
        if not any(p.get("name") == HEADER for p in parameters):
            parameters.append(dict(PARAMETER))
        responses = operation.setdefault("responses", {})
        for status, description in _PROBLEMS.items():
            responses.setdefault(
                status,
                {
                    "description": description,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Problem"}},
                        "application/problem+json": {},
                    },
                },
            )


def install(app: FastAPI, db: Database, ctx: ServiceContext) -> None:
    """The middleware; `document` adds the header to the OpenAPI document (app.openapi)."""
    app.add_middleware(IdempotencyMiddleware, db=db, ctx=ctx)
