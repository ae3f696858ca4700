from enum import StrEnum

class ListQuarantinedMailsStateType0(StrEnum):
    DELETED = "deleted"
    HELD = "held"
    RELEASED = "released"

    def __str__(self) -> str:
        return str(self.value)
