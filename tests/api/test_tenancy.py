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


async def _webhook(world: World, caller: str, headers: dict[str, str]) -> dict[str, str]:
    body = {"url": "https://hooks.example/events", "events": ["ticket.created"]}
    r = await world.client.post("/v1/webhooks", json=body, headers=headers)
    assert r.status_code == 201, r.text
    world.callers.setdefault(caller, headers)
    return {"id": r.json()["id"], "webhook_id": r.json()["id"]}


async def _partner_webhook(world: World) -> dict[str, str]:
    """P's subscription, for the customers P supports (SPEC 6)."""
    return await _webhook(world, "p_agent", world.callers["p_agent"])


async def _customer_webhook(world: World) -> dict[str, str]:
    """A's own subscription, made by A's customer administrator."""
    headers = await user_headers(
        world.client,
        world.db,
        "ada@alpha.com",
        Role.CUSTOMER_ADMIN,
        customer_id=world.customer_a.id,
    )
    return await _webhook(world, "a_admin", headers)


async def _vendor_webhook(world: World) -> dict[str, str]:
    return await _webhook(world, "admin", world.admin)


WEBHOOK_ENDPOINTS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "/v1/webhooks/{webhook_id}", None),
    ("GET", "/v1/webhooks/{webhook_id}/deliveries", None),
    ("PATCH", "/v1/webhooks/{webhook_id}", {"is_active": True, "description": "mine now"}),
    ("POST", "/v1/webhooks/{webhook_id}/test", None),
    ("POST", "/v1/webhooks/{webhook_id}/rotate-secret", None),
    ("POST", "/v1/webhooks/{webhook_id}/replay", {"after_seq": 0}),
    ("DELETE", "/v1/webhooks/{webhook_id}", None),
]


ESCALATION_WRITTEN: dict[str, Any] = {
    "reason": "poor_experience",
    "business_impact": "Our call centre cannot reach any PSTN number since this morning.",
    "progress_to_date": "Two restarts and the suggested workaround changed nothing.",
}


async def _escalation(world: World) -> dict[str, str]:
    """An escalation of a case of A (SPEC 5), raised by the vendor on A's contract."""
    await _contract(world)
    case = {
        "customer_id": str(world.customer_a.id),
        "subject": "PBX not able to dial PSTN destinations",
        "description": "No outbound PSTN call connects.",
        "category": "question",
        "severity": 1,
        "channel": "email",
    }
    r = await world.client.post("/v1/tickets", json=case, headers=world.admin)
    assert r.status_code == 201, r.text
    ticket_id = r.json()["id"]
    r = await world.client.post(
        f"/v1/tickets/{ticket_id}/escalations", json=ESCALATION_WRITTEN, headers=world.admin
    )
    assert r.status_code == 201, r.text
    return {"id": r.json()["id"], "escalation_id": r.json()["id"], "ticket_id": ticket_id}


async def _ticket(world: World) -> dict[str, str]:
    """A case of A with a comment, an attachment and a severity change (SPEC 4). A is
    served by partner P, so the vendor records it (`email`) on A's preset contract."""
    cid = str(world.customer_a.id)
    r = await world.client.post(
        "/v1/presets/aarenet-standard/apply", json={"customer_id": cid}, headers=world.admin
    )
    assert r.status_code == 201, r.text
    case = {
        "customer_id": cid,
        "subject": "PBX not able to dial PSTN destinations",
        "description": "No outbound PSTN call connects.",
        "category": "question",
        "severity": 2,
        "channel": "email",
    }
    r = await world.client.post("/v1/tickets", json=case, headers=world.admin)
    assert r.status_code == 201, r.text
    ticket_id = r.json()["id"]
    base = f"/v1/tickets/{ticket_id}"
    r = await world.client.post(
        f"{base}/comments", json={"body": "Looking into it."}, headers=world.admin
    )
    assert r.status_code == 201, r.text
    r = await world.client.post(
        f"{base}/attachments", files={"file": ("trace.log", b"INVITE 503\n")}, headers=world.admin
    )
    assert r.status_code == 201, r.text
    attachment_id = r.json()["id"]
    r = await world.client.post(
        f"{base}/severity-changes",
        json={"to_level": 3, "reason": "One extension only."},
        headers=world.admin,
    )
    assert r.status_code == 201, r.text
    return {
        "id": ticket_id,
        "ticket_id": ticket_id,
        "customer_id": cid,
        "attachment_id": attachment_id,
        "change_id": r.json()["id"],
    }


