"""What every repository shares: its session and the two plain writes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession

if TYPE_CHECKING:
    from app.db.cache import CacheView


class Repository:
    def __init__(self, session: AsyncSession, cache: CacheView | None = None) -> None:
        self.session = session
        self.cache = cache  # the unit of work's, for the repositories that cache

    @property
    def dialect(self) -> str:
        """`postgresql` or `sqlite`: for the few features one database spells differently."""
        return str(self.session.get_bind().dialect.name)

    def add(self, row: Any) -> None:
        self.session.add(row)

    async def flush(self) -> None:
        await self.session.flush()

    async def delete(self, row: Any) -> None:
        await self.session.delete(row)

    async def reload(self, row: Any) -> None:
        """Re-reads a row changed by a bulk UPDATE in this transaction."""
        await self.session.refresh(row)
