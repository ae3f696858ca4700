from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.clock_kind import ClockKind
from ..models.metric import Metric
from typing import cast
import datetime






T = TypeVar("T", bound="PreviewTarget")



@_attrs_define
class PreviewTarget:
    """ 
        Attributes:
            clock (ClockKind): `business` counts the calendar's business time; `continuous` counts all time.
            due_at (datetime.datetime): UTC
            metric (Metric): What a target measures (SPEC 3).
            minutes (int): The duration that applied (after by_period / phone call)
     """

    clock: ClockKind
    due_at: datetime.datetime
    metric: Metric
    minutes: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        clock = self.clock.value

        due_at = self.due_at.isoformat()

        metric = self.metric.value

        minutes = self.minutes


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "clock": clock,
            "due_at": due_at,
            "metric": metric,
            "minutes": minutes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        clock = ClockKind(d.pop("clock"))




        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))




        metric = Metric(d.pop("metric"))




        minutes = d.pop("minutes")

        preview_target = cls(
            clock=clock,
            due_at=due_at,
            metric=metric,
            minutes=minutes,
        )


        preview_target.additional_properties = d
        return preview_target

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
