#!/usr/bin/env python3
"""Rewrites .properties files with \\uXXXX escapes for every non-ASCII character.

Eclipse NLS (org.eclipse.osgi.util.NLS) reads message files as ISO-8859-1, so Chinese texts
must be escaped. Write them in UTF-8, then run: python3 releng/nls-escape.py FILE...
"""
import sys

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    escaped = "".join(c if ord(c) < 128 else "\\u%04x" % ord(c) for c in text)
    with open(path, "w", encoding="ascii") as f:
        f.write(escaped)
