"""Severity is agreed, not imposed (SPEC 4.1.1), through the HTTP API."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from app.db.models import OutboxMessage
from app.db.session import Database
from tests.support.tickets import Desk, make_desk

PRESET = "aarenet-standard"  # classes 1..4; restore 2 h, 8 h BH, 5 working days, 1 month


async def propose(
    desk: Desk, ticket_id: str, headers: dict[str, str], to_level: int, reason: str, **extra: Any
) -> httpx.Response:
    return await desk.client.post(
        f"/v1/tickets/{ticket_id}/severity-changes",
        json={"to_level": to_level, "reason": reason} | extra,
        headers=headers,
    )


async def act(
    desk: Desk,
    ticket_id: str,
    change_id: str,
    verb: str,
    headers: dict[str, str],
    body: dict[str, Any] | None = None,
) -> httpx.Response:
    return await desk.client.post(
        f"/v1/tickets/{ticket_id}/severity-changes/{change_id}/{verb}", json=body, headers=headers
    )


async def severity_of(desk: Desk, ticket_id: str) -> int:
    r = await desk.client.get(f"/v1/tickets/{ticket_id}", headers=desk.agent)
    level: int = r.json()["severity"]
    return level


async def event_kinds(desk: Desk, ticket_id: str) -> list[str]:
    r = await desk.client.get(f"/v1/tickets/{ticket_id}/events", headers=desk.agent)
    return [e["kind"] for e in r.json()["items"]]


async def events_of(desk: Desk, ticket_id: str, kind: str) -> list[dict[str, Any]]:
    r = await desk.client.get(f"/v1/tickets/{ticket_id}/events", headers=desk.agent)
    return [e for e in r.json()["items"] if e["kind"] == kind]


async def dispute_escalations(desk: Desk, ticket_id: str) -> list[dict[str, Any]]:
    """The `severity_dispute` escalation the dispute opened (through the escalations hook:
    `escalation_requested` before escalations existed, `escalation_opened` now)."""
    r = await desk.client.get(f"/v1/tickets/{ticket_id}/events", headers=desk.agent)
    return [
        e
        for e in r.json()["items"]
        if e["kind"] in ("escalation_requested", "escalation_opened")
        and e["after"]["reason"] == "severity_dispute"
    ]


async def emails_to(db: Database, address: str) -> list[dict[str, Any]]:
    async with db.unit_of_work() as uow:
        rows = await uow.session.execute(
            select(OutboxMessage).where(OutboxMessage.kind == "email").order_by(OutboxMessage.id)
        )
        return [r.payload for r in rows.scalars() if r.payload["to"] == [address]]


async def test_a_staff_upgrade_applies_at_once_and_retargets_the_clocks(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, PRESET)
    ticket = await desk.open(severity=2)
    before = await desk.sla(ticket["id"])

    r = await propose(desk, ticket["id"], desk.agent, 1, "All trunks are down, not one.")

    assert r.status_code == 201, r.text
    assert r.json()["status"] == "applied"
    assert await severity_of(desk, ticket["id"]) == 1
    after = await desk.sla(ticket["id"])
    assert (before["restore"]["minutes"], after["restore"]["minutes"]) == (480, 120)
    assert after["restore"]["due_at"] < before["restore"]["due_at"]
    (event,) = await events_of(desk, ticket["id"], "severity_changed")
    assert event["before"] == {"severity": 2}
    assert event["after"]["severity"] == 1
    assert event["reason"] == "All trunks are down, not one."


async def test_a_staff_downgrade_takes_effect_only_when_the_customer_accepts(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, PRESET)
    ticket = await desk.open(severity=2)
    before = await desk.sla(ticket["id"])

    r = await propose(desk, ticket["id"], desk.agent, 3, "Only one extension is affected.")

    assert r.status_code == 201, r.text
    change = r.json()
    assert (change["status"], change["kind"], change["proposed_side"]) == (
        "pending",
        "proposal",
        "staff",
    )
    assert await severity_of(desk, ticket["id"]) == 2
    assert await desk.sla(ticket["id"]) == before
    (mail,) = [
        m for m in await emails_to(db, "lan@acme.com") if "Severity change proposed" in m["subject"]
    ]
    assert mail["subject"].startswith(f"[{ticket['tracking_number']}] ")

    own = await act(desk, ticket["id"], change["id"], "accept", desk.agent)
    assert own.status_code == 403
    assert own.json()["type"].endswith("/severity-change-not-yours-to-answer")

    accepted = await act(desk, ticket["id"], change["id"], "accept", desk.customer)

    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["status"] == "accepted"
    assert await severity_of(desk, ticket["id"]) == 3
    after = await desk.sla(ticket["id"])
    assert after["restore"]["minutes"] == 5 * 600
    assert after["restore"]["due_at"] > before["restore"]["due_at"]
    assert after["reaction"]["due_at"] > before["reaction"]["due_at"]
    kinds = await event_kinds(desk, ticket["id"])
    assert kinds[-2:] == ["severity_change_proposed", "severity_change_accepted"]


async def test_a_rejected_downgrade_is_a_dispute_the_regional_ops_manager_decides(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, PRESET)
    ticket = await desk.open(severity=2)
    change = (await propose(desk, ticket["id"], desk.agent, 3, "One extension only.")).json()

    no_reason = await act(desk, ticket["id"], change["id"], "reject", desk.customer, {})
    rejected = await act(
        desk,
        ticket["id"],
        change["id"],
        "reject",
        desk.customer,
        {"reason": "Our call centre depends on that extension."},
    )

    assert no_reason.status_code == 422
    assert no_reason.json()["type"].endswith("/reason-required")
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["status"] == "disputed"
    assert await severity_of(desk, ticket["id"]) == 2
    (escalation,) = await dispute_escalations(desk, ticket["id"])
    assert escalation["after"]["reason"] == "severity_dispute"

    decision = {"level": 3, "reason": "A single extension is severity 3 by the contract."}
    by_manager = await act(desk, ticket["id"], change["id"], "decide", desk.manager, decision)
    by_customer = await act(desk, ticket["id"], change["id"], "decide", desk.customer, decision)
    decided = await act(desk, ticket["id"], change["id"], "decide", desk.regional, decision)

    assert by_manager.status_code == by_customer.status_code == 403
    assert by_manager.json()["type"].endswith("/severity-dispute-needs-regional-ops-manager")
    assert decided.status_code == 200, decided.text
    assert (decided.json()["status"], decided.json()["decided_level"]) == ("decided", 3)
    assert await severity_of(desk, ticket["id"]) == 3
    assert (await desk.sla(ticket["id"]))["restore"]["minutes"] == 5 * 600
    (final,) = await events_of(desk, ticket["id"], "severity_dispute_decided")
    assert final["reason"] == decision["reason"]
    again = await act(desk, ticket["id"], change["id"], "decide", desk.regional, decision)
    assert again.status_code == 409
    assert (again.json()["status"], again.json()["change_status"]) == (409, "decided")


async def test_a_customer_proposal_waits_for_staff(client: httpx.AsyncClient, db: Database) -> None:
    desk = await make_desk(client, db, PRESET)
    ticket = await desk.open(severity=3)

    r = await propose(desk, ticket["id"], desk.customer, 1, "Now every call fails.")

    assert r.status_code == 201, r.text
    assert (r.json()["status"], r.json()["proposed_side"]) == ("pending", "customer")
    assert await severity_of(desk, ticket["id"]) == 3
    accepted = await act(desk, ticket["id"], r.json()["id"], "accept", desk.agent, {})
    assert accepted.status_code == 200, accepted.text
    assert await severity_of(desk, ticket["id"]) == 1


async def test_a_manager_reclassifies_severity_one_at_once_and_the_customer_may_dispute(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, PRESET)
    ticket = await desk.open(severity=1)
    before = await desk.sla(ticket["id"])
    reason = "Calls connect; only caller-ID display is wrong: not a service outage."

    r = await propose(desk, ticket["id"], desk.manager, 3, reason, reclassify=True)

    assert r.status_code == 201, r.text
    change = r.json()
    assert (change["kind"], change["status"]) == ("reclassification", "applied")
    assert await severity_of(desk, ticket["id"]) == 3
    after = await desk.sla(ticket["id"])
    assert (before["restore"]["minutes"], after["restore"]["minutes"]) == (120, 5 * 600)
    assert after["restore"]["due_at"] != before["restore"]["due_at"]
    (event,) = await events_of(desk, ticket["id"], "severity_reclassified")
    assert event["reason"] == reason
    assert (event["before"], event["after"]["severity"]) == ({"severity": 1}, 3)
    mails = await emails_to(db, "lan@acme.com")
    assert any("Severity changed: 1 to 3" in m["subject"] and reason in m["text"] for m in mails)

    disputed = await act(
        desk,
        ticket["id"],
        change["id"],
        "dispute",
        desk.customer,
        {"reason": "No customer can see who calls: this is an outage for us."},
    )
    assert disputed.status_code == 200, disputed.text
    assert disputed.json()["status"] == "disputed"
    kinds = await event_kinds(desk, ticket["id"])
    assert kinds[:3] == ["created", "severity_reclassified", "severity_change_disputed"]
    assert len(await dispute_escalations(desk, ticket["id"])) == 1
    decided = await act(
        desk,
        ticket["id"],
        change["id"],
        "decide",
        desk.regional,
        {"level": 1, "reason": "Caller-ID is contractual for this customer."},
    )
    assert decided.status_code == 200, decided.text
    assert await severity_of(desk, ticket["id"]) == 1
    assert (await desk.sla(ticket["id"]))["restore"]["minutes"] == 120


async def test_reclassification_needs_a_manager_and_a_written_reason(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, PRESET)
    ticket = await desk.open(severity=1)

    by_agent = await propose(
        desk, ticket["id"], desk.agent, 3, "Not an outage at all, one display.", reclassify=True
    )
    no_reason = await propose(desk, ticket["id"], desk.manager, 3, "", reclassify=True)
    too_short = await propose(desk, ticket["id"], desk.manager, 3, "no", reclassify=True)

    assert by_agent.status_code == 403
    assert by_agent.json()["type"].endswith("/reclassification-needs-manager")
    for refused in (no_reason, too_short):
        assert refused.status_code == 422
        assert refused.json()["type"].endswith("/reason-required")
        assert refused.json()["errors"][0]["field"] == "reason"
    assert await severity_of(desk, ticket["id"]) == 1
    assert await event_kinds(desk, ticket["id"]) == ["created"]


async def test_only_a_severity_one_case_is_reclassified(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, PRESET)
    ticket = await desk.open(severity=2)

    r = await propose(
        desk, ticket["id"], desk.manager, 3, "Not severe enough for class two.", reclassify=True
    )

    assert r.status_code == 409
    assert r.json()["type"].endswith("/reclassification-only-for-severity-one")


async def test_one_severity_question_is_open_at_a_time(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, PRESET)
    ticket = await desk.open(severity=2)
    first = (await propose(desk, ticket["id"], desk.agent, 3, "One extension.")).json()

    second = await propose(desk, ticket["id"], desk.agent, 4, "Cosmetic only.")

    assert second.status_code == 409
    assert second.json()["type"].endswith("/severity-change-in-progress")
    assert second.json()["open_change_id"] == first["id"]


async def test_a_proposal_is_checked_against_the_policy(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, PRESET)
    ticket = await desk.open(severity=2)

    unknown = await propose(desk, ticket["id"], desk.agent, 9, "Off the scale.")
    same = await propose(desk, ticket["id"], desk.agent, 2, "Same again.")
    no_reason = await propose(desk, ticket["id"], desk.agent, 1, "   ")

    assert unknown.status_code == same.status_code == no_reason.status_code == 422
    assert unknown.json()["type"].endswith("/severity-not-in-policy")
    assert same.json()["type"].endswith("/severity-unchanged")
    assert no_reason.json()["type"].endswith("/reason-required")


async def test_the_list_shows_every_change_to_both_sides(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, PRESET)
    ticket = await desk.open(severity=2)
    change = (await propose(desk, ticket["id"], desk.agent, 1, "Wider than reported.")).json()

    for headers in (desk.agent, desk.customer):
        r = await client.get(f"/v1/tickets/{ticket['id']}/severity-changes", headers=headers)
        assert r.status_code == 200
        assert [c["id"] for c in r.json()["items"]] == [change["id"]]
    missing = await act(
        desk, ticket["id"], "01900000-0000-7000-8000-000000000000", "accept", desk.customer
    )
    assert missing.status_code == 404
