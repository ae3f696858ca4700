"""A development mail sink: an SMTP server that keeps every message as a file under var/.

`make run` starts it in place of a real mail server, so a newcomer can follow the
activation and password-reset links locally (`supportdesk mailbox`). Never for production:
it accepts any message from anyone on the address it listens on.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import itertools
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.smtp import SMTP

LINK = re.compile(r"https?://\S+")
_sequence = itertools.count(1)


class MailSinkHandler:
    """Writes each message whole (RFC 5322 bytes) to `<directory>/<UTC time>-<n>.eml`."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.directory.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
        path = self.directory / f"{stamp}-{next(_sequence):04d}.eml"
        await asyncio.to_thread(path.write_bytes, envelope.content)
        return "250 2.0.0 Kept in the development mailbox"


async def start(directory: Path, host: str, port: int) -> asyncio.Server:
    handler = MailSinkHandler(directory)
    loop = asyncio.get_running_loop()
    return await loop.create_server(
        lambda: SMTP(handler, enable_SMTPUTF8=True, ident="SupportDesk development mail sink"),
        host,
        port,
    )


@dataclass(frozen=True, slots=True)
class KeptMessage:
    path: Path
    message: EmailMessage

    @property
    def text(self) -> str:
        part = self.message.get_body(preferencelist=("plain",))
        return str(part.get_content()) if part is not None else ""

    @property
    def links(self) -> list[str]:
        return LINK.findall(self.text)


def read_mailbox(directory: Path) -> list[KeptMessage]:
    """The kept messages, oldest first."""
    if not directory.is_dir():
        return []
    return [
        KeptMessage(
            path,
            email.message_from_bytes(path.read_bytes(), policy=email.policy.default),
        )
        for path in sorted(directory.glob("*.eml"))
    ]
