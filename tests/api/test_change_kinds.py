"""Every kind of change, made through the API (and the SLA monitor), produces exactly one
audit event, one change-feed row and the webhook of its type — all with one id — and the
e-mails its table names (issue 10)."""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import select

from app.db.models import OutboxMessage, TicketChange, TicketEvent
from app.db.session import Database
from app.domain.changes import EFFECTS, Change
from app.domain.clock import ControllableClock
from app.services.context import ServiceContext
from app.services.sla_monitor import SlaMonitor
from tests.api.test_quarantine import received
from tests.support.tickets import long_lived_tokens, make_desk

settings = long_lived_tokens
T0 = datetime(2027, 1, 5, 10, 0, tzinfo=UTC)  # a Tuesday, in office hours
LAN = "lan@acme.com"
AGENT = "agent@vendor-aarenet-standard.com"


@dataclass
class Seen:
    """What one step added: audit events, feed rows, webhooks, e-mails."""

    events: list[TicketEvent]
    changes: list[TicketChange]
    webhooks: list[dict[str, Any]]
    emails: list[dict[str, Any]]

    @property
    def kinds(self) -> list[str]:
        return [c.type for c in self.changes]

    def recipients(self) -> set[str]:
        return {address for e in self.emails for address in e["to"]}


@dataclass
class Ledger:
    db: Database
    events: set[uuid.UUID] = field(default_factory=set)
    changes: set[int] = field(default_factory=set)
    outbox: set[uuid.UUID] = field(default_factory=set)
    covered: Counter[str] = field(default_factory=Counter)

    async def step(self, action: Callable[[], Awaitable[Any]], expect: Collection[Change]) -> Seen:
        """Runs `action`; checks each new change has one audit event and one webhook of its
        type with the same id; `expect` as a list is the exact kinds in order, as a set
        the kinds that may occur (the monitor may find several clocks due)."""
        await action()
        seen = await self._new()
        if isinstance(expect, list):
            assert seen.kinds == [k.value for k in expect], seen.kinds
        else:
            assert seen.kinds and set(seen.kinds) <= {k.value for k in expect}, seen.kinds
        # One id names a change's audit event and feed row (ids within a millisecond
        # are not ordered: compare by id).
        assert {e.id: e.kind for e in seen.events} == {c.id: c.type for c in seen.changes}
        assert len(seen.events) == len(seen.changes)
        seqs = [c.seq for c in seen.changes]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        hooks = {h["id"]: h for h in seen.webhooks}
        assert len(hooks) == len(seen.webhooks) == len(seen.changes)  # one each (one `*` hook)
        for change in seen.changes:
            hook = hooks[str(change.id)]
            assert hook["type"] == EFFECTS[Change(change.type)].webhook.value
            assert hook["seq"] == change.seq
            assert (hook["tracking_number"], hook["ticket_id"]) == (
                change.tracking_number,
                str(change.ticket_id),
            )
            assert "external_ref" in hook and hook["created_at"].endswith("Z")
            assert hook["data"] == change.data
            self.covered[change.type] += 1
        return seen

    async def _new(self) -> Seen:
        async with self.db.unit_of_work() as uow:
            s = uow.session
            events = [
                e
                for e in (await s.execute(select(TicketEvent).order_by(TicketEvent.id))).scalars()
                if e.id not in self.events
            ]
            changes = [
                c
                for c in (
                    await s.execute(select(TicketChange).order_by(TicketChange.seq))
                ).scalars()
                if c.seq not in self.changes
            ]
            outbox = [
                m
                for m in (
                    await s.execute(select(OutboxMessage).order_by(OutboxMessage.id))
                ).scalars()
                if m.id not in self.outbox
            ]
            s.expunge_all()  # plain values after the unit of work ends
        self.events |= {e.id for e in events}
        self.changes |= {c.seq for c in changes}
        self.outbox |= {m.id for m in outbox}
        return Seen(
            events,
            changes,
            [json.loads(m.payload["body"]) for m in outbox if m.kind == "webhook"],
            [m.payload for m in outbox if m.kind == "email"],
        )


