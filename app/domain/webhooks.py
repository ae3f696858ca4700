"""Webhook rules (SPEC 6): who owns a subscription, which targets are allowed, when to
give up on a failing one, what a signing secret is and which secrets sign a delivery.
Pure: the DNS lookup and the HTTP call happen elsewhere."""

from __future__ import annotations

import base64
import binascii
import ipaddress
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from app.domain.actors import Actor, Role, Scope, ScopeKind, Side
from app.domain.errors import Conflict, Forbidden, InvalidField

# The event type of `POST /v1/webhooks/{id}/test`: sent to that one subscription, whatever
# events it asked for, through the same outbox and signing as every event.
PING_EVENT = "webhook.test"
# Standard Webhooks (https://www.standardwebhooks.com): `whsec_` + the base64 of the key.
SECRET_PREFIX = "whsec_"  # noqa: S105 (a marker, not a secret)
SECRET_BYTES = 32
# After a rotation the previous secret keeps signing (next to the new one) this long.
SECRET_OVERLAP = timedelta(hours=24)


class EventType(StrEnum):
    """Every event a subscription may ask for; publishers name one of these."""

    TICKET_CREATED = "ticket.created"
    TICKET_UPDATED = "ticket.updated"
    TICKET_COMMENT_ADDED = "ticket.comment_added"
    TICKET_STATE_CHANGED = "ticket.state_changed"
    SLA_WARNING = "sla.warning"
    SLA_BREACHED = "sla.breached"
    ESCALATION_CREATED = "escalation.created"
    ESCALATION_UPDATED = "escalation.updated"
    TICKET_EMERGENCY = "ticket.emergency"
    TICKET_SEVERITY_CHANGE_PROPOSED = "ticket.severity_change_proposed"
    TICKET_SEVERITY_CHANGED = "ticket.severity_changed"
    TICKET_SEVERITY_CHANGE_ACCEPTED = "ticket.severity_change_accepted"
    TICKET_SEVERITY_CHANGE_REJECTED = "ticket.severity_change_rejected"
    TICKET_SEVERITY_CHANGE_DISPUTED = "ticket.severity_change_disputed"
    TICKET_SEVERITY_DECIDED = "ticket.severity_decided"
    TICKET_SEVERITY_RECLASSIFIED = "ticket.severity_reclassified"
    TICKET_ATTACHMENT_ADDED = "ticket.attachment_added"
    TICKET_CALL_RECORDED = "ticket.call_recorded"
    TICKET_RELEASED_FROM_QUARANTINE = "ticket.released_from_quarantine"
    ALL = "*"  # a subscription to every type, present and future (never published)


def hears(subscribed: Collection[str], event: EventType) -> bool:
    """Whether a subscription to `subscribed` receives `event`."""
    return event.value in subscribed or EventType.ALL.value in subscribed


# Replay (`POST /v1/webhooks/{id}/replay`) queues at most this many events per call.
REPLAY_MAX_EVENTS = 10_000
_DELIVERIES = uuid.UUID("5d0c4a90-0017-5eb0-a6d5-7e1a9b0de11e")  # names delivery ids


def delivery_id_of(subscription_id: uuid.UUID, event_id: uuid.UUID) -> uuid.UUID:
    """The `webhook-id` of an event sent to a subscription: the same for the first send,
    every retry and every replay of it, so a receiver that keeps the ids it processed
    drops a replayed copy; different per subscription, so the delivery log of one never
    mixes with another's."""
    return uuid.uuid5(_DELIVERIES, f"{subscription_id}/{event_id}")


class OwnerKind(StrEnum):
    VENDOR = "vendor"
    PARTNER = "partner"
    CUSTOMER = "customer"


@dataclass(frozen=True, slots=True)
class WebhookOwner:
    """Whose subscriptions: the vendor's (every customer), a partner's, or one company's."""

    kind: OwnerKind
    org_id: uuid.UUID | None = None

    @property
    def customer_id(self) -> uuid.UUID | None:
        return self.org_id if self.kind is OwnerKind.CUSTOMER else None

    @property
    def partner_id(self) -> uuid.UUID | None:
        return self.org_id if self.kind is OwnerKind.PARTNER else None


class WebhookUrlInvalid(InvalidField):
    type_slug = "webhook-url-invalid"
    title = "The webhook URL is not valid"

    def __init__(self, detail: str) -> None:
        super().__init__("url", detail)


class WebhookUrlMustUseHttps(WebhookUrlInvalid):
    """Payloads carry case data: in production they travel over TLS only."""

    type_slug = "webhook-url-must-use-https"
    title = "The webhook URL must use https"


class WebhookTargetNotPublic(WebhookUrlInvalid):
    """A target inside our own network would let a subscriber probe it (SSRF)."""

    type_slug = "webhook-target-not-public"
    title = "The webhook target is not a public address"


class WebhookHostUnresolvable(WebhookUrlInvalid):
    type_slug = "webhook-host-unresolvable"
    title = "The webhook host name does not resolve"


class WebhookDisabled(Conflict):
    """The subscription is disabled (after repeated failures, or by its owner): nothing is
    delivered to it. Re-enable it with `PATCH /v1/webhooks/{id}` and `{"is_active": true}`."""

    type_slug = "webhook-disabled"
    title = "The webhook subscription is disabled"


def audience(customer_id: uuid.UUID | None, partner_id: uuid.UUID | None) -> Scope:
    """The customers a subscription hears about, as a tenancy scope: a company's own, a
    partner's customers', or (vendor-wide) every one — who `listening` finds for a change."""
    if customer_id is not None:
        return Scope(ScopeKind.CUSTOMER, customer_id)
    if partner_id is not None:
        return Scope(ScopeKind.PARTNER, partner_id)
    return Scope(ScopeKind.ALL)


