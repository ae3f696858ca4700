"""Hand-written helpers shipped with the generated SupportDesk client.

Not generated: `make client` copies this module into `supportdesk_client/helpers.py`
after openapi-python-client has written the rest.

* `paginate` / `apaginate` walk every page of any list operation;
* `raise_for_problem` turns an RFC 9457 problem answer into an exception of its `type`
  (`NotFound`, `PreconditionFailed`, `RateLimited`, …; `ProblemError` for the rest);
* `TokenRefresh` is an `httpx.Auth` that refreshes the access token with the refresh
  token (OAuth2 `grant_type=refresh_token`) when it has expired, and `log_in` (or
  `alog_in` in async code) builds a client that uses it;
* `api_key_client` builds a client for a partner integration's `X-API-Key`.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncGenerator, AsyncIterator, Generator, Iterator
from typing import Any, Protocol

import httpx

from .client import Client
from .types import UNSET, Response

PROBLEM_BASE = "https://supportdesk.dev/problems/"


class ProblemError(Exception):
    """An RFC 9457 problem answered by the API: `type`, `title`, `status`, `detail`, and
    `errors` (field errors of a 422)."""

    def __init__(self, status: int, body: dict[str, Any], headers: httpx.Headers) -> None:
        self.status = status
        self.body = body
        self.headers = headers
        self.type: str = str(body.get("type", "about:blank"))
        self.slug = self.type.removeprefix(PROBLEM_BASE)
        self.title: str = str(body.get("title", ""))
        self.detail: str | None = body.get("detail")
        self.errors: list[dict[str, Any]] = list(body.get("errors") or [])
        self.request_id: str | None = body.get("request_id")
        super().__init__(f"{status} {self.slug}: {self.detail or self.title}")


class AuthenticationRequired(ProblemError):
    """401: log in again (or refresh the access token)."""


class Forbidden(ProblemError):
    """403: the caller may not do this (e.g. `must-use-partner-helpdesk`)."""


class NotFound(ProblemError):
    """404: missing, or not visible to the caller (the API answers both the same)."""


class Conflict(ProblemError):
    """409: the resource's state forbids it (e.g. `invalid-transition`)."""


class PreconditionFailed(ProblemError):
    """412: edited since you read it; `current_etag` is in `body`."""

    @property
    def current_etag(self) -> str | None:
        return self.body.get("current_etag")


class ValidationFailed(ProblemError):
    """422: `errors` names each field that is wrong."""


class RateLimited(ProblemError):
    """429: wait `retry_after` seconds."""

    @property
    def retry_after(self) -> int | None:
        value = self.headers.get("retry-after")
        return int(value) if value and value.isdigit() else None


# Problem `type`s with a class of their own; any other type maps by its HTTP status.
BY_TYPE: dict[str, type[ProblemError]] = {
    "precondition-failed": PreconditionFailed,
    "rate-limit-exceeded": RateLimited,
    "too-many-attempts": RateLimited,
    "validation-failed": ValidationFailed,
    "not-found": NotFound,
}
BY_STATUS: dict[int, type[ProblemError]] = {
    401: AuthenticationRequired,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    412: PreconditionFailed,
    422: ValidationFailed,
    429: RateLimited,
}


def raise_for_problem(response: Response[Any] | httpx.Response) -> None:
    """Raises the `ProblemError` subclass of a 4xx/5xx answer; returns on success.

    Works on a generated `..._detailed` answer and on a plain `httpx.Response`."""
    status = int(response.status_code)
    if status < 400:
        return
    try:
        body = json.loads(response.content or b"{}")
    except ValueError:
        body = {"title": "not a problem document", "detail": response.content[:200].decode()}
    if not isinstance(body, dict):
        body = {"detail": str(body)}
    slug = str(body.get("type", "")).removeprefix(PROBLEM_BASE)
    kind = BY_TYPE.get(slug) or BY_STATUS.get(status, ProblemError)
    raise kind(status, body, httpx.Headers(dict(response.headers)))


class _Page(Protocol):
    items: list[Any]
    next_cursor: Any


class _ListOperation(Protocol):
    """A generated list module, e.g. `supportdesk_client.api.tickets.list_tickets`."""

    def sync_detailed(self, *, client: Any, **kwargs: Any) -> Response[Any]: ...

    async def asyncio_detailed(self, *, client: Any, **kwargs: Any) -> Response[Any]: ...


