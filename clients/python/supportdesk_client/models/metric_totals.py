from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.metric import Metric
from typing import cast






T = TypeVar("T", bound="MetricTotals")



@_attrs_define
class MetricTotals:
    """ One metric's targets: counts, compliance and the times of those whose event happened.

        Attributes:
            breached (int): The event was late, or the clock ran past `due_at`
            compliance (float | None): met / (met + breached), to 4 decimals; null when nothing was judged
            median_seconds (float | None): Median counted clock time from start to the event (met or late), to the
                millisecond; linear interpolation as `percentile_cont`; null without such an event
            met (int): The event happened at or before `due_at`
            metric (Metric): What a target measures (SPEC 3).
            p90_seconds (float | None): 90th percentile of the same times
            running (int): Running or paused: not judged yet
            total (int): Every clock of this metric
     """

    breached: int
    compliance: float | None
    median_seconds: float | None
    met: int
    metric: Metric
    p90_seconds: float | None
    running: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        breached = self.breached

        compliance: float | None
        compliance = self.compliance

        median_seconds: float | None
        median_seconds = self.median_seconds

        met = self.met

        metric = self.metric.value

        p90_seconds: float | None
        p90_seconds = self.p90_seconds

        running = self.running

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "breached": breached,
            "compliance": compliance,
            "median_seconds": median_seconds,
            "met": met,
            "metric": metric,
            "p90_seconds": p90_seconds,
            "running": running,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        breached = d.pop("breached")

        def _parse_compliance(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        compliance = _parse_compliance(d.pop("compliance"))


        def _parse_median_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        median_seconds = _parse_median_seconds(d.pop("median_seconds"))


        met = d.pop("met")

        metric = Metric(d.pop("metric"))




        def _parse_p90_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        p90_seconds = _parse_p90_seconds(d.pop("p90_seconds"))


        running = d.pop("running")

        total = d.pop("total")

        metric_totals = cls(
            breached=breached,
            compliance=compliance,
            median_seconds=median_seconds,
            met=met,
            metric=metric,
            p90_seconds=p90_seconds,
            running=running,
            total=total,
        )


        metric_totals.additional_properties = d
        return metric_totals

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
