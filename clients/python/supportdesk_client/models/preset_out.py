from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.preset_parameter_out import PresetParameterOut





T = TypeVar("T", bound="PresetOut")



@_attrs_define
class PresetOut:
    """ 
        Example:
            {'description': "Business hours in the customer's time zone, severities 1-4 with reaction, restore and
                resolution targets.", 'name': 'aarenet-standard', 'parameters': [{'default': 'Europe/Brussels', 'description':
                "The customer's IANA time zone", 'name': 'timezone'}, {'default': 'BE', 'description': 'For public holidays',
                'name': 'country'}], 'title': 'Aarenet standard support'}

        Attributes:
            description (str):
            name (str):
            parameters (list[PresetParameterOut]): What `apply` accepts besides `customer_id` (periods local to the
                customer)
            title (str):
     """

    description: str
    name: str
    parameters: list[PresetParameterOut]
    title: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.preset_parameter_out import PresetParameterOut # noqa: PLC0415
        description = self.description

        name = self.name

        parameters = []
        for parameters_item_data in self.parameters:
            parameters_item = parameters_item_data.to_dict()
            parameters.append(parameters_item)



        title = self.title


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "name": name,
            "parameters": parameters,
            "title": title,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preset_parameter_out import PresetParameterOut # noqa: PLC0415
        d = dict(src_dict)
        description = d.pop("description")

        name = d.pop("name")

        parameters = []
        _parameters = d.pop("parameters")
        for parameters_item_data in (_parameters):
            parameters_item = PresetParameterOut.from_dict(parameters_item_data)



            parameters.append(parameters_item)


        title = d.pop("title")

        preset_out = cls(
            description=description,
            name=name,
            parameters=parameters,
            title=title,
        )


        preset_out.additional_properties = d
        return preset_out

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
