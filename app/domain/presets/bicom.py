"""Bicom: e-mail tickets, hours of business over a CET and an EST shift, on call (SPEC 9)."""

from __future__ import annotations

from app.domain.presets.kit import (
    BUSINESS,
    CONTINUOUS,
    ContractTemplate,
    Document,
    Preset,
    hours,
    level,
    severities,
    target,
)

# "Hours of business: Monday-Thursday 7 AM CET - 6 AM CET the next morning; Fridays
# 7 AM CET - 10 PM CET; Sunday-Monday 5 PM EST - 1 AM EST." The night shifts are two
# windows each: 07:00-24:00 on the day, 00:00-06:00 on the next morning.
CET_SHIFT: Document = {
    "name": "CET shift (Sarajevo)",
    "timezone": "Europe/Sarajevo",
    "hours": [
        hours(("mon", "tue", "wed", "thu"), "07:00", "24:00"),
        hours(("tue", "wed", "thu", "fri"), "00:00", "06:00"),
        hours(("fri",), "07:00", "22:00"),
    ],
    # Sarajevo lies in the Federation of Bosnia and Herzegovina.
    "holidays": {"country": "BA", "subdivision": "BIH"},
    "closed_dates": [],
}
# Read as the one night from Sunday into Monday: 17:00 EST Sunday is 23:00 CET and
# 01:00 EST Monday is 07:00 CET, exactly when the CET shift opens the week.
EST_SHIFT: Document = {
    "name": "EST shift (New York)",
    "timezone": "America/New_York",
    "hours": [hours(("sun",), "17:00", "24:00"), hours(("mon",), "00:00", "01:00")],
    "holidays": {"country": "US", "subdivision": None},
    "closed_dates": [],
}
BICOM_CALENDAR: Document = {"name": "Bicom hours of business", "shifts": [CET_SHIFT, EST_SHIFT]}
REPLY_MINUTES = 24 * 60  # "replied to within 24 hours on business days"
ON_CALL_MINUTES = 60  # "weekends: ... EMERGENCY and URGENT tickets within 1 hour"


def bicom() -> Preset:
    policy = {
        "name": "Bicom",
        "severities": severities(
            (
                "Emergency",
                "At least 50 % of your calls fail. Send the ticket to the emergency address "
                "with URGENT in the subject: an engineer answers within 1 hour, day and night, "
                "weekends included. If our review finds it was not an emergency, the work is "
                "chargeable.",
            ),
            (
                "Urgent",
                "A service-affecting fault that is not an emergency (fewer than 50 % of calls "
                "fail): a main function such as call routing, a trunk, voicemail or the "
                "control panel fails or is badly degraded, with no workaround. At weekends the "
                "on-call engineer answers within 1 hour.",
            ),
            (
                "Normal",
                "Any other fault, question or request, e.g. a feature that misbehaves for one "
                "extension, a configuration question. Replied to within 24 hours on business "
                "days.",
            ),
        ),
        "targets": [
            target(1, "reaction", ON_CALL_MINUTES, CONTINUOUS),
            target(
                2,
                "reaction",
                REPLY_MINUTES,
                CONTINUOUS,
                by_period={"NBH1": ON_CALL_MINUTES, "NBH2": ON_CALL_MINUTES},
            ),
            target(3, "reaction", REPLY_MINUTES, BUSINESS),
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
        "Bicom, hours of business as the agreement publishes them: a CET shift "
        "(Europe/Sarajevo, public holidays of the Federation of Bosnia and Herzegovina) "
        "Mon-Thu 07:00 - 06:00 the next morning (07:00-24:00 and 00:00-06:00) and Fri "
        "07:00-22:00, and an EST shift (America/New_York, US holidays) from Sunday 17:00 to "
        "Monday 01:00 ('Sunday-Monday 5 PM - 1 AM EST' read as that one night, which hands "
        "over to the CET shift at 07:00 CET). Normal: replied to within 24 h on business "
        "days = 1440 business minutes of these hours. Emergency: 1 h around the clock. "
        "Urgent: 1 h when raised outside the hours of business (the on-call engineer at "
        "weekends; NBH1 is included because Sunday before 17:00 New York time is NBH1, the "
        "EST shift working that Sunday evening), else 24 h by the clock. Assumptions: the "
        "urgent business-day reply counts all hours (24 h), and a holiday of either shift "
        "closes that shift's whole local date, a night's 00:00-06:00 tail included."
    )
    return Preset("bicom", "Bicom", description, BICOM_CALENDAR, policy, contract)
