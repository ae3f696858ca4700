"""Escalation through the API (SPEC 5): up each preset's chain to the top, in writing,
related cases of the same customer, open cases only, answered by the addressed manager,
the managers' queue, e-mails to the level's contacts, and idempotent automatic ones."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.db.models import Escalation, OutboxMessage, TicketClock
from app.db.session import Database
from app.domain.actors import Role, Scope, ScopeKind
from app.domain.clock import ControllableClock
from app.domain.ids import new_id
from app.services import escalations
from app.services.context import ServiceContext
from app.settings import Settings
from app.worker import Worker
from tests.support.factories import user_headers
from tests.support.smtp import SmtpServer
from tests.support.tickets import Desk, long_lived_tokens, make_desk

settings = long_lived_tokens

PROBLEMS = "https://supportdesk.dev/problems/"
ALL = Scope(ScopeKind.ALL)
# Tuesday 5 January 2027, 10:00Z: inside Bicom's CET office hours (08:00-16:00Z).
T0 = datetime(2027, 1, 5, 10, 0, tzinfo=UTC)
WRITTEN: dict[str, Any] = {
    "reason": "inadequate_solution",
    "business_impact": "Our call centre cannot reach any PSTN number; 400 agents are idle.",
    "progress_to_date": "Two restarts of the trunk and the workaround failed; no news since.",
}


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _problem(r: httpx.Response, status: int, slug: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body: dict[str, Any] = r.json()
    assert body["type"] == PROBLEMS + slug, body
    return body


def _fields(r: httpx.Response) -> set[str]:
    assert r.status_code == 422, r.text
    return {e["field"] for e in r.json()["errors"]}


async def _escalate(desk: Desk, ticket_id: str, **extra: Any) -> httpx.Response:
    return await desk.client.post(
        f"/v1/tickets/{ticket_id}/escalations", json=WRITTEN | extra, headers=desk.customer
    )


async def _escalated(desk: Desk, ticket_id: str, **extra: Any) -> dict[str, Any]:
    r = await _escalate(desk, ticket_id, **extra)
    assert r.status_code == 201, r.text
    assert r.headers["Location"] == f"/v1/escalations/{r.json()['id']}"
    body: dict[str, Any] = r.json()
    return body


async def _chain(desk: Desk) -> list[dict[str, Any]]:
    r = await desk.client.get(f"/v1/contracts/{desk.contract_id}", headers=desk.admin)
    assert r.status_code == 200, r.text
    chain: list[dict[str, Any]] = r.json()["escalation_chain"]
    return chain


async def _desk(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock, preset: str = "bicom"
) -> Desk:
    clock.set(T0 - timedelta(days=1))
    desk = await make_desk(client, db, preset)
    clock.set(T0)
    return desk


@pytest.mark.parametrize("preset", ["aarenet-premium", "bicom"])
async def test_escalations_climb_every_level_of_the_chain_and_stop_at_the_top(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock, preset: str
) -> None:
    desk = await _desk(client, db, clock, preset)
    chain = await _chain(desk)
    assert len(chain) >= 2
    ticket = await desk.open()
    for step in chain:
        escalation = await _escalated(desk, ticket["id"])
        assert escalation["level"] == step["level"]
        assert escalation["addressed_role"] == step["role"]
        assert escalation["contacts"] == step["contacts"]
        assert escalation["state"] == "open"
        assert escalation["automatic"] is False
        assert escalation["ticket_id"] == ticket["id"]
        assert escalation["customer_id"] == desk.customer_id
    body = _problem(await _escalate(desk, ticket["id"]), 409, "escalation-top-level-reached")
    assert body["top_level"] == chain[-1]["level"]
    r = await client.get(f"/v1/tickets/{ticket['id']}/escalations", headers=desk.customer)
    assert [e["level"] for e in r.json()["items"]] == [s["level"] for s in chain]


async def test_escalation_is_in_writing(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await _desk(client, db, clock)
    tid = (await desk.open())["id"]
    path = f"/v1/tickets/{tid}/escalations"
    r = await client.post(path, json={}, headers=desk.customer)
    assert _fields(r) == {"reason", "business_impact", "progress_to_date"}
    assert r.json()["type"] == PROBLEMS + "validation-failed"
    for field, value in (
        ("reason", "angry"),
        ("business_impact", "   bad    "),
        ("progress_to_date", ""),
    ):
        r = await client.post(path, json=WRITTEN | {field: value}, headers=desk.customer)
        assert _fields(r) == {field}, field
    r = await client.get(path, headers=desk.customer)
    assert r.json()["items"] == []


async def test_related_cases_must_exist_and_be_the_same_customers(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await _desk(client, db, clock)
    other = await make_desk(client, db, "aarenet-standard", domain="other.com")
    tid = (await desk.open())["id"]
    ours = (await desk.open(subject="Earlier outage of the same trunk"))["tracking_number"]
    foreign = (await other.open())["tracking_number"]
    for related, field in (
        ([ours, foreign], "related_cases[1]"),
        (["SD-2027-999999"], "related_cases[0]"),
        (["not a number"], "related_cases[0]"),
    ):
        r = await _escalate(desk, tid, related_cases=related)
        body = _problem(r, 422, "related-case-invalid")
        assert [e["field"] for e in body["errors"]] == [field]
        assert "not a case of this customer" in body["detail"]
    escalation = await _escalated(desk, tid, related_cases=[ours.lower()])
    assert escalation["related_cases"] == [ours]


async def test_only_an_open_case_is_escalated(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await _desk(client, db, clock)
    tid = (await desk.open())["id"]
    assert (await desk.move(tid, "resolved", outcome="fixed")).status_code == 200
    body = _problem(await _escalate(desk, tid), 409, "ticket-not-open")
    assert "raise a new ticket first" in body["detail"]
    assert (await desk.move(tid, "closed", headers=desk.customer)).status_code == 200
    _problem(await _escalate(desk, tid), 409, "ticket-not-open")
    body = _problem(await _escalate(desk, str(uuid.uuid4())), 404, "not-found")
    assert "raise a ticket first" in body["detail"]


async def test_the_addressed_manager_acknowledges_and_resolves(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await _desk(client, db, clock)  # Bicom: level 1 support manager
    tid = (await desk.open())["id"]
    escalation = await _escalated(desk, tid)
    path = f"/v1/escalations/{escalation['id']}"
    for who in (desk.agent, desk.customer):
        _problem(
            await client.post(f"{path}/acknowledge", headers=who), 403, "not-addressed-manager"
        )
        r = await client.post(f"{path}/resolve", json={"resolution": "x" * 20}, headers=who)
        _problem(r, 403, "not-addressed-manager")
    clock.advance(timedelta(minutes=20))
    r = await client.post(f"{path}/acknowledge", json={"note": "On it"}, headers=desk.manager)
    assert r.status_code == 200, r.text
    acknowledged = r.json()
    assert acknowledged["state"] == "acknowledged"
    assert _at(acknowledged["acknowledged_at"]) == T0 + timedelta(minutes=20)
    assert acknowledged["acknowledge_breached"] is False
    _problem(
        await client.post(f"{path}/acknowledge", headers=desk.manager),
        409,
        "invalid-escalation-transition",
    )
    r = await client.post(f"{path}/resolve", json={"resolution": "no"}, headers=desk.manager)
    assert _fields(r) == {"resolution"}
    resolution = "A senior engineer owns the case; the carrier replaced the trunk card."
    r = await client.post(f"{path}/resolve", json={"resolution": resolution}, headers=desk.manager)
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "resolved" and r.json()["resolution"] == resolution
    r = await client.get(path, headers=desk.customer)
    assert r.status_code == 200 and r.json()["state"] == "resolved"
    events = await client.get(f"/v1/tickets/{tid}/events", headers=desk.agent)
    kinds = [e["kind"] for e in events.json()["items"]]
    assert [k for k in kinds if k.startswith("escalation_")] == [
        "escalation_opened",
        "escalation_acknowledged",
        "escalation_resolved",
    ]


async def test_a_higher_manager_answers_but_a_lower_one_does_not(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await _desk(client, db, clock, "aarenet-premium")  # level 1: regional ops manager
    director = await user_headers(client, db, "dir@vendor.com", Role.DIRECTOR)
    first = await _escalated(desk, (await desk.open())["id"])
    second = await _escalated(desk, (await desk.open())["id"])
    r = await client.post(f"/v1/escalations/{first['id']}/acknowledge", headers=desk.manager)
    _problem(r, 403, "not-addressed-manager")
    r = await client.post(f"/v1/escalations/{first['id']}/acknowledge", headers=desk.regional)
    assert r.status_code == 200, r.text
    r = await client.post(
        f"/v1/escalations/{second['id']}/resolve",
        json={"resolution": "Answered directly by the director."},
        headers=director,
    )
    assert r.status_code == 200, r.text
    assert r.json()["acknowledged_at"] is not None  # resolving answers it too


async def test_acknowledgement_has_its_own_target_on_the_contract_calendar(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await _desk(client, db, clock)
    tid = (await desk.open())["id"]
    escalation = await _escalated(desk, tid)
    assert _at(escalation["acknowledge_due_at"]) == T0 + timedelta(minutes=60)
    assert escalation["acknowledge_breached"] is False
    clock.advance(timedelta(minutes=61))
    r = await client.get(f"/v1/escalations/{escalation['id']}", headers=desk.manager)
    assert r.json()["acknowledge_breached"] is True
    # On a Saturday the hour counts from the next opening: Bicom's EST shift, Sunday
    # 17:00 New York = 22:00Z, so 23:00Z.
    clock.set(datetime(2027, 1, 9, 10, 0, tzinfo=UTC))
    weekend = await _escalated(desk, (await desk.open())["id"])
    assert _at(weekend["acknowledge_due_at"]) == datetime(2027, 1, 10, 23, 0, tzinfo=UTC)


async def test_the_managers_queue_filters(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await _desk(client, db, clock)
    other = await make_desk(client, db, "aarenet-premium", domain="other.com")
    tid = (await desk.open())["id"]
    first = await _escalated(desk, tid)  # level 1, support manager
    second = await _escalated(desk, tid)  # level 2, customer service manager
    elsewhere = await _escalated(other, (await other.open())["id"])  # level 1, regional ops
    r = await client.post(f"/v1/escalations/{first['id']}/acknowledge", headers=desk.manager)
    assert r.status_code == 200

    async def ids(query: str, headers: dict[str, str] | None = None) -> list[str]:
        r = await client.get(f"/v1/escalations{query}", headers=headers or desk.agent)
        assert r.status_code == 200, r.text
        return [e["id"] for e in r.json()["items"]]

    assert await ids("") == [first["id"], second["id"], elsewhere["id"]]
    assert await ids("?level=1") == [first["id"], elsewhere["id"]]
    assert await ids("?state=open") == [second["id"], elsewhere["id"]]
    assert await ids("?state=open&state=acknowledged&level=2") == [second["id"]]
    assert await ids("?addressed_role=regional_ops_manager") == [elsewhere["id"]]
    assert await ids(f"?customer_id={desk.customer_id}") == [first["id"], second["id"]]
    assert await ids("?mine=true", desk.manager) == [first["id"]]
    # A regional operations manager ranks above a support manager, but not a peer's.
    assert await ids("?mine=true", desk.regional) == [first["id"], elsewhere["id"]]
    assert await ids("?mine=true&addressed_role=director", desk.manager) == []
    assert await ids("?limit=2") == [first["id"], second["id"]]
    r = await client.get("/v1/escalations?limit=2", headers=desk.agent)
    r = await client.get(
        f"/v1/escalations?limit=2&cursor={r.json()['next_cursor']}", headers=desk.agent
    )
    assert [e["id"] for e in r.json()["items"]] == [elsewhere["id"]]
    _problem(
        await client.get("/v1/escalations?level=x", headers=desk.agent), 422, "validation-failed"
    )
    _problem(
        await client.get("/v1/escalations", headers=desk.customer),
        403,
        "escalation-queue-staff-only",
    )


async def test_the_addressed_level_is_emailed_with_the_tracking_number(
    client: httpx.AsyncClient,
    db: Database,
    clock: ControllableClock,
    ctx: ServiceContext,
    smtp: SmtpServer,
) -> None:
    desk = await _desk(client, db, clock)
    chain = await _chain(desk)
    chain[0]["contacts"] = [
        {"name": "Sam Support", "email": "sam@vendor.example", "phone": "+44 20 7946 0000"}
    ]
    r = await client.patch(
        f"/v1/contracts/{desk.contract_id}",
        json={"escalation_chain": chain, "reason": "named contacts"},
        headers=desk.admin,
    )
    assert r.status_code == 200, r.text
    ticket = await desk.open()
    escalation = await _escalated(desk, ticket["id"])
    assert escalation["contacts"][0]["email"] == "sam@vendor.example"
    smtp.clear()
    await Worker(db, ctx).drain()
    subject = f"[{ticket['tracking_number']}] Escalation level 1: inadequate solution"
    for address in ("sam@vendor.example", "manager@vendor-bicom.com"):
        [message] = smtp.to(address)
        assert str(message["Subject"]) == subject
        text = SmtpServer.text_of(message)
        assert WRITTEN["business_impact"] in text
        assert "2027-01-05 11:00 UTC" in text
    assert smtp.to("regional@vendor-bicom.com") == []  # not the addressed role
    r = await client.post(f"/v1/escalations/{escalation['id']}/acknowledge", headers=desk.manager)
    assert r.status_code == 200
    await Worker(db, ctx).drain()
    # Whoever escalated hears of the acknowledgement.
    [told] = [m for m in smtp.to("lan@acme.com") if str(m["Subject"]) == subject]
    assert "acknowledged" in SmtpServer.text_of(told)


async def test_webhook_subscribers_hear_of_escalations(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await _desk(client, db, clock)
    body = {
        "url": "https://hooks.example/events",
        "events": ["escalation.created", "escalation.updated"],
    }
    r = await client.post("/v1/webhooks", json=body, headers=desk.admin)
    assert r.status_code == 201, r.text
    escalation = await _escalated(desk, (await desk.open())["id"])
    await client.post(f"/v1/escalations/{escalation['id']}/acknowledge", headers=desk.manager)
    async with db.unit_of_work() as uow:
        rows = (
            await uow.session.execute(select(OutboxMessage).where(OutboxMessage.kind == "webhook"))
        ).scalars()
        events = [row.payload for row in rows]
    assert len(events) == 2, events
    text = str(events)
    assert "escalation.created" in text and "escalation.updated" in text


async def _ticket_and_clock(db: Database, ticket_id: str) -> tuple[Any, uuid.UUID]:
    async with db.unit_of_work() as uow:
        ticket = await uow.tickets.ticket(uuid.UUID(ticket_id), ALL)
        clock_id = (
            (
                await uow.session.execute(
                    select(TicketClock.id).where(TicketClock.ticket_id == ticket.id)
                )
            )
            .scalars()
            .first()
        )
    assert clock_id is not None
    return ticket, clock_id


async def test_an_sla_breach_escalates_once_per_clock(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock, ctx: ServiceContext
) -> None:
    desk = await _desk(client, db, clock)
    tid = (await desk.open(severity=1))["id"]
    _, clock_id = await _ticket_and_clock(db, tid)
    async with db.unit_of_work() as uow:
        ticket = await uow.tickets.ticket(uuid.UUID(tid), ALL)
        first = await escalations.open_sla_breach(uow, ctx, ticket, clock_id, "reaction", T0)
        again = await escalations.open_sla_breach(uow, ctx, ticket, clock_id, "reaction", T0)
        await uow.commit()
    assert first is not None and again is None
    async with db.unit_of_work() as uow:  # a second monitor, or a re-run
        ticket = await uow.tickets.ticket(uuid.UUID(tid), ALL)
        rerun = await escalations.open_sla_breach(uow, ctx, ticket, clock_id, "reaction", T0)
        await uow.commit()
    assert rerun is None
    r = await client.get(f"/v1/tickets/{tid}/escalations", headers=desk.customer)
    [escalation] = r.json()["items"]
    assert escalation["reason"] == "sla_breach" and escalation["automatic"] is True
    assert escalation["level"] == 1 and escalation["created_by"] is None
    # The next (manual) escalation climbs above it.
    assert (await _escalated(desk, tid))["level"] == 2


async def test_two_monitors_racing_on_one_breach_open_one_escalation(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock, ctx: ServiceContext
) -> None:
    desk = await _desk(client, db, clock)
    tid = (await desk.open(severity=1))["id"]
    _, clock_id = await _ticket_and_clock(db, tid)
    # Separate engines: separate connections, as two monitor processes would have.
    dbs = [Database(db.url), Database(db.url)]

    async def monitor(database: Database) -> bool:
        async with database.unit_of_work() as uow:
            ticket = await uow.tickets.ticket(uuid.UUID(tid), ALL)
            opened = await escalations.open_sla_breach(uow, ctx, ticket, clock_id, "restore", T0)
            await uow.commit()
        return opened is not None

    try:
        results = await asyncio.gather(*(monitor(d) for d in dbs))
    finally:
        for d in dbs:
            await d.dispose()
    assert sorted(results) == [False, True]
    r = await client.get(f"/v1/tickets/{tid}/escalations", headers=desk.agent)
    assert [(e["reason"], e["level"]) for e in r.json()["items"]] == [("sla_breach", 1)]


async def test_a_taken_source_key_is_refused_without_spoiling_the_transaction(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock, ctx: ServiceContext
) -> None:
    desk = await _desk(client, db, clock)
    tid = (await desk.open(severity=1))["id"]
    _, clock_id = await _ticket_and_clock(db, tid)
    async with db.unit_of_work() as uow:
        ticket = await uow.tickets.ticket(uuid.UUID(tid), ALL)
        first = await escalations.open_sla_breach(uow, ctx, ticket, clock_id, "reaction", T0)
        assert first is not None
        twin = Escalation(
            **{c.key: getattr(first, c.key) for c in Escalation.__table__.columns}
            | {"id": new_id()}
        )
        assert await uow.escalations.add_once(twin) is False  # the unique key holds
        await uow.commit()  # the first one still commits
    r = await client.get(f"/v1/tickets/{tid}/escalations", headers=desk.agent)
    assert [e["id"] for e in r.json()["items"]] == [str(first.id)]


async def test_automatic_escalations_stop_quietly_at_the_top(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock, ctx: ServiceContext
) -> None:
    desk = await _desk(client, db, clock)
    tid = (await desk.open(severity=1))["id"]
    await _escalated(desk, tid)
    await _escalated(desk, tid)
    _, clock_id = await _ticket_and_clock(db, tid)
    async with db.unit_of_work() as uow:
        ticket = await uow.tickets.ticket(uuid.UUID(tid), ALL)
        assert await escalations.open_sla_breach(uow, ctx, ticket, clock_id, "reaction", T0) is None
        await uow.commit()


async def test_a_dispute_goes_to_the_chains_deciding_level_and_the_next_climbs_above_it(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock, ctx: ServiceContext
) -> None:
    desk = await _desk(client, db, clock, "aarenet-standard")  # level 1: regional ops manager
    tid = (await desk.open())["id"]
    change_id = uuid.uuid4()
    async with db.unit_of_work() as uow:
        ticket = await uow.tickets.ticket(uuid.UUID(tid), ALL)
        dispute = await escalations.open_severity_dispute(uow, ctx, ticket, change_id, T0)
        again = await escalations.open_severity_dispute(uow, ctx, ticket, change_id, T0)
        await uow.commit()
    assert dispute is not None and again is None
    assert (dispute.level, dispute.addressed_role, dispute.reason) == (
        1,
        "regional_ops_manager",
        "severity_dispute",
    )
    r = await client.post(f"/v1/escalations/{dispute.id}/acknowledge", headers=desk.manager)
    _problem(r, 403, "not-addressed-manager")
    r = await client.post(f"/v1/escalations/{dispute.id}/acknowledge", headers=desk.regional)
    assert r.status_code == 200, r.text
    # A later manual escalation continues above the dispute's level, not from level 1.
    escalation = await _escalated(desk, tid)
    assert (escalation["level"], escalation["addressed_role"]) == (2, "director")


async def test_a_dispute_on_a_chain_without_a_regional_manager_goes_to_its_top_role(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await _desk(client, db, clock)  # Bicom: support manager, customer service manager
    csm = await user_headers(client, db, "csm@vendor-bicom.com", Role.CUSTOMER_SERVICE_MANAGER)
    tid = (await desk.open(severity=2))["id"]
    path = f"/v1/tickets/{tid}/severity-changes"
    body = {"to_level": 3, "reason": "Only one extension is affected; a workaround exists."}
    r = await client.post(path, json=body, headers=desk.agent)
    assert r.status_code == 201, r.text
    change_id = r.json()["id"]
    reason = {"reason": "Every outbound call fails; this is not minor."}
    r = await client.post(f"{path}/{change_id}/reject", json=reason, headers=desk.customer)
    assert r.json()["status"] == "disputed", r.text
    r = await client.get(f"/v1/tickets/{tid}/escalations", headers=desk.customer)
    [dispute] = r.json()["items"]
    assert (dispute["level"], dispute["addressed_role"]) == (2, "customer_service_manager")
    # The customer service manager it is addressed to decides; the support manager cannot.
    decision = {"level": 2, "reason": "All outbound calls fail: severity 2 stands."}
    r = await client.post(f"{path}/{change_id}/decide", json=decision, headers=desk.manager)
    assert r.status_code == 403, r.text
    r = await client.post(f"{path}/{change_id}/decide", json=decision, headers=csm)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "decided"
    r = await client.post(
        f"/v1/escalations/{dispute['id']}/resolve",
        json={"resolution": decision["reason"]},
        headers=csm,
    )
    assert r.status_code == 200, r.text
    # The dispute reached Bicom's top level: no manual escalation goes back to level 1.
    _problem(await _escalate(desk, tid), 409, "escalation-top-level-reached")


async def test_partners_and_staff_escalate_for_the_customer(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await _desk(client, db, clock)
    tid = (await desk.open())["id"]
    r = await client.post(f"/v1/tickets/{tid}/escalations", json=WRITTEN, headers=desk.agent)
    assert r.status_code == 201, r.text
    assert r.json()["level"] == 1


async def test_a_rejected_severity_proposal_opens_a_dispute_escalation(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    desk = await _desk(client, db, clock)
    tid = (await desk.open(severity=2))["id"]
    path = f"/v1/tickets/{tid}/severity-changes"
    body = {"to_level": 3, "reason": "Only one extension is affected; a workaround exists."}
    r = await client.post(path, json=body, headers=desk.agent)
    assert r.status_code == 201, r.text
    change_id = r.json()["id"]
    reason = {"reason": "Every outbound call fails; this is not minor."}
    r = await client.post(f"{path}/{change_id}/reject", json=reason, headers=desk.customer)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "disputed"
    r = await client.get(f"/v1/tickets/{tid}/escalations", headers=desk.customer)
    [dispute] = r.json()["items"]
    assert (dispute["reason"], dispute["addressed_role"], dispute["automatic"]) == (
        "severity_dispute",
        "customer_service_manager",
        True,
    )
    assert "severity 2 to 3" in dispute["business_impact"]


async def test_the_bicom_chain_carries_its_role_mailboxes_on_the_deployments_domain(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock, settings: Settings
) -> None:
    desk = await _desk(client, db, clock)
    chain = await _chain(desk)
    domain = settings.support_address.rsplit("@", 1)[1]
    assert [(lvl["title"], lvl["mailbox"]) for lvl in chain] == [
        ("Support Manager", f"supportmanager@{domain}"),
        ("Customer Service Manager", f"customerservice@{domain}"),
    ]
    path = f"/v1/contracts/{desk.contract_id}"
    for mailbox in (settings.support_address.upper(), chain[0]["mailbox"]):
        chain[1]["mailbox"] = mailbox
        r = await client.patch(path, json={"escalation_chain": chain}, headers=desk.admin)
        assert _fields(r) == {"escalation_chain[1].mailbox"}
