"""Required facts per contract (issue 13.6): the Aarenet agreement's incident report
"must include ... A number, B number, date and time of the call, call failure reason"."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.domain.errors import InvalidField
from app.domain.presets import preset
from app.domain.ticket_fields import (
    CallFactsRequired,
    CaseFactsRequired,
    CustomerProfile,
    CustomerType,
    Fact,
    HowWidespread,
    NewCaseFacts,
    check_required_facts,
    validate_new_case,
)

NOW = datetime(2027, 1, 5, 10, 0, tzinfo=UTC)
AARENET = ("a_number", "b_number", "failed_call_at", "failure_reason")


def incident(**overrides: Any) -> NewCaseFacts:
    fields: dict[str, Any] = {
        "subject": "PBX – not able to dial PSTN destinations",
        "description": "Since 09:10 no outbound call to PSTN numbers connects.",
        "category": "incident",
        "now": NOW,
        "required_facts": AARENET,
    }
    return validate_new_case(**(fields | overrides))


def test_an_incident_without_the_contract_facts_names_each_missing_one() -> None:
    with pytest.raises(CaseFactsRequired) as caught:
        incident()
    error = caught.value
    assert (error.status, error.type_slug) == (422, "case-facts-required")
    assert error.extra["missing"] == list(AARENET)
    assert [name for name, _ in error.field_errors] == list(AARENET)


def test_the_failure_reason_alone_missing_is_named_alone() -> None:
    with pytest.raises(CaseFactsRequired) as caught:
        incident(a_number="+41446681800", b_number="+41582801111", failed_call_at=NOW)
    assert caught.value.extra["missing"] == ["failure_reason"]


def test_an_incident_with_every_contract_fact_is_accepted() -> None:
    facts = incident(
        a_number="+41 44 668 18 00",
        b_number="+41 58 280 11 11",
        failed_call_at=NOW,
        failure_reason="503 from the carrier",
    )
    assert facts.failure_reason == "503 from the carrier"


def test_an_incident_the_caller_says_is_not_about_calls_is_exempt() -> None:
    facts = incident(about_calls=False)
    assert facts.about_calls is False and facts.a_number is None


def test_only_incidents_need_the_contract_facts() -> None:
    assert incident(category="question").category == "question"


def test_without_contract_facts_the_spec_call_facts_rule_still_applies() -> None:
    with pytest.raises(CallFactsRequired) as caught:
        incident(required_facts=(), a_number="+41446681800")
    assert caught.value.type_slug == "call-facts-required"
    assert caught.value.extra["missing"] == ["b_number", "failed_call_at"]


def test_customer_type_is_a_fact_of_the_case() -> None:
    facts = incident(about_calls=False, customer_type="soho")
    assert facts.customer_type is CustomerType.SOHO
    assert facts.telephony_document()["customer_type"] == "soho"
    with pytest.raises(InvalidField) as caught:
        incident(about_calls=False, customer_type="household")
    assert caught.value.field == "customer_type"


def test_a_contract_lists_known_facts_each_once() -> None:
    assert check_required_facts(list(AARENET)) == (
        Fact.A_NUMBER,
        Fact.B_NUMBER,
        Fact.FAILED_CALL_AT,
        Fact.FAILURE_REASON,
    )
    with pytest.raises(InvalidField) as unknown:
        check_required_facts(["a_number", "shoe_size"])
    assert unknown.value.field == "required_facts[1]"
    with pytest.raises(InvalidField) as twice:
        check_required_facts(["a_number", "a_number"])
    assert twice.value.field == "required_facts[1]"


@pytest.mark.parametrize("name", ["aarenet-standard", "aarenet-premium"])
def test_the_aarenet_presets_require_the_agreements_call_facts(name: str) -> None:
    assert preset(name).contract.required_facts == AARENET


def test_what_the_case_does_not_say_comes_from_the_customers_record() -> None:
    profile = CustomerProfile("soho", "all_users", True)
    facts = incident(about_calls=False, customer=profile)
    assert (facts.customer_type, facts.how_widespread, facts.test_calls_allowed) == (
        CustomerType.SOHO,
        HowWidespread.ALL_USERS,
        True,
    )
    said = incident(
        about_calls=False,
        customer=profile,
        customer_type="enterprise",
        how_widespread="single_user",
        test_calls_allowed=False,
    )
    assert (said.customer_type, said.how_widespread, said.test_calls_allowed) == (
        CustomerType.ENTERPRISE,
        HowWidespread.SINGLE_USER,
        False,
    )


def test_a_standing_fact_of_the_customer_satisfies_the_contract() -> None:
    profile = CustomerProfile(test_calls_allowed=False)
    facts = incident(about_calls=False, required_facts=(), customer=profile)
    assert facts.test_calls_allowed is False
    with pytest.raises(CaseFactsRequired) as caught:
        incident(required_facts=("test_calls_allowed", "how_widespread"), customer=profile)
    assert caught.value.extra["missing"] == ["how_widespread"]
