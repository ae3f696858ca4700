"""Accounts under attack (issue 11): captured sign-ups, lock-outs, mail floods, stale tokens.

Over HTTP with a real SMTP inbox; each client address is its own ASGI client.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import httpx
import pytest
from sqlalchemy import event

from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.main import create_app
from app.settings import Settings
from app.worker import Worker
from tests.support.factories import PASSWORD, add_customer, add_user, login, user_headers
from tests.support.smtp import SmtpServer

NEW_PASSWORD = "a much better passphrase"
OWNER = "lan@acme.com"

ClientAt = Callable[[str], AbstractAsyncContextManager[httpx.AsyncClient]]


@pytest.fixture
def client_at(db: Database, settings: Settings, clock: ControllableClock) -> ClientAt:
    """An API client whose requests come from the given IP address."""

    @asynccontextmanager
    async def make(ip: str) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(settings, clock=clock, db=db)
        transport = httpx.ASGITransport(app=app, client=(ip, 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://api.test") as c:
            yield c

    return make


async def _token(client: httpx.AsyncClient, email: str, password: str) -> httpx.Response:
    return await client.post("/v1/auth/token", data={"username": email, "password": password})


def _bearer(tokens: httpx.Response) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens.json()['access_token']}"}


# --- point 7: credentials do not outlive a reset ---------------------------------------


async def _reset_link(
    client: httpx.AsyncClient, worker: Worker, smtp: SmtpServer, email: str = OWNER
) -> str:
    r = await client.post("/v1/auth/password-reset", json={"email": email})
    assert r.status_code == 202, r.text
    await worker.drain()
    return smtp.link_token(email, "reset-password")


async def test_a_password_reset_ends_access_tokens_issued_before(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    customer = await add_customer(db, "ACME", "acme.com")
    await add_user(db, OWNER, Role.CUSTOMER_USER, customer_id=customer.id)
    stolen = await _token(client, OWNER, PASSWORD)
    assert (await client.get("/v1/me", headers=_bearer(stolen))).status_code == 200

    token = await _reset_link(client, worker, smtp)
    body = {"token": token, "password": NEW_PASSWORD}
    assert (await client.post("/v1/auth/password-reset/confirm", json=body)).status_code == 204

    r = await client.get("/v1/me", headers=_bearer(stolen))
    assert r.status_code == 401
    assert r.json()["type"].endswith("/authentication-failed")
    fresh = await _token(client, OWNER, NEW_PASSWORD)
    assert (await client.get("/v1/me", headers=_bearer(fresh))).status_code == 200


async def test_a_newer_reset_link_voids_the_older_ones(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    customer = await add_customer(db, "ACME", "acme.com")
    await add_user(db, OWNER, Role.CUSTOMER_USER, customer_id=customer.id)
    older = await _reset_link(client, worker, smtp)
    newer = await _reset_link(client, worker, smtp)
    assert older != newer

    r = await client.post(
        "/v1/auth/password-reset/confirm", json={"token": older, "password": NEW_PASSWORD}
    )
    assert r.status_code == 400
    assert r.json()["type"].endswith("/token-invalid")
    r = await client.post(
        "/v1/auth/password-reset/confirm", json={"token": newer, "password": NEW_PASSWORD}
    )
    assert r.status_code == 204


async def test_logging_out_everywhere_ends_every_session(
    client: httpx.AsyncClient, db: Database
) -> None:
    await add_user(db, "agent@vendor.com", Role.AGENT)
    laptop = await _token(client, "agent@vendor.com", PASSWORD)
    phone = await _token(client, "agent@vendor.com", PASSWORD)

    r = await client.post("/v1/auth/logout-all", headers=_bearer(laptop))
    assert r.status_code == 204

    for session in (laptop, phone):
        assert (await client.get("/v1/me", headers=_bearer(session))).status_code == 401
        refresh = {"refresh_token": session.json()["refresh_token"]}
        assert (await client.post("/v1/auth/refresh", json=refresh)).status_code == 401
    again = await _token(client, "agent@vendor.com", PASSWORD)
    assert (await client.get("/v1/me", headers=_bearer(again))).status_code == 200
    assert (await client.post("/v1/auth/logout-all")).status_code == 401


async def test_the_revocation_check_costs_one_small_read(
    client: httpx.AsyncClient, db: Database
) -> None:
    await add_user(db, "agent@vendor.com", Role.AGENT)
    headers = _bearer(await _token(client, "agent@vendor.com", PASSWORD))
    assert (await client.get("/v1/me", headers=headers)).status_code == 200  # cached now
    statements: list[str] = []

    def record(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(" ".join(statement.split()).lower())

    event.listen(db.engine.sync_engine, "before_cursor_execute", record)
    try:
        assert (await client.get("/v1/me", headers=headers)).status_code == 200
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", record)
    queries = [s for s in statements if not s.startswith(("begin", "commit", "rollback"))]
    # The cached identity is checked against the cache stamps (a revocation writes a new
    # one: app/db/cache.py), then /me reads the user row.
    assert len(queries) == 2, queries
    assert queries[0] == "select cache_stamps.kind, cache_stamps.stamp from cache_stamps"
    assert queries[1].startswith("select") and "from users where users.id" in queries[1]


# --- point 6: throttles that strangers cannot turn against the owner ---------------------


async def test_a_stranger_cannot_lock_the_owner_out(
    client_at: ClientAt, db: Database, clock: ControllableClock
) -> None:
    await add_user(db, "agent@vendor.com", Role.AGENT)
    async with client_at("10.0.0.7") as laptop, client_at("203.0.113.9") as stranger:
        assert (await _token(laptop, "agent@vendor.com", PASSWORD)).status_code == 200
        for _ in range(5):
            assert (await _token(stranger, "agent@vendor.com", "wrong-guess!")).status_code == 401
        # The stranger is locked out, even with the right password …
        locked = await _token(stranger, "agent@vendor.com", PASSWORD)
        assert locked.status_code == 429
        assert locked.json()["type"].endswith("/too-many-attempts")
        assert 0 < int(locked.headers["Retry-After"]) <= 900
        # … the owner, on the device they logged in from before, is not.
        assert (await _token(laptop, "agent@vendor.com", PASSWORD)).status_code == 200
        # That device has its own budget of failures for the account.
        for _ in range(5):
            assert (await _token(laptop, "agent@vendor.com", "typo-typo!")).status_code == 401
        assert (await _token(laptop, "agent@vendor.com", PASSWORD)).status_code == 429


async def test_one_client_guessing_many_addresses_is_throttled(
    client_at: ClientAt, db: Database, settings: Settings
) -> None:
    limit = settings.login_client_max_failures
    await add_user(db, "agent@vendor.com", Role.AGENT)
    async with client_at("198.51.100.4") as sprayer, client_at("10.0.0.7") as colleague:
        answers = [
            (await _token(sprayer, f"user{i}@vendor.com", "Winter2026!")).status_code
            for i in range(30)
        ]
        assert answers[:limit] == [401] * limit
        assert set(answers[limit:]) == {429}
        # The throttle is the sprayer's, not the accounts' nor anyone else's.
        assert (await _token(sprayer, "agent@vendor.com", PASSWORD)).status_code == 429
        assert (await _token(colleague, "agent@vendor.com", PASSWORD)).status_code == 200


async def test_account_emails_to_one_address_are_capped_per_hour(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    smtp: SmtpServer,
    settings: Settings,
    clock: ControllableClock,
) -> None:
    from datetime import timedelta

    customer = await add_customer(db, "ACME", "acme.com")
    await add_user(db, OWNER, Role.CUSTOMER_USER, customer_id=customer.id)
    signup = {"name": "Lan Nguyen", "email": OWNER, "company": "ACME"}
    answers = set()
    for _ in range(10):
        for r in (
            await client.post("/v1/auth/password-reset", json={"email": OWNER}),
            await client.post("/v1/auth/signup", json=signup),
            await client.post("/v1/auth/password-reset", json={"email": "ghost@acme.com"}),
        ):
            assert r.status_code == 202, r.text
            answers.add(r.text)
    assert len(answers) == 2  # one answer for sign-ups, one for resets: nothing revealed
    await worker.drain()
    assert len(smtp.to(OWNER)) == settings.account_mails_per_address_hour
    assert smtp.to("ghost@acme.com") == []

    clock.advance(timedelta(hours=1, seconds=1))
    assert (await client.post("/v1/auth/password-reset", json={"email": OWNER})).status_code == 202
    await worker.drain()
    assert len(smtp.to(OWNER)) == settings.account_mails_per_address_hour + 1


async def test_anonymous_requests_from_one_client_are_throttled(
    client_at: ClientAt, db: Database, settings: Settings
) -> None:
    limit = settings.account_requests_per_client_hour
    async with client_at("198.51.100.4") as flooder, client_at("10.0.0.7") as other:
        for i in range(limit):
            r = await flooder.post("/v1/auth/password-reset", json={"email": f"p{i}@acme.com"})
            assert r.status_code == 202
        r = await flooder.post("/v1/auth/password-reset", json={"email": "last@acme.com"})
        assert r.status_code == 429
        assert int(r.headers["Retry-After"]) > 0
        r = await other.post("/v1/auth/password-reset", json={"email": "last@acme.com"})
        assert r.status_code == 202


# --- point 3: sign-ups cannot be captured into another company ---------------------------


async def test_a_customer_admin_cannot_register_another_companys_address(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    await add_customer(db, "ACME", "acme.com")
    beta = await add_customer(db, "Beta", "beta.com")
    beta_admin = await user_headers(
        client, db, "boss@beta.com", Role.CUSTOMER_ADMIN, customer_id=beta.id
    )
    domains = f"/v1/customers/{beta.id}/domains"

    r = await client.post(domains, json={"address": "newhire@acme.com"}, headers=beta_admin)
    assert r.status_code == 409, r.text
    assert r.json()["type"].endswith("/registration-held-elsewhere")
    invite = {"email": "newhire@acme.com", "name": "New Hire", "role": "customer_user"}
    r = await client.post(f"/v1/customers/{beta.id}/users", json=invite, headers=beta_admin)
    assert r.status_code == 409, r.text
    assert r.json()["type"].endswith("/registration-held-elsewhere")
    r = await client.post(domains, json={"domain": "acme.com"}, headers=beta_admin)
    assert r.status_code == 409

    # Vendor staff may register it deliberately; the sign-up then asks, never picks.
    admin = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    r = await client.post(domains, json={"address": "newhire@acme.com"}, headers=admin)
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "verified"
    signup = {"name": "New Hire", "email": "newhire@acme.com", "company": "ACME"}
    r = await client.post("/v1/auth/signup", json=signup)
    assert r.status_code == 409
    assert r.json()["type"].endswith("/signup-registration-conflict")
    assert r.json()["errors"][0]["field"] == "email"
    assert await worker.drain() == 0


async def test_a_customer_admins_domain_claim_waits_for_staff_approval(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    beta = await add_customer(db, "Beta", "beta.com")
    beta_admin = await user_headers(
        client, db, "boss@beta.com", Role.CUSTOMER_ADMIN, customer_id=beta.id
    )
    domains = f"/v1/customers/{beta.id}/domains"
    r = await client.post(domains, json={"domain": "beta-labs.com"}, headers=beta_admin)
    assert r.status_code == 201, r.text
    claim = r.json()
    assert claim["status"] == "pending"

    signup = {"name": "Kim", "email": "kim@beta-labs.com", "company": "Beta"}
    r = await client.post("/v1/auth/signup", json=signup)
    assert r.status_code == 422
    assert r.json()["type"].endswith("/email-domain-not-registered")
    assert "approval" in r.json()["detail"]

    approve = f"{domains}/{claim['id']}/approve"
    assert (await client.post(approve, headers=beta_admin)).status_code == 403
    admin = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    r = await client.post(approve, headers=admin)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "verified"
    again = await client.post(approve, headers=admin)
    assert again.status_code == 409
    assert again.json()["type"].endswith("/registration-not-pending")

    assert (await client.post("/v1/auth/signup", json=signup)).status_code == 202
    await worker.drain()
    token = smtp.link_token("kim@beta-labs.com", "activate")
    r = await client.post("/v1/auth/activate", json={"token": token, "password": NEW_PASSWORD})
    assert r.status_code == 200
    assert r.json()["customer_id"] == str(beta.id)


async def test_a_domain_with_another_companys_addresses_cannot_be_claimed(
    client: httpx.AsyncClient, db: Database
) -> None:
    acme = await add_customer(db, "ACME", "acme.com")
    beta = await add_customer(db, "Beta", "beta.com")
    admin = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    r = await client.post(
        f"/v1/customers/{acme.id}/domains", json={"address": "ops@gamma.io"}, headers=admin
    )
    assert r.status_code == 201
    beta_admin = await login(
        client,
        (await add_user(db, "boss@beta.com", Role.CUSTOMER_ADMIN, customer_id=beta.id)).email,
    )
    r = await client.post(
        f"/v1/customers/{beta.id}/domains", json={"domain": "gamma.io"}, headers=beta_admin
    )
    assert r.status_code == 409
    assert r.json()["type"].endswith("/registration-held-elsewhere")
