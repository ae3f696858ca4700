"""Outgoing e-mail through a real SMTP server (aiosmtplib)."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

import aiosmtplib

from app.settings import Settings


def message_id_header(settings: Settings, outbox_id: str) -> str:
    """Derived from the outbox row alone: every redelivery of a message (a retry, a
    worker killed before the server's 250 reached it) carries the same Message-ID, so
    receivers can drop the copies (RFC 5322 3.6.4)."""
    domain = settings.mail_from.rsplit("@", 1)[-1].rstrip(">").strip()
    return f"<{outbox_id}@{domain}>"


def build_message(settings: Settings, payload: dict[str, Any], message_id: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = settings.mail_from
    msg["To"] = ", ".join(payload["to"])
    msg["Subject"] = payload["subject"]
    msg["Message-ID"] = message_id_header(settings, message_id)
    headers = {"Auto-Submitted": "auto-generated"} | payload.get("headers", {})
    for name, value in headers.items():
        if name.lower() == "message-id":
            continue  # ours alone identifies the outbox row
        del msg[name]  # a header the caller gives replaces ours, never doubles it
        msg[name] = value
    if "Date" not in msg:
        msg["Date"] = format_datetime(datetime.now(UTC))
    msg.set_content(payload["text"])
    if payload.get("html"):
        msg.add_alternative(payload["html"], subtype="html")
    return msg


class SmtpSender:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def send(self, payload: dict[str, Any], message_id: str) -> None:
        s = self.settings
        await aiosmtplib.send(
            build_message(s, payload, message_id),
            hostname=s.smtp_host,
            port=s.smtp_port,
            username=s.smtp_username,
            password=s.smtp_password.get_secret_value() if s.smtp_password else None,
            start_tls=s.smtp_starttls,
            timeout=s.smtp_timeout_seconds,
        )
