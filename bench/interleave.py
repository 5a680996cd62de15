"""Fair comparisons on a shared machine: run each side in short alternating slices.

A benchmark that times side A for a minute and then side B for a minute measures whatever
else the machine did in those two minutes as much as A and B. Here every side runs for a
few seconds, then the next, for several rounds (the order alternating each round), and each
slice gives one figure. We report the median slice with its spread (p10-p90), and for a
comparison the median of the per-round ratios, each taken between slices only seconds
apart, so load that drifts over the run cancels out. ``bench/web.py`` does the same for
HTTP load (``measure_interleaved``).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# One slice: run for about `seconds`, return (units of work done, wall seconds, CPU seconds).
Slice = Callable[[float], tuple[int, float, float]]


@dataclass(frozen=True)
class Spread:
    median: float
    p10: float
    p90: float

    def __str__(self) -> str:
        return f"{self.median:,.4g} (p10-p90 {self.p10:,.4g}-{self.p90:,.4g})"


def spread(values: Sequence[float]) -> Spread:
    ordered = sorted(values)
    if len(ordered) == 1:
        return Spread(ordered[0], ordered[0], ordered[0])
    deciles = statistics.quantiles(ordered, n=10, method="inclusive")
    return Spread(statistics.median(ordered), deciles[0], deciles[-1])


@dataclass
class Side:
    rates: list[float]  # units per wall second, one per slice
    cpu_per_unit: list[float]  # CPU seconds per unit, one per slice


def timed_loop(step: Callable[[int], object]) -> Slice:
    """A slice that calls step(i) until its time is up."""
    counter = [0]

    def run(seconds: float) -> tuple[int, float, float]:
        done = 0
        c0 = time.process_time()
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < seconds:
            step(counter[0])
            counter[0] += 1
            done += 1
        return done, time.perf_counter() - t0, time.process_time() - c0

    return run


def interleave(sides: dict[str, Slice], *, rounds: int, seconds: float) -> dict[str, Side]:
    """Run every side `rounds` times for `seconds` each, alternating (the order reversed
    every other round, so neither side always follows the other)."""
    results = {name: Side([], []) for name in sides}
    names = list(sides)
    for r in range(rounds):
        for name in names if r % 2 == 0 else reversed(names):
            units, wall, cpu = sides[name](seconds)
            results[name].rates.append(units / wall)
            results[name].cpu_per_unit.append(cpu / max(units, 1))
    return results


def ratios(ours: Side, theirs: Side) -> Spread:
    """Ours / theirs, round by round (slices seconds apart), as a median with its spread."""
    return spread([a / b for a, b in zip(ours.rates, theirs.rates, strict=True)])
