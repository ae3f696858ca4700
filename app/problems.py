"""Every error becomes an RFC 9457 problem document, mapped here once (SPEC 8)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from app.db.errors import unavailable
from app.domain.errors import (
    PROBLEM_BASE,
    DatabaseUnavailable,
    DomainError,
    InvalidField,
    TooManyAttempts,
)
from app.request_context import current_request_id

MEDIA_TYPE = "application/problem+json"
HTTP_SLUGS = {
    400: "bad-request",
    401: "authentication-required",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "validation-failed",
    429: "too-many-requests",
    500: "internal-error",
    503: "service-unavailable",
}


def problem(
    request: Request,
    status: int,
    slug: str,
    detail: str | None,
    *,
    title: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + slug,
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        "request_id": current_request_id(),
    }
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def _loc_path(loc: tuple[Any, ...] | list[Any]) -> str:
    path = ""
    for part in loc[1:] if loc and loc[0] in {"body", "query", "path", "header"} else loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def field_error(field: str, msg: str, kind: str) -> dict[str, Any]:
    loc: list[str | int] = ["body"]
    for part in field.replace("]", "").replace("[", ".").split("."):
        if part:
            loc.append(int(part) if part.isdigit() else part)
    return {"loc": loc, "field": field, "msg": msg, "type": kind}


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DomainError)
    headers = None
    extra = dict(exc.extra)
    if isinstance(exc, TooManyAttempts):
        headers = {"Retry-After": str(exc.retry_after_seconds)}
    if isinstance(exc, DatabaseUnavailable):
        headers = {"Retry-After": str(exc.retry_after_seconds)}
    if exc.status == 401:
        headers = {"WWW-Authenticate": 'Bearer realm="supportdesk"'}
    if isinstance(exc, InvalidField):
        # A rule about several fields (facts a case must state) names each of them.
        per_field = getattr(exc, "field_errors", None) or ((exc.field, exc.detail),)
        extra["errors"] = [field_error(name, msg, exc.type_slug) for name, msg in per_field]
    elif "field" in extra:
        extra["errors"] = [field_error(str(extra.pop("field")), exc.detail, exc.type_slug)]
    return problem(
        request, exc.status, exc.type_slug, exc.detail, title=exc.title, headers=headers, **extra
    )


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return validation_failed(request, exc.errors())


def validation_failed(request: Request, raw: Sequence[Any]) -> JSONResponse:
    """The one 422 shape: pydantic's errors, and the request guard's (`app.request_guard`)."""
    errors = [
        {
            "loc": list(e.get("loc", ())),
            "field": _loc_path(e.get("loc", ())),
            "msg": e.get("msg", ""),
            "type": e.get("type", ""),
        }
        for e in raw
    ]
    fields = ", ".join(sorted({e["field"] or "body" for e in errors}))
    return problem(
        request,
        422,
        "validation-failed",
        f"the request is not valid: see `errors` ({fields})",
        title="Validation failed",
        errors=errors,
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    slug = HTTP_SLUGS.get(exc.status_code, f"http-{exc.status_code}")
    headers = dict(exc.headers or {})
    if exc.status_code == 401:
        headers.setdefault("WWW-Authenticate", 'Bearer realm="supportdesk"')
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request, headers.get("Allow", ""))
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem(request, exc.status_code, slug, detail, headers=headers or None)


def _allowed_methods(request: Request, given: str) -> str:
    """Every method some route takes at this path: the router names only the first's."""
    methods = {m.strip() for m in given.split(",") if m.strip()}
    for template, item in request.app.openapi().get("paths", {}).items():
        if compile_path(template)[0].match(request.scope["path"]):
            methods |= {method.upper() for method in item}
    return ", ".join(sorted(methods))


def internal_error_body(path: str) -> bytes:
    """The 500 problem; rendered by the request middleware, which sees every failure."""
    body = {
        "type": PROBLEM_BASE + "internal-error",
        "title": "Internal Server Error",
        "status": 500,
        "detail": "an unexpected error occurred; quote the request id when you report it",
        "instance": path,
        "request_id": current_request_id(),
    }
    return json.dumps(body).encode()


# What any route with a body may answer before it runs: an unreadable body, one over
# `request_body_max_bytes`, malformed JSON or a field that is not valid.
BODY_PROBLEMS = {
    "400": "The body cannot be read (not UTF-8, not the declared content type)",
    "413": "The body is larger than the limit",
    "422": "Validation failed (malformed JSON included): `errors` names each field",
}
_PROBLEM_SCHEMA = {"$ref": "#/components/schemas/Problem"}
_FASTAPI_422 = {"$ref": "#/components/schemas/HTTPValidationError"}


def document(schema: dict[str, Any]) -> None:
    """Problems are documented as what is sent: `application/problem+json`, a `Problem`."""
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            responses = operation.setdefault("responses", {})
            if "requestBody" in operation:
                for status, description in BODY_PROBLEMS.items():
                    responses.setdefault(status, {"description": description})
            for status, response in responses.items():
                content = response.get("content", {})
                json_schema = content.get("application/json", {}).get("schema")
                if status in BODY_PROBLEMS or MEDIA_TYPE in content or json_schema == _FASTAPI_422:
                    response["content"] = {MEDIA_TYPE: {"schema": _PROBLEM_SCHEMA}}
    components = schema.get("components", {}).get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    """A lost or unreachable database is a 503 with Retry-After; anything else a 500."""
    lost = unavailable(exc)
    if lost is None:
        raise exc
    return await _domain_error(request, lost)


def install(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(SQLAlchemyError, _database_error)
    app.add_exception_handler(ConnectionError, _database_error)
