"""Hostile input never reaches the database (issue 11.4): the committed OpenAPI document is
walked, and every string, integer, number, date and date-time it declares, in a body, a
form, a query or a path, is fed NUL bytes, lone surrogates, numbers past int32/int64,
naive or far-off instants. The answer is never a 5xx; what the validation layer must
refuse is a 422 problem naming the field.
"""

from __future__ import annotations

import copy
import json
import math
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.db.session import Database
from app.domain.actors import Role
from tests.support.factories import user_headers
from tests.support.tickets import Desk, make_desk

DOC: dict[str, Any] = json.loads(
    (Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text()
)
Key = str | int


@dataclass(frozen=True)
class Target:
    """One field of one operation: where it is, its path inside the body, its kind."""

    method: str
    path: str
    where: str  # body | form | query | path
    field: tuple[Key, ...]
    kind: str  # string | integer | int64 | number | date | datetime

    @property
    def name(self) -> str:
        out = ""
        for part in self.field:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path} {self.where}:{self.name}"


# What the validation layer must refuse with 422 naming the field, by kind.
REFUSED: dict[str, list[Any]] = {
    "string": ["a\x00@b.example.com", "\ud800", "tail \udfff", "\x00"],
    "integer": [2**31, -(2**31) - 1, 2**63, 1099511627776, 10**40],
    # A field that declares a 64-bit range (a change-feed position) refuses what is past it.
    "int64": [2**63, -(2**63) - 1, 10**40],
    "datetime": [
        "2026-01-01T00:00:00",
        "9999-12-31T23:59:59Z",
        "0001-01-01T00:00:00Z",
        "0001-01-01T00:30:00+01:00",
        0.5,
        "0.5",
        1e20,
    ],
    "date": ["9999-12-31", "0001-01-01", 0.5],
    # JSON has no NaN, but Python's decoder reads `NaN` and `Infinity`.
    "number": [math.nan, math.inf, -math.inf, 1e308 * 10],
}
# Query strings and forms are text: a value that is not text there.
REFUSED_TEXT = {"string": ["a\x00@b.example.com", "\x00"]}


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = DOC["components"]["schemas"][name]
    return schema


def _variants(schema: dict[str, Any]) -> list[dict[str, Any]]:
    schema = _resolve(schema)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            out = []
            for option in schema[key]:
                out += [v for v in _variants(option) if v.get("type") != "null"]
            return out
    return [schema]


def _kind(schema: dict[str, Any]) -> str | None:
    kind = schema.get("type")
    if kind == "string":
        return {"date-time": "datetime", "date": "date"}.get(schema.get("format", ""), "string")
    if kind == "integer" and schema.get("maximum", 0) > 2**31 - 1:
        return "int64"
    return kind if kind in ("integer", "number") else None


def _leaves(schema: dict[str, Any], prefix: tuple[Key, ...], depth: int = 0) -> Iterator[Any]:
    """(field path, kind) of every scalar under `schema`."""
    if depth > 6:
        return
    for variant in _variants(schema):
        if variant.get("format") == "binary" or "const" in variant:
            continue
        if variant.get("type") == "object" or "properties" in variant:
            for name, sub in variant.get("properties", {}).items():
                yield from _leaves(sub, (*prefix, name), depth + 1)
            extra = variant.get("additionalProperties")
            if isinstance(extra, dict) and extra:
                key = _any_key(variant)
                yield from _leaves(extra, (*prefix, key), depth + 1)
        elif variant.get("type") == "array":
            yield from _leaves(variant.get("items", {}), (*prefix, 0), depth + 1)
        elif (kind := _kind(variant)) is not None and "enum" not in variant:
            yield prefix, kind


def _any_key(schema: dict[str, Any]) -> str:
    names = _resolve(schema.get("propertyNames", {}))
    return str(names["enum"][0]) if "enum" in names else "key"


PATTERN_SAMPLES = ["08:00", "+41 44 668 18 00", "password"]


def _sample(schema: dict[str, Any], ids: dict[str, str], name: str = "") -> Any:
    """A plausible valid value, so that the hostile one is what the server judges."""
    variant = _variants(schema)[0]
    if "example" in variant:
        return copy.deepcopy(variant["example"])
    if "enum" in variant:
        return variant["enum"][0]
    if "const" in variant:
        return variant["const"]
    kind = variant.get("type")
    if kind == "object" or "properties" in variant:
        props = variant.get("properties", {})
        return {k: _sample(props[k], ids, k) for k in variant.get("required", [])}
    if kind == "array":
        count = max(variant.get("minItems", 0), 1 if variant.get("maxItems", 1) else 0)
        return [_sample(variant.get("items", {}), ids, name) for _ in range(count)]
    if kind == "integer":
        return max(variant.get("minimum", 1), 1)
    if kind == "number":
        return variant.get("minimum", 0.5)
    if kind == "boolean":
        return False
    fmt = variant.get("format")
    if fmt == "uuid":
        return ids.get(name, str(uuid.uuid4()))
    if fmt == "email":
        return "probe@acme.com"
    if fmt == "date-time":
        return "2026-06-01T12:00:00Z"
    if fmt == "date":
        return "2026-06-01"
    if "pattern" in variant:
        if name == "end":
            return "18:00"
        return next((s for s in PATTERN_SAMPLES if re.search(variant["pattern"], s)), "x")
    if name == "timezone":
        return "Europe/Zurich"
    low, high = variant.get("minLength", 1), variant.get("maxLength", 64)
    return ("probe text " * 30)[: max(low, min(high, 24))]


