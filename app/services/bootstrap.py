"""Creating the first administrator."""

from __future__ import annotations

from app.db.session import Database
from app.domain.actors import Role
from app.domain.clock import SystemClock
from app.services.accounts import new_person
from app.services.security import hash_password
from app.settings import Settings


async def create_admin(settings: Settings, email: str, password: str) -> bool:
    """Creates an active admin; False when the address already has an account."""
    db = Database(settings.database_url)
    try:
        async with db.unit_of_work() as uow:
            if await uow.accounts.user_by_email(email) is not None:
                return False
            now = SystemClock().now()
            uow.accounts.add(
                new_person(
                    email,
                    "Administrator",
                    Role.ADMIN,
                    now,
                    password_hash=await hash_password(settings, password),
                    is_active=True,
                )
            )
            await uow.commit()
            return True
    finally:
        await db.dispose()
