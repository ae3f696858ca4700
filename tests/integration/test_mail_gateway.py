"""E-mail in (SPEC 6) through real SMTP: the gateway listens on a free port, smtplib sends.

Every path: a registered sender raises a case, a reply with the tracking number becomes
a comment, URGENT to the emergency address an emergency, everyone else is quarantined
and told once a day how to register; machine mail is recorded and never answered; a
message past the size limit is refused at SMTP time, a foreign recipient too.
"""

from __future__ import annotations

import asyncio
import smtplib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.db.session import Database
from app.domain.clock import ControllableClock
from app.integrations import mail_gateway
from app.services import inbound_mail
from app.services.context import ServiceContext
from app.settings import Settings
from app.worker import Worker
from tests.support.factories import add_partner
from tests.support.mail import authentication_results
from tests.support.smtp import SmtpServer
from tests.support.tickets import Desk, make_desk

SUPPORT = "support@supportdesk.localhost"
EMERGENCY = "emergency@supportdesk.localhost"
MAX_BYTES = 64 * 1024


@pytest.fixture
def settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(
        update={
            "storage_dir": tmp_path / "attachments",
            "support_address": SUPPORT,
            "emergency_address": EMERGENCY,
            "mail_gateway_max_message_bytes": MAX_BYTES,
        }
    )


@dataclass
class Gateway:
    port: int

    def _send(self, mail_from: str, rcpt_to: list[str], raw: bytes) -> Any:
        with smtplib.SMTP("127.0.0.1", self.port, timeout=30) as smtp:
            return smtp.sendmail(mail_from, rcpt_to, raw)

    async def send(
        self,
        *,
        sender: str = "lan@acme.com",
        subject: str = "PBX cannot dial PSTN destinations",
        body: str = "Since 09:10 no outbound call to PSTN numbers connects.",
        to: str = SUPPORT,
        mail_from: str | None = None,
        headers: dict[str, str] | None = None,
        attachment: bytes | None = None,
        authenticated: bool = True,
    ) -> None:
        """Sends as our receiving mail server passes mail on: with its Authentication-Results
        (DMARC passed for the From domain) unless `authenticated` is False."""
        message = EmailMessage()
        if authenticated:
            message["Authentication-Results"] = authentication_results(sender)
        message["From"] = sender
        message["To"] = to
        message["Subject"] = subject
        message["Message-ID"] = f"<{id(message)}.{len(body)}@mail.example>"
        for name, value in (headers or {}).items():
            message[name] = value
        message.set_content(body)
        if attachment is not None:
            message.add_attachment(
                attachment, maintype="text", subtype="plain", filename="sip-trace.log"
            )
        envelope_from = sender if mail_from is None else mail_from
        await asyncio.to_thread(self._send, envelope_from, [to], message.as_bytes())

    def _raw_session(self, mail_from: str, rcpt: str, raw: bytes) -> None:
        """MAIL without SIZE, so the limit is enforced while the data arrives."""
        with smtplib.SMTP("127.0.0.1", self.port, timeout=30) as smtp:
            smtp.ehlo()
            smtp.mail(mail_from)
            smtp.rcpt(rcpt)
            code, reply = smtp.data(raw)
            if code != 250:
                raise smtplib.SMTPDataError(code, reply)


@pytest.fixture
async def gateway(db: Database, ctx: ServiceContext) -> AsyncIterator[Gateway]:
    server = await mail_gateway.start(db, ctx, host="127.0.0.1", port=0)
    try:
        yield Gateway(server.sockets[0].getsockname()[1])
    finally:
        server.close()
        await server.wait_closed()


@pytest.fixture
async def desk(client: httpx.AsyncClient, db: Database) -> Desk:
    return await make_desk(client, db, "bicom")


async def tickets_of(desk: Desk) -> list[dict[str, Any]]:
    r = await desk.client.get("/v1/tickets", headers=desk.agent)
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def quarantine(desk: Desk, **filters: str) -> list[dict[str, Any]]:
    r = await desk.client.get("/v1/quarantine", params=filters, headers=desk.agent)
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def me(desk: Desk) -> dict[str, Any]:
    r = await desk.client.get("/v1/me", headers=desk.customer)
    result: dict[str, Any] = r.json()
    return result


