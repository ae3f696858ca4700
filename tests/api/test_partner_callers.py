"""The partner helpdesk is a caller too (iPass; issue 13.10), on SQLite and PostgreSQL:
a partner agent's verified call is recorded on the customer's case and shortens the
Sev 1 reaction to call + 15 min; a caller who may not act for the customer is told so."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from tests.support.factories import add_customer, add_partner, user_headers
from tests.support.tickets import Desk, long_lived_tokens, make_desk

settings = long_lived_tokens
PROBLEMS = "https://supportdesk.dev/problems/"
T0 = datetime(2027, 3, 9, 10, 0, tzinfo=UTC)  # a Tuesday, no public holiday
CASE = {
    "subject": "Roaming login fails for every user",
    "description": "Since 10:00 no user can authenticate.",
    "category": "question",
    "severity": 1,
}


async def _code(client: httpx.AsyncClient, headers: dict[str, str]) -> str:
    r = await client.post("/v1/me/call-verification", headers=headers)
    assert r.status_code == 201, r.text
    code: str = r.json()["code"]
    return code


async def _call(desk: Desk, ticket_id: str, email: str, code: str) -> httpx.Response:
    return await desk.client.post(
        f"/v1/tickets/{ticket_id}/calls",
        json={"caller_email": email, "code": code, "notes": "Helpdesk confirms the outage."},
        headers=desk.agent,
    )


async def test_a_partner_agents_verified_call_shortens_the_ipass_sev1_reaction(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    clock.set(T0 - timedelta(hours=1))
    partner = await add_partner(db, "Partner P")
    desk = await make_desk(client, db, "ipass", partner_id=partner.id)
    pat = await user_headers(
        client, db, "pat@partner-p.com", Role.PARTNER_AGENT, partner_id=partner.id
    )
    clock.set(T0)
    r = await client.post("/v1/tickets", json=CASE | {"customer_id": desk.customer_id}, headers=pat)
    assert r.status_code == 201, r.text
    ticket = r.json()
    assert (await desk.sla(ticket["id"]))["reaction"]["due_at"] == "2027-03-09T11:00:00Z"

    clock.set(T0 + timedelta(minutes=10))
    r = await _call(desk, ticket["id"], "pat@partner-p.com", await _code(client, pat))

    assert r.status_code == 201, r.text
    assert r.json()["ticket_id"] == ticket["id"]
    reaction = (await desk.sla(ticket["id"]))["reaction"]
    assert reaction["due_at"] == "2027-03-09T10:25:00Z"  # the call + 15 min
    assert reaction["from_phone_call"] is True


async def test_an_agent_records_a_phone_case_for_a_verified_partner_agent(
    client: httpx.AsyncClient, db: Database
) -> None:
    partner = await add_partner(db, "Partner P")
    desk = await make_desk(client, db, "ipass", partner_id=partner.id)
    pat = await user_headers(
        client, db, "pat@partner-p.com", Role.PARTNER_AGENT, partner_id=partner.id
    )
    caller = {"caller_email": "pat@partner-p.com", "code": await _code(client, pat)}
    r = await client.post(
        "/v1/tickets",
        json=CASE | {"customer_id": desk.customer_id, "channel": "phone", "caller": caller},
        headers=desk.agent,
    )
    assert r.status_code == 201, r.text
    assert r.json()["phone_call_at"] is not None


async def test_a_caller_who_may_not_act_for_the_customer_is_told_so(
    client: httpx.AsyncClient, db: Database
) -> None:
    partner = await add_partner(db, "Partner P")
    other_partner = await add_partner(db, "Partner Q")
    desk = await make_desk(client, db, "ipass", partner_id=partner.id)
    pat = await user_headers(
        client, db, "pat@partner-p.com", Role.PARTNER_AGENT, partner_id=partner.id
    )
    r = await client.post("/v1/tickets", json=CASE | {"customer_id": desk.customer_id}, headers=pat)
    assert r.status_code == 201, r.text
    ticket_id = r.json()["id"]
    quinn = await user_headers(
        client, db, "quinn@partner-q.com", Role.PARTNER_AGENT, partner_id=other_partner.id
    )
    other = await add_customer(db, "Globex", "globex.com")
    hank = await user_headers(
        client, db, "hank@globex.com", Role.CUSTOMER_USER, customer_id=other.id
    )
    for email, headers in (("quinn@partner-q.com", quinn), ("hank@globex.com", hank)):
        r = await _call(desk, ticket_id, email, await _code(client, headers))
        assert r.status_code == 403, r.text
        assert r.json()["type"] == PROBLEMS + "caller-not-for-customer"
    r = await _call(desk, ticket_id, "quinn@partner-q.com", "ZZZZ-ZZZZ")
    assert r.json()["type"] == PROBLEMS + "call-verification-invalid"
