"""Compares a dump_step.py dump with ParityDump's Java dump of the same scenario, in step order:
prints, for each tensor that differs, how many elements differ and the first one.

usage: python3 compare_dump.py TORCH.json JAVA.json [MAX_LINES]
"""
import json
import struct
import sys


def as_float(bits):
    return struct.unpack("<f", struct.pack("<I", bits))[0]


def main(torch_file, java_file, max_lines=6):
    expected, actual = json.load(open(torch_file)), json.load(open(java_file))
    shown = 0
    for key, want in expected.items():
        got = actual.get(key)
        if got is None:
            print(f"{key}: missing in the Java dump")
            continue
        differ = [i for i, (a, b) in enumerate(zip(want, got)) if a != b]
        if differ:
            i = differ[0]
            print(f"{key}: {len(differ)}/{len(want)} differ, e.g. [{i}] torch {as_float(want[i])!r} "
                  f"java {as_float(got[i])!r}")
            shown += 1
            if shown >= max_lines:
                return
    if not shown:
        print("identical")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], *map(int, sys.argv[3:]))
