"""Who hears of a case (issue 13.8, 13.11), through the API and the worker into a real
SMTP inbox (aiosmtpd) and a real webhook receiver: the on-call page and the
`ticket.emergency` webhook of an emergency, the acknowledgement to whoever raised the
case, and a manager's Severity 1 reclassification to the requester and partner helpdesk."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from app.db.session import Database
from app.domain.actors import Role
from app.worker import Worker
from tests.support.factories import add_user, login, user_headers
from tests.support.smtp import SmtpServer
from tests.support.tickets import Desk, make_desk

HELPDESK = "helpdesk@partner-p.com"


@dataclass
class Receiver:
    url: str = ""
    bodies: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """An HTTP server on 127.0.0.1 that keeps every webhook it receives."""
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            with state.lock:
                state.bodies.append(json.loads(body))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hooks"
    yield state
    server.shutdown()
    server.server_close()


async def _deliver(worker: Worker) -> None:
    while await worker.deliver_due():
        pass


async def _partner_desk(
    client: httpx.AsyncClient, db: Database, preset: str
) -> tuple[Desk, uuid.UUID]:
    """A customer supported by Partner P, whose helpdesk publishes an address."""
    admin = await user_headers(client, db, "root@vendor.com", Role.ADMIN)
    r = await client.post(
        "/v1/partners", json={"name": "Partner P", "helpdesk_email": HELPDESK}, headers=admin
    )
    assert r.status_code == 201, r.text
    partner_id = uuid.UUID(r.json()["id"])
    return await make_desk(client, db, preset, partner_id=partner_id), partner_id


async def test_an_emergency_pages_the_contracts_on_call_address_and_publishes_a_webhook(
    client: httpx.AsyncClient,
    db: Database,
    worker: Worker,
    smtp: SmtpServer,
    receiver: Receiver,
) -> None:
    desk = await make_desk(client, db, "bicom")
    r = await client.patch(
        f"/v1/contracts/{desk.contract_id}",
        json={"on_call_address": "OnCall-ACME@vendor.com", "reason": "night pager"},
        headers=desk.admin,
    )
    assert r.status_code == 200, r.text
    r = await client.post(
        "/v1/webhooks",
        json={"url": receiver.url, "events": ["ticket.emergency"]},
        headers=desk.admin,
    )
    assert r.status_code == 201, r.text

    calm = await desk.open(severity=2)
    emergency = await desk.open(severity=2, emergency=True, failing_call_share=0.6)
    await _deliver(worker)

    assert emergency["severity"] == 1 and emergency["emergency"] is True
    [page] = smtp.to("oncall-acme@vendor.com")
    assert str(page["Subject"]).startswith(f"[{emergency['tracking_number']}] EMERGENCY")
    assert "60%" in smtp.text_of(page)
    assert not any(calm["tracking_number"] in str(m["Subject"]) for m in smtp.to("oncall"))
    [hook] = receiver.bodies
    assert hook["type"] == "ticket.emergency"
    assert hook["data"]["tracking_number"] == emergency["tracking_number"]
    assert hook["data"]["failing_call_share"] == 0.6


async def test_without_a_contract_on_call_address_the_global_one_is_paged(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    desk = await make_desk(client, db, "bicom")
    emergency = await desk.open(emergency=True, failing_call_share=1.0)
    await _deliver(worker)
    [page] = smtp.to(worker.ctx.settings.on_call_address)
    assert emergency["tracking_number"] in str(page["Subject"])


async def test_a_partner_api_keys_case_is_acknowledged_to_the_partner_helpdesk(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    desk, partner_id = await _partner_desk(client, db, "ipass")
    r = await client.post(
        f"/v1/partners/{partner_id}/api-keys", json={"name": "bridge"}, headers=desk.admin
    )
    assert r.status_code == 201, r.text
    key = {"X-API-Key": r.json()["key"]}
    r = await client.post(
        "/v1/tickets",
        json={
            "customer_id": desk.customer_id,
            "subject": "Roaming login fails for every user in Bruges",
            "description": "Since 08:00 no user can log in.",
            "category": "question",
            "severity": 2,
            "external_ref": "ZD-4711",
        },
        headers=key,
    )
    assert r.status_code == 201, r.text
    tracking = r.json()["tracking_number"]
    await _deliver(worker)
    [ack] = smtp.to(HELPDESK)
    assert tracking in str(ack["Subject"])
    assert "ZD-4711" in smtp.text_of(ack)


async def test_a_case_an_agent_records_for_a_caller_is_acknowledged_to_the_caller(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    desk = await make_desk(client, db, "aarenet-standard")
    code = (await client.post("/v1/me/call-verification", headers=desk.customer)).json()["code"]
    r = await client.post(
        "/v1/tickets",
        json={
            "customer_id": desk.customer_id,
            "subject": "PBX not able to dial PSTN destinations",
            "description": "The caller reports that no PSTN call connects.",
            "category": "question",
            "severity": 2,
            "channel": "phone",
            "caller": {"caller_email": "lan@acme.com", "code": code},
        },
        headers=desk.agent,
    )
    assert r.status_code == 201, r.text
    tracking = r.json()["tracking_number"]
    await _deliver(worker)
    [ack] = smtp.to("lan@acme.com")
    assert tracking in str(ack["Subject"])
    assert smtp.to("agent@vendor-aarenet-standard.com") == []


async def test_a_sev1_reclassification_is_told_to_the_requester_and_the_partner_helpdesk(
    client: httpx.AsyncClient, db: Database, worker: Worker, smtp: SmtpServer
) -> None:
    desk, partner_id = await _partner_desk(client, db, "ipass")
    await add_user(db, "pat@partner-p.com", Role.PARTNER_AGENT, partner_id=partner_id)
    pat = await login(client, "pat@partner-p.com")
    r = await client.post(
        "/v1/tickets",
        json={
            "customer_id": desk.customer_id,
            "subject": "Caller ID display wrong on all handsets",
            "description": "Calls connect but show the wrong caller ID.",
            "category": "question",
            "severity": 1,
        },
        headers=pat,
    )
    assert r.status_code == 201, r.text
    ticket = r.json()
    await _deliver(worker)
    smtp.clear()
    reason = "Calls connect; only caller-ID display is wrong: not a service outage."
    r = await client.post(
        f"/v1/tickets/{ticket['id']}/severity-changes",
        json={"to_level": 3, "reason": reason, "reclassify": True},
        headers=desk.manager,
    )
    assert r.status_code == 201, r.text
    await _deliver(worker)
    for address in ("pat@partner-p.com", HELPDESK):
        [told] = smtp.to(address)
        assert ticket["tracking_number"] in str(told["Subject"])
        assert reason in smtp.text_of(told)
