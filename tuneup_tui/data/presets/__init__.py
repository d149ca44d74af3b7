"""Import presets: one module per tool family, each knowing that tool's export layouts.

`registry` recognises a file and names its preset; `_base.read_export` reads it into a RawTable
under canonical column names. docs/import.md lists every preset, the headers it recognises and
how its columns map.
"""
