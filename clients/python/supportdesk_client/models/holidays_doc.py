from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="HolidaysDoc")



@_attrs_define
class HolidaysDoc:
    """ 
        Attributes:
            country (str): ISO 3166-1 alpha-2, e.g. `VN`
            subdivision (None | str | Unset):
     """

    country: str
    subdivision: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        country = self.country

        subdivision: None | str | Unset
        if isinstance(self.subdivision, Unset):
            subdivision = UNSET
        else:
            subdivision = self.subdivision


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "country": country,
        })
        if subdivision is not UNSET:
            field_dict["subdivision"] = subdivision

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country")

        def _parse_subdivision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        subdivision = _parse_subdivision(d.pop("subdivision", UNSET))


        holidays_doc = cls(
            country=country,
            subdivision=subdivision,
        )

        return holidays_doc

