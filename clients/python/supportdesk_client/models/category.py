from enum import StrEnum

class Category(StrEnum):
    CONFIGURATION_CHANGE = "configuration_change"
    FEATURE_REQUEST = "feature_request"
    INCIDENT = "incident"
    QUESTION = "question"

    def __str__(self) -> str:
        return str(self.value)
