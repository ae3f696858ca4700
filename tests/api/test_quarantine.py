"""The quarantine resource (SPEC 6, Appendix B): staff only, filters, pages, decisions."""

from __future__ import annotations

from email.message import EmailMessage
from typing import Any

import httpx
import pytest

from app.db.session import Database
from app.domain.actors import Role
from app.services import inbound_mail
from app.services.context import ServiceContext
from tests.support.factories import add_partner, user_headers
from tests.support.mail import authentication_results
from tests.support.tickets import Desk, make_desk

SUPPORT = "support@supportdesk.localhost"


async def received(
    db: Database,
    ctx: ServiceContext,
    sender: str,
    subject: str = "Our PBX drops calls after a minute",
    *,
    headers: dict[str, str] | None = None,
    mail_from: str | None = None,
    html: str | None = None,
    attachment: bytes | None = None,
    authenticated: bool = True,
) -> inbound_mail.Received:
    message = EmailMessage()
    if authenticated:  # as our receiving mail server passes it on (tests/support/mail.py)
        message["Authentication-Results"] = authentication_results(sender)
    message["From"] = sender
    message["To"] = SUPPORT
    message["Subject"] = subject
    for name, value in (headers or {}).items():
        message[name] = value
    if html is None:
        message.set_content("Every call drops after about 60 seconds.")
    else:
        message.set_content(html, subtype="html")
    if attachment is not None:
        message.add_attachment(
            attachment, maintype="application", subtype="octet-stream", filename="capture.pcap"
        )
    envelope = sender if mail_from is None else mail_from
    return await inbound_mail.receive(db, ctx, message.as_bytes(), envelope, [SUPPORT])


@pytest.fixture
async def desk(client: httpx.AsyncClient, db: Database) -> Desk:
    return await make_desk(client, db, "bicom")


async def test_staff_list_what_is_held_with_filters(
    desk: Desk, db: Database, ctx: ServiceContext
) -> None:
    await received(db, ctx, "a@elsewhere.org")
    await received(db, ctx, "b@elsewhere.org", headers={"Auto-Submitted": "auto-replied"})
    await received(db, ctx, "newbie@acme.com", "URGENT HELP")  # too vague a subject
    r = await desk.client.get("/v1/quarantine", headers=desk.agent)
    assert r.status_code == 200, r.text
    assert [m["reason"] for m in r.json()["items"]] == [
        "unregistered_sender",
        "auto_reply",
        "rejected",
    ]
    r = await desk.client.get("/v1/quarantine?reason=auto_reply", headers=desk.agent)
    assert [m["sender"] for m in r.json()["items"]] == ["b@elsewhere.org"]
    r = await desk.client.get("/v1/quarantine?sender=A@elsewhere.org", headers=desk.agent)
    assert [m["reason"] for m in r.json()["items"]] == ["unregistered_sender"]
    r = await desk.client.get("/v1/quarantine?state=released", headers=desk.admin)
    assert r.json()["items"] == []
    r = await desk.client.get("/v1/quarantine?reason=nonsense", headers=desk.agent)
    assert r.status_code == 422


