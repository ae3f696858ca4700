"""The published catalogue of problem types: every `type` the API can answer, with its
status and meaning, for tools (JSON) and people (pages) (SPEC 8)."""

from __future__ import annotations

import httpx

from app.domain.errors import PROBLEM_BASE
from app.openapi import problem_example
from app.problem_catalogue import _domain_errors


async def test_the_catalogue_lists_every_domain_rule_and_http_problem(
    client: httpx.AsyncClient,
) -> None:
    r = await client.get("/v1/problems")
    assert r.status_code == 200
    listed = {p["slug"]: p for p in r.json()}
    for cls in _domain_errors():
        assert cls.type_slug in listed, cls.__name__
        assert listed[cls.type_slug]["type"] == PROBLEM_BASE + cls.type_slug
    for status in (400, 401, 404, 409, 412, 413, 422, 428, 429, 500, 503):
        slug = problem_example(status)["type"].removeprefix(PROBLEM_BASE)
        assert slug in listed, (status, slug)
    assert all(p["description"] and 400 <= p["status"] < 600 for p in listed.values())
    assert listed["precondition-failed"]["status"] == 412
    assert listed["configuration-change-must-be-in-writing"]["status"] == 422


async def test_each_type_has_a_page_a_person_can_read(client: httpx.AsyncClient) -> None:
    index = await client.get("/problems")
    assert index.status_code == 200 and "precondition-failed" in index.text
    one = await client.get("/problems/rate-limit-exceeded")
    assert one.status_code == 200
    assert "429" in one.text and "Retry-After" in one.text
    missing = await client.get("/problems/no-such-thing")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
