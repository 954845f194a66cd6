#!/usr/bin/env python3
"""play_through.py COURSE_DIR -- LEKTION [ARGS...]: plays the bundled course
through `lektion play --text --lang da` from a pipe, as a learner would:
every lesson read to its end, every attention check and quiz question
answered right (the right options read from the course's XML), the quiz
submitted. Exits 0 when the course ends completed with 15 answers given,
else prints the last screen and exits 1. The same walk as
tests/player/text_player_test.cpp, for a program outside the build tree
(the .deb and moved-install tests)."""
import os
import re
import select
import subprocess
import sys
import xml.etree.ElementTree as ET

course_dir = sys.argv[1]
command = sys.argv[sys.argv.index("--") + 1:]


def flat(text):
    return " ".join(text.split())


answers = []  # (prompt, right label)
for name in sorted(os.listdir(course_dir)):
    if not name.endswith(".xml"):
        continue
    for q in ET.parse(os.path.join(course_dir, name)).getroot().iter("question"):
        prompt = flat("".join(q.find("prompt").itertext()))
        for o in q.findall("option"):
            if o.get("correct") == "true":
                answers.append((prompt, flat("".join(o.find("label").itertext()))))

child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=sys.stderr)
os.set_blocking(child.stdout.fileno(), False)


def until_prompt():
    out = b""
    while not out.endswith(b"> "):
        ready, _, _ = select.select([child.stdout], [], [], 60)
        if not ready:
            sys.exit("play_through: no prompt within 60 s; last output:\n" + out.decode(errors="replace"))
        chunk = child.stdout.read()
        if not chunk:
            return out.decode(), True
        out += chunk
    return out.decode(), False


def send(line):
    child.stdin.write((line + "\n").encode())
    child.stdin.flush()


option = re.compile(r"^(\d+)\) (.*)$")
answered, quiz_taken, last = 0, False, ""
for _ in range(400):
    screen, ended = until_prompt()
    if ended:
        break
    last = screen
    options = []
    for line in screen.splitlines():
        if line.endswith("> "):
            continue
        m = option.match(line)
        if m:
            options.append([int(m.group(1)), m.group(2)])
        elif options and line.startswith("   "):
            options[-1][1] += " " + line[3:]
        elif line:
            options = []
    if "6) Afsluttende evaluering quiz" in screen:
        done = screen.count("(Gennemført)")
        if quiz_taken:
            send("q")
        elif done == 5:
            send("6")
            quiz_taken = True
        else:
            send("")
        continue
    text = flat(screen)
    right, asked_at = None, -1
    for prompt, label in answers:
        at = text.rfind(prompt)
        if at >= 0 and at >= asked_at:
            asked_at, right = at, label
    pick = next((str(n) for n, label in options if flat(label) == right), None)
    if pick and "Dit svar (ét tal) > " in screen:
        send(pick)
        answered += 1
    elif "s: aflever > " in screen:
        send("s")
    else:
        send("")
child.stdin.close()
status = child.wait()
if status != 0 or answered != 15 or "Gennemført" not in last:
    print(f"play_through: exit {status}, {answered} answers; last screen:\n{last}", file=sys.stderr)
    sys.exit(1)
print(f"play_through: the course completed with {answered} right answers")
