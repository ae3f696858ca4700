from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.policy_document import PolicyDocument





T = TypeVar("T", bound="PolicyVersionOut")



@_attrs_define
class PolicyVersionOut:
    """ 
        Example:
            {'created_at': '2026-12-01T06:45:00Z', 'created_by': '0190c3d2-7030-7c5d-8e6f-70819a2b3c4d', 'document':
                {'name': 'Premium', 'priority_matrix': None, 'severities': [{'definition': 'All calls fail', 'level': 1, 'name':
                'Critical'}, {'definition': 'Many calls fail; no workaround', 'level': 2, 'name': 'Major'}], 'targets':
                [{'clock': 'continuous', 'metric': 'reaction', 'minutes': 15, 'severity': 1}, {'clock': 'continuous', 'metric':
                'restore', 'minutes': 120, 'severity': 1}, {'clock': 'continuous', 'metric': 'restore', 'minutes': 240,
                'severity': 2}, {'clock': 'business', 'metric': 'resolution', 'minutes': 4800, 'severity': 2}, {'clock':
                'continuous', 'metric': 'update', 'minutes': 120, 'severity': 2}]}, 'id':
                '0190c3d2-6e51-7b22-9c33-6d7e8f901234', 'reason': 'Severity 2 update interval shortened to two hours',
                'sla_policy_id': '0190c3d2-6e50-7062-8f83-5162738495a6', 'version': 2}

        Attributes:
            created_at (datetime.datetime):
            created_by (None | UUID): The user who wrote this version
            document (PolicyDocument): Severity scheme, optional urgency x impact matrix, and targets (SPEC 3). Example:
                {'name': 'iPass', 'severities': [{'definition': 'Authentication infrastructure down: no user can connect',
                'level': 1, 'name': 'High'}], 'targets': [{'after_phone_call': {'by_period': {'NBH2': 60}, 'minutes': 15},
                'clock': 'continuous', 'metric': 'reaction', 'minutes': 60, 'severity': 1}]}.
            id (UUID):
            reason (str):
            sla_policy_id (UUID):
            version (int):
     """

    created_at: datetime.datetime
    created_by: None | UUID
    document: PolicyDocument
    id: UUID
    reason: str
    sla_policy_id: UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.policy_document import PolicyDocument # noqa: PLC0415
        created_at = self.created_at.isoformat()

        created_by: None | str
        if isinstance(self.created_by, UUID):
            created_by = str(self.created_by)
        else:
            created_by = self.created_by

        document = self.document.to_dict()

        id = str(self.id)

        reason = self.reason

        sla_policy_id = str(self.sla_policy_id)

        version = self.version


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "created_by": created_by,
            "document": document,
            "id": id,
            "reason": reason,
            "sla_policy_id": sla_policy_id,
            "version": version,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.policy_document import PolicyDocument # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_created_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_by_type_0 = UUID(data)



                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        created_by = _parse_created_by(d.pop("created_by"))


        document = PolicyDocument.from_dict(d.pop("document"))




        id = UUID(d.pop("id"))




        reason = d.pop("reason")

        sla_policy_id = UUID(d.pop("sla_policy_id"))




        version = d.pop("version")

        policy_version_out = cls(
            created_at=created_at,
            created_by=created_by,
            document=document,
            id=id,
            reason=reason,
            sla_policy_id=sla_policy_id,
            version=version,
        )


        policy_version_out.additional_properties = d
        return policy_version_out

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
