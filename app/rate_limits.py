"""Rate limits per API key, per signed-in user and per anonymous client address (SPEC 8).

Every answer announces the caller's budget with the IETF `RateLimit-Policy` and
`RateLimit` fields (draft-ietf-httpapi-ratelimit-headers); past it the answer is 429
with `Retry-After`. The counters live in Redis when `SUPPORTDESK_REDIS_URL` is set, so
several API processes share one budget, and in memory otherwise (one process).
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.aio.storage import MemoryStorage, RedisStorage, Storage
from limits.aio.strategies import FixedWindowRateLimiter
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.domain.clock import Clock
from app.domain.errors import DomainError
from app.problems import problem
from app.services.jwt_tokens import decode_access_token
from app.settings import Settings

# Probes and scrapes are not callers' requests: a load balancer must never be throttled.
EXEMPT_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})

log = logging.getLogger("supportdesk.rate_limits")


@dataclass(frozen=True, slots=True)
class Budget:
    """Whose budget a request spends, and under which policy."""

    policy: str
    key: str
    item: RateLimitItem


def storage_for(settings: Settings) -> Storage:
    if settings.redis_url:
        url = settings.redis_url.replace("redis://", "async+redis://", 1)
        return RedisStorage(url, implementation="redispy")
    return MemoryStorage()


class RateLimitMiddleware:
    """Pure ASGI: counts the request against its budget before the route runs."""

    def __init__(self, app: ASGIApp, settings: Settings, clock: Clock) -> None:
        self.app = app
        self.settings = settings
        self.clock = clock
        self.limiter = FixedWindowRateLimiter(storage_for(settings))
        self.authenticated = parse(settings.rate_limit)
        self.anonymous = parse(settings.rate_limit_anonymous)

    def budget(self, scope: Scope) -> Budget:
        headers = dict(scope["headers"])
        api_key = headers.get(b"x-api-key", b"")
        if api_key:
            digest = hashlib.sha256(api_key).hexdigest()[:32]
            return Budget("api-key", f"key:{digest}", self.authenticated)
        authorization = headers.get(b"authorization", b"").decode("latin-1")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token:
            try:
                claims = decode_access_token(self.settings, token.strip(), self.clock.now())
                return Budget("user", f"user:{claims.user_id}", self.authenticated)
            except DomainError:
                pass  # a bad token is the route's 401; until then it counts as anonymous
        client = scope.get("client")
        address = client[0] if client else "unknown"
        return Budget("anonymous", f"addr:{address}", self.anonymous)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT_PATHS or scope["method"] == "OPTIONS":
            await self.app(scope, receive, send)
            return
        budget = self.budget(scope)
        prefix = self.settings.rate_limit_key_prefix
        try:
            allowed = await self.limiter.hit(budget.item, prefix, budget.key)
            stats = await self.limiter.get_window_stats(budget.item, prefix, budget.key)
        except Exception:  # a lost counter store must not take the API down
            log.warning("rate-limit store unavailable; request not counted", exc_info=True)
            await self.app(scope, receive, send)
            return
        # `limits` counts windows on the wall clock, so the reset is read against it too.
        reset = max(0, int(stats.reset_time - time.time() + 0.999))
        window = budget.item.get_expiry()
        fields = [
            (
                b"ratelimit-policy",
                f'"{budget.policy}";q={budget.item.amount};w={window}'.encode(),
            ),
            (b"ratelimit", f'"{budget.policy}";r={stats.remaining};t={reset}'.encode()),
        ]
        if not allowed:
            response = problem(
                Request(scope),
                429,
                "rate-limit-exceeded",
                f"the {budget.policy} budget of {budget.item.amount} requests per "
                f"{window} s is spent; retry after {reset} s",
                title="Rate limit exceeded",
                headers={"Retry-After": str(max(reset, 1))},
            )
            response.raw_headers.extend(fields)
            await response(scope, receive, send)
            return

        async def send_with_fields(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *fields]
            await send(message)

        await self.app(scope, receive, send_with_fields)
