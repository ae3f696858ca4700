"""Due-time computations per second on one core (see bench/README.md).

Run from the repository root: `python bench/sla_bench.py [--samples N]`.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain import business_time, calendar_document, calendar_model
from app.domain.business_time import calendar_from_document
from app.domain.sla import ClockKind, Metric, Target, compute_due

WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
AARENET: dict[str, Any] = {
    "name": "Aarenet HCMC",
    "shifts": [
        {
            "name": "HCMC",
            "timezone": "Asia/Ho_Chi_Minh",
            "hours": [{"days": WEEKDAYS, "start": "08:00", "end": "18:00"}],
            "holidays": {"country": "VN", "subdivision": None},
            "closed_dates": [],
        }
    ],
}
BICOM: dict[str, Any] = {
    "name": "Bicom CET + EST",
    "shifts": [
        {
            "name": "CET",
            "timezone": "Europe/Berlin",
            "hours": [{"days": WEEKDAYS, "start": "09:00", "end": "17:00"}],
            "holidays": {"country": "DE", "subdivision": None},
        },
        {
            "name": "EST",
            "timezone": "America/New_York",
            "hours": [{"days": WEEKDAYS, "start": "09:00", "end": "17:00"}],
            "holidays": {"country": "US", "subdivision": None},
        },
    ],
}
SCENARIOS: list[tuple[str, dict[str, Any], Target]] = [
    (
        "(a) Aarenet class 3 restore, 5 x 600 business min",
        AARENET,
        Target(3, Metric.RESTORE, 5 * 600, ClockKind.BUSINESS),
    ),
    (
        "(b) Bicom CET+EST reaction, 1440 business min",
        BICOM,
        Target(1, Metric.REACTION, 1440, ClockKind.BUSINESS),
    ),
    (
        "(c) 30-day continuous resolution",
        AARENET,
        Target(4, Metric.RESOLUTION, 30 * 1440, ClockKind.CONTINUOUS),
    ),
]


def random_instants(count: int, seed: int = 2027) -> list[datetime]:
    """Instants spread over 2027, to the second (fixed seed: runs are comparable)."""
    rng = random.Random(seed)
    start = datetime(2027, 1, 1, tzinfo=UTC)
    return [start + timedelta(seconds=rng.randrange(365 * 86_400)) for _ in range(count)]


def clear_caches() -> None:
    """Forget every memo: timelines, shift intervals, holidays (a freshly started process)."""
    business_time._calendar_timeline.cache_clear()
    business_time._shift_intervals.cache_clear()
    calendar_model.holiday_dates.cache_clear()
    calendar_model._holidays_as_listed.cache_clear()
    calendar_document._holidays_known.cache_clear()


def rate(operation: Callable[[datetime], object], instants: list[datetime]) -> float:
    began = time.perf_counter()
    for instant in instants:
        operation(instant)
    return len(instants) / (time.perf_counter() - began)


def measure(document: dict[str, Any], target: Target, samples: int) -> tuple[float, ...]:
    instants = random_instants(samples)
    calendar = calendar_from_document(document)
    for instant in instants:  # warm-up pass: what a long-running server has
        compute_due(calendar, target, instant)
    warm = rate(lambda i: compute_due(calendar, target, i), instants)

    def rebuilt(instant: datetime) -> object:
        # the calendar parsed from its document per request, process caches warm
        return compute_due(calendar_from_document(document), target, instant)

    per_request = rate(rebuilt, instants[: max(samples // 10, 1)])

    def cold(instant: datetime) -> object:
        clear_caches()
        return compute_due(calendar_from_document(document), target, instant)

    cold_rate = rate(cold, instants[:50])
    return warm, per_request, cold_rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--samples", type=int, default=200_000)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {args.samples} instants per scenario, one core\n")
    header = f"{'scenario':<52} {'warm':>12} {'rebuilt/req':>12} {'cold':>10}"
    print(header)
    print("-" * len(header))
    for name, document, target in SCENARIOS:
        warm, per_request, cold = measure(document, target, args.samples)
        print(f"{name:<52} {warm:>12,.0f} {per_request:>12,.0f} {cold:>10,.0f}")
    print("\nops/s. warm: same Calendar, caches warm. rebuilt/req: Calendar parsed from its")
    print("document per computation, process caches warm. cold: every cache cleared first.")
    sanity = compute_due(
        calendar_from_document(AARENET),
        Target(1, Metric.REACTION, 30, ClockKind.BUSINESS),
        datetime.fromisoformat("2026-12-31T17:45:00+07:00"),
    )
    assert sanity.due_at == datetime.fromisoformat("2027-01-04T01:15:00Z"), sanity
    print("sanity: Appendix A example due", sanity.due_at.isoformat())


if __name__ == "__main__":
    main()
