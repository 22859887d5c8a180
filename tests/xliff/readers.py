#!/usr/bin/env python3
"""Real XLIFF and TMX readers on drillbook's exports (run by tests/xliff.rs).

    readers.py parse FILE.xlf          JSON: per reader, unit ids and each unit's source codes
    readers.py edit IN.xlf OUT.xlf ID TEXT
                                       translate-toolkit: append TEXT to unit ID's target
                                       (codes kept as they are), mark it final, save
    readers.py tmx FILE.tmx            JSON: translate-toolkit's units of a TMX file

translate-toolkit and moz-l10n come from PyPI (scripts/test.sh installs them when missing).
"""

import json
import sys

from moz.l10n.formats.xliff.parse import xliff_parse
from moz.l10n.model import Markup
from translate.storage import tmx, xliff
from translate.storage.placeables.strelem import StringElem


def toolkit_units(path):
    with open(path, "rb") as f:
        store = xliff.xlifffile.parsefile(f)
    return store, [u for u in store.getunits() if not u.isheader()]


def toolkit_id(unit):
    # translate-toolkit prefixes ids with the file name and U+0004.
    return unit.getid().split("\x04")[-1]


def toolkit_codes(rich):
    """The text of every placeable (a ph element) of a rich string."""
    codes = []
    for part in rich:
        for elem in part.sub if isinstance(part, StringElem) else [part]:
            if not isinstance(elem, str) and type(elem) is not StringElem:
                codes.append(str(elem))
    return codes


def moz_units(path, source_entries):
    with open(path, encoding="utf-8") as f:
        resource = xliff_parse(f.read(), source_entries=source_entries)
    out = []
    for section in resource.sections:
        for entry in getattr(section, "entries", []):
            if not hasattr(entry, "value"):
                continue
            pattern = getattr(entry.value, "pattern", None)
            if pattern is None:
                continue
            codes, inside, text = [], None, []
            for part in pattern:
                if isinstance(part, Markup):
                    if part.kind == "open" and part.name == "ph":
                        inside = []
                    elif part.kind == "close" and part.name == "ph" and inside is not None:
                        codes.append("".join(inside))
                        inside = None
                elif isinstance(part, str):
                    (inside if inside is not None else text).append(part)
            out.append((entry.id[-1], codes, "".join(text)))
    return out


def parse(path):
    _, units = toolkit_units(path)
    toolkit = {
        "ids": [toolkit_id(u) for u in units],
        "codes": {toolkit_id(u): toolkit_codes(u.rich_source) for u in units},
    }
    moz_source = moz_units(path, True)
    moz = {
        "ids": [i for i, _, _ in moz_source],
        "codes": {i: c for i, c, _ in moz_source},
        # Units with a target (moz-l10n leaves the others out without source_entries).
        "targets": len(moz_units(path, False)),
    }
    return {"translate-toolkit": toolkit, "moz-l10n": moz}


def edit(src, dst, unit_id, text):
    store, units = toolkit_units(src)
    unit = next(u for u in units if toolkit_id(u) == unit_id)
    rich = unit.rich_target if unit.target else unit.rich_source
    parts = list(rich[0].sub) + [StringElem(text)]
    unit.rich_target = [StringElem(parts)]
    unit.set_state_n(xliff.xliffunit.S_FINAL)
    with open(dst, "wb") as f:
        store.serialize(f)


def read_tmx(path):
    with open(path, "rb") as f:
        store = tmx.tmxfile.parsefile(f)
    units = [u for u in store.getunits() if not u.isheader()]
    return {
        "count": len(units),
        "ids": [u.getid() for u in units],
        "sources": [u.source for u in units],
        "targets": [u.target for u in units],
    }


def main(argv):
    if argv[1] == "parse":
        print(json.dumps(parse(argv[2]), ensure_ascii=False))
    elif argv[1] == "edit":
        edit(argv[2], argv[3], argv[4], argv[5])
    elif argv[1] == "tmx":
        print(json.dumps(read_tmx(argv[2]), ensure_ascii=False))
    else:
        sys.exit(f"unknown command {argv[1]}")


if __name__ == "__main__":
    main(sys.argv)
