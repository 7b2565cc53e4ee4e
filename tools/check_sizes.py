#!/usr/bin/env python3
"""Reports source files over 400 lines and functions over 60 lines (outside
tests and data tables), the limits docs/architecture.md promises.

A function is a brace block that opens at the end of a line which looks like
a function head (a ')' before the '{', optionally const/override/noexcept or
a constructor's initializer list) and is not a control statement or lambda.
Exit status 1 when something is over a limit."""
import re
import sys
from pathlib import Path

ROOTS = ["common", "daemon", "ctl", "fleet", "tray"]
MAX_FILE, MAX_FUNC = 400, 60
HEAD = re.compile(r"^[\w:<>,&*~ ]+\([^;]*\)\s*(const)?\s*(override)?\s*(noexcept)?\s*(->\s*[\w:<>]+)?\s*\{\s*$")
CONTROL = re.compile(r"^\s*(if|for|while|switch|else|do|catch|return|case)\b")


def head_end(lines, i):
    """The line where a function head starting at line i opens its body, or None."""
    line = lines[i]
    if not line or line[0].isspace() or line[0] in "}#/" or "(" not in line or CONTROL.match(line):
        return None
    if HEAD.match(line):
        return i
    # A head over several lines: its parameters end with ") {" within four lines.
    for j in range(i, min(i + 4, len(lines))):
        if ";" in lines[j]:
            return None
        if re.search(r"\)\s*(const)?\s*(override)?\s*(noexcept)?\s*(:.*)?\{\s*$", lines[j]):
            return j
    return None


def functions(lines):
    i = 0
    while i < len(lines):
        line = lines[i]
        if head_end(lines, i) is not None:
            depth, j = 0, i
            while j < len(lines):
                depth += lines[j].count("{") - lines[j].count("}")
                if depth <= 0 and j > i:
                    break
                j += 1
            yield line.strip(), i + 1, j - i + 1
            i = j
        i += 1


def main():
    bad = 0
    for root in ROOTS:
        for path in sorted(Path(root).rglob("*")):
            if path.suffix not in (".cc", ".h"):
                continue
            lines = path.read_text(errors="replace").splitlines()
            if len(lines) > MAX_FILE:
                print(f"{path}: {len(lines)} lines (over {MAX_FILE})")
                bad += 1
            for head, start, length in functions(lines):
                # A data table (one entry per line) may be long: say so above it.
                if start >= 2 and "data table" in lines[start - 2]:
                    continue
                if length > MAX_FUNC:
                    print(f"{path}:{start}: {length} lines: {head[:80]}")
                    bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