def _with(schema: dict[str, Any], field: tuple[Key, ...], value: Any, ids: dict[str, str]) -> Any:
    """A valid-looking document with `value` at `field`."""
    if not field:
        return value
    for variant in _variants(schema):
        head, rest = field[0], field[1:]
        if variant.get("type") == "array" and head == 0:
            return [_with(variant.get("items", {}), rest, value, ids)]
        props = variant.get("properties", {})
        if head in props or isinstance(variant.get("additionalProperties"), dict):
            base = _sample(variant, ids) if ("properties" in variant) else {}
            sub = props.get(head) or variant["additionalProperties"]
            base[head] = _with(sub, rest, value, ids)
            return base
    raise AssertionError(f"no way to {field} in {schema}")


def _targets() -> list[Target]:
    out = []
    for path, item in DOC["paths"].items():
        for method, op in item.items():
            for parameter in op.get("parameters", []):
                if parameter["in"] in ("query", "path"):
                    for field, kind in _leaves(parameter["schema"], (parameter["name"],)):
                        out.append(Target(method, path, parameter["in"], field[:1], kind))
            content = op.get("requestBody", {}).get("content", {})
            for media, where in (
                ("application/json", "body"),
                ("application/x-www-form-urlencoded", "form"),
            ):
                if media in content:
                    for field, kind in _leaves(content[media]["schema"], ()):
                        out.append(Target(method, path, where, field, kind))
    return out


TARGETS = _targets()


def test_the_walk_sees_the_fields_the_issue_names() -> None:
    names = {str(t) for t in TARGETS}
    for expected in (
        "POST /v1/auth/token form:username",
        "POST /v1/auth/signup body:name",
        "GET /v1/tickets query:severity",
        "GET /v1/escalations query:level",
        "GET /v1/tickets query:due_before",
        "POST /v1/contracts body:update_interval_minutes",
        "POST /v1/sla/preview body:created_at",
        "POST /v1/calendars body:shifts[0].closed_dates[0]",
        "POST /v1/sla-policies body:targets[0].by_period.BH",
    ):
        assert expected in names, expected
    assert len(TARGETS) > 150


@dataclass
class World:
    client: httpx.AsyncClient
    headers: dict[str, str]
    ids: dict[str, str]


@pytest.fixture
async def world(client: httpx.AsyncClient, db: Database) -> World:
    desk: Desk = await make_desk(client, db, "aarenet-standard")
    ticket = await desk.open()
    ids = {
        "ticket_id": ticket["id"],
        "customer_id": desk.customer_id,
        "contract_id": desk.contract_id,
        "name": "aarenet-standard",
    }
    return World(client, desk.admin, ids)


def _request(world: World, target: Target, value: Any) -> dict[str, Any]:
    """The request's parts, with every other required parameter filled."""
    op = DOC["paths"][target.path][target.method]
    path, query = target.path, []
    for p in op.get("parameters", []):
        if p["in"] not in ("path", "query"):
            continue
        hostile = p["name"] == target.field[0] and p["in"] == target.where
        if not hostile and not p.get("required"):
            continue
        given_value = value if hostile else _sample(p["schema"], world.ids, p["name"])
        if p["in"] == "path":
            text = given_value if isinstance(given_value, str) else json.dumps(given_value)
            path = path.replace("{" + p["name"] + "}", quote(text, safe=""))
        else:
            query.append((p["name"], given_value))
    parts: dict[str, Any] = {"method": target.method.upper(), "url": path}
    qs = "&".join(f"{quote(n)}={quote(_text(v), safe='')}" for n, v in query)
    if qs:
        parts["url"] += "?" + qs
    content = op.get("requestBody", {}).get("content", {})
    headers = dict(world.headers)
    if "application/json" in content:
        schema = content["application/json"]["schema"]
        field = target.field if target.where == "body" else ()
        body = _with(schema, field, value, world.ids) if field else _sample(schema, world.ids)
        # ASCII JSON: a lone surrogate travels as its `\ud800` escape, as a client sends it.
        parts["content"] = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    elif "application/x-www-form-urlencoded" in content:
        schema = content["application/x-www-form-urlencoded"]["schema"]
        form = _sample(schema, world.ids)
        if target.where == "form":
            form[target.field[0]] = value
        parts["content"] = "&".join(
            f"{quote(k)}={quote(_text(v), safe='')}" for k, v in form.items()
        ).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    parts["headers"] = headers
    return parts


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _quotable(value: Any) -> bool:
    """Query strings, paths and forms are UTF-8: a lone surrogate cannot be sent there."""
    try:
        _text(value).encode()
    except UnicodeEncodeError:
        return False
    return True


