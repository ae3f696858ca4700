"""One case per preset process, from creation to closure through the API (SPEC 4, 3.1, 9).

At each step the clocks that `GET /tickets/{id}/sla` shows are checked against the
engine itself, fed with the preset's calendar and policy as the API serves them.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from app.db.session import Database
from app.domain.calendar_document import calendar_from_document
from app.domain.calendar_model import Calendar
from app.domain.clock import ControllableClock
from app.domain.contracts import with_update_interval
from app.domain.sla import compute_due, due_with_pauses
from app.domain.sla_policy import ClockKind, SlaPolicy, policy_from_document
from tests.support.tickets import Desk, long_lived_tokens, make_desk

settings = long_lived_tokens

# Tuesday 2 March 2027, 09:30Z: business time in every preset's main centre
# (16:30 Ho Chi Minh City, 10:30 Berlin, 09:30 London, 01:30 Los Angeles on iPass's
# whole-day calendar).
T0 = datetime(2027, 3, 2, 9, 30, tzinfo=UTC)

SCENARIOS: dict[str, dict[str, Any]] = {
    "aarenet-standard": {"severity": 1},  # class 1: reaction 30 min BH, restore 2 h BH
    "aarenet-premium": {"severity": 1},  # class 1: 30 min and 2 h around the clock
    "ava": {"severity": 2},  # P2 within 1 h
    "ipass": {"severity": 1},  # Sev 1: 1 h by case only (no call in this walk)
    "bicom": {"severity": 2},
    "keepnet": {"urgency": "high", "impact": "medium"},  # the matrix decides
}


def _at(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value.replace("Z", "+00:00"))


async def _engine_terms(desk: Desk) -> tuple[Calendar, SlaPolicy]:
    c = (await desk.client.get(f"/v1/contracts/{desk.contract_id}", headers=desk.admin)).json()
    cal = await desk.client.get(f"/v1/calendars/{c['calendar_id']}", headers=desk.admin)
    pol = await desk.client.get(f"/v1/sla-policies/{c['sla_policy_id']}", headers=desk.admin)
    # The contract's promised update interval is part of the terms (SPEC 4.1 rule 7).
    policy = with_update_interval(policy_from_document(pol.json()), c["update_interval_minutes"])
    return calendar_from_document(cal.json()), policy


def _expected_due(
    calendar: Calendar,
    policy: SlaPolicy,
    severity: int,
    metric: str,
    pauses: list[tuple[datetime, datetime | None]],
) -> datetime | None:
    [target] = [t for t in policy.targets_for(severity) if t.metric.value == metric]
    plain = compute_due(calendar, target, T0)
    if not pauses or metric == "reaction":
        return plain.due_at
    duration = timedelta(minutes=plain.minutes_applied)
    return due_with_pauses(calendar, ClockKind(plain.clock), T0, duration, pauses)


@pytest.mark.parametrize("preset", sorted(SCENARIOS))
async def test_a_case_walks_from_creation_to_closure(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock, preset: str
) -> None:
    clock.set(T0 - timedelta(days=1))
    desk = await make_desk(client, db, preset)
    calendar, policy = await _engine_terms(desk)
    clock.set(T0)

    ticket = await desk.open(**SCENARIOS[preset])
    severity = ticket["severity"]
    tid = ticket["id"]
    assert ticket["status"] == "new"
    clocks = await desk.sla(tid)
    expected_metrics = {t.metric.value for t in policy.targets_for(severity)}
    assert set(clocks) == expected_metrics
    for metric, c in clocks.items():
        assert c["state"] == "running"
        assert _at(c["due_at"]) == _expected_due(calendar, policy, severity, metric, []), metric

    # First response ten minutes in: reaction met.
    clock.set(T0 + timedelta(minutes=10))
    assert (await desk.move(tid, "acknowledged")).status_code == 200
    clocks = await desk.sla(tid)
    assert clocks["reaction"]["state"] == "met"
    assert _at(clocks["reaction"]["stopped_at"]) == T0 + timedelta(minutes=10)

    # Waiting for the customer pauses everything but reaction.
    clock.set(T0 + timedelta(minutes=20))
    assert (await desk.move(tid, "in_progress")).status_code == 200
    clock.set(T0 + timedelta(minutes=30))
    assert (await desk.move(tid, "waiting_customer")).status_code == 200
    for metric, c in (await desk.sla(tid)).items():
        if metric != "reaction" and c["state"] != "met":
            assert c["state"] == "paused" and c["due_at"] is None, (metric, c)

    # The customer answers two hours later: the clocks resume, due later by the
    # counted time lost, exactly as the engine computes it.
    pause = (T0 + timedelta(minutes=30), T0 + timedelta(hours=2, minutes=30))
    clock.set(pause[1])
    assert (await desk.move(tid, "in_progress", headers=desk.customer)).status_code == 200
    clocks = await desk.sla(tid)
    for metric, c in clocks.items():
        if c["state"] in ("running", "breached") and metric != "reaction":
            assert [(p["start"], p["end"]) for p in c["pauses"]] == [
                (
                    pause[0].isoformat().replace("+00:00", "Z"),
                    pause[1].isoformat().replace("+00:00", "Z"),
                )
            ]
            expected = _expected_due(calendar, policy, severity, metric, [pause])
            assert _at(c["due_at"]) == expected, metric

    # A workaround, then the resolution, then the customer confirms.
    clock.set(T0 + timedelta(hours=3))
    assert (await desk.move(tid, "restored")).status_code == 200
    clocks = await desk.sla(tid)
    if "restore" in clocks:
        due = _at(clocks["restore"]["due_at"])
        assert due is not None
        restored_at = T0 + timedelta(hours=3)
        assert clocks["restore"]["state"] == ("met" if restored_at <= due else "breached")
    clock.set(T0 + timedelta(hours=4))
    r = await desk.move(tid, "resolved", outcome="fixed")
    assert r.status_code == 200, r.text
    assert all(c["state"] in ("met", "breached") for c in (await desk.sla(tid)).values())
    clock.set(T0 + timedelta(days=1))
    r = await desk.move(tid, "closed", headers=desk.customer)
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "closed"

    events = (await client.get(f"/v1/tickets/{tid}/events", headers=desk.agent)).json()["items"]
    kinds = [e["kind"] for e in events]
    assert kinds[0] == "created" and kinds.count("state_changed") == 7
    assert [e["after"]["status"] for e in events[1:]] == [
        "acknowledged",
        "in_progress",
        "waiting_customer",
        "in_progress",
        "restored",
        "resolved",
        "closed",
    ]
    assert {e["actor_role"] for e in events} == {"customer_user", "agent"}
