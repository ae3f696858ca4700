from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="WebhookReplayQueued")



@_attrs_define
class WebhookReplayQueued:
    """ The events are queued for this subscription only, each as it was first sent (the
    same body, `id` and `seq`) with the same `webhook-id`, and appear in the delivery log.

        Example:
            {'after_seq': 1041, 'last_seq': 1187, 'more': False, 'queued': 3}

        Attributes:
            after_seq (int):
            last_seq (int): The feed position the replay reached: call again with it as `after_seq`
            more (bool): True when `limit` stopped the replay with events left: call again
            queued (int): How many events were queued
     """

    after_seq: int
    last_seq: int
    more: bool
    queued: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        after_seq = self.after_seq

        last_seq = self.last_seq

        more = self.more

        queued = self.queued


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "after_seq": after_seq,
            "last_seq": last_seq,
            "more": more,
            "queued": queued,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        after_seq = d.pop("after_seq")

        last_seq = d.pop("last_seq")

        more = d.pop("more")

        queued = d.pop("queued")

        webhook_replay_queued = cls(
            after_seq=after_seq,
            last_seq=last_seq,
            more=more,
            queued=queued,
        )


        webhook_replay_queued.additional_properties = d
        return webhook_replay_queued

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
