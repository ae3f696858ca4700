"""Webhook subscriptions over HTTP: who may subscribe, the secret shown once, the target
URL checks (SPEC 6)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.db.models import WebhookSubscription
from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.main import create_app
from app.settings import Settings
from tests.support.factories import add_customer, add_partner, user_headers

PROBLEMS = "https://supportdesk.dev/problems/"
HOOK = {"url": "https://hooks.partner-p.example/events", "events": ["ticket.created"]}


def _problem(r: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = r.json()
    assert body["type"] == PROBLEMS + slug, body
    return body


@pytest.fixture
async def strict_client(
    db: Database, settings: Settings, clock: ControllableClock
) -> AsyncIterator[httpx.AsyncClient]:
    """The production rule for targets: only public addresses."""
    strict = settings.model_copy(update={"webhooks_allow_private_targets": False})
    app = create_app(strict, clock=clock, db=db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://api.test"
    ) as c:
        yield c


async def _partner_agent(client: httpx.AsyncClient, db: Database) -> dict[str, str]:
    partner = await add_partner(db, "Partner P")
    return await user_headers(
        client, db, "pat@partner-p.com", Role.PARTNER_AGENT, partner_id=partner.id
    )


async def test_a_partner_subscribes_and_sees_the_secret_only_once(
    client: httpx.AsyncClient, db: Database
) -> None:
    agent = await _partner_agent(client, db)
    r = await client.post(
        "/v1/webhooks",
        json={**HOOK, "events": ["ticket.created", "sla.breached", "ticket.created"]},
        headers=agent,
    )
    assert r.status_code == 201, r.text
    created = r.json()
    assert r.headers["location"] == f"/v1/webhooks/{created['id']}"
    assert created["secret"].startswith("whsec_") and len(created["secret"]) >= 6 + 43
    assert created["secret"].startswith(created["secret_prefix"])
    assert created["owner"] == "partner" and created["partner_id"]
    assert created["events"] == ["sla.breached", "ticket.created"]
    assert created["contact_email"] == "pat@partner-p.com"
    assert created["is_active"] is True

    r = await client.get(f"/v1/webhooks/{created['id']}", headers=agent)
    assert r.status_code == 200
    assert "secret" not in r.json() and r.json()["secret_prefix"] == created["secret_prefix"]
    listed = (await client.get("/v1/webhooks", headers=agent)).json()["items"]
    assert [w["id"] for w in listed] == [created["id"]]
    assert all("secret" not in w for w in listed)
    r = await client.get(f"/v1/webhooks/{created['id']}/deliveries", headers=agent)
    assert r.status_code == 200 and r.json()["items"] == []


async def test_the_secret_is_stored_encrypted(client: httpx.AsyncClient, db: Database) -> None:
    agent = await _partner_agent(client, db)
    secret = (await client.post("/v1/webhooks", json=HOOK, headers=agent)).json()["secret"]
    async with db.unit_of_work() as uow:
        stored = (await uow.session.execute(select(WebhookSubscription.secret_sealed))).scalar()
    assert stored and secret not in stored and secret[6:] not in stored


async def test_each_owner_kind_subscribes_for_itself(
    client: httpx.AsyncClient, db: Database
) -> None:
    customer = await add_customer(db, "ACME", "acme.com")
    company_admin = await user_headers(
        client, db, "ca@acme.com", Role.CUSTOMER_ADMIN, customer_id=customer.id
    )
    admin = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    r = await client.post("/v1/webhooks", json=HOOK, headers=company_admin)
    assert r.status_code == 201, r.text
    assert r.json()["owner"] == "customer" and r.json()["customer_id"] == str(customer.id)
    r = await client.post("/v1/webhooks", json=HOOK, headers=admin)
    assert r.status_code == 201, r.text
    assert r.json()["owner"] == "vendor"
    assert r.json()["customer_id"] is None and r.json()["partner_id"] is None
    # The admin sees every subscription; the company admin only the company's.
    assert len((await client.get("/v1/webhooks", headers=admin)).json()["items"]) == 2
    assert len((await client.get("/v1/webhooks", headers=company_admin)).json()["items"]) == 1


async def test_customer_users_and_agents_do_not_manage_webhooks(
    client: httpx.AsyncClient, db: Database
) -> None:
    customer = await add_customer(db, "ACME", "acme.com")
    user = await user_headers(client, db, "u@acme.com", Role.CUSTOMER_USER, customer_id=customer.id)
    agent = await user_headers(client, db, "agent@vendor.com", Role.AGENT)
    for headers in (user, agent):
        _problem(await client.post("/v1/webhooks", json=HOOK, headers=headers), 403, "forbidden")
        _problem(await client.get("/v1/webhooks", headers=headers), 403, "forbidden")


async def test_an_api_key_subscription_needs_a_contact_address(
    client: httpx.AsyncClient, db: Database
) -> None:
    admin = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    partner = await add_partner(db, "Partner P")
    r = await client.post(
        f"/v1/partners/{partner.id}/api-keys", json={"name": "bridge"}, headers=admin
    )
    key = {"X-API-Key": r.json()["key"]}
    body = _problem(await client.post("/v1/webhooks", json=HOOK, headers=key), 422, "invalid-field")
    assert body["errors"][0]["field"] == "contact_email"
    r = await client.post(
        "/v1/webhooks", json={**HOOK, "contact_email": "Ops@Partner-P.com"}, headers=key
    )
    assert r.status_code == 201, r.text
    assert r.json()["contact_email"] == "ops@partner-p.com"
    assert r.json()["partner_id"] == str(partner.id)


async def test_deleting_a_subscription_removes_it(client: httpx.AsyncClient, db: Database) -> None:
    agent = await _partner_agent(client, db)
    webhook_id = (await client.post("/v1/webhooks", json=HOOK, headers=agent)).json()["id"]
    r = await client.delete(f"/v1/webhooks/{webhook_id}", headers=agent)
    assert r.status_code == 204
    _problem(await client.get(f"/v1/webhooks/{webhook_id}", headers=agent), 404, "not-found")
    _problem(await client.delete(f"/v1/webhooks/{webhook_id}", headers=agent), 404, "not-found")


async def test_an_unknown_event_type_is_a_validation_problem(
    client: httpx.AsyncClient, db: Database
) -> None:
    agent = await _partner_agent(client, db)
    r = await client.post("/v1/webhooks", json={**HOOK, "events": ["ticket.eaten"]}, headers=agent)
    body = _problem(r, 422, "validation-failed")
    assert body["errors"][0]["field"].startswith("events")


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("http://127.0.0.1:8080/hook", "webhook-target-not-public"),
        ("https://10.1.2.3/hook", "webhook-target-not-public"),
        ("https://192.168.0.10/hook", "webhook-target-not-public"),
        ("https://[::1]/hook", "webhook-target-not-public"),
        ("https://[::ffff:127.0.0.1]/hook", "webhook-target-not-public"),
        ("http://169.254.169.254/latest/meta-data", "webhook-target-not-public"),
        ("https://100.64.0.1/hook", "webhook-target-not-public"),
        ("https://0.0.0.0/hook", "webhook-target-not-public"),
        ("https://localhost/hook", "webhook-target-not-public"),  # resolves to loopback
        ("https://does-not-exist.invalid/hook", "webhook-host-unresolvable"),
        ("ftp://93.184.215.14/hook", "webhook-url-invalid"),
        ("https://user:pw@93.184.215.14/hook", "webhook-url-invalid"),
        ("not a url", "webhook-url-invalid"),
        ("https://93.184.215.14:99999/hook", "webhook-url-invalid"),
    ],
)
async def test_targets_we_must_not_call_are_refused(
    strict_client: httpx.AsyncClient, db: Database, url: str, slug: str
) -> None:
    agent = await _partner_agent(strict_client, db)
    r = await strict_client.post("/v1/webhooks", json={**HOOK, "url": url}, headers=agent)
    body = _problem(r, 422, slug)
    assert body["errors"][0]["field"] == "url"


async def test_a_public_address_is_accepted(strict_client: httpx.AsyncClient, db: Database) -> None:
    agent = await _partner_agent(strict_client, db)
    r = await strict_client.post(
        "/v1/webhooks", json={**HOOK, "url": "https://93.184.215.14/hook"}, headers=agent
    )
    assert r.status_code == 201, r.text


async def test_production_demands_https(
    db: Database, settings: Settings, clock: ControllableClock
) -> None:
    production = settings.model_copy(update={"environment": "production"})
    app = create_app(production, clock=clock, db=db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://api.test"
    ) as client:
        agent = await _partner_agent(client, db)
        r = await client.post(
            "/v1/webhooks", json={**HOOK, "url": "http://93.184.215.14/hook"}, headers=agent
        )
        _problem(r, 422, "webhook-url-must-use-https")
        r = await client.post(
            "/v1/webhooks", json={**HOOK, "url": "https://93.184.215.14/hook"}, headers=agent
        )
        assert r.status_code == 201, r.text


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:0/hook",
        "https://hooks.partner-p.example:0/hook",
        "http://0.0.0.0:8080/hook",
        "http://224.0.0.1:8080/hook",
        "http://255.255.255.255/hook",
        "http://[ff02::1]:8080/hook",
    ],
)
async def test_targets_nobody_can_listen_on_are_refused_even_where_private_is_allowed(
    client: httpx.AsyncClient, db: Database, url: str
) -> None:
    agent = await _partner_agent(client, db)
    r = await client.post("/v1/webhooks", json={**HOOK, "url": url}, headers=agent)
    body = _problem(r, 422, "webhook-url-invalid")
    assert body["errors"][0]["field"] == "url"


async def test_port_zero_is_refused_for_public_targets_too(
    strict_client: httpx.AsyncClient, db: Database
) -> None:
    agent = await _partner_agent(strict_client, db)
    r = await strict_client.post(
        "/v1/webhooks", json={**HOOK, "url": "https://93.184.215.14:0/hook"}, headers=agent
    )
    _problem(r, 422, "webhook-url-invalid")
