"""Accounts over HTTP with real SMTP (SPEC 2)."""

from __future__ import annotations

from datetime import timedelta

import httpx

from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.worker import Worker
from tests.support.factories import PASSWORD, add_customer, add_user, login
from tests.support.smtp import SmtpServer

NEW_PASSWORD = "a much better passphrase"


async def _sign_up(client: httpx.AsyncClient, email: str) -> httpx.Response:
    return await client.post(
        "/v1/auth/signup", json={"name": "Lan Nguyen", "email": email, "company": "ACME"}
    )


async def test_signup_activation_login_refresh_me_logout(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    customer = await add_customer(db, "ACME", "acme.com")
    r = await _sign_up(client, "lan@acme.com")
    assert r.status_code == 202, r.text

    assert await worker.drain() == 1
    [mail] = smtp.to("lan@acme.com")
    assert "Activate" in str(mail["Subject"])
    token = smtp.link_token("lan@acme.com", "activate")
    assert len(token) >= 43  # 256 bits, URL-safe

    r = await client.post("/v1/auth/activate", json={"token": token, "password": NEW_PASSWORD})
    assert r.status_code == 200, r.text
    assert r.json()["customer_id"] == str(customer.id)
    assert r.json()["role"] == "customer_user"

    async with db.unit_of_work() as uow:
        user = await uow.accounts.user_by_email("lan@acme.com")
        stored = user.password_hash if user is not None else ""
    # Argon2id at the settings' cost (OWASP's minimum: 19 MiB, two passes), salted.
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")

    r = await client.post(
        "/v1/auth/token", data={"username": "lan@acme.com", "password": NEW_PASSWORD}
    )
    assert r.status_code == 200, r.text
    first = r.json()
    assert first["token_type"] == "bearer" and first["expires_in"] <= 3600

    r = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert r.status_code == 200, r.text
    second = r.json()
    assert second["refresh_token"] != first["refresh_token"]

    me = await client.get("/v1/me", headers={"Authorization": f"Bearer {second['access_token']}"})
    assert me.status_code == 200
    assert me.json()["email"] == "lan@acme.com"

    r = await client.post("/v1/auth/logout", json={"refresh_token": second["refresh_token"]})
    assert r.status_code == 204
    r = await client.post("/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert r.status_code == 401
    assert r.json()["type"].endswith("/authentication-failed")


async def test_activation_link_works_once(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    await add_customer(db, "ACME", "acme.com")
    await _sign_up(client, "lan@acme.com")
    await worker.drain()
    token = smtp.link_token("lan@acme.com", "activate")
    body = {"token": token, "password": NEW_PASSWORD}
    assert (await client.post("/v1/auth/activate", json=body)).status_code == 200
    again = await client.post("/v1/auth/activate", json=body)
    assert again.status_code == 400
    assert again.json()["type"].endswith("/token-invalid")


async def test_activation_link_expires(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    smtp: SmtpServer,
    clock: ControllableClock,
) -> None:
    await add_customer(db, "ACME", "acme.com")
    await _sign_up(client, "lan@acme.com")
    await worker.drain()
    token = smtp.link_token("lan@acme.com", "activate")
    clock.advance(timedelta(hours=48, seconds=1))
    r = await client.post("/v1/auth/activate", json={"token": token, "password": NEW_PASSWORD})
    assert r.status_code == 400
    assert r.json()["type"].endswith("/token-invalid")


async def test_free_mail_is_refused_with_a_clear_problem(
    client: httpx.AsyncClient, db: Database
) -> None:
    r = await _sign_up(client, "someone@gmail.com")
    assert r.status_code == 422
    body = r.json()
    assert body["type"].endswith("/free-mail-address")
    assert "company address" in body["detail"]
    assert body["errors"][0]["field"] == "email"


async def test_unregistered_domain_is_refused(client: httpx.AsyncClient, db: Database) -> None:
    r = await _sign_up(client, "someone@unknown-corp.com")
    assert r.status_code == 422
    assert r.json()["type"].endswith("/email-domain-not-registered")


async def test_explicitly_registered_free_mail_address_may_sign_up(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    customer = await add_customer(db, "Tiny SOHO", "tiny-soho.com")
    admin = await add_user(db, "admin@vendor.com", Role.ADMIN)
    headers = await login(client, admin.email)
    r = await client.post(
        f"/v1/customers/{customer.id}/domains",
        json={"address": "owner@gmail.com"},
        headers=headers,
    )
    assert r.status_code == 201, r.text
    assert (await _sign_up(client, "owner@gmail.com")).status_code == 202
    assert await worker.drain() == 1
    assert smtp.to("owner@gmail.com")


async def test_signup_answer_does_not_reveal_an_existing_account(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    customer = await add_customer(db, "ACME", "acme.com")
    await add_user(db, "old@acme.com", Role.CUSTOMER_USER, customer_id=customer.id)
    existing = await _sign_up(client, "old@acme.com")
    fresh = await _sign_up(client, "new@acme.com")
    assert existing.status_code == fresh.status_code == 202
    assert existing.json() == fresh.json()
    await worker.drain()
    # The owner is told by e-mail, where only they can read it.
    assert "already has an account" in smtp.text_of(smtp.to("old@acme.com")[0])


async def test_password_reset_by_email_link(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    customer = await add_customer(db, "ACME", "acme.com")
    await add_user(db, "lan@acme.com", Role.CUSTOMER_USER, customer_id=customer.id)
    old_session = await client.post(
        "/v1/auth/token", data={"username": "lan@acme.com", "password": PASSWORD}
    )
    unknown = await client.post("/v1/auth/password-reset", json={"email": "nobody@acme.com"})
    known = await client.post("/v1/auth/password-reset", json={"email": "lan@acme.com"})
    assert unknown.status_code == known.status_code == 202
    assert unknown.json() == known.json()
    assert await worker.drain() == 1
    token = smtp.link_token("lan@acme.com", "reset-password")
    r = await client.post(
        "/v1/auth/password-reset/confirm", json={"token": token, "password": NEW_PASSWORD}
    )
    assert r.status_code == 204
    assert (await login(client, "lan@acme.com", NEW_PASSWORD))["Authorization"]
    bad = await client.post(
        "/v1/auth/token", data={"username": "lan@acme.com", "password": PASSWORD}
    )
    assert bad.status_code == 401
    # A new password ends the sessions the old one opened.
    stale = await client.post(
        "/v1/auth/refresh", json={"refresh_token": old_session.json()["refresh_token"]}
    )
    assert stale.status_code == 401


async def test_weak_password_is_refused_naming_the_field(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    await add_customer(db, "ACME", "acme.com")
    await _sign_up(client, "lan@acme.com")
    await worker.drain()
    token = smtp.link_token("lan@acme.com", "activate")
    r = await client.post("/v1/auth/activate", json={"token": token, "password": "short"})
    assert r.status_code == 422
    assert r.json()["type"].endswith("/password-too-weak")
    assert r.json()["errors"][0]["field"] == "password"
    # A refused password rolls the whole use case back, so the link still works.
    r = await client.post("/v1/auth/activate", json={"token": token, "password": NEW_PASSWORD})
    assert r.status_code == 200


async def test_repeated_failed_logins_are_throttled(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    await add_user(db, "agent@vendor.com", Role.AGENT)
    for _ in range(5):
        r = await client.post(
            "/v1/auth/token", data={"username": "agent@vendor.com", "password": "wrong-guess!"}
        )
        assert r.status_code == 401
    r = await client.post(
        "/v1/auth/token", data={"username": "agent@vendor.com", "password": PASSWORD}
    )
    assert r.status_code == 429
    assert r.json()["type"].endswith("/too-many-attempts")
    assert 0 < int(r.headers["Retry-After"]) <= 900
    # Addresses without an account are throttled the same way (no enumeration).
    for _ in range(6):
        r = await client.post(
            "/v1/auth/token", data={"username": "ghost@vendor.com", "password": "x" * 12}
        )
    assert r.status_code == 429
    clock.advance(timedelta(seconds=901))
    assert (await login(client, "agent@vendor.com"))["Authorization"]


async def test_profile_update_keeps_contact_details(
    client: httpx.AsyncClient, db: Database
) -> None:
    await add_user(db, "agent@vendor.com", Role.AGENT)
    headers = await login(client, "agent@vendor.com")
    r = await client.patch(
        "/v1/me",
        json={
            "phone_numbers": [{"label": "mobile", "number": "+41 79 123 45 67"}],
            "timezone": "Europe/Zurich",
            "notification_preferences": {"email_sla_warnings": False},
        },
        headers=headers,
    )
    assert r.status_code == 200, r.text
    me = (await client.get("/v1/me", headers=headers)).json()
    assert me["timezone"] == "Europe/Zurich"
    assert me["phone_numbers"] == [{"label": "mobile", "number": "+41 79 123 45 67"}]
    assert me["notification_preferences"]["email_sla_warnings"] is False
    bad = await client.patch("/v1/me", json={"timezone": "Mars/Olympus"}, headers=headers)
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "timezone"
