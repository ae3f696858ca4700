"""Who may manage which organisation and its people (SPEC 1)."""

from __future__ import annotations

import re
import uuid

from app.domain.accounts import is_free_mail
from app.domain.actors import CUSTOMER_ROLES, STAFF_ROLES, Actor, Role
from app.domain.errors import Conflict, Forbidden, InvalidField

_DOMAIN = re.compile(r"^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def require_admin(actor: Actor, action: str) -> None:
    if not actor.is_admin:
        raise Forbidden(f"only an administrator may {action}")


def require_staff(actor: Actor, action: str) -> None:
    if not actor.is_staff:
        raise Forbidden(f"only vendor staff may {action}")


def require_customer_manager(actor: Actor, customer_id: uuid.UUID) -> None:
    """A customer's users and domains are managed by its customer admins or an admin."""
    if not actor.manages_customer(customer_id):
        raise Forbidden("only this company's customer administrators may manage it")


def check_role_for_customer(actor: Actor, role: Role) -> None:
    if role not in CUSTOMER_ROLES:
        raise InvalidField("role", "a customer's user is a customer_user or customer_admin")


def check_staff_role(role: Role) -> None:
    if role not in STAFF_ROLES:
        raise InvalidField("role", f"{role} is not a vendor staff role")


def normalise_domain(domain: str, extra_free_mail: list[str]) -> str:
    value = domain.strip().lower().rstrip(".")
    if not _DOMAIN.match(value):
        raise InvalidField("domain", f"{domain!r} is not a domain name")
    if is_free_mail(value, extra_free_mail):
        raise InvalidField(
            "domain",
            f"{value} is a free-mail domain: register single addresses with `address` instead",
        )
    return value


# --- registered domains and addresses (issue 11, point 3) ----------------------------------

VERIFIED = "verified"
PENDING = "pending"


class RegistrationHeldElsewhere(Conflict):
    """A customer may not register what another company holds: that would capture its
    people's sign-ups."""

    type_slug = "registration-held-elsewhere"
    title = "Another company holds this domain or address"


class RegistrationNotPending(Conflict):
    type_slug = "registration-not-pending"
    title = "This registration is not awaiting approval"


def registration_status(
    actor: Actor,
    kind: str,
    value: str,
    *,
    exact_owner: uuid.UUID | None,
    customer_id: uuid.UUID,
    held_elsewhere: bool,
) -> str:
    """The status a new registration of `value` for `customer_id` starts in, or why not.

    `held_elsewhere`: another company holds the value, the address's domain, an address
    in the domain, or an account with the address. Only vendor staff may register over
    that (they then settle it deliberately). A customer administrator's domain claim is
    pending until vendor staff approve it; an administrator's is verified at once.
    """
    if exact_owner is not None:
        whose = "this company" if exact_owner == customer_id else "another company"
        raise Conflict(f"{value} is already registered for {whose}")
    if held_elsewhere and not actor.is_staff:
        raise RegistrationHeldElsewhere(
            f"another company already holds {value} (or addresses in it): "
            "ask the vendor's support staff if it belongs to yours",
            field=kind,
        )
    return PENDING if kind == "domain" and not actor.is_staff else VERIFIED


def require_pending(status: str, value: str) -> None:
    if status != PENDING:
        raise RegistrationNotPending(f"{value} is already {status}; nothing changed")
