from enum import StrEnum

class ListTicketsSort(StrEnum):
    CREATED_AT = "created_at"
    SEVERITY = "severity"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-created_at"
    VALUE_3 = "-updated_at"
    VALUE_5 = "-severity"

    def __str__(self) -> str:
        return str(self.value)
