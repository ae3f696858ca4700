"""One severity question open at a time (SPEC 4.1.1, alongside `app.domain.severity`).

A proposal awaiting an answer, or a dispute awaiting the regional operations manager,
must be settled before another change is made: otherwise an old proposal could be
accepted against a severity it was not made from.
"""

from __future__ import annotations

from app.domain.errors import Conflict
from app.domain.severity import SeverityChangeStatus

OPEN_STATUSES = frozenset({SeverityChangeStatus.PENDING, SeverityChangeStatus.DISPUTED})


class SeverityChangeInProgress(Conflict):
    type_slug = "severity-change-in-progress"
    title = "Another severity change is still open"


def require_none_open(open_change_id: str | None, open_status: str | None) -> None:
    """`SeverityChangeInProgress` naming the open change, if there is one."""
    if open_change_id is None or open_status is None:
        return
    status = SeverityChangeStatus(open_status)
    if status in OPEN_STATUSES:
        waiting = "an answer" if status is SeverityChangeStatus.PENDING else "a decision"
        raise SeverityChangeInProgress(
            f"severity change {open_change_id} is {status.value} and awaits {waiting}; "
            "settle it first",
            open_change_id=open_change_id,
        )
