"""Small factories: active people with a known password, and their auth headers."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from functools import lru_cache

import httpx
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from app.db.models import Customer, CustomerDomain, Partner, User
from app.db.session import Database
from app.domain.actors import Role
from app.domain.ids import new_id

PASSWORD = "correct horse battery staple"


@lru_cache
def _password_hash() -> str:
    # One real Argon2id hash for the whole run, at the smallest cost Argon2 allows: a login
    # verifies with the parameters stored in the hash, so each of the suite's thousands of
    # logins costs a millisecond instead of 60. What the service itself hashes (sign-up,
    # password changes) uses the settings' cost, which tests/api check.
    return PasswordHash((Argon2Hasher(memory_cost=1024, time_cost=1, parallelism=1),)).hash(
        PASSWORD
    )


async def add_user(
    db: Database,
    email: str,
    role: Role,
    *,
    customer_id: uuid.UUID | None = None,
    partner_id: uuid.UUID | None = None,
    name: str | None = None,
) -> User:
    now = datetime.now(UTC)
    user = User(
        id=new_id(),
        email=email.lower(),
        name=name or email.split("@")[0].title(),
        role=role.value,
        customer_id=customer_id,
        partner_id=partner_id,
        password_hash=_password_hash(),
        is_active=True,
        phone_numbers=[],
        timezone="UTC",
        notification_preferences={},
        created_at=now,
        updated_at=now,
    )
    async with db.unit_of_work() as uow:
        uow.accounts.add(user)
        await uow.commit()
    return user


async def add_partner(db: Database, name: str) -> Partner:
    partner = Partner(id=new_id(), name=name, created_at=datetime.now(UTC))
    async with db.unit_of_work() as uow:
        uow.organisations.add(partner)
        await uow.commit()
    return partner


async def add_customer(
    db: Database, name: str, domain: str, *, partner_id: uuid.UUID | None = None
) -> Customer:
    now = datetime.now(UTC)
    customer = Customer(
        id=new_id(),
        name=name,
        customer_type="enterprise",
        partner_id=partner_id,
        created_at=now,
        updated_at=now,
    )
    async with db.unit_of_work() as uow:
        uow.organisations.add(customer)
        await uow.organisations.flush()
        uow.organisations.add(
            CustomerDomain(
                id=new_id(), customer_id=customer.id, kind="domain", value=domain, created_at=now
            )
        )
        await uow.commit()
    return customer


async def login(client: httpx.AsyncClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    response = await client.post("/v1/auth/token", data={"username": email, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def user_headers(
    client: httpx.AsyncClient,
    db: Database,
    email: str,
    role: Role,
    *,
    customer_id: uuid.UUID | None = None,
    partner_id: uuid.UUID | None = None,
) -> dict[str, str]:
    await add_user(db, email, role, customer_id=customer_id, partner_id=partner_id)
    return await login(client, email)
