"""Webhook use cases (SPEC 6): subscribe, list, unsubscribe, read the delivery log, and
`publish` — the fan-out of a recorded change (`ticket_changes.record`)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from app.db.models import WebhookDelivery, WebhookSubscription
from app.db.repositories.changes import Fanout
from app.db.repositories.pagination import Page
from app.db.session import UnitOfWork
from app.domain import webhooks as rules
from app.domain.actors import Actor
from app.domain.errors import InvalidField
from app.domain.ids import new_id
from app.integrations.webhooks import resolve_host
from app.schemas.webhooks import WebhookIn
from app.services.context import ServiceContext
from app.services.sealing import seal
from app.services.security import new_secret
from app.services.wire import instant, wire

SECRET_PREFIX = "whsec_"  # noqa: S105 (a marker, not a secret)
SECRET_PURPOSE = "webhook-secret"  # noqa: S105 (names the derived key)
OUTBOX_KIND = "webhook"


async def check_target(ctx: ServiceContext, url: str) -> None:
    """Refuses URLs we must not or cannot call: not http(s), plain http in production, port
    0, an address no receiver listens on, or a host that resolves to a private, loopback,
    link-local or reserved address (unless private targets are allowed)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise rules.WebhookUrlInvalid(f"{url!r} is not a valid URL") from exc
    settings = ctx.settings
    rules.check_target_url(
        parts.scheme.lower(),
        parts.hostname,
        has_credentials=parts.username is not None or parts.password is not None,
        production=settings.environment == "production",
        port=port,
    )
    host = parts.hostname or ""
    if settings.webhooks_allow_private_targets:
        # On-premises receivers may not resolve from here: only a literal is judged now,
        # and every delivery checks the address it connects to.
        literal = rules.literal_address(host)
        if literal is not None:
            rules.check_target_addresses(host, [str(literal)], allow_private=True)
        return
    rules.check_target_addresses(host, await resolve_host(host, port))


async def create(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, body: WebhookIn
) -> tuple[WebhookSubscription, str]:
    """Subscribes the caller's organisation; the secret is answered here and never again."""
    owner = rules.owner_for(actor)
    await check_target(ctx, body.url)
    contact = await _contact_email(uow, actor, owner, body)
    secret = SECRET_PREFIX + new_secret()
    row = WebhookSubscription(
        id=new_id(),
        customer_id=owner.customer_id,
        partner_id=owner.partner_id,
        url=body.url,
        events=sorted({e.value for e in body.events}),
        description=body.description,
        contact_email=contact,
        secret_sealed=seal(ctx.settings, SECRET_PURPOSE, secret.encode()),
        secret_prefix=secret[:10],
        is_active=True,
        consecutive_failures=0,
        created_by=actor.user_id,
        created_at=ctx.now(),
    )
    uow.webhooks.add(row)
    await uow.commit()
    return row, secret


async def _contact_email(
    uow: UnitOfWork, actor: Actor, owner: rules.WebhookOwner, body: WebhookIn
) -> str:
    """Who hears about a disabled subscription: given, else the person subscribing, else
    (an API key) the partner's helpdesk address."""
    if body.contact_email is not None:
        return str(body.contact_email).lower()
    if actor.email:
        return actor.email
    if owner.partner_id is not None:
        partner = await uow.organisations.partner_by_id(owner.partner_id)
        if partner is not None and partner.helpdesk_email:
            return partner.helpdesk_email
    raise InvalidField(
        "contact_email", "give contact_email: who to tell if deliveries keep failing"
    )


async def list_subscriptions(
    uow: UnitOfWork, actor: Actor, limit: int, cursor: str | None
) -> Page[WebhookSubscription]:
    return await uow.webhooks.subscriptions(rules.owner_for(actor), limit, cursor)


async def get(uow: UnitOfWork, actor: Actor, webhook_id: uuid.UUID) -> WebhookSubscription:
    return await uow.webhooks.subscription(webhook_id, rules.owner_for(actor))


async def delete(uow: UnitOfWork, actor: Actor, webhook_id: uuid.UUID) -> None:
    """Removes the subscription and its log; queued deliveries for it are dropped."""
    row = await uow.webhooks.subscription(webhook_id, rules.owner_for(actor))
    await uow.webhooks.delete(row.id)
    await uow.commit()


async def list_deliveries(
    uow: UnitOfWork, actor: Actor, webhook_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[WebhookDelivery]:
    row = await uow.webhooks.subscription(webhook_id, rules.owner_for(actor))
    return await uow.webhooks.deliveries(row.id, limit, cursor)


async def publish(
    uow: UnitOfWork,
    now: datetime,
    *,
    event_id: uuid.UUID,
    event_type: rules.EventType,
    customer_id: uuid.UUID | None,
    case: dict[str, Any],
    data: dict[str, Any],
) -> Fanout | None:
    """The fan-out of one recorded change to every active subscription that hears
    `event_type` (or `*`) about this customer — its own, its partner's, the vendor-wide
    ones. Called by `ticket_changes.record` only: the messages are written to the outbox
    at COMMIT, with the change's feed `seq`, so a rolled-back change sends nothing. The
    body is serialised then (ISO 8601 UTC instants), so every retry sends the same bytes.
    `case` is the case's `ticket_id`, `tracking_number` and `external_ref`."""
    subscriptions = [
        s for s in await uow.webhooks.listening(customer_id) if rules.hears(s.events, event_type)
    ]
    if not subscriptions:
        return None
    head = {
        "id": str(event_id),
        "type": event_type.value,
        "seq": 0,
        "created_at": instant(now),
        "customer_id": str(customer_id) if customer_id else None,
        **wire(case),
        "data": wire(data),
    }
    targets = [str(s.id) for s in subscriptions]

    def fanout(seq: int) -> list[tuple[str, dict[str, Any]]]:
        body = json.dumps(head | {"seq": seq}, separators=(",", ":"))
        return [
            (
                OUTBOX_KIND,
                {
                    "subscription_id": target,
                    "event_id": str(event_id),
                    "event_type": event_type.value,
                    "body": body,
                },
            )
            for target in targets
        ]

    return fanout
