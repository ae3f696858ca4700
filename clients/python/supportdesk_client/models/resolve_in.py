from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ResolveIn")



@_attrs_define
class ResolveIn:
    """ 
        Example:
            {'resolution': 'Carrier trunk replaced; a senior engineer owns the case.'}

        Attributes:
            resolution (str): How the escalation was answered
     """

    resolution: str





    def to_dict(self) -> dict[str, Any]:
        resolution = self.resolution


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "resolution": resolution,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        resolution = d.pop("resolution")

        resolve_in = cls(
            resolution=resolution,
        )

        return resolve_in

