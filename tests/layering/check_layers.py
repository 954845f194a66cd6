#!/usr/bin/env python3
"""The include test: every #include "folder/..." in engine/ goes down the
layer order the README's architecture part writes, never up or sideways.

The README holds the order as a numbered list between the markers
<!-- layers --> and <!-- /layers -->, lowest first; each item names one or
more folders in backticks before its dash:

    1. `base` - ...
    7. `exchange`, `export`, `package` - ...

A file in a folder may include its own folder and the folders of lower
items. Folders on one item are peers and may not include each other. A
folder of engine/ that the list does not name is an error too, so a new
folder is placed in the order before it is used.

Usage: check_layers.py README.md ENGINE_DIR
Prints one line per offending include (file:line: message) and exits 1.
"""
import re
import sys
from pathlib import Path

INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
ITEM = re.compile(r"^\s*\d+\.\s+(.*?)\s+[-\u2014]\s")
NAME = re.compile(r"`([^`]+)`")


def read_layers(readme):
    text = Path(readme).read_text(encoding="utf-8")
    start, end = text.find("<!-- layers -->"), text.find("<!-- /layers -->")
    if start < 0 or end < start:
        sys.exit(f"{readme}: error: no <!-- layers --> ... <!-- /layers --> list")
    level = {}
    for n, line in enumerate(text[start:end].splitlines()):
        m = ITEM.match(line)
        if not m:
            continue
        for folder in NAME.findall(m.group(1)):
            if folder in level:
                sys.exit(f"{readme}: error: `{folder}` is named twice in the layer list")
            level[folder] = n
    if not level:
        sys.exit(f"{readme}: error: the layer list names no folder")
    return level


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    level = read_layers(sys.argv[1])
    engine = Path(sys.argv[2])
    problems = []
    files = sorted(p for p in engine.rglob("*") if p.suffix in (".cpp", ".hpp", ".h") and p.is_file())
    for path in files:
        rel = path.relative_to(engine)
        if len(rel.parts) < 2:
            continue  # nothing lives at engine/'s top but CMakeLists.txt
        own = rel.parts[0]
        shown = f"engine/{rel.as_posix()}"
        if own not in level:
            problems.append(f"{shown}:1: folder `{own}` is not in the README's layer list")
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = m.group(1)
            if "/" not in target:
                problems.append(f"{shown}:{n}: #include \"{target}\" names no folder; write \"{own}/{target}\"")
                continue
            other = target.split("/", 1)[0]
            if other == own:
                continue
            if other not in level:
                problems.append(f"{shown}:{n}: #include \"{target}\": folder `{other}` is not in the layer list")
            elif level[other] == level[own]:
                problems.append(f"{shown}:{n}: `{own}` includes \"{target}\" of its peer `{other}`")
            elif level[other] > level[own]:
                problems.append(f"{shown}:{n}: `{own}` includes \"{target}\" of the higher layer `{other}`")
    for p in problems:
        print(p)
    print(f"{len(files)} files, {len(level)} folders in {len(set(level.values()))} layers: "
          f"{len(problems)} include(s) against the order")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
