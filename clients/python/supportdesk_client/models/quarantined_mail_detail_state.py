from enum import StrEnum

class QuarantinedMailDetailState(StrEnum):
    DELETED = "deleted"
    HELD = "held"
    RELEASED = "released"

    def __str__(self) -> str:
        return str(self.value)
