"""The OpenAPI document as API consumers read it (SPEC 8): what FastAPI derives from the
routes, completed once here with what routes cannot say one by one.

* every error answer is `application/problem+json` with the real problem of its status
  as the example;
* the response headers we send are documented where we send them: `X-Request-ID` and the
  rate-limit fields on every answer, `ETag` on editable resources, `Location` on 201s
  that create something with a URL, `Idempotent-Replayed` on POSTs, `Retry-After` on
  429 and 503;
* every request body and response model has an example (`app.openapi_examples`), and a
  page's example is a page of its item's example;
* an operation's summary is the first sentence of its docstring, for people (unless the
  route names one);
* tags carry descriptions, in the order a newcomer needs them (tickets first);
* `servers` names where the API is served.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app import idempotency, problems
from app.domain.errors import PROBLEM_BASE
from app.openapi_examples import EXAMPLES, NEXT_CURSOR, REPLACES_INHERITED

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_SCHEMA = {"$ref": "#/components/schemas/Problem"}

TAGS: list[tuple[str, str]] = [
    ("tickets", "Cases: raise, find, edit, move through their states, read their SLA clocks."),
    ("comments", "Public updates the customer sees, and internal notes for staff."),
    ("attachments", "Logs, traces and captures, streamed to storage, never served inline."),
    ("severity-changes", "Severity is agreed, not imposed: proposals, answers, disputes."),
    ("calls", "Caller verification codes and verified phone calls."),
    ("escalations", "Written escalations along the contract's chain, and the queue."),
    ("sla", "When is it due? Due times for any calendar, policy and instant."),
    ("reports", "SLA compliance per customer, contract, severity and period."),
    ("customers", "Customer companies, their registered e-mail domains and users."),
    ("partners", "Partner helpdesks, their agents and integration API keys."),
    ("contracts", "Support contracts: SLA policy, calendar, channels, escalation chain."),
    ("calendars", "Business-hours calendars: shifts, windows, holidays; versioned."),
    ("sla-policies", "Severity schemes and targets; versioned."),
    ("presets", "The five support processes, ready to apply to a customer."),
    ("webhooks", "Signed event deliveries to partner helpdesks and tools."),
    ("changes", "The change feed: every change to the cases you see, in commit order, to poll."),
    ("quarantine", "Mail that raised no case: kept, never lost, released by staff."),
    ("auth", "Sign-up, activation, OAuth2 tokens, password reset."),
    ("me", "The caller's own profile."),
    ("users", "Vendor staff accounts."),
    ("problems", "The catalogue of problem types: every error's `type`, status and meaning."),
    ("operations", "Health and metrics (outside the client)."),
]

_STATUS_TITLES = {
    400: ("bad-request", "Bad Request", "the body is not valid JSON"),
    401: ("authentication-required", "Authentication failed", "the access token has expired"),
    403: (
        "must-use-partner-helpdesk",
        "Raise cases through your partner helpdesk",
        "ACME is supported by Example Partner: raise the case through its helpdesk",
    ),
    404: ("not-found", "Not found", "ticket 0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51 was not found"),
    405: ("method-not-allowed", "Method Not Allowed", "DELETE is not allowed here"),
    409: (
        "invalid-transition",
        "The case cannot move to that state",
        "a resolved case can move to: closed, reopened",
    ),
    412: (
        "precondition-failed",
        "The resource changed since you read it",
        "the resource changed since that version: read it again, then edit",
    ),
    413: ("payload-too-large", "Payload Too Large", "the body is larger than 1048576 bytes"),
    415: ("unsupported-media-type", "Unsupported Media Type", "send application/json"),
    422: (
        "validation-failed",
        "Validation failed",
        "the request is not valid: see `errors` (severity)",
    ),
    428: (
        "precondition-required",
        "If-Match is required",
        "send If-Match with the ETag of the version you are editing",
    ),
    429: (
        "rate-limit-exceeded",
        "Rate limit exceeded",
        "the user budget of 1200 requests per 60 s is spent; retry after 17 s",
    ),
    500: (
        "internal-error",
        "Internal Server Error",
        "an unexpected error occurred; quote the request id when you report it",
    ),
    503: (
        "service-unavailable",
        "Service Unavailable",
        "the database is not reachable; retry later",
    ),
}


def problem_example(status: int) -> dict[str, Any]:
    """The real problem document a client meets for `status`, as the docs' example."""
    slug, title, detail = _STATUS_TITLES.get(
        status, (f"http-{status}", "Problem", "the request could not be completed")
    )
    example: dict[str, Any] = {
        "type": PROBLEM_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": "/v1/tickets/0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51",
        "request_id": "4bf92f3577b34da6a3ce929d0e0e4736",
    }
    if status == 422:
        example["errors"] = [
            {
                "loc": ["body", "severity"],
                "field": "severity",
                "msg": "Input should be less than or equal to 4",
                "type": "less_than_equal",
            }
        ]
    if status == 412:
        example["current_etag"] = '"5d41402abc4b2a76b9719d911017c592"'
    return example


