"""E-mails as outbox payloads: plain text and HTML, one builder per message (SPEC 6)."""

from __future__ import annotations

import html
from typing import Any

from app.db.repositories.outbox import OutboxRepository


def queue_email(
    outbox: OutboxRepository,
    now: Any,
    *,
    to: list[str],
    subject: str,
    text: str,
    headers: dict[str, str] | None = None,
) -> None:
    """Adds an e-mail to the current transaction's outbox."""
    body_html = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
    outbox.enqueue(
        "email",
        {
            "to": to,
            "subject": subject,
            "text": text,
            "html": f"<html><body>{body_html}</body></html>",
            "headers": headers or {},
        },
        now,
    )


def activation_text(name: str, link: str, hours: int) -> tuple[str, str]:
    return (
        "Activate your SupportDesk account",
        f"Hello {name},\n\nplease activate your SupportDesk account and choose a password:\n"
        f"{link}\n\nThe link works once and expires in {hours} hours. If you did not ask "
        "for an account, ignore this message.",
    )


def already_registered_text(name: str, reset_link_hint: str) -> tuple[str, str]:
    return (
        "Your SupportDesk account",
        f"Hello {name},\n\nsomebody asked to sign up with this address, which already has an "
        f"account. If you forgot your password, reset it: {reset_link_hint}\n\nIf it was not "
        "you, ignore this message.",
    )


def password_reset_text(name: str, link: str, minutes: int) -> tuple[str, str]:
    return (
        "Reset your SupportDesk password",
        f"Hello {name},\n\nto choose a new password follow this link:\n{link}\n\n"
        f"The link works once and expires in {minutes} minutes. If you did not ask for it, "
        "ignore this message: your password stays as it is.",
    )
