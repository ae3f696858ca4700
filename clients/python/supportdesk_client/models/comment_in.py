from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.visibility import Visibility
from ..types import UNSET, Unset






T = TypeVar("T", bound="CommentIn")



@_attrs_define
class CommentIn:
    """ 
        Example:
            {'body': 'We reproduced the failure on trunk 2 and are checking the carrier.', 'visibility': 'public'}

        Attributes:
            body (str):
            visibility (Visibility | Unset):
     """

    body: str
    visibility: Visibility | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        body = self.body

        visibility: str | Unset = UNSET
        if not isinstance(self.visibility, Unset):
            visibility = self.visibility.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "body": body,
        })
        if visibility is not UNSET:
            field_dict["visibility"] = visibility

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        _visibility = d.pop("visibility", UNSET)
        visibility: Visibility | Unset
        if isinstance(_visibility,  Unset):
            visibility = UNSET
        else:
            visibility = Visibility(_visibility)




        comment_in = cls(
            body=body,
            visibility=visibility,
        )

        return comment_in

