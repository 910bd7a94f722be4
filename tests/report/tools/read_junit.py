#!/usr/bin/env python3
"""Reads a JUnit XML file back, as a CI system would, and prints it as JSON.

usage: read_junit.py FILE

Parses FILE with Python's XML parser, which rejects a document that is not
well-formed XML 1.0, and prints {"name", "attributes", "text", "children"}
for the root and each element under it, attribute values and text as the
parser decoded them. Exits 1 if FILE is not well-formed, 2 on a usage error.
"""
import json
import sys
import xml.etree.ElementTree as ElementTree


def element(node):
    return {
        "name": node.tag,
        "attributes": dict(node.attrib),
        "text": node.text or "",
        "children": [element(child) for child in node],
    }


def main(arguments):
    if len(arguments) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        root = ElementTree.parse(arguments[0]).getroot()
    except ElementTree.ParseError as error:
        print(f"{arguments[0]}: not well-formed: {error}")
        return 1
    print(json.dumps(element(root), ensure_ascii=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
