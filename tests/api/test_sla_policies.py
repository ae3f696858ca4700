"""SLA policies over HTTP: documents, versions with reasons, the audit (SPEC 3, Appendix A)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from app.db.session import Database
from app.domain.actors import Role
from tests.support.factories import user_headers
from tests.support.sla_config import CLASS_1_POLICY, admin, create, document, field_of

IPASS_POLICY: dict[str, Any] = {
    "name": "iPass",
    "severities": [
        {"level": 1, "name": "High", "definition": "No user can connect"},
        {"level": 2, "name": "Medium", "definition": "Some users cannot connect"},
    ],
    "targets": [
        {
            "severity": 1,
            "metric": "reaction",
            "minutes": 60,
            "clock": "continuous",
            "after_phone_call": {"minutes": 15, "by_period": {"NBH2": 60}},
        },
        {"severity": 2, "metric": "reaction", "minutes": 480, "clock": "continuous"},
    ],
}
MATRIX = [
    {"urgency": u, "impact": i, "severity": 1 if "high" in (u, i) else 2}
    for u in ("high", "medium", "low")
    for i in ("high", "medium", "low")
]


async def test_create_keeps_the_appendix_a_shape(client: httpx.AsyncClient, db: Database) -> None:
    headers = await admin(client, db)
    policy = await create(client, "/v1/sla-policies", IPASS_POLICY, headers)
    assert policy["version"] == 1
    assert policy["targets"][0]["after_phone_call"] == {"minutes": 15, "by_period": {"NBH2": 60}}
    r = await client.get(f"/v1/sla-policies/{policy['id']}", headers=headers)
    assert r.json() == policy


async def test_put_creates_version_2_with_reason_and_actor(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    me = (await client.get("/v1/me", headers=headers)).json()
    policy = await create(client, "/v1/sla-policies", IPASS_POLICY, headers)
    path = f"/v1/sla-policies/{policy['id']}"
    changed = document(IPASS_POLICY, priority_matrix=MATRIX)
    r = await client.put(
        path, json={**changed, "reason": "customers give urgency x impact"}, headers=headers
    )
    assert r.status_code == 200, r.text
    assert r.json()["version"] == 2
    assert len((await client.get(path, headers=headers)).json()["priority_matrix"]) == 9

    versions = (await client.get(f"{path}/versions", headers=headers)).json()["items"]
    assert [(v["version"], v["reason"]) for v in versions] == [
        (1, "created"),
        (2, "customers give urgency x impact"),
    ]
    assert versions[1]["created_by"] == me["id"]
    assert versions[0]["document"].get("priority_matrix") is None

    async with db.unit_of_work() as uow:
        changes = await uow.sla_config.config_changes("sla_policy", uuid.UUID(policy["id"]))
        assert [(c.version, str(c.actor_id)) for c in changes] == [(1, me["id"]), (2, me["id"])]
        assert changes[1].after is not None and "priority_matrix" in changes[1].after


async def test_duplicate_targets_name_the_second(client: httpx.AsyncClient, db: Database) -> None:
    headers = await admin(client, db)
    body = document(CLASS_1_POLICY, targets=CLASS_1_POLICY["targets"] * 2)
    r = await client.post("/v1/sla-policies", json=body, headers=headers)
    assert field_of(r) == "targets[1]"
    assert r.json()["type"].endswith("/invalid-sla-policy")


async def test_a_target_for_an_unknown_severity_names_it(
    client: httpx.AsyncClient, db: Database
) -> None:
    headers = await admin(client, db)
    target = {"severity": 3, "metric": "reaction", "minutes": 30, "clock": "business"}
    r = await client.post(
        "/v1/sla-policies", json=document(CLASS_1_POLICY, targets=[target]), headers=headers
    )
    assert field_of(r) == "targets[0].severity"


async def test_an_incomplete_matrix_is_refused(client: httpx.AsyncClient, db: Database) -> None:
    headers = await admin(client, db)
    body = document(IPASS_POLICY, priority_matrix=MATRIX[:8])
    r = await client.post("/v1/sla-policies", json=body, headers=headers)
    assert field_of(r) == "priority_matrix"


async def test_only_an_admin_writes(client: httpx.AsyncClient, db: Database) -> None:
    headers = await admin(client, db)
    manager = await user_headers(client, db, "sm@vendor.com", Role.SUPPORT_MANAGER)
    assert (
        await client.post("/v1/sla-policies", json=IPASS_POLICY, headers=manager)
    ).status_code == 403
    policy = await create(client, "/v1/sla-policies", IPASS_POLICY, headers)
    r = await client.put(
        f"/v1/sla-policies/{policy['id']}", json={**IPASS_POLICY, "reason": "try"}, headers=manager
    )
    assert r.status_code == 403
    assert (
        await client.get(f"/v1/sla-policies/{policy['id']}", headers=manager)
    ).status_code == 200
