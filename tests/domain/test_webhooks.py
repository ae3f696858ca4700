"""Webhook rules without a database: owners, target addresses, giving up, secrets and
their rotation (SPEC 6)."""

from __future__ import annotations

import base64
import secrets
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.actors import Actor, Role, Scope, ScopeKind
from app.domain.errors import Forbidden
from app.domain.webhooks import (
    SECRET_OVERLAP,
    DisablePolicy,
    OwnerKind,
    WebhookHostUnresolvable,
    WebhookTargetNotPublic,
    WebhookUrlInvalid,
    WebhookUrlMustUseHttps,
    audience,
    check_target_addresses,
    check_target_url,
    delivery_id_of,
    is_legacy_secret,
    is_public,
    owner_for,
    should_disable,
    signing_key,
    signing_secrets,
    standard_secret,
)

ORG = uuid.UUID(int=7)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_each_kind_of_caller_owns_its_own_subscriptions() -> None:
    assert owner_for(Actor(Role.PARTNER_AGENT, partner_id=ORG)).partner_id == ORG
    assert owner_for(Actor(Role.PARTNER_AGENT, partner_id=ORG, api_key_id=ORG)).kind is (
        OwnerKind.PARTNER
    )
    assert owner_for(Actor(Role.CUSTOMER_ADMIN, customer_id=ORG)).customer_id == ORG
    vendor = owner_for(Actor(Role.ADMIN))
    assert vendor.kind is OwnerKind.VENDOR and vendor.customer_id is vendor.partner_id is None


@pytest.mark.parametrize("role", [Role.CUSTOMER_USER, Role.AGENT, Role.DIRECTOR])
def test_other_roles_do_not_manage_webhooks(role: Role) -> None:
    with pytest.raises(Forbidden):
        owner_for(Actor(role, customer_id=ORG))


def test_urls_are_http_or_https_without_credentials() -> None:
    check_target_url("http", "hooks.example", has_credentials=False, production=False)
    with pytest.raises(WebhookUrlInvalid):
        check_target_url("ftp", "hooks.example", has_credentials=False, production=False)
    with pytest.raises(WebhookUrlInvalid):
        check_target_url("https", None, has_credentials=False, production=False)
    with pytest.raises(WebhookUrlInvalid):
        check_target_url("https", "hooks.example", has_credentials=True, production=False)


def test_production_demands_https() -> None:
    check_target_url("https", "hooks.example", has_credentials=False, production=True)
    with pytest.raises(WebhookUrlMustUseHttps):
        check_target_url("http", "hooks.example", has_credentials=False, production=True)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",  # noqa: S104 (an address we refuse)
        "224.0.0.1",
        "240.0.0.1",
        "::1",
        "fe80::1%eth0",
        "fc00::1",
        "::ffff:10.0.0.1",
        "2001:db8::1",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public(address)
    with pytest.raises(WebhookTargetNotPublic):
        check_target_addresses("hooks.example", ["93.184.215.14", address])


def test_public_addresses_are_allowed() -> None:
    check_target_addresses(
        "hooks.example", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]
    )


def test_a_host_that_resolves_to_nothing_is_refused() -> None:
    with pytest.raises(WebhookHostUnresolvable):
        check_target_addresses("nowhere.invalid", [])


def test_a_subscription_is_disabled_after_enough_failures_for_long_enough() -> None:
    policy = DisablePolicy(failures=3, failing_for=timedelta(hours=1))
    since = NOW - timedelta(hours=2)
    assert not should_disable(2, since, NOW, policy)
    assert not should_disable(50, NOW - timedelta(minutes=5), NOW, policy)  # a burst
    assert should_disable(3, since, NOW, policy)
    assert not should_disable(3, None, NOW, policy)


@pytest.mark.parametrize("port", [0, 65536])
def test_a_port_nobody_can_listen_on_is_refused(port: int) -> None:
    with pytest.raises(WebhookUrlInvalid):
        check_target_url(
            "https", "hooks.example", has_credentials=False, production=False, port=port
        )


@pytest.mark.parametrize("address", ["0.0.0.0", "224.0.0.1", "255.255.255.255", "ff02::1"])  # noqa: S104
def test_an_address_nobody_can_listen_on_is_refused_even_where_private_is_allowed(
    address: str,
) -> None:
    with pytest.raises(WebhookUrlInvalid):
        check_target_addresses("hooks.example", [address], allow_private=True)


def test_the_checked_address_is_the_one_to_connect_to() -> None:
    assert check_target_addresses("hooks.example", ["93.184.215.14"]) == "93.184.215.14"
    assert check_target_addresses("lan.example", ["10.0.0.7"], allow_private=True) == "10.0.0.7"


def test_a_standard_secret_is_whsec_and_the_base64_of_its_key() -> None:
    key = bytes(range(32))
    secret = standard_secret(key)
    assert secret == "whsec_" + base64.b64encode(key).decode()
    assert not is_legacy_secret(secret)
    assert signing_key(secret) == key


def test_a_secret_from_before_standard_webhooks_keeps_its_key() -> None:
    """`whsec_` + token_urlsafe(32) (43 characters, never strict base64) keyed with the
    whole string's bytes, as the old scheme did; its standard form carries the same key."""
    for _ in range(200):  # URL-safe characters or not, never mistaken for base64
        legacy = "whsec_" + secrets.token_urlsafe(32)
        assert is_legacy_secret(legacy)
        assert signing_key(legacy) == legacy.encode()
        assert signing_key(standard_secret(legacy.encode())) == legacy.encode()


def test_the_previous_secret_signs_only_during_the_overlap() -> None:
    until = NOW + SECRET_OVERLAP
    assert timedelta(hours=24) == SECRET_OVERLAP
    assert signing_secrets("new", "old", until, NOW) == ("new", "old")
    assert signing_secrets("new", "old", until, until - timedelta(seconds=1)) == ("new", "old")
    assert signing_secrets("new", "old", until, until) == ("new",)
    assert signing_secrets("new", None, None, NOW) == ("new",)


def test_an_event_keeps_its_webhook_id_per_subscription() -> None:
    hook, other, event = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    assert delivery_id_of(hook, event) == delivery_id_of(hook, event)  # first send, replay
    assert delivery_id_of(hook, event) != delivery_id_of(other, event)
    assert delivery_id_of(hook, event) != delivery_id_of(hook, uuid.uuid4())


def test_a_subscription_hears_about_its_owners_customers() -> None:
    company, partner = uuid.uuid4(), uuid.uuid4()
    assert audience(company, None) == Scope(ScopeKind.CUSTOMER, company)
    assert audience(None, partner) == Scope(ScopeKind.PARTNER, partner)
    assert audience(None, None) == Scope(ScopeKind.ALL)
