"""A small world for ticket tests: a customer on a preset contract, its people, staff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from app.db.session import Database
from app.domain.actors import Role
from app.settings import Settings
from tests.support.factories import add_customer, user_headers
from tests.support.sla_config import AARENET_CALENDAR, contract_body, create


@pytest.fixture
def long_lived_tokens(settings: Settings) -> Settings:
    """For tests that move the clock by days: people stay logged in throughout.
    (`model_copy` skips the 60-minute cap that protects real deployments.)"""
    return settings.model_copy(update={"access_token_minutes": 60 * 24 * 90})


@dataclass
class Desk:
    client: httpx.AsyncClient
    db: Database
    admin: dict[str, str]
    customer_id: str
    contract_id: str
    customer: dict[str, str]
    agent: dict[str, str]
    manager: dict[str, str]
    regional: dict[str, str]

    async def open(self, **fields: Any) -> dict[str, Any]:
        body = {
            "subject": "PBX not able to dial PSTN destinations",
            "description": "No outbound PSTN call connects since this morning.",
            "category": "question",
            "severity": 2,
        } | fields
        r = await self.client.post("/v1/tickets", json=body, headers=self.customer)
        assert r.status_code == 201, r.text
        result: dict[str, Any] = r.json()
        return result

    async def move(
        self, ticket_id: str, to: str, headers: dict[str, str] | None = None, **extra: Any
    ) -> httpx.Response:
        return await self.client.post(
            f"/v1/tickets/{ticket_id}/transitions",
            json={"to": to} | extra,
            headers=headers or self.agent,
        )

    async def sla(self, ticket_id: str) -> dict[str, dict[str, Any]]:
        r = await self.client.get(f"/v1/tickets/{ticket_id}/sla", headers=self.agent)
        assert r.status_code == 200, r.text
        return {c["metric"]: c for c in r.json()["clocks"]}


async def make_desk(
    client: httpx.AsyncClient,
    db: Database,
    preset: str,
    *,
    domain: str = "acme.com",
    partner_id: Any = None,
) -> Desk:
    admin = await user_headers(client, db, f"admin@vendor-{preset}.com", Role.ADMIN)
    customer = await add_customer(db, f"ACME {preset}", domain, partner_id=partner_id)
    r = await client.post(
        f"/v1/presets/{preset}/apply", json={"customer_id": str(customer.id)}, headers=admin
    )
    assert r.status_code == 201, r.text
    contract_id = r.json()["contract_id"]
    people = {}
    for name, role in (
        ("lan", Role.CUSTOMER_USER),
        ("agent", Role.AGENT),
        ("manager", Role.SUPPORT_MANAGER),
        ("regional", Role.REGIONAL_OPS_MANAGER),
    ):
        on_customer = role is Role.CUSTOMER_USER
        email = f"{name}@{domain}" if on_customer else f"{name}@vendor-{preset}.com"
        people[name] = await user_headers(
            client, db, email, role, customer_id=customer.id if on_customer else None
        )
    return Desk(
        client,
        db,
        admin,
        str(customer.id),
        contract_id,
        people["lan"],
        people["agent"],
        people["manager"],
        people["regional"],
    )


async def make_policy_desk(
    client: httpx.AsyncClient, db: Database, policy: dict[str, Any], *, domain: str = "acme.com"
) -> Desk:
    """A desk like `make_desk`, on the Aarenet calendar and a policy written for the test."""
    admin = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    customer = await add_customer(db, "ACME", domain)
    calendar = await create(client, "/v1/calendars", AARENET_CALENDAR, admin)
    created = await create(client, "/v1/sla-policies", policy, admin)
    body = contract_body(str(customer.id), calendar["id"], created["id"])
    contract = await create(client, "/v1/contracts", body, admin)
    people = {}
    for name, role in (
        ("lan", Role.CUSTOMER_USER),
        ("agent", Role.AGENT),
        ("manager", Role.SUPPORT_MANAGER),
        ("regional", Role.REGIONAL_OPS_MANAGER),
    ):
        on_customer = role is Role.CUSTOMER_USER
        email = f"{name}@{domain}" if on_customer else f"{name}@vendor.com"
        people[name] = await user_headers(
            client, db, email, role, customer_id=customer.id if on_customer else None
        )
    return Desk(
        client,
        db,
        admin,
        str(customer.id),
        contract["id"],
        people["lan"],
        people["agent"],
        people["manager"],
        people["regional"],
    )
