"""The committed OpenAPI document is what the app serves (SPEC 8)."""

from __future__ import annotations

import importlib
import json
import pkgutil
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

import app.schemas
from app.main import create_app
from app.openapi import CREATES_WITH_LOCATION, first_sentence
from app.openapi_examples import EXAMPLES
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


def _schema_names(doc: dict[str, Any], node: Any, seen: set[str]) -> set[str]:
    """The component schemas a body's schema is, following `$ref`, array `items` and
    `anyOf`/`oneOf`/`allOf` (not properties: a body's example covers its parts)."""
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name not in seen:
                seen.add(name)
                _schema_names(doc, doc["components"]["schemas"][name], seen)
            return seen
        for key in ("items", "anyOf", "oneOf", "allOf"):
            if key in node:
                _schema_names(doc, node[key], seen)
    elif isinstance(node, list):
        for item in node:
            _schema_names(doc, item, seen)
    return seen


def _body_schemas(doc: dict[str, Any]) -> set[str]:
    names: set[str] = set()
    for item in doc["paths"].values():
        for op in item.values():
            bodies = [op.get("requestBody", {})]
            bodies += [r for code, r in op["responses"].items() if code.startswith("2")]
            for body in bodies:
                for media in body.get("content", {}).values():
                    _schema_names(doc, media.get("schema", {}), names)
    return names


def test_every_request_body_and_response_model_has_an_example() -> None:
    doc = _app().openapi()
    schemas = doc["components"]["schemas"]
    used = {n for n in _body_schemas(doc) if "enum" not in schemas[n]}
    assert {"TicketOut", "TicketCreate", "Page_TicketOut_", "LoginForm"} <= used
    missing = sorted(n for n in used if not {"example", "examples"} & set(schemas[n]))
    assert not missing, f"add them to app/openapi_examples.py: {missing}"
    page = schemas["Page_TicketOut_"]["example"]
    assert page["items"] == [schemas["TicketOut"]["example"]] and page["next_cursor"]


def _models() -> dict[str, type[BaseModel]]:
    modules = [
        importlib.import_module(f"app.schemas.{m.name}")
        for m in pkgutil.iter_modules(app.schemas.__path__)
    ] + [importlib.import_module("app.routers.problems")]
    return {
        name: value
        for module in modules
        for name, value in vars(module).items()
        if isinstance(value, type) and issubclass(value, BaseModel)
    }


def test_every_example_is_a_valid_value_of_its_model_and_names_a_schema() -> None:
    schemas = _app().openapi()["components"]["schemas"]
    models = _models()
    stale = sorted(set(EXAMPLES) - set(schemas))
    assert not stale, f"examples for schemas the document does not have: {stale}"
    for name, example in EXAMPLES.items():
        assert name in models, f"no model {name} in app.schemas or app.routers.problems"
        models[name].model_validate(example)  # raises, naming the wrong field


def test_every_operation_has_its_own_summary() -> None:
    doc = _app().openapi()
    summaries = [op.get("summary") for item in doc["paths"].values() for op in item.values()]
    assert all(summaries), "an operation has no summary"
    duplicates = sorted({s for s in summaries if summaries.count(s) > 1})
    assert not duplicates, duplicates
    by_id = {op["operationId"]: op for item in doc["paths"].values() for op in item.values()}
    assert by_id["create_ticket"]["summary"] == "Raise a case"
    assert by_id["get_customer"]["summary"] == "Get Customer"  # no docstring: FastAPI's


def test_a_summary_is_the_docstrings_first_sentence_and_a_routes_own_wins() -> None:
    assert first_sentence("Raise a case. Answers at once.") == "Raise a case"
    assert first_sentence("Edit the\n    given fields.") == "Edit the given fields"
    assert first_sentence("Version 1.2 of it\n\nMore.") == "Version 1.2 of it"
    app = _app()

    @app.get("/v1/things", operation_id="list_things", summary="Things, for people")
    async def list_things() -> dict[str, str]:
        """Not this sentence."""
        return {}

    assert app.openapi()["paths"]["/v1/things"]["get"]["summary"] == "Things, for people"
