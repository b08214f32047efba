"""The built site, served on 127.0.0.1 for as long as the test run lasts.

Parallel workers share one server: the first starts this process, which stops by itself once
the process it watches (the pytest run that started the workers) has ended.

    python -m tests.static_server SITE_DIR PORT WATCHED_PID
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

from kvi.serve import make_server


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def main(directory: str, port: str, watched: str) -> None:
    httpd = make_server(Path(directory), int(port))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    while alive(int(watched)):
        time.sleep(0.5)
    httpd.server_close()


if __name__ == "__main__":
    main(*sys.argv[1:])
