"""AVA: priorities 1-4; the seed leaves the working hours open (SPEC 9)."""

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
)

AVA_CALENDAR: Document = {
    "name": "AVA normal working hours (assumed)",
    "shifts": [shift("AVA support", "Europe/Berlin", "08:00", "17:00", "DE")],
}


def ava() -> Preset:
    policy = {
        "name": "AVA",
        "severities": severities(
            (
                "P1 Network down",
                "Network down: the network or the service is down, no calls or no "
                "connectivity for your users. Resources are assigned immediately.",
            ),
            (
                "P2 Severe",
                "The network is up but seriously degraded, or a main function fails for many "
                "users with no workaround, e.g. one site or trunk group cannot call out. "
                "Handled within 1 hour.",
            ),
            (
                "P3 Minor",
                "Limited impact: a function fails for some users, or a workaround exists, "
                "e.g. a feature misbehaves on some phones. Handled within 6 hours of normal "
                "working hours.",
            ),
            (
                "P4 Configuration / planning",
                "Configuration and planning questions, and informational requests (closed "
                "with your approval). Handled within 24 hours of normal working hours.",
            ),
        ),
        "targets": [
            target(1, "reaction", 15, CONTINUOUS),
            target(2, "reaction", 60, CONTINUOUS),
            target(3, "reaction", 6 * 60, BUSINESS),
            target(4, "reaction", 24 * 60, BUSINESS),
        ],
    }
    contract = ContractTemplate(
        "Support package with IM and phone",
        ("portal", "email", "chat", "phone"),
        (level(1, "support_manager", "Support Manager"), level(2, "director", "Director")),
        60,
        "IM (chat) and phone are included by this support package; a package without them "
        "lists only portal and e-mail. Assumptions: severe cases updated at least hourly; "
        "escalation Support Manager, then Director (the seed names no chain).",
    )
    description = (
        "AVA priorities 1-4; P1 (network down) and P4 (configuration/planning questions) "
        "are the agreement's, P2 and P3 are defined in its style (assumption). Assumptions "
        "(the seed leaves them open): normal working hours "
        "Mon-Fri 08:00-17:00 Europe/Berlin with German public holidays; P1 'resources "
        "immediately' is measured as a 15-minute reaction around the clock; P2 'within 1 h' "
        "counts all time (continuous); P3 6 h and P4 24 h count normal working hours only "
        "(business clock: 360 and 1440 business minutes). Informational requests close with "
        "the customer's approval."
    )
    return Preset("ava", "AVA", description, AVA_CALENDAR, policy, contract)
