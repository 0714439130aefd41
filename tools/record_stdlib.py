"""Record the trimmed standard library's size and modules in tools/stdlib-record.json, with the reason.

    make stdlib-record REASON="the estimator reads dates with _strptime"

tests/site/test_trimmed_stdlib.py fails when build/python/python_stdlib.zip (made by `make python`) is more
than 10 % larger than the last recorded size: a module more is a download more on every first visit, so
each growth beyond that is recorded here with why it was needed.
"""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORD = ROOT / "tools" / "stdlib-record.json"
BUNDLE = ROOT / "build" / "python" / "bundle.json"


def main(reason: str) -> int:
    if not reason.strip():
        print('say why: make stdlib-record REASON="..."', file=sys.stderr)
        return 2
    stdlib = json.loads(BUNDLE.read_text(encoding="utf-8"))["stdlib"]
    record = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.is_file() else {"history": []}
    record["pyodide"] = json.loads(BUNDLE.read_text(encoding="utf-8"))["pyodide"]
    record["bytes"] = stdlib["bytes"]
    record["files"] = stdlib["files"]
    record["modules"] = stdlib["modules"]
    record["history"].append({"date": datetime.date.today().isoformat(), "bytes": stdlib["bytes"],
                              "files": stdlib["files"], "reason": reason.strip()})
    RECORD.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"recorded {stdlib['bytes']:,} bytes, {stdlib['files']} files: {reason.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(" ".join(sys.argv[1:])))
