"""A new case: informative subject, category, telephony facts in E.164 (SPEC 4)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import InvalidField
from app.domain.ticket_fields import (
    CallFactsRequired,
    Category,
    HowWidespread,
    NewCaseFacts,
    SubjectNotInformative,
    check_subject,
    normalise_number,
    validate_new_case,
)
from app.domain.tracking import (
    TrackingNumber,
    find_tracking_number,
    format_tracking_number,
    parse_tracking_number,
)

NOW = datetime(2027, 1, 5, 10, 0, tzinfo=UTC)
CALL_AT = datetime(2027, 1, 5, 9, 12, tzinfo=timezone(timedelta(hours=1)))


def case(**overrides: Any) -> NewCaseFacts:
    fields: dict[str, Any] = {
        "subject": "PBX – not able to dial PSTN destinations",
        "description": "Since 09:10 no outbound call to PSTN numbers connects.",
        "category": "incident",
        "now": NOW,
    }
    fields.update(overrides)
    return validate_new_case(**fields)


def test_incident_about_calls_is_normalised() -> None:
    facts = case(
        a_number="+41 44 668 18 00",
        b_number="0041 58 280 11 11",
        failed_call_at=CALL_AT,
        how_widespread="all_users",
        reproducible=True,
        reproduction_steps=" Dial any PSTN number. ",
        test_calls_allowed=True,
    )
    assert facts.category is Category.INCIDENT
    assert facts.about_calls
    assert (facts.a_number, facts.b_number) == ("+41446681800", "+41582801111")
    assert facts.failed_call_at == datetime(2027, 1, 5, 8, 12, tzinfo=UTC)
    assert facts.how_widespread is HowWidespread.ALL_USERS
    assert facts.reproduction_steps == "Dial any PSTN number."
    assert facts.telephony_document()["failed_call_at"] == "2027-01-05T08:12:00+00:00"


def test_national_numbers_use_the_customers_country() -> None:
    facts = case(about_calls=False, a_number="044 668 18 00", default_region="ch")
    assert facts.a_number == "+41446681800"


def test_national_number_without_a_region_must_be_international() -> None:
    with pytest.raises(InvalidField) as caught:
        case(a_number="044 668 18 00", b_number="+41582801111", failed_call_at=CALL_AT)
    assert caught.value.field == "a_number"
    assert "international form" in caught.value.detail


@pytest.mark.parametrize("raw", ["+41 12", "not a number", "+999 123 456 789"])
def test_invalid_numbers_name_the_field(raw: str) -> None:
    with pytest.raises(InvalidField) as caught:
        normalise_number(raw, "b_number")
    assert caught.value.field == "b_number"


def test_incident_about_calls_requires_both_numbers_and_the_call_time() -> None:
    with pytest.raises(CallFactsRequired) as caught:
        case(a_number="+41446681800")
    error = caught.value
    assert (error.status, error.type_slug, error.field) == (422, "call-facts-required", "b_number")
    assert error.extra["missing"] == ["b_number", "failed_call_at"]


def test_explicitly_about_calls_with_nothing_given_is_refused() -> None:
    with pytest.raises(CallFactsRequired) as caught:
        case(about_calls=True)
    assert caught.value.extra["missing"] == ["a_number", "b_number", "failed_call_at"]


def test_incident_not_about_calls_needs_no_call_facts() -> None:
    assert not case().about_calls


def test_a_question_mentioning_a_number_needs_no_other_facts() -> None:
    facts = case(category="question", a_number="+41446681800")
    assert facts.about_calls and facts.b_number is None


def test_a_failed_call_in_the_future_is_refused() -> None:
    with pytest.raises(InvalidField) as caught:
        case(about_calls=False, failed_call_at=NOW + timedelta(hours=1))
    assert caught.value.field == "failed_call_at"


def test_reproducible_says_how() -> None:
    with pytest.raises(InvalidField) as caught:
        case(reproducible=True)
    assert caught.value.field == "reproduction_steps"
    assert case(reproducible=False).reproducible is False


@pytest.mark.parametrize(
    ("field", "value"), [("category", "outage"), ("how_widespread", "everyone")]
)
def test_unknown_choices_name_the_field(field: str, value: str) -> None:
    with pytest.raises(InvalidField) as caught:
        case(**{field: value})
    assert caught.value.field == field


def test_description_cannot_be_blank() -> None:
    with pytest.raises(InvalidField) as caught:
        case(description="   ")
    assert caught.value.field == "description"


@pytest.mark.parametrize(
    "subject",
    [
        "PBX – not able to dial PSTN destinations",
        "SIP trunk registration fails",
        "NO AUDIO ON INBOUND CALLS",
        "Voicemail not delivered by e-mail",
    ],
)
def test_informative_subjects_pass(subject: str) -> None:
    assert check_subject(f"  {subject}  ") == subject


@pytest.mark.parametrize(
    "subject",
    [
        "",
        "Help",
        "PBX down",
        "a b c",
        "URGENT HELP PLEASE!!!",
        "problem problem problem",
        "Re: Fwd: issue 12",
    ],
)
def test_uninformative_subjects_are_refused(subject: str) -> None:
    with pytest.raises(SubjectNotInformative) as caught:
        check_subject(subject)
    assert (caught.value.status, caught.value.field) == (422, "subject")
    assert caught.value.type_slug == "subject-not-informative"


def test_overlong_subject_is_refused() -> None:
    with pytest.raises(InvalidField):
        check_subject("word " * 100)


# tracking numbers (SPEC 4, 6)


def test_tracking_number_format_and_parse_round_trip() -> None:
    assert format_tracking_number(2026, 123) == "SD-2026-000123"
    assert parse_tracking_number(" sd-2026-000123 ") == TrackingNumber(2026, 123)
    assert str(TrackingNumber(2026, 1_234_567)) == "SD-2026-1234567"


@pytest.mark.parametrize(
    "text", ["SD-26-000123", "SD-2026-123", "XSD-2026-000123", "SD-2026-000000"]
)
def test_malformed_tracking_numbers_parse_to_none(text: str) -> None:
    assert parse_tracking_number(text) is None


def test_tracking_number_found_in_a_mail_subject() -> None:
    assert find_tracking_number("Re: [SD-2027-000042] PBX down") == TrackingNumber(2027, 42)
    assert find_tracking_number("Re: PBX down") is None


def test_tracking_number_rejects_impossible_values() -> None:
    with pytest.raises(ValueError):
        format_tracking_number(26, 1)
    with pytest.raises(ValueError):
        format_tracking_number(2026, 0)


@given(st.integers(1000, 9999), st.integers(1, 10**9 - 1))
def test_every_tracking_number_parses_back(year: int, sequence: int) -> None:
    assert parse_tracking_number(format_tracking_number(year, sequence)) == TrackingNumber(
        year, sequence
    )
