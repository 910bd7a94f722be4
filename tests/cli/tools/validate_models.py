#!/usr/bin/env python3
"""Validates model files against the JSON Schema that `lexflow schema` writes.

usage: validate_models.py SCHEMA MODEL...

Reads each model as lexflow does (YAML 1.2 core: only true/false are booleans,
and dates stay strings) and validates it with a Draft 7 validator. Prints one
line per problem, "MODEL: PATH: MESSAGE", and exits 1 if any model is invalid,
2 on a usage error or an unreadable file.
"""
import json
import re
import sys

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    """PyYAML reads YAML 1.1 (yes/no are booleans, dates are dates);
    lexflow reads YAML 1.2 core, so resolve scalars as it does."""


CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


def main(arguments):
    if len(arguments) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    with open(arguments[0], encoding="utf-8") as schema_file:
        schema = json.load(schema_file)
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    invalid = False
    for path in arguments[1:]:
        with open(path, encoding="utf-8-sig") as model_file:
            model = yaml.load(model_file, Loader=CoreLoader)
        for error in sorted(validator.iter_errors(model), key=lambda e: list(e.absolute_path)):
            invalid = True
            where = "/".join(str(part) for part in error.absolute_path) or "(top)"
            print(f"{path}: {where}: {error.message}")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
