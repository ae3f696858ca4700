from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="CallIn")



@_attrs_define
class CallIn:
    """ 
        Example:
            {'caller_email': 'lan@acme.com', 'code': 'K7PX-2M9Q', 'notes': 'Caller confirms all PSTN calls fail since
                09:10.'}

        Attributes:
            caller_email (str):
            code (str):
            notes (str | Unset):  Default: ''.
     """

    caller_email: str
    code: str
    notes: str | Unset = ''





    def to_dict(self) -> dict[str, Any]:
        caller_email = self.caller_email

        code = self.code

        notes = self.notes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "caller_email": caller_email,
            "code": code,
        })
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        caller_email = d.pop("caller_email")

        code = d.pop("code")

        notes = d.pop("notes", UNSET)

        call_in = cls(
            caller_email=caller_email,
            code=code,
            notes=notes,
        )

        return call_in

