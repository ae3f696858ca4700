"""Which database failures mean "unavailable" (503, retry later), not a bug (500)."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, PendingRollbackError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from app.domain.errors import DatabaseUnavailable

# PostgreSQL classes 08 (connection exception) and 57 (operator intervention: shutdown,
# terminated backend), 53300 (too many connections), 55P03 (lock wait), 40001/40P01
# are not ours to hide; everything that means "the server went away" is.
_UNAVAILABLE_SQLSTATE_CLASSES = ("08", "57")
_UNAVAILABLE_SQLSTATES = {"53300", "53400"}


def unavailable(exc: BaseException) -> DatabaseUnavailable | None:
    """The 503 to answer for `exc`, or None when `exc` is not about availability."""
    if isinstance(exc, PendingRollbackError):  # the connection broke earlier in this request
        return DatabaseUnavailable("the database connection was lost: retry shortly")
    if isinstance(exc, PoolTimeout):
        return DatabaseUnavailable("every database connection is busy: retry shortly")
    if isinstance(exc, ConnectionError):  # the server refused or dropped the TCP connection
        return DatabaseUnavailable("the database cannot be reached: retry shortly")
    if not isinstance(exc, DBAPIError):
        return None
    code = getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None) or ""
    if (
        exc.connection_invalidated
        or isinstance(exc, InterfaceError)  # asyncpg: connection closed or busy
        or isinstance(exc.orig, ConnectionError)
        or code.startswith(_UNAVAILABLE_SQLSTATE_CLASSES)
        or code in _UNAVAILABLE_SQLSTATES
        or (isinstance(exc, OperationalError) and "database is locked" in str(exc.orig))
        or "another operation is in progress" in str(exc.orig)  # a connection cut mid-use
        or "connection was closed" in str(exc.orig)
    ):
        return DatabaseUnavailable("the database connection was lost: retry shortly")
    return None
