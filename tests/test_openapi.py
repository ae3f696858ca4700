"""The committed OpenAPI document is what the app serves (SPEC 8)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from app.main import create_app
from app.openapi import CREATES_WITH_LOCATION
from app.settings import Settings

COMMITTED = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"


def _app() -> FastAPI:
    return create_app(Settings(environment="test", secret_key="x" * 32))  # type: ignore[arg-type]


def drift(served: dict[str, Any], committed: dict[str, Any]) -> list[str]:
    """Paths and components that differ; empty when the document is current."""
    out = []
    for key in sorted(set(served) | set(committed)):
        if key in ("paths", "components"):
            a, b = served.get(key, {}), committed.get(key, {})
            out += [f"{key}: {k}" for k in sorted(set(a) | set(b)) if a.get(k) != b.get(k)]
        elif served.get(key) != committed.get(key):
            out.append(key)
    return out


def test_committed_openapi_matches_the_app() -> None:
    committed = json.loads(COMMITTED.read_text())
    diff = drift(_app().openapi(), committed)
    assert not diff, f"openapi/openapi.json is stale (run `make openapi`): {diff[:10]}"


def test_drift_check_notices_a_changed_route() -> None:
    committed = json.loads(COMMITTED.read_text())
    app = _app()

    @app.get("/v1/new-thing", operation_id="get_new_thing")
    async def get_new_thing() -> dict[str, str]:
        return {}

    assert drift(app.openapi(), committed) == ["paths: /v1/new-thing"]


def test_operation_ids_are_unique_verb_nouns_with_tags() -> None:
    doc = _app().openapi()
    ids = []
    for path, item in doc["paths"].items():
        for method, op in item.items():
            ids.append(op["operationId"])
            assert op.get("tags"), f"{method} {path} has no tag"
            assert "_v1_" not in op["operationId"], op["operationId"]
            if path.startswith("/v1"):
                errors = [s for s in op["responses"] if s.startswith(("4", "5"))]
                assert errors, f"{method} {path} documents no error response"
    assert len(ids) == len(set(ids))


def _resolve(doc: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = doc
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _responses(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], str, dict[str, Any]]]:
    return [
        (path, method, op, code, response)
        for path, item in doc["paths"].items()
        for method, op in item.items()
        for code, response in op["responses"].items()
    ]


def test_problems_are_documented_as_problem_json_with_their_own_example() -> None:
    doc = _app().openapi()
    bodies: dict[str, set[str]] = {}
    for path, method, _, code, response in _responses(doc):
        if int(code) < 400:
            continue
        assert set(response["content"]) == {"application/problem+json"}, (method, path, code)
        media = response["content"]["application/problem+json"]
        assert media["schema"] == {"$ref": "#/components/schemas/Problem"}
        for example in media["examples"].values():
            value = _resolve(doc, example)["value"]
            assert value["status"] == int(code), (method, path, code)
            bodies.setdefault(json.dumps(value, sort_keys=True), set()).add(code)
    assert all(len(codes) == 1 for codes in bodies.values()), "a body serves two statuses"
    assert len(bodies) >= 8  # 401, 403, 404, 409, 412, 422, 428, 429 at least


def test_response_headers_are_documented_where_they_are_sent() -> None:
    doc = _app().openapi()
    editable = {p for p, item in doc["paths"].items() if {"patch", "put"} & set(item)}
    assert "/v1/tickets/{ticket_id}" in editable and "/v1/calendars/{calendar_id}" in editable
    for path, method, op, code, response in _responses(doc):
        headers = {name: _resolve(doc, h) for name, h in response.get("headers", {}).items()}
        assert {"X-Request-ID", "RateLimit", "RateLimit-Policy"} <= set(headers), (path, code)
        assert all(h.get("description") and h.get("schema") for h in headers.values())
        if code in ("429", "503"):
            assert "Retry-After" in headers, (method, path, code)
        if code == "200" and path in editable and method in ("get", "patch", "put"):
            assert "ETag" in headers, (method, path)
        if method == "post" and code.startswith("2"):
            assert "Idempotent-Replayed" in headers, (method, path)
        if code == "201":
            assert ("Location" in headers) is (op["operationId"] in CREATES_WITH_LOCATION)


def test_every_201_whose_resource_has_a_url_documents_location() -> None:
    doc = _app().openapi()
    paths = doc["paths"]
    for path, item in paths.items():
        post = item.get("post")
        if not post or "201" not in post["responses"]:
            continue
        has_url = any(
            other.startswith(path + "/{")
            and other.count("/") == path.count("/") + 1
            and ("get" in paths[other] or "delete" in paths[other])
            for other in paths
        )
        if has_url:
            assert post["operationId"] in CREATES_WITH_LOCATION, post["operationId"]
    # Where the created thing lives elsewhere (a key is revoked at /v1/api-keys/{id}, a
    # preset creates a contract, a released mail a ticket), the list says so too.
    assert {"create_api_key", "apply_preset", "release_quarantined_mail"} <= CREATES_WITH_LOCATION


def test_the_document_names_servers_and_describes_its_tags_tickets_first() -> None:
    doc = _app().openapi()
    assert doc["servers"] and doc["servers"][0]["url"].startswith("http")
    names = [tag["name"] for tag in doc["tags"]]
    assert names[0] == "tickets"
    assert all(tag["description"] for tag in doc["tags"])
    used = {t for item in doc["paths"].values() for op in item.values() for t in op["tags"]}
    assert used <= set(names)
    assert not any(p in doc["paths"] for p in ("/healthz", "/readyz", "/metrics"))