async def test_a_registered_sender_raises_a_case_and_is_acknowledged(
    desk: Desk, gateway: Gateway, db: Database, ctx: ServiceContext, smtp: SmtpServer
) -> None:
    await gateway.send()
    [ticket] = await tickets_of(desk)
    assert ticket["channel"] == "email"
    assert ticket["subject"] == "PBX cannot dial PSTN destinations"
    assert ticket["description"] == "Since 09:10 no outbound call to PSTN numbers connects."
    assert ticket["category"] == "question"
    assert ticket["severity"] == 3  # Bicom's lowest: a mail proposes the mildest case
    assert ticket["requester_id"] == (await me(desk))["id"]
    assert not ticket["emergency"]
    await Worker(db, ctx).drain()
    [ack] = smtp.to("lan@acme.com")
    assert ticket["tracking_number"] in str(ack["Subject"])
    assert await quarantine(desk) == []


async def test_a_reply_with_the_tracking_number_is_a_public_comment(
    desk: Desk, gateway: Gateway
) -> None:
    ticket = await desk.open()
    number = ticket["tracking_number"]
    await gateway.send(subject=f"Re: [{number}] PBX not able", body="It fails on trunk 2 too.")
    assert len(await tickets_of(desk)) == 1
    r = await desk.client.get(f"/v1/tickets/{ticket['id']}/comments", headers=desk.agent)
    [comment] = r.json()["items"]
    assert comment["body"] == "It fails on trunk 2 too."
    assert comment["visibility"] == "public" and comment["channel"] == "email"


async def test_attachments_of_a_mailed_case_are_kept_on_the_case(
    desk: Desk, gateway: Gateway
) -> None:
    await gateway.send(attachment=b"INVITE sip:+41582801111 SIP/2.0\n")
    [ticket] = await tickets_of(desk)
    r = await desk.client.get(f"/v1/tickets/{ticket['id']}/attachments", headers=desk.agent)
    assert r.status_code == 200, r.text
    assert [a["filename"] for a in r.json()["items"]] == ["sip-trace.log"]


async def test_urgent_to_the_emergency_address_is_a_severity_1_emergency(
    desk: Desk, gateway: Gateway
) -> None:
    await gateway.send(to=EMERGENCY, subject="URGENT all calls failing on the PBX")
    [ticket] = await tickets_of(desk)
    assert ticket["emergency"] and ticket["severity"] == 1
    assert ticket["category"] == "incident" and ticket["channel"] == "email"


async def test_without_urgent_the_emergency_address_raises_an_ordinary_case(
    desk: Desk, gateway: Gateway
) -> None:
    await gateway.send(to=EMERGENCY, subject="Some calls fail on the PBX")
    [ticket] = await tickets_of(desk)
    assert not ticket["emergency"] and ticket["severity"] == 3


async def test_unregistered_sender_is_quarantined_and_told_once_a_day(
    desk: Desk,
    gateway: Gateway,
    db: Database,
    ctx: ServiceContext,
    smtp: SmtpServer,
    clock: ControllableClock,
) -> None:
    stranger = "someone@elsewhere.org"
    await gateway.send(sender=stranger, subject="Can you help with my PBX please")
    await gateway.send(sender=stranger, subject="Second try: help with my PBX")
    assert await tickets_of(desk) == []
    held = await quarantine(desk, reason="unregistered_sender")
    assert [m["subject"] for m in held] == [
        "Can you help with my PBX please",
        "Second try: help with my PBX",
    ]
    assert [m["replied"] for m in held] == [True, False]
    assert all(m["state"] == "held" and m["size"] > 0 for m in held)
    await Worker(db, ctx).drain()
    [reply] = smtp.to(stranger)
    assert reply.get_all("Auto-Submitted", []) == ["auto-replied"]  # replaced, not doubled
    text = SmtpServer.text_of(reply)
    assert "not registered" in text and "/signup" in text and "company" in text
    clock.advance(timedelta(days=1, minutes=1))
    await gateway.send(sender=stranger, subject="Third try, the next day")
    await Worker(db, ctx).drain()
    assert len(smtp.to(stranger)) == 2


