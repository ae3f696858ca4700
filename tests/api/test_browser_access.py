"""Browser portals: CORS for configured origins, and documentation that works offline (SPEC 8)."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest

from app.db.session import Database
from app.domain.clock import ControllableClock
from app.main import EXPOSED_HEADERS, create_app
from app.settings import Settings

PORTAL = "https://portal.example.com"


@pytest.fixture
async def cors_client(
    db: Database, settings: Settings, clock: ControllableClock
) -> AsyncIterator[httpx.AsyncClient]:
    configured = settings.model_copy(update={"cors_origins": f"{PORTAL}, https://other.example"})
    app = create_app(configured, clock=clock, db=db)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://api.test"
    ) as c:
        yield c


def test_origins_are_read_as_a_comma_separated_list() -> None:
    settings = Settings(environment="test", secret_key="x" * 40, cors_origins=" a.example , b ,")
    assert settings.cors_origin_list == ["a.example", "b"]
    assert Settings(environment="test", secret_key="x" * 40).cors_origin_list == []


async def test_a_preflight_from_an_allowed_origin_is_answered(
    cors_client: httpx.AsyncClient,
) -> None:
    response = await cors_client.options(
        "/v1/tickets",
        headers={
            "Origin": PORTAL,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
        },
    )
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == PORTAL
    assert "POST" in response.headers["access-control-allow-methods"]
    allowed = response.headers["access-control-allow-headers"].lower()
    for header in ("authorization", "content-type", "idempotency-key"):
        assert header in allowed


async def test_a_preflight_from_another_origin_is_refused(cors_client: httpx.AsyncClient) -> None:
    response = await cors_client.options(
        "/v1/tickets",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
    )
    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


async def test_no_origin_is_allowed_by_default(client: httpx.AsyncClient) -> None:
    response = await client.options(
        "/v1/tickets", headers={"Origin": PORTAL, "Access-Control-Request-Method": "GET"}
    )
    assert "access-control-allow-origin" not in response.headers


async def test_answers_expose_the_headers_a_portal_reads(cors_client: httpx.AsyncClient) -> None:
    response = await cors_client.get("/v1/me", headers={"Origin": PORTAL})
    assert response.status_code == 401  # still a problem document, readable by the page
    assert response.headers["access-control-allow-origin"] == PORTAL
    exposed = {
        h.strip().lower() for h in response.headers["access-control-expose-headers"].split(",")
    }
    assert {h.lower() for h in EXPOSED_HEADERS} <= exposed
    assert {"location", "etag", "idempotent-replayed", "retry-after", "x-request-id"} <= exposed


EXTERNAL = re.compile(r"""(?:src|href|url)\s*[=:(]\s*['"]?(?:https?:)?//""", re.IGNORECASE)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_documentation_pages_load_nothing_from_another_host(
    client: httpx.AsyncClient, page: str
) -> None:
    response = await client.get(page)
    assert response.status_code == 200
    html = response.text
    assert not EXTERNAL.search(html), html
    assert "http://" not in html and "https://" not in html
    assets = re.findall(r"""(?:src|href)="(/[^"]+)\"""", html)
    assert assets, "the page names its assets"
    for asset in assets:
        served = await client.get(asset)
        assert served.status_code == 200, asset
        assert len(served.content) > 100


async def test_documentation_pages_stay_out_of_the_openapi_document(
    client: httpx.AsyncClient,
) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]
    assert not any(p.startswith(("/docs", "/redoc")) for p in paths)


@pytest.mark.parametrize(
    ("page", "endpoint"),
    [("/activate", "/v1/auth/activate"), ("/reset-password", "/v1/auth/password-reset/confirm")],
)
async def test_e_mailed_links_open_a_form_served_by_the_api(
    client: httpx.AsyncClient, page: str, endpoint: str
) -> None:
    response = await client.get(f"{page}?token=whatever")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert f'fetch("{endpoint}"' in response.text and 'type="password"' in response.text
    assert "http://" not in response.text and "https://" not in response.text
