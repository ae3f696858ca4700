from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.outcome import Outcome
from ..models.ticket_status import TicketStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TransitionIn")



@_attrs_define
class TransitionIn:
    """ 
        Example:
            {'outcome': 'fixed', 'to': 'resolved'}

        Attributes:
            to (TicketStatus): The states of a case (SPEC 4, States).
            outcome (None | Outcome | Unset): Required to resolve
            outcome_detail (None | str | Unset):
            reason (None | str | Unset):
     """

    to: TicketStatus
    outcome: None | Outcome | Unset = UNSET
    outcome_detail: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        to = self.to.value

        outcome: None | str | Unset
        if isinstance(self.outcome, Unset):
            outcome = UNSET
        elif isinstance(self.outcome, Outcome):
            outcome = self.outcome.value
        else:
            outcome = self.outcome

        outcome_detail: None | str | Unset
        if isinstance(self.outcome_detail, Unset):
            outcome_detail = UNSET
        else:
            outcome_detail = self.outcome_detail

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "to": to,
        })
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if outcome_detail is not UNSET:
            field_dict["outcome_detail"] = outcome_detail
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to = TicketStatus(d.pop("to"))




        def _parse_outcome(data: object) -> None | Outcome | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                outcome_type_0 = Outcome(data)



                return outcome_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Outcome | Unset, data)

        outcome = _parse_outcome(d.pop("outcome", UNSET))


        def _parse_outcome_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome_detail = _parse_outcome_detail(d.pop("outcome_detail", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        transition_in = cls(
            to=to,
            outcome=outcome,
            outcome_detail=outcome_detail,
            reason=reason,
        )

        return transition_in

