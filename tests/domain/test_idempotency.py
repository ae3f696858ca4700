"""Idempotency-Key rules without a database (SPEC 6)."""

from __future__ import annotations

import pytest

from app.domain.idempotency import (
    IdempotencyKeyInvalid,
    check_key,
    fingerprint,
    should_remember,
)


def test_a_key_has_1_to_200_printable_characters() -> None:
    assert check_key("0193-abc") == "0193-abc"
    assert check_key("k" * 200)
    for bad in ("", "k" * 201, "line\nbreak"):
        with pytest.raises(IdempotencyKeyInvalid):
            check_key(bad)


def test_json_bodies_are_compared_by_content() -> None:
    a = fingerprint("POST", "/v1/customers", "", b'{"name": "ACME", "type": "soho"}')
    b = fingerprint("POST", "/v1/customers", "", b'{"type":"soho","name":"ACME"}')
    assert a == b
    assert a != fingerprint("POST", "/v1/customers", "", b'{"name": "ACME 2", "type": "soho"}')
    assert a != fingerprint("POST", "/v1/partners", "", b'{"name": "ACME", "type": "soho"}')
    assert a != fingerprint("POST", "/v1/customers", "x=1", b'{"name": "ACME", "type": "soho"}')


def test_other_bodies_are_compared_byte_for_byte() -> None:
    form = b"username=a%40b.com&password=x"
    assert fingerprint("POST", "/v1/auth/token", "", form) == fingerprint(
        "POST", "/v1/auth/token", "", form
    )
    assert fingerprint("POST", "/p", "", b"ab") != fingerprint("POST", "/p", "", b"a b")


def test_only_successes_are_remembered() -> None:
    assert should_remember(200) and should_remember(201) and should_remember(303)
    assert not should_remember(404) and not should_remember(409) and not should_remember(422)
    assert not should_remember(500) and not should_remember(503) and not should_remember(429)
