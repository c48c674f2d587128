"""The CLI's shared pieces: the rich consoles, the error-handling group, a driver.

Errors a user can cause or fix are IntelgraphErrors: printed as one line on stderr,
exit code from the error class, no traceback. Output meant for scripts goes to
stdout; progress and messages to stderr.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click
import typer
from neo4j import Driver
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from intelgraph.errors import IntelgraphError

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


class IntelgraphGroup(TyperGroup):
    """Root command group: turns IntelgraphError into one line and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except IntelgraphError as exc:
            err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            err.print("interrupted")
            raise typer.Exit(130) from None


@contextmanager
def driver_session() -> Iterator[Driver]:
    """`with driver_session() as driver:` — the one driver of a CLI command."""
    from intelgraph.graph.driver import make_driver
    from intelgraph.settings import get_settings

    driver = make_driver(get_settings())
    try:
        yield driver
    finally:
        driver.close()


def stdin_bytes(paths: list[str]) -> bytes | None:
    """The piped document when '-' is among the paths; an error when nothing is piped."""
    import sys

    from intelgraph.errors import InputError

    if "-" not in paths:
        return None
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError("'-' reads a document from standard input, but nothing was piped in")
    return sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode()


def write_out(path, text: str) -> None:
    """Write a command's output file, turning OS errors into one clear line."""
    from intelgraph.errors import InputError

    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"--out {path}: cannot write ({exc.strerror})") from None
