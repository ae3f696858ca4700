"""Calendars over HTTP: versions, reasons, the audit, and who may read (SPEC 3)."""

from __future__ import annotations

import uuid

import httpx

from app.db.session import Database
from app.domain.actors import Role
from tests.support.factories import add_customer, user_headers
from tests.support.sla_config import (
    AARENET_CALENDAR,
    CLASS_1_POLICY,
    admin,
    contract_body,
    create,
    document,
    field_of,
)

TET_CLOSURE = document(
    AARENET_CALENDAR,
    shifts=[{**AARENET_CALENDAR["shifts"][0], "closed_dates": ["2026-12-24", "2027-02-10"]}],
)


async def test_create_then_get_answers_version_1(client: httpx.AsyncClient, db: Database) -> None:
    headers = await admin(client, db)
    r = await client.post("/v1/calendars", json=AARENET_CALENDAR, headers=headers)
    assert r.status_code == 201, r.text
    created = r.json()
    assert r.headers["location"] == f"/v1/calendars/{created['id']}"
    assert created["version"] == 1
    assert created["name"] == "Aarenet HCMC"
    assert created["shifts"][0]["timezone"] == "Asia/Ho_Chi_Minh"
    assert created["shifts"][0]["holidays"] == {"country": "VN", "subdivision": None}

    r = await client.get(f"/v1/calendars/{created['id']}", headers=headers)
    assert r.status_code == 200
    assert r.json() == created


