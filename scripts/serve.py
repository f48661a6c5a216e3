"""`make serve`: the guide at http://127.0.0.1:<poort> with live reload (mkdocs serve).

Before MkDocs starts, the port is tried: when another program (often a `make serve` in another
window) holds it, a Dutch message says what to do instead of a Python traceback.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as MkDocs' own server does
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


def main(argv: list[str]) -> int:
    text = argv[0] if argv else str(DEFAULT_PORT)
    if not text.isdigit() or not 1024 <= int(text) <= 65535:
        print(f"'{text}' is geen poort. Kies een getal tussen 1024 en 65535, bijvoorbeeld: "
              "make serve PORT=8001", file=sys.stderr)
        return 2
    port = int(text)
    if not port_is_free(port):
        print(f"Poort {port} is al in gebruik. Draait de gids al in een ander venster? Open dan "
              f"http://{HOST}:{port} in je browser. Of stop dat andere venster (Ctrl+C) en probeer "
              f"opnieuw. Of kies een andere poort: make serve PORT={port + 1}", file=sys.stderr)
        return 1
    mkdocs = Path(sys.executable).with_name("mkdocs")
    print(f"De gids staat zo klaar op http://{HOST}:{port} (stoppen: Ctrl+C).", flush=True)
    # Not strict while serving: with a content mistake the pages made from content/ are missing,
    # and MkDocs' warnings about that would stop the preview that shows the mistake in the browser.
    # `make build` and CI stay strict.
    os.execv(mkdocs, [str(mkdocs), "serve", "--no-strict", "-a", f"{HOST}:{port}"])
    return 0  # not reached: execv replaces this process


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
