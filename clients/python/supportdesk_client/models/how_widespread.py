from enum import StrEnum

class HowWidespread(StrEnum):
    ALL_USERS = "all_users"
    SINGLE_USER = "single_user"
    SOME_USERS = "some_users"

    def __str__(self) -> str:
        return str(self.value)
