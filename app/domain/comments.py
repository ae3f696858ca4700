"""Comments and attachments are public (the customer sees them) or internal (SPEC 4)."""

from __future__ import annotations

from enum import StrEnum

from app.domain.actors import Actor, Side
from app.domain.errors import Forbidden, InvalidField
from app.domain.lifecycle import TicketStatus


class Visibility(StrEnum):
    PUBLIC = "public"
    INTERNAL = "internal"


class InternalNotesAreForStaff(Forbidden):
    """Customers and partners write public comments only; internal notes are staff's."""

    type_slug = "internal-notes-are-for-staff"
    title = "Only support staff write internal notes"


def parse_visibility(value: str | None, field: str = "visibility") -> Visibility:
    """`public` when absent; `InvalidField` naming the choices otherwise."""
    if value is None or value == "":
        return Visibility.PUBLIC
    try:
        return Visibility(value)
    except ValueError:
        raise InvalidField(field, f"{value!r} is not one of: public, internal") from None


def sees_internal(actor: Actor) -> bool:
    """Customers and partners never see internal notes, on any path."""
    return actor.side is Side.STAFF


def check_may_write(actor: Actor, visibility: Visibility) -> Visibility:
    if visibility is Visibility.INTERNAL and not sees_internal(actor):
        raise InternalNotesAreForStaff(
            "customers and partner helpdesks add public comments only; leave out "
            "`visibility` or send `public`"
        )
    return visibility


def is_first_response_or_update(actor: Actor, visibility: Visibility) -> bool:
    """A public staff comment is a staff update: it acknowledges a new case and restarts
    the `update` clock (SPEC 3.1, 4.1.7)."""
    return visibility is Visibility.PUBLIC and actor.side is Side.STAFF


def reply_resumes_case(actor: Actor, visibility: Visibility, status: TicketStatus) -> bool:
    """The customer's public reply to a case waiting for it resumes the work (SPEC 4)."""
    return (
        visibility is Visibility.PUBLIC
        and actor.side is not Side.STAFF
        and TicketStatus(status) is TicketStatus.WAITING_CUSTOMER
    )


def notify_customer_side(actor: Actor) -> bool:
    """A public comment is e-mailed to the other side: staff's to the customer's
    requester, the customer's (or partner's) to the engineer who owns the case."""
    return actor.side is Side.STAFF
