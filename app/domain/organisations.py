"""Who may manage which organisation and its people (SPEC 1)."""

from __future__ import annotations

import re
import uuid

from app.domain.accounts import is_free_mail
from app.domain.actors import CUSTOMER_ROLES, STAFF_ROLES, Actor, Role
from app.domain.errors import Forbidden, InvalidField

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