def _header(description: str, example: str, schema_type: str = "string") -> dict[str, Any]:
    return {"description": description, "schema": {"type": schema_type}, "example": example}


REQUEST_ID = _header(
    "This request's id (the one sent, or a new one): quote it when reporting a problem",
    "4bf92f3577b34da6a3ce929d0e0e4736",
)
RATE_LIMIT = _header(
    "Requests left in the current window and seconds until it resets (IETF RateLimit)",
    '"user";r=1187;t=42',
)
RATE_LIMIT_POLICY = _header(
    "The caller's quota and window in seconds (IETF RateLimit-Policy)", '"user";q=1200;w=60'
)
RETRY_AFTER = _header("Seconds to wait before retrying", "17", "integer")
ETAG = _header(
    "Strong entity tag of this representation: send it as `If-Match` when editing",
    '"5d41402abc4b2a76b9719d911017c592"',
)
LOCATION = _header(
    "The URL of what was created", "/v1/tickets/0190c3d2-7f3a-7b6e-9d1c-3b9a2f0e4d51"
)
REPLAYED = _header(
    "`true` when this is the stored answer to an earlier request with the same `Idempotency-Key`",
    "true",
)

# Operations whose 201 creates something with a URL of its own (they set `Location`).
CREATES_WITH_LOCATION = frozenset(
    {
        "apply_preset",
        "create_api_key",
        "create_calendar",
        "create_contract",
        "create_customer",
        "create_escalation",
        "create_partner",
        "create_sla_policy",
        "create_ticket",
        "create_webhook",
        "release_quarantined_mail",
        "upload_attachment",
    }
)


def _editable_paths(paths: dict[str, Any]) -> set[str]:
    return {path for path, ops in paths.items() if {"patch", "put"} & set(ops)}


HEADERS = {
    "X-Request-ID": REQUEST_ID,
    "RateLimit": RATE_LIMIT,
    "RateLimit-Policy": RATE_LIMIT_POLICY,
    "Retry-After": RETRY_AFTER,
    "ETag": ETAG,
    "Location": LOCATION,
    "Idempotent-Replayed": REPLAYED,
}


def _ref(kind: str, name: str) -> dict[str, str]:
    return {"$ref": f"#/components/{kind}/{name}"}


PAGE = re.compile(r"^Page_(?P<item>.+)_$")
# The first sentence: up to the first period that ends a word, or the end of the first
# paragraph. A docstring's lines are wrapped at 100 columns, so a single newline is a
# space, not the sentence's end (cutting there leaves "…(the default; `username` is the").
FIRST_SENTENCE = re.compile(r"^(?P<sentence>.+?)(?:\.(?=\s|$)|\n\s*\n|$)", re.DOTALL)


# A longer sentence is cut to its first clause (before a colon or semicolon), if it has one.
SUMMARY_LENGTH = 100


def first_sentence(text: str) -> str:
    match = FIRST_SENTENCE.match(text.strip())
    sentence = " ".join(match["sentence"].split()) if match else ""
    if len(sentence) > SUMMARY_LENGTH:
        sentence = re.split(r"[:;]\s", sentence, maxsplit=1)[0]
    return sentence


def _add_examples(schemas: dict[str, Any]) -> None:
    """Each schema without an example takes the one `EXAMPLES` has for it; a page's is
    derived from its item's: `{"items": [item], "next_cursor": <a cursor>}`."""
    for name, example in EXAMPLES.items():
        schema = schemas.get(name)
        if schema is None:
            continue
        if name in REPLACES_INHERITED or not {"example", "examples"} & set(schema):
            schema.pop("examples", None)
            schema["example"] = copy.deepcopy(example)
    for name, schema in schemas.items():
        page = PAGE.match(name)
        if not page or {"example", "examples"} & set(schema):
            continue
        item = schemas.get(page["item"], {}).get("example")
        if item is not None:
            schema["example"] = {"items": [copy.deepcopy(item)], "next_cursor": NEXT_CURSOR}


