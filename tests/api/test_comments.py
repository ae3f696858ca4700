"""Comments (SPEC 4): public and internal, staff updates and customer replies, e-mails."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select

from app.db.models import OutboxMessage
from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from tests.support.factories import add_customer, user_headers
from tests.support.sla_config import AARENET_CALENDAR, contract_body, create
from tests.support.tickets import Desk, long_lived_tokens

settings = long_lived_tokens  # the clock moves by hours

# Continuous clocks, and an `update` target so "keep the customer informed" shows.
KEEP_INFORMED_POLICY: dict[str, Any] = {
    "name": "Keep informed",
    "severities": [
        {"level": level, "name": f"Severity {level}", "definition": f"Level {level}"}
        for level in (1, 2, 3)
    ],
    "targets": [
        {"severity": level, "metric": metric, "minutes": minutes, "clock": "continuous"}
        for level in (1, 2, 3)
        for metric, minutes in (("reaction", 60 * level), ("restore", 480 * level))
    ]
    + [{"severity": 2, "metric": "update", "minutes": 240, "clock": "continuous"}],
}


async def keep_informed_desk(client: httpx.AsyncClient, db: Database) -> Desk:
    """A customer whose contract promises updates every 4 hours at severity 2."""
    admin = await user_headers(client, db, "admin@vendor.com", Role.ADMIN)
    customer = await add_customer(db, "ACME", "acme.com")
    calendar = await create(client, "/v1/calendars", AARENET_CALENDAR, admin)
    policy = await create(client, "/v1/sla-policies", KEEP_INFORMED_POLICY, admin)
    contract = await create(
        client,
        "/v1/contracts",
        contract_body(str(customer.id), calendar["id"], policy["id"]),
        admin,
    )
    people = {}
    for name, role in (
        ("lan", Role.CUSTOMER_USER),
        ("agent", Role.AGENT),
        ("manager", Role.SUPPORT_MANAGER),
        ("regional", Role.REGIONAL_OPS_MANAGER),
    ):
        domain = "acme.com" if role is Role.CUSTOMER_USER else "vendor.com"
        people[name] = await user_headers(
            client,
            db,
            f"{name}@{domain}",
            role,
            customer_id=customer.id if role is Role.CUSTOMER_USER else None,
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


async def comment(
    desk: Desk, ticket_id: str, headers: dict[str, str], body: str, **extra: Any
) -> httpx.Response:
    return await desk.client.post(
        f"/v1/tickets/{ticket_id}/comments", json={"body": body} | extra, headers=headers
    )


async def emails(db: Database) -> list[dict[str, Any]]:
    async with db.unit_of_work() as uow:
        rows = await uow.session.execute(
            select(OutboxMessage).where(OutboxMessage.kind == "email").order_by(OutboxMessage.id)
        )
        return [row.payload for row in rows.scalars()]


async def events(desk: Desk, ticket_id: str, headers: dict[str, str]) -> list[dict[str, Any]]:
    r = await desk.client.get(f"/v1/tickets/{ticket_id}/events", headers=headers)
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def test_a_public_staff_comment_acknowledges_the_case_and_restarts_update(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await keep_informed_desk(client, db)
    ticket = await desk.open()
    clock.advance(timedelta(minutes=30))

    r = await comment(desk, ticket["id"], desk.agent, "We are looking at the trunk.")

    assert r.status_code == 201, r.text
    assert r.json()["visibility"] == "public"
    assert r.json()["channel"] == "portal"
    got = (await client.get(f"/v1/tickets/{ticket['id']}", headers=desk.agent)).json()
    assert got["status"] == "acknowledged"
    clocks = await desk.sla(ticket["id"])
    assert clocks["reaction"]["state"] == "met"
    assert datetime.fromisoformat(clocks["update"]["started_at"]) == clock.now()


async def test_an_internal_note_neither_acknowledges_nor_restarts_update(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await keep_informed_desk(client, db)
    ticket = await desk.open()
    started = (await desk.sla(ticket["id"]))["update"]["started_at"]
    clock.advance(timedelta(minutes=30))

    r = await comment(desk, ticket["id"], desk.agent, "Carrier ticket 4711.", visibility="internal")

    assert r.status_code == 201, r.text
    got = (await client.get(f"/v1/tickets/{ticket['id']}", headers=desk.agent)).json()
    assert got["status"] == "new"
    assert (await desk.sla(ticket["id"]))["update"]["started_at"] == started


async def test_customers_never_see_internal_notes(client: httpx.AsyncClient, db: Database) -> None:
    desk = await keep_informed_desk(client, db)
    ticket = await desk.open()
    await comment(desk, ticket["id"], desk.agent, "Public answer.")
    await comment(desk, ticket["id"], desk.agent, "Internal: carrier fault.", visibility="internal")

    path = f"/v1/tickets/{ticket['id']}/comments"
    staff_view = (await client.get(path, headers=desk.agent)).json()["items"]
    customer_view = (await client.get(path, headers=desk.customer)).json()["items"]

    assert [c["body"] for c in staff_view] == ["Public answer.", "Internal: carrier fault."]
    assert [c["body"] for c in customer_view] == ["Public answer."]
    customer_events = await events(desk, ticket["id"], desk.customer)
    staff_events = await events(desk, ticket["id"], desk.agent)
    added = [e["after"]["visibility"] for e in staff_events if e["kind"] == "comment_added"]
    assert added == ["public", "internal"]
    seen = [e["after"]["visibility"] for e in customer_events if e["kind"] == "comment_added"]
    assert seen == ["public"]


async def test_a_customer_may_not_write_an_internal_note(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await keep_informed_desk(client, db)
    ticket = await desk.open()

    r = await comment(desk, ticket["id"], desk.customer, "Secret?", visibility="internal")

    assert r.status_code == 403
    assert r.json()["type"].endswith("/internal-notes-are-for-staff")
    assert (await client.get(f"/v1/tickets/{ticket['id']}/comments", headers=desk.agent)).json()[
        "items"
    ] == []


async def test_the_customers_reply_resumes_a_case_waiting_for_it(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await keep_informed_desk(client, db)
    ticket = await desk.open()
    await comment(desk, ticket["id"], desk.agent, "Please send a trace.")
    assert (await desk.move(ticket["id"], "waiting_customer")).status_code == 200
    clock.advance(timedelta(hours=2))
    paused_due = (await desk.sla(ticket["id"]))["restore"]

    r = await comment(desk, ticket["id"], desk.customer, "Trace attached.")

    assert r.status_code == 201, r.text
    got = (await client.get(f"/v1/tickets/{ticket['id']}", headers=desk.agent)).json()
    assert got["status"] == "in_progress"
    restore = (await desk.sla(ticket["id"]))["restore"]
    assert paused_due["state"] == "paused"
    assert restore["state"] == "running"
    assert restore["pauses"][-1]["end"] is not None
    moves = [
        e for e in await events(desk, ticket["id"], desk.agent) if e["kind"] == "state_changed"
    ]
    assert moves[-1]["before"] == {"status": "waiting_customer"}
    assert moves[-1]["after"]["status"] == "in_progress"


async def test_an_internal_reply_by_staff_does_not_resume_the_case(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await keep_informed_desk(client, db)
    ticket = await desk.open()
    await comment(desk, ticket["id"], desk.agent, "Please send a trace.")
    await desk.move(ticket["id"], "waiting_customer")

    await comment(desk, ticket["id"], desk.agent, "Still waiting.", visibility="internal")

    got = (await client.get(f"/v1/tickets/{ticket['id']}", headers=desk.agent)).json()
    assert got["status"] == "waiting_customer"


async def test_a_public_staff_comment_is_emailed_to_the_requester_with_the_tracking_number(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await keep_informed_desk(client, db)
    ticket = await desk.open()

    await comment(desk, ticket["id"], desk.agent, "Workaround: route via trunk 2.")
    await comment(desk, ticket["id"], desk.agent, "Internal only.", visibility="internal")

    mails = [m for m in await emails(db) if "Workaround" in m["text"] or "Internal" in m["text"]]
    assert len(mails) == 1
    assert mails[0]["to"] == ["lan@acme.com"]
    assert mails[0]["subject"] == f"[{ticket['tracking_number']}] {ticket['subject']}"


async def test_a_recipient_who_opted_out_gets_no_comment_email(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await keep_informed_desk(client, db)
    ticket = await desk.open()
    r = await client.patch(
        "/v1/me",
        json={"notification_preferences": {"email_public_comments": False}},
        headers=desk.customer,
    )
    assert r.status_code == 200, r.text

    await comment(desk, ticket["id"], desk.agent, "Workaround: route via trunk 2.")

    assert [m for m in await emails(db) if "Workaround" in m["text"]] == []


async def test_a_customer_comment_is_emailed_to_the_assignee(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await keep_informed_desk(client, db)
    ticket = await desk.open()
    agent = (await client.get("/v1/me", headers=desk.agent)).json()
    r = await client.patch(
        f"/v1/tickets/{ticket['id']}", json={"assignee_id": agent["id"]}, headers=desk.agent
    )
    assert r.status_code == 200, r.text

    await comment(desk, ticket["id"], desk.customer, "It fails again since 10:00.")

    mails = [m for m in await emails(db) if "fails again" in m["text"]]
    assert [m["to"] for m in mails] == [[agent["email"]]]
    assert mails[0]["subject"].startswith(f"[{ticket['tracking_number']}] ")


async def test_a_customer_comment_without_an_assignee_emails_nobody(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await keep_informed_desk(client, db)
    ticket = await desk.open()

    r = await comment(desk, ticket["id"], desk.customer, "Any news?")

    assert r.status_code == 201
    assert [m for m in await emails(db) if "Any news?" in m["text"]] == []


async def test_a_comment_needs_a_body_and_a_known_visibility(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await keep_informed_desk(client, db)
    ticket = await desk.open()

    empty = await comment(desk, ticket["id"], desk.agent, "")
    odd = await comment(desk, ticket["id"], desk.agent, "x", visibility="secret")

    assert empty.status_code == odd.status_code == 422
    assert {e["field"] for e in odd.json()["errors"]} == {"visibility"}
