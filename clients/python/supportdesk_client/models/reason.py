from enum import StrEnum

class Reason(StrEnum):
    DATA_LOSS = "data_loss"
    INADEQUATE_SOLUTION = "inadequate_solution"
    NOT_UNDERSTOOD = "not_understood"
    POOR_EXPERIENCE = "poor_experience"
    RECURRENCE = "recurrence"
    RECURRING_INCIDENTS = "recurring_incidents"
    REPUTATION_RISK = "reputation_risk"
    SEVERITY_DISPUTE = "severity_dispute"
    SLA_BREACH = "sla_breach"

    def __str__(self) -> str:
        return str(self.value)
