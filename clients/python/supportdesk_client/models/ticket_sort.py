from enum import StrEnum

class TicketSort(StrEnum):
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    RELEVANCE = "relevance"
    SEVERITY = "severity"
    SEVERITY_DESC = "-severity"
    UPDATED_AT = "updated_at"
    UPDATED_AT_DESC = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
