"""Operational checks."""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import text

from app.db.session import Database

log = logging.getLogger("supportdesk.operations")


async def database_ready(db: object) -> bool:
    assert isinstance(db, Database)
    try:
        async with asyncio.timeout(3), db.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception as exc:  # any failure means "not ready"; the log says which
        log.warning("database not ready: %s", exc)
        return False
    return True
