"""Inbound mail as our receiving mail server hands it on: with its Authentication-Results.

The test settings trust `TRUSTED_AUTHSERV_ID` (conftest), as production trusts its own
receiving server; tests of registered senders send what that server would write after
checking DMARC, so the real sender check runs on every inbound message.
"""

from __future__ import annotations

from email.utils import parseaddr

TRUSTED_AUTHSERV_ID = "mx.supportdesk.test"


def authentication_results(
    sender: str, *, dmarc: str = "pass", authserv_id: str = TRUSTED_AUTHSERV_ID
) -> str:
    """An RFC 8601 header value for `sender`'s domain with the given DMARC result."""
    domain = parseaddr(sender)[1].rsplit("@", 1)[-1]  # "Name <a@b>" or a bare address
    return f"{authserv_id}; dmarc={dmarc} header.from={domain}"
