"""iPass: 24x7x365 follow-the-sun, Sev 1 shortened by a phone call, local holidays (SPEC 9)."""

from __future__ import annotations

from app.domain.presets.kit import (
    CONTINUOUS,
    WEEKDAYS,
    ContractTemplate,
    Document,
    Parameter,
    Preset,
    hours,
    level,
    severities,
    target,
)

# The agreement's support desk is in Bruges: its local time unless the customer's is given.
DEFAULT_TIMEZONE, DEFAULT_COUNTRY = "Europe/Brussels", "BE"
IPASS_PARAMETERS = (
    Parameter(
        "timezone",
        "The customer's IANA time zone: weekends are read in it ('1 hour on weekends and "
        "local public holidays').",
        DEFAULT_TIMEZONE,
        "shifts[0].timezone",
    ),
    Parameter(
        "country",
        "The customer's country (ISO 3166-1 alpha-2) whose public holidays count as NBH2.",
        DEFAULT_COUNTRY,
        "shifts[0].holidays.country",
    ),
    Parameter(
        "subdivision",
        "The state or province within `country` whose regional holidays count too.",
        None,
        "shifts[0].holidays.subdivision",
    ),
)


def ipass_calendar(timezone: str, country: str, subdivision: str | None) -> Document:
    """Whole days Mon-Fri in the customer's local time (Appendix A): every weekday is BH,
    weekends and the customer's public holidays NBH2."""
    where = country if subdivision is None else f"{country}-{subdivision}"
    return {
        "name": f"iPass 24x7x365, local time {timezone} ({where} holidays)",
        "shifts": [
            {
                "name": "Customer local time",
                "timezone": timezone,
                "hours": [hours(WEEKDAYS, "00:00", "24:00")],
                "holidays": {"country": country, "subdivision": subdivision},
                "closed_dates": [],
            }
        ],
    }


def ipass(
    timezone: str = DEFAULT_TIMEZONE,
    country: str = DEFAULT_COUNTRY,
    subdivision: str | None = None,
) -> Preset:
    policy = {
        "name": "iPass",
        "severities": severities(
            (
                "High",
                "Authentication infrastructure down: no user can connect. E.g. every login "
                "is rejected, or the service cannot be reached from any network.",
            ),
            (
                "Medium",
                "Service degraded but users can still work: some users, sites or networks "
                "cannot connect, or a major function fails. E.g. logins fail in one country "
                "or on one access network.",
            ),
            (
                "Low",
                "Minor fault, question or request; users can connect. E.g. a report shows "
                "wrong figures, a how-to question, a configuration change (in writing).",
            ),
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
        "iPass severities 1-3, 24x7x365 follow-the-sun: every clock is continuous. Sev 1 "
        "reaction: 1 h by case only; when a verified phone call follows, call time + 15 min "
        "if sooner, but + 60 min when the call is on a weekend or a local public holiday "
        "(NBH2). Sev 2 8 h, Sev 3 12 h. 'Local' is the customer's: apply with `timezone`, "
        "`country` and `subdivision` (default Europe/Brussels with Belgian holidays, the "
        "agreement's desk being in Bruges). The calendar is whole days Mon-Fri 00:00-24:00 "
        "of that local time (Appendix A), so weekdays are BH and weekends and holidays NBH2. "
        "Severity examples are written in the agreement's style (assumption)."
    )
    return Preset(
        "ipass",
        "iPass 24x7x365",
        description,
        ipass_calendar(timezone, country, subdivision),
        policy,
        contract,
        IPASS_PARAMETERS,
    )
