from enum import StrEnum

class ClockKind(StrEnum):
    BUSINESS = "business"
    CONTINUOUS = "continuous"

    def __str__(self) -> str:
        return str(self.value)
