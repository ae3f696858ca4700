from enum import StrEnum

class QuarantineState(StrEnum):
    DELETED = "deleted"
    HELD = "held"
    RELEASED = "released"

    def __str__(self) -> str:
        return str(self.value)
