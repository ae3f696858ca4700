from enum import StrEnum

class Period(StrEnum):
    BH = "BH"
    NBH1 = "NBH1"
    NBH2 = "NBH2"

    def __str__(self) -> str:
        return str(self.value)
