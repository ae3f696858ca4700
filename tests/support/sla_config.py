"""Appendix A documents and small helpers for the SLA configuration tests."""

from __future__ import annotations

import copy
from typing import Any

import httpx

from app.db.session import Database
from app.domain.actors import Role
from tests.support.factories import user_headers

AARENET_CALENDAR: dict[str, Any] = {
    "name": "Aarenet HCMC",
    "shifts": [
        {
            "name": "HCMC",
            "timezone": "Asia/Ho_Chi_Minh",
            "hours": [
                {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "08:00", "end": "18:00"}
            ],
            "holidays": {"country": "VN", "subdivision": None},
            "closed_dates": ["2026-12-24"],
        }
    ],
}
CLASS_1_POLICY: dict[str, Any] = {
    "name": "Aarenet Standard (class 1)",
    "severities": [{"level": 1, "name": "Critical", "definition": "Service down"}],
    "targets": [{"severity": 1, "metric": "reaction", "minutes": 30, "clock": "business"}],
}
# Appendix A: 17:45 in Ho Chi Minh City on New Year's Eve 2026.
APPENDIX_A_CREATED_AT = "2026-12-31T17:45:00+07:00"
APPENDIX_A_ANSWER = {
    "period": "BH",
    "targets": [
        {"metric": "reaction", "minutes": 30, "clock": "business", "due_at": "2027-01-04T01:15:00Z"}
    ],
}


def document(base: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A deep copy of `base` with top-level keys replaced."""
    result = copy.deepcopy(base)
    result.update(changes)
    return result


async def admin(client: httpx.AsyncClient, db: Database) -> dict[str, str]:
    return await user_headers(client, db, "admin@vendor.com", Role.ADMIN)


async def create(
    client: httpx.AsyncClient, path: str, body: dict[str, Any], headers: dict[str, str]
) -> dict[str, Any]:
    r = await client.post(path, json=body, headers=headers)
    assert r.status_code == 201, r.text
    result: dict[str, Any] = r.json()
    return result


def contract_body(
    customer_id: str, calendar_id: str, policy_id: str, **extra: Any
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "customer_id": customer_id,
        "support_level": "Standard",
        "sla_policy_id": policy_id,
        "calendar_id": calendar_id,
        "valid_from": "2026-01-01T00:00:00+07:00",
        "channels": ["portal", "email"],
        "escalation_chain": [
            {
                "level": 1,
                "role": "regional_ops_manager",
                "contacts": [
                    {"name": "Minh Tran", "email": "minh@vendor.com", "phone": "+84 28 1234 5678"}
                ],
            },
            {"level": 2, "role": "director", "contacts": [{"name": "Eva Keller"}]},
        ],
    }
    body.update(extra)
    return body


def field_of(response: httpx.Response) -> str:
    """The one field a 422 problem names."""
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    errors = response.json()["errors"]
    assert len(errors) >= 1, errors
    field: str = errors[0]["field"]
    return field
