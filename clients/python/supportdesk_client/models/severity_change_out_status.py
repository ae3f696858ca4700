from enum import StrEnum

class SeverityChangeOutStatus(StrEnum):
    ACCEPTED = "accepted"
    APPLIED = "applied"
    DECIDED = "decided"
    DISPUTED = "disputed"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
