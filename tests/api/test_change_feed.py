"""GET /v1/changes (issue 10): tenancy as everywhere, a cursor to poll from even on an
empty page, internal notes for staff only; `updated_since` on the lists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx

from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import ControllableClock
from tests.support.factories import add_partner, user_headers
from tests.support.tickets import long_lived_tokens, make_desk

settings = long_lived_tokens
T0 = datetime(2027, 1, 5, 10, 0, tzinfo=UTC)
PROBLEMS = "https://supportdesk.dev/problems/"
CASE = {
    "subject": "Roaming login fails for every user",
    "description": "Since 10:00 no user can authenticate.",
    "category": "question",
    "severity": 3,
}


async def _feed(
    client: httpx.AsyncClient, headers: dict[str, str], after: str = "0", limit: int = 100
) -> dict[str, Any]:
    r = await client.get("/v1/changes", params={"after": after, "limit": limit}, headers=headers)
    assert r.status_code == 200, r.text
    page: dict[str, Any] = r.json()
    return page


async def test_each_caller_reads_the_changes_of_the_cases_it_may_see(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    clock.set(T0)
    partner = await add_partner(db, "Partner P")
    ipass = await make_desk(client, db, "ipass", partner_id=partner.id)
    pat = await user_headers(
        client, db, "pat@partner-p.com", Role.PARTNER_AGENT, partner_id=partner.id
    )
    globex = await make_desk(client, db, "bicom", domain="globex.com")
    body = CASE | {"customer_id": ipass.customer_id, "external_ref": "PH-1"}
    r = await client.post("/v1/tickets", json=body, headers=pat)
    assert r.status_code == 201, r.text
    partners_case = r.json()
    own_case = await globex.open(severity=3)
    r = await client.post(
        f"/v1/tickets/{partners_case['id']}/comments",
        json={"body": "Carrier suspected.", "visibility": "internal"},
        headers=globex.agent,
    )
    assert r.status_code == 201, r.text

    everything = await _feed(client, globex.agent)  # staff see all, notes included
    assert [(c["type"], c["tracking_number"]) for c in everything["items"]] == [
        ("created", partners_case["tracking_number"]),
        ("created", own_case["tracking_number"]),
        ("comment_added", partners_case["tracking_number"]),
    ]
    first = everything["items"][0]
    assert first["external_ref"] == "PH-1" and first["customer_id"] == ipass.customer_id
    assert first["actor"]["role"] == "partner_agent" and first["occurred_at"].endswith("Z")
    assert first["data"]["status"] == "new"
    seqs = [c["seq"] for c in everything["items"]]
    assert seqs == sorted(seqs) and everything["next_cursor"] == str(seqs[-1])

    for who in (pat, ipass.customer):  # the partner, and its customer: no internal note
        page = await _feed(client, who)
        assert [c["id"] for c in page["items"]] == [first["id"]]
        assert page["next_cursor"] == str(seqs[-1])  # what it may not see is passed over
    page = await _feed(client, globex.customer)
    assert [c["tracking_number"] for c in page["items"]] == [own_case["tracking_number"]]


async def test_a_poller_resumes_from_its_cursor_and_an_empty_page_keeps_it(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    clock.set(T0)
    desk = await make_desk(client, db, "bicom")
    empty = await _feed(client, desk.agent)
    assert empty == {"items": [], "next_cursor": "0"}
    tickets = [await desk.open() for _ in range(3)]
    page = await _feed(client, desk.agent, limit=2)
    assert len(page["items"]) == 2
    rest = await _feed(client, desk.agent, after=page["next_cursor"], limit=2)
    assert [c["ticket_id"] for c in page["items"] + rest["items"]] == [t["id"] for t in tickets]
    again = await _feed(client, desk.agent, after=rest["next_cursor"])
    assert again == {"items": [], "next_cursor": rest["next_cursor"]}
    await desk.move(tickets[0]["id"], "acknowledged")
    moved = await _feed(client, desk.agent, after=rest["next_cursor"])
    assert [c["type"] for c in moved["items"]] == ["state_changed"]
    assert (
        moved["items"][0]["data"] | {"from": "new", "to": "acknowledged"}
        == (moved["items"][0]["data"])
    )
    for bad in ("-1", "abc", "1" * 30):
        r = await client.get("/v1/changes", params={"after": bad}, headers=desk.agent)
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
    assert (await client.get("/v1/changes")).status_code == 401


async def test_lists_answer_what_changed_since(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    clock.set(T0)
    desk = await make_desk(client, db, "bicom")
    quiet, busy = await desk.open(), await desk.open()
    r = await client.post(
        f"/v1/tickets/{busy['id']}/escalations",
        json={
            "reason": "inadequate_solution",
            "business_impact": "Our call centre cannot reach any PSTN number.",
            "progress_to_date": "Two restarts of the trunk failed; no news since.",
        },
        headers=desk.customer,
    )
    assert r.status_code == 201, r.text
    escalation = r.json()
    assert escalation["updated_at"] == "2027-01-05T10:00:00Z"
    clock.set(T0 + timedelta(hours=1))
    since = "2027-01-05T10:30:00Z"
    await client.post(
        f"/v1/escalations/{escalation['id']}/acknowledge", json={}, headers=desk.manager
    )
    r = await client.get("/v1/tickets", params={"updated_since": since}, headers=desk.agent)
    assert [t["id"] for t in r.json()["items"]] == [busy["id"]]  # the acknowledgement
    r = await client.get("/v1/escalations", params={"updated_since": since}, headers=desk.manager)
    assert [e["id"] for e in r.json()["items"]] == [escalation["id"]]
    later = "2027-01-05T11:30:00Z"
    for path, who in (("/v1/tickets", desk.agent), ("/v1/escalations", desk.manager)):
        r = await client.get(path, params={"updated_since": later}, headers=who)
        assert r.status_code == 200 and r.json()["items"] == []
    r = await client.get("/v1/tickets", params={"updated_since": "yesterday"}, headers=desk.agent)
    assert r.status_code == 422
    assert quiet["id"] != busy["id"]


async def test_a_keyed_request_replayed_records_its_change_once(
    client: httpx.AsyncClient, db: Database, clock: ControllableClock
) -> None:
    """With an Idempotency-Key the use case commits into a savepoint; the feed row is
    written once, at the request's real COMMIT, and a replay writes none."""
    clock.set(T0)
    desk = await make_desk(client, db, "bicom")
    headers = {**desk.customer, "Idempotency-Key": "portal-retry-1"}
    body = CASE | {"severity": 2}
    first = await client.post("/v1/tickets", json=body, headers=headers)
    again = await client.post("/v1/tickets", json=body, headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.headers.get("idempotent-replayed") is not None
    page = await _feed(client, desk.agent)
    assert [(c["type"], c["ticket_id"]) for c in page["items"]] == [("created", first.json()["id"])]