async def _judge(world: World, target: Target, value: Any, must_refuse: bool) -> str | None:
    """None when the answer is right; otherwise what is wrong with it."""
    r = await world.client.request(**_request(world, target, value))
    if r.status_code >= 500:
        return f"{target} = {value!r}: {r.status_code} {r.text[:200]}"
    if r.status_code >= 400 and r.headers["content-type"] != "application/problem+json":
        return f"{target} = {value!r}: {r.status_code} is not a problem document"
    if not must_refuse:
        return None
    if r.status_code != 422:
        return f"{target} = {value!r}: {r.status_code} instead of 422 {r.text[:200]}"
    fields = {e["field"] for e in r.json().get("errors", [])}
    named = target.name if target.where in ("body", "form") else target.field[0]
    if not any(f == named or f.startswith((f"{named}.", f"{named}[")) for f in fields):
        return f"{target} = {value!r}: 422 names {fields}, not {named}"
    return None


def _refused(target: Target) -> list[Any]:
    if target.where == "body":
        return REFUSED[target.kind]
    return [v for v in (REFUSED_TEXT | REFUSED)[target.kind] if _quotable(v)]


async def test_every_declared_field_refuses_hostile_values_with_a_422(world: World) -> None:
    wrong = []
    for target in TARGETS:
        for value in _refused(target):
            if (problem := await _judge(world, target, value, must_refuse=True)) is not None:
                wrong.append(problem)
    assert not wrong, f"{len(wrong)} wrong answers:\n" + "\n".join(wrong[:40])


async def test_a_customer_user_gets_no_server_error_from_hostile_values(
    client: httpx.AsyncClient, db: Database, world: World
) -> None:
    customer = await user_headers(
        client,
        db,
        "lan.admin@acme.com",
        Role.CUSTOMER_ADMIN,
        customer_id=uuid.UUID(world.ids["customer_id"]),
    )
    as_customer = World(client, customer, world.ids)
    wrong = []
    for target in TARGETS:
        for value in _refused(target)[:2]:
            if (problem := await _judge(as_customer, target, value, False)) is not None:
                wrong.append(problem)
    assert not wrong, f"{len(wrong)} wrong answers:\n" + "\n".join(wrong[:40])


def _hostile_text(where: str) -> st.SearchStrategy[str]:
    # Only a JSON body can carry a lone surrogate (as its escape); URLs and forms are UTF-8.
    bad = ["\x00"] if where != "body" else ["\x00", "\ud800", "\udbff", "\udc00", "\udfff"]
    # A `/` in a path parameter would be another path, not a hostile value.
    text = st.text(st.characters(exclude_characters="/"), max_size=12)
    return st.tuples(text, st.sampled_from(bad), text).map("".join)


def _hostile(kind: str, where: str) -> st.SearchStrategy[Any]:
    if kind == "string":
        return _hostile_text(where)
    if kind == "integer":
        return st.one_of(st.integers(min_value=2**31), st.integers(max_value=-(2**31) - 1))
    if kind == "int64":
        return st.one_of(st.integers(min_value=2**63), st.integers(max_value=-(2**63) - 1))
    if kind == "number":
        return st.sampled_from([math.nan, math.inf, -math.inf])
    if kind == "date":
        return st.one_of(
            st.dates(max_value=date(1899, 12, 31)).map(str),
            st.dates(min_value=date(2200, 1, 1)).map(str),
        )
    naive = st.datetimes().map(lambda d: d.isoformat())
    far = st.one_of(
        st.datetimes(max_value=datetime(1899, 12, 31)),
        st.datetimes(min_value=datetime(2200, 1, 1)),
    ).map(lambda d: d.isoformat() + "Z")
    return st.one_of(naive, far, st.floats(allow_nan=False, allow_infinity=False))


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
async def test_hostile_values_never_cause_a_server_error(world: World, data: st.DataObject) -> None:
    target = data.draw(st.sampled_from(TARGETS), label="target")
    value = data.draw(_hostile(target.kind, target.where), label="value")
    # A path, query or form is UTF-8 on the wire: a lone surrogate cannot be sent there.
    assume(target.where == "body" or _quotable(value))
    problem = await _judge(world, target, value, must_refuse=target.kind != "number")
    assert problem is None, problem
