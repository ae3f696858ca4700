"""The SMTP gateway for e-mail in (SPEC 6): an aiosmtpd server in our own event loop.

It accepts mail for the support and emergency addresses and for the role mailboxes of
escalation levels (escalation by e-mail; 550 for anything else),
refuses a message past the size limit while it is being sent (552, aiosmtpd's
`data_size_limit`), and answers 250 only after `inbound_mail.receive` has committed
what became of the message. Any internal failure answers 451: the sending server keeps
the message and retries, so nothing is lost.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiosmtpd.smtp import SMTP, Envelope, Session

from app.db.session import Database
from app.services import escalation_mail, inbound_mail
from app.services.context import ServiceContext

log = logging.getLogger("supportdesk.mail_gateway")


class MailGatewayHandler:
    """aiosmtpd hooks: RCPT decides who we accept mail for, DATA hands the message on."""

    def __init__(self, db: Database, ctx: ServiceContext) -> None:
        self.db = db
        self.ctx = ctx
        self.addresses = ctx.settings.support_mailboxes

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        try:
            accepted = await self._accepts(address)
        except Exception:  # the database is away: a 4xx makes the sender retry
            log.exception("escalation mailboxes could not be read; answered 451")
            return "451 4.3.0 Temporary failure; please try again later"
        if not accepted:
            return f"550 5.1.1 <{address}>: no such mailbox here"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(options)
        return "250 2.1.5 OK"

    async def _accepts(self, address: str) -> bool:
        """The support and emergency addresses, and every escalation level's mailbox."""
        wanted = address.strip().lower()
        return wanted in self.addresses or await escalation_mail.is_escalation_mailbox(
            self.db, wanted
        )

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content
        if not isinstance(raw, bytes):
            raw = str(raw or "").encode("utf-8", "surrogateescape")
        try:
            received = await inbound_mail.receive(
                self.db, self.ctx, raw, envelope.mail_from or "", list(envelope.rcpt_tos)
            )
        except Exception:  # the sender retries a 4xx: answer it rather than lose the mail
            log.exception("inbound mail could not be processed; answered 451")
            return "451 4.3.0 Temporary failure; please try again later"
        log.info(
            "inbound mail accepted",
            extra={
                "fields": {"outcome": received.kind, "reason": received.reason, "size": len(raw)}
            },
        )
        return f"250 2.0.0 Message accepted ({received.kind})"


def smtp_factory(handler: MailGatewayHandler) -> SMTP:
    settings = handler.ctx.settings
    return SMTP(
        handler,
        data_size_limit=settings.mail_gateway_max_message_bytes,
        enable_SMTPUTF8=True,
        ident="SupportDesk mail gateway",
    )


async def start(
    db: Database, ctx: ServiceContext, *, host: str | None = None, port: int | None = None
) -> asyncio.Server:
    """Listens in the running loop, so the handler shares the loop with the database."""
    handler = MailGatewayHandler(db, ctx)
    loop = asyncio.get_running_loop()
    return await loop.create_server(
        lambda: smtp_factory(handler),
        host or ctx.settings.mail_gateway_host,
        port if port is not None else ctx.settings.mail_gateway_port,
    )


async def serve_forever(db: Database, ctx: ServiceContext, **kwargs: Any) -> None:
    server = await start(db, ctx, **kwargs)
    for sock in server.sockets:
        log.info("mail gateway listening", extra={"fields": {"address": str(sock.getsockname())}})
    async with server:
        await server.serve_forever()
