"""Pure rules of issue 11: who may register what, which company a sign-up joins, throttles."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from app.domain.accounts import (
    LoginLocks,
    SignupRegistrationConflict,
    login_wait,
    may_send_account_mail,
    signup_customer,
)
from app.domain.actors import Actor, Role
from app.domain.errors import Conflict, EmailDomainNotRegistered
from app.domain.organisations import (
    PENDING,
    VERIFIED,
    RegistrationHeldElsewhere,
    RegistrationNotPending,
    registration_status,
    require_pending,
)

NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
ACME, BETA = uuid.uuid4(), uuid.uuid4()
ADMIN = Actor(role=Role.ADMIN, user_id=uuid.uuid4())
BETA_ADMIN = Actor(role=Role.CUSTOMER_ADMIN, user_id=uuid.uuid4(), customer_id=BETA)


def test_a_signup_joins_the_company_of_its_address_or_domain() -> None:
    assert signup_customer("a@acme.com", address_owner=None, domain_owner=ACME) == ACME
    assert signup_customer("a@gmail.com", address_owner=BETA, domain_owner=None) == BETA
    assert signup_customer("a@acme.com", address_owner=ACME, domain_owner=ACME) == ACME


def test_a_signup_never_picks_between_two_companies() -> None:
    with pytest.raises(SignupRegistrationConflict) as caught:
        signup_customer("newhire@acme.com", address_owner=BETA, domain_owner=ACME)
    assert caught.value.status == 409


def test_a_pending_domain_admits_no_signup() -> None:
    with pytest.raises(EmailDomainNotRegistered, match="approval"):
        signup_customer(
            "a@beta-labs.com", address_owner=None, domain_owner=None, domain_pending=True
        )


def test_a_customer_admin_may_not_register_what_another_company_holds() -> None:
    with pytest.raises(RegistrationHeldElsewhere):
        registration_status(
            BETA_ADMIN,
            "address",
            "x@acme.com",
            exact_owner=None,
            customer_id=BETA,
            held_elsewhere=True,
        )
    assert (
        registration_status(
            ADMIN, "address", "x@acme.com", exact_owner=None, customer_id=BETA, held_elsewhere=True
        )
        == VERIFIED
    )


def test_a_customer_admins_domain_claim_is_pending_an_administrators_verified() -> None:
    def status(actor: Actor, kind: str, value: str) -> str:
        return registration_status(
            actor, kind, value, exact_owner=None, customer_id=BETA, held_elsewhere=False
        )

    assert status(BETA_ADMIN, "domain", "beta.io") == PENDING
    assert status(BETA_ADMIN, "address", "a@gmail.com") == VERIFIED
    assert status(ADMIN, "domain", "beta.io") == VERIFIED


def test_a_registered_value_is_registered_once_even_for_staff() -> None:
    with pytest.raises(Conflict, match="another company"):
        registration_status(
            ADMIN, "domain", "acme.com", exact_owner=ACME, customer_id=BETA, held_elsewhere=True
        )
    with pytest.raises(RegistrationNotPending):
        require_pending(VERIFIED, "acme.com")


def test_a_locked_account_waits_for_strangers_but_not_for_a_known_client() -> None:
    locks = LoginLocks(client=None, account=NOW + timedelta(seconds=600), pair=None)
    assert login_wait(locks, known_client=False, now=NOW) == 600
    assert login_wait(locks, known_client=True, now=NOW) is None


def test_a_known_client_waits_for_its_own_failures_and_any_client_for_its_spraying() -> None:
    mine = LoginLocks(client=None, account=None, pair=NOW + timedelta(seconds=30))
    assert login_wait(mine, known_client=True, now=NOW) == 30
    sprayer = LoginLocks(client=NOW + timedelta(seconds=90), account=None, pair=None)
    assert login_wait(sprayer, known_client=True, now=NOW) == 90
    expired = LoginLocks(client=NOW - timedelta(seconds=1), account=NOW, pair=None)
    assert login_wait(expired, known_client=False, now=NOW) is None


def test_account_mail_is_capped_per_hour() -> None:
    assert [may_send_account_mail(n, 3) for n in range(1, 6)] == [True] * 3 + [False] * 2
