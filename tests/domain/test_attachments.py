"""Attachment rules without a database: safe names, sniffed types, what is served."""

from __future__ import annotations

import pytest

from app.domain.actors import Actor, Role
from app.domain.attachments import (
    OCTET_STREAM,
    AttachmentTooLarge,
    check_size,
    content_disposition,
    declared_length_too_large,
    sanitise_filename,
    served_content_type,
    sniff_content_type,
)
from app.domain.comments import (
    InternalNotesAreForStaff,
    Visibility,
    check_may_write,
    parse_visibility,
    reply_resumes_case,
)
from app.domain.errors import InvalidField
from app.domain.lifecycle import TicketStatus


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\lan\\sip trace.pcap", "sip trace.pcap"),
        ("evil\r\nX-Header: 1.log", "evil_X-Header_ 1.log"),
        ("\x00\x01.log", "attachment.log"),
        (".htaccess", "attachment.htaccess"),
        ("report.tar.gz", "report.tar.gz"),
        ("  spaced   name .txt", "spaced name.txt"),
        ("naïve café.log", "naïve café.log"),
        ("...", "attachment"),
        ("", "attachment"),
        (None, "attachment"),
        ("a" * 300 + ".pcapng", "a" * 143 + ".pcapng"),
    ],
)
def test_file_names_keep_a_safe_subset_and_their_extension(given: str | None, kept: str) -> None:
    assert sanitise_filename(given) == kept


def test_a_sanitised_name_is_never_longer_than_150_characters() -> None:
    assert len(sanitise_filename("x" * 1000)) == 150


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n....", "image/png"),
        (b"\xff\xd8\xff\xe0JFIF", "image/jpeg"),
        (b"GIF89a....", "image/gif"),
        (b"%PDF-1.4", "application/pdf"),
        (b"PK\x03\x04....", "application/zip"),
        (b"\x1f\x8b\x08\x00", "application/gzip"),
        (b"\xd4\xc3\xb2\xa1\x02\x00", "application/vnd.tcpdump.pcap"),
        (b"\xa1\xb2\x3c\x4d\x00\x02", "application/vnd.tcpdump.pcap"),
        (b"\x0a\x0d\x0d\x0a\x1c\x00\x00\x00", "application/x-pcapng"),
        (b"Nov 22 10:00:01 sbc kamailio[42]: INVITE failed\n", "text/plain"),
        ("Größe: 12 Anrufe\n".encode(), "text/plain"),
        (b"\x1b[31mERROR\x1b[0m trunk down\n", "text/plain"),
        (b"  <!DOCTYPE HTML><p>hi", "text/html"),
        (b"<svg onload=x()>", "image/svg+xml"),
        (b"<?xml version='1.0'?>", "application/xml"),
        (b"\x7fELF\x02\x01\x01\x00", OCTET_STREAM),
        (b"MZ\x90\x00\x03\x00\x00\x00", OCTET_STREAM),
        (b"", OCTET_STREAM),
    ],
)
def test_the_type_is_read_from_the_first_bytes(head: bytes, kind: str) -> None:
    assert sniff_content_type(head) == kind


def test_a_character_cut_at_the_end_of_the_sniffed_window_is_still_text() -> None:
    assert sniff_content_type("Ä".encode() * 10 + "Ä".encode()[:1]) == "text/plain"


@pytest.mark.parametrize("kind", ["text/html", "image/svg+xml", "application/xml", "text/css"])
def test_renderable_types_are_served_as_octet_stream(kind: str) -> None:
    assert served_content_type(kind) == OCTET_STREAM


def test_captures_and_logs_are_served_as_themselves() -> None:
    assert served_content_type("application/vnd.tcpdump.pcap") == "application/vnd.tcpdump.pcap"
    assert served_content_type("text/plain") == "text/plain"


def test_the_disposition_is_always_a_download_with_a_utf8_name() -> None:
    value = content_disposition('Zürich "trace".log')
    assert value == (
        'attachment; filename="Z_rich _trace_.log"; '
        "filename*=UTF-8''Z%C3%BCrich%20%22trace%22.log"
    )


def test_a_size_past_the_limit_is_refused() -> None:
    check_size(100, 100)
    with pytest.raises(AttachmentTooLarge) as refused:
        check_size(101, 100)
    assert refused.value.status == 413
    assert refused.value.extra == {"max_bytes": 100}


def test_a_declared_length_is_refused_only_past_limit_and_overhead() -> None:
    assert not declared_length_too_large(None, 100, 10)
    assert not declared_length_too_large(110, 100, 10)
    assert declared_length_too_large(111, 100, 10)


def customer() -> Actor:
    return Actor(Role.CUSTOMER_USER)


def agent() -> Actor:
    return Actor(Role.AGENT)


def test_only_staff_write_internal_notes() -> None:
    assert check_may_write(agent(), Visibility.INTERNAL) is Visibility.INTERNAL
    assert check_may_write(customer(), Visibility.PUBLIC) is Visibility.PUBLIC
    with pytest.raises(InternalNotesAreForStaff):
        check_may_write(Actor(Role.PARTNER_AGENT), Visibility.INTERNAL)


def test_visibility_defaults_to_public_and_names_the_choices() -> None:
    assert parse_visibility(None) is Visibility.PUBLIC
    with pytest.raises(InvalidField) as bad:
        parse_visibility("secret")
    assert bad.value.field == "visibility"


def test_only_a_public_customer_reply_resumes_a_waiting_case() -> None:
    waiting = TicketStatus.WAITING_CUSTOMER
    assert reply_resumes_case(customer(), Visibility.PUBLIC, waiting)
    assert reply_resumes_case(Actor(Role.PARTNER_AGENT), Visibility.PUBLIC, waiting)
    assert not reply_resumes_case(agent(), Visibility.PUBLIC, waiting)
    assert not reply_resumes_case(customer(), Visibility.PUBLIC, TicketStatus.IN_PROGRESS)
