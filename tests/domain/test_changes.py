"""What each kind of change causes (issue 10): the pure table."""

from __future__ import annotations

import pytest

from app.domain.changes import (
    EFFECTS,
    Change,
    Mail,
    Preference,
    Recipients,
    check_mail,
    heard_by,
    webhook_of,
)
from app.domain.webhooks import EventType, hears


def test_every_kind_has_its_effects_and_every_event_type_a_kind() -> None:
    assert set(EFFECTS) == set(Change)
    published = {effects.webhook for effects in EFFECTS.values()}
    assert published == set(EventType) - {EventType.ALL}


def test_the_event_types_that_existed_keep_their_names() -> None:
    existing = {
        Change.CREATED: "ticket.created",
        Change.UPDATED: "ticket.updated",
        Change.PATCH_RECORDED: "ticket.updated",
        Change.STATE_CHANGED: "ticket.state_changed",
        Change.COMMENT_ADDED: "ticket.comment_added",
        Change.SLA_WARNING: "sla.warning",
        Change.SLA_BREACHED: "sla.breached",
        Change.ESCALATION_OPENED: "escalation.created",
        Change.ESCALATION_ACKNOWLEDGED: "escalation.updated",
        Change.ESCALATION_RESOLVED: "escalation.updated",
        Change.EMERGENCY: "ticket.emergency",
    }
    assert {kind: EFFECTS[kind].webhook.value for kind in existing} == existing


def test_severity_changes_have_event_types_of_their_own() -> None:
    severity = [k for k in Change if k.value.startswith("severity_")]
    types = {EFFECTS[k].webhook for k in severity}
    assert len(types) == len(severity) == 7
    assert EventType.TICKET_UPDATED not in types


def test_who_is_told_and_which_preference_silences_it() -> None:
    assert check_mail(Change.STATE_CHANGED, Recipients.REQUESTER) == Mail(
        Recipients.REQUESTER, Preference.TICKET_UPDATES
    )
    assert check_mail(Change.SLA_BREACHED, Recipients.SUPPORT_OWNERS).preference is (
        Preference.SLA_WARNINGS
    )
    assert check_mail(Change.EMERGENCY, Recipients.ON_CALL).preference is None  # a page
    assert check_mail(Change.CREATED, Recipients.RAISER).preference is None
    assert check_mail(Change.COMMENT_ADDED, Recipients.OTHER_SIDE).preference is (
        Preference.PUBLIC_COMMENTS
    )
    assert EFFECTS[Change.UPDATED].mail == ()
    assert EFFECTS[Change.CALL_RECORDED].mail == ()


def test_an_email_the_table_does_not_name_is_refused() -> None:
    with pytest.raises(ValueError, match="updated change e-mails no requester"):
        check_mail(Change.UPDATED, Recipients.REQUESTER)
    with pytest.raises(ValueError):
        check_mail(Change.SLA_WARNING, Recipients.REQUESTER)


def test_a_subscription_to_every_type_hears_each_one() -> None:
    assert all(hears(["*"], t) for t in EventType if t is not EventType.ALL)
    assert hears(["sla.breached"], EventType.SLA_BREACHED)
    assert not hears(["sla.breached"], EventType.SLA_WARNING)


def test_an_internal_change_sends_no_webhook_and_a_public_one_its_type() -> None:
    assert webhook_of(Change.COMMENT_ADDED, internal=True) is None
    assert webhook_of(Change.COMMENT_ADDED, internal=False) is EventType.TICKET_COMMENT_ADDED
    assert webhook_of(Change.PATCH_RECORDED, internal=False) is EventType.TICKET_UPDATED


def test_a_replay_hears_the_kinds_publishing_would_send() -> None:
    assert heard_by(["*"]) == frozenset(Change)
    assert heard_by(["ticket.updated"]) == {Change.UPDATED, Change.PATCH_RECORDED}
    assert heard_by(["escalation.updated", "sla.breached"]) == {
        Change.ESCALATION_ACKNOWLEDGED,
        Change.ESCALATION_RESOLVED,
        Change.SLA_BREACHED,
    }
    for events in (["ticket.created"], ["ticket.comment_added", "sla.warning"]):
        assert heard_by(events) == {c for c in Change if hears(events, EFFECTS[c].webhook)}
