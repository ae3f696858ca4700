"""E-mail in (SPEC 6): what an inbound message is, and the pure rules about it.

The gateway hands the raw bytes and the SMTP envelope to `parse`; `screen` then says
whether the message is machine mail that must never create a ticket or a reply
(RFC 3834 auto-replies, bounces, mailing lists, our own mail coming back). What the
service does with a person's mail needs the database, but the choices it makes from
the data (severity, category, whether a reply may be sent) are made here.
"""

from __future__ import annotations

import email
import email.policy
import html
import re
from dataclasses import dataclass, field
from datetime import timedelta
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from enum import StrEnum

from app.domain.errors import Conflict
from app.domain.sla_policy import SlaPolicy
from app.domain.ticket_fields import Category

MAX_SUBJECT = 300
MAX_DESCRIPTION = 100_000
# One registration reply per sender and day: an auto-responder at the other end then
# sees at most one message a day from us, so no loop can build up.
REPLY_INTERVAL = timedelta(days=1)


class QuarantineReason(StrEnum):
    """Why a message did not (or not only) become a ticket or a comment."""

    AUTO_REPLY = "auto_reply"  # RFC 3834 Auto-Submitted, Precedence bulk/junk/list, …
    BOUNCE = "bounce"  # null sender, delivery status notification
    LOOP = "loop"  # our own mail, come back
    UNREGISTERED_SENDER = "unregistered_sender"  # no customer has the address or domain
    NO_ACCOUNT = "no_account"  # a registered company, but the address's user may not write
    PARTNER_FIRST = "partner_first"  # the customer raises cases through its partner
    REJECTED = "rejected"  # a process rule refused the case (no contract, vague subject, …)
    ATTACHMENTS_KEPT = "attachments_kept"  # accepted; the raw message keeps the attachments
    UNAUTHENTICATED = "unauthenticated"  # a registered sender, not proven (domain/mail_auth)
    # Mail to a level's role mailbox (escalation by e-mail, app/domain/escalation_mail.py):
    ESCALATION_UNKNOWN_SENDER = "escalation_unknown_sender"  # not a user who may write
    ESCALATION_NO_CASE = "escalation_no_case"  # no tracking number, or none the sender sees
    ESCALATION_CASE_CLOSED = "escalation_case_closed"  # the case is no longer open
    ESCALATION_REFUSED = "escalation_refused"  # another escalation rule: see `detail`


class QuarantineState(StrEnum):
    HELD = "held"
    RELEASED = "released"
    DELETED = "deleted"


# Machine mail: recorded, never answered, never a ticket (SPEC 6). Nor is mail whose
# sender is not proven: an answer would go to the person it impersonates.
SILENT_REASONS = frozenset(
    {
        QuarantineReason.AUTO_REPLY,
        QuarantineReason.BOUNCE,
        QuarantineReason.LOOP,
        QuarantineReason.UNAUTHENTICATED,
    }
)


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content_type: str
    content: bytes


@dataclass(frozen=True, slots=True)
class InboundMail:
    """A received message: the envelope and the parts of the content we use."""

    raw: bytes
    mail_from: str  # the envelope sender; "" for a bounce (`MAIL FROM:<>`)
    rcpt_to: tuple[str, ...]
    sender: str  # the From header's address, lower case ("" when missing)
    sender_name: str
    subject: str
    message_id: str | None
    headers: dict[str, str]  # lower-case names; the first value of each
    content_type: str
    text: str
    attachments: tuple[Attachment, ...] = field(default=())

    @property
    def size(self) -> int:
        return len(self.raw)

    @property
    def reply_address(self) -> str:
        """Where an answer goes: the From address, else the envelope sender."""
        return self.sender or self.mail_from.lower()


@dataclass(frozen=True, slots=True)
class OurIdentity:
    """How we recognise our own mail coming back: our addresses and our domain."""

    addresses: frozenset[str]
    domain: str


@dataclass(frozen=True, slots=True)
class SeverityChoice:
    """What a mail-created case proposes: a level, or urgency and impact for a matrix."""

    severity: int | None
    urgency: str | None = None
    impact: str | None = None


