"""Webhook subscriptions over HTTP: who may subscribe, the secret shown once (a Standard
Webhooks secret), the target URL checks, editing and re-enabling, rotating the secret and
queueing a test ping (SPEC 6, issue 10)."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update
from standardwebhooks import Webhook

from app.db.models import OutboxMessage, WebhookSubscription
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
    assert created["secret"].startswith("whsec_")
    key = base64.b64decode(created["secret"].removeprefix("whsec_"), validate=True)
    assert len(key) == 32  # 256 random bits, as the Standard Webhooks libraries read it
    assert Webhook(created["secret"])._whsecret == key  # what it will sign with
    assert created["secret"].startswith(created["secret_prefix"])
    assert created["previous_secret_until"] is None
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


async def _hook(client: httpx.AsyncClient, db: Database) -> tuple[dict[str, str], dict[str, Any]]:
    agent = await _partner_agent(client, db)
    r = await client.post("/v1/webhooks", json=HOOK, headers=agent)
    assert r.status_code == 201, r.text
    created: dict[str, Any] = r.json()
    return agent, created


async def test_patch_edits_only_the_fields_given(client: httpx.AsyncClient, db: Database) -> None:
    agent, hook = await _hook(client, db)
    r = await client.patch(
        f"/v1/webhooks/{hook['id']}",
        json={"events": ["sla.breached", "ticket.created", "sla.breached"], "description": "v2"},
        headers=agent,
    )
    assert r.status_code == 200, r.text
    assert r.json()["events"] == ["sla.breached", "ticket.created"]
    assert r.json()["description"] == "v2"
    assert r.json()["url"] == HOOK["url"] and r.json()["is_active"] is True
    assert r.json()["secret_prefix"] == hook["secret_prefix"] and "secret" not in r.json()
    r = await client.patch(
        f"/v1/webhooks/{hook['id']}",
        json={"url": "https://93.184.215.14/v2", "contact_email": "Ops@Partner-P.com"},
        headers=agent,
    )
    assert r.status_code == 200, r.text
    got = (await client.get(f"/v1/webhooks/{hook['id']}", headers=agent)).json()
    assert got["url"] == "https://93.184.215.14/v2" and got["contact_email"] == "ops@partner-p.com"
    assert got["description"] == "v2"


async def test_patch_re_enables_a_disabled_subscription_with_a_fresh_count(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    agent, hook = await _hook(client, db)
    async with db.unit_of_work() as uow:
        await uow.session.execute(
            update(WebhookSubscription).values(
                is_active=False,
                disabled_at=clock.now(),
                consecutive_failures=25,
                failing_since=clock.now() - timedelta(days=3),
            )
        )
        await uow.commit()
    r = await client.patch(f"/v1/webhooks/{hook['id']}", json={"is_active": True}, headers=agent)
    assert r.status_code == 200, r.text
    assert r.json()["is_active"] is True and r.json()["disabled_at"] is None
    assert r.json()["consecutive_failures"] == 0
    async with db.unit_of_work() as uow:
        row = (await uow.session.execute(select(WebhookSubscription))).scalar_one()
        assert row.failing_since is None  # the next failure starts a new streak
    r = await client.patch(f"/v1/webhooks/{hook['id']}", json={"is_active": False}, headers=agent)
    assert r.json()["is_active"] is False and r.json()["disabled_at"]


async def test_patch_checks_a_new_url_like_a_new_subscription(
    strict_client: httpx.AsyncClient, db: Database
) -> None:
    agent = await _partner_agent(strict_client, db)
    r = await strict_client.post(
        "/v1/webhooks", json={**HOOK, "url": "https://93.184.215.14/hook"}, headers=agent
    )
    path = f"/v1/webhooks/{r.json()['id']}"
    for url, slug in [
        ("http://127.0.0.1:8080/hook", "webhook-target-not-public"),
        ("ftp://93.184.215.14/hook", "webhook-url-invalid"),
    ]:
        body = _problem(
            await strict_client.patch(path, json={"url": url}, headers=agent), 422, slug
        )
        assert body["errors"][0]["field"] == "url"
    assert (await strict_client.get(path, headers=agent)).json()[
        "url"
    ] == "https://93.184.215.14/hook"


@pytest.mark.parametrize(
    "body",
    [{"secret": "whsec_mine"}, {"events": []}, {"events": ["ticket.eaten"]}, {"url": ""}],
)
async def test_patch_refuses_what_it_cannot_change(
    client: httpx.AsyncClient, db: Database, body: dict[str, Any]
) -> None:
    agent, hook = await _hook(client, db)
    r = await client.patch(f"/v1/webhooks/{hook['id']}", json=body, headers=agent)
    _problem(r, 422, "validation-failed")


async def test_rotating_answers_a_new_secret_once_and_keeps_the_old_for_24_hours(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    agent, hook = await _hook(client, db)
    r = await client.post(f"/v1/webhooks/{hook['id']}/rotate-secret", headers=agent)
    assert r.status_code == 200, r.text
    rotated = r.json()
    assert rotated["secret"] != hook["secret"] and rotated["secret"].startswith("whsec_")
    assert len(base64.b64decode(rotated["secret"][6:], validate=True)) == 32
    assert rotated["secret_prefix"] == rotated["secret"][:10]
    until = datetime.fromisoformat(rotated["previous_secret_until"])
    assert until == clock.now() + timedelta(hours=24)
    got = (await client.get(f"/v1/webhooks/{hook['id']}", headers=agent)).json()
    assert "secret" not in got and got["secret_prefix"] == rotated["secret_prefix"]
    assert got["previous_secret_until"] == rotated["previous_secret_until"]


async def test_a_ping_is_queued_for_that_subscription_only(
    client: httpx.AsyncClient, db: Database
) -> None:
    agent, hook = await _hook(client, db)
    r = await client.post("/v1/webhooks", json=HOOK, headers=agent)
    assert r.status_code == 201
    r = await client.post(f"/v1/webhooks/{hook['id']}/test", headers=agent)
    assert r.status_code == 202, r.text
    stmt = select(OutboxMessage.id, OutboxMessage.kind, OutboxMessage.payload)
    async with db.unit_of_work() as uow:
        [(message_id, kind, payload)] = (await uow.session.execute(stmt)).all()
    assert str(message_id) == r.json()["delivery_id"]
    assert kind == "webhook" and payload["subscription_id"] == hook["id"]
    assert payload["event_type"] == "webhook.test"
    assert payload["event_id"] == r.json()["event_id"]


async def test_a_disabled_subscription_is_not_pinged(
    client: httpx.AsyncClient, db: Database
) -> None:
    agent, hook = await _hook(client, db)
    await client.patch(f"/v1/webhooks/{hook['id']}", json={"is_active": False}, headers=agent)
    r = await client.post(f"/v1/webhooks/{hook['id']}/test", headers=agent)
    body = _problem(r, 409, "webhook-disabled")
    assert "is_active" in body["detail"]
    problems = (await client.get("/v1/problems")).json()
    assert any(p["type"].endswith("/webhook-disabled") for p in problems)


async def test_patch_applies_only_to_the_version_named_by_if_match(
    client: httpx.AsyncClient, db: Database
) -> None:
    agent, hook = await _hook(client, db)
    path = f"/v1/webhooks/{hook['id']}"
    etag = (await client.get(path, headers=agent)).headers["etag"]
    r = await client.patch(path, json={"description": "first"}, headers={**agent, "If-Match": etag})
    assert r.status_code == 200, r.text
    assert r.headers["etag"] != etag
    assert r.headers["etag"] == (await client.get(path, headers=agent)).headers["etag"]
    r = await client.patch(
        path, json={"description": "second"}, headers={**agent, "If-Match": etag}
    )
    body = _problem(r, 412, "precondition-failed")
    assert body["current_etag"] == (await client.get(path, headers=agent)).headers["etag"]
    assert (await client.get(path, headers=agent)).json()["description"] == "first"
