"""The reader in a browser (`peacebrief serve`), on textual-serve.

Nothing here is imported by the reader, `check` or `digest`: only `peacebrief serve`
and its tests import this package, and it needs the `serve` extra.
"""
