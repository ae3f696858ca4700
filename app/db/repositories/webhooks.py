"""Webhook subscriptions and their delivery log; visibility by owner (SPEC 1, 6)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, func, literal, or_, select, true, update

from app.db.cache import WEBHOOKS
from app.db.models import Customer, WebhookDelivery, WebhookSubscription
from app.db.repositories.base import Repository
from app.db.repositories.pagination import Page, page_by_id
from app.domain.errors import NotFound
from app.domain.webhooks import OwnerKind, WebhookOwner


def _owned_by(owner: WebhookOwner) -> Any:
    """An admin sees every subscription; a partner or a company only its own."""
    if owner.kind is OwnerKind.VENDOR:
        return true()
    if owner.kind is OwnerKind.PARTNER:
        return WebhookSubscription.partner_id == owner.org_id
    return WebhookSubscription.customer_id == owner.org_id


@dataclass(frozen=True, slots=True)
class Listener:
    """A subscription as publishing needs it (cached: never an ORM row)."""

    id: uuid.UUID
    events: frozenset[str]


class WebhookRepository(Repository):
    async def subscription(
        self, subscription_id: uuid.UUID, owner: WebhookOwner, *, lock: bool = False
    ) -> WebhookSubscription:
        """One subscription, or the same NotFound whether it is missing or someone else's;
        `lock` holds its row (PostgreSQL) until commit, so two edits are serialised."""
        stmt = select(WebhookSubscription).where(
            WebhookSubscription.id == subscription_id, _owned_by(owner)
        )
        if lock and self.session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        row = (await self.session.execute(stmt)).scalar_one_or_none()
        if row is None:
            raise NotFound(f"webhook {subscription_id} was not found")
        return row

    async def subscription_by_id(self, subscription_id: uuid.UUID) -> WebhookSubscription | None:
        return await self.session.get(WebhookSubscription, subscription_id)

    async def subscriptions(
        self, owner: WebhookOwner, limit: int, cursor: str | None
    ) -> Page[WebhookSubscription]:
        stmt = select(WebhookSubscription).where(_owned_by(owner))
        return await page_by_id(self.session, stmt, WebhookSubscription.id, limit, cursor)

    async def delete(self, subscription_id: uuid.UUID) -> None:
        await self.session.execute(
            delete(WebhookSubscription).where(WebhookSubscription.id == subscription_id)
        )

    async def listening(self, customer_id: uuid.UUID | None) -> tuple[Listener, ...]:
        """Active subscriptions that hear about a customer: its own, its supporting
        partner's and the vendor-wide ones (only those when there is no customer).

        Cached per customer until a subscription or a customer changes (app/db/cache.py):
        publishing an event to nobody costs no query."""
        assert self.cache is not None, "a unit of work's repository"
        table = await self.cache.table(WEBHOOKS)
        found: tuple[Listener, ...] | None = table.get(customer_id)
        if found is not None:
            return found
        vendor_wide = (WebhookSubscription.customer_id.is_(None)) & (
            WebhookSubscription.partner_id.is_(None)
        )
        owners: list[ColumnElement[bool]] = [vendor_wide]
        if customer_id is not None:
            supporting = select(Customer.partner_id).where(Customer.id == customer_id)
            owners += [
                WebhookSubscription.customer_id == customer_id,
                WebhookSubscription.partner_id.in_(supporting.scalar_subquery()),
            ]
        stmt = (
            select(WebhookSubscription.id, WebhookSubscription.events)
            .where(WebhookSubscription.is_active.is_(True), or_(*owners))
            .order_by(WebhookSubscription.id)
        )
        rows = await self.session.execute(stmt)
        found = table[customer_id] = tuple(Listener(id_, frozenset(ev)) for id_, ev in rows)
        return found

    async def deliveries(
        self, subscription_id: uuid.UUID, limit: int, cursor: str | None
    ) -> Page[WebhookDelivery]:
        stmt = select(WebhookDelivery).where(WebhookDelivery.subscription_id == subscription_id)
        return await page_by_id(self.session, stmt, WebhookDelivery.id, limit, cursor)

    async def attempts_of(self, delivery_id: uuid.UUID) -> int:
        stmt = select(func.count()).where(WebhookDelivery.delivery_id == delivery_id)
        return int((await self.session.execute(stmt)).scalar_one())

    async def record_success(self, subscription_id: uuid.UUID) -> None:
        await self.session.execute(
            update(WebhookSubscription)
            .where(WebhookSubscription.id == subscription_id)
            .values(consecutive_failures=0, failing_since=None)
        )

    async def record_failure(
        self, subscription_id: uuid.UUID, now: datetime
    ) -> tuple[int, datetime | None]:
        """Counts the failure atomically (two workers may fail at once); answers the streak."""
        await self.session.execute(
            update(WebhookSubscription)
            .where(WebhookSubscription.id == subscription_id)
            .values(
                consecutive_failures=WebhookSubscription.consecutive_failures + 1,
                failing_since=func.coalesce(
                    WebhookSubscription.failing_since,
                    literal(now, WebhookSubscription.failing_since.type),
                ),
            )
        )
        stmt = select(
            WebhookSubscription.consecutive_failures, WebhookSubscription.failing_since
        ).where(WebhookSubscription.id == subscription_id)
        row = (await self.session.execute(stmt)).one_or_none()
        return (0, None) if row is None else (row[0], row[1])

    async def disable(self, subscription_id: uuid.UUID, now: datetime) -> bool:
        """Answers whether this call disabled it (so only one owner e-mail is sent)."""
        result = await self.session.execute(
            update(WebhookSubscription)
            .where(WebhookSubscription.id == subscription_id, WebhookSubscription.is_active)
            .values(is_active=False, disabled_at=now)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]
