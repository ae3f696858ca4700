"""What every repository shares: its session and the two plain writes."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession


class Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

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
