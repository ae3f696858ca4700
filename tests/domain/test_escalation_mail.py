"""Escalation by e-mail (issue 13 point 5), without a database: the written format a
mail to a level's role mailbox uses, its defaults, the level the mailbox opens, and
the reason a refused one is held for."""

from __future__ import annotations

import pytest

from app.domain import escalation as rules
from app.domain import escalation_mail as mail_rules
from app.domain.actors import Role
from app.domain.contracts import EscalationLevel
from app.domain.errors import InvalidField, NotFound
from app.domain.inbound_mail import QuarantineReason
from app.domain.tracking import TrackingNumber

SM_BOX, CSM_BOX = "supportmanager@desk.example", "customerservice@desk.example"
BICOM = (
    EscalationLevel(1, Role.SUPPORT_MANAGER, mailbox=SM_BOX),
    EscalationLevel(2, Role.CUSTOMER_SERVICE_MANAGER, mailbox=CSM_BOX),
)
LETTER = """Reason: Inadequate solution
Impact: Our call centre cannot reach any PSTN number;
400 agents are idle.
Progress to date: Two restarts of the trunk failed.
Related cases: SD-2027-000012, sd-2027-000015

> On Monday support wrote: SD-2027-000099 is fixed
--
Lan Nguyen, ACME
"""


def test_the_labelled_lines_give_the_written_fields() -> None:
    fields = mail_rules.written(LETTER)
    assert fields.reason == "inadequate_solution"
    assert fields.business_impact == (
        "Our call centre cannot reach any PSTN number;\n400 agents are idle."
    )
    assert fields.progress_to_date == "Two restarts of the trunk failed."
    assert fields.related_cases == ("SD-2027-000012", "SD-2027-000015")


def test_a_plain_letter_escalates_with_the_defaults() -> None:
    fields = mail_rules.written("Nothing has happened for a week and our agents are idle.\n")
    assert fields.reason == "poor_experience"
    assert fields.business_impact == "Nothing has happened for a week and our agents are idle."
    assert fields.progress_to_date == mail_rules.PROGRESS_NOT_STATED
    assert fields.related_cases == ()
    empty = mail_rules.written("")
    assert empty.business_impact == mail_rules.IMPACT_NOT_STATED
    # The defaults satisfy the written rules of SPEC 5.
    for text in (empty.business_impact, empty.progress_to_date):
        assert rules.statement("field", text) == text


def test_an_unknown_reason_is_named_by_the_written_rules() -> None:
    fields = mail_rules.written("Reason: very angry\nImpact: Nobody can call out today.")
    with pytest.raises(InvalidField) as err:
        rules.parse_reason(fields.reason)
    assert err.value.field == "reason"


def test_the_case_is_the_subjects_tracking_number_else_the_texts() -> None:
    assert mail_rules.tracking_number("Escalation [SD-2027-000123]", LETTER) == TrackingNumber(
        2027, 123
    )
    body = "Related: SD-2027-000012\nImpact: case SD-2027-000077 is still down for us"
    assert mail_rules.tracking_number("Escalation", body) == TrackingNumber(2027, 77)
    # Neither a related case nor a quoted one is the escalated case.
    assert mail_rules.tracking_number("Escalation", LETTER) is None


def test_a_mailbox_opens_its_own_level_when_it_is_the_cases_next() -> None:
    first = rules.mailbox_level(BICOM, "SupportManager@desk.example", None)
    assert (first.level, first.role, first.mailbox) == (1, Role.SUPPORT_MANAGER, SM_BOX)
    assert rules.mailbox_level(BICOM, CSM_BOX, 1).level == 2


def test_a_mailbox_out_of_turn_is_refused_naming_the_next_levels_address() -> None:
    with pytest.raises(rules.EscalationOutOfTurn) as err:
        rules.mailbox_level(BICOM, CSM_BOX, None)
    assert SM_BOX in err.value.detail and err.value.extra["next_level"] == 1
    with pytest.raises(rules.EscalationOutOfTurn) as err:
        rules.mailbox_level(BICOM, SM_BOX, 1)  # already at level 1: level 2 is next
    assert CSM_BOX in err.value.detail
    with pytest.raises(rules.EscalationTopLevelReached):
        rules.mailbox_level(BICOM, CSM_BOX, 2)


def test_a_mailbox_of_another_contracts_chain_is_refused() -> None:
    with pytest.raises(rules.NotThisCasesMailbox):
        rules.mailbox_level(BICOM, "escalate@other.example", None)
    with pytest.raises(rules.NotThisCasesMailbox):
        rules.mailbox_level((EscalationLevel(1, Role.DIRECTOR),), SM_BOX, None)


def test_each_refusal_is_held_with_its_reason() -> None:
    assert mail_rules.refusal(NotFound("no case")) is QuarantineReason.ESCALATION_NO_CASE
    closed = rules.TicketNotOpen("closed", ticket_status="closed")
    assert mail_rules.refusal(closed) is QuarantineReason.ESCALATION_CASE_CLOSED
    turn = rules.EscalationOutOfTurn("not yet", level=2, next_level=1)
    assert mail_rules.refusal(turn) is QuarantineReason.ESCALATION_REFUSED
    assert mail_rules.refusal(InvalidField("reason", "?")) is QuarantineReason.ESCALATION_REFUSED