async def test_a_registered_address_without_an_account_raises_a_case_as_an_email_contact(
    client: httpx.AsyncClient,
    desk: Desk,
    gateway: Gateway,
    db: Database,
    ctx: ServiceContext,
    smtp: SmtpServer,
) -> None:
    # SPEC 6: "Mail from a registered address or domain creates a ticket" (Bicom: tickets
    # by e-mail from registered addresses). acme.com is registered; newbie has no account.
    await gateway.send(
        sender="Nguyen Newbie <newbie@acme.com>", subject="Voicemail messages are lost"
    )
    [ticket] = await tickets_of(desk)
    assert ticket["channel"] == "email" and ticket["customer_id"] == desk.customer_id
    assert await quarantine(desk) == []
    r = await client.get(f"/v1/customers/{desk.customer_id}/users", headers=desk.admin)
    [contact] = [u for u in r.json()["items"] if u["email"] == "newbie@acme.com"]
    assert (contact["name"], contact["is_active"]) == ("Nguyen Newbie", False)
    assert ticket["requester_id"] == contact["id"]
    await Worker(db, ctx).drain()
    [ack] = smtp.to("newbie@acme.com")
    assert ticket["tracking_number"] in str(ack["Subject"])
    assert "not registered" not in SmtpServer.text_of(ack)
    # A reply by the contact is a comment on their case.
    await gateway.send(
        sender="newbie@acme.com",
        subject=f"Re: [{ticket['tracking_number']}] Voicemail messages are lost",
    )
    r = await client.get(f"/v1/tickets/{ticket['id']}/comments", headers=desk.agent)
    assert [c["channel"] for c in r.json()["items"]] == ["email"]
    # Signing up later activates the same user, who keeps the case.
    body = {"name": "Nguyen Newbie", "email": "newbie@acme.com", "company": "ACME"}
    assert (await client.post("/v1/auth/signup", json=body)).status_code == 202
    await Worker(db, ctx).drain()
    token = smtp.link_token("newbie@acme.com", "activate")
    password = "correct horse battery staple 42"
    r = await client.post("/v1/auth/activate", json={"token": token, "password": password})
    assert r.status_code == 200, r.text
    assert r.json()["id"] == contact["id"]
    r = await client.post(
        "/v1/auth/token", data={"username": "newbie@acme.com", "password": password}
    )
    headers = {"Authorization": f"Bearer {r.json()['access_token']}"}
    r = await client.get("/v1/tickets", headers=headers)
    assert [t["id"] for t in r.json()["items"]] == [ticket["id"]]


async def test_a_disabled_account_is_quarantined_and_told_it_is_registered(
    desk: Desk, gateway: Gateway, db: Database, ctx: ServiceContext, smtp: SmtpServer
) -> None:
    async with db.unit_of_work() as uow:
        user = await uow.accounts.user_by_email("lan@acme.com")
        assert user is not None and user.password_hash is not None
        user.is_active = False
        await uow.commit()
    await gateway.send()
    assert await tickets_of(desk) == []
    [held] = await quarantine(desk)
    assert held["reason"] == "no_account" and held["customer_id"] == desk.customer_id
    await Worker(db, ctx).drain()
    [reply] = smtp.to("lan@acme.com")
    text = SmtpServer.text_of(reply)
    assert "not registered" not in text and "registered with SupportDesk" in text


