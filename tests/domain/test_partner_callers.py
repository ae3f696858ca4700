"""The partner helpdesk is a caller too (SPEC 4.1 rules 2 and 6; issue 13.10)."""

from __future__ import annotations

import uuid

import pytest

from app.domain.process_rules import CallerMayNotActForCustomer, require_caller_acts_for

CUSTOMER, OTHER = uuid.uuid4(), uuid.uuid4()
PARTNER, OTHER_PARTNER = uuid.uuid4(), uuid.uuid4()


def test_a_customers_own_person_acts_for_it() -> None:
    require_caller_acts_for(CUSTOMER, None, CUSTOMER, PARTNER)


def test_an_agent_of_the_customers_partner_acts_for_it() -> None:
    require_caller_acts_for(None, PARTNER, CUSTOMER, PARTNER)


@pytest.mark.parametrize(
    ("caller_customer", "caller_partner", "customer_partner"),
    [
        (OTHER, None, PARTNER),  # a person of another company
        (None, OTHER_PARTNER, PARTNER),  # an agent of another partner
        (None, PARTNER, None),  # a partner agent for a customer it does not support
    ],
)
def test_anyone_else_may_not_act_for_the_customer_and_is_told_so(
    caller_customer: uuid.UUID | None,
    caller_partner: uuid.UUID | None,
    customer_partner: uuid.UUID | None,
) -> None:
    with pytest.raises(CallerMayNotActForCustomer) as caught:
        require_caller_acts_for(caller_customer, caller_partner, CUSTOMER, customer_partner)
    assert (caught.value.status, caught.value.type_slug) == (403, "caller-not-for-customer")
