"""The committed OpenAPI document is what the app serves (SPEC 8)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from app.main import create_app
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
