"""The subcommands of `peacebrief`. Each module has `add_arguments(parser)` and `run(args)`.

Only `open` may import Textual; the others must stay fast and free of it.
"""
