"""Check that a virtual environment holds exactly the pins of constraints/dev.lock.

Usage: python scripts/check_lock.py [LOCK]  (run with the environment's own python)

Compares ``pip freeze`` (leaving out nkcorpus itself) with the lock, names normalized as
pip does, and exits 1 with the differences when they are not the same set.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


def _pins(lines: list[str]) -> dict[str, str]:
    pins = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==(\S+)", line)
        if match:
            pins[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(3)
    return pins


def main() -> int:
    lock = Path(sys.argv[1] if len(sys.argv) > 1 else "constraints/dev.lock")
    wanted = _pins(lock.read_text(encoding="utf-8").splitlines())
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--exclude-editable", "--all"],
        check=True, capture_output=True, text=True,
    ).stdout.splitlines()
    have = _pins(frozen)
    for tool in ("pip", "setuptools", "wheel", "nkcorpus"):
        if tool not in wanted:
            have.pop(tool, None)
    missing = sorted(f"{n}=={v}" for n, v in wanted.items() if have.get(n) != v)
    extra = sorted(f"{n}=={v}" for n, v in have.items() if wanted.get(n) != v)
    if missing or extra:
        print(f"the environment differs from {lock}:", file=sys.stderr)
        for pin in missing:
            print(f"  locked, not installed: {pin}", file=sys.stderr)
        for pin in extra:
            print(f"  installed, not locked: {pin}", file=sys.stderr)
        print("  remove .venv and run: bash scripts/setup.sh", file=sys.stderr)
        return 1
    print(f"the environment matches {lock} ({len(wanted)} pins)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
