"""One severity question open at a time, without a database."""

from __future__ import annotations

import pytest

from app.domain.severity_changes import SeverityChangeInProgress, require_none_open


def test_no_open_change_lets_a_new_one_through() -> None:
    require_none_open(None, None)


@pytest.mark.parametrize("status", ["applied", "accepted", "decided"])
def test_a_settled_change_does_not_block(status: str) -> None:
    require_none_open("c1", status)


@pytest.mark.parametrize("status", ["pending", "disputed"])
def test_a_pending_or_disputed_change_blocks_the_next(status: str) -> None:
    with pytest.raises(SeverityChangeInProgress) as caught:
        require_none_open("c1", status)
    assert caught.value.status == 409
    assert caught.value.extra == {"open_change_id": "c1"}
