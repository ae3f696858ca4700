"""Is an inbound message's sender the one its From header names? (issue 11, point 13)

We do not check SPF, DKIM or DMARC ourselves: the receiving mail server in front of the
gateway does, and records what it found in an RFC 8601 `Authentication-Results` header
naming itself by its authserv-id. We trust only the topmost such header of the one
server configured (`SUPPORTDESK_MAIL_TRUSTED_AUTHSERV_ID`), which must remove headers
claiming its id from incoming mail (RFC 8601 section 5); a header anybody else wrote is
ignored. The From address is authenticated when, by that header,

* DMARC passed for the From domain (a DMARC failure is final), or else
* DKIM passed with a signing domain aligned with the From domain, or
* SPF passed for an envelope sender aligned with the From domain

(alignment relaxed: the same domain, or one a subdomain of the other). Anything else,
or no trusted header at all, is unauthenticated. Pure: the caller passes the message.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import Sequence
from dataclasses import dataclass

import authres

HEADER = "Authentication-Results"


@dataclass(frozen=True, slots=True)
class SenderAuthentication:
    """The verdict on a From address, and why (kept with a quarantined message)."""

    authenticated: bool
    reason: str


def authentication_results(raw: bytes) -> list[str]:
    """Every Authentication-Results value of a raw message, topmost (newest) first."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    return [" ".join(str(v).split()) for v in message.get_all(HEADER) or []]


def verify_sender(
    sender: str, results: Sequence[str], trusted_authserv_id: str | None
) -> SenderAuthentication:
    """Whether `sender` (the From address) is proven by the trusted server's results."""
    if "@" not in sender:
        return _no("the message has no From address")
    if not trusted_authserv_id:
        return _no(f"{sender}: no receiving mail server is trusted to authenticate senders")
    header = _trusted_header(results, trusted_authserv_id.strip().lower())
    if header is None:
        return _no(f"{sender}: no Authentication-Results from {trusted_authserv_id}")
    domain = _domain(sender)
    seen: list[str] = []
    passed: str | None = None
    for result in header.results:
        method, outcome = str(result.method).lower(), str(result.result).lower()
        props = {f"{p.type}.{p.name}".lower(): str(p.value) for p in result.properties}
        seen.append(f"{method}={outcome}")
        if method == "dmarc" and _aligned(domain, props.get("header.from", domain)):
            if outcome == "pass":
                return SenderAuthentication(True, f"dmarc=pass for {domain}")
            if outcome == "fail":
                return _no(f"{sender}: dmarc=fail for {domain}")
        aligned = {"dkim": "header.d", "spf": "smtp.mailfrom"}.get(method)
        if aligned and outcome == "pass" and _aligned(domain, props.get(aligned, "")):
            passed = passed or f"{method}=pass aligned with {domain}"
    if passed is not None:
        return SenderAuthentication(True, passed)
    found = ", ".join(seen) or "no results"
    return _no(f"{sender}: {trusted_authserv_id} did not authenticate {domain} ({found})")


def _trusted_header(
    results: Sequence[str], authserv_id: str
) -> authres.AuthenticationResultsHeader | None:
    for value in results:
        try:
            header = authres.AuthenticationResultsHeader.parse_value(value)
        except authres.AuthResError:
            continue  # unparseable: it proves nothing
        if str(header.authserv_id).lower() == authserv_id:
            return header
    return None


def _domain(value: str) -> str:
    return value.rsplit("@", 1)[-1].strip().strip(".").lower()


def _aligned(from_domain: str, other: str) -> bool:
    """Relaxed alignment, without a public-suffix list: equal, or one inside the other."""
    other = _domain(other)
    if not other:
        return False
    inside = from_domain.endswith("." + other) and "." in other
    return from_domain == other or inside or other.endswith("." + from_domain)


def _no(reason: str) -> SenderAuthentication:
    return SenderAuthentication(False, reason)
