"""Sender authentication of inbound mail from a trusted Authentication-Results (RFC 8601)."""

from __future__ import annotations

import pytest

from app.domain.mail_auth import authentication_results, verify_sender

MX = "mx.supportdesk.test"


def verdict(*results: str, sender: str = "lan@acme.com", trusted: str | None = MX) -> bool:
    return verify_sender(sender, list(results), trusted).authenticated


def test_dmarc_pass_for_the_from_domain_authenticates() -> None:
    assert verdict(f"{MX}; dmarc=pass (p=reject) header.from=acme.com")
    assert verdict(f"{MX.upper()}; dmarc=pass header.from=ACME.com")


def test_nothing_is_authenticated_without_a_trusted_server() -> None:
    assert not verdict(f"{MX}; dmarc=pass header.from=acme.com", trusted=None)
    assert not verdict()


def test_a_header_from_any_other_server_proves_nothing() -> None:
    assert not verdict("mx.attacker.example; dmarc=pass header.from=acme.com")


def test_only_the_topmost_trusted_header_counts() -> None:
    # Our server's own header is on top; a forged one further down is not read.
    assert not verdict(
        f"{MX}; dmarc=fail header.from=acme.com", f"{MX}; dmarc=pass header.from=acme.com"
    )


def test_dmarc_fail_is_final_even_with_a_passing_spf() -> None:
    assert not verdict(
        f"{MX}; spf=pass smtp.mailfrom=lan@acme.com; dmarc=fail header.from=acme.com"
    )


@pytest.mark.parametrize(
    "results",
    [
        f"{MX}; dkim=pass header.d=acme.com header.s=sel; dmarc=none header.from=acme.com",
        f"{MX}; dkim=pass header.d=acme.com",
        f"{MX}; dkim=pass header.d=mail.acme.com",
        f"{MX}; spf=pass smtp.mailfrom=bounces@acme.com",
    ],
)
def test_an_aligned_dkim_or_spf_pass_authenticates_without_dmarc(results: str) -> None:
    assert verdict(results)


@pytest.mark.parametrize(
    "results",
    [
        f"{MX}; dkim=pass header.d=mailer.example",  # signed, but by someone else
        f"{MX}; spf=pass smtp.mailfrom=bounce@sendgrid.example",
        f"{MX}; dkim=pass header.d=com",
        f"{MX}; dkim=fail header.d=acme.com; spf=softfail smtp.mailfrom=acme.com",
        f"{MX}; dmarc=pass header.from=other.example",
        f"{MX}; none",
        f"{MX} ;;; not a header",
    ],
)
def test_anything_else_is_unauthenticated(results: str) -> None:
    assert not verdict(results)


def test_the_reason_names_the_sender_and_what_was_found() -> None:
    result = verify_sender("lan@acme.com", [f"{MX}; spf=fail smtp.mailfrom=acme.com"], MX)
    assert not result.authenticated
    assert "lan@acme.com" in result.reason and "spf=fail" in result.reason
    ok = verify_sender("lan@acme.com", [f"{MX}; dmarc=pass header.from=acme.com"], MX)
    assert ok.reason == "dmarc=pass for acme.com"


def test_every_header_of_a_raw_message_is_read_topmost_first() -> None:
    raw = (
        b"Authentication-Results: mx.supportdesk.test;\r\n dmarc=pass header.from=acme.com\r\n"
        b"Authentication-Results: other.example; none\r\n"
        b"From: lan@acme.com\r\nSubject: hi\r\n\r\nbody\r\n"
    )
    assert authentication_results(raw) == [
        "mx.supportdesk.test; dmarc=pass header.from=acme.com",
        "other.example; none",
    ]
    assert verdict(*authentication_results(raw))
