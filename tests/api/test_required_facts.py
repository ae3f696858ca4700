"""Required facts per contract through the API (issue 13.6), on SQLite and PostgreSQL."""

from __future__ import annotations

import httpx

from app.db.session import Database
from tests.support.tickets import make_desk

PROBLEMS = "https://supportdesk.dev/problems/"
INCIDENT = {
    "subject": "PBX not able to dial PSTN destinations",
    "description": "No outbound PSTN call connects since this morning.",
    "category": "incident",
    "severity": 2,
}
CALL_FACTS = {
    "a_number": "+84 28 3822 1234",
    "b_number": "+84 24 3825 5555",
    "failed_call_at": "2026-11-20T09:12:00+07:00",
    "failure_reason": "503 Service Unavailable from the carrier",
}


async def test_an_aarenet_incident_without_the_call_facts_names_each_missing_one(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "aarenet-standard")
    r = await client.post("/v1/tickets", json=INCIDENT, headers=desk.customer)
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["type"] == PROBLEMS + "case-facts-required"
    named = ["a_number", "b_number", "failed_call_at", "failure_reason"]
    assert problem["missing"] == named
    assert [e["field"] for e in problem["errors"]] == named

    partly = INCIDENT | {k: CALL_FACTS[k] for k in ("a_number", "b_number")}
    r = await client.post("/v1/tickets", json=partly, headers=desk.customer)
    assert r.json()["missing"] == ["failed_call_at", "failure_reason"]


async def test_an_aarenet_incident_with_the_facts_or_not_about_calls_is_raised(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "aarenet-premium")
    r = await client.post("/v1/tickets", json=INCIDENT | CALL_FACTS, headers=desk.customer)
    assert r.status_code == 201, r.text
    facts = r.json()["facts"]
    assert facts["failure_reason"] == CALL_FACTS["failure_reason"]
    assert facts["customer_type"] == "enterprise"  # from the customer
    r = await client.post(
        "/v1/tickets",
        json=INCIDENT
        | {
            "about_calls": False,
            "customer_type": "soho",
            "how_widespread": "some_users",
            "test_calls_allowed": False,
        },
        headers=desk.customer,
    )
    assert r.status_code == 201, r.text
    facts = r.json()["facts"]
    assert (facts["customer_type"], facts["how_widespread"], facts["test_calls_allowed"]) == (
        "soho",
        "some_users",
        False,
    )


async def test_the_contract_shows_its_required_facts_and_checks_them(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "aarenet-standard")
    r = await client.get(f"/v1/contracts/{desk.contract_id}", headers=desk.customer)
    assert r.status_code == 200, r.text
    assert r.json()["required_facts"] == [
        "a_number",
        "b_number",
        "failed_call_at",
        "failure_reason",
    ]
    path = f"/v1/contracts/{desk.contract_id}"
    bad = await client.patch(path, json={"required_facts": ["shoe_size"]}, headers=desk.admin)
    assert bad.status_code == 422, bad.text
    r = await client.patch(
        path, json={"required_facts": ["how_widespread"], "reason": "form"}, headers=desk.admin
    )
    assert r.status_code == 200, r.text
    r = await client.post("/v1/tickets", json=INCIDENT, headers=desk.customer)
    assert r.json()["missing"] == ["how_widespread"]


async def test_a_case_takes_the_customers_standing_facts_unless_it_says_otherwise(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk = await make_desk(client, db, "bicom")
    r = await client.patch(
        f"/v1/customers/{desk.customer_id}",
        json={"customer_type": "soho", "how_widespread": "all_users", "test_calls_allowed": True},
        headers=desk.admin,
    )
    assert r.status_code == 200, r.text
    assert (r.json()["how_widespread"], r.json()["test_calls_allowed"]) == ("all_users", True)
    question = INCIDENT | {"category": "question"}
    r = await client.post("/v1/tickets", json=question, headers=desk.customer)
    facts = r.json()["facts"]
    assert (facts["customer_type"], facts["how_widespread"], facts["test_calls_allowed"]) == (
        "soho",
        "all_users",
        True,
    )
    r = await client.post(
        "/v1/tickets",
        json=question | {"how_widespread": "single_user", "test_calls_allowed": False},
        headers=desk.customer,
    )
    facts = r.json()["facts"]
    assert (facts["how_widespread"], facts["test_calls_allowed"]) == ("single_user", False)
