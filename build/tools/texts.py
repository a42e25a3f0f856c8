#!/usr/bin/env python3
"""Adds or updates UI texts in a resx pair (German default + English).

Usage: build/tools/texts.py path/to/Text.resx Key "Deutscher Text" "English text" [Key2 de2 en2 ...]
Creates Text.resx and Text.en.resx when they do not exist yet. Keys stay sorted so diffs stay small.
"""
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load(path):
    try:
        root = ET.parse(path).getroot()
    except FileNotFoundError:
        return {}
    return {d.get("name"): (d.findtext("value") or "") for d in root.findall("data")}


def save(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(entries):
            f.write(f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
        f.write("</root>\n")


def main(argv):
    if len(argv) < 5 or (len(argv) - 2) % 3:
        sys.exit(__doc__)
    german_path = argv[1]
    english_path = german_path[: -len(".resx")] + ".en.resx"
    german, english = load(german_path), load(english_path)
    for i in range(2, len(argv), 3):
        key, de, en = argv[i : i + 3]
        german[key], english[key] = de, en
    save(german_path, german)
    save(english_path, english)


if __name__ == "__main__":
    main(sys.argv)
