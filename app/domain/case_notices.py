"""Who hears of a case being raised, paged or reclassified (SPEC 4, 4.1.1, 4.1.4).

Pure: the service turns an `Audience` into addresses (a person's, or a partner
helpdesk's published address) and queues the e-mails.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.actors import Actor, Side
from app.domain.process_rules import EmergencyRouting


class Audience(StrEnum):
    CREATOR = "creator"  # the person who raised the case themself
    REQUESTER = "requester"  # the caller an agent recorded the case for
    PARTNER_HELPDESK = "partner_helpdesk"  # the partner's published helpdesk address


# A manager's Severity 1 reclassification is told to the customer, and to the partner
# helpdesk that acts for it (SPEC 4.1.1, issue 13.11).
RECLASSIFICATION_AUDIENCES = (Audience.REQUESTER, Audience.PARTNER_HELPDESK)


def severity_change_audiences(*, reclassification: bool) -> tuple[Audience, ...]:
    """The customer hears of a change to its case's severity; a manager's Severity 1
    reclassification also reaches the partner helpdesk, which may dispute it."""
    return RECLASSIFICATION_AUDIENCES if reclassification else (Audience.REQUESTER,)


def acknowledgement_audience(actor: Actor, *, for_caller: bool) -> Audience | None:
    """The acknowledgement with the tracking number goes to whoever raised the case
    (SPEC 4): a partner's API key is its helpdesk, an agent recording a caller's case
    acknowledges the caller (never the agent), a person raising it themself hears back.
    Staff recording a case for nobody in particular acknowledge no one."""
    if actor.api_key_id is not None:
        return Audience.PARTNER_HELPDESK
    if actor.side is Side.STAFF:
        return Audience.REQUESTER if for_caller else None
    return Audience.CREATOR


def on_call_address(
    emergency: EmergencyRouting | None, contract_on_call: str | None, default_on_call: str
) -> str | None:
    """An emergency pages the on-call engineer (SPEC 4.1.4): the contract's on-call
    address, else the deployment's; anything else pages no one."""
    if emergency is None or not emergency.page_on_call:
        return None
    return contract_on_call or default_on_call
