"""What a new case must say: an informative subject and the telephony facts (SPEC 4).

`validate_new_case` answers `NewCaseFacts` with normalised values (E.164 numbers,
UTC instants, collapsed whitespace) or raises `InvalidField` naming the field.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, TypeVar

import phonenumbers

from app.domain.errors import InvalidField


class Category(StrEnum):
    INCIDENT = "incident"
    CONFIGURATION_CHANGE = "configuration_change"
    QUESTION = "question"
    FEATURE_REQUEST = "feature_request"


class HowWidespread(StrEnum):
    SINGLE_USER = "single_user"
    SOME_USERS = "some_users"
    ALL_USERS = "all_users"


class CustomerType(StrEnum):
    """The kind of customer a case is for (SPEC 3); the case carries it too (issue 13)."""

    ENTERPRISE = "enterprise"
    SOHO = "soho"


class Fact(StrEnum):
    """A fact of a case that a contract may require of its incidents (issue 13.6)."""

    A_NUMBER = "a_number"
    B_NUMBER = "b_number"
    FAILED_CALL_AT = "failed_call_at"
    FAILURE_REASON = "failure_reason"
    REPRODUCIBLE = "reproducible"
    HOW_WIDESPREAD = "how_widespread"
    TEST_CALLS_ALLOWED = "test_calls_allowed"


class FactsMissing(InvalidField):
    """Facts a case must state are missing; `field_errors` names each one."""

    def __init__(self, missing: Sequence[str], detail: str) -> None:
        super().__init__(missing[0], detail, missing=list(missing))
        self.field_errors = tuple((name, f"{name} is required") for name in missing)


class CallFactsRequired(FactsMissing):
    """An incident about calls needs A-number, B-number and the call time (SPEC 4)."""

    type_slug = "call-facts-required"
    title = "An incident about calls needs the call's facts"


class CaseFactsRequired(FactsMissing):
    """The contract lists facts its incidents must state (Aarenet: "an incident report
    must include ... A number, B number, date and time of the call, call failure reason")."""

    type_slug = "case-facts-required"
    title = "The contract requires facts this incident does not state"


class SubjectNotInformative(InvalidField):
    type_slug = "subject-not-informative"
    title = "The subject does not say what is wrong"


MIN_SUBJECT_WORDS = 3
MIN_SUBJECT_LENGTH = 10
MAX_SUBJECT_LENGTH = 300
# A failed call reported from a clock slightly ahead of ours is still believed.
CLOCK_SKEW = timedelta(minutes=5)
# Words that say nothing about the problem on their own ("URGENT HELP PLEASE").
_NOISE_WORDS = frozenset(
    {
        "help",
        "urgent",
        "asap",
        "please",
        "pls",
        "problem",
        "problems",
        "issue",
        "issues",
        "ticket",
        "test",
        "important",
        "support",
        "error",
        "question",
        "request",
        "re",
        "fw",
        "fwd",
        "hi",
        "hello",
    }
)
_WORD = re.compile(r"[^\W_]+(?:['\u2019.-][^\W_]+)*")
CALL_FACT_FIELDS = ("a_number", "b_number", "failed_call_at")
_E = TypeVar("_E", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class CustomerProfile:
    """What the customer's record says about its cases; a case that does not say
    otherwise takes these (issue 13.6)."""

    customer_type: CustomerType | str | None = None
    how_widespread: HowWidespread | str | None = None
    test_calls_allowed: bool | None = None


NO_PROFILE = CustomerProfile()


@dataclass(frozen=True, slots=True)
class NewCaseFacts:
    """A validated new case: what support asked for, normalised (SPEC 4, Fields)."""

    subject: str
    description: str
    category: Category
    about_calls: bool
    a_number: str | None = None
    b_number: str | None = None
    failed_call_at: datetime | None = None
    failure_reason: str | None = None
    reproducible: bool | None = None
    reproduction_steps: str | None = None
    how_widespread: HowWidespread | None = None
    test_calls_allowed: bool | None = None
    customer_type: CustomerType | None = None

    def telephony_document(self) -> dict[str, Any]:
        """The telephony facts as stored on the ticket (JSON; instants in ISO 8601 UTC)."""
        call_at = self.failed_call_at.isoformat() if self.failed_call_at else None
        return {
            "about_calls": self.about_calls,
            "a_number": self.a_number,
            "b_number": self.b_number,
            "failed_call_at": call_at,
            "failure_reason": self.failure_reason,
            "reproducible": self.reproducible,
            "reproduction_steps": self.reproduction_steps,
            "how_widespread": None if self.how_widespread is None else str(self.how_widespread),
            "test_calls_allowed": self.test_calls_allowed,
            "customer_type": None if self.customer_type is None else str(self.customer_type),
        }


def validate_new_case(
    *,
    subject: str,
    description: str,
    category: Category | str,
    now: datetime,
    default_region: str | None = None,
    about_calls: bool | None = None,
    a_number: str | None = None,
    b_number: str | None = None,
    failed_call_at: datetime | None = None,
    failure_reason: str | None = None,
    reproducible: bool | None = None,
    reproduction_steps: str | None = None,
    how_widespread: HowWidespread | str | None = None,
    test_calls_allowed: bool | None = None,
    customer_type: CustomerType | str | None = None,
    required_facts: Collection[Fact | str] = (),
    customer: CustomerProfile = NO_PROFILE,
) -> NewCaseFacts:
    """Validate and normalise a new case (SPEC 4).

    `about_calls=None` is inferred: true when any of A-number, B-number or call time is
    given. An *incident* about calls then needs all three. An incident also needs the
    contract's `required_facts`, unless the caller states (`about_calls=False`) that it
    is not about calls. Numbers are normalised to E.164; without a `default_region` (the
    customer's country, ISO 3166 alpha-2) they must be written in international form
    (`+41…` or `0041…`). Customer type, how widespread and whether test calls are
    allowed default to the `customer`'s record when the case does not say.
    """
    if customer_type is None:
        customer_type = customer.customer_type
    if how_widespread is None:
        how_widespread = customer.how_widespread
    if test_calls_allowed is None:
        test_calls_allowed = customer.test_calls_allowed
    kind = _choice(Category, category, "category")
    facts = NewCaseFacts(
        subject=check_subject(subject),
        description=_required_text(description, "description"),
        category=kind,
        about_calls=_about_calls(about_calls, a_number, b_number, failed_call_at),
        a_number=_optional(a_number, "a_number", default_region),
        b_number=_optional(b_number, "b_number", default_region),
        failed_call_at=_call_time(failed_call_at, now),
        failure_reason=_optional_text(failure_reason),
        reproducible=reproducible,
        reproduction_steps=_reproduction(reproducible, reproduction_steps),
        how_widespread=None
        if how_widespread is None
        else _choice(HowWidespread, how_widespread, "how_widespread"),
        test_calls_allowed=test_calls_allowed,
        customer_type=None
        if customer_type is None
        else _choice(CustomerType, customer_type, "customer_type"),
    )
    if facts.category is Category.INCIDENT:
        contract_facts = () if about_calls is False else required_facts
        _require_facts(facts, contract_facts)
    return facts


def check_required_facts(names: Sequence[str]) -> tuple[Fact, ...]:
    """A contract's list of required facts: known facts, each once (issue 13.6)."""
    result: list[Fact] = []
    for i, name in enumerate(names):
        fact = _choice(Fact, name, f"required_facts[{i}]")
        if fact in result:
            raise InvalidField(f"required_facts[{i}]", f"{fact.value} is listed twice")
        result.append(fact)
    return tuple(result)


def check_subject(subject: str) -> str:
    """An informative subject: at least three words and ten characters, not only noise.

    "PBX - not able to dial PSTN destinations" passes; "URGENT HELP!!!" does not.
    Answers the subject with its whitespace collapsed.
    """
    text = " ".join(subject.split())
    example = 'e.g. "PBX - not able to dial PSTN destinations"'
    if len(text) > MAX_SUBJECT_LENGTH:
        raise InvalidField("subject", f"keep the subject under {MAX_SUBJECT_LENGTH} characters")
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(text) < MIN_SUBJECT_LENGTH or len(words) < MIN_SUBJECT_WORDS:
        raise SubjectNotInformative(
            "subject",
            f"say in at least {MIN_SUBJECT_WORDS} words what is wrong, {example}",
        )
    meaningful = {w for w in words if w not in _NOISE_WORDS and not w.isdigit()}
    if len(meaningful) < 2:
        raise SubjectNotInformative("subject", f"the subject does not say what is wrong, {example}")
    return text


def normalise_number(raw: str, field: str, default_region: str | None = None) -> str:
    """A phone number in E.164 (`+41446681800`), or `InvalidField(field)` saying why."""
    text = raw.strip()
    if text.startswith("00"):
        text = "+" + text[2:]  # the international prefix written out
    region = default_region.upper() if default_region else None
    if region is None and not text.startswith("+"):
        raise InvalidField(field, f"write {raw!r} in international form, e.g. +41 44 668 18 00")
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise InvalidField(field, f"{raw!r} is not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidField(field, f"{raw!r} is not a valid phone number")
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _about_calls(
    flag: bool | None, a_number: str | None, b_number: str | None, call_at: datetime | None
) -> bool:
    if flag is not None:
        return flag
    return any((_optional_text(a_number), _optional_text(b_number), call_at))


def _require_facts(facts: NewCaseFacts, contract_facts: Collection[Fact | str]) -> None:
    """The contract's facts first (naming every missing one, call facts included), then
    SPEC 4's call facts of an incident about calls."""
    call_facts = CALL_FACT_FIELDS if facts.about_calls else ()
    wanted = {Fact(name).value for name in contract_facts}
    missing_contract = [f.value for f in Fact if f.value in wanted and _absent(facts, f.value)]
    missing_call = [name for name in call_facts if _absent(facts, name)]
    if missing_contract:
        missing = [f.value for f in Fact if f.value in {*missing_contract, *missing_call}]
        raise CaseFactsRequired(
            missing,
            "the support contract requires every incident to state: "
            f"{', '.join(f.value for f in Fact if f.value in wanted)}; missing: "
            f"{', '.join(missing)}. If the incident is not about calls, say so "
            "(about_calls: false)",
        )
    if missing_call:
        raise CallFactsRequired(
            missing_call,
            "an incident about calls needs the A-number, the B-number and the date and "
            f"time of the failed call; missing: {', '.join(missing_call)}",
        )


def _absent(facts: NewCaseFacts, name: str) -> bool:
    return getattr(facts, name) is None


def _optional(raw: str | None, field: str, region: str | None) -> str | None:
    text = _optional_text(raw)
    return None if text is None else normalise_number(text, field, region)


def _call_time(call_at: datetime | None, now: datetime) -> datetime | None:
    if call_at is None:
        return None
    if call_at.tzinfo is None or call_at.utcoffset() is None:
        raise InvalidField("failed_call_at", "give the call time with its UTC offset")
    if call_at > now + CLOCK_SKEW:
        raise InvalidField("failed_call_at", "the failed call cannot be in the future")
    return call_at.astimezone(UTC)


def _reproduction(reproducible: bool | None, steps: str | None) -> str | None:
    text = _optional_text(steps)
    if reproducible and text is None:
        raise InvalidField("reproduction_steps", "say how the problem can be reproduced")
    return text


def _required_text(raw: str, field: str) -> str:
    text = raw.strip()
    if not text:
        raise InvalidField(field, f"{field} cannot be empty")
    return text


def _optional_text(raw: str | None) -> str | None:
    if raw is None:
        return None
    return raw.strip() or None


def _choice(kind: type[_E], value: _E | str, field: str) -> _E:
    try:
        return kind(value)
    except ValueError:
        names = ", ".join(m.value for m in kind)
        raise InvalidField(field, f"{value!r} is not one of: {names}") from None
