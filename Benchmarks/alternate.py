#!/usr/bin/env python3
"""Times commands side by side, taking turns: run 1 of each, then run 2 of each, and so on.

    python3 Benchmarks/alternate.py RUNS COMMAND [COMMAND ...]

Prints one line per command: the median wall-clock seconds and the median user CPU seconds
of its runs (the CPU of every process it waited for, so `timeout pandoc ...` counts pandoc).
Each command is split like a shell word list and run without a shell; its output is thrown
away and its exit status ignored (a command stopped by `timeout` is timed as it ran).

Why turns and medians: on a shared machine the load drifts over minutes. Run one after the
other (all of Cited's runs, then all of pandoc's), a command's 0.3 s runs and another's 10 s
runs met different loads, and one slow run moved a mean by a fifth. Taking turns puts both
commands under the same conditions; the median leaves a stray run out.
"""
import resource
import shlex
import statistics
import subprocess
import sys
import time


def timed(command):
    """(wall seconds, user CPU seconds) of one run of `command`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    start = time.perf_counter()
    subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before


def main():
    if len(sys.argv) < 3 or not sys.argv[1].isdigit() or int(sys.argv[1]) < 1:
        sys.exit("usage: alternate.py RUNS COMMAND [COMMAND ...]")
    runs = int(sys.argv[1])
    commands = [shlex.split(text) for text in sys.argv[2:]]
    samples = [[] for _ in commands]
    for _ in range(runs):
        for index, command in enumerate(commands):
            samples[index].append(timed(command))
    for taken in samples:
        wall = statistics.median(sample[0] for sample in taken)
        user = statistics.median(sample[1] for sample in taken)
        print(f"{wall:.2f} {user:.2f}")


if __name__ == "__main__":
    main()