async def test_staff_release_a_held_message_as_a_case(desk: Desk, gateway: Gateway) -> None:
    await gateway.send(sender="someone@elsewhere.org", subject="Voicemail greeting is wrong")
    [held] = await quarantine(desk)
    r = await desk.client.post(
        f"/v1/quarantine/{held['id']}/release",
        json={"customer_id": desk.customer_id, "requester_email": "lan@acme.com"},
        headers=desk.agent,
    )
    assert r.status_code == 201, r.text
    released = r.json()
    assert r.headers["Location"] == f"/v1/tickets/{released['ticket_id']}"
    assert released["mail"]["state"] == "released"
    assert released["mail"]["released_ticket_id"] == released["ticket_id"]
    assert released["mail"]["decided_by"] is not None
    [ticket] = await tickets_of(desk)
    assert ticket["id"] == released["ticket_id"] and ticket["channel"] == "email"
    assert ticket["subject"] == "Voicemail greeting is wrong"
    r = await desk.client.get(f"/v1/tickets/{ticket['id']}/events", headers=desk.agent)
    assert "released_from_quarantine" in [e["kind"] for e in r.json()["items"]]


async def test_deleting_a_held_message_keeps_the_row(desk: Desk, gateway: Gateway) -> None:
    await gateway.send(sender="spam@elsewhere.org", subject="Cheap watches for everyone")
    [held] = await quarantine(desk)
    r = await desk.client.delete(f"/v1/quarantine/{held['id']}", headers=desk.agent)
    assert r.status_code == 204, r.text
    [deleted] = await quarantine(desk, state="deleted")
    assert deleted["id"] == held["id"]
    assert deleted["decided_by"] is not None and deleted["decided_at"] is not None


async def test_auto_replies_and_bounces_are_recorded_never_answered(
    desk: Desk, gateway: Gateway, db: Database, ctx: ServiceContext, smtp: SmtpServer
) -> None:
    ticket = await desk.open()
    await Worker(db, ctx).drain()
    smtp.clear()
    # From a registered user, even quoting the tracking number: still no comment.
    await gateway.send(
        subject=f"Out of office: [{ticket['tracking_number']}]",
        headers={"Auto-Submitted": "auto-replied"},
    )
    await gateway.send(sender="MAILER-DAEMON@mx.elsewhere.org", mail_from="", subject="Undelivered")
    reasons = sorted(m["reason"] for m in await quarantine(desk))
    assert reasons == ["auto_reply", "bounce"]
    assert all(not m["replied"] for m in await quarantine(desk))
    assert len(await tickets_of(desk)) == 1
    r = await desk.client.get(f"/v1/tickets/{ticket['id']}/comments", headers=desk.agent)
    assert r.json()["items"] == []
    await Worker(db, ctx).drain()
    assert smtp.messages == []


async def test_a_partner_supported_customer_is_pointed_to_its_partner(
    client: httpx.AsyncClient,
    db: Database,
    gateway: Gateway,
    ctx: ServiceContext,
    smtp: SmtpServer,
) -> None:
    partner = await add_partner(db, "Helpline Partners")
    desk = await make_desk(client, db, "bicom", domain="beta.com", partner_id=partner.id)
    await gateway.send(sender="lan@beta.com")
    assert await tickets_of(desk) == []
    [held] = await quarantine(desk)
    assert held["reason"] == "partner_first" and held["replied"]
    await Worker(db, ctx).drain()
    [reply] = smtp.to("lan@beta.com")
    assert "Helpline Partners" in SmtpServer.text_of(reply)


async def test_a_case_the_rules_refuse_is_quarantined_with_the_reason(
    desk: Desk, gateway: Gateway, db: Database, ctx: ServiceContext, smtp: SmtpServer
) -> None:
    await gateway.send(subject="URGENT HELP")  # not an informative subject (SPEC 4)
    [held] = await quarantine(desk)
    assert held["reason"] == "rejected" and held["detail"]
    await Worker(db, ctx).drain()
    [reply] = smtp.to("lan@acme.com")
    assert "could not open a case" in SmtpServer.text_of(reply)