async def _ok(r: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body: dict[str, Any] = r.json()
    return body


async def test_every_kind_of_change_is_audited_fed_and_published_once(
    client: httpx.AsyncClient, db: Database, ctx: ServiceContext, clock: ControllableClock
) -> None:
    clock.set(T0 - timedelta(days=1))
    desk = await make_desk(client, db, "aarenet-standard")
    clock.set(T0)
    await _ok(
        await client.post(
            "/v1/webhooks",
            json={"url": "https://hooks.example/events", "events": ["*"]},
            headers=desk.admin,
        ),
        201,
    )
    ledger = Ledger(db)
    await ledger._new()  # what setting up the desk did is not under test
    agent_id = (await _ok(await client.get("/v1/me", headers=desk.agent)))["id"]
    monitor = SlaMonitor(db, ctx)
    box: dict[str, Any] = {}

    # The SLA monitor first, while only one case runs its clocks.
    async def open_minor() -> None:
        box["minor"] = await desk.open(severity=4)

    await ledger.step(open_minor, [Change.CREATED])
    clocks = (await desk.sla(box["minor"]["id"])).values()
    first_warning = min(_at(c["warn_at"]) for c in clocks if c.get("warn_at"))
    first_due = min(_at(c["due_at"]) for c in clocks if c.get("due_at"))
    clock.set(first_warning + timedelta(seconds=1))
    seen = await ledger.step(monitor.run_once, {Change.SLA_WARNING})
    assert seen.recipients() <= {AGENT, "manager@vendor-aarenet-standard.com"}
    assert seen.emails and all("SLA warning" in e["subject"] for e in seen.emails)
    clock.set(first_due + timedelta(seconds=1))
    seen = await ledger.step(monitor.run_once, {Change.SLA_BREACHED, Change.SLA_WARNING})
    assert Change.SLA_BREACHED.value in seen.kinds

    async def open_case() -> None:
        box["case"] = await desk.open(severity=2)

    seen = await ledger.step(open_case, [Change.CREATED])
    assert seen.recipients() == {LAN}  # the acknowledgement
    tid = box["case"]["id"]
    path = f"/v1/tickets/{tid}"

    seen = await ledger.step(
        lambda: client.patch(path, json={"assignee_id": agent_id}, headers=desk.agent),
        [Change.UPDATED],
    )
    assert seen.emails == [] and seen.changes[0].data["changed"] == ["assignee_id"]

    seen = await ledger.step(lambda: desk.move(tid, "acknowledged"), [Change.STATE_CHANGED])
    assert seen.recipients() == {LAN}

    seen = await ledger.step(
        lambda: client.post(
            f"{path}/comments", json={"body": "Still failing."}, headers=desk.customer
        ),
        [Change.COMMENT_ADDED],
    )
    assert seen.recipients() == {AGENT}  # the other side: the assignee

    seen = await ledger.step(
        lambda: client.post(
            f"{path}/attachments",
            files={"file": ("trace.txt", b"INVITE sip:...", "text/plain")},
            headers=desk.customer,
        ),
        [Change.ATTACHMENT_ADDED],
    )
    assert seen.emails == []

    async def call() -> None:
        code = (
            await _ok(await client.post("/v1/me/call-verification", headers=desk.customer), 201)
        )["code"]
        await _ok(
            await client.post(
                f"{path}/calls",
                json={"caller_email": LAN, "code": code, "notes": "Walked through the trace."},
                headers=desk.agent,
            ),
            201,
        )

    seen = await ledger.step(call, [Change.CALL_RECORDED])
    assert seen.emails == []

    severity = f"{path}/severity-changes"

    async def propose(headers: dict[str, str], to_level: int, **extra: Any) -> None:
        body = {"to_level": to_level, "reason": "The impact is different."} | extra
        box["change"] = await _ok(await client.post(severity, json=body, headers=headers), 201)

    async def answer(verb: str, headers: dict[str, str], body: dict[str, Any]) -> None:
        r = await client.post(
            f"{severity}/{box['change']['id']}/{verb}", json=body, headers=headers
        )
        await _ok(r)

    seen = await ledger.step(lambda: propose(desk.agent, 1), [Change.SEVERITY_CHANGED])
    assert seen.recipients() <= {LAN}
    seen = await ledger.step(lambda: propose(desk.customer, 2), [Change.SEVERITY_CHANGE_PROPOSED])
    assert seen.recipients() == {AGENT}  # staff answer a customer's proposal
    reason = {"reason": "Agreed, only part of the calls fail."}
    seen = await ledger.step(
        lambda: answer("accept", desk.agent, reason), [Change.SEVERITY_CHANGE_ACCEPTED]
    )
    assert seen.recipients() <= {LAN}
    seen = await ledger.step(lambda: propose(desk.agent, 3), [Change.SEVERITY_CHANGE_PROPOSED])
    assert seen.recipients() == {LAN}  # the customer answers a downgrade
    seen = await ledger.step(
        lambda: answer("reject", desk.customer, {"reason": "It is a major outage for us."}),
        [Change.SEVERITY_CHANGE_REJECTED, Change.ESCALATION_OPENED],
    )
    assert seen.emails  # the dispute's level is told
    seen = await ledger.step(
        lambda: answer("decide", desk.regional, {"level": 3, "reason": "Workaround exists."}),
        [Change.SEVERITY_DISPUTE_DECIDED],
    )
    assert seen.recipients() <= {LAN}

    async def escalate() -> None:
        box["escalation"] = await _ok(
            await client.post(
                f"{path}/escalations",
                json={
                    "reason": "inadequate_solution",
                    "business_impact": "Our call centre cannot reach any PSTN number.",
                    "progress_to_date": "Two restarts of the trunk failed; no news since.",
                },
                headers=desk.customer,
            ),
            201,
        )

    seen = await ledger.step(escalate, [Change.ESCALATION_OPENED])
    assert LAN not in seen.recipients()  # the addressed level (its people, if any)
    role = box["escalation"]["addressed_role"]
    manager = {"support_manager": desk.manager, "regional_ops_manager": desk.regional}.get(
        role, desk.admin
    )
    escalation = f"/v1/escalations/{box['escalation']['id']}"
    seen = await ledger.step(
        lambda: client.post(f"{escalation}/acknowledge", json={"note": "On it"}, headers=manager),
        [Change.ESCALATION_ACKNOWLEDGED],
    )
    assert seen.recipients() == {LAN}  # whoever escalated
    seen = await ledger.step(
        lambda: client.post(
            f"{escalation}/resolve",
            json={"resolution": "A senior engineer owns the case now."},
            headers=manager,
        ),
        [Change.ESCALATION_RESOLVED],
    )
    assert seen.recipients() == {LAN}

    # A manager's Severity 1 reclassification, and the customer's dispute of it.
    async def open_critical() -> None:
        box["critical"] = await desk.open(severity=1)

    await ledger.step(open_critical, [Change.CREATED])
    severity = f"/v1/tickets/{box['critical']['id']}/severity-changes"
    seen = await ledger.step(
        lambda: propose(desk.manager, 3, reclassify=True), [Change.SEVERITY_RECLASSIFIED]
    )
    assert seen.recipients() == {LAN}
    await ledger.step(
        lambda: answer("dispute", desk.customer, {"reason": "No one can see who calls."}),
        [Change.SEVERITY_CHANGE_DISPUTED, Change.ESCALATION_OPENED],
    )

    # A critical bug's patch.
    async def open_bug() -> None:
        box["bug"] = await desk.open(severity=1)
        await _ok(await desk.move(box["bug"]["id"], "acknowledged"))
        await _ok(
            await desk.move(box["bug"]["id"], "resolved", outcome="bug", outcome_detail="BUG-1")
        )

    await ledger.step(open_bug, [Change.CREATED, Change.STATE_CHANGED, Change.STATE_CHANGED])
    seen = await ledger.step(
        lambda: client.post(
            f"/v1/tickets/{box['bug']['id']}/patch", json={"reference": "7.4.2"}, headers=desk.agent
        ),
        [Change.PATCH_RECORDED],
    )
    assert seen.recipients() == {LAN} and "Patch available" in seen.emails[0]["subject"]

    # An emergency is raised as a case, then declared.
    seen = await ledger.step(
        lambda: desk.open(severity=2, emergency=True, failing_call_share=0.8),
        [Change.CREATED, Change.EMERGENCY],
    )
    paged = [e for e in seen.emails if "EMERGENCY" in e["subject"]]
    assert len(paged) == 1 and LAN not in paged[0]["to"]

    # Released from quarantine: the case is raised, then the release recorded.
    held = await received(db, ctx, "a@elsewhere.org")

    async def release() -> None:
        r = await client.post(
            f"/v1/quarantine/{held.quarantined_id}/release",
            json={"customer_id": desk.customer_id},
            headers=desk.agent,
        )
        await _ok(r, 201)

    await ledger.step(release, [Change.CREATED, Change.RELEASED_FROM_QUARANTINE])

    # The auto-close goes the one way a state changes.
    clock.set(T0 + timedelta(days=120))
    seen = await ledger.step(
        monitor.run_once,
        {Change.STATE_CHANGED, Change.SLA_WARNING, Change.SLA_BREACHED, Change.ESCALATION_OPENED},
    )
    closed = [c for c in seen.changes if c.type == Change.STATE_CHANGED.value]
    assert [(c.ticket_id, c.data["from"], c.data["to"]) for c in closed] == [
        (uuid.UUID(box["bug"]["id"]), "resolved", "closed")
    ]
    assert closed[0].actor["role"] == "system"

    assert set(ledger.covered) == {k.value for k in Change}, set(Change) - set(ledger.covered)


def _at(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))
