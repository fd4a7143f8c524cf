#!/usr/bin/env python3
"""Builds the scrubber's world name lists from Datafaker's locale files (Apache-2.0).

usage: python3 src/tools/world-names.py path/to/datafaker-2.7.0.jar
writes src/main/resources/names/world-given-names.txt.gz and surnames.txt.gz: every first name and surname
of every locale written in Latin letters, lower-cased, one per line.
"""
import gzip, io, re, sys, zipfile
import yaml

first, last = set(), set()
with zipfile.ZipFile(sys.argv[1]) as jar:
    for entry in jar.namelist():
        if not entry.endswith('.yml') or ('/' in entry and entry != 'en/name.yml'):
            continue
        data = yaml.safe_load(io.TextIOWrapper(jar.open(entry), encoding='utf-8'))
        for body in (data or {}).values():
            names = body.get('faker', {}).get('name') if isinstance(body, dict) else None
            for key, values in (names or {}).items():
                target = first if 'first_name' in key else last if 'last_name' in key else None
                if target is None or not isinstance(values, list):
                    continue
                for value in values:
                    if not isinstance(value, str) or '#{' in value:
                        continue
                    for part in value.split():
                        if len(part) > 1 and re.fullmatch(r"[^\W\d_][\w'’-]*", part) and all(ord(c) < 0x250 or c in "'’" for c in part):
                            target.add(part.lower())
for name, words in (('world-given-names', first), ('surnames', last)):
    with gzip.open(f'src/main/resources/names/{name}.txt.gz', 'wt', encoding='utf-8', compresslevel=9) as out:
        out.write('\n'.join(sorted(words)) + '\n')
    print(name, len(words))