async def test_an_oversized_message_is_refused_at_smtp_time(desk: Desk, gateway: Gateway) -> None:
    big = "x" * 76 + "\n"
    body = big * (MAX_BYTES // len(big) + 10)
    # smtplib announces the size (ESMTP SIZE): refused at MAIL FROM.
    with pytest.raises(smtplib.SMTPSenderRefused) as refused:
        await gateway.send(body=body)
    assert refused.value.smtp_code == 552
    # Without the announcement the limit applies while the data arrives.
    crlf_body = body.replace("\n", "\r\n")
    raw = f"From: lan@acme.com\r\nSubject: big trace\r\n\r\n{crlf_body}".encode()
    with pytest.raises(smtplib.SMTPDataError) as too_much:
        await asyncio.to_thread(gateway._raw_session, "lan@acme.com", SUPPORT, raw)
    assert too_much.value.smtp_code == 552
    assert await tickets_of(desk) == []
    assert await quarantine(desk) == []


async def test_a_foreign_recipient_is_refused_with_550(desk: Desk, gateway: Gateway) -> None:
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        await gateway.send(to="sales@supportdesk.localhost")
    assert refused.value.recipients["sales@supportdesk.localhost"][0] == 550
    assert await quarantine(desk) == []


async def test_an_internal_failure_answers_451_so_the_sender_retries(
    desk: Desk, gateway: Gateway, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(inbound_mail, "receive", broken)
    with pytest.raises(smtplib.SMTPDataError) as failed:
        await gateway.send()
    assert failed.value.smtp_code == 451


# --- sender authentication (issue 11, point 13) -------------------------------------------


@pytest.mark.parametrize(
    "forgery",
    [
        {"authenticated": False},  # no Authentication-Results at all
        {
            "authenticated": False,
            "headers": {
                "Authentication-Results": "mx.attacker.example; dmarc=pass header.from=acme.com"
            },
        },
        {
            "authenticated": False,
            "headers": {
                "Authentication-Results": "mx.supportdesk.test; dmarc=fail header.from=acme.com"
            },
        },
    ],
    ids=["no-header", "untrusted-server", "dmarc-fail"],
)
async def test_a_forged_registered_sender_is_quarantined_never_a_case(
    desk: Desk,
    gateway: Gateway,
    db: Database,
    ctx: ServiceContext,
    smtp: SmtpServer,
    forgery: dict[str, Any],
) -> None:
    ticket = await desk.open()
    await Worker(db, ctx).drain()  # its acknowledgement
    smtp.clear()
    await gateway.send(to=EMERGENCY, subject="URGENT all calls failing on the PBX", **forgery)
    number = ticket["tracking_number"]
    await gateway.send(subject=f"Re: [{number}] please close this", body="Close it.", **forgery)
    assert [t["id"] for t in await tickets_of(desk)] == [ticket["id"]]
    r = await desk.client.get(f"/v1/tickets/{ticket['id']}/comments", headers=desk.agent)
    assert r.json()["items"] == []
    held = await quarantine(desk)
    assert [m["reason"] for m in held] == ["unauthenticated"] * 2
    assert all(m["customer_id"] == desk.customer_id and not m["replied"] for m in held)
    assert "acme.com" in held[0]["detail"]
    await Worker(db, ctx).drain()
    assert smtp.to("lan@acme.com") == []  # never answered: it would go to the person forged


async def test_staff_release_an_unauthenticated_message_as_a_case(
    desk: Desk, gateway: Gateway
) -> None:
    await gateway.send(subject="Voicemail greeting is wrong", authenticated=False)
    [held] = await quarantine(desk, reason="unauthenticated")
    r = await desk.client.post(
        f"/v1/quarantine/{held['id']}/release",
        json={"customer_id": desk.customer_id, "requester_email": "lan@acme.com"},
        headers=desk.agent,
    )
    assert r.status_code == 201, r.text
    [ticket] = await tickets_of(desk)
    assert ticket["subject"] == "Voicemail greeting is wrong"


LEVEL_1 = "supportmanager@supportdesk.localhost"  # Bicom's role mailboxes on our domain
LEVEL_2 = "customerservice@supportdesk.localhost"
ESCALATION = (
    "Reason: inadequate solution\n"
    "Impact: Our call centre cannot reach any PSTN number; 400 agents are idle.\n"
    "Progress: Two restarts of the trunk failed and nobody has called us back.\n"
)


async def escalations_of(desk: Desk, ticket_id: str) -> list[dict[str, Any]]:
    r = await desk.client.get(f"/v1/tickets/{ticket_id}/escalations", headers=desk.customer)
    assert r.status_code == 200, r.text
    items: list[dict[str, Any]] = r.json()["items"]
    return items


async def test_an_escalation_mail_to_the_level_one_address_opens_a_level_one_escalation(
    desk: Desk, gateway: Gateway, db: Database, ctx: ServiceContext, smtp: SmtpServer
) -> None:
    # Bicom: "Escalation level 1 can be initiated by sending an email to supportmanager@".
    ticket = await desk.open()
    number = ticket["tracking_number"]
    await Worker(db, ctx).drain()
    smtp.clear()
    await gateway.send(to=LEVEL_1, subject=f"Escalation of [{number}]", body=ESCALATION)
    [escalation] = await escalations_of(desk, ticket["id"])
    assert (escalation["level"], escalation["addressed_role"]) == (1, "support_manager")
    assert escalation["reason"] == "inadequate_solution"
    assert escalation["business_impact"].startswith("Our call centre cannot reach")
    assert escalation["progress_to_date"].startswith("Two restarts")
    assert escalation["created_by"] == (await me(desk))["id"]
    assert not escalation["automatic"]
    assert await quarantine(desk) == []
    r = await desk.client.get(f"/v1/tickets/{ticket['id']}/events", headers=desk.agent)
    [opened] = [e for e in r.json()["items"] if e["kind"] == "escalation_opened"]
    assert opened["channel"] == "email"
    await Worker(db, ctx).drain()
    [told] = smtp.to("lan@acme.com")  # the sender hears the result
    assert number in str(told["Subject"])
    assert "open at level 1" in SmtpServer.text_of(told)
    assert smtp.to("manager@vendor-bicom.com")  # the level's manager is told as usual
    # The next level's address continues above it.
    await gateway.send(to=LEVEL_2, subject=f"Re: [{number}]", body="Still down after a day.")
    assert [e["level"] for e in await escalations_of(desk, ticket["id"])] == [1, 2]


async def test_escalation_mail_that_cannot_escalate_is_quarantined_with_a_reason(
    client: httpx.AsyncClient,
    desk: Desk,
    gateway: Gateway,
    db: Database,
    ctx: ServiceContext,
    smtp: SmtpServer,
) -> None:
    other = await make_desk(client, db, "aarenet-standard", domain="other.com")
    ours = (await desk.open())["tracking_number"]
    theirs = (await other.open())["tracking_number"]
    closed = await desk.open(subject="Voicemail greeting plays twice")
    assert (await desk.move(closed["id"], "resolved", outcome="fixed")).status_code == 200
    sends = [
        ("someone@elsewhere.org", LEVEL_1, ours, "escalation_unknown_sender"),
        ("lan@acme.com", LEVEL_1, None, "escalation_no_case"),
        ("lan@acme.com", LEVEL_1, theirs, "escalation_no_case"),
        ("lan@acme.com", LEVEL_1, closed["tracking_number"], "escalation_case_closed"),
        ("lan@acme.com", LEVEL_2, ours, "escalation_refused"),  # level 1 comes first
    ]
    for sender, to, number, _ in sends:
        subject = f"Escalation [{number}]" if number else "Escalation of our PBX case"
        await gateway.send(sender=sender, to=to, subject=subject, body=ESCALATION)
    held = await quarantine(desk)
    assert [m["reason"] for m in held] == [reason for *_, reason in sends]
    assert all(m["state"] == "held" for m in held)
    assert "level 1" in held[-1]["detail"] and LEVEL_1 in held[-1]["detail"]
    assert await escalations_of(desk, closed["id"]) == []
    await Worker(db, ctx).drain()
    # At most one automatic answer a day.
    [reply] = [m for m in smtp.to("lan@acme.com") if m["Auto-Submitted"] == "auto-replied"]
    assert "could not open an escalation" in SmtpServer.text_of(reply)
    assert "Reason:" in SmtpServer.text_of(reply)
    # A mailbox no chain names is refused at SMTP time, like any foreign recipient.
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        await gateway.send(to="director@supportdesk.localhost", subject=f"[{ours}]")
