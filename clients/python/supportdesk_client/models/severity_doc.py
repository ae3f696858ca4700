from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="SeverityDoc")



@_attrs_define
class SeverityDoc:
    """ 
        Attributes:
            level (int):
            name (str):
            definition (str | Unset): Shown to customers Default: ''.
     """

    level: int
    name: str
    definition: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        level = self.level

        name = self.name

        definition = self.definition


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "level": level,
            "name": name,
        })
        if definition is not UNSET:
            field_dict["definition"] = definition

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        level = d.pop("level")

        name = d.pop("name")

        definition = d.pop("definition", UNSET)

        severity_doc = cls(
            level=level,
            name=name,
            definition=definition,
        )

        return severity_doc

