"""Outgoing e-mail through a real SMTP server (aiosmtplib)."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

import aiosmtplib

from app.settings import Settings


def build_message(settings: Settings, payload: dict[str, Any], message_id: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = settings.mail_from
    msg["To"] = ", ".join(payload["to"])
    msg["Subject"] = payload["subject"]
    domain = settings.mail_from.rsplit("@", 1)[-1].rstrip(">")
    # The outbox id makes the Message-ID: a retried delivery is recognisably the same mail.
    msg["Message-ID"] = make_msgid(idstring=message_id, domain=domain)
    headers = {"Auto-Submitted": "auto-generated"} | payload.get("headers", {})
    for name, value in headers.items():
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
