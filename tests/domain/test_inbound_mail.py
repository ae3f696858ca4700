"""E-mail in (SPEC 6): parsing and the classification rules, without a database."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from app.domain.errors import DomainError
from app.domain.inbound_mail import (
    InboundMail,
    OurIdentity,
    QuarantineReason,
    QuarantineState,
    SenderAccount,
    category_of,
    contact_name,
    default_severity,
    emergency_severity,
    html_to_text,
    may_reply,
    parse,
    reply_text,
    require_held,
    screen,
    sender_standing,
    ticket_description,
    ticket_subject,
    writes_by_mail,
)
from app.domain.sla_policy import policy_from_document
from app.domain.ticket_fields import Category

OURS = OurIdentity(
    frozenset({"support@supportdesk.localhost", "emergency@supportdesk.localhost"}),
    "supportdesk.localhost",
)


def mail(
    *,
    mail_from: str = "lan@acme.com",
    subject: str = "PBX cannot dial PSTN numbers",
    body: str = "No outbound call connects.",
    html: str | None = None,
    headers: dict[str, str] | None = None,
    attachment: bytes | None = None,
) -> InboundMail:
    msg = EmailMessage()
    msg["From"] = f"Lan <{mail_from or 'lan@acme.com'}>"
    msg["To"] = "support@supportdesk.localhost"
    msg["Subject"] = subject
    msg["Message-ID"] = "<abc@acme.com>"
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    if attachment is not None:
        msg.add_attachment(attachment, maintype="text", subtype="plain", filename="trace.log")
    return parse(msg.as_bytes(), mail_from, ["support@supportdesk.localhost"])


def test_a_person_s_mail_passes_the_screen() -> None:
    assert screen(mail(), OURS) is None


@pytest.mark.parametrize("value", ["auto-replied", "auto-generated", "auto-notified; owner"])
def test_rfc_3834_auto_submitted_mail_is_an_auto_reply(value: str) -> None:
    assert screen(mail(headers={"Auto-Submitted": value}), OURS) is QuarantineReason.AUTO_REPLY


def test_auto_submitted_no_is_a_person() -> None:
    assert screen(mail(headers={"Auto-Submitted": "no"}), OURS) is None


@pytest.mark.parametrize("value", ["bulk", "junk", "list", "Bulk"])
def test_list_and_bulk_precedence_is_an_auto_reply(value: str) -> None:
    assert screen(mail(headers={"Precedence": value}), OURS) is QuarantineReason.AUTO_REPLY


def test_auto_response_suppress_is_an_auto_reply() -> None:
    m = mail(headers={"X-Auto-Response-Suppress": "All"})
    assert screen(m, OURS) is QuarantineReason.AUTO_REPLY


def test_the_null_sender_is_a_bounce() -> None:
    assert screen(mail(mail_from=""), OURS) is QuarantineReason.BOUNCE


def test_a_mailer_daemon_or_failed_recipients_header_is_a_bounce() -> None:
    assert screen(mail(mail_from="MAILER-DAEMON@mx.acme.com"), OURS) is QuarantineReason.BOUNCE
    m = mail(headers={"X-Failed-Recipients": "x@acme.com"})
    assert screen(m, OURS) is QuarantineReason.BOUNCE


def test_our_own_mail_coming_back_is_a_loop() -> None:
    assert screen(mail(mail_from="support@supportdesk.localhost"), OURS) is QuarantineReason.LOOP
    m = mail(headers={"X-SupportDesk-Quarantine": "0193"})
    assert screen(m, OURS) is QuarantineReason.LOOP


def test_a_message_id_in_our_domain_is_a_loop() -> None:
    m = mail()
    ours = parse(
        m.raw.replace(b"<abc@acme.com>", b"<x.1@supportdesk.localhost>"),
        m.mail_from,
        list(m.rcpt_to),
    )
    assert screen(ours, OURS) is QuarantineReason.LOOP


def test_machine_mail_is_never_answered_and_a_person_is() -> None:
    m = mail()
    assert may_reply(m, QuarantineReason.UNREGISTERED_SENDER)
    for reason in (QuarantineReason.AUTO_REPLY, QuarantineReason.BOUNCE, QuarantineReason.LOOP):
        assert not may_reply(m, reason)
    assert not may_reply(mail(mail_from=""), QuarantineReason.UNREGISTERED_SENDER)


def test_sender_standing_follows_registration_partner_and_account() -> None:
    NONE, WRITER, REFUSED = SenderAccount.NONE, SenderAccount.WRITER, SenderAccount.REFUSED
    assert sender_standing(registered=False, account=NONE, partner_supported=False) == (
        QuarantineReason.UNREGISTERED_SENDER
    )
    assert sender_standing(registered=True, account=WRITER, partner_supported=True) == (
        QuarantineReason.PARTNER_FIRST
    )
    assert sender_standing(registered=True, account=NONE, partner_supported=True) == (
        QuarantineReason.PARTNER_FIRST
    )
    assert sender_standing(registered=True, account=REFUSED, partner_supported=False) == (
        QuarantineReason.NO_ACCOUNT
    )
    assert sender_standing(registered=True, account=WRITER, partner_supported=False) is None


def test_a_registered_address_without_an_account_raises_the_case_as_an_email_contact() -> None:
    # SPEC 6: "Mail from a registered address or domain creates a ticket".
    assert (
        sender_standing(registered=True, account=SenderAccount.NONE, partner_supported=False)
        is None
    )
    raw = b"From: Lan Nguyen <lan@acme.com>\r\nSubject: PBX down\r\n\r\nNo calls.\r\n"
    assert contact_name(parse(raw, "lan@acme.com", [])) == "Lan Nguyen"
    bare = raw.replace(b"Lan Nguyen <lan@acme.com>", b"lan@acme.com")
    assert contact_name(parse(bare, "lan@acme.com", [])) == "lan"


def test_active_users_and_contacts_write_by_mail_but_not_a_disabled_account() -> None:
    assert writes_by_mail(is_active=True, has_password=True)
    assert writes_by_mail(is_active=False, has_password=False)  # a contact, or invited
    assert not writes_by_mail(is_active=False, has_password=True)  # disabled


def test_the_reply_never_says_a_registered_address_is_unregistered() -> None:
    m = mail()
    for reason in (
        QuarantineReason.NO_ACCOUNT,
        QuarantineReason.PARTNER_FIRST,
        QuarantineReason.REJECTED,
    ):
        _, text = reply_text(m, reason, portal_url="https://p", detail="a rule")
        assert "not registered" not in text, reason
    _, text = reply_text(m, QuarantineReason.NO_ACCOUNT, portal_url="https://p")
    assert "registered with SupportDesk" in text and "administrator" in text


def test_plain_text_is_preferred_to_html() -> None:
    m = mail(body="plain words", html="<p>html words</p>")
    assert m.text == "plain words"


def test_an_html_only_body_becomes_text() -> None:
    msg = EmailMessage()
    msg["From"] = "lan@acme.com"
    msg["Subject"] = "Trunk down since 9"
    msg.set_content(
        "<html><head><style>p{}</style></head><body><p>Trunk&nbsp;2 is down.</p>"
        "<script>x()</script><p>Since 09:10<br>all calls</p></body></html>",
        subtype="html",
    )
    m = parse(msg.as_bytes(), "lan@acme.com", ["support@supportdesk.localhost"])
    assert m.text == "Trunk 2 is down.\n\nSince 09:10\nall calls"


def test_html_to_text_drops_markup() -> None:
    assert html_to_text("<b>a</b> &amp; <i>b</i>") == "a & b"


def test_attachments_are_parsed() -> None:
    m = mail(attachment=b"trace line")
    assert [(a.filename, a.content) for a in m.attachments] == [("trace.log", b"trace line")]


def test_the_ticket_subject_loses_reply_prefixes_and_the_description_is_never_empty() -> None:
    m = mail(subject="RE: Fwd: PBX cannot dial out", body="")
    assert ticket_subject(m) == "PBX cannot dial out"
    assert ticket_description(m) == "RE: Fwd: PBX cannot dial out"


def test_the_category_is_a_question_unless_the_subject_says_otherwise() -> None:
    assert category_of("How do I set up call forwarding") is Category.QUESTION
    assert category_of("Configuration change: add trunk 3") is Category.CONFIGURATION_CHANGE
    assert category_of("Feature request: CSV export") is Category.FEATURE_REQUEST
    assert category_of("Incident on trunk 2") is Category.INCIDENT
    assert category_of("anything", emergency=True) is Category.INCIDENT


LEVELS = [{"level": n, "name": f"S{n}"} for n in (1, 2, 3)]


def test_mail_proposes_the_lowest_severity_without_a_matrix() -> None:
    policy = policy_from_document({"name": "p", "severities": LEVELS})
    assert default_severity(policy).severity == 3
    assert emergency_severity(policy).severity == 1


def test_mail_proposes_medium_urgency_and_impact_with_a_matrix() -> None:
    cells = [
        {"urgency": u, "impact": i, "severity": 2}
        for u in ("high", "medium", "low")
        for i in ("high", "medium", "low")
    ]
    policy = policy_from_document({"name": "p", "severities": LEVELS, "priority_matrix": cells})
    choice = default_severity(policy)
    assert (choice.severity, choice.urgency, choice.impact) == (None, "medium", "medium")
    assert emergency_severity(policy).urgency == "high"


def test_only_a_held_message_is_released_or_deleted() -> None:
    require_held(QuarantineState.HELD)
    with pytest.raises(DomainError) as caught:
        require_held("deleted")
    assert caught.value.type_slug == "quarantined-mail-not-held"
    assert caught.value.status == 409


def test_the_reply_tells_a_stranger_how_to_register_and_a_partner_customer_where_to_go() -> None:
    m = mail(mail_from="x@elsewhere.org")
    subject, text = reply_text(m, QuarantineReason.UNREGISTERED_SENDER, portal_url="https://p")
    assert subject == "Re: PBX cannot dial PSTN numbers"
    assert "https://p/signup" in text and "administrator" in text
    _, text = reply_text(
        m,
        QuarantineReason.PARTNER_FIRST,
        portal_url="https://p",
        partner_name="Helpline",
        partner_contact="desk@helpline.com",
    )
    assert "Helpline's helpdesk (desk@helpline.com)" in text
