from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.period import Period
from typing import cast

if TYPE_CHECKING:
  from ..models.preview_target import PreviewTarget





T = TypeVar("T", bound="PreviewOut")



@_attrs_define
class PreviewOut:
    """ 
        Example:
            {'period': 'BH', 'targets': [{'clock': 'business', 'due_at': '2027-01-04T01:15:00Z', 'metric': 'reaction',
                'minutes': 30}]}

        Attributes:
            period (Period): The agreement's names for when a clock starts (SPEC 3, Periods).
            targets (list[PreviewTarget]):
     """

    period: Period
    targets: list[PreviewTarget]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.preview_target import PreviewTarget # noqa: PLC0415
        period = self.period.value

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "period": period,
            "targets": targets,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preview_target import PreviewTarget # noqa: PLC0415
        d = dict(src_dict)
        period = Period(d.pop("period"))




        targets = []
        _targets = d.pop("targets")
        for targets_item_data in (_targets):
            targets_item = PreviewTarget.from_dict(targets_item_data)



            targets.append(targets_item)


        preview_out = cls(
            period=period,
            targets=targets,
        )


        preview_out.additional_properties = d
        return preview_out

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
