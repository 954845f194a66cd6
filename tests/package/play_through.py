#!/usr/bin/env python3
"""play_through.py COURSE_DIR [--locales DIR] -- LEKTION play --text --lang XX ...:
plays a course through the text player from a pipe, as a learner would:
every lesson read to its end, every attention check and quiz question
answered right, the quiz submitted. Every question type is answered the way
the text player asks for it (numbers, letters for matching, an order, gaps
separated by ";", a number); the right answers are read from the course's XML,
so the course is played in its own language (--lang). The player's words
(prompts, "complete", the review line) come from that language's interface
catalog in --locales (default: the repository's locales/). With
PLAY_THROUGH_TRANSCRIPT=FILE in the environment, the whole session (output
and the lines typed) is written to FILE. Exits 0 when every
question was answered right, the quiz was passed and the program ended
normally, else prints the last screen and exits 1. Used for the bundled course
from an install (the .deb and moved-install tests) and for the tour in the
build tree."""
import os
import re
import select
import subprocess
import sys
import xml.etree.ElementTree as ET

args = sys.argv[1:]
split = args.index("--")
command, options = args[split + 1:], args[:split]
course_dir = options[0]
locales = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "locales")
if "--locales" in options:
    locales = options[options.index("--locales") + 1]
lang = command[command.index("--lang") + 1] if "--lang" in command else "da"


def flat(text):
    return " ".join(text.split())


def text_of(element):
    return flat("".join(element.itertext())) if element is not None else ""


# The interface's words, as the catalog gives them: the part before any {placeholder}.
XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
words = {}
for unit in ET.parse(os.path.join(locales, lang + ".xlf")).getroot().iter(XLIFF + "trans-unit"):
    target = unit.find(XLIFF + "target")
    words[unit.get("id")] = "".join((target if target is not None else unit.find(XLIFF + "source")).itertext())


def word(key):
    return words[key].split("{")[0]


# Every question of the course: its prompt, type, and what a right answer is.
questions = []
lesson_count, quiz_title, quiz_draw = 0, None, 0
for name in sorted(os.listdir(course_dir)):
    if not name.endswith(".xml"):
        continue
    root = ET.parse(os.path.join(course_dir, name)).getroot()
    if root.tag == "lesson":
        lesson_count += 1
    if root.tag == "quiz":
        quiz_title = text_of(root.find("title"))
        quiz_draw = int(root.get("draw", "0"))
    for q in root.iter("question"):
        kind = q.get("type")
        right = {
            "single": lambda q: [text_of(o.find("label")) for o in q.findall("option") if o.get("correct") == "true"],
            "truefalse": lambda q: [text_of(o.find("label")) for o in q.findall("option") if o.get("correct") == "true"],
            "multiple": lambda q: [text_of(o.find("label")) for o in q.findall("option") if o.get("correct") == "true"],
            "matching": lambda q: {text_of(i.find("label")): text_of(next(t.find("label") for t in q.findall("target")
                                                                           if t.get("id") == i.get("match")))
                                   for i in q.findall("item")},
            "ordering": lambda q: [text_of(i.find("label")) for i in q.findall("item")],
            "fillin": lambda q: [text_of(g.find("accept")) for g in q.findall("gap")],
            "numeric": lambda q: q.get("value") or q.get("min"),
        }[kind](q)
        questions.append((text_of(q.find("prompt")), kind, right, root.tag == "quiz"))
quiz_questions = sum(1 for q in questions if q[3])
expected = len(questions) - quiz_questions + (quiz_draw or quiz_questions)

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
            if transcript:
                transcript.write(out.decode())
            return out.decode(), True
        out += chunk
    if transcript:
        transcript.write(out.decode())
    return out.decode(), False


transcript = open(os.environ["PLAY_THROUGH_TRANSCRIPT"], "w") if os.environ.get("PLAY_THROUGH_TRANSCRIPT") else None


def send(line):
    if transcript:
        transcript.write(line + "\n")
    child.stdin.write((line + "\n").encode())
    child.stdin.flush()


def listed(screen, pattern):
    """The last list on the screen whose entries match `pattern` ("1) ...", "A) ..."), wrapped lines joined."""
    entries = []
    for line in screen.splitlines():
        m = re.match(pattern, line)
        if m:
            entries.append([m.group(1), m.group(2)])
        elif entries and line.startswith("   "):
            entries[-1][1] += " " + line.strip()
    return [(key, flat(text)) for key, text in entries]


def answer(screen, kind, right):
    numbered = listed(screen, r"^(\d+)\) (.*)$")
    number_of = {text: key for key, text in numbered}
    if kind in ("single", "truefalse", "multiple"):
        return " ".join(number_of[label] for label in right)
    if kind == "matching":
        letter_of = {text: key for key, text in listed(screen, r"^([A-Z])\) (.*)$")}
        items = [text for _, text in numbered]
        return " ".join(letter_of[right[item]] for item in items)
    if kind == "ordering":
        return " ".join(number_of[label] for label in right)
    if kind == "fillin":
        return "; ".join(right)
    return right  # numeric: as the course writes it, which every language's parser takes for a whole number


prompts = {"single": "text.prompt_one", "truefalse": "text.prompt_one", "multiple": "text.prompt_many",
           "matching": "text.prompt_match", "ordering": "text.prompt_order", "fillin": "text.prompt_fill",
           "numeric": "text.prompt_number"}
answered, quiz_taken, last = 0, False, ""
for _ in range(600):
    screen, ended = until_prompt()
    if ended:
        break
    last = screen
    if quiz_title and re.search(r"^\d+\) " + re.escape(quiz_title), screen, re.M):  # the home page
        if quiz_taken:
            send("q")
        elif screen.count(word("home.done")) >= lesson_count:
            send(str(lesson_count + 1))
            quiz_taken = True
        else:
            send("")
        continue
    text = flat(screen)
    asked, asked_at = None, -1
    for question in questions:
        at = text.rfind(question[0])
        if at >= 0 and at >= asked_at:
            asked_at, asked = at, question
    if asked and screen.endswith(words[prompts[asked[1]]] + " > "):
        send(answer(screen, asked[1], asked[2]))
        answered += 1
    elif screen.endswith(words["text.review_prompt"].split("·")[-1].strip() + " > "):  # "s: submit"
        send("s")
    else:
        send("")
child.stdin.close()
status = child.wait()
# Every answer right: the quiz passed with its best score 100 %, however the language writes it.
passed = re.escape(word("home.quiz_passed")) + r"100\W" if quiz_title else re.escape(word("home.done"))
if status != 0 or answered != expected or not re.search(passed, last):
    print(f"play_through: exit {status}, {answered} of {expected} questions answered; last screen:\n{last}",
          file=sys.stderr)
    sys.exit(1)
print(f"play_through: the course completed with {answered} right answers")