def _next(response: Response[Any]) -> tuple[list[Any], Any]:
    raise_for_problem(response)
    page: _Page = response.parsed
    cursor = page.next_cursor
    return list(page.items), (cursor if cursor not in (None, UNSET) else None)


def paginate(operation: _ListOperation, *, client: Any, **params: Any) -> Iterator[Any]:
    """Every item of a list, page after page: `paginate(list_tickets, client=c, q="echo")`.
    Filters stay the same on every page (the API refuses a cursor used with others)."""
    cursor: Any = UNSET
    while True:
        items, cursor = _next(operation.sync_detailed(client=client, cursor=cursor, **params))
        yield from items
        if cursor is None:
            return


async def apaginate(operation: _ListOperation, *, client: Any, **params: Any) -> AsyncIterator[Any]:
    """`paginate` for `async for`."""
    cursor: Any = UNSET
    while True:
        response = await operation.asyncio_detailed(client=client, cursor=cursor, **params)
        items, cursor = _next(response)
        for item in items:
            yield item
        if cursor is None:
            return


class TokenRefresh(httpx.Auth):
    """Bearer authentication that renews itself: on a 401 it exchanges the refresh token
    for a new pair at the token endpoint (`grant_type=refresh_token`; refresh tokens
    rotate, so the new one is kept) and retries the request once."""

    def __init__(self, token_url: str, access_token: str, refresh_token: str) -> None:
        self.token_url = token_url
        self.access_token = access_token
        self.refresh_token = refresh_token
        self._lock = threading.Lock()
        self._async_lock: asyncio.Lock | None = None

    def _refresh_request(self) -> httpx.Request:
        return httpx.Request(
            "POST",
            self.token_url,
            data={"grant_type": "refresh_token", "refresh_token": self.refresh_token},
        )

    def _keep(self, response: httpx.Response) -> None:
        raise_for_problem(response)
        tokens = response.json()
        self.access_token = tokens["access_token"]
        self.refresh_token = tokens["refresh_token"]

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        sent_with = self.access_token
        request.headers["Authorization"] = f"Bearer {sent_with}"
        response = yield request
        if response.status_code != 401:
            return
        with self._lock:  # one refresh at a time: a reused refresh token revokes the login
            if self.access_token == sent_with:
                refreshed = yield self._refresh_request()
                refreshed.read()
                self._keep(refreshed)
        request.headers["Authorization"] = f"Bearer {self.access_token}"
        yield request

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        sent_with = self.access_token
        request.headers["Authorization"] = f"Bearer {sent_with}"
        response = yield request
        if response.status_code != 401:
            return
        if self._async_lock is None:
            self._async_lock = asyncio.Lock()
        async with self._async_lock:
            if self.access_token == sent_with:
                refreshed = yield self._refresh_request()
                await refreshed.aread()
                self._keep(refreshed)
        request.headers["Authorization"] = f"Bearer {self.access_token}"
        yield request


def log_in(base_url: str, email: str, password: str, **client_args: Any) -> Client:
    """A client for a person: logs in with the password grant, then keeps itself logged in
    with `TokenRefresh`."""
    base = base_url.rstrip("/")
    answer = httpx.post(
        f"{base}/v1/auth/token",
        data={"grant_type": "password", "username": email, "password": password},
    )
    raise_for_problem(answer)
    tokens = answer.json()
    auth = TokenRefresh(f"{base}/v1/auth/token", tokens["access_token"], tokens["refresh_token"])
    httpx_args = {**client_args.pop("httpx_args", {}), "auth": auth}
    return Client(base_url=base, httpx_args=httpx_args, **client_args)


async def alog_in(base_url: str, email: str, password: str, **client_args: Any) -> Client:
    """`log_in` without blocking an event loop."""
    base = base_url.rstrip("/")
    async with httpx.AsyncClient() as http:
        answer = await http.post(
            f"{base}/v1/auth/token",
            data={"grant_type": "password", "username": email, "password": password},
        )
    raise_for_problem(answer)
    tokens = answer.json()
    auth = TokenRefresh(f"{base}/v1/auth/token", tokens["access_token"], tokens["refresh_token"])
    httpx_args = {**client_args.pop("httpx_args", {}), "auth": auth}
    return Client(base_url=base, httpx_args=httpx_args, **client_args)


def api_key_client(base_url: str, api_key: str, **client_args: Any) -> Client:
    """A client for a partner integration, authenticated by its `X-API-Key`."""
    headers = {**client_args.pop("headers", {}), "X-API-Key": api_key}
    return Client(base_url=base_url.rstrip("/"), headers=headers, **client_args)
