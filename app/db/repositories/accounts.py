"""Queries about people, their tokens, throttling and API keys."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from app.db.cache import IDENTITY
from app.db.models import ApiKey, LoginClient, LoginThrottle, OneTimeToken, RefreshToken, User
from app.db.repositories.base import Repository
from app.db.repositories.pagination import Page, page_by_id
from app.db.repositories.scoping import visible
from app.domain.actors import Role, Scope


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a user id is, and whether their tokens still count (cached: app/db/cache.py)."""

    user_id: uuid.UUID
    role: str
    customer_id: uuid.UUID | None
    partner_id: uuid.UUID | None
    email: str
    name: str
    is_active: bool
    token_version: int


@dataclass(frozen=True, slots=True)
class KeyIdentity:
    """Whose an API key is, and whether it was revoked (cached by the key's digest)."""

    api_key_id: uuid.UUID
    partner_id: uuid.UUID
    revoked_at: datetime | None
    last_used_at: datetime | None


class AccountRepository(Repository):
    async def identity(self, user_id: uuid.UUID) -> Identity | None:
        """The user's identity from the cache, else one narrow read (then cached)."""
        table = await self._identities()
        found = table.get(user_id)
        if found is None:
            stmt = select(
                User.id,
                User.role,
                User.customer_id,
                User.partner_id,
                User.email,
                User.name,
                User.is_active,
                User.token_version,
            ).where(User.id == user_id)
            row = (await self.session.execute(stmt)).one_or_none()
            if row is None:
                return None
            found = table[user_id] = Identity(*row)
        assert isinstance(found, Identity)
        return found

    async def key_identity(self, key_hash: str) -> KeyIdentity | None:
        table = await self._identities()
        found = table.get(key_hash)
        if found is None:
            stmt = select(ApiKey.id, ApiKey.partner_id, ApiKey.revoked_at, ApiKey.last_used_at)
            row = (await self.session.execute(stmt.where(ApiKey.key_hash == key_hash))).first()
            if row is None:
                return None
            found = table[key_hash] = KeyIdentity(*row)
        assert isinstance(found, KeyIdentity)
        return found

    async def touch_api_key(self, key_hash: str, key: KeyIdentity, now: datetime) -> None:
        """Records the key's use (bookkeeping: changes no cached identity elsewhere)."""
        await self.session.execute(
            update(ApiKey).where(ApiKey.id == key.api_key_id).values(last_used_at=now)
        )
        (await self._identities())[key_hash] = replace(key, last_used_at=now)

    async def _identities(self) -> dict[Any, Any]:
        assert self.cache is not None, "a unit of work's repository"
        return await self.cache.table(IDENTITY)

    async def user_by_email(self, email: str) -> User | None:
        stmt = select(User).where(User.email == email.lower())
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def user_by_id(self, user_id: uuid.UUID) -> User | None:
        return await self.session.get(User, user_id)

    async def users_with_role(self, role: Role) -> list[User]:
        stmt = select(User).where(User.role == role.value, User.is_active.is_(True))
        return list((await self.session.execute(stmt.order_by(User.id))).scalars())

    async def list_users(
        self,
        scope: Scope,
        *,
        customer_id: uuid.UUID | None = None,
        partner_id: uuid.UUID | None = None,
        staff_only: bool = False,
        limit: int,
        cursor: str | None,
    ) -> Page[User]:
        stmt = select(User)
        if customer_id is not None:
            stmt = visible(stmt.where(User.customer_id == customer_id), scope, User.customer_id)
        if partner_id is not None:
            stmt = stmt.where(User.partner_id == partner_id)
        if staff_only:
            stmt = stmt.where(User.customer_id.is_(None), User.partner_id.is_(None))
        return await page_by_id(self.session, stmt, User.id, limit, cursor)

    async def one_time_token(self, token_hash: str, purpose: str) -> OneTimeToken | None:
        stmt = select(OneTimeToken).where(
            OneTimeToken.token_hash == token_hash, OneTimeToken.purpose == purpose
        )
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def use_one_time_token(self, token_id: uuid.UUID, now: datetime) -> bool:
        """Marks the token used; False when another request used it first."""
        result = await self.session.execute(
            update(OneTimeToken)
            .where(OneTimeToken.id == token_id, OneTimeToken.used_at.is_(None))
            .values(used_at=now)
        )
        return result.rowcount == 1  # type: ignore[attr-defined,no-any-return]

    async def refresh_token(self, token_hash: str) -> RefreshToken | None:
        stmt = select(RefreshToken).where(RefreshToken.token_hash == token_hash)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def rotate_refresh_token(self, token_id: uuid.UUID, now: datetime) -> bool:
        """Marks the token rotated; False when it was already rotated or revoked (a race)."""
        result = await self.session.execute(
            update(RefreshToken)
            .where(
                RefreshToken.id == token_id,
                RefreshToken.rotated_at.is_(None),
                RefreshToken.revoked_at.is_(None),
            )
            .values(rotated_at=now)
        )
        return result.rowcount == 1  # type: ignore[attr-defined,no-any-return]

    async def revoke_family(self, family_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )

    async def revoke_all_refresh_tokens(self, user_id: uuid.UUID, now: datetime) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now)
        )

    async def record_login_failure(
        self, key: str, now: datetime, window: timedelta, max_failures: int
    ) -> None:
        """Counts a failure atomically (upsert), locking the key once the limit is reached."""
        dialect = self.session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        window_start = now - window
        table = LoginThrottle.__table__
        stale = table.c.window_started_at < window_start
        failures = table.c.failures
        stmt = insert(LoginThrottle).values(
            key=key, failures=1, window_started_at=now, locked_until=None
        )
        new_failures = case((stale, 1), else_=failures + 1)
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "failures": new_failures,
                "window_started_at": case((stale, now), else_=table.c.window_started_at),
                "locked_until": case(
                    (new_failures >= max_failures, now + window), else_=table.c.locked_until
                ),
            },
        )
        await self.session.execute(stmt)

    async def throttles(self, keys: list[str]) -> dict[str, LoginThrottle]:
        """The throttle rows of several keys in one query."""
        stmt = select(LoginThrottle).where(LoginThrottle.key.in_(keys))
        return {row.key: row for row in (await self.session.execute(stmt)).scalars()}

    async def count_event(self, key: str, now: datetime, window: timedelta) -> int:
        """Counts one event under `key` atomically (upsert), restarting the count when its
        window has passed; answers the count in the current window, this event included."""
        dialect = self.session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        table = LoginThrottle.__table__
        stale = table.c.window_started_at <= now - window
        stmt = insert(LoginThrottle).values(
            key=key, failures=1, window_started_at=now, locked_until=None
        )
        upsert = stmt.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "failures": case((stale, 1), else_=table.c.failures + 1),
                "window_started_at": case((stale, now), else_=table.c.window_started_at),
            },
        ).returning(table.c.failures)
        return int((await self.session.execute(upsert)).scalar_one())

    async def is_login_client(self, user_id: uuid.UUID, client: str, since: datetime) -> bool:
        stmt = select(LoginClient.user_id).where(
            LoginClient.user_id == user_id,
            LoginClient.client == client,
            LoginClient.last_login_at >= since,
        )
        return (await self.session.execute(stmt)).first() is not None

    async def remember_login_client(self, user_id: uuid.UUID, client: str, now: datetime) -> None:
        dialect = self.session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        stmt = insert(LoginClient).values(user_id=user_id, client=client, last_login_at=now)
        stmt = stmt.on_conflict_do_update(
            index_elements=[LoginClient.user_id, LoginClient.client],
            set_={"last_login_at": now},
        )
        await self.session.execute(stmt)

    async def void_one_time_tokens(self, user_id: uuid.UUID, purpose: str, now: datetime) -> None:
        """Every unused link of this purpose stops working (a newer one replaces them)."""
        await self.session.execute(
            update(OneTimeToken)
            .where(
                OneTimeToken.user_id == user_id,
                OneTimeToken.purpose == purpose,
                OneTimeToken.used_at.is_(None),
            )
            .values(used_at=now)
        )

    async def clear_login_failures(self, key: str) -> None:
        row = await self.session.get(LoginThrottle, key)
        if row is not None:
            await self.session.delete(row)

    async def api_key_by_hash(self, key_hash: str) -> ApiKey | None:
        stmt = select(ApiKey).where(ApiKey.key_hash == key_hash)
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def api_key(self, key_id: uuid.UUID) -> ApiKey | None:
        return await self.session.get(ApiKey, key_id)
