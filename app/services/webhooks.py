"""Webhook use cases (SPEC 6): subscribe, list, edit or re-enable, rotate the secret,
send a test ping, unsubscribe, read the delivery log, `publish` — the fan-out of a
recorded change (`ticket_changes.record`) — and `replay`, which sends a subscription
again what it would have received since a change-feed position."""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from app.db.models import WebhookDelivery, WebhookSubscription
from app.db.repositories.changes import Fanout
from app.db.repositories.pagination import Page
from app.db.session import UnitOfWork
from app.domain import webhooks as rules
from app.domain.actors import Actor
from app.domain.changes import Change, heard_by, webhook_of
from app.domain.errors import InvalidField
from app.domain.ids import new_id
from app.domain.preconditions import Precondition, unconditional
from app.integrations.webhooks import resolve_host
from app.schemas.webhooks import WebhookIn, WebhookPatch
from app.services.context import ServiceContext
from app.services.sealing import seal
from app.services.wire import instant, wire

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
    contact = await _contact_email(uow, actor, owner, body.contact_email)
    secret = new_signing_secret()
    row = WebhookSubscription(
        id=new_id(),
        customer_id=owner.customer_id,
        partner_id=owner.partner_id,
        url=body.url,
        events=sorted({e.value for e in body.events}),
        description=body.description,
        contact_email=contact,
        secret_sealed=seal(ctx.settings, SECRET_PURPOSE, secret.encode()),
        secret_prefix=_prefix_of(secret),
        is_active=True,
        consecutive_failures=0,
        created_by=actor.user_id,
        created_at=ctx.now(),
    )
    uow.webhooks.add(row)
    await uow.commit()
    return row, secret


def new_signing_secret() -> str:
    """A Standard Webhooks secret: `whsec_` and the base64 of 256 random bits."""
    return rules.standard_secret(secrets.token_bytes(rules.SECRET_BYTES))


def _prefix_of(secret: str) -> str:
    return secret[:10]


async def _contact_email(
    uow: UnitOfWork, actor: Actor, owner: rules.WebhookOwner, given: str | None
) -> str:
    """Who hears about a disabled subscription: given, else the person subscribing, else
    (an API key) the partner's helpdesk address."""
    if given is not None:
        return str(given).lower()
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


async def update(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    webhook_id: uuid.UUID,
    body: WebhookPatch,
    precondition: Precondition = unconditional,
) -> WebhookSubscription:
    """Edits the fields given; `is_active: true` re-enables a disabled subscription with a
    fresh failure count, `false` pauses it. A new URL passes the same checks as at creation."""
    row = await uow.webhooks.subscription(webhook_id, rules.owner_for(actor), lock=True)
    precondition(row)
    given = body.model_fields_set
    if "url" in given and body.url is not None and body.url != row.url:
        await check_target(ctx, body.url)
        row.url = body.url
    if "events" in given and body.events is not None:
        row.events = sorted({e.value for e in body.events})
    if "description" in given:
        row.description = body.description
    if "contact_email" in given and body.contact_email is not None:
        row.contact_email = str(body.contact_email).lower()
    if body.is_active is True and not row.is_active:
        row.is_active = True
        row.disabled_at = None
        row.consecutive_failures = 0
        row.failing_since = None
    elif body.is_active is False and row.is_active:
        row.is_active = False
        row.disabled_at = ctx.now()
    await uow.commit()
    return row


async def rotate_secret(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, webhook_id: uuid.UUID
) -> tuple[WebhookSubscription, str]:
    """Issues a new secret, answered here and never again. The one it replaces keeps
    signing next to it for `SECRET_OVERLAP`; a secret replaced before that stops at once
    (only the latest previous one is kept)."""
    row = await uow.webhooks.subscription(webhook_id, rules.owner_for(actor), lock=True)
    secret = new_signing_secret()
    row.previous_secret_sealed = row.secret_sealed
    row.previous_secret_until = ctx.now() + rules.SECRET_OVERLAP
    row.secret_sealed = seal(ctx.settings, SECRET_PURPOSE, secret.encode())
    row.secret_prefix = _prefix_of(secret)
    await uow.commit()
    return row, secret


async def _active_subscription(
    uow: UnitOfWork, actor: Actor, webhook_id: uuid.UUID
) -> WebhookSubscription:
    """The caller's subscription, refused while disabled (nothing is sent to it)."""
    row = await uow.webhooks.subscription(webhook_id, rules.owner_for(actor))
    if not row.is_active:
        raise rules.WebhookDisabled(
            f'webhook {row.id} is disabled: re-enable it with {{"is_active": true}} first'
        )
    return row


