"""The SLA monitor against a controllable clock (SPEC 3.1, 5; issue 5 acceptance).

A Severity 1 case is driven past its reaction due time: exactly one warning, one
breach, one automatic escalation and their e-mails reach the aiosmtpd inbox — with
one worker, and again with two workers running at once.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from app.db.session import Database
from app.domain.clock import ControllableClock
from app.services.context import ServiceContext
from app.worker import Worker
from tests.support.smtp import SmtpServer
from tests.support.tickets import Desk, long_lived_tokens, make_desk

settings = long_lived_tokens
T0 = datetime(2027, 3, 6, 10, 0, tzinfo=UTC)  # a Saturday: only a 24/7 target runs


def _kinds(smtp: SmtpServer, tracking: str) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for message in smtp.messages:
        subject = str(message["Subject"])
        if tracking not in subject:
            continue
        for kind in ("SLA warning", "SLA breached", "Escalation"):
            if kind in subject:
                kinds[kind] += 1
    return kinds


async def _events(desk: Desk, ticket_id: str) -> Counter[str]:
    r = await desk.client.get(f"/v1/tickets/{ticket_id}/events", headers=desk.agent)
    return Counter(e["kind"] for e in r.json()["items"])


async def _escalations(desk: Desk, ticket_id: str) -> list[dict[str, object]]:
    r = await desk.client.get(f"/v1/tickets/{ticket_id}/escalations", headers=desk.agent)
    assert r.status_code == 200, r.text
    items: list[dict[str, object]] = r.json()["items"]
    return items


async def _drive(workers: list[Worker], clock: ControllableClock, minutes: int) -> None:
    clock.set(T0 + timedelta(minutes=minutes))
    for _ in range(2):  # a second round must find nothing new
        await asyncio.gather(*(w.tick() for w in workers))
        await asyncio.gather(*(w.deliver_due() for w in workers))


@pytest.mark.parametrize("worker_count", [1, 2])
async def test_sev1_past_reaction_due_warns_breaches_and_escalates_once(
    client: httpx.AsyncClient,
    db: Database,
    ctx: ServiceContext,
    clock: ControllableClock,
    smtp: SmtpServer,
    worker_count: int,
) -> None:
    clock.set(T0 - timedelta(hours=1))
    # Aarenet Premium, class 1: reaction 30 minutes around the clock (SPEC 9).
    desk = await make_desk(client, db, "aarenet-premium")
    clock.set(T0)
    ticket = await desk.open(severity=1)
    tracking = ticket["tracking_number"]
    reaction = (await desk.sla(ticket["id"]))["reaction"]
    assert reaction["due_at"] == "2027-03-06T10:30:00Z"
    assert reaction["warn_at"] == "2027-03-06T10:24:00Z"  # 80 % of 30 minutes

    dbs = [Database(db.url) for _ in range(worker_count)]
    try:
        workers = [Worker(d, ctx, worker_id=f"w{i}") for i, d in enumerate(dbs)]
        await _drive(workers, clock, 20)  # before the warning
        assert _kinds(smtp, tracking) == Counter()
        await _drive(workers, clock, 25)  # past 80 %
        assert _kinds(smtp, tracking) == Counter({"SLA warning": 1})
        await _drive(workers, clock, 31)  # past due
        await _drive(workers, clock, 45)  # and again later: nothing new
    finally:
        for d in dbs:
            await d.dispose()

    kinds = _kinds(smtp, tracking)
    assert kinds["SLA warning"] == 1 and kinds["SLA breached"] == 1
    assert kinds["Escalation"] >= 1
    events = await _events(desk, ticket["id"])
    assert events["sla_warning"] == 1 and events["sla_breached"] == 1
    escalations = await _escalations(desk, ticket["id"])
    assert [(e["reason"], e["automatic"], e["level"]) for e in escalations] == [
        ("sla_breach", True, 1)
    ]
    clocks = await desk.sla(ticket["id"])
    assert clocks["reaction"]["state"] == "breached"
    assert clocks["reaction"]["breached_at"] == "2027-03-06T10:30:00Z"
    # The escalation e-mails went out exactly once, whatever the number of workers.
    subjects = Counter(str(m["Subject"]) for m in smtp.messages if tracking in str(m["Subject"]))
    assert all(count == 1 for subject, count in subjects.items() if "Escalation" in subject)


async def test_resolved_case_closes_automatically_after_the_contract_days(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    clock: ControllableClock,
    smtp: SmtpServer,
) -> None:
    clock.set(T0)
    desk = await make_desk(client, db, "bicom")  # auto-close after 7 days
    ticket = await desk.open(severity=3)
    assert (await desk.move(ticket["id"], "acknowledged")).status_code == 200
    assert (await desk.move(ticket["id"], "resolved", outcome="fixed")).status_code == 200
    clock.advance(timedelta(days=6, hours=23))
    await worker.tick()
    r = await client.get(f"/v1/tickets/{ticket['id']}", headers=desk.customer)
    assert r.json()["status"] == "resolved"
    clock.advance(timedelta(hours=2))
    assert (await worker.tick()) >= 1
    r = await client.get(f"/v1/tickets/{ticket['id']}", headers=desk.customer)
    assert r.json()["status"] == "closed"
    await worker.tick()
    events = await _events(desk, ticket["id"])
    assert events["state_changed"] == 3  # acknowledged, resolved, closed (once)
    await worker.drain()
    closed_mails = [m for m in smtp.to("lan@acme.com") if "Status: closed" in str(m["Subject"])]
    assert len(closed_mails) == 1