def parse(raw: bytes, mail_from: str, rcpt_to: list[str] | tuple[str, ...]) -> InboundMail:
    """Parses a message as received (RFC 5322 with MIME; `email.policy.default`)."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    headers: dict[str, str] = {}
    for name, value in message.items():
        headers.setdefault(name.lower(), _header_text(value))
    name, address = parseaddr(headers.get("from", ""))
    return InboundMail(
        raw=raw,
        mail_from=(mail_from or "").strip().strip("<>"),
        rcpt_to=tuple(r.strip().lower() for r in rcpt_to),
        sender=address.strip().lower() if "@" in address else "",
        sender_name=name.strip(),
        subject=" ".join(headers.get("subject", "").split()),
        message_id=headers.get("message-id") or None,
        headers=headers,
        content_type=message.get_content_type(),
        text=_text_of(message),
        attachments=tuple(_attachments(message)),
    )


def screen(mail: InboundMail, ours: OurIdentity) -> QuarantineReason | None:
    """Machine mail never creates a ticket or a reply (SPEC 6, RFC 3834); None for a person.

    Bounces are checked first (a bounce is also "auto-submitted"), then our own mail
    (a loop), then auto-replies and list traffic.
    """
    h = mail.headers
    if not mail.mail_from or _is_bounce(mail):
        return QuarantineReason.BOUNCE
    if _is_ours(mail, ours):
        return QuarantineReason.LOOP
    auto = h.get("auto-submitted", "").split(";", 1)[0].strip().lower()
    if auto and auto != "no":
        return QuarantineReason.AUTO_REPLY
    if h.get("precedence", "").strip().lower() in {"bulk", "junk", "list", "auto_reply"}:
        return QuarantineReason.AUTO_REPLY
    if any(name in h for name in _AUTO_REPLY_HEADERS):
        return QuarantineReason.AUTO_REPLY
    return None


def may_reply(mail: InboundMail, reason: QuarantineReason) -> bool:
    """Only a person gets an answer: never machine mail, a null sender or ourselves."""
    return reason not in SILENT_REASONS and bool(mail.mail_from) and bool(mail.reply_address)


class SenderAccount(StrEnum):
    """What the sender's address is to the customer its address or domain belongs to."""

    NONE = "none"  # no user has the address: the mail makes them an e-mail contact
    WRITER = "writer"  # a user of that customer who may write by mail
    REFUSED = "refused"  # a disabled user, or one of another organisation


def writes_by_mail(*, is_active: bool, has_password: bool) -> bool:
    """Who may raise and follow cases by e-mail: an active user, or a person known by
    address only — an e-mail contact, or an invited user yet to choose a password —
    never a disabled account (inactive, with a password)."""
    return is_active or not has_password


def sender_standing(
    *, registered: bool, account: SenderAccount, partner_supported: bool
) -> QuarantineReason | None:
    """Whether a person's mail may raise a case (SPEC 6, 4.1.6); None when it may.

    The address or its domain must be registered for a customer that is not
    partner-supported, and the address must not belong to a user who may not write. A
    registered address without a user raises the case as an e-mail contact of the
    customer: a user without a password, who may sign up later and keep their cases.
    """
    if not registered:
        return QuarantineReason.UNREGISTERED_SENDER
    if partner_supported:
        return QuarantineReason.PARTNER_FIRST
    if account is SenderAccount.REFUSED:
        return QuarantineReason.NO_ACCOUNT
    return None


def contact_name(mail: InboundMail) -> str:
    """An e-mail contact's name: the From header's display name, else the local part."""
    name = mail.sender_name.strip() or mail.sender.split("@", 1)[0]
    return name[:200] or mail.sender[:200]


class QuarantinedMailNotHeld(Conflict):
    """A message is released or deleted once: a decided one stays as decided."""

    type_slug = "quarantined-mail-not-held"
    title = "This message is no longer held"


def require_held(state: QuarantineState | str) -> None:
    if QuarantineState(state) is not QuarantineState.HELD:
        raise QuarantinedMailNotHeld(
            f"the message was already {QuarantineState(state).value}; nothing changed",
            state=QuarantineState(state).value,
        )


