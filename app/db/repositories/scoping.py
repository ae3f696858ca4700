"""Tenancy, applied in one place: every repository filters through `visible` (SPEC 1).

A customer user sees its own company's rows, a partner its customers' rows, staff
everything. Later resources join by naming the column that holds their customer.
"""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, false, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Customer
from app.domain.actors import Scope, ScopeKind
from app.domain.errors import NotFound

T = TypeVar("T")


def customer_predicate(scope: Scope, customer_id: Any) -> ColumnElement[bool]:
    """The rows whose customer (given as a column) the scope may see."""
    if scope.kind is ScopeKind.ALL:
        return true()
    if scope.org_id is None:
        return false()
    if scope.kind is ScopeKind.CUSTOMER:
        return customer_id == scope.org_id  # type: ignore[no-any-return]
    partner_customers = select(Customer.id).where(Customer.partner_id == scope.org_id)
    return customer_id.in_(partner_customers)  # type: ignore[no-any-return]


def visible(stmt: Select[Any], scope: Scope, customer_id: Any) -> Select[Any]:
    return stmt.where(customer_predicate(scope, customer_id))


async def get_visible(
    session: AsyncSession,
    model: type[T],
    object_id: uuid.UUID,
    scope: Scope,
    customer_id: Any,
    *,
    what: str,
) -> T:
    """Load one object or raise the same NotFound whether it is missing or foreign."""
    stmt = visible(select(model).where(model.id == object_id), scope, customer_id)  # type: ignore[attr-defined]
    row = (await session.execute(stmt)).scalar_one_or_none()
    if row is None:
        raise NotFound(f"{what} {object_id} was not found")
    return row  # type: ignore[no-any-return]
