#!/usr/bin/env python3
"""Writes the template of the "limber-content" text domain: every human
text of the exercise, checklist and health catalogs (config/*.toml).

The programs look these texts up at display time by their English text
(the msgid); ids and the TOML files stay as they are, so a translation can
never change what is stored in the history. Each message carries the key
path it came from (e.g. exercise[neck-half-rolls].steps[2].text) as a
comment for translators. Fields that are not for people (id, source,
illustration, targets, position, equipment, numbers of seconds) are left
out.

usage: extract_content_pot.py OUTPUT.pot FILE.toml...
"""
import sys
import tomllib
from pathlib import Path

# The keys whose string values a person reads.
HUMAN_KEYS = {"name", "text", "title", "summary", "question", "why", "fix", "numbers", "area",
              "cautions", "intro", "urgent", "stop_if", "see_doctor"}


def walk(value, path, key, out):
    if isinstance(value, dict):
        label = value.get("id")
        for k, v in value.items():
            here = f"{path}[{label}].{k}" if label else (f"{path}.{k}" if path else k)
            walk(v, here, k, out)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            walk(v, f"{path}[{i}]" if not isinstance(v, dict) or "id" not in v else path, key, out)
    elif isinstance(value, str) and key in HUMAN_KEYS and value.strip():
        out.setdefault(value, []).append(path)


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main(argv):
    output, files = Path(argv[1]), argv[2:]
    messages = {}
    for f in files:
        with open(f, "rb") as handle:
            walk(tomllib.load(handle), Path(f).stem, "", messages)
    lines = ['msgid ""', 'msgstr ""', '"Project-Id-Version: limber-content\\n"',
             '"Content-Type: text/plain; charset=UTF-8\\n"', '"Content-Transfer-Encoding: 8bit\\n"', ""]
    for text, paths in messages.items():
        lines += [f"#. {p}" for p in paths]
        if "%" in text:
            lines.append("#, no-c-format")
        lines += [f"msgid {quote(text)}", 'msgstr ""', ""]
    output.write_text("\n".join(lines), encoding="utf-8")
    print(f"{output}: {len(messages)} messages from {len(files)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
