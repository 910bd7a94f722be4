#!/usr/bin/env python3
"""Converts a lexflow YAML model to JSON, resolving plain scalars as lexflow
does (the YAML 1.2 core schema): only null, booleans and decimal numbers are
typed; "2026-08-02" and every quoted scalar stay strings."""
import json
import re
import sys

import yaml


class CoreLoader(yaml.SafeLoader):
    pass


# Start from no implicit types (no timestamps, no YAML 1.1 yes/no, no 0x..).
CoreLoader.yaml_implicit_resolvers = {}
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), list("~nN") + [""])
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"))


def main():
    with open(sys.argv[1], encoding="utf-8") as source:
        data = yaml.load(source, Loader=CoreLoader)
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


main()
