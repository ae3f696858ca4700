"""Who is acting and what they may see (SPEC 1)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    CUSTOMER_USER = "customer_user"
    CUSTOMER_ADMIN = "customer_admin"
    PARTNER_AGENT = "partner_agent"
    AGENT = "agent"
    SUPPORT_MANAGER = "support_manager"
    CUSTOMER_SERVICE_MANAGER = "customer_service_manager"
    REGIONAL_OPS_MANAGER = "regional_ops_manager"
    DIRECTOR = "director"
    ADMIN = "admin"


CUSTOMER_ROLES = frozenset({Role.CUSTOMER_USER, Role.CUSTOMER_ADMIN})
MANAGER_ROLES = frozenset(
    {
        Role.SUPPORT_MANAGER,
        Role.CUSTOMER_SERVICE_MANAGER,
        Role.REGIONAL_OPS_MANAGER,
        Role.DIRECTOR,
    }
)
STAFF_ROLES = frozenset({Role.AGENT, Role.ADMIN} | MANAGER_ROLES)


class Side(StrEnum):
    CUSTOMER = "customer"
    PARTNER = "partner"
    STAFF = "staff"


class ScopeKind(StrEnum):
    ALL = "all"
    CUSTOMER = "customer"
    PARTNER = "partner"


@dataclass(frozen=True, slots=True)
class Scope:
    """The rows an actor may see: all, one company's, or a partner's customers'."""

    kind: ScopeKind
    org_id: uuid.UUID | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """An authenticated person, or a partner integration holding an API key."""

    role: Role
    user_id: uuid.UUID | None = None
    customer_id: uuid.UUID | None = None
    partner_id: uuid.UUID | None = None
    api_key_id: uuid.UUID | None = None
    email: str | None = None
    name: str | None = None

    @property
    def side(self) -> Side:
        if self.role in CUSTOMER_ROLES:
            return Side.CUSTOMER
        if self.role is Role.PARTNER_AGENT:
            return Side.PARTNER
        return Side.STAFF

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def is_manager(self) -> bool:
        return self.role in MANAGER_ROLES or self.role is Role.ADMIN

    @property
    def scope(self) -> Scope:
        if self.side is Side.STAFF:
            return Scope(ScopeKind.ALL)
        if self.side is Side.PARTNER:
            return Scope(ScopeKind.PARTNER, self.partner_id)
        return Scope(ScopeKind.CUSTOMER, self.customer_id)

    def manages_customer(self, customer_id: uuid.UUID) -> bool:
        """Admins manage every company; a customer admin only their own."""
        if self.is_admin:
            return True
        return self.role is Role.CUSTOMER_ADMIN and self.customer_id == customer_id
