from enum import StrEnum

class Outcome(StrEnum):
    ACCOUNT_MANAGER = "account_manager"
    BUG = "bug"
    FEATURE_REQUEST = "feature_request"
    FIXED = "fixed"
    NOT_POSSIBLE = "not_possible"

    def __str__(self) -> str:
        return str(self.value)
