from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="PresetApplied")



@_attrs_define
class PresetApplied:
    """ 
        Example:
            {'calendar_id': '0190c3d2-6d40-7f51-9e72-405162738495', 'contract_id': '0190c3d2-6c30-7e40-8d61-3f4051627384',
                'preset': 'aarenet-standard', 'sla_policy_id': '0190c3d2-6e50-7062-8f83-5162738495a6'}

        Attributes:
            calendar_id (UUID):
            contract_id (None | UUID):
            preset (str):
            sla_policy_id (UUID):
     """

    calendar_id: UUID
    contract_id: None | UUID
    preset: str
    sla_policy_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        calendar_id = str(self.calendar_id)

        contract_id: None | str
        if isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        preset = self.preset

        sla_policy_id = str(self.sla_policy_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "calendar_id": calendar_id,
            "contract_id": contract_id,
            "preset": preset,
            "sla_policy_id": sla_policy_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        calendar_id = UUID(d.pop("calendar_id"))




        def _parse_contract_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)



                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))


        preset = d.pop("preset")

        sla_policy_id = UUID(d.pop("sla_policy_id"))




        preset_applied = cls(
            calendar_id=calendar_id,
            contract_id=contract_id,
            preset=preset,
            sla_policy_id=sla_policy_id,
        )


        preset_applied.additional_properties = d
        return preset_applied

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
