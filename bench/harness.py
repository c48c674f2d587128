"""What every benchmark script shares: where things are, free ports, percentiles.

Conventions: the scripts run as `python bench/NAME.py`, so Python puts bench/ first on
sys.path and they import this module (and bench_db, extract_speed, synth) by name; no
script edits sys.path. intelgraph itself comes from the installed package. The
development corpus is read from $INTELGRAPH_SHARED/corpus, else ../shared/corpus
beside the repository, exactly as the tests find it (tests/conftest.py).
"""

from __future__ import annotations

import math
import os
import socket
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
EXAMPLES = REPO / "examples"


def shared_dir() -> Path:
    """$INTELGRAPH_SHARED, else the shared/ folder beside the repository (it may be missing)."""
    env = os.environ.get("INTELGRAPH_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def corpus_dir() -> Path:
    return shared_dir() / "corpus"


def require_corpus() -> Path:
    """The development corpus, or exit with one line saying where it was looked for."""
    corpus = corpus_dir()
    if not corpus.is_dir():
        raise SystemExit(f"development corpus not found at {corpus}; set INTELGRAPH_SHARED")
    return corpus


def free_port() -> int:
    """A TCP port on the loopback address that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) by nearest rank; NaN for no values."""
    values = sorted(values)
    if not values:
        return math.nan
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]
