"""Queries about partners, customers and registered e-mail domains, tenancy-scoped."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import or_, select, true

from app.db.models import Customer, CustomerDomain, Partner
from app.db.repositories.base import Repository
from app.db.repositories.pagination import Page, page_by_id
from app.db.repositories.scoping import get_visible, visible
from app.domain.actors import Scope, ScopeKind
from app.domain.errors import NotFound
from app.domain.organisations import VERIFIED


class OrganisationRepository(Repository):
    async def customer(self, customer_id: uuid.UUID, scope: Scope) -> Customer:
        return await get_visible(
            self.session, Customer, customer_id, scope, Customer.id, what="customer"
        )

    async def customers(self, scope: Scope, limit: int, cursor: str | None) -> Page[Customer]:
        stmt = visible(select(Customer), scope, Customer.id)
        return await page_by_id(self.session, stmt, Customer.id, limit, cursor)

    async def customer_by_name(self, name: str) -> Customer | None:
        stmt = select(Customer).where(Customer.name == name)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def domains(
        self, customer_id: uuid.UUID, limit: int, cursor: str | None
    ) -> Page[CustomerDomain]:
        stmt = select(CustomerDomain).where(CustomerDomain.customer_id == customer_id)
        return await page_by_id(self.session, stmt, CustomerDomain.id, limit, cursor)

    async def registration(self, value: str) -> CustomerDomain | None:
        stmt = select(CustomerDomain).where(CustomerDomain.value == value.lower())
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def registration_by_id(
        self, customer_id: uuid.UUID, registration_id: uuid.UUID
    ) -> CustomerDomain:
        row = await self.session.get(CustomerDomain, registration_id)
        if row is None or row.customer_id != customer_id:
            raise NotFound(f"registration {registration_id} was not found")
        return row

    async def domain_held_elsewhere(self, domain: str, customer_id: uuid.UUID) -> bool:
        """Whether another company holds the domain or an address in it."""
        domain = domain.lower()
        stmt = select(CustomerDomain.id).where(
            CustomerDomain.customer_id != customer_id,
            or_(
                CustomerDomain.value == domain,
                CustomerDomain.value.endswith("@" + domain, autoescape=True),
            ),
        )
        return (await self.session.execute(stmt.limit(1))).first() is not None

    async def customer_for_address(self, email: str) -> Customer | None:
        """The company an address belongs to: an explicit address wins over its domain;
        a domain claim awaiting approval counts for nobody."""
        email = email.lower()
        domain = email.rsplit("@", 1)[-1]
        for value in (email, domain):
            reg = await self.registration(value)
            if reg is not None and reg.status == VERIFIED:
                return await self.session.get(Customer, reg.customer_id)
        return None

    async def partner(self, partner_id: uuid.UUID, scope: Scope) -> Partner:
        stmt = select(Partner).where(Partner.id == partner_id, _partner_scope(scope))
        row = (await self.session.execute(stmt)).scalar_one_or_none()
        if row is None:
            raise NotFound(f"partner {partner_id} was not found")
        return row

    async def partner_by_id(self, partner_id: uuid.UUID) -> Partner | None:
        return await self.session.get(Partner, partner_id)

    async def partners(self, scope: Scope, limit: int, cursor: str | None) -> Page[Partner]:
        stmt = select(Partner).where(_partner_scope(scope))
        return await page_by_id(self.session, stmt, Partner.id, limit, cursor)

    async def partner_by_name(self, name: str) -> Partner | None:
        stmt = select(Partner).where(Partner.name == name)
        return (await self.session.execute(stmt)).scalar_one_or_none()


def _partner_scope(scope: Scope) -> Any:
    """A partner sees itself; a customer sees the partner that supports it; staff all."""
    if scope.kind is ScopeKind.ALL:
        return true()
    if scope.kind is ScopeKind.PARTNER:
        return Partner.id == scope.org_id
    supporting = select(Customer.partner_id).where(Customer.id == scope.org_id)
    return Partner.id.in_(supporting)
