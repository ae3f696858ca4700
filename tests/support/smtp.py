"""A real SMTP server (aiosmtpd) that keeps what it receives, for tests."""

from __future__ import annotations

import asyncio
import email
import email.policy
import re
import socket
import threading
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller


class _Inbox:
    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(msg)  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


class _DelayedInbox(_Inbox):
    """Keeps the message at once, then holds back the 250 (a slow relay): a client killed
    meanwhile never learns that the message arrived."""

    def __init__(self, delay_seconds: float) -> None:
        super().__init__()
        self.delay_seconds = delay_seconds

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        reply = await super().handle_DATA(server, session, envelope)
        await asyncio.sleep(self.delay_seconds)
        return reply


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class SmtpServer:
    def __init__(self, delay_seconds: float = 0.0) -> None:
        self.host = "127.0.0.1"
        self.port = _free_port()
        self.inbox = _DelayedInbox(delay_seconds) if delay_seconds else _Inbox()
        self.controller = Controller(self.inbox, hostname=self.host, port=self.port)

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()

    def clear(self) -> None:
        with self.inbox.lock:
            self.inbox.messages.clear()

    @property
    def messages(self) -> list[EmailMessage]:
        with self.inbox.lock:
            return list(self.inbox.messages)

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if address.lower() in str(m["To"]).lower()]

    @staticmethod
    def text_of(message: EmailMessage) -> str:
        part = message.get_body(preferencelist=("plain",))
        assert part is not None
        return str(part.get_content())

    def link_token(self, address: str, path: str) -> str:
        """The token of the last link to `path` e-mailed to `address`."""
        for message in reversed(self.to(address)):
            found = re.search(rf"/{path}\?token=([A-Za-z0-9_-]+)", self.text_of(message))
            if found:
                return found.group(1)
        raise AssertionError(f"no {path} link was e-mailed to {address}")
