"""Bicom: e-mail tickets, business days over a CET and an EST office, weekends on call (SPEC 9)."""

from __future__ import annotations

from app.domain.presets.kit import (
    BUSINESS,
    CONTINUOUS,
    ContractTemplate,
    Document,
    Preset,
    level,
    severities,
    shift,
    target,
    working_day,
)

BICOM_CALENDAR: Document = {
    "name": "Bicom CET + EST offices",
    "shifts": [
        shift("CET office", "Europe/Berlin", "09:00", "17:00", "DE"),
        shift("EST office", "America/New_York", "09:00", "17:00", "US"),
    ],
}


def bicom() -> Preset:
    # With both offices open 09:00-17:00 the union is 08:00-22:00 UTC in winter: 840
    # business minutes, so "24 h on business days" is exactly one working day.
    day = working_day(BICOM_CALENDAR)
    policy = {
        "name": "Bicom",
        "severities": severities(
            (
                "Emergency",
                "At least half of your calls fail. E-mail the emergency address with URGENT "
                "in the subject; the on-call engineer is paged. If review finds it was not an "
                "emergency, the case is chargeable.",
            ),
            ("Urgent", "A main function fails or is badly degraded, with no workaround."),
            ("Normal", "Other faults, questions and requests."),
        ),
        "targets": [
            target(1, "reaction", 60, CONTINUOUS),
            target(2, "reaction", 24 * 60, CONTINUOUS, by_period={"NBH2": 60}),
            target(3, "reaction", day, BUSINESS),
        ],
    }
    contract = ContractTemplate(
        "Standard",
        ("email", "portal"),
        (
            level(1, "support_manager", "Support Manager", mailbox="supportmanager"),
            level(
                2, "customer_service_manager", "Customer Service Manager", mailbox="customerservice"
            ),
        ),
        None,
        "Tickets by e-mail from registered addresses. Set `emergency_address` to the "
        "mailbox that receives URGENT e-mails. Outcomes per the support charter; a critical "
        "bug carries a patch commitment within 24 h. The seed names no update interval.",
    )
    description = (
        "Bicom: a reply within 24 h on business days, whose hours span a CET office "
        "(Europe/Berlin) and an EST office (America/New_York), each assumed Mon-Fri "
        "09:00-17:00 with its country's public holidays. Normal: 1 working day of business "
        f"time ({day} min, = 24 h while no weekend intervenes). Weekends on call: Urgent uses "
        "a continuous clock of 24 h, but 1 h when the case starts in NBH2 (a weekend or "
        "holiday at both offices). Emergency: assumption, 1 h around the clock - the on-call "
        "promise, and no weaker on business days when staff are present."
    )
    return Preset("bicom", "Bicom", description, BICOM_CALENDAR, policy, contract)
