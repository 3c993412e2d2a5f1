"""The bench's CPU accounting, which tells whether an audit's ratio to the floor is bound by the machine's cores."""

import time

from benchmarks.bench import CpuMeter


def test_cpu_meter_counts_at_least_the_cpu_this_process_spent() -> None:
    """Machine-wide busy time: what the measured process tree spent, whatever else the machine ran meanwhile."""
    with CpuMeter() as meter:
        deadline = time.process_time() + 0.3
        while time.process_time() < deadline:
            pass
    assert meter.seconds >= 0.25
