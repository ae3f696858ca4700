"""Newcomers can finish what they start: change a password with the current one, or as an
operator from the command line; both end every other session (SPEC 2; issue 12)."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import httpx

from app.db.session import Database
from app.domain.actors import Role
from tests.support.factories import PASSWORD, add_user, login

NEW = "a brand new passphrase for 2027"


async def test_a_person_changes_their_password_and_other_sessions_end(
    client: httpx.AsyncClient, db: Database
) -> None:
    await add_user(db, "ann@vendor.example", Role.AGENT)
    laptop = await login(client, "ann@vendor.example")
    phone = await client.post(
        "/v1/auth/token", data={"username": "ann@vendor.example", "password": PASSWORD}
    )
    phone_refresh = phone.json()["refresh_token"]

    wrong = await client.post(
        "/v1/me/password",
        json={"current_password": "not it", "new_password": NEW},
        headers=laptop,
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "current_password"
    weak = await client.post(
        "/v1/me/password",
        json={"current_password": PASSWORD, "new_password": "short"},
        headers=laptop,
    )
    assert weak.status_code == 422

    changed = await client.post(
        "/v1/me/password",
        json={"current_password": PASSWORD, "new_password": NEW},
        headers=laptop,
    )
    assert changed.status_code == 200, changed.text
    assert changed.headers["cache-control"] == "no-store"
    fresh = {"Authorization": f"Bearer {changed.json()['access_token']}"}
    assert (await client.get("/v1/me", headers=fresh)).status_code == 200
    # Every session the old password opened has ended: access and refresh tokens.
    assert (await client.get("/v1/me", headers=laptop)).status_code == 401
    stale = await client.post("/v1/auth/refresh", json={"refresh_token": phone_refresh})
    assert stale.status_code == 401
    old = await client.post(
        "/v1/auth/token", data={"username": "ann@vendor.example", "password": PASSWORD}
    )
    assert old.status_code == 401
    assert (await login(client, "ann@vendor.example", NEW))["Authorization"]


async def test_the_first_admins_default_address_passes_our_own_validation(
    client: httpx.AsyncClient,
) -> None:
    from app.cli import DEFAULT_ADMIN_EMAIL

    r = await client.post("/v1/auth/password-reset", json={"email": DEFAULT_ADMIN_EMAIL})
    assert r.status_code == 202, r.text


async def test_an_operator_sets_a_password_from_the_command_line(
    client: httpx.AsyncClient, db: Database, database_url: str, tmp_path: Path
) -> None:
    await add_user(db, "admin@supportdesk.example", Role.ADMIN)
    before = await login(client, "admin@supportdesk.example")
    done = await asyncio.to_thread(
        _set_password, database_url, tmp_path, "admin@supportdesk.example"
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert (await client.get("/v1/me", headers=before)).status_code == 401
    assert await login(client, "admin@supportdesk.example", NEW)
    unknown = await asyncio.to_thread(_set_password, database_url, tmp_path, "nobody@x.example")
    assert unknown.returncode != 0 and "no account" in unknown.stderr


def _set_password(database_url: str, folder: Path, email: str) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).parent / "supportdesk"
    root = Path(__file__).resolve().parents[2]
    return subprocess.run(  # noqa: S603 (our own command)
        [str(command), "set-password", "--email", email, "--password-stdin"],
        input=NEW + "\n",
        capture_output=True,
        text=True,
        env={
            "SUPPORTDESK_DATABASE_URL": database_url,
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(root),
        },
        cwd=folder,
        timeout=120,
    )
