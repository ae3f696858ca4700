from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ProblemTypeOut")



@_attrs_define
class ProblemTypeOut:
    """ 
        Example:
            {'description': '`If-Match` names a version that is no longer current.', 'slug': 'precondition-failed',
                'status': 412, 'title': 'The resource changed since you read it', 'type':
                'https://supportdesk.dev/problems/precondition-failed'}

        Attributes:
            description (str):
            slug (str):
            status (int):
            title (str):
            type_ (str):
     """

    description: str
    slug: str
    status: int
    title: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        description = self.description

        slug = self.slug

        status = self.status

        title = self.title

        type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "slug": slug,
            "status": status,
            "title": title,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        slug = d.pop("slug")

        status = d.pop("status")

        title = d.pop("title")

        type_ = d.pop("type")

        problem_type_out = cls(
            description=description,
            slug=slug,
            status=status,
            title=title,
            type_=type_,
        )


        problem_type_out.additional_properties = d
        return problem_type_out

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
