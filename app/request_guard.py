"""The edge of every request (issue 11.4, 11.8), as pure ASGI middleware, before routing.

* **Body size.** A body over `request_body_max_bytes` is refused with 413: at once when its
  `Content-Length` says so (nothing is read), otherwise as soon as the stream passes the
  cap (chunked bodies). Uploads to the routes that take `multipart/form-data` keep their
  own limit: they are streamed and capped by `app.multipart` and the attachment service.
* **Text is text.** NUL and lone surrogates mean nothing in any field of ours, and
  PostgreSQL cannot store them: found in the path, the query, a form or a JSON body (at
  any depth, keys included), they are a 422 naming the field, for every route at once.
  Numbers and instants are bounded by their types (`app.schemas.common`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qsl

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import problems

NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
# Cheap tests on the raw bytes before anything is decoded: a JSON escape of NUL or of a
# surrogate (a valid pair is decoded and passes), a percent-encoded or raw NUL.
_JSON_SUSPECT = re.compile(rb"\\u(?:0000|[dD][89a-fA-F])")
_URL_SUSPECT = re.compile(rb"%00|\x00")
NOT_TEXT_MSG = "NUL characters and lone surrogates are not allowed"
NOT_TEXT_TYPE = "string_not_text"
Loc = tuple[str | int, ...]
_BODILESS = frozenset({"GET", "HEAD"})


class RequestGuardMiddleware:
    def __init__(
        self, app: ASGIApp, max_body_bytes: int, document: Callable[[], dict[str, Any]]
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.document = document  # the OpenAPI document: which paths take uploads
        self._paths: list[tuple[re.Pattern[str], frozenset[str]]] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        errors = list(_url_errors(scope, self.paths()))
        if errors:
            await _refuse_text(scope, errors, send)
            return
        content_type = headers.get("content-type", "")
        if content_type.startswith("multipart/form-data") and self._is_upload(scope):
            await self.app(scope, receive, send)
            return
        declared = headers.get("content-length", "")
        if scope["method"] in _BODILESS and not declared and "transfer-encoding" not in headers:
            # A read without a body (RFC 9112 6.3): nothing to read, check or replay.
            await self.app(scope, receive, send)
            return
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._too_large(scope, send)
            return
        body = await _read(receive, self.max_body_bytes)
        if body is None:
            await self._too_large(scope, send)
            return
        errors = list(_body_errors(content_type, body))
        if errors:
            await _refuse_text(scope, errors, send)
            return
        await self.app(scope, _replay(body, receive), send)

    def paths(self) -> list[tuple[re.Pattern[str], frozenset[str]]]:
        """Each documented path's pattern, with the methods that take multipart uploads."""
        if self._paths is None:
            paths = []
            for template, item in self.document().get("paths", {}).items():
                uploads = frozenset(
                    method.upper()
                    for method, op in item.items()
                    if "multipart/form-data" in op.get("requestBody", {}).get("content", {})
                )
                paths.append((compile_path(template)[0], uploads))
            self._paths = paths
        return self._paths

    def _is_upload(self, scope: Scope) -> bool:
        return any(
            scope["method"] in uploads and pattern.match(scope["path"])
            for pattern, uploads in self.paths()
        )

    async def _too_large(self, scope: Scope, send: Send) -> None:
        response = problems.problem(
            Request(scope),
            413,
            "payload-too-large",
            f"the request body exceeds {self.max_body_bytes} bytes",
            title="The request body is too large",
            headers={"Connection": "close"},
        )
        await response(scope, _nothing, send)


async def _read(receive: Receive, limit: int) -> bytes | None:
    """The whole body, or None once it passes `limit` (the rest is never read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()  # a disconnect, for whoever listens for it
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return replay


async def _nothing() -> Message:
    return {"type": "http.disconnect"}


def _url_errors(
    scope: Scope, paths: list[tuple[re.Pattern[str], frozenset[str]]]
) -> Iterator[tuple[Loc, str]]:
    if NOT_TEXT.search(scope["path"]):
        yield from _path_errors(scope["path"], paths)
    yield from _form_errors(scope.get("query_string", b""), "query")


def _path_errors(
    path: str, paths: list[tuple[re.Pattern[str], frozenset[str]]]
) -> Iterator[tuple[Loc, str]]:
    """Names the path parameter that holds the NUL, when a documented path matches."""
    for pattern, _ in paths:
        if match := pattern.match(path):
            for name, value in match.groupdict().items():
                if NOT_TEXT.search(value):
                    yield ("path", name), NOT_TEXT_MSG
            return
    yield ("path",), NOT_TEXT_MSG


def _form_errors(raw: bytes, where: str) -> Iterator[tuple[Loc, str]]:
    if not _URL_SUSPECT.search(raw):
        return
    for name, value in parse_qsl(raw.decode("latin-1"), keep_blank_values=True):
        if "\x00" in name or "\x00" in value:
            yield (where, NOT_TEXT.sub("?", name)), NOT_TEXT_MSG


def _body_errors(content_type: str, body: bytes) -> Iterator[tuple[Loc, str]]:
    if content_type.startswith("application/x-www-form-urlencoded"):
        yield from _form_errors(body, "body")
    elif _JSON_SUSPECT.search(body):
        try:
            document = json.loads(body)
        except ValueError:
            return  # not JSON after all: the route answers for its own body
        for loc in _strings_not_text(document, ("body",)):
            yield loc, NOT_TEXT_MSG


def _strings_not_text(value: Any, loc: Loc) -> Iterator[Loc]:
    if isinstance(value, str):
        if NOT_TEXT.search(value):
            yield loc
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings_not_text(item, (*loc, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            if NOT_TEXT.search(key):
                yield (*loc, NOT_TEXT.sub("?", key))
            else:
                yield from _strings_not_text(item, (*loc, key))


async def _refuse_text(scope: Scope, errors: list[tuple[Loc, str]], send: Send) -> None:
    response = problems.validation_failed(
        Request(scope),
        [{"loc": loc, "msg": msg, "type": NOT_TEXT_TYPE} for loc, msg in errors],
    )
    await response(scope, _nothing, send)
