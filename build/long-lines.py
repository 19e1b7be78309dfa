#!/usr/bin/env python3
"""Counts lines over .editorconfig's max_line_length (120) in the repository's .cs and .razor files, migrations
aside, and fails above 1 %. Characters are counted, not bytes: a line of Japanese is as long as it looks to the
editor's ruler."""
import subprocess
import sys

LIMIT, MAX_SHARE = 120, 0.01
files = subprocess.run(["git", "ls-files", "*.cs", "*.razor"], capture_output=True, text=True, check=True).stdout.split()
total, long_lines = 0, []
for path in files:
    if "/Migrations/" in path:
        continue
    with open(path, encoding="utf-8-sig") as f:
        for number, line in enumerate(f, 1):
            total += 1
            if len(line.rstrip("\r\n")) > LIMIT:
                long_lines.append(f"{path}:{number}")
share = len(long_lines) / max(total, 1)
print(f"{len(long_lines)} of {total} lines over {LIMIT} characters ({share:.2%}; at most {MAX_SHARE:.0%} allowed)")
if share > MAX_SHARE:
    print("\n".join(long_lines[:50]))
    sys.exit(1)
