"""Contracts over HTTP: terms, validity periods, escalation chains, audit (SPEC 3, 5)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from app.db.session import Database
from app.domain.actors import Role
from app.domain.contracts import Channel
from tests.support.factories import add_customer, add_partner, user_headers
from tests.support.sla_config import (
    AARENET_CALENDAR,
    CLASS_1_POLICY,
    admin,
    contract_body,
    create,
    field_of,
)


async def _setup(client: httpx.AsyncClient, db: Database) -> tuple[dict[str, str], Any, str, str]:
    headers = await admin(client, db)
    partner = await add_partner(db, "Helpdesk P")
    acme = await add_customer(db, "ACME", "alpha.com", partner_id=partner.id)
    calendar = await create(client, "/v1/calendars", AARENET_CALENDAR, headers)
    policy = await create(client, "/v1/sla-policies", CLASS_1_POLICY, headers)
    return headers, acme, calendar["id"], policy["id"]


async def test_create_and_read_a_contract(client: httpx.AsyncClient, db: Database) -> None:
    headers, acme, calendar_id, policy_id = await _setup(client, db)
    body = contract_body(str(acme.id), calendar_id, policy_id, update_interval_minutes=120)
    r = await client.post("/v1/contracts", json=body, headers=headers)
    assert r.status_code == 201, r.text
    contract = r.json()
    assert r.headers["location"] == f"/v1/contracts/{contract['id']}"
    assert contract["valid_from"] == "2025-12-31T17:00:00Z"
    assert contract["valid_to"] is None
    assert contract["channels"] == ["portal", "email"]
    assert [lvl["role"] for lvl in contract["escalation_chain"]] == [
        "regional_ops_manager",
        "director",
    ]
    assert contract["escalation_chain"][0]["contacts"][0]["email"] == "minh@vendor.com"
    assert (contract["reopen_window_days"], contract["auto_close_days"]) == (14, 7)
    assert contract["update_interval_minutes"] == 120
    r = await client.get(f"/v1/contracts/{contract['id']}", headers=headers)
    assert r.json() == contract


async def test_overlapping_contracts_of_one_customer_conflict(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers, acme, calendar_id, policy_id = await _setup(client, db)
    first = contract_body(str(acme.id), calendar_id, policy_id, valid_to="2027-01-01T00:00:00Z")
    await create(client, "/v1/contracts", first, headers)
    overlapping = contract_body(
        str(acme.id), calendar_id, policy_id, valid_from="2026-12-31T00:00:00Z"
    )
    r = await client.post("/v1/contracts", json=overlapping, headers=headers)
    assert r.status_code == 409
    assert r.json()["type"].endswith("/contract-period-overlaps")
    # [from, to) is half-open: the next one may start exactly when the first ends.
    following = contract_body(
        str(acme.id), calendar_id, policy_id, valid_from="2027-01-01T00:00:00Z"
    )
    r = await client.post("/v1/contracts", json=following, headers=headers)
    assert r.status_code == 201, r.text


async def test_the_contract_valid_at_an_instant_with_current_versions(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers, acme, calendar_id, policy_id = await _setup(client, db)
    body = contract_body(str(acme.id), calendar_id, policy_id, valid_to="2027-01-01T00:00:00Z")
    contract = await create(client, "/v1/contracts", body, headers)
    r = await client.put(
        f"/v1/sla-policies/{policy_id}",
        json={**CLASS_1_POLICY, "name": "v2", "reason": "renamed"},
        headers=headers,
    )
    assert r.status_code == 200, r.text

    async with db.unit_of_work() as uow:
        valid = await uow.sla_config.valid_contract(acme.id, datetime(2026, 6, 1, tzinfo=UTC))
        assert valid is not None and str(valid.contract.id) == contract["id"]
        assert (valid.calendar_version, valid.policy_version) == (1, 2)
        assert (
            await uow.sla_config.valid_contract(acme.id, datetime(2027, 1, 1, tzinfo=UTC)) is None
        )
        terms = await uow.sla_config.contract_terms(valid.contract.id)
    assert terms.policy.name == "v2" and terms.policy_version_id == valid.policy_version_id
    assert terms.includes(Channel.EMAIL) and not terms.includes(Channel.PHONE)
    assert terms.top_level == 2


async def test_wrong_terms_name_the_field(client: httpx.AsyncClient, db: Database) -> None:
    headers, acme, calendar_id, policy_id = await _setup(client, db)
    cases: list[tuple[dict[str, Any], str]] = [
        ({"valid_to": "2025-01-01T00:00:00Z"}, "valid_to"),
        ({"channels": ["email", "email"]}, "channels[1]"),
        ({"channels": ["fax"]}, "channels[0]"),
        ({"escalation_chain": [{"level": 2, "role": "director"}]}, "escalation_chain[0].level"),
        ({"escalation_chain": [{"level": 1, "role": "agent"}]}, "escalation_chain[0].role"),
        ({"valid_from": "2026-01-01T00:00:00"}, "valid_from"),
    ]
    for extra, field in cases:
        body = contract_body(str(acme.id), calendar_id, policy_id, **extra)
        r = await client.post("/v1/contracts", json=body, headers=headers)
        assert field_of(r) == field, extra


async def test_unknown_calendar_is_not_found(client: httpx.AsyncClient, db: Database) -> None:
    headers, acme, _, policy_id = await _setup(client, db)
    body = contract_body(str(acme.id), str(uuid.uuid4()), policy_id)
    assert (await client.post("/v1/contracts", json=body, headers=headers)).status_code == 404


async def test_patch_records_before_after_and_reason(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers, acme, calendar_id, policy_id = await _setup(client, db)
    contract = await create(
        client, "/v1/contracts", contract_body(str(acme.id), calendar_id, policy_id), headers
    )
    path = f"/v1/contracts/{contract['id']}"
    patch = {"channels": ["portal", "email", "phone"], "reason": "hotline added at renewal"}
    r = await client.patch(path, json=patch, headers=headers)
    assert r.status_code == 200, r.text
    assert r.json()["channels"] == ["portal", "email", "phone"]
    assert field_of(await client.patch(path, json={"support_level": None}, headers=headers)) == (
        "support_level"
    )

    async with db.unit_of_work() as uow:
        changes = await uow.sla_config.config_changes("contract", uuid.UUID(contract["id"]))
        assert [c.reason for c in changes] == ["created", "hotline added at renewal"]
        assert changes[1].before is not None and changes[1].after is not None
        assert changes[1].before["channels"] == ["portal", "email"]
        assert changes[1].after["channels"] == ["portal", "email", "phone"]


async def test_customers_and_partners_read_but_never_write(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers, acme, calendar_id, policy_id = await _setup(client, db)
    contract = await create(
        client, "/v1/contracts", contract_body(str(acme.id), calendar_id, policy_id), headers
    )
    ann = await user_headers(client, db, "ann@alpha.com", Role.CUSTOMER_ADMIN, customer_id=acme.id)
    pat = await user_headers(
        client, db, "pat@partner-p.com", Role.PARTNER_AGENT, partner_id=acme.partner_id
    )
    for caller in (ann, pat):
        r = await client.get("/v1/contracts", headers=caller)
        assert [c["id"] for c in r.json()["items"]] == [contract["id"]]
        # The calendar and policy a visible contract uses are readable too.
        assert (await client.get(f"/v1/calendars/{calendar_id}", headers=caller)).status_code == 200
        assert (
            await client.get(f"/v1/sla-policies/{policy_id}", headers=caller)
        ).status_code == 200
        r = await client.patch(
            f"/v1/contracts/{contract['id']}", json={"description": "x"}, headers=caller
        )
        assert r.status_code == 403
        body = contract_body(
            str(acme.id), calendar_id, policy_id, valid_from="2030-01-01T00:00:00Z"
        )
        assert (await client.post("/v1/contracts", json=body, headers=caller)).status_code == 403
