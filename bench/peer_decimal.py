#!/usr/bin/env python3
"""The peer run for bench/decimal_benchmark.cpp: the same decimal kernels in Python's decimal
module (CPython's C implementation, libmpdec), over the same 4,096 considerations from the same
LCG. Prints items per second for each kernel, like Google Benchmark's items_per_second."""
import decimal
import time

decimal.getcontext().prec = 38
HALF_UP = decimal.ROUND_HALF_UP
CEILING = decimal.ROUND_CEILING
CENT = decimal.Decimal("0.01")
DOLLAR = decimal.Decimal("1")


def considerations(count):
    out, state = [], 42
    for _ in range(count):
        state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        units = 100_000 + (state >> 33) % 990_000_000
        out.append(decimal.Decimal(units).scaleb(-2))
    return out


def measure(name, kernel, values, min_seconds=0.5):
    rounds, start = 0, time.perf_counter()
    while True:
        kernel(values)
        rounds += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            break
    rate = rounds * len(values) / elapsed
    print(f"{name:<34} {rate / 1e6:8.2f} M items/s")


def add(values):
    total = decimal.Decimal(0)
    for v in values:
        total += v


def multiply_rate_round(values, rate=decimal.Decimal("0.000027")):
    total = decimal.Decimal(0)
    for v in values:
        total += (v * rate).quantize(CENT, rounding=HALF_UP)


def multiply_rate_ceiling(values, rate=decimal.Decimal("0.001")):
    total = decimal.Decimal(0)
    for v in values:
        total += (v * rate).quantize(DOLLAR, rounding=CEILING)


def parse(texts):
    for t in texts:
        decimal.Decimal(t)


def fmt(values):
    for v in values:
        str(v)


values = considerations(4096)
texts = [str(v) for v in values]
measure("py_decimal_add", add, values)
measure("py_decimal_multiply_rate_round", multiply_rate_round, values)
measure("py_decimal_multiply_rate_ceiling", multiply_rate_ceiling, values)
measure("py_decimal_parse", parse, texts)
measure("py_decimal_format", fmt, values)
