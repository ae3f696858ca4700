from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clock_state import ClockState
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.pause_out import PauseOut





T = TypeVar("T", bound="ClockOut")



@_attrs_define
class ClockOut:
    """ 
        Example:
            {'breached_at': None, 'clock': 'continuous', 'counted_seconds': 2788, 'due_at': '2027-01-05T12:15:42Z',
                'from_phone_call': False, 'metric': 'restore', 'minutes': 240, 'not_applicable_at': None, 'pauses': [],
                'remaining_seconds': 11612, 'started_at': '2027-01-05T08:15:42Z', 'state': 'running', 'stopped_at': None,
                'warn_at': '2027-01-05T11:27:42Z'}

        Attributes:
            breached_at (datetime.datetime | None):
            clock (str):
            counted_seconds (int):
            due_at (datetime.datetime | None): Null while paused or not applicable
            from_phone_call (bool):
            metric (str):
            minutes (int):
            pauses (list[PauseOut]):
            remaining_seconds (int | None): Null once stopped; negative when late
            started_at (datetime.datetime):
            state (ClockState):
            stopped_at (datetime.datetime | None):
            warn_at (datetime.datetime | None):
            not_applicable_at (datetime.datetime | None | Unset): When a severity change left this metric without a target
                (SPEC 3.1)
     """

    breached_at: datetime.datetime | None
    clock: str
    counted_seconds: int
    due_at: datetime.datetime | None
    from_phone_call: bool
    metric: str
    minutes: int
    pauses: list[PauseOut]
    remaining_seconds: int | None
    started_at: datetime.datetime
    state: ClockState
    stopped_at: datetime.datetime | None
    warn_at: datetime.datetime | None
    not_applicable_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.pause_out import PauseOut # noqa: PLC0415
        breached_at: None | str
        if isinstance(self.breached_at, datetime.datetime):
            breached_at = self.breached_at.isoformat()
        else:
            breached_at = self.breached_at

        clock = self.clock

        counted_seconds = self.counted_seconds

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        from_phone_call = self.from_phone_call

        metric = self.metric

        minutes = self.minutes

        pauses = []
        for pauses_item_data in self.pauses:
            pauses_item = pauses_item_data.to_dict()
            pauses.append(pauses_item)



        remaining_seconds: int | None
        remaining_seconds = self.remaining_seconds

        started_at = self.started_at.isoformat()

        state = self.state.value

        stopped_at: None | str
        if isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        warn_at: None | str
        if isinstance(self.warn_at, datetime.datetime):
            warn_at = self.warn_at.isoformat()
        else:
            warn_at = self.warn_at

        not_applicable_at: None | str | Unset
        if isinstance(self.not_applicable_at, Unset):
            not_applicable_at = UNSET
        elif isinstance(self.not_applicable_at, datetime.datetime):
            not_applicable_at = self.not_applicable_at.isoformat()
        else:
            not_applicable_at = self.not_applicable_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "breached_at": breached_at,
            "clock": clock,
            "counted_seconds": counted_seconds,
            "due_at": due_at,
            "from_phone_call": from_phone_call,
            "metric": metric,
            "minutes": minutes,
            "pauses": pauses,
            "remaining_seconds": remaining_seconds,
            "started_at": started_at,
            "state": state,
            "stopped_at": stopped_at,
            "warn_at": warn_at,
        })
        if not_applicable_at is not UNSET:
            field_dict["not_applicable_at"] = not_applicable_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pause_out import PauseOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_breached_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                breached_at_type_0 = datetime.datetime.fromisoformat(data)



                return breached_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        breached_at = _parse_breached_at(d.pop("breached_at"))


        clock = d.pop("clock")

        counted_seconds = d.pop("counted_seconds")

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)



                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))


        from_phone_call = d.pop("from_phone_call")

        metric = d.pop("metric")

        minutes = d.pop("minutes")

        pauses = []
        _pauses = d.pop("pauses")
        for pauses_item_data in (_pauses):
            pauses_item = PauseOut.from_dict(pauses_item_data)



            pauses.append(pauses_item)


        def _parse_remaining_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        remaining_seconds = _parse_remaining_seconds(d.pop("remaining_seconds"))


        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




        state = ClockState(d.pop("state"))




        def _parse_stopped_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stopped_at_type_0 = datetime.datetime.fromisoformat(data)



                return stopped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        stopped_at = _parse_stopped_at(d.pop("stopped_at"))


        def _parse_warn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                warn_at_type_0 = datetime.datetime.fromisoformat(data)



                return warn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        warn_at = _parse_warn_at(d.pop("warn_at"))


        def _parse_not_applicable_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                not_applicable_at_type_0 = datetime.datetime.fromisoformat(data)



                return not_applicable_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        not_applicable_at = _parse_not_applicable_at(d.pop("not_applicable_at", UNSET))


        clock_out = cls(
            breached_at=breached_at,
            clock=clock,
            counted_seconds=counted_seconds,
            due_at=due_at,
            from_phone_call=from_phone_call,
            metric=metric,
            minutes=minutes,
            pauses=pauses,
            remaining_seconds=remaining_seconds,
            started_at=started_at,
            state=state,
            stopped_at=stopped_at,
            warn_at=warn_at,
            not_applicable_at=not_applicable_at,
        )


        clock_out.additional_properties = d
        return clock_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