def _add_summaries(paths: dict[str, Any], explicit: frozenset[str]) -> None:
    """An operation with a docstring is summed up by its first sentence, for people, not
    FastAPI's title-cased function name; a route's own summary stays. Where two docstrings
    begin alike, both keep FastAPI's summary, so that no two summaries are equal."""
    derived: dict[str, tuple[dict[str, Any], str]] = {}
    for operations in paths.values():
        for operation in operations.values():
            if operation.get("operationId") in explicit:
                continue
            sentence = first_sentence(operation.get("description") or "")
            if sentence:
                derived[operation["operationId"]] = (operation, sentence)
    counts: dict[str, int] = {}
    for _, sentence in derived.values():
        counts[sentence] = counts.get(sentence, 0) + 1
    for operation, sentence in derived.values():
        if counts[sentence] == 1:
            operation["summary"] = sentence


def complete(
    document: dict[str, Any],
    servers: list[dict[str, str]],
    explicit_summaries: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """`document` as FastAPI derived it, completed as the module docstring says;
    `explicit_summaries` names the operations whose route set its own summary."""
    document = copy.deepcopy(document)
    paths: dict[str, Any] = document.get("paths", {})
    components = document.setdefault("components", {})
    components["headers"] = HEADERS
    examples: dict[str, Any] = components.setdefault("examples", {})
    editable = _editable_paths(paths) | {"/v1/tickets/{ticket_id}/transitions"}
    for path, operations in paths.items():
        for method, operation in operations.items():
            for code, response in operation.get("responses", {}).items():
                status = int(code) if code.isdigit() else 0
                names = ["X-Request-ID", "RateLimit", "RateLimit-Policy"]
                if status >= 400:
                    examples[f"Problem{status}"] = {
                        "summary": f"The problem a {status} answers",
                        "value": problem_example(status),
                    }
                    response["content"] = {
                        PROBLEM_MEDIA_TYPE: {
                            "schema": PROBLEM_SCHEMA,
                            "examples": {f"{status}": _ref("examples", f"Problem{status}")},
                        }
                    }
                if status in (429, 503):
                    names.append("Retry-After")
                if status == 200 and path in editable and method in ("get", "patch", "put", "post"):
                    names.append("ETag")
                if status == 201 and operation.get("operationId") in CREATES_WITH_LOCATION:
                    names.append("Location")
                if method == "post" and 200 <= status < 300:
                    names.append("Idempotent-Replayed")
                headers = response.setdefault("headers", {})
                headers.update({name: _ref("headers", name) for name in names})
            for parameter in operation.get("parameters", []):
                if parameter.get("in") == "header" and parameter.get("name") == "If-Match":
                    parameter.setdefault("example", '"5d41402abc4b2a76b9719d911017c592"')
    schemas = components.get("schemas", {})
    for unused in ("HTTPValidationError", "ValidationError"):
        schemas.pop(unused, None)
    _add_examples(schemas)
    _add_summaries(paths, explicit_summaries)
    used_tags = {tag for ops in paths.values() for op in ops.values() for tag in op.get("tags", [])}
    document["tags"] = [
        {"name": name, "description": text} for name, text in TAGS if name in used_tags
    ]
    document["servers"] = servers
    return document


# Names of the enums that routes and schemas spell inline (Literal types), by their values;
# another inline enum is named after its schema and property.
ENUM_NAMES: dict[frozenset[str], str] = {
    frozenset({"public", "internal"}): "Visibility",
    frozenset({"running", "paused", "met", "breached", "not_applicable"}): "ClockState",
    frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun"}): "Weekday",
    frozenset({"password", "refresh_token"}): "GrantType",
    frozenset({"held", "released", "deleted"}): "QuarantineState",
    frozenset({"proposal", "reclassification"}): "SeverityChangeKind",
    frozenset({"applied", "pending", "accepted", "disputed", "decided"}): "SeverityChangeStatus",
    frozenset({"customer", "partner", "staff"}): "Side",
    frozenset(
        {"created_at", "-created_at", "updated_at", "-updated_at", "severity", "-severity"}
        | {"relevance"}
    ): "TicketSort",
    frozenset(
        {"support_manager", "customer_service_manager", "regional_ops_manager", "director"}
    ): "ManagerRole",
    frozenset(
        {"auto_reply", "bounce", "loop", "unregistered_sender", "no_account", "partner_first"}
        | {"rejected", "attachments_kept"}
    ): "QuarantineReason",
}


def _pascal(text: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", text))


def _member_name(value: object) -> str:
    """`-created_at` -> `CREATED_AT_DESC`, `not_applicable` -> `NOT_APPLICABLE`."""
    text = str(value)
    descending = text.startswith("-")
    name = re.sub(r"[^A-Za-z0-9]+", "_", text.lstrip("-")).strip("_").upper() or "EMPTY"
    if name[0].isdigit():
        name = f"VALUE_{name}"
    return f"{name}_DESC" if descending else name


def named_enums(document: dict[str, Any]) -> dict[str, Any]:
    """Every enum becomes a named component with named members, so a generated client has
    one type per concept (`Visibility`, not three inline copies) and `TicketSort.
    CREATED_AT_DESC`, not `VALUE_1`."""
    schemas: dict[str, Any] = document.setdefault("components", {}).setdefault("schemas", {})
    by_values: dict[frozenset[str], str] = {}
    for name, schema in schemas.items():
        if "enum" in schema:
            by_values.setdefault(frozenset(map(str, schema["enum"])), name)

    def hoist(node: dict[str, Any], owner: str, prop: str) -> dict[str, Any]:
        values = frozenset(map(str, node["enum"]))
        name = by_values.get(values) or ENUM_NAMES.get(values) or _pascal(owner) + _pascal(prop)
        if name not in schemas:
            schemas[name] = {k: v for k, v in node.items() if k in ("type", "enum", "title")}
            schemas[name]["title"] = name
            by_values[values] = name
        rest = {k: v for k, v in node.items() if k not in ("type", "enum", "title")}
        return {"$ref": f"#/components/schemas/{name}", **rest}

    def walk(node: Any, owner: str, prop: str) -> Any:
        if isinstance(node, list):
            return [walk(item, owner, prop) for item in node]
        if not isinstance(node, dict):
            return node
        if "enum" in node and "$ref" not in node:
            return hoist(node, owner, prop)
        if node.get("in") in ("query", "path", "header") and "name" in node:
            prop = node["name"]  # a parameter's enum is named after the parameter
        out = {}
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                out[key] = {p: walk(v, owner, p) for p, v in value.items()}
            else:
                out[key] = walk(value, owner, prop)
        return out

    for name in list(schemas):
        if "enum" not in schemas[name]:
            schemas[name] = walk(schemas[name], name, "")
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            owner = _pascal(operation.get("operationId", ""))
            for key in ("parameters", "requestBody"):
                if key in operation:
                    operation[key] = walk(operation[key], owner, "")
    for schema in schemas.values():
        if "enum" in schema:
            names = [_member_name(v) for v in schema["enum"]]
            if len(set(names)) == len(names):
                schema["x-enum-varnames"] = names
    return document


# Documents already completed in this process, by what they are made of: the routes and
# the public URL. Every app built from the same routers (the test suite builds hundreds)
# shares one read-only document instead of deriving it again.
_COMPLETED: dict[tuple[Any, ...], dict[str, Any]] = {}


def _made_of(app: FastAPI, public_base_url: str) -> tuple[Any, ...]:
    routes = tuple(
        (route.path, tuple(sorted(route.methods or ())), route.unique_id, id(route.endpoint))
        for route in app.routes
        if isinstance(route, APIRoute) and route.include_in_schema
    )
    return (public_base_url, routes)


def install(app: FastAPI, public_base_url: str) -> None:
    """The one hook that builds `/openapi.json`: what FastAPI derives from the routes, then
    what the middlewares add (the Idempotency-Key header, problem documents), then the
    completion here. Built once per process for the same routes and URL."""
    derive = app.openapi
    servers = [{"url": public_base_url.rstrip("/"), "description": "this deployment"}]

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            key = _made_of(app, public_base_url)
            document = _COMPLETED.get(key)
            if document is None:
                explicit = frozenset(  # routes that set their own summary keep it
                    route.operation_id or route.unique_id
                    for route in app.routes
                    if isinstance(route, APIRoute) and route.summary
                )
                derived = derive()
                idempotency.document(derived)
                problems.document(derived)
                document = _COMPLETED[key] = named_enums(complete(derived, servers, explicit))
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
