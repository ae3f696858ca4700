"""`POST /v1/sla/preview` (SPEC 3.1, Appendix A): inline, by ids, by contract; bad documents."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.db.session import Database
from app.domain.actors import Role
from tests.support.factories import add_customer, user_headers
from tests.support.sla_config import (
    AARENET_CALENDAR,
    APPENDIX_A_ANSWER,
    APPENDIX_A_CREATED_AT,
    CLASS_1_POLICY,
    admin,
    contract_body,
    create,
    document,
    field_of,
)


def _inline(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "calendar": AARENET_CALENDAR,
        "policy": CLASS_1_POLICY,
        "severity": 1,
        "created_at": APPENDIX_A_CREATED_AT,
        "phone_call_at": None,
    }
    body.update(changes)
    return body


def _shift(**changes: Any) -> dict[str, Any]:
    return document(AARENET_CALENDAR, shifts=[{**AARENET_CALENDAR["shifts"][0], **changes}])


async def test_appendix_a_example_inline(client: httpx.AsyncClient, db: Database) -> None:
    # 17:45 +07 = 10:45Z; 15 business minutes to 18:00; 1 Jan is a Vietnamese holiday and
    # 2-3 Jan a weekend, so the other 15 count from Mon 4 Jan 08:00 +07 (01:00Z): 01:15Z.
    headers = await admin(client, db)
    r = await client.post("/v1/sla/preview", json=_inline(), headers=headers)
    assert r.status_code == 200, r.text
    assert r.json() == APPENDIX_A_ANSWER


async def test_appendix_a_example_by_ids(client: httpx.AsyncClient, db: Database) -> None:
    headers = await admin(client, db)
    calendar = await create(client, "/v1/calendars", AARENET_CALENDAR, headers)
    policy = await create(client, "/v1/sla-policies", CLASS_1_POLICY, headers)
    body = {
        "calendar_id": calendar["id"],
        "policy_id": policy["id"],
        "severity": 1,
        "created_at": APPENDIX_A_CREATED_AT,
    }
    r = await client.post("/v1/sla/preview", json=body, headers=headers)
    assert r.status_code == 200, r.text
    assert r.json() == APPENDIX_A_ANSWER


async def test_appendix_a_example_by_contract_for_its_customer_only(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    acme = await add_customer(db, "ACME", "alpha.com")
    other = await add_customer(db, "Other", "bravo.com")
    calendar = await create(client, "/v1/calendars", AARENET_CALENDAR, headers)
    policy = await create(client, "/v1/sla-policies", CLASS_1_POLICY, headers)
    contract = await create(
        client, "/v1/contracts", contract_body(str(acme.id), calendar["id"], policy["id"]), headers
    )
    body = {"contract_id": contract["id"], "severity": 1, "created_at": APPENDIX_A_CREATED_AT}

    own = await user_headers(client, db, "ann@alpha.com", Role.CUSTOMER_USER, customer_id=acme.id)
    r = await client.post("/v1/sla/preview", json=body, headers=own)
    assert r.status_code == 200, r.text
    assert r.json() == APPENDIX_A_ANSWER

    foreign = await user_headers(
        client, db, "bob@bravo.com", Role.CUSTOMER_USER, customer_id=other.id
    )
    r = await client.post("/v1/sla/preview", json=body, headers=foreign)
    assert r.status_code == 404, r.text


async def test_phone_call_shortens_the_reaction_when_sooner(
    client: httpx.AsyncClient, db: Database
) -> None:
    # Appendix A's iPass Sev 1 on a whole-day calendar: 60 continuous minutes by case,
    # call + 15 min if sooner. Created Tue 12 Jan 2027 10:00Z, called 10:10Z: 10:25Z.
    headers = await admin(client, db)
    calendar = {
        "name": "24x7",
        "shifts": [
            {
                "name": "UTC",
                "timezone": "UTC",
                "hours": [
                    {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "00:00", "end": "24:00"}
                ],
            }
        ],
    }
    policy = {
        "name": "iPass",
        "severities": [{"level": 1, "name": "High"}],
        "targets": [
            {
                "severity": 1,
                "metric": "reaction",
                "minutes": 60,
                "clock": "continuous",
                "after_phone_call": {"minutes": 15, "by_period": {"NBH2": 60}},
            }
        ],
    }
    body = _inline(
        calendar=calendar,
        policy=policy,
        created_at="2027-01-12T10:00:00Z",
        phone_call_at="2027-01-12T10:10:00Z",
    )
    r = await client.post("/v1/sla/preview", json=body, headers=headers)
    assert r.status_code == 200, r.text
    assert r.json()["targets"] == [
        {
            "metric": "reaction",
            "minutes": 15,
            "clock": "continuous",
            "due_at": "2027-01-12T10:25:00Z",
        }
    ]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (
            _inline(calendar=_shift(timezone="Asia/Saigon_Nowhere")),
            "calendar.shifts[0].timezone",
        ),
        (
            _inline(calendar=_shift(hours=[{"days": ["mon"], "start": "18:00", "end": "08:00"}])),
            "calendar.shifts[0].hours[0].end",
        ),
        (
            _inline(calendar=_shift(holidays={"country": "XX", "subdivision": None})),
            "calendar.shifts[0].holidays.country",
        ),
        (
            _inline(
                policy=document(
                    CLASS_1_POLICY, targets=CLASS_1_POLICY["targets"] + CLASS_1_POLICY["targets"]
                )
            ),
            "policy.targets[1]",
        ),
        (_inline(severity=2), "severity"),
        (_inline(calendar_id="0193b5c2-8b00-7c33-9d44-5e6f70819203"), "calendar"),
        (
            _inline(
                calendar=_shift(hours=[{"days": ["funday"], "start": "08:00", "end": "18:00"}])
            ),
            "calendar.shifts[0].hours[0].days[0]",
        ),
    ],
    ids=[
        "unknown time zone",
        "end before start",
        "unknown country",
        "duplicate targets",
        "severity not in the policy",
        "calendar and calendar_id",
        "unknown day",
    ],
)
async def test_bad_documents_answer_422_naming_the_field(
    client: httpx.AsyncClient, db: Database, body: dict[str, Any], field: str
) -> None:
    headers = await admin(client, db)
    r = await client.post("/v1/sla/preview", json=body, headers=headers)
    assert field_of(r) == field


async def test_preview_needs_authentication(client: httpx.AsyncClient, db: Database) -> None:
    r = await client.post("/v1/sla/preview", json=_inline())
    assert r.status_code == 401
