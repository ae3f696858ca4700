"""The tenancy matrix (SPEC 1): every object endpoint, asked by an outsider, answers 404
and no list shows a foreign row. A resource joins by adding one `Case` to CASES.

The world: customer A is supported by partner P; customer B by nobody; partner Q
supports nobody. Each case creates an object belonging to A (as the admin) and names
its object endpoints and lists. Outsiders: a user of B, an agent of Q, Q's API key.
Insiders (A's user, P's agent) must see it, so the test can fail both ways.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from app.db.session import Database
from app.domain.actors import Role
from tests.support.factories import add_customer, add_partner, login, user_headers
from tests.support.sla_config import AARENET_CALENDAR, CLASS_1_POLICY, contract_body


@dataclass
class World:
    client: httpx.AsyncClient
    db: Database
    admin: dict[str, str]
    customer_a: Any
    customer_b: Any
    partner_p: Any
    partner_q: Any
    callers: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    name: str
    # Creates one object of customer A (as admin); answers the values the paths need.
    create: Callable[[World], Awaitable[dict[str, str]]]
    # (method, path template, json body or None); visible to insiders, 404 to outsiders.
    object_endpoints: list[tuple[str, str, dict[str, Any] | None]]
    # list path templates; the object's `id` must not be among an outsider's items.
    lists: list[str] = field(default_factory=list)
    # Insider roles that may read it (default: both A's user and P's agent).
    insiders: tuple[str, ...] = ("a_user", "p_agent")


async def _customer(world: World) -> dict[str, str]:
    return {"id": str(world.customer_a.id), "customer_id": str(world.customer_a.id)}


async def _domain(world: World) -> dict[str, str]:
    cid = world.customer_a.id
    r = await world.client.post(
        f"/v1/customers/{cid}/domains", json={"domain": "alpha-labs.com"}, headers=world.admin
    )
    assert r.status_code == 201, r.text
    return {"id": r.json()["id"], "customer_id": str(cid)}


async def _partner(world: World) -> dict[str, str]:
    return {"id": str(world.partner_p.id), "partner_id": str(world.partner_p.id)}


async def _api_key(world: World) -> dict[str, str]:
    pid = world.partner_p.id
    r = await world.client.post(
        f"/v1/partners/{pid}/api-keys", json={"name": "bridge"}, headers=world.admin
    )
    assert r.status_code == 201, r.text
    return {"id": r.json()["id"], "partner_id": str(pid)}


async def _contract(world: World) -> dict[str, str]:
    """A contract of A, with the calendar and SLA policy it uses (SPEC 3)."""
    cid = world.customer_a.id
    ids = {}
    for path, body in (("/v1/calendars", AARENET_CALENDAR), ("/v1/sla-policies", CLASS_1_POLICY)):
        r = await world.client.post(path, json=body, headers=world.admin)
        assert r.status_code == 201, r.text
        ids[path] = r.json()["id"]
    body = contract_body(str(cid), ids["/v1/calendars"], ids["/v1/sla-policies"])
    r = await world.client.post("/v1/contracts", json=body, headers=world.admin)
    assert r.status_code == 201, r.text
    return {
        "id": r.json()["id"],
        "contract_id": r.json()["id"],
        "customer_id": str(cid),
        "calendar_id": ids["/v1/calendars"],
        "policy_id": ids["/v1/sla-policies"],
    }


async def _contract_calendar(world: World) -> dict[str, str]:
    values = await _contract(world)
    return {**values, "id": values["calendar_id"]}


async def _contract_policy(world: World) -> dict[str, str]:
    values = await _contract(world)
    return {**values, "id": values["policy_id"]}


CASES: list[Case] = [
    Case(
        "customer",
        _customer,
        [
            ("GET", "/v1/customers/{customer_id}", None),
            ("PATCH", "/v1/customers/{customer_id}", {"name": "Renamed"}),
            ("GET", "/v1/customers/{customer_id}/users", None),
            (
                "POST",
                "/v1/customers/{customer_id}/users",
                {"email": "x@alpha.com", "name": "X", "role": "customer_user"},
            ),
            ("GET", "/v1/customers/{customer_id}/domains", None),
            ("POST", "/v1/customers/{customer_id}/domains", {"domain": "evil.com"}),
        ],
        ["/v1/customers"],
    ),
    Case(
        "customer domain",
        _domain,
        [("GET", "/v1/customers/{customer_id}/domains", None)],
        ["/v1/customers/{customer_id}/domains"],
    ),
    Case(
        "partner",
        _partner,
        [
            ("GET", "/v1/partners/{partner_id}", None),
            ("GET", "/v1/partners/{partner_id}/users", None),
            (
                "POST",
                "/v1/partners/{partner_id}/users",
                {"email": "y@partner-p.com", "name": "Y", "role": "partner_agent"},
            ),
            ("POST", "/v1/partners/{partner_id}/api-keys", {"name": "k"}),
        ],
        ["/v1/partners"],
    ),
    Case(
        "api key",
        _api_key,
        [("DELETE", "/v1/api-keys/{id}", None)],
        insiders=(),
    ),
    Case(
        "contract",
        _contract,
        [
            ("GET", "/v1/contracts/{contract_id}", None),
            ("PATCH", "/v1/contracts/{contract_id}", {"description": "changed"}),
        ],
        ["/v1/contracts", "/v1/contracts?customer_id={customer_id}"],
    ),
    Case(
        "calendar of a contract",
        _contract_calendar,
        [
            ("GET", "/v1/calendars/{calendar_id}", None),
            ("GET", "/v1/calendars/{calendar_id}/versions", None),
            ("PUT", "/v1/calendars/{calendar_id}", {**AARENET_CALENDAR, "reason": "outsider"}),
        ],
        ["/v1/calendars"],
    ),
    Case(
        "SLA policy of a contract",
        _contract_policy,
        [
            ("GET", "/v1/sla-policies/{policy_id}", None),
            ("GET", "/v1/sla-policies/{policy_id}/versions", None),
            ("PUT", "/v1/sla-policies/{policy_id}", {**CLASS_1_POLICY, "reason": "outsider"}),
        ],
        ["/v1/sla-policies"],
    ),
]


@pytest.fixture
async def world(client: httpx.AsyncClient, db: Database) -> World:
    partner_p = await add_partner(db, "Partner P")
    partner_q = await add_partner(db, "Partner Q")
    a = await add_customer(db, "Customer A", "alpha.com", partner_id=partner_p.id)
    b = await add_customer(db, "Customer B", "bravo.com")
    admin = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    w = World(client, db, admin, a, b, partner_p, partner_q)
    w.callers["a_user"] = await user_headers(
        client, db, "ann@alpha.com", Role.CUSTOMER_USER, customer_id=a.id
    )
    w.callers["b_user"] = await user_headers(
        client, db, "bob@bravo.com", Role.CUSTOMER_ADMIN, customer_id=b.id
    )
    w.callers["p_agent"] = await user_headers(
        client, db, "pat@partner-p.com", Role.PARTNER_AGENT, partner_id=partner_p.id
    )
    w.callers["q_agent"] = await user_headers(
        client, db, "quin@partner-q.com", Role.PARTNER_AGENT, partner_id=partner_q.id
    )
    r = await client.post(
        f"/v1/partners/{partner_q.id}/api-keys", json={"name": "q"}, headers=admin
    )
    w.callers["q_api_key"] = {"X-API-Key": r.json()["key"]}
    assert await login(client, "ann@alpha.com")
    return w


OUTSIDERS = ("b_user", "q_agent", "q_api_key")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
async def test_outsiders_get_404_and_never_see_foreign_rows(world: World, case: Case) -> None:
    values = await case.create(world)
    for outsider in OUTSIDERS:
        headers = world.callers[outsider]
        for method, template, body in case.object_endpoints:
            path = template.format(**values)
            r = await world.client.request(method, path, json=body, headers=headers)
            assert r.status_code == 404, f"{outsider} {method} {path}: {r.status_code} {r.text}"
            assert r.headers["content-type"].startswith("application/problem+json")
            assert r.json()["type"].endswith("/not-found")
        for template in case.lists:
            r = await world.client.get(template.format(**values), headers=headers)
            if r.status_code == 200:
                ids = {item["id"] for item in r.json()["items"]}
                assert values["id"] not in ids, f"{outsider} sees {case.name} in {template}"
            else:
                assert r.status_code in (403, 404), r.text


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
async def test_insiders_see_the_object(world: World, case: Case) -> None:
    values = await case.create(world)
    for insider in case.insiders:
        headers = world.callers[insider]
        for method, template, _ in case.object_endpoints:
            if method != "GET":
                continue
            path = template.format(**values)
            r = await world.client.get(path, headers=headers)
            assert r.status_code == 200, f"{insider} GET {path}: {r.status_code} {r.text}"
        for template in case.lists:
            r = await world.client.get(template.format(**values), headers=headers)
            assert r.status_code == 200, r.text
            assert values["id"] in {item["id"] for item in r.json()["items"]}
