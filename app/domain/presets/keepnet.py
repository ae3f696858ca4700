"""Keepnet: a US and a UK centre, priority from urgency x impact (SPEC 9)."""

from __future__ import annotations

from app.domain.presets.kit import (
    BUSINESS,
    ContractTemplate,
    Document,
    Preset,
    level,
    severities,
    shift,
    target,
    working_day,
)

# Listed UK first: its local days give "1 working day" (the union is 720 minutes a day).
KEEPNET_CALENDAR: Document = {
    "name": "Keepnet US + UK centres",
    "shifts": [
        shift("UK centre", "Europe/London", "09:00", "18:00", "GB", "ENG"),
        shift("US centre", "America/New_York", "06:00", "16:00", "US"),
    ],
}
SCORE = {"high": 1, "medium": 2, "low": 3}


def priority_matrix() -> list[Document]:
    """Urgency x impact -> priority by the sum of ratings: 2 P1, 3 P2, 4 P3, 5 or 6 P4."""
    return [
        {"urgency": u, "impact": i, "severity": min(SCORE[u] + SCORE[i] - 1, 4)}
        for u in SCORE
        for i in SCORE
    ]


def keepnet() -> Preset:
    day = working_day(KEEPNET_CALENDAR)
    policy = {
        "name": "Keepnet",
        "severities": severities(
            (
                "P1 Critical",
                "High urgency and high impact: work has stopped for your company or a whole "
                "department, e.g. no one can sign in or the service is down.",
            ),
            (
                "P2 High",
                "High urgency with medium impact, or medium urgency with high impact, e.g. a "
                "main function fails for a team and the work cannot wait.",
            ),
            (
                "P3 Medium",
                "High urgency with low impact, medium with medium, or low urgency with high "
                "impact, e.g. some users are affected, or a workaround exists.",
            ),
            (
                "P4 Low",
                "Medium urgency with low impact, low with medium, or low with low, e.g. "
                "questions, requests, cosmetic issues.",
            ),
        ),
        "priority_matrix": priority_matrix(),
        "targets": [
            target(1, "reaction", 60, BUSINESS),
            target(1, "resolution", day, BUSINESS),
            target(2, "reaction", 4 * 60, BUSINESS),
            target(2, "resolution", 3 * day, BUSINESS),
            target(3, "reaction", day, BUSINESS),
            target(3, "resolution", 10 * day, BUSINESS),
            target(4, "reaction", 2 * day, BUSINESS),
            target(4, "resolution", 20 * day, BUSINESS),
        ],
    }
    contract = ContractTemplate(
        "Standard",
        ("portal", "email", "api", "phone"),
        (
            level(1, "support_manager", "Support Manager"),
            level(2, "customer_service_manager", "Customer Service Manager"),
        ),
        None,
        "Customers sign up, verify their e-mail and use the portal to create, track, "
        "withdraw (delete) and reopen requests. Telephone 08:30-17:30 UK time. Assumption: "
        "escalation Support Manager, then Customer Service Manager (the seed names none).",
    )
    description = (
        "Keepnet: priority P1-P4 from an urgency x impact matrix (high/medium/low); each "
        "priority's definition names the matrix cells that give it. Tickets "
        "are worked by the US centre (06:00-16:00 America/New_York, US holidays) and the UK "
        "centre (09:00-18:00 Europe/London, England holidays); business time is their union, "
        "so an out-of-hours ticket counts from the next centre to open. Assumed targets (the "
        f"seed gives none), business time, 1 working day = {day} min: P1 reaction 1 h, "
        "resolution 1 working day; P2 4 h / 3 working days; P3 1 / 10 working days; P4 2 / 20 "
        "working days."
    )
    return Preset("keepnet", "Keepnet", description, KEEPNET_CALENDAR, policy, contract)
