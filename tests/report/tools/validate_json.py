#!/usr/bin/env python3
"""Validates JSON files against a JSON Schema.

usage: validate_json.py SCHEMA FILE...

Validates each file with the validator of the draft the schema names in its
"$schema" (Draft 7 if it names none), checking the formats python3-jsonschema
can check without further packages. Prints one line per problem,
"FILE: PATH: MESSAGE", and exits 1 if any file is invalid, 2 on a usage error
or an unreadable file.
"""
import json
import sys

import jsonschema


def main(arguments):
    if len(arguments) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        with open(arguments[0], encoding="utf-8") as schema_file:
            schema = json.load(schema_file)
        documents = []
        for path in arguments[1:]:
            with open(path, encoding="utf-8") as document_file:
                documents.append((path, json.load(document_file)))
    except (OSError, ValueError) as error:
        print(f"validate_json.py: {error}", file=sys.stderr)
        return 2
    # The SARIF 2.1.0 schema is written in draft-04 ("id", not "$id"): take
    # the draft it names rather than assume one.
    validator_class = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    invalid = False
    for path, document in documents:
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
            invalid = True
            where = "/".join(str(part) for part in error.absolute_path) or "(top)"
            print(f"{path}: {where}: {error.message}")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
