#!/usr/bin/env python3
"""make_hostile.py GOOD.lektion OUT_DIR: one hostile course package per kind,
each made from a good package (lektion pack) with one thing changed, so that
the one change is the only reason to refuse it. Python's zipfile writes what
libzip would not: duplicate names, links, names with .. or a leading /."""
import hashlib
import os
import stat
import sys
import warnings
import zipfile

warnings.filterwarnings("ignore", "Duplicate name")  # on purpose

good, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
with zipfile.ZipFile(good) as z:
    entries = [(i, z.read(i.filename)) for i in z.infolist()]


def manifest(files):
    return "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n" for n, d in files if n != "manifest.sha256").encode()


def write(name, files, extra=(), keep_manifest=False):
    """files: (name, bytes); extra: (ZipInfo, bytes) added as they are."""
    with zipfile.ZipFile(os.path.join(out, name + ".lektion"), "w", zipfile.ZIP_DEFLATED) as z:
        listed = list(files) + [(i.filename, d) for i, d in extra]
        for n, d in files:
            if n == "manifest.sha256" and not keep_manifest:
                continue
            z.writestr(zipfile.ZipInfo(n, (1980, 1, 3, 0, 0, 0)), d, zipfile.ZIP_DEFLATED)
        for info, d in extra:
            z.writestr(info, d, zipfile.ZIP_DEFLATED)
        if not keep_manifest:
            z.writestr("manifest.sha256", manifest(listed))


files = [(i.filename, d) for i, d in entries]
evil = b"written by a hostile package\n"

# A name that climbs out of the course folder, and an absolute one. Listed in the manifest, so
# only the name can be the reason.
write("dotdot", files, [(zipfile.ZipInfo("course/../../../evil-dotdot.txt"), evil)])
write("absolute", files, [(zipfile.ZipInfo(os.path.join(os.path.abspath(out), "evil-absolute.txt")), evil)])

# A symbolic link to a file outside.
link = zipfile.ZipInfo("course/link.xml")
link.create_system = 3
link.external_attr = (stat.S_IFLNK | 0o777) << 16
write("symlink", files, [(link, b"/etc/passwd")])

# Zip bombs: one entry compressed far beyond what a course compresses (4 MiB of zeros, about
# 1000:1); and more entries than any course has.
write("ratio", files, [(zipfile.ZipInfo("course/zeros.xml"), bytes(4 << 20))])
write("entries", files, [(zipfile.ZipInfo(f"course/many/{k}.txt"), b"") for k in range(4100)])

# The same name twice: the second course.xml would replace the first that was checked.
course_xml = dict(files)["course/course.xml"]
write("duplicate", files, [(zipfile.ZipInfo("course/course.xml"), course_xml.replace(b"<title", b"<!-- x --><title", 1))])

# One file changed after packing, the manifest left as it was.
changed = [(n, d.replace(b"</course>", b"<!-- changed --></course>") if n == "course/course.xml" else d) for n, d in files]
write("checksum", changed, keep_manifest=True)

# A file the manifest does not name; an entry outside course/.
write("outside", files, [(zipfile.ZipInfo("evil-outside.txt"), evil)])
