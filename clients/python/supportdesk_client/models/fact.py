from enum import StrEnum

class Fact(StrEnum):
    A_NUMBER = "a_number"
    B_NUMBER = "b_number"
    FAILED_CALL_AT = "failed_call_at"
    FAILURE_REASON = "failure_reason"
    HOW_WIDESPREAD = "how_widespread"
    REPRODUCIBLE = "reproducible"
    TEST_CALLS_ALLOWED = "test_calls_allowed"

    def __str__(self) -> str:
        return str(self.value)
