"""Attachments (SPEC 4): streamed upload with a size limit, sniffed types, safe names,
downloads that are never rendered inline, internal files hidden from customers."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from app.db.session import Database
from app.settings import Settings
from tests.support.tickets import Desk, make_desk

LIMIT = 64 * 1024
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)
PCAP = b"\xd4\xc3\xb2\xa1\x02\x00\x04\x00" + bytes(40)
BOUNDARY = "sd-test-boundary"


@pytest.fixture
def storage_dir(tmp_path: Path) -> Path:
    return tmp_path / "attachments"


@pytest.fixture
def settings(settings: Settings, storage_dir: Path) -> Settings:
    return settings.model_copy(update={"storage_dir": storage_dir, "attachment_max_bytes": LIMIT})


def stored_files(storage_dir: Path) -> list[Path]:
    """Every file under storage, partial (`.part`) ones included."""
    return [p for p in storage_dir.rglob("*") if p.is_file()] if storage_dir.exists() else []


async def upload(
    desk: Desk,
    ticket_id: str,
    headers: dict[str, str],
    content: bytes,
    filename: str = "trace.log",
    client_type: str = "application/octet-stream",
    **data: str,
) -> httpx.Response:
    return await desk.client.post(
        f"/v1/tickets/{ticket_id}/attachments",
        files={"file": (filename, content, client_type)},
        data=data,
        headers=headers,
    )


async def desk_and_ticket(client: httpx.AsyncClient, db: Database) -> tuple[Desk, dict[str, Any]]:
    desk = await make_desk(client, db, "aarenet-standard")
    return desk, await desk.open()


async def test_an_upload_is_stored_with_its_sniffed_type_size_and_digest(
    client: httpx.AsyncClient, db: Database, storage_dir: Path
) -> None:
    desk, ticket = await desk_and_ticket(client, db)

    r = await upload(desk, ticket["id"], desk.customer, PNG, "screen.png", "text/html")

    assert r.status_code == 201, r.text
    body = r.json()
    assert body["content_type"] == "image/png"  # the client's text/html is ignored
    assert body["size"] == len(PNG)
    assert body["sha256"] == hashlib.sha256(PNG).hexdigest()
    assert body["visibility"] == "public"
    assert r.headers["location"] == f"/v1/tickets/{ticket['id']}/attachments/{body['id']}"
    assert [p.read_bytes() for p in stored_files(storage_dir)] == [PNG]
    listed = await client.get(f"/v1/tickets/{ticket['id']}/attachments", headers=desk.customer)
    assert [a["id"] for a in listed.json()["items"]] == [body["id"]]
    events = await client.get(f"/v1/tickets/{ticket['id']}/events", headers=desk.agent)
    added = [e for e in events.json()["items"] if e["kind"] == "attachment_added"]
    assert added[0]["after"]["attachment_id"] == body["id"]
    assert added[0]["after"]["visibility"] == "public"


async def test_a_download_is_an_attachment_with_nosniff_and_the_utf8_name(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk, ticket = await desk_and_ticket(client, db)
    r = await upload(desk, ticket["id"], desk.customer, PCAP, "Trace Zürich.pcap")
    attachment = r.json()

    got = await client.get(
        f"/v1/tickets/{ticket['id']}/attachments/{attachment['id']}", headers=desk.agent
    )

    assert got.status_code == 200
    assert got.content == PCAP
    assert got.headers["content-type"] == "application/vnd.tcpdump.pcap"
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["content-length"] == str(len(PCAP))
    disposition = got.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote('Trace Zürich.pcap', safe='')}" in disposition


@pytest.mark.parametrize(
    ("content", "sniffed", "served"),
    [
        (b"2026-11-22 10:00:01 INVITE sip:+41445551234 503\n" * 20, "text/plain", "text/plain"),
        (
            b"<!DOCTYPE html><html><script>alert(1)</script>",
            "text/html",
            "application/octet-stream",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>',
            "image/svg+xml",
            "application/octet-stream",
        ),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "application/pdf", "application/pdf"),
        (b"\x1f\x8b\x08\x00" + bytes(20), "application/gzip", "application/gzip"),
        (
            b"\x7fELF\x02\x01\x01" + bytes(60),
            "application/octet-stream",
            "application/octet-stream",
        ),
    ],
    ids=["log", "html", "svg", "pdf", "gzip", "binary"],
)
async def test_the_type_is_sniffed_and_nothing_renderable_is_served_as_itself(
    client: httpx.AsyncClient, db: Database, content: bytes, sniffed: str, served: str
) -> None:
    desk, ticket = await desk_and_ticket(client, db)

    r = await upload(desk, ticket["id"], desk.customer, content, "capture.txt", "image/png")

    assert r.status_code == 201, r.text
    assert r.json()["content_type"] == sniffed
    got = await client.get(
        f"/v1/tickets/{ticket['id']}/attachments/{r.json()['id']}", headers=desk.customer
    )
    assert got.headers["content-type"].split(";")[0] == served
    assert got.headers["content-disposition"].startswith("attachment;")
    assert got.content == content


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\lan\\Desktop\\sip trace.pcap", "sip trace.pcap"),
        ("evil<script>|$(rm -rf).log", "evil_script_(rm -rf).log"),
        ("...", "attachment"),
        ("a" * 300 + ".pcapng", "a" * 143 + ".pcapng"),
    ],
)
async def test_file_names_are_sanitised(
    client: httpx.AsyncClient, db: Database, given: str, kept: str
) -> None:
    desk, ticket = await desk_and_ticket(client, db)

    r = await upload(desk, ticket["id"], desk.customer, b"hello\n", given)

    assert r.status_code == 201, r.text
    assert r.json()["filename"] == kept


async def test_internal_attachments_are_hidden_from_the_customer(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk, ticket = await desk_and_ticket(client, db)
    public = (await upload(desk, ticket["id"], desk.agent, b"public\n")).json()
    internal = (
        await upload(desk, ticket["id"], desk.agent, b"internal\n", visibility="internal")
    ).json()
    assert internal["visibility"] == "internal"
    path = f"/v1/tickets/{ticket['id']}/attachments"

    staff_list = (await client.get(path, headers=desk.agent)).json()["items"]
    customer_list = (await client.get(path, headers=desk.customer)).json()["items"]
    staff_get = await client.get(f"{path}/{internal['id']}", headers=desk.agent)
    customer_get = await client.get(f"{path}/{internal['id']}", headers=desk.customer)

    assert [a["id"] for a in staff_list] == [public["id"], internal["id"]]
    assert [a["id"] for a in customer_list] == [public["id"]]
    assert staff_get.status_code == 200
    assert customer_get.status_code == 404
    assert customer_get.json()["type"].endswith("/not-found")
    customer_events = await client.get(f"/v1/tickets/{ticket['id']}/events", headers=desk.customer)
    shown = [
        e["after"]["attachment_id"]
        for e in customer_events.json()["items"]
        if e["kind"] == "attachment_added"
    ]
    assert shown == [public["id"]]


async def test_a_customer_may_not_upload_an_internal_file_and_nothing_is_kept(
    client: httpx.AsyncClient, db: Database, storage_dir: Path
) -> None:
    desk, ticket = await desk_and_ticket(client, db)

    r = await upload(desk, ticket["id"], desk.customer, b"x\n", visibility="internal")

    assert r.status_code == 403
    assert r.json()["type"].endswith("/internal-notes-are-for-staff")
    assert stored_files(storage_dir) == []


async def test_an_upload_that_announces_too_many_bytes_is_refused_up_front(
    client: httpx.AsyncClient, db: Database, storage_dir: Path
) -> None:
    desk, ticket = await desk_and_ticket(client, db)

    r = await upload(desk, ticket["id"], desk.customer, b"x" * (LIMIT * 2))

    assert r.status_code == 413
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["type"].endswith("/attachment-too-large")
    assert r.json()["max_bytes"] == LIMIT
    assert stored_files(storage_dir) == []


async def test_a_file_one_byte_over_the_limit_is_refused_and_one_at_it_accepted(
    client: httpx.AsyncClient, db: Database, storage_dir: Path
) -> None:
    """Within the Content-Length slack, so the streaming count decides."""
    desk, ticket = await desk_and_ticket(client, db)

    over = await upload(desk, ticket["id"], desk.customer, b"y" * (LIMIT + 1))
    at = await upload(desk, ticket["id"], desk.customer, b"y" * LIMIT)

    assert over.status_code == 413
    assert at.status_code == 201
    assert at.json()["size"] == LIMIT
    assert len(stored_files(storage_dir)) == 1


async def test_a_streamed_upload_is_cut_off_at_the_limit_without_reading_the_body(
    client: httpx.AsyncClient, db: Database, storage_dir: Path
) -> None:
    """How this shows the body is not read into memory: the request has no
    Content-Length (chunked), so only the streaming count can refuse it. httpx's ASGI
    transport pulls the body from our generator lazily, one chunk per `receive()`; the
    generator counts what was pulled. Of a 64 MiB body only about the limit (64 KiB)
    plus a chunk or two is ever pulled before the 413, and no file, partial or whole,
    remains in storage."""
    desk, ticket = await desk_and_ticket(client, db)
    chunk = b"z" * 16 * 1024
    total_chunks = 4096  # 64 MiB
    pulled = 0

    async def body() -> AsyncIterator[bytes]:
        nonlocal pulled
        head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="huge.log"\r\nContent-Type: text/plain\r\n\r\n'
        ).encode()
        yield head
        for _ in range(total_chunks):
            pulled += len(chunk)
            yield chunk
        yield f"\r\n--{BOUNDARY}--\r\n".encode()

    r = await client.post(
        f"/v1/tickets/{ticket['id']}/attachments",
        content=body(),
        headers={**desk.customer, "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"},
    )

    assert r.status_code == 413, r.text
    assert r.json()["type"].endswith("/attachment-too-large")
    assert pulled <= LIMIT + 2 * len(chunk)
    assert pulled < total_chunks * len(chunk) // 100
    assert stored_files(storage_dir) == []


async def test_an_upload_must_be_multipart_with_a_file(
    client: httpx.AsyncClient, db: Database
) -> None:
    desk, ticket = await desk_and_ticket(client, db)
    path = f"/v1/tickets/{ticket['id']}/attachments"

    not_multipart = await client.post(path, json={"file": "x"}, headers=desk.customer)
    no_file = await client.post(path, files={"visibility": (None, "public")}, headers=desk.customer)

    assert not_multipart.status_code == 415
    assert not_multipart.json()["type"].endswith("/upload-must-be-multipart")
    assert no_file.status_code == 422
    assert no_file.json()["errors"][0]["field"] == "file"


async def test_a_foreign_ticket_answers_404_before_the_upload_is_read(
    client: httpx.AsyncClient, db: Database, storage_dir: Path
) -> None:
    _, ticket = await desk_and_ticket(client, db)
    other = await make_desk(client, db, "aarenet-premium", domain="other.com")

    r = await upload(other, ticket["id"], other.customer, b"hello\n")

    assert r.status_code == 404
    assert stored_files(storage_dir) == []


async def test_a_keyed_upload_is_stored_once_and_replayed(
    client: httpx.AsyncClient, db: Database, storage_dir: Path
) -> None:
    desk, ticket = await desk_and_ticket(client, db)
    keyed = {
        **desk.customer,
        "Idempotency-Key": "upload-trace-1",
        "content-type": f"multipart/form-data; boundary={BOUNDARY}",
    }
    # A retry resends the very same bytes (boundary included).
    body = (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="capture.pcap"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ).encode()
        + PCAP
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )
    path = f"/v1/tickets/{ticket['id']}/attachments"
    first = await client.post(path, content=body, headers=keyed)
    again = await client.post(path, content=body, headers=keyed)
    assert first.status_code == again.status_code == 201, first.text
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["idempotent-replayed"] == "true"
    assert len(stored_files(storage_dir)) == 1


async def test_a_keyed_body_past_the_limit_is_refused_before_the_app_reads_it(
    client: httpx.AsyncClient, db: Database, storage_dir: Path
) -> None:
    # With a key the body is spooled to compare retries; that spool is capped too.
    desk, ticket = await desk_and_ticket(client, db)
    keyed = {**desk.customer, "Idempotency-Key": "upload-too-big"}
    pulled = 0

    async def body() -> AsyncIterator[bytes]:
        nonlocal pulled
        for _ in range(LIMIT // 65536 + 64):  # LIMIT plus 4 MiB, in 64 KiB chunks
            pulled += 65536
            yield b"x" * 65536

    r = await client.post(
        f"/v1/tickets/{ticket['id']}/attachments",
        content=body(),
        headers={**keyed, "content-type": f"multipart/form-data; boundary={BOUNDARY}"},
    )
    assert r.status_code == 413, r.text
    assert r.json()["type"].endswith("/payload-too-large")
    assert pulled <= LIMIT + (1 << 20) + 65536  # stopped at the cap, not at the end
    assert stored_files(storage_dir) == []
