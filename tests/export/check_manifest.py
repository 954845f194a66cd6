#!/usr/bin/env python3
"""Checks a SCORM package's imsmanifest.xml against the structure the SCORM
CAM book gives (no package in Debian carries the ADL/IMS schemas): namespaces
and schema version, organizations with a default that exists, items whose
identifierref names a resource, one SCO resource of type webcontent whose
href and files exist in the zip, every file of the zip listed, identifiers
unique NCNames.

    check_manifest.py 1.2|2004 PACKAGE.zip
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

version, package = sys.argv[1], sys.argv[2]
CP = {"1.2": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "2004": "http://www.imsglobal.org/xsd/imscp_v1p1"}[version]
ADLCP = {"1.2": "http://www.adlnet.org/xsd/adlcp_rootv1p2", "2004": "http://www.adlnet.org/xsd/adlcp_v1p3"}[version]
SCHEMAVERSION = {"1.2": "1.2", "2004": "2004 4th Edition"}[version]
SCORMTYPE = "{%s}%s" % (ADLCP, "scormtype" if version == "1.2" else "scormType")
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9._-]*$")
problems = []


def need(cond, what):
    if not cond:
        problems.append(what)


def q(tag):
    return "{%s}%s" % (CP, tag)


z = zipfile.ZipFile(package)
names = set(z.namelist())
need("imsmanifest.xml" in names, "imsmanifest.xml is not at the root of the package")
root = ET.fromstring(z.read("imsmanifest.xml"))
need(root.tag == q("manifest"), "the root is %s, not manifest in %s" % (root.tag, CP))
need(NCNAME.match(root.get("identifier", "")), "manifest identifier is not an NCName")
md = root.find(q("metadata"))
need(md is not None and md.findtext(q("schema")) == "ADL SCORM", "metadata/schema is not 'ADL SCORM'")
need(md is not None and md.findtext(q("schemaversion")) == SCHEMAVERSION, "metadata/schemaversion is not %r" % SCHEMAVERSION)
orgs = root.find(q("organizations"))
need(orgs is not None, "no organizations")
ids = []
org_ids = [o.get("identifier") for o in orgs.findall(q("organization"))]
ids += org_ids
need(orgs.get("default") in org_ids, "organizations@default names no organization")
resources = {r.get("identifier"): r for r in root.find(q("resources")).findall(q("resource"))}
ids += list(resources)
for org in orgs.findall(q("organization")):
    need(org.findtext(q("title")), "an organization without a title")
    items = list(org.iter(q("item")))
    need(items, "an organization without items")
    for item in items:
        ids.append(item.get("identifier"))
        need(item.findtext(q("title")), "an item without a title")
        if not item.findall(q("item")):
            need(item.get("identifierref") in resources, "leaf item %s names no resource" % item.get("identifier"))
for ident in ids:
    need(ident and NCNAME.match(ident), "identifier %r is not an NCName" % ident)
need(len(ids) == len(set(ids)), "identifiers are not unique")
scos = [r for r in resources.values() if r.get(SCORMTYPE) == "sco"]
need(len(scos) == 1, "%d SCO resources, not 1" % len(scos))
for r in resources.values():
    need(r.get("type") == "webcontent", "resource type is not webcontent")
    need(r.get(SCORMTYPE) in ("sco", "asset"), "resource without adlcp scorm type")
    need(r.get("href") in names, "resource href %s is not in the package" % r.get("href"))
    listed = {f.get("href") for f in r.findall(q("file"))}
    for f in listed:
        need(f in names, "file %s is listed but not in the package" % f)
    for n in names - {"imsmanifest.xml"}:
        need(n in listed, "%s is in the package but not listed" % n)
if problems:
    for p in problems:
        print("%s: %s" % (package, p), file=sys.stderr)
    sys.exit(1)
print("%s: the manifest has the CAM's structure (SCORM %s, %d files)" % (package, version, len(names)))
