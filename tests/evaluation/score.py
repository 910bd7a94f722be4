#!/usr/bin/env python3
"""Scores one rule against an evaluation set: models written, with their
expected outcomes, by someone who had not read the rule.

    tests/evaluation/score.py SET_FOLDER RULE_ID AS_OF [--lexflow BINARY] [--rules PATH]
                              [--no-default-rules]

--no-default-rules with --rules scores another version of the packs, such
as an older commit's rules/ folder.

SET_FOLDER holds the models and expected.md, whose table rows read
`| FILE | subjects that MUST be reported | subjects that MUST NOT be | why |`.
Prints each miss, each wrong finding and each undecided subject, then
recall and precision. Exits 0; the figures are for people, not a gate.
"""
import argparse
import json
import pathlib
import re
import subprocess


def expectations(folder):
    def names(cell):
        return {name.strip() for name in cell.split(",") if name.strip() and name.strip() != "—"}

    for line in (folder / "expected.md").read_text().splitlines():
        match = re.match(r"\| (\S+\.yaml) \| ([^|]*) \| ([^|]*) \|", line)
        if match:
            yield match.group(1), names(match.group(2)), names(match.group(3))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("rule")
    parser.add_argument("as_of")
    parser.add_argument("--lexflow", default="build/cli/lexflow")
    parser.add_argument("--rules", action="append", default=[])
    parser.add_argument("--no-default-rules", action="store_true")
    args = parser.parse_args()
    counts = {"true positives": 0, "false negatives": 0, "false positives": 0,
              "true negatives": 0, "not evaluated": 0}
    for name, must, must_not in expectations(args.folder):
        command = [args.lexflow, "check", str(args.folder / name), "--as-of", args.as_of,
                   "--format", "json"]
        for path in args.rules:
            command += ["--rules", path]
        if args.no_default_rules:
            command.append("--no-default-rules")
        report = json.loads(subprocess.run(command, capture_output=True, text=True).stdout)
        found = {f["subject"]["id"] for f in report["findings"] if f["rule_id"] == args.rule}
        undecided = {e["subject"]["id"] for e in report["not_evaluated"]
                     if e.get("rule_id") == args.rule and e.get("subject")}
        for subject in sorted(must):
            hit = subject in found
            counts["true positives" if hit else "false negatives"] += 1
            if not hit:
                print(f"{name}: missed {subject}" + (" (not evaluated)" if subject in undecided else ""))
        for subject in sorted(must_not):
            wrong = subject in found
            counts["false positives" if wrong else "true negatives"] += 1
            if wrong:
                print(f"{name}: wrongly reported {subject}")
        for subject in sorted(found - must - must_not):
            print(f"{name}: reported {subject}, which the set does not judge")
        counts["not evaluated"] += len(undecided)
    print(", ".join(f"{key} {value}" for key, value in counts.items()))
    reported = counts["true positives"] + counts["false positives"]
    expected = counts["true positives"] + counts["false negatives"]
    print(f"recall {counts['true positives'] / expected:.2f}" if expected else "recall -",
          f"precision {counts['true positives'] / reported:.2f}" if reported else "precision -")


if __name__ == "__main__":
    main()