TICKET_ENDPOINTS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "/v1/tickets/{ticket_id}", None),
    ("PATCH", "/v1/tickets/{ticket_id}", {"product_area": "outsider"}),
    ("POST", "/v1/tickets/{ticket_id}/transitions", {"to": "withdrawn"}),
    ("GET", "/v1/tickets/{ticket_id}/sla", None),
    ("GET", "/v1/tickets/{ticket_id}/events", None),
    ("GET", "/v1/tickets/{ticket_id}/comments", None),
    ("POST", "/v1/tickets/{ticket_id}/comments", {"body": "An outsider writes."}),
    ("GET", "/v1/tickets/{ticket_id}/attachments", None),
    ("GET", "/v1/tickets/{ticket_id}/attachments/{attachment_id}", None),
    # A JSON body: the visibility check must come before the form is read.
    ("POST", "/v1/tickets/{ticket_id}/attachments", {"file": "x"}),
    ("GET", "/v1/tickets/{ticket_id}/severity-changes", None),
    (
        "POST",
        "/v1/tickets/{ticket_id}/severity-changes",
        {"to_level": 1, "reason": "An outsider proposes."},
    ),
    ("POST", "/v1/tickets/{ticket_id}/severity-changes/{change_id}/accept", {}),
    ("POST", "/v1/tickets/{ticket_id}/severity-changes/{change_id}/reject", {"reason": "no"}),
    ("POST", "/v1/tickets/{ticket_id}/severity-changes/{change_id}/dispute", {"reason": "no"}),
    (
        "POST",
        "/v1/tickets/{ticket_id}/severity-changes/{change_id}/decide",
        {"level": 1, "reason": "An outsider decides."},
    ),
    (
        "POST",
        "/v1/tickets/{ticket_id}/calls",
        {"caller_email": "ann@alpha.com", "code": "ABCD-EFGH"},
    ),
]


async def _quarantined_mail(world: World) -> dict[str, str]:
    """A's user mailing support directly (A is partner-supported): held, staff only."""
    from app.domain.clock import SystemClock
    from app.services import inbound_mail
    from app.services.context import ServiceContext
    from app.settings import Settings

    ctx = ServiceContext(Settings(environment="test", secret_key="s" * 32), SystemClock())  # type: ignore[arg-type]
    raw = (
        b"From: ann@alpha.com\r\nTo: support@supportdesk.localhost\r\n"
        b"Subject: Trunk 2 drops every call\r\n\r\nSince this morning.\r\n"
    )
    held = await inbound_mail.receive(
        world.db, ctx, raw, "ann@alpha.com", ["support@supportdesk.localhost"]
    )
    return {"id": str(held.quarantined_id), "mail_id": str(held.quarantined_id)}


QUARANTINE_ENDPOINTS: list[tuple[str, str, dict[str, Any] | None]] = [
    ("GET", "/v1/quarantine/{mail_id}", None),
    (
        "POST",
        "/v1/quarantine/{mail_id}/release",
        {"customer_id": "01930000-0000-7000-8000-000000000000"},
    ),
    ("DELETE", "/v1/quarantine/{mail_id}", None),
]


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
    Case(
        "webhook of a partner",
        _partner_webhook,
        WEBHOOK_ENDPOINTS,
        ["/v1/webhooks"],
        insiders=("p_agent",),
    ),
    Case(
        "webhook of a customer",
        _customer_webhook,
        WEBHOOK_ENDPOINTS,
        ["/v1/webhooks"],
        insiders=("a_admin",),
    ),
    Case("vendor-wide webhook", _vendor_webhook, WEBHOOK_ENDPOINTS, ["/v1/webhooks"], insiders=()),
    Case(
        "escalation",
        _escalation,
        [
            ("GET", "/v1/escalations/{escalation_id}", None),
            ("POST", "/v1/escalations/{escalation_id}/acknowledge", None),
            (
                "POST",
                "/v1/escalations/{escalation_id}/resolve",
                {"resolution": "Answered by an outsider, which must not work."},
            ),
            ("GET", "/v1/tickets/{ticket_id}/escalations", None),
            ("POST", "/v1/tickets/{ticket_id}/escalations", ESCALATION_WRITTEN),
        ],
        # The queue (`/v1/escalations`) is staff-only: every outsider here gets 403.
        ["/v1/tickets/{ticket_id}/escalations"],
    ),
    Case(
        "ticket",
        _ticket,
        TICKET_ENDPOINTS,
        ["/v1/tickets", "/v1/tickets?customer_id={customer_id}"],
    ),
    # Staff only (SPEC 6): not even the company's own user or its partner sees it.
    Case(
        "quarantined mail",
        _quarantined_mail,
        QUARANTINE_ENDPOINTS,
        ["/v1/quarantine"],
        insiders=(),
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
