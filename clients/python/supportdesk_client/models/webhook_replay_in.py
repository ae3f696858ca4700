from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="WebhookReplayIn")



@_attrs_define
class WebhookReplayIn:
    """ 
        Example:
            {'after_seq': 1041}

        Attributes:
            after_seq (int): Replay the changes after this change-feed position (`seq`): the last one the receiver
                processed, or 0 for all
            limit (int | Unset): At most this many events per call; continue from `last_seq` Default: 10000.
     """

    after_seq: int
    limit: int | Unset = 10000





    def to_dict(self) -> dict[str, Any]:
        after_seq = self.after_seq

        limit = self.limit


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "after_seq": after_seq,
        })
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        after_seq = d.pop("after_seq")

        limit = d.pop("limit", UNSET)

        webhook_replay_in = cls(
            after_seq=after_seq,
            limit=limit,
        )

        return webhook_replay_in

