"""iPass: 24x7x365 follow-the-sun, Sev 1 shortened by a phone call (SPEC 9)."""

from __future__ import annotations

from app.domain.presets.kit import (
    CONTINUOUS,
    WEEKDAYS,
    ContractTemplate,
    Document,
    Preset,
    level,
    severities,
    target,
)

IPASS_CALENDAR: Document = {
    "name": "iPass 24x7 follow-the-sun",
    "shifts": [
        {
            "name": "Follow-the-sun",
            "timezone": "America/Los_Angeles",
            "hours": [{"days": list(WEEKDAYS), "start": "00:00", "end": "24:00"}],
            "holidays": {"country": "US", "subdivision": None},
            "closed_dates": [],
        }
    ],
}


def ipass() -> Preset:
    policy = {
        "name": "iPass",
        "severities": severities(
            ("High", "Authentication infrastructure down: no user can connect"),
            ("Medium", "Some users or sites cannot connect, or a major function fails."),
            ("Low", "A minor fault, a question or a request; users can connect."),
        ),
        "targets": [
            target(
                1,
                "reaction",
                60,
                CONTINUOUS,
                after_phone_call={"minutes": 15, "by_period": {"NBH2": 60}},
            ),
            target(2, "reaction", 8 * 60, CONTINUOUS),
            target(3, "reaction", 12 * 60, CONTINUOUS),
        ],
    }
    contract = ContractTemplate(
        "24x7x365",
        ("portal", "email", "api", "phone"),
        (
            level(
                1,
                "support_manager",
                "Manager of Technical Support / escalation contact of your time zone",
            ),
            level(2, "director", "Director"),
        ),
        60,
        "Callers authenticate through the portal before any action; configuration changes "
        "in writing. The customer's or partner's helpdesk comes first: give the customer a "
        "partner. Assumption: Sev 1 cases are updated at least hourly.",
    )
    description = (
        "iPass severities 1-3, 24x7x365 follow-the-sun: every clock is continuous. The "
        "calendar is written as whole days Mon-Fri 00:00-24:00 (Appendix A), so weekdays are "
        "BH and weekends and public holidays NBH2. Sev 1 reaction: 1 h by case only; when a "
        "verified phone call follows, call time + 15 min if sooner (+60 min when the call is "
        "on a weekend or public holiday). Sev 2 8 h, Sev 3 12 h. Assumption: the calendar "
        "uses America/Los_Angeles and US holidays; 'local public holidays' are the "
        "customer's, so set the shift's time zone and country to the customer's."
    )
    return Preset("ipass", "iPass 24x7x365", description, IPASS_CALENDAR, policy, contract)
