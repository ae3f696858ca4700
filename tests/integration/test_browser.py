"""A browser portal, for real: the machine's headless Chromium, driven by Playwright (SPEC 8).

A static page served from another origin signs in and lists tickets through `fetch`:
it works when that origin is configured and fails when it is not. `/docs` renders its
operations with every request to anything but 127.0.0.1 blocked.
"""

from __future__ import annotations

import asyncio
import shutil
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn
from playwright.async_api import Browser, Route, async_playwright
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route as StarletteRoute
from starlette.types import ASGIApp

from app.db.session import Database
from app.domain.clock import ControllableClock
from app.main import create_app
from app.settings import Settings
from tests.support.factories import PASSWORD
from tests.support.tickets import make_desk

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# As the machine's own probe starts it: no sandbox as root, no calls home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

PORTAL_PAGE = (
    """<!doctype html>
<html><body><p id="result">working</p>
<script>
const api = new URLSearchParams(location.search).get("api");
(async () => {
  const out = document.getElementById("result");
  try {
    const form = new URLSearchParams({username: "lan@acme.com", password: "__PASSWORD__"});
    const token = await fetch(api + "/v1/auth/token", {method: "POST", body: form});
    const {access_token} = await token.json();
    const auth = {Authorization: "Bearer " + access_token};
    const list = await fetch(api + "/v1/tickets", {headers: auth});
    const page = await list.json();
    out.textContent = "tickets: " + page.items.map(t => t.tracking_number).join(",")
      + " | limit " + list.headers.get("RateLimit");
  } catch (error) {
    out.textContent = "failed: " + error.name;
  }
})();
</script></body></html>
"""
).replace("__PASSWORD__", PASSWORD)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@asynccontextmanager
async def serving(app: ASGIApp) -> AsyncIterator[str]:
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="off")
    )
    task = asyncio.create_task(server.serve())
    while not server.started:  # noqa: ASYNC110 (uvicorn exposes a flag, not an event)
        await asyncio.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as p:
        instance = await p.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        await instance.close()


@pytest.fixture
async def portal() -> AsyncIterator[str]:
    async def page(_: object) -> HTMLResponse:
        return HTMLResponse(PORTAL_PAGE)

    async with serving(Starlette(routes=[StarletteRoute("/", page)])) as url:
        yield url


async def _portal_result(browser: Browser, portal: str, api: str) -> str:
    page = await browser.new_page()
    try:
        await page.goto(f"{portal}/?api={api}")
        await page.wait_for_function(
            "document.getElementById('result').textContent !== 'working'", timeout=60000
        )
        return await page.inner_text("#result")
    finally:
        await page.close()


async def _desk_with_a_ticket(client: httpx.AsyncClient, db: Database) -> str:
    desk = await make_desk(client, db, "aarenet-standard")
    ticket = await desk.open()
    return str(ticket["tracking_number"])


async def test_a_page_from_an_allowed_origin_signs_in_and_lists_tickets(
    browser: Browser,
    portal: str,
    client: httpx.AsyncClient,
    db: Database,
    settings: Settings,
    clock: ControllableClock,
) -> None:
    tracking = await _desk_with_a_ticket(client, db)
    allowed = settings.model_copy(update={"cors_origins": portal})
    async with serving(create_app(allowed, clock=clock, db=db)) as api:
        result = await _portal_result(browser, portal, api)
    assert result.startswith(f"tickets: {tracking} | limit "), result


async def test_the_same_page_from_an_origin_not_allowed_cannot_read_our_answers(
    browser: Browser,
    portal: str,
    client: httpx.AsyncClient,
    db: Database,
    settings: Settings,
    clock: ControllableClock,
) -> None:
    await _desk_with_a_ticket(client, db)
    elsewhere = settings.model_copy(update={"cors_origins": "https://portal.example.com"})
    async with serving(create_app(elsewhere, clock=clock, db=db)) as api:
        result = await _portal_result(browser, portal, api)
    assert result == "failed: TypeError"


async def test_docs_render_every_operation_with_the_internet_blocked(
    browser: Browser, db: Database, settings: Settings, clock: ControllableClock
) -> None:
    refused: list[str] = []

    async def local_only(route: Route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1":
            await route.continue_()
        else:
            refused.append(route.request.url)
            await route.abort()

    async with serving(create_app(settings, clock=clock, db=db)) as api:
        async with httpx.AsyncClient() as http:
            document = (await http.get(f"{api}/openapi.json")).json()
        operations = sum(len(methods) for methods in document["paths"].values())
        page = await browser.new_page()
        await page.route("**/*", local_only)
        await page.goto(f"{api}/docs")
        await page.wait_for_selector(".opblock", state="attached", timeout=60000)
        rendered = await page.locator(".opblock").count()
        paths = await page.locator(".opblock-summary-path").all_inner_texts()
        await page.close()
    assert rendered == operations
    assert any(p.replace("\u200b", "") == "/v1/tickets" for p in paths)
    assert refused == []  # nothing tried to leave the machine