async def send_test(
    uow: UnitOfWork, ctx: ServiceContext, actor: Actor, webhook_id: uuid.UUID
) -> tuple[uuid.UUID, uuid.UUID]:
    """Queues a `webhook.test` ping for this one subscription, through the outbox like any
    event (signing, retries, the delivery log); answers (delivery id, event id)."""
    row = await _active_subscription(uow, actor, webhook_id)
    now = ctx.now()
    event_id = new_id()
    body = json.dumps(
        {
            "id": str(event_id),
            "type": rules.PING_EVENT,
            "created_at": instant(now),
            "customer_id": None,
            "data": {"webhook_id": str(row.id), "url": row.url},
        },
        separators=(",", ":"),
    )
    message_id = uow.outbox.enqueue(
        OUTBOX_KIND,
        {
            "subscription_id": str(row.id),
            "event_id": str(event_id),
            "event_type": rules.PING_EVENT,
            "body": body,
        },
        now,
    )
    await uow.commit()
    return message_id, event_id


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
    targets = [
        s.id for s in await uow.webhooks.listening(customer_id) if rules.hears(s.events, event_type)
    ]
    if not targets:
        return None

    def fanout(seq: int) -> list[tuple[str, dict[str, Any]]]:
        body = event_body(event_id, event_type, seq, now, customer_id, case, data)
        return [_message(target, event_id, event_type, body) for target in targets]

    return fanout


@dataclass(frozen=True, slots=True)
class Replayed:
    """What a replay queued: `queued` events after `after_seq`, up to `last_seq` (where
    to continue from); `more` when the bound stopped it with events left."""

    queued: int
    after_seq: int
    last_seq: int
    more: bool


async def replay(
    uow: UnitOfWork,
    ctx: ServiceContext,
    actor: Actor,
    webhook_id: uuid.UUID,
    after_seq: int,
    limit: int = rules.REPLAY_MAX_EVENTS,
) -> Replayed:
    """Queues again, for this one subscription, every change after feed position
    `after_seq` that `publish` would have sent it today — the changes of the customers
    it hears about (`rules.audience`), of the kinds it subscribes to (`heard_by`, the
    same `hears` rule), never an internal one — at most `limit`, oldest first. Each is
    the original event: the same body (`id`, `seq`, instants, data) and the same
    `webhook-id` (`rules.delivery_id_of`), so a receiver that already took it drops it."""
    row = await _active_subscription(uow, actor, webhook_id)
    limit = min(limit, rules.REPLAY_MAX_EVENTS)
    kinds = sorted(c.value for c in heard_by(row.events))
    found, last_seq = await uow.changes.read(
        rules.audience(row.customer_id, row.partner_id),
        after_seq,
        limit + 1,  # one more tells whether anything is left
        include_internal=False,
        kinds=kinds,
    )
    more = len(found) > limit
    if more:
        found = found[:limit]
        last_seq = found[-1].seq
    now = ctx.now()
    for change in found:
        event_type = webhook_of(Change(change.type), internal=change.internal)
        if event_type is None:  # the read excludes internal changes
            continue
        case = {
            "ticket_id": change.ticket_id,
            "tracking_number": change.tracking_number,
            "external_ref": change.external_ref,
        }
        body = event_body(
            change.id,
            event_type,
            change.seq,
            change.occurred_at,
            change.customer_id,
            case,
            change.data,
        )
        uow.outbox.enqueue(*_message(row.id, change.id, event_type, body), now)
    await uow.commit()
    return Replayed(len(found), after_seq, last_seq, more)


def event_body(
    event_id: uuid.UUID,
    event_type: rules.EventType,
    seq: int,
    occurred_at: datetime,
    customer_id: uuid.UUID | None,
    case: Mapping[str, Any],
    data: Mapping[str, Any],
) -> str:
    """The JSON body of a change's event, as published and as replayed."""
    return json.dumps(
        {
            "id": str(event_id),
            "type": event_type.value,
            "seq": seq,
            "created_at": instant(occurred_at),
            "customer_id": str(customer_id) if customer_id else None,
            **wire(case),
            "data": wire(data),
        },
        separators=(",", ":"),
    )


def _message(
    subscription_id: uuid.UUID, event_id: uuid.UUID, event_type: rules.EventType, body: str
) -> tuple[str, dict[str, Any]]:
    """The outbox message that sends `body` to one subscription."""
    return (
        OUTBOX_KIND,
        {
            "subscription_id": str(subscription_id),
            "delivery_id": str(rules.delivery_id_of(subscription_id, event_id)),
            "event_id": str(event_id),
            "event_type": event_type.value,
            "body": body,
        },
    )