def default_severity(policy: SlaPolicy) -> SeverityChoice:
    """A mail says nothing structured about severity, so it proposes the mildest case.

    Without a matrix that is the policy's lowest severity (the highest level number);
    with a matrix, urgency and impact medium: the middle of the grid. Staff adjust it
    with the usual severity-change rules (SPEC 4.1.1).
    """
    if policy.priority_matrix is not None:
        return SeverityChoice(None, urgency="medium", impact="medium")
    return SeverityChoice(max(s.level for s in policy.severities))


def emergency_severity(policy: SlaPolicy) -> SeverityChoice:
    """An emergency proposes the most severe case (its routing makes it Severity 1)."""
    if policy.priority_matrix is not None:
        return SeverityChoice(None, urgency="high", impact="high")
    return SeverityChoice(min(s.level for s in policy.severities))


def reply_text(
    mail: InboundMail,
    reason: QuarantineReason,
    *,
    portal_url: str,
    detail: str | None = None,
    partner_name: str | None = None,
    partner_contact: str | None = None,
) -> tuple[str, str]:
    """The subject and text of the one automatic answer to a person (SPEC 6)."""
    kept = (
        "Your message is kept, not lost: our support staff can still pick it up. "
        "This is an automatic answer, sent at most once a day."
    )
    subject = f"Re: {mail.subject}" if mail.subject else "Your message to support"
    if reason is QuarantineReason.PARTNER_FIRST:
        name = partner_name or "your partner helpdesk"
        via = f" ({partner_contact})" if partner_contact else ""
        text = (
            f"Hello,\n\nyour company is supported by {name}, so cases are raised through "
            f"{name}'s helpdesk{via}, who will contact us for you.\n\n{kept}"
        )
    elif reason is QuarantineReason.NO_ACCOUNT:
        # The address is registered: say so, never that it is unknown (issue 13).
        text = (
            f"Hello,\n\nwe received your message. {mail.reply_address} belongs to a company "
            "registered with SupportDesk, but its account may not raise cases by e-mail "
            "(it is disabled, or belongs to another organisation), so no case was opened."
            "\n\nPlease ask your company's SupportDesk administrator to enable the account, "
            f"or raise the case in the portal: {portal_url}\n\n{kept}"
        )
    elif reason in _ESCALATION_REPLIES:
        text = (
            f"Hello,\n\nwe could not open an escalation from your message: "
            f"{_ESCALATION_REPLIES[reason]}{f' ({detail})' if detail else ''}.\n\n"
            f"{ESCALATION_FORMAT}\n\nYou can also escalate the case in the portal: "
            f"{portal_url}\n\n{kept}"
        )
    elif reason is QuarantineReason.REJECTED:
        text = (
            "Hello,\n\nwe could not open a case from your message: "
            f"{detail or 'it breaks a support rule'}.\n\nPlease send it again with that "
            f"corrected, or raise the case in the portal: {portal_url}\n\n{kept}"
        )
    else:
        text = (
            f"Hello,\n\nwe received your message, but {mail.reply_address} is not "
            "registered with SupportDesk, so no case was opened.\n\nTo raise cases by "
            f"e-mail, sign up with your company e-mail address at {portal_url}/signup (your "
            "company must have registered its e-mail domain with us), or ask your "
            "company's SupportDesk administrator to add you. Then send your message again."
            f"\n\n{kept}"
        )
    return subject, text


ESCALATION_FORMAT = (
    "An escalation by e-mail comes from a user who may see the case, quotes its tracking "
    "number (e.g. in the subject: [SD-2027-000123]) and may state, each on its own line: "
    '"Reason:" (not understood, inadequate solution, recurring incidents, reputation risk, '
    'recurrence, data loss, poor experience), "Impact:", "Progress:" and "Related:" case '
    "numbers."
)
_ESCALATION_REPLIES = {
    QuarantineReason.ESCALATION_UNKNOWN_SENDER: (
        "your address is not one of a user who may see the case"
    ),
    QuarantineReason.ESCALATION_NO_CASE: (
        "it names no case you may see (quote the case's tracking number)"
    ),
    QuarantineReason.ESCALATION_CASE_CLOSED: (
        "the case is no longer open; raise a new case first, then escalate that one"
    ),
    QuarantineReason.ESCALATION_REFUSED: "it breaks an escalation rule",
}


