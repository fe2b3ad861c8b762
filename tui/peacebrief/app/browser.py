"""What the reader does differently when it is served to a browser (`peacebrief serve`).

In a browser the reader runs on the serving machine: a file it wrote would land there,
not with the person reading, so the digest is downloaded instead. Copying goes through
the browser's clipboard, which browsers open only to pages of a secure origin (https,
or this machine's own address); `peacebrief serve` says which in the environment.
"""

from __future__ import annotations

import os

CLIPBOARD_ENV = "PEACEBRIEF_WEB_CLIPBOARD"  # "no" when the browser's page cannot use the clipboard

NO_CLIPBOARD = (
    "This browser does not let the page copy: it is served over plain http from another machine "
    "(browsers allow copying only on https or on the machine's own address). Press e to download the digest."
)


def clipboard_blocked() -> bool:
    return os.environ.get(CLIPBOARD_ENV) == "no"
