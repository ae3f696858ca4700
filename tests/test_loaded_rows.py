"""`from_loaded_row`: a representation read from an ORM row's loaded values, exactly the
one attribute access gives, whatever the row has loaded."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from app.schemas.common import from_loaded_row


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    name: str
    size: int


class Loaded:
    def __init__(self) -> None:
        self.name = "a"
        self.size = 3


class SizeIsAProperty:
    """A field that is not among the instance's values (a property, or unloaded)."""

    def __init__(self) -> None:
        self.name = "b"

    @property
    def size(self) -> int:
        return 7


def test_a_loaded_row_is_read_from_its_values() -> None:
    assert from_loaded_row(Out, Loaded()) == Out(name="a", size=3)


def test_a_value_missing_from_the_row_is_read_by_attribute() -> None:
    assert from_loaded_row(Out, SizeIsAProperty()) == Out(name="b", size=7)
