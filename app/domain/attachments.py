"""Attachments (logs, traces, captures): safe names, sniffed types, size limits (SPEC 4).

Nothing a customer uploads is trusted: the name is reduced to a safe subset, the type is
read from the first bytes (never from the client), and what a browser could render or
run is served as `application/octet-stream`, always as a download.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from app.domain.errors import DomainError, InvalidField

OCTET_STREAM = "application/octet-stream"
TEXT_PLAIN = "text/plain"
SNIFF_BYTES = 8192  # what the sniffer needs of the start of a file
MAX_FILENAME_LENGTH = 150
MAX_EXTENSION_LENGTH = 16
DEFAULT_STEM = "attachment"
_SAFE_PUNCTUATION = frozenset("._-+()[] ")

# (magic prefix, type); the first match wins, so longer prefixes of a family come first.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"PK\x05\x06", "application/zip"),  # an empty archive
    (b"PK\x07\x08", "application/zip"),  # a spanned archive
    (b"\x1f\x8b", "application/gzip"),
    (b"\xd4\xc3\xb2\xa1", "application/vnd.tcpdump.pcap"),  # little-endian, microseconds
    (b"\xa1\xb2\xc3\xd4", "application/vnd.tcpdump.pcap"),  # big-endian, microseconds
    (b"\x4d\x3c\xb2\xa1", "application/vnd.tcpdump.pcap"),  # little-endian, nanoseconds
    (b"\xa1\xb2\x3c\x4d", "application/vnd.tcpdump.pcap"),  # big-endian, nanoseconds
    (b"\x0a\x0d\x0d\x0a", "application/x-pcapng"),  # section header block
)
# Text that a browser would treat as a document (script, styles, forms) if it could.
_MARKUP: tuple[tuple[bytes, str], ...] = (
    (b"<!doctype html", "text/html"),
    (b"<html", "text/html"),
    (b"<head", "text/html"),
    (b"<body", "text/html"),
    (b"<script", "text/html"),
    (b"<iframe", "text/html"),
    (b"<svg", "image/svg+xml"),
    (b"<?xml", "application/xml"),
)
# The only types served as themselves; anything else is served as octet-stream.
SERVED_AS_IS = frozenset(
    {
        "image/png",
        "image/jpeg",
        "image/gif",
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/vnd.tcpdump.pcap",
        "application/x-pcapng",
        TEXT_PLAIN,
    }
)
_TEXT_CONTROLS_ALLOWED = frozenset("\t\n\r\f\x1b")  # tabs, line ends, ANSI colours in logs


class AttachmentTooLarge(DomainError):
    """Refused as soon as the limit is passed; the partial file is deleted."""

    type_slug = "attachment-too-large"
    status = 413
    title = "The attachment is too large"

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"attachments may be at most {limit} bytes ({limit / 2**20:g} MiB); compress "
            "the file or split it",
            max_bytes=limit,
        )


class UploadMustBeMultipart(DomainError):
    type_slug = "upload-must-be-multipart"
    status = 415
    title = "Upload the file as multipart/form-data"


class UploadMalformed(DomainError):
    type_slug = "upload-malformed"
    status = 400
    title = "The multipart body is malformed"


class FileMissing(InvalidField):
    type_slug = "file-missing"
    title = "The upload carries no file"

    def __init__(self) -> None:
        super().__init__("file", "send the file in the multipart field `file`, with a filename")


def check_size(size: int, limit: int) -> None:
    """`AttachmentTooLarge` once `size` bytes (so far) pass `limit`."""
    if size > limit:
        raise AttachmentTooLarge(limit)


def declared_length_too_large(content_length: int | None, limit: int, overhead: int) -> bool:
    """A request that announces more than the file limit plus the form's own overhead
    (boundaries, part headers, the `visibility` field) cannot carry an allowed file."""
    return content_length is not None and content_length > limit + overhead


def sanitise_filename(name: str | None) -> str:
    """The client's name reduced to something safe to store and show: no directories,
    no control or shell-special characters, no leading dots, at most 150 characters,
    keeping the extension (`../../etc/pass wd.LOG` → `pass wd.LOG`)."""
    raw = unicodedata.normalize("NFC", name or "")
    base = raw.replace("\\", "/").rsplit("/", 1)[-1]
    kept = "".join(_safe_char(c) for c in base)
    kept = " ".join(kept.split())  # collapse runs of spaces
    while "__" in kept:
        kept = kept.replace("__", "_")
    stem, dot, extension = kept.rpartition(".")
    extension = extension.strip(" _")
    if not dot or len(extension) > MAX_EXTENSION_LENGTH or " " in extension:
        stem, extension = kept, ""
    stem = stem.strip(" ._") or DEFAULT_STEM  # no hidden files, no trailing dots
    suffix = f".{extension}" if extension else ""
    return stem[: MAX_FILENAME_LENGTH - len(suffix)].rstrip(" ._") + suffix


def _safe_char(c: str) -> str:
    if c.isalnum() or c in _SAFE_PUNCTUATION:
        return c
    return "_"


def sniff_content_type(head: bytes) -> str:
    """The type read from the first bytes of a file (magic numbers); text that is not
    markup is `text/plain`; anything unrecognised is `application/octet-stream`."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if not head or not _looks_like_text(head):
        return OCTET_STREAM
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for marker, kind in _MARKUP:
        if start.startswith(marker):
            return kind
    return TEXT_PLAIN


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sniffed window is still text.
        if exc.start < len(head) - 3:
            return False
        text = head[: exc.start].decode("utf-8")
    controls = sum(
        1 for c in text if unicodedata.category(c) == "Cc" and c not in _TEXT_CONTROLS_ALLOWED
    )
    return controls * 100 <= len(text)  # a stray control character in a log is still text


def served_content_type(sniffed: str) -> str:
    """Never text/html, SVG or anything else a browser would render or run (SPEC 4)."""
    return sniffed if sniffed in SERVED_AS_IS else OCTET_STREAM


def content_disposition(filename: str) -> str:
    """Always a download: an ASCII fallback plus the UTF-8 name (RFC 6266, RFC 8187)."""
    fallback = "".join(
        c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in filename
    )
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
