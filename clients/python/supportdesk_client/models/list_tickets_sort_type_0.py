from enum import StrEnum

class ListTicketsSortType0(StrEnum):
    CREATED_AT = "created_at"
    RELEVANCE = "relevance"
    SEVERITY = "severity"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-created_at"
    VALUE_3 = "-updated_at"
    VALUE_5 = "-severity"

    def __str__(self) -> str:
        return str(self.value)
