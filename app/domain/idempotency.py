"""Idempotency-Key rules (SPEC 6): a retried POST answers the first result, once."""

from __future__ import annotations

import hashlib
import json

from app.domain.errors import Conflict, DomainError

MAX_KEY_LENGTH = 200
ANONYMOUS = "anonymous"


class IdempotencyKeyInvalid(DomainError):
    type_slug = "idempotency-key-invalid"
    status = 422
    title = "The Idempotency-Key header is not valid"


class IdempotencyKeyReused(DomainError):
    """One key names one request: the same key with another request is a client bug."""

    type_slug = "idempotency-key-reused"
    status = 422
    title = "The Idempotency-Key was used for a different request"


class IdempotencyKeyInProgress(Conflict):
    type_slug = "idempotency-key-in-progress"
    title = "A request with this Idempotency-Key is still in progress"


def check_key(key: str) -> str:
    if not 1 <= len(key) <= MAX_KEY_LENGTH or not key.isprintable():
        raise IdempotencyKeyInvalid(
            f"the Idempotency-Key must be 1 to {MAX_KEY_LENGTH} printable characters"
        )
    return key


def fingerprint(method: str, path: str, query: str, body: bytes) -> str:
    """What makes two requests "the same": method, path, query and body. A JSON body is
    compared by content, so a client that re-serialises it differently still matches."""
    try:
        canonical = json.dumps(json.loads(body), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, UnicodeDecodeError):
        canonical = body
    digest = hashlib.sha256()
    for part in (method.upper().encode(), path.encode(), query.encode(), canonical):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def should_remember(status: int) -> bool:
    """Only a success is the request's one result. A refusal (any 4xx: a 422, a 409, a
    throttled 429) did not happen for good, so the corrected request with the same key
    runs; a server error neither, so a retry runs again."""
    return status < 400
