"""Access and refresh tokens: rotation, reuse detection, refused JWTs (SPEC 2)."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import httpx
import pytest
from jose import jwt

from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from app.settings import Settings
from tests.support.factories import PASSWORD, add_user


async def _login(client: httpx.AsyncClient) -> dict[str, str]:
    r = await client.post(
        "/v1/auth/token", data={"username": "agent@vendor.com", "password": PASSWORD}
    )
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


@pytest.fixture
async def agent(db: Database) -> None:
    await add_user(db, "agent@vendor.com", Role.AGENT)


async def _me(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.get("/v1/me", headers={"Authorization": f"Bearer {token}"})


async def test_reusing_a_rotated_refresh_token_revokes_the_family(
    client: httpx.AsyncClient, agent: None
) -> None:
    first = await _login(client)
    other_login = await _login(client)
    r = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    second = r.json()
    # The stolen first token is replayed: refused, and the whole family dies with it.
    replay = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401
    legit = await client.post("/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert legit.status_code == 401
    # Another login is another family: untouched.
    r = await client.post("/v1/auth/refresh", json={"refresh_token": other_login["refresh_token"]})
    assert r.status_code == 200


async def test_expired_access_token_is_refused(
    client: httpx.AsyncClient, agent: None, clock: ControllableClock
) -> None:
    token = (await _login(client))["access_token"]
    assert (await _me(client, token)).status_code == 200
    clock.advance(timedelta(minutes=15, seconds=1))
    r = await _me(client, token)
    assert r.status_code == 401
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.headers["www-authenticate"].startswith("Bearer")


async def test_tampered_access_token_is_refused(client: httpx.AsyncClient, agent: None) -> None:
    token = (await _login(client))["access_token"]
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = "00000000-0000-7000-8000-000000000000"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).decode().rstrip("=")
    assert (await _me(client, f"{header}.{forged}.{signature}")).status_code == 401
    assert (
        await _me(client, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    ).status_code == 401


def _unsigned(claims: dict[str, object]) -> str:
    def part(obj: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")

    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


async def test_alg_none_token_is_refused(
    client: httpx.AsyncClient, agent: None, settings: Settings
) -> None:
    good = (await _login(client))["access_token"]
    claims = jwt.get_unverified_claims(good)
    assert (await _me(client, _unsigned(claims))).status_code == 401


def _signed(settings: Settings, claims: dict[str, object]) -> str:
    assert settings.secret_key is not None
    return jwt.encode(claims, settings.secret_key.get_secret_value(), algorithm="HS256")


@pytest.mark.parametrize("missing", ["aud", "iss", "exp", "iat", "sub", "ver"])
async def test_token_without_a_required_claim_is_refused(
    client: httpx.AsyncClient, agent: None, settings: Settings, missing: str
) -> None:
    claims = jwt.get_unverified_claims((await _login(client))["access_token"])
    assert (await _me(client, _signed(settings, claims))).status_code == 200
    del claims[missing]
    assert (await _me(client, _signed(settings, claims))).status_code == 401


async def test_token_issued_in_the_future_or_for_another_audience_is_refused(
    client: httpx.AsyncClient, agent: None, settings: Settings
) -> None:
    claims = jwt.get_unverified_claims((await _login(client))["access_token"])
    future = {**claims, "iat": int(claims["iat"]) + 3600, "exp": int(claims["exp"]) + 3600}
    assert (await _me(client, _signed(settings, future))).status_code == 401
    foreign = {**claims, "aud": "another-service"}
    assert (await _me(client, _signed(settings, foreign))).status_code == 401
    other_alg = jwt.encode(claims, settings.secret_key.get_secret_value(), algorithm="HS512")  # type: ignore[union-attr]
    assert (await _me(client, other_alg)).status_code == 401


async def test_api_key_authenticates_a_partner_and_revocation_ends_it(
    client: httpx.AsyncClient, db: Database
) -> None:
    from tests.support.factories import add_partner, login

    partner = await add_partner(db, "Helpdesk Partner")
    await add_user(db, "admin@vendor.com", Role.ADMIN)
    admin = await login(client, "admin@vendor.com")
    r = await client.post(
        f"/v1/partners/{partner.id}/api-keys", json={"name": "bridge"}, headers=admin
    )
    assert r.status_code == 201
    key = r.json()["key"]
    assert "key" not in (await client.get(f"/v1/partners/{partner.id}", headers=admin)).json()
    seen = await client.get(f"/v1/partners/{partner.id}", headers={"X-API-Key": key})
    assert seen.status_code == 200
    assert (await client.delete(f"/v1/api-keys/{r.json()['id']}", headers=admin)).status_code == 204
    refused = await client.get(f"/v1/partners/{partner.id}", headers={"X-API-Key": key})
    assert refused.status_code == 401
