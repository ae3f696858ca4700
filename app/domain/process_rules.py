"""The support process rules the domain enforces (SPEC 4.1 rules 2-6), as pure checks.

Each check returns quietly or raises its own `DomainError` with a stable slug. Code
generation for caller verification is the service's (it needs randomness); here the
code is only hashed and checked.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.domain.actors import Actor, Side
from app.domain.contracts import Channel, ContractTerms
from app.domain.errors import DomainError, Forbidden, InvalidField
from app.domain.ticket_fields import Category

__all__ = [
    "CONTRACT_GATED_CHANNELS",
    "EMERGENCY_FAILING_SHARE",
    "WRITTEN_CHANNELS",
    "CallVerificationInvalid",
    "CallVerificationRecord",
    "CallerMayNotActForCustomer",
    "CallerNotVerified",
    "Channel",
    "ChannelNotInContract",
    "ChargeableNeedsManager",
    "ConfigurationChangeApprovalByCustomer",
    "ConfigurationChangeMustBeInWriting",
    "EmergencyCriteriaNotMet",
    "EmergencyRouting",
    "MustUsePartnerHelpdesk",
    "NoValidContract",
    "NotAnEmergency",
    "check_call_verification",
    "check_configuration_change_approval",
    "check_emergency",
    "emergency_from_mail",
    "hash_verification_code",
    "mark_chargeable",
    "require_caller_acts_for",
    "require_channel_in_contract",
    "require_partner_first",
    "require_valid_contract",
    "require_verified_call",
    "require_written_channel_for_configuration_change",
    "verification_expires_at",
]

# Rule 3: what counts as "in writing".
WRITTEN_CHANNELS = frozenset({Channel.PORTAL, Channel.EMAIL, Channel.API})
# Rule 5 names phone and chat; written channels are always open (SPEC 6: e-mail in).
CONTRACT_GATED_CHANNELS = frozenset({Channel.PHONE, Channel.CHAT})
EMERGENCY_FAILING_SHARE = 0.5
EMERGENCY_SEVERITY = 1
_URGENT = re.compile(r"\bURGENT\b", re.IGNORECASE)


class CallerNotVerified(Forbidden):
    type_slug = "caller-not-verified"
    title = "The caller has not been verified"


class CallVerificationInvalid(Forbidden):
    type_slug = "call-verification-invalid"
    title = "The caller verification code is invalid, used or expired"


class CallerMayNotActForCustomer(Forbidden):
    type_slug = "caller-not-for-customer"
    title = "The caller may not act for this customer"


class ConfigurationChangeMustBeInWriting(DomainError):
    type_slug = "configuration-change-must-be-in-writing"
    status = 422
    title = "Configuration changes must be requested in writing"


class ConfigurationChangeApprovalByCustomer(Forbidden):
    type_slug = "configuration-change-approved-by-customer-only"
    title = "Only the customer approves a configuration change"


class EmergencyCriteriaNotMet(DomainError):
    type_slug = "emergency-criteria-not-met"
    status = 422
    title = "An emergency needs at least half of the calls failing"


class NotAnEmergency(DomainError):
    type_slug = "not-an-emergency-ticket"
    status = 409
    title = "Only an emergency case can be marked chargeable"


class ChargeableNeedsManager(Forbidden):
    type_slug = "chargeable-needs-manager"
    title = "Only a manager marks an emergency chargeable"


class ChannelNotInContract(DomainError):
    type_slug = "channel-not-in-contract"
    status = 422
    title = "The contract does not include this channel"


class MustUsePartnerHelpdesk(Forbidden):
    type_slug = "must-use-partner-helpdesk"
    title = "Raise cases through your partner helpdesk"


class NoValidContract(DomainError):
    type_slug = "no-valid-contract"
    status = 422
    title = "The customer has no valid support contract"


@dataclass(frozen=True, slots=True)
class CallVerificationRecord:
    """A caller verification code as stored: hashed, short-lived, single use."""

    code_hash: str
    expires_at: datetime
    used_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class EmergencyRouting:
    """An emergency is routed as Severity 1 with the on-call engineer paged (rule 4)."""

    severity: int = EMERGENCY_SEVERITY
    page_on_call: bool = True


def require_verified_call(actor: Actor, channel: Channel | str, verified_call: bool) -> None:
    """Staff act for a phone caller only after a verified call (SPEC 4.1 rule 2)."""
    if actor.side is Side.STAFF and Channel(channel) is Channel.PHONE and not verified_call:
        raise CallerNotVerified(
            "a phone call is not an identity: the caller signs in to the portal, creates a "
            "call verification code and reads it out; record the call with that code"
        )


def hash_verification_code(code: str) -> str:
    """The stored form of a code; spaces, dashes and case are not significant."""
    normalised = "".join(ch for ch in code.upper() if ch.isalnum())
    return hashlib.sha256(normalised.encode()).hexdigest()


def check_call_verification(
    record: CallVerificationRecord | None, given_code: str, now: datetime
) -> None:
    """The code read out matches a caller's unused, unexpired code (rule 2).

    Unknown, wrong, used and expired codes answer alike, so a caller learns nothing.
    """
    valid = (
        record is not None
        and record.used_at is None
        and now < record.expires_at
        and hmac.compare_digest(record.code_hash, hash_verification_code(given_code))
    )
    if not valid:
        raise CallVerificationInvalid(
            "the caller verification code is unknown, already used or expired; ask the "
            "caller to create a new one in the portal"
        )


def require_caller_acts_for(
    caller_customer_id: uuid.UUID | None,
    caller_partner_id: uuid.UUID | None,
    customer_id: uuid.UUID,
    customer_partner_id: uuid.UUID | None,
) -> None:
    """A verified caller acts for their own company or, as a partner agent, for the
    customers their partner helpdesk supports (SPEC 1, 4.1 rules 2 and 6; iPass: the
    customer's or partner helpdesk opens the case, then phones). Checked after the code,
    so only a caller who proved who they are learns why they may not act here."""
    if caller_customer_id is not None and caller_customer_id == customer_id:
        return
    if caller_partner_id is not None and caller_partner_id == customer_partner_id:
        return
    raise CallerMayNotActForCustomer(
        "the caller's code is valid, but the caller may not act for this customer: only "
        "the customer's own people and its partner helpdesk's agents can"
    )


def verification_expires_at(now: datetime, lifetime_minutes: int) -> datetime:
    """When a code created at `now` stops being accepted; the lifetime is the deployment's
    setting (SUPPORTDESK_CALL_VERIFICATION_MINUTES)."""
    return now + timedelta(minutes=lifetime_minutes)


def require_written_channel_for_configuration_change(
    category: Category | str, channel: Channel | str
) -> None:
    """A configuration change is requested in writing, never by phone or chat (rule 3)."""
    channel = Channel(channel)
    if Category(category) is Category.CONFIGURATION_CHANGE and channel not in WRITTEN_CHANNELS:
        raise ConfigurationChangeMustBeInWriting(
            f"a configuration change cannot be requested by {channel.value}; use the "
            "portal, e-mail or the API",
            channel=channel.value,
        )


def check_configuration_change_approval(actor: Actor, channel: Channel | str) -> None:
    """The customer approves execution, in writing (rule 3)."""
    channel = Channel(channel)
    if actor.side is Side.STAFF:
        raise ConfigurationChangeApprovalByCustomer(
            "the customer approves a configuration change for execution"
        )
    if channel not in WRITTEN_CHANNELS:
        raise ConfigurationChangeMustBeInWriting(
            f"a configuration change cannot be approved by {channel.value}; use the "
            "portal, e-mail or the API",
            channel=channel.value,
        )


def check_emergency(flag: bool, failing_share: float | None) -> EmergencyRouting | None:
    """An emergency needs at least half of the customer's calls failing (rule 4)."""
    if not flag:
        return None
    if failing_share is not None and not 0.0 <= failing_share <= 1.0:
        raise InvalidField("failing_call_share", "give the share of failing calls from 0 to 1")
    if failing_share is None or failing_share < EMERGENCY_FAILING_SHARE:
        given = "not given" if failing_share is None else f"{failing_share:.0%}"
        raise EmergencyCriteriaNotMet(
            "an emergency needs at least 50% of the calls failing (share of failing "
            f"calls: {given}); raise the case at Severity 1 or 2 instead",
            failing_call_share=failing_share,
        )
    return EmergencyRouting()


def emergency_from_mail(
    subject: str, recipient: str, emergency_address: str | None
) -> EmergencyRouting | None:
    """Mail to the emergency address with `URGENT` in the subject is an emergency (rule 4).

    The customer's mail is its declaration; a review may make it chargeable later.
    """
    if emergency_address is None or recipient.strip().lower() != emergency_address.lower():
        return None
    return EmergencyRouting() if _URGENT.search(subject) else None


def mark_chargeable(actor: Actor, *, emergency: bool) -> None:
    """A manager marks an emergency that was not one as chargeable (rule 4)."""
    if not actor.is_manager:
        raise ChargeableNeedsManager("only a manager marks an emergency case chargeable")
    if not emergency:
        raise NotAnEmergency("only a case raised as an emergency can be marked chargeable")


def require_channel_in_contract(
    channel: Channel | str, contract_channels: Collection[Channel | str]
) -> None:
    """Phone and chat contacts only where the contract includes them (rule 5)."""
    channel = Channel(channel)
    included = sorted(Channel(c).value for c in contract_channels)
    if channel in CONTRACT_GATED_CHANNELS and channel.value not in included:
        raise ChannelNotInContract(
            f"the support contract does not include {channel.value}; it includes: "
            f"{', '.join(included)}",
            channel=channel.value,
            contract_channels=included,
        )


def require_partner_first(
    actor: Actor, customer_partner_id: uuid.UUID | None, partner_name: str | None
) -> None:
    """A partner-supported customer raises cases through its partner (rule 6, SPEC 3)."""
    if customer_partner_id is None or actor.side is not Side.CUSTOMER:
        return
    name = partner_name or "your partner helpdesk"
    raise MustUsePartnerHelpdesk(
        f"your company is supported by {name}; raise the case through {name}'s helpdesk",
        partner_id=str(customer_partner_id),
        partner_name=partner_name,
    )


def require_valid_contract(contract: ContractTerms | None) -> ContractTerms:
    """A ticket is governed by the contract valid at its creation (SPEC 3)."""
    if contract is None:
        raise NoValidContract(
            "the customer has no support contract valid now; ask your account manager"
        )
    return contract