def owner_for(actor: Actor) -> WebhookOwner:
    """Partners subscribe for their customers, a customer admin for the company, an admin
    vendor-wide; nobody else manages webhooks."""
    if actor.side is Side.PARTNER and actor.partner_id is not None:
        return WebhookOwner(OwnerKind.PARTNER, actor.partner_id)
    if actor.role is Role.CUSTOMER_ADMIN and actor.customer_id is not None:
        return WebhookOwner(OwnerKind.CUSTOMER, actor.customer_id)
    if actor.is_admin:
        return WebhookOwner(OwnerKind.VENDOR)
    raise Forbidden(
        "webhooks are managed by a partner, a customer administrator or an administrator"
    )


def check_target_url(
    scheme: str,
    host: str | None,
    *,
    has_credentials: bool,
    production: bool,
    port: int | None = None,
) -> None:
    """The URL's shape: http(s), a host, no embedded credentials, a port one can connect
    to; https in production."""
    if scheme not in ("http", "https") or not host:
        raise WebhookUrlInvalid("the URL must be an absolute http(s) URL with a host")
    if has_credentials:
        raise WebhookUrlInvalid("the URL must not embed a user name or password")
    if port is not None and not 1 <= port <= 65535:
        raise WebhookUrlInvalid(f"port {port} cannot be connected to (1-65535)")
    if production and scheme != "https":
        raise WebhookUrlMustUseHttps("webhook URLs must use https")


def is_connectable(address: str) -> bool:
    """An address a TCP connection can reach at all: not the unspecified address, not
    multicast, not the IPv4 broadcast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    broadcast = isinstance(ip, ipaddress.IPv4Address) and ip == ipaddress.IPv4Address(
        "255.255.255.255"
    )
    return not (ip.is_unspecified or ip.is_multicast or broadcast)


def literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The host as an IP address when it is one (`[::1]` included), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def is_public(address: str) -> bool:
    """A globally routable unicast address; IPv4-mapped IPv6 is judged by its IPv4."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_reserved
        or ip.is_multicast
        or ip.is_unspecified
    )


def check_target_addresses(host: str, addresses: list[str], *, allow_private: bool = False) -> str:
    """Every address the host resolves to must be public (one private one is enough to
    reach inside) — unless private targets are allowed — and connectable. Answers the
    address to connect to: the one checked, never a second lookup (DNS rebinding)."""
    if not addresses:
        raise WebhookHostUnresolvable(f"{host} does not resolve to any address")
    private = sorted({a for a in addresses if not is_public(a)})
    if private and not allow_private:
        raise WebhookTargetNotPublic(
            f"{host} resolves to a non-public address ({', '.join(private)}): webhooks are "
            "delivered to public internet addresses only"
        )
    impossible = sorted({a for a in addresses if not is_connectable(a)})
    if impossible:  # 0.0.0.0, multicast, broadcast: refused even where private is allowed
        raise WebhookUrlInvalid(
            f"{host} resolves to an address no receiver can listen on ({', '.join(impossible)})"
        )
    return addresses[0]


@dataclass(frozen=True, slots=True)
class DisablePolicy:
    failures: int
    failing_for: timedelta


def should_disable(
    consecutive_failures: int, failing_since: datetime | None, now: datetime, policy: DisablePolicy
) -> bool:
    """Enough failures in a row, for long enough: the receiver is gone, stop trying."""
    if consecutive_failures < policy.failures or failing_since is None:
        return False
    return now - failing_since >= policy.failing_for


def standard_secret(key: bytes) -> str:
    """A Standard Webhooks secret for an HMAC key: `whsec_<base64 of the key>`."""
    return SECRET_PREFIX + base64.b64encode(key).decode()


def is_legacy_secret(secret: str) -> bool:
    """Secrets issued before Standard Webhooks were `whsec_` + 43 URL-safe characters
    (`secrets.token_urlsafe(32)`), keyed as the whole string's UTF-8. 43 characters are
    never strict base64 (not a multiple of 4), so the two forms cannot be confused."""
    try:
        base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    except (binascii.Error, ValueError):
        return True
    return not secret.startswith(SECRET_PREFIX)


def signing_key(secret: str) -> bytes:
    """The HMAC-SHA256 key of a stored secret: the decoded base64 of a Standard Webhooks
    secret; for a legacy secret, the bytes the old scheme keyed with (the whole string),
    so that its receivers keep their key: its Standard Webhooks form is
    `standard_secret(secret.encode())`."""
    if is_legacy_secret(secret):
        return secret.encode()
    return base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)


def signing_secrets(
    current: str, previous: str | None, previous_until: datetime | None, now: datetime
) -> tuple[str, ...]:
    """The secrets that sign a delivery at `now`: the current one first, and the previous
    one while the rotation's overlap lasts (`previous_until` is exclusive)."""
    if previous is not None and previous_until is not None and now < previous_until:
        return (current, previous)
    return (current,)


@dataclass(frozen=True, slots=True)
class WebhookTarget:
    """What a delivery needs: where to, and the secrets to sign with (the current one
    first; during a rotation's overlap the previous one too)."""

    subscription_id: uuid.UUID
    url: str
    secrets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DeliveryAttempt:
    """One attempt, as the delivery log records it."""

    subscription_id: uuid.UUID
    delivery_id: uuid.UUID
    event_id: uuid.UUID
    event_type: str
    status_code: int | None
    error: str | None
    duration_ms: int
    attempted_at: datetime

    @property
    def succeeded(self) -> bool:
        return self.error is None and self.status_code is not None and 200 <= self.status_code < 300
