#!/usr/bin/env python3
"""Refreshes translations/cio-studio_en.ts: the English plural forms of every tr() text with %n.

The sources write plurals as "%n item(s)"; the English translation, loaded whatever the locale, turns
that into "1 item" and "2 items". Run after adding or changing such a text, then commit the .ts file:

    scripts/update-plurals.py [path/to/lupdate]
"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TS = os.path.join(ROOT, "translations", "cio-studio_en.ts")
SOURCES = ["app", "ui", "models", "api", "qa", "liquid"]


def forms(source):
    singular = re.sub(r"\((?:e?s)\)", "", source)
    plural = re.sub(r"\((e?s)\)", r"\1", source)
    return singular, plural


def main():
    lupdate = sys.argv[1] if len(sys.argv) > 1 else "/usr/lib/qt6/bin/lupdate"
    subprocess.run([lupdate, "-I", ROOT, "-pluralonly", "-locations", "none", "-no-obsolete", "-source-language", "en",
                    "-target-language", "en", *SOURCES, "-ts", TS], cwd=ROOT, check=True)
    tree = ET.parse(TS)
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source")
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        translation.text = None
        for text in forms(source):
            form = ET.SubElement(translation, "numerusform")
            form.text = text
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    with open(TS, encoding="utf-8") as f:
        content = f.read()
    with open(TS, "w", encoding="utf-8") as f:
        f.write(content.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>') + "\n")


if __name__ == "__main__":
    main()
