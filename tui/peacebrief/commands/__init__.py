"""The subcommands of `peacebrief`. Each module has `add_arguments(parser)` and `run(args)`.

Only `reader` (which opens the reader) may import Textual; the others must stay fast and free of it.
"""
