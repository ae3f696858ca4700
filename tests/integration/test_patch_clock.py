"""The patch commitment is a clock (SPEC 4 support charter; issue 13.9), against a
controllable clock and a real SMTP inbox: a critical bug's 24 h patch appears in
GET /tickets/{id}/sla, the SLA monitor warns at 80 % and breaches it when the patch is
not recorded, and recording it (POST /tickets/{id}/patch) stops it."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from app.db.session import Database
from app.domain.clock import ControllableClock
from app.worker import Worker
from tests.support.smtp import SmtpServer
from tests.support.tickets import Desk, long_lived_tokens, make_desk

settings = long_lived_tokens
T0 = datetime(2027, 3, 9, 9, 0, tzinfo=UTC)  # a Tuesday
RESOLVED = T0 + timedelta(hours=2)
PROBLEMS = "https://supportdesk.dev/problems/"


async def _critical_bug(desk: Desk, clock: ControllableClock) -> dict[str, Any]:
    clock.set(T0)
    ticket = await desk.open(severity=1)
    assert (await desk.move(ticket["id"], "acknowledged")).status_code == 200
    clock.set(RESOLVED)
    r = await desk.move(
        ticket["id"], "resolved", outcome="bug", outcome_detail="BUG-4711, fix in 7.4.2"
    )
    assert r.status_code == 200, r.text
    assert r.json()["patch_due_at"] == "2027-03-10T11:00:00Z"
    return ticket


def _alerts(smtp: SmtpServer, tracking: str) -> Counter[str]:
    kinds: Counter[str] = Counter()
    for message in smtp.messages:
        subject = str(message["Subject"])
        if tracking in subject and "patch" in subject:
            kinds["warning" if "SLA warning" in subject else "breach"] += 1
    return kinds


async def test_an_unmet_patch_commitment_warns_and_breaches_in_the_monitor(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    clock: ControllableClock,
    smtp: SmtpServer,
) -> None:
    clock.set(T0 - timedelta(hours=1))
    desk = await make_desk(client, db, "bicom")
    ticket = await _critical_bug(desk, clock)
    tracking = ticket["tracking_number"]

    patch = (await desk.sla(ticket["id"]))["patch"]
    assert (patch["state"], patch["clock"], patch["minutes"]) == ("running", "continuous", 1440)
    assert patch["started_at"] == "2027-03-09T11:00:00Z"
    assert patch["due_at"] == "2027-03-10T11:00:00Z"
    assert patch["warn_at"] == "2027-03-10T06:12:00Z"  # 80 % of 24 h
    assert patch["remaining_seconds"] == 24 * 3600

    for hours, expected in ((19, Counter()), (20, Counter({"warning": 1}))):
        clock.set(RESOLVED + timedelta(hours=hours))
        await worker.tick()
        await worker.tick()
        assert _alerts(smtp, tracking) == expected
    clock.set(RESOLVED + timedelta(hours=25))
    await worker.tick()
    await worker.tick()
    assert _alerts(smtp, tracking) == Counter({"warning": 1, "breach": 1})

    patch = (await desk.sla(ticket["id"]))["patch"]
    assert patch["state"] == "breached"
    assert patch["breached_at"] == "2027-03-10T11:00:00Z"
    assert patch["remaining_seconds"] == -3600
    r = await client.get(f"/v1/tickets/{ticket['id']}/events", headers=desk.agent)
    kinds = Counter(e["kind"] for e in r.json()["items"])
    assert (kinds["sla_warning"], kinds["sla_breached"]) == (1, 1)

    late = await client.post(
        f"/v1/tickets/{ticket['id']}/patch", json={"reference": "7.4.2"}, headers=desk.agent
    )
    assert late.status_code == 200, late.text
    assert (late.json()["state"], late.json()["stopped_at"]) == ("breached", "2027-03-10T12:00:00Z")


async def test_recording_the_patch_in_time_meets_the_commitment_once(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    clock: ControllableClock,
    smtp: SmtpServer,
) -> None:
    clock.set(T0 - timedelta(hours=1))
    desk = await make_desk(client, db, "bicom")
    ticket = await _critical_bug(desk, clock)
    path = f"/v1/tickets/{ticket['id']}/patch"
    clock.set(RESOLVED + timedelta(hours=6))

    refused = await client.post(path, json={"reference": "7.4.2"}, headers=desk.customer)
    assert refused.status_code == 403
    assert refused.json()["type"] == PROBLEMS + "patch-recorded-by-staff"
    r = await client.post(
        path, json={"reference": "7.4.2-hotfix1", "note": "Apply tonight."}, headers=desk.agent
    )
    assert r.status_code == 200, r.text
    assert (r.json()["metric"], r.json()["state"]) == ("patch", "met")
    again = await client.post(path, json={"reference": "7.4.3"}, headers=desk.agent)
    assert again.status_code == 409
    assert again.json()["type"] == PROBLEMS + "patch-already-recorded"

    clock.set(RESOLVED + timedelta(hours=30))
    await worker.tick()
    await worker.tick()
    assert _alerts(smtp, ticket["tracking_number"]) == Counter()
    assert (await desk.sla(ticket["id"]))["patch"]["state"] == "met"
    [told] = [m for m in smtp.to("lan@acme.com") if "Patch available" in str(m["Subject"])]
    assert "7.4.2-hotfix1" in smtp.text_of(told)


async def test_only_a_critical_bug_carries_a_patch_clock_and_a_reopen_withdraws_it(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    clock.set(T0 - timedelta(hours=1))
    desk = await make_desk(client, db, "bicom")
    clock.set(T0)
    minor = await desk.open(severity=2)
    assert (await desk.move(minor["id"], "acknowledged")).status_code == 200
    r = await desk.move(minor["id"], "resolved", outcome="bug", outcome_detail="BUG-1")
    assert r.status_code == 200 and r.json()["patch_due_at"] is None
    assert "patch" not in await desk.sla(minor["id"])
    r = await client.post(
        f"/v1/tickets/{minor['id']}/patch", json={"reference": "x"}, headers=desk.agent
    )
    assert r.status_code == 409
    assert r.json()["type"] == PROBLEMS + "no-patch-commitment"

    critical = await _critical_bug(desk, clock)
    assert (await desk.move(critical["id"], "in_progress", desk.customer)).status_code == 200
    assert "patch" not in await desk.sla(critical["id"])
