#!/usr/bin/env python3
"""Checks every catalog named in po/LINGUAS against po/limber.pot.

Fails (exit 1, one line per problem, naming file and line) when a catalog
- is missing, or `msgfmt --check` rejects it;
- lacks a message of the template, or has one untranslated or fuzzy;
- has a translation whose placeholders differ from its msgid's: printf
  conversions (%s %d %ld %zu %02ld, in order unless numbered %1$s), named
  {braces}, a leading or trailing newline, or the number of & mnemonics;
- has no Plural-Forms header, or a plural message without every form.

usage: check_catalogs.py PO_DIR [MSGFMT]
"""
import re
import subprocess
import sys
from pathlib import Path

PRINTF = re.compile(r"%(?:(\d+)\$)?[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?([diouxXeEfgGcsp%])")
BRACES = re.compile(r"\{[a-z_]+\}")


def unquote(s):
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), s)


def parse(path):
    """Entries as dicts: line, flags, msgid, msgid_plural, msgstr {index: text}."""
    entries, cur, key = [], None, None
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines + [""], 1):
        if not line.strip():
            if cur is not None:
                entries.append(cur)
            cur = None
            continue
        if cur is None:
            cur = {"line": number, "flags": set(), "msgid": "", "msgid_plural": None, "msgstr": {}, "obsolete": False}
        if line.startswith("#~"):
            cur["obsolete"] = True
            continue
        if line.startswith("#,"):
            cur["flags"].update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"$', line)
        if m:
            key = (m.group(1).split("[")[0], int(m.group(2) or 0))
            text = m.group(3)
        else:
            text = re.match(r'"(.*)"$', line).group(1)
        text = unquote(text)
        kind, index = key
        if kind == "msgid":
            cur["msgid"] += text
        elif kind == "msgid_plural":
            cur["msgid_plural"] = (cur["msgid_plural"] or "") + text
        elif kind == "msgstr":
            cur["msgstr"][index] = cur["msgstr"].get(index, "") + text
    return [e for e in entries if not e["obsolete"]]


def printf_args(text):
    """The printf conversions in argument order (numbered ones by number)."""
    args = [(m.group(1), m.group(2)) for m in PRINTF.finditer(text) if m.group(2) != "%"]
    if any(n for n, _ in args):
        return sorted((int(n or 0), c) for n, c in args)
    return [(i + 1, c) for i, (_, c) in enumerate(args)]


def percent_signs(text):
    return sum(1 for m in PRINTF.finditer(text) if m.group(2) == "%")


def mnemonics(text):
    return len(re.findall(r"&(?!&)", text.replace("&&", "")))


def compare(msgid, msgstr):
    """Problems of one translation against its msgid, as strings."""
    problems = []
    if printf_args(msgid) != printf_args(msgstr) or percent_signs(msgid) != percent_signs(msgstr):
        problems.append("printf placeholders differ")
    if sorted(BRACES.findall(msgid)) != sorted(BRACES.findall(msgstr)):
        problems.append("{} placeholders differ")
    for edge, test in (("leading", str.startswith), ("trailing", str.endswith)):
        if test(msgid, "\n") != test(msgstr, "\n"):
            problems.append(f"{edge} newline differs")
    if mnemonics(msgid) != mnemonics(msgstr):
        problems.append("number of & mnemonics differs")
    return problems


def check_catalog(po, template_ids, msgfmt):
    errors = []
    run = subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    if run.returncode != 0:
        errors.append(f"{po}: msgfmt --check failed:\n{run.stderr.strip()}")
    entries = parse(po)
    header = next((e for e in entries if e["msgid"] == ""), None)
    plural_header = re.search(r"nplurals=(\d+)", header["msgstr"].get(0, "")) if header else None
    if plural_header is None:
        errors.append(f"{po}: no Plural-Forms header")
    nplurals = int(plural_header.group(1)) if plural_header else 2
    seen = set()
    for e in entries:
        if e["msgid"] == "":
            continue
        seen.add(e["msgid"])
        where = f"{po}:{e['line']}: {e['msgid'][:50]!r}"
        if "fuzzy" in e["flags"]:
            errors.append(f"{where}: fuzzy")
        forms = [e["msgstr"].get(i, "") for i in range(nplurals if e["msgid_plural"] is not None else 1)]
        if any(not f for f in forms):
            errors.append(f"{where}: untranslated")
            continue
        for i, form in enumerate(forms):
            # A plural form may leave the number out ("one minute"), not add one.
            source = e["msgid"] if (e["msgid_plural"] is None or (i == 0 and nplurals > 1)) else e["msgid_plural"]
            for problem in compare(source, form):
                errors.append(f"{where}: {problem}: {form[:60]!r}")
    for missing in sorted(template_ids - seen):
        errors.append(f"{po}: missing message {missing[:50]!r} (run the limber-pot target)")
    return errors


def main(argv):
    po_dir = Path(argv[1])
    msgfmt = argv[2] if len(argv) > 2 else "msgfmt"
    template_ids = {e["msgid"] for e in parse(po_dir / "limber.pot") if e["msgid"]}
    languages = [l.strip() for l in (po_dir / "LINGUAS").read_text().splitlines() if l.strip() and not l.startswith("#")]
    errors = []
    if not languages:
        errors.append(f"{po_dir}/LINGUAS names no language")
    for lang in languages:
        po = po_dir / f"{lang}.po"
        if not po.exists():
            errors.append(f"{po}: missing (named in LINGUAS)")
            continue
        errors += check_catalog(po, template_ids, msgfmt)
    for e in errors:
        print(e)
    print(f"{len(languages)} catalogs, {len(template_ids)} messages each: {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
