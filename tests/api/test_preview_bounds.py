"""The preview's inputs are bounded, so no request can occupy the service (issue 11.2)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.db.session import Database
from tests.support.sla_config import (
    AARENET_CALENDAR,
    APPENDIX_A_CREATED_AT,
    CLASS_1_POLICY,
    admin,
    document,
    field_of,
)

SPARSE_CALENDAR: dict[str, Any] = {
    "name": "One minute a week",
    "shifts": [
        {
            "name": "Zurich",
            "timezone": "Europe/Zurich",
            "hours": [{"days": ["mon"], "start": "08:00", "end": "08:01"}],
            "holidays": {"country": "CH"},
        }
    ],
}


def business_policy(minutes: int) -> dict[str, Any]:
    return {
        "name": "Huge",
        "severities": [{"level": 1, "name": "Critical"}],
        "targets": [
            {"severity": 1, "metric": "resolution", "minutes": minutes, "clock": "business"}
        ],
    }


def _inline(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "calendar": AARENET_CALENDAR,
        "policy": CLASS_1_POLICY,
        "severity": 1,
        "created_at": APPENDIX_A_CREATED_AT,
    }
    body.update(changes)
    return body


def _many_windows(count: int) -> dict[str, Any]:
    hours = [
        {"days": ["mon", "tue"], "start": f"{i // 60:02d}:{i % 60:02d}", "end": _plus1(i)}
        for i in range(0, 2 * count, 2)
    ]
    return document(AARENET_CALENDAR, shifts=[{**AARENET_CALENDAR["shifts"][0], "hours": hours}])


def _plus1(minute: int) -> str:
    return f"{(minute + 1) // 60:02d}:{(minute + 1) % 60:02d}"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (_inline(created_at="1899-12-31T23:59:00Z"), "created_at"),
        (_inline(created_at="2200-01-01T00:00:00Z"), "created_at"),
        (_inline(created_at="9999-12-31T23:59:59-05:00"), "created_at"),
        (_inline(created_at="0001-01-01T00:00:00+01:00"), "created_at"),
        (_inline(phone_call_at="2300-01-01T00:00:00Z"), "phone_call_at"),
        (_inline(policy=business_policy(525_601)), "policy.targets[0].minutes"),
        (_inline(calendar=_many_windows(151)), "calendar.shifts"),
    ],
    ids=[
        "before 1900",
        "from 2200",
        "year 9999",
        "year 1 east of UTC",
        "phone call in 2300",
        "a target above a year of minutes",
        "302 weekly windows",
    ],
)
async def test_out_of_bounds_inputs_answer_422_naming_the_field(
    client: httpx.AsyncClient, db: Database, body: dict[str, Any], field: str
) -> None:
    headers = await admin(client, db)
    r = await client.post("/v1/sla/preview", json=body, headers=headers)
    assert field_of(r) == field


async def test_the_largest_calendar_allowed_is_accepted(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    r = await client.post(
        "/v1/sla/preview", json=_inline(calendar=_many_windows(150)), headers=headers
    )
    assert r.status_code == 200, r.text


async def test_a_target_the_calendar_cannot_give_within_ten_years_is_a_problem(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    body = _inline(calendar=SPARSE_CALENDAR, policy=business_policy(390_000))
    r = await client.post("/v1/sla/preview", json=body, headers=headers)
    assert r.status_code == 422, r.text
    assert r.json()["type"].endswith("/calendar-has-no-business-time")
    assert "within 10 years" in r.json()["detail"]
