"""Run the fuzz tests for many examples: python bench/fuzz.py [N] (default 100000).

Same strategies as tests/test_fuzz.py; prints how many inputs ran without a crash.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

n = sys.argv[1] if len(sys.argv) > 1 else "100000"
env = dict(os.environ, TIMELINE_FUZZ_EXAMPLES=n)
t = time.perf_counter()
rc = subprocess.call(
    [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_fuzz.py"], env=env
)
print(f"{n} examples per fuzz test, {time.perf_counter() - t:.0f} s, exit {rc}")
sys.exit(rc)