_CATEGORY_WORDS = (
    (re.compile(r"\bconfig(uration)?[ -]change\b", re.IGNORECASE), Category.CONFIGURATION_CHANGE),
    (re.compile(r"\bfeature[ -]request\b", re.IGNORECASE), Category.FEATURE_REQUEST),
    (re.compile(r"\b(incident|outage)\b", re.IGNORECASE), Category.INCIDENT),
)


def category_of(subject: str, *, emergency: bool = False) -> Category:
    """`question` unless the subject names another category; an emergency is an incident.

    Only the subject counts: a quoted thread in the body says too much to trust words.
    """
    if emergency:
        return Category.INCIDENT
    for pattern, category in _CATEGORY_WORDS:
        if pattern.search(subject):
            return category
    return Category.QUESTION


def ticket_subject(mail: InboundMail) -> str:
    """The subject without reply/forward prefixes, within the ticket's limit."""
    subject = _PREFIXES.sub("", mail.subject).strip() or "(no subject)"
    return subject[:MAX_SUBJECT]


def ticket_description(mail: InboundMail) -> str:
    """The text body within the ticket's limit; the subject when the body is empty."""
    text = mail.text.strip() or mail.subject.strip() or "(empty message)"
    return text[:MAX_DESCRIPTION]


def html_to_text(markup: str) -> str:
    """A readable text of an HTML body: no markup, scripts or styles; paragraphs kept."""
    markup = re.sub(r"(?is)<(script|style|head)\b.*?</\1\s*>", " ", markup)
    markup = re.sub(r"(?i)<br\s*/?>", "\n", markup)
    markup = re.sub(r"(?i)</(p|div|li|tr|h[1-6])\s*>", "\n\n", markup)
    text = html.unescape(re.sub(r"(?s)<[^>]+>", " ", markup))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def address_domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].lower() if "@" in address else ""


def recipients_of(value: str) -> list[str]:
    return [addr.lower() for _, addr in getaddresses([value]) if addr]


_PREFIXES = re.compile(r"^\s*((re|aw|fw|fwd|wg|sv|antw)\s*(\[\d+\])?\s*:\s*)+", re.IGNORECASE)
_AUTO_REPLY_HEADERS = ("x-autoreply", "x-autorespond", "x-auto-response-suppress")
_BOUNCE_SENDERS = ("mailer-daemon@", "postmaster@")


def _is_bounce(mail: InboundMail) -> bool:
    h = mail.headers
    if mail.content_type == "multipart/report":
        return True
    if "x-failed-recipients" in h or "x-ms-exchange-message-is-ndr" in h:
        return True
    return mail.sender.startswith(_BOUNCE_SENDERS) or mail.mail_from.lower().startswith(
        _BOUNCE_SENDERS
    )


def _is_ours(mail: InboundMail, ours: OurIdentity) -> bool:
    if any(name.startswith("x-supportdesk-") for name in mail.headers):
        return True
    if mail.sender in ours.addresses or mail.mail_from.lower() in ours.addresses:
        return True
    message_id = (mail.message_id or "").strip().strip("<>").lower()
    return bool(ours.domain) and message_id.endswith("@" + ours.domain)


def _header_text(value: object) -> str:
    return " ".join(str(value).split())


def _text_of(message: EmailMessage) -> str:
    """Prefer text/plain; else the HTML body converted to text."""
    try:
        part = message.get_body(preferencelist=("plain", "html"))
        if part is None:
            return ""
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError):
        return ""
    text = content if isinstance(content, str) else ""
    if part.get_content_type() == "text/html":
        return html_to_text(text)
    return text.replace("\r\n", "\n").strip()


def _attachments(message: EmailMessage) -> list[Attachment]:
    found = []
    for part in message.iter_attachments():
        try:
            content = part.get_payload(decode=True)
        except (LookupError, ValueError):
            continue
        if isinstance(content, bytes):
            found.append(
                Attachment(
                    filename=part.get_filename() or "attachment",
                    content_type=part.get_content_type(),
                    content=content,
                )
            )
    return found
