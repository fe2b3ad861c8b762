"""Benchmark reference: the raw libyaml parse of a file, timed in-process.

    python benchmarks/_parse.py FILE

prints the seconds `yaml.load(f, Loader=yaml.CSafeLoader)` took on FILE opened in binary
mode: the parse and construction of plain Python objects, nothing else (not the
interpreter's start, not `import yaml`).
"""

from __future__ import annotations

import sys
import time

import yaml


def main(path: str) -> int:
    if not hasattr(yaml, "CSafeLoader"):
        print("PyYAML was built without libyaml: no CSafeLoader", file=sys.stderr)
        return 2
    start = time.perf_counter()
    with open(path, "rb") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
    print(f"{time.perf_counter() - start:.6f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
