from enum import StrEnum

class TicketStatus(StrEnum):
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"
    IN_PROGRESS = "in_progress"
    NEW = "new"
    RESOLVED = "resolved"
    RESTORED = "restored"
    WAITING_CUSTOMER = "waiting_customer"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
