"""Aarenet Standard and Premium: fault classes 1-4, HCMC business hours (SPEC 9)."""

from __future__ import annotations

from app.domain.presets.kit import (
    BUSINESS,
    CONTINUOUS,
    MONTH,
    ContractTemplate,
    Document,
    Preset,
    level,
    severities,
    shift,
    target,
    working_day,
)

AARENET_CALENDAR: Document = {
    "name": "Aarenet HCMC",
    "shifts": [shift("HCMC", "Asia/Ho_Chi_Minh", "08:00", "18:00", "VN")],
}
# The agreement's fault classes, each with its own description and example.
AARENET_CLASSES = severities(
    (
        "Critical",
        "Complete failure or severe disruption of the whole system that stops the "
        "service, e.g. total outage: subscribers can no longer make or receive calls.",
    ),
    (
        "High",
        "Severe disruption of parts of the system, or of important functions, "
        "while the service as a whole keeps running, e.g. system failure that causes loss "
        "of redundancy.",
    ),
    (
        "Medium",
        "Disruption of individual functions with limited effect on the service, "
        "e.g. a feature fails for some subscribers, or a workaround keeps the service usable.",
    ),
    (
        "Minor",
        "No disruption of the service, e.g. cosmetic faults, documentation errors, "
        "questions and configuration requests.",
    ),
)
AARENET_NOTES = (
    "Fault classes 1 Critical, 2 High, 3 Medium, 4 Minor; the agreement's class 2 wording "
    "and example are quoted, the others are written in its style (assumption). "
    "BH Mon-Fri 08:00-18:00 Asia/Ho_Chi_Minh; NBH1 weekday nights; NBH2 weekends and "
    "Vietnamese public holidays. 'Restore' is the temporary repair: a fault is solved when "
    "cleared, when a workaround restores service, or by mutual downgrade. 1 working day = "
    "600 business minutes (08:00-18:00); 1 month = 30 continuous days. Escalation: Regional "
    "Operations Manager, then Regional Director."
)


def _aarenet_common(day: int) -> list[Document]:
    """Classes 3 and 4, the same in Standard and Premium."""
    return [
        target(3, "reaction", 120, BUSINESS),
        target(3, "restore", 5 * day, BUSINESS),
        target(4, "reaction", day, BUSINESS),
        target(4, "restore", MONTH, CONTINUOUS),
    ]


# "An incident report must include ... A number, B number, date and time of the call,
# call failure reason" (the Aarenet agreement).
AARENET_REQUIRED_FACTS = ("a_number", "b_number", "failed_call_at", "failure_reason")


def _aarenet_chain() -> tuple[Document, ...]:
    return (
        level(1, "regional_ops_manager", "Regional Operations Manager"),
        level(2, "director", "Regional Director"),
    )


def aarenet_standard() -> Preset:
    day = working_day(AARENET_CALENDAR)
    policy = {
        "name": "Aarenet Standard",
        "severities": AARENET_CLASSES,
        "targets": [
            target(1, "reaction", 30, BUSINESS),
            target(1, "restore", 120, BUSINESS),
            target(2, "reaction", 30, BUSINESS),
            target(2, "restore", 480, BUSINESS),
            *_aarenet_common(day),
        ],
    }
    contract = ContractTemplate(
        "Standard",
        ("portal", "email", "phone"),
        _aarenet_chain(),
        None,
        "Hotline in business hours. The process names no update interval; none is set.",
        required_facts=AARENET_REQUIRED_FACTS,
    )
    description = "Aarenet Standard: every target counts business hours. " + AARENET_NOTES
    return Preset(
        "aarenet-standard", "Aarenet Standard", description, AARENET_CALENDAR, policy, contract
    )


def aarenet_premium() -> Preset:
    day = working_day(AARENET_CALENDAR)
    policy = {
        "name": "Aarenet Premium",
        "severities": AARENET_CLASSES,
        "targets": [
            target(1, "reaction", 30, CONTINUOUS),
            target(1, "restore", 120, CONTINUOUS),
            target(2, "reaction", 30, CONTINUOUS),
            target(2, "restore", 480, BUSINESS),
            *_aarenet_common(day),
        ],
    }
    contract = ContractTemplate(
        "Premium",
        ("portal", "email", "phone"),
        _aarenet_chain(),
        120,
        "24/7 hotline. Assumption: severe cases are updated at least every 2 hours "
        "(the class 1 restore time, around the clock).",
        required_facts=AARENET_REQUIRED_FACTS,
    )
    description = (
        "Aarenet Premium: classes 1 and 2 reaction 30 min around the clock (continuous), "
        "class 1 restore 2 h around the clock, class 2 restore 8 h BH, classes 3 and 4 as "
        "Standard. " + AARENET_NOTES
    )
    return Preset(
        "aarenet-premium", "Aarenet Premium", description, AARENET_CALENDAR, policy, contract
    )