async def test_the_list_pages_by_cursor(desk: Desk, db: Database, ctx: ServiceContext) -> None:
    for n in range(5):
        await received(db, ctx, f"person{n}@elsewhere.org")
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        r = await desk.client.get("/v1/quarantine", params=params, headers=desk.agent)
        page = r.json()
        seen += [m["sender"] for m in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [f"person{n}@elsewhere.org" for n in range(5)]


async def test_one_message_shows_its_text_and_attachments(
    desk: Desk, db: Database, ctx: ServiceContext
) -> None:
    held = await received(
        db,
        ctx,
        "a@elsewhere.org",
        html="<p>Calls drop</p><p>after <b>60 s</b></p>",
        attachment=b"\xd4\xc3\xb2\xa1pcap",
    )
    r = await desk.client.get(f"/v1/quarantine/{held.quarantined_id}", headers=desk.agent)
    assert r.status_code == 200, r.text
    mail = r.json()
    assert mail["text"] == "Calls drop\n\nafter 60 s"
    assert mail["attachments"] == [
        {"filename": "capture.pcap", "content_type": "application/octet-stream", "size": 8}
    ]
    assert mail["rcpt_to"] == [SUPPORT] and mail["state"] == "held"


@pytest.mark.parametrize("who", ["customer", "partner"])
async def test_the_quarantine_does_not_exist_for_anyone_but_staff(
    desk: Desk, db: Database, ctx: ServiceContext, who: str
) -> None:
    held = await received(db, ctx, "a@elsewhere.org")
    if who == "customer":
        headers = desk.customer
    else:
        partner = await add_partner(db, "Helpline")
        headers = await user_headers(
            desk.client, db, "pat@helpline.com", Role.PARTNER_AGENT, partner_id=partner.id
        )
    mail_id = held.quarantined_id
    for method, path, body in (
        ("GET", "/v1/quarantine", None),
        ("GET", f"/v1/quarantine/{mail_id}", None),
        ("POST", f"/v1/quarantine/{mail_id}/release", {"customer_id": desk.customer_id}),
        ("DELETE", f"/v1/quarantine/{mail_id}", None),
    ):
        r = await desk.client.request(method, path, json=body, headers=headers)
        assert r.status_code == 404, f"{method} {path}: {r.text}"
        assert r.json()["type"].endswith("/not-found")
    r = await desk.client.get("/v1/quarantine")
    assert r.status_code == 401


async def test_release_as_staff_then_a_second_decision_is_409(
    desk: Desk, db: Database, ctx: ServiceContext
) -> None:
    held = await received(db, ctx, "a@elsewhere.org")
    path = f"/v1/quarantine/{held.quarantined_id}"
    r = await desk.client.post(
        f"{path}/release", json={"customer_id": desk.customer_id}, headers=desk.agent
    )
    assert r.status_code == 201, r.text
    ticket_id = r.json()["ticket_id"]
    r = await desk.client.get(f"/v1/tickets/{ticket_id}", headers=desk.customer)
    assert r.status_code == 200 and r.json()["channel"] == "email"
    r = await desk.client.post(
        f"{path}/release", json={"customer_id": desk.customer_id}, headers=desk.agent
    )
    assert r.status_code == 409
    assert r.json()["type"].endswith("/quarantined-mail-not-held")
    r = await desk.client.delete(path, headers=desk.agent)
    assert r.status_code == 409


async def test_release_as_someone_who_is_not_a_user_of_the_customer_is_422(
    desk: Desk, db: Database, ctx: ServiceContext
) -> None:
    held = await received(db, ctx, "a@elsewhere.org")
    r = await desk.client.post(
        f"/v1/quarantine/{held.quarantined_id}/release",
        json={"customer_id": desk.customer_id, "requester_email": "a@elsewhere.org"},
        headers=desk.agent,
    )
    assert r.status_code == 422, r.text
    assert r.json()["errors"][0]["field"] == "requester_email"
    r = await desk.client.get(f"/v1/quarantine/{held.quarantined_id}", headers=desk.agent)
    assert r.json()["state"] == "held"


async def test_a_deleted_message_is_kept_and_cannot_be_released(
    desk: Desk, db: Database, ctx: ServiceContext
) -> None:
    held = await received(db, ctx, "a@elsewhere.org")
    path = f"/v1/quarantine/{held.quarantined_id}"
    assert (await desk.client.delete(path, headers=desk.agent)).status_code == 204
    r = await desk.client.get(path, headers=desk.agent)
    assert r.json()["state"] == "deleted" and r.json()["text"]
    r = await desk.client.post(
        f"{path}/release", json={"customer_id": desk.customer_id}, headers=desk.agent
    )
    assert r.status_code == 409


async def test_an_unknown_message_is_404(desk: Desk) -> None:
    r = await desk.client.get(
        "/v1/quarantine/01930000-0000-7000-8000-000000000000", headers=desk.agent
    )
    assert r.status_code == 404