async def test_put_creates_version_2_and_keeps_version_1(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    me = (await client.get("/v1/me", headers=headers)).json()
    calendar = await create(client, "/v1/calendars", AARENET_CALENDAR, headers)
    path = f"/v1/calendars/{calendar['id']}"

    r = await client.put(
        path, json={**TET_CLOSURE, "reason": "office closed after Tet"}, headers=headers
    )
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 2

    current = (await client.get(path, headers=headers)).json()
    assert current["version"] == 2
    assert current["shifts"][0]["closed_dates"] == ["2026-12-24", "2027-02-10"]

    r = await client.get(f"{path}/versions", headers=headers)
    assert r.status_code == 200
    versions = r.json()["items"]
    assert [v["version"] for v in versions] == [1, 2]
    assert [v["reason"] for v in versions] == ["created", "office closed after Tet"]
    assert {v["created_by"] for v in versions} == {me["id"]}
    assert versions[0]["document"]["shifts"][0]["closed_dates"] == ["2026-12-24"]

    async with db.unit_of_work() as uow:
        changes = await uow.sla_config.config_changes("calendar", uuid.UUID(calendar["id"]))
        assert [(c.version, c.reason) for c in changes] == [
            (1, "created"),
            (2, "office closed after Tet"),
        ]
        assert changes[1].before is not None and changes[1].after is not None
        assert changes[1].before["shifts"][0]["closed_dates"] == ["2026-12-24"]
        assert changes[1].after["shifts"][0]["closed_dates"] == ["2026-12-24", "2027-02-10"]
        assert str(changes[1].actor_id) == me["id"]


async def test_a_contract_keeps_the_version_a_ticket_pinned(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    acme = await add_customer(db, "ACME", "alpha.com")
    calendar = await create(client, "/v1/calendars", AARENET_CALENDAR, headers)
    policy = await create(client, "/v1/sla-policies", CLASS_1_POLICY, headers)
    contract = await create(
        client, "/v1/contracts", contract_body(str(acme.id), calendar["id"], policy["id"]), headers
    )
    r = await client.put(
        f"/v1/calendars/{calendar['id']}", json={**TET_CLOSURE, "reason": "Tet"}, headers=headers
    )
    assert r.status_code == 200, r.text

    async with db.unit_of_work() as uow:
        pinned = await uow.sla_config.contract_terms(uuid.UUID(contract["id"]), calendar_version=1)
        current = await uow.sla_config.contract_terms(uuid.UUID(contract["id"]))
    assert (pinned.calendar_version, current.calendar_version) == (1, 2)
    assert len(pinned.calendar.shifts[0].closed_dates) == 1
    assert len(current.calendar.shifts[0].closed_dates) == 2


async def test_put_needs_a_reason(client: httpx.AsyncClient, db: Database) -> None:
    headers = await admin(client, db)
    calendar = await create(client, "/v1/calendars", AARENET_CALENDAR, headers)
    r = await client.put(f"/v1/calendars/{calendar['id']}", json=TET_CLOSURE, headers=headers)
    assert field_of(r) == "reason"


async def test_put_of_the_same_document_adds_no_version(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    calendar = await create(client, "/v1/calendars", AARENET_CALENDAR, headers)
    body = {**AARENET_CALENDAR, "reason": "no change"}
    r = await client.put(f"/v1/calendars/{calendar['id']}", json=body, headers=headers)
    assert r.status_code == 200
    assert r.json()["version"] == 1


async def test_a_wrong_document_names_the_field(client: httpx.AsyncClient, db: Database) -> None:
    headers = await admin(client, db)
    shift = {**AARENET_CALENDAR["shifts"][0], "timezone": "Mars/Olympus_Mons"}
    r = await client.post(
        "/v1/calendars", json=document(AARENET_CALENDAR, shifts=[shift]), headers=headers
    )
    assert field_of(r) == "shifts[0].timezone"
    assert r.json()["type"].endswith("/invalid-calendar")


async def test_only_an_admin_writes_and_staff_read_all(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    agent = await user_headers(client, db, "agent@vendor.com", Role.AGENT)
    r = await client.post("/v1/calendars", json=AARENET_CALENDAR, headers=agent)
    assert r.status_code == 403
    calendar = await create(client, "/v1/calendars", AARENET_CALENDAR, headers)
    r = await client.put(
        f"/v1/calendars/{calendar['id']}", json={**TET_CLOSURE, "reason": "x" * 5}, headers=agent
    )
    assert r.status_code == 403
    r = await client.get("/v1/calendars", headers=agent)
    assert [c["id"] for c in r.json()["items"]] == [calendar["id"]]


async def test_customers_see_only_the_calendars_their_contracts_use(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    acme = await add_customer(db, "ACME", "alpha.com")
    used = await create(client, "/v1/calendars", AARENET_CALENDAR, headers)
    unused = await create(
        client, "/v1/calendars", document(AARENET_CALENDAR, name="Other"), headers
    )
    policy = await create(client, "/v1/sla-policies", CLASS_1_POLICY, headers)
    await create(
        client, "/v1/contracts", contract_body(str(acme.id), used["id"], policy["id"]), headers
    )
    ann = await user_headers(client, db, "ann@alpha.com", Role.CUSTOMER_USER, customer_id=acme.id)

    r = await client.get("/v1/calendars", headers=ann)
    assert [c["id"] for c in r.json()["items"]] == [used["id"]]
    assert (await client.get(f"/v1/calendars/{used['id']}", headers=ann)).status_code == 200
    assert (await client.get(f"/v1/calendars/{unused['id']}", headers=ann)).status_code == 404
    r = await client.get(f"/v1/calendars/{unused['id']}/versions", headers=ann)
    assert r.status_code == 404


async def test_list_pages_with_a_cursor(client: httpx.AsyncClient, db: Database) -> None:
    headers = await admin(client, db)
    ids = [
        (await create(client, "/v1/calendars", document(AARENET_CALENDAR, name=f"C{i}"), headers))[
            "id"
        ]
        for i in range(3)
    ]
    r = await client.get("/v1/calendars", params={"limit": 2}, headers=headers)
    first = r.json()
    assert [c["id"] for c in first["items"]] == ids[:2]
    r = await client.get(
        "/v1/calendars", params={"limit": 2, "cursor": first["next_cursor"]}, headers=headers
    )
    assert [c["id"] for c in r.json()["items"]] == ids[2:]
    assert r.json()["next_cursor"] is None
