"""Live SLA clocks stay right when severity changes on a resolved, closed or waiting case
(issue 14; SPEC 3.1), through the HTTP API.

Saturday 6 March 2027 in Ho Chi Minh City: business clocks stand still, continuous ones
run, so the continuous targets below are minutes after the instants the test sets.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from app.db.session import Database
from app.domain.clock import ControllableClock
from app.worker import Worker
from tests.support.tickets import Desk, long_lived_tokens, make_desk, make_policy_desk

settings = long_lived_tokens  # the clock moves by hours

T0 = datetime(2027, 3, 6, 10, 0, tzinfo=UTC)  # Saturday
PREMIUM = "aarenet-premium"  # classes 1, 2 carry the contract's 120-minute update target


def iso(instant: datetime) -> str:
    return instant.strftime("%Y-%m-%dT%H:%M:%SZ")


def minutes(n: int) -> datetime:
    return T0 + timedelta(minutes=n)


async def comment(desk: Desk, ticket_id: str) -> None:
    r = await desk.client.post(
        f"/v1/tickets/{ticket_id}/comments",
        json={"body": "We are looking into it with the carrier."},
        headers=desk.agent,
    )
    assert r.status_code == 201, r.text


async def move(desk: Desk, ticket_id: str, to: str, **extra: Any) -> None:
    r = await desk.move(ticket_id, to, **extra)
    assert r.status_code == 200, r.text


async def change_severity(desk: Desk, ticket_id: str, level: int) -> None:
    """Staff propose; a downgrade takes effect when the customer accepts (SPEC 4.1.1)."""
    r = await desk.client.post(
        f"/v1/tickets/{ticket_id}/severity-changes",
        json={"to_level": level, "reason": "The impact is now understood."},
        headers=desk.agent,
    )
    assert r.status_code == 201, r.text
    change = r.json()
    if change["status"] == "pending":
        r = await desk.client.post(
            f"/v1/tickets/{ticket_id}/severity-changes/{change['id']}/accept",
            json={"reason": "Agreed."},
            headers=desk.customer,
        )
        assert r.status_code == 200, r.text
    r = await desk.client.get(f"/v1/tickets/{ticket_id}", headers=desk.agent)
    assert r.json()["severity"] == level


@pytest.mark.parametrize("closed", [False, True])
async def test_an_upgrade_on_a_stopped_case_starts_no_clock_until_the_reopen(
    client: httpx.AsyncClient,
    db: Database,
    clock: ControllableClock,
    worker: Worker,
    closed: bool,
) -> None:
    clock.set(T0)
    desk = await make_desk(client, db, PREMIUM)
    ticket = (await desk.open(severity=3))["id"]
    await comment(desk, ticket)
    clock.set(minutes(20))
    await move(desk, ticket, "resolved", outcome="fixed")
    if closed:
        r = await desk.move(ticket, "closed", headers=desk.customer)
        assert r.status_code == 200, r.text
    clock.set(minutes(30))
    await change_severity(desk, ticket, 1)

    sla = await desk.sla(ticket)
    assert "update" not in sla
    assert {c["state"] for c in sla.values()} == {"met"}
    assert sla["restore"]["minutes"] == 5 * 600  # measured by class 3 when it was met
    await comment(desk, ticket)  # a staff comment on the stopped case restarts nothing
    assert "update" not in await desk.sla(ticket)
    clock.set(minutes(300))
    await worker.monitor.run_once()
    r = await client.get(f"/v1/tickets/{ticket}/escalations", headers=desk.agent)
    assert r.json()["items"] == []

    r = await desk.move(ticket, "in_progress", headers=desk.customer)  # the customer reopens
    assert r.status_code == 200, r.text
    update = (await desk.sla(ticket))["update"]
    assert (update["state"], update["minutes"]) == ("running", 120)
    assert (update["started_at"], update["due_at"]) == (iso(minutes(300)), iso(minutes(420)))


# Continuous clocks; severity 2 resolves in 20 minutes, severity 3 in 30 (the case).
RESOLUTION_POLICY: dict[str, Any] = {
    "name": "Resolution in minutes",
    "severities": [{"level": n, "name": f"Severity {n}"} for n in (1, 2, 3)],
    "targets": [
        {"severity": n, "metric": metric, "minutes": value, "clock": "continuous"}
        for n, metric, value in (
            (1, "reaction", 5),
            (1, "resolution", 10),
            (2, "reaction", 10),
            (2, "resolution", 20),
            (3, "reaction", 15),
            (3, "resolution", 30),
        )
    ],
}


async def test_a_change_while_resolved_is_applied_to_the_resolution_clock_on_reopen(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    clock.set(T0)
    desk = await make_policy_desk(client, db, RESOLUTION_POLICY)
    ticket = (await desk.open(severity=2))["id"]
    clock.set(minutes(2))
    await comment(desk, ticket)
    clock.set(minutes(10))
    await move(desk, ticket, "resolved", outcome="fixed")
    clock.set(minutes(15))
    await change_severity(desk, ticket, 3)
    resolution = (await desk.sla(ticket))["resolution"]
    assert (resolution["state"], resolution["minutes"]) == ("met", 20)  # history

    clock.set(minutes(40))
    r = await desk.move(ticket, "in_progress", headers=desk.customer)
    assert r.status_code == 200, r.text
    resolution = (await desk.sla(ticket))["resolution"]
    assert (resolution["state"], resolution["minutes"]) == ("running", 30)
    # 30 from creation, the 30 minutes resolved (10 to 40) not counted
    assert resolution["due_at"] == iso(minutes(60))
    assert (resolution["counted_seconds"], resolution["remaining_seconds"]) == (600, 1200)
    assert resolution["pauses"][-1] == {
        "start": iso(minutes(10)),
        "end": iso(minutes(40)),
        "reason": "resolved",
    }


@pytest.mark.parametrize("restored_first", [False, True])
async def test_an_update_clock_appearing_while_waiting_starts_paused(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock, restored_first: bool
) -> None:
    clock.set(T0)
    desk = await make_desk(client, db, PREMIUM)
    ticket = (await desk.open(severity=4))["id"]
    await comment(desk, ticket)
    if restored_first:  # the restore clock stops at the workaround
        clock.set(minutes(5))
        await move(desk, ticket, "restored")
    clock.set(minutes(10))
    await move(desk, ticket, "waiting_customer")
    clock.set(minutes(20))
    await change_severity(desk, ticket, 1)

    update = (await desk.sla(ticket))["update"]
    assert (update["state"], update["due_at"], update["minutes"]) == ("paused", None, 120)
    assert update["pauses"] == [
        {"start": iso(minutes(20)), "end": None, "reason": "waiting_customer"}
    ]
    clock.set(minutes(80))
    r = await desk.move(ticket, "in_progress", headers=desk.customer)  # the customer replies
    assert r.status_code == 200, r.text
    update = (await desk.sla(ticket))["update"]
    assert (update["state"], update["due_at"]) == ("running", iso(minutes(200)))
    assert update["counted_seconds"] == 0


async def test_a_verdict_is_history_when_the_new_severity_has_no_target(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    clock.set(T0)
    desk = await make_desk(client, db, PREMIUM)
    # breached: the update due at 125 is overdue at 135 when class 3 drops the target
    breached = (await desk.open(severity=1))["id"]
    clock.set(minutes(5))
    await comment(desk, breached)
    # running: set aside, not applicable
    running = (await desk.open(severity=1))["id"]
    await comment(desk, running)
    # met: resolved within the interval, then class 4
    met = (await desk.open(severity=1))["id"]
    await comment(desk, met)
    clock.set(minutes(20))
    await move(desk, met, "resolved", outcome="fixed")
    clock.set(minutes(30))
    await change_severity(desk, running, 3)
    await change_severity(desk, met, 4)
    clock.set(minutes(135))
    await change_severity(desk, breached, 3)

    update = (await desk.sla(breached))["update"]
    assert (update["state"], update["breached_at"]) == ("breached", iso(minutes(125)))
    assert update["not_applicable_at"] == iso(minutes(135))
    update = (await desk.sla(running))["update"]
    assert (update["state"], update["due_at"], update["remaining_seconds"]) == (
        "not_applicable",
        None,
        None,
    )
    assert update["not_applicable_at"] == iso(minutes(30))
    update = (await desk.sla(met))["update"]
    assert (update["state"], update["stopped_at"]) == ("met", iso(minutes(20)))

    await comment(desk, running)  # restarts nothing: the target no longer applies
    assert (await desk.sla(running))["update"]["state"] == "not_applicable"
    r = await client.get(
        "/v1/reports/sla",
        params={"from": "2027-03-06T00:00:00Z", "to": "2027-03-07T00:00:00Z"},
        headers=desk.admin,
    )
    assert r.status_code == 200, r.text
    updates = {
        row["severity"]: (row["total"], row["met"], row["breached"], row["running"])
        for row in r.json()["by_severity"]
        if row["metric"] == "update"
    }
    assert updates == {3: (1, 0, 1, 0), 4: (1, 1, 0, 0)}  # the set-aside clock is left out
