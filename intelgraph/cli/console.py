"""The CLI's shared pieces: the rich consoles, the error-handling group, a driver, tables.

Errors a user can cause or fix are IntelgraphErrors: printed as one line on stderr,
exit code from the error class, no traceback. Output meant for scripts goes to
stdout; progress and messages to stderr. Every table goes through `print_rows`, so it
stays readable at any width (80 columns included): long values fold onto more lines,
and rows with too many columns for the width print as one block per row instead of a
table of squeezed columns. Every command that prints a table or a summary also has
`--json`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import click
import typer
from neo4j import Driver
from rich.console import Console
from rich.markup import escape
from rich.table import Column, Table
from rich.text import Text
from typer.core import TyperGroup

from intelgraph.errors import ConfigError, IntelgraphError
from intelgraph.settings import InvalidSetting

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

# The narrowest a table column may get; when the width cannot give every column this
# much, rows are printed as blocks of `column  value` lines instead.
MIN_COLUMN = 10
ELLIPSIS = "…"


class IntelgraphGroup(TyperGroup):
    """Root command group: turns IntelgraphError into one line and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except IntelgraphError as exc:
            err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
            raise typer.Exit(exc.exit_code) from None
        except InvalidSetting as exc:
            err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
            raise typer.Exit(ConfigError.exit_code) from None
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
    from intelgraph.extract.readers import check_size
    from intelgraph.settings import get_settings

    if sys.stdin is None or sys.stdin.isatty():
        raise InputError("'-' reads a document from standard input, but nothing was piped in")
    # one byte past the limit is enough to know it is too large; the rest is never read
    cap = get_settings().max_file_bytes + 1
    if hasattr(sys.stdin, "buffer"):
        data = sys.stdin.buffer.read(cap)
    else:
        data = sys.stdin.read(cap).encode()[:cap]
    if len(data) >= cap:
        check_size(len(data), "<stdin>")  # raises, naming the limit
    return data


def write_out(path, text: str) -> None:
    """Write a command's output file, turning OS errors into one clear line."""
    from intelgraph.errors import InputError

    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"--out {path}: cannot write ({exc.strerror})") from None


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, with … where it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def _cell_width(value: str | Text) -> int:
    text = value if isinstance(value, Text) else Text.from_markup(value)
    return max((Text(line).cell_len for line in text.plain.splitlines()), default=0)


def print_rows(columns: Sequence[str | Column], rows: Sequence[Sequence[str | Text]], *, title: str | None = None,
               show_lines: bool = False, console: Console | None = None) -> None:
    """Print rows under their column headers, readable at the console's width.

    Cells are rich markup strings (escape plain values) or Text. A table when every
    column can get MIN_COLUMN characters (long values fold, never cut); otherwise one
    block per row, each a `column  value` line, so no column is squeezed to a sliver.
    """
    console = console or out
    specs = [c if isinstance(c, Column) else Column(c) for c in columns]
    # each column costs its content plus two of padding and one of border; one more closes the box
    if len(specs) * (MIN_COLUMN + 3) + 1 <= console.width:
        # columns with a ratio share the whole width in that ratio (rich applies ratios only when expanding)
        table = Table(title=title, show_lines=show_lines, expand=any(spec.ratio for spec in specs))
        for i, spec in enumerate(specs):
            widest = max([_cell_width(spec.header)] + [_cell_width(row[i]) for row in rows])
            table.add_column(spec.header, justify=spec.justify, no_wrap=spec.no_wrap, overflow="fold",
                             min_width=min(MIN_COLUMN, widest), ratio=spec.ratio, style=spec.style)
        for row in rows:
            table.add_row(*row)
        console.print(table)
        return
    if title:
        console.print(title, style="bold", highlight=False)
    for n, row in enumerate(rows, start=1):
        console.rule(f"{n} of {len(rows)}", align="left", style="dim")
        block = Table.grid(padding=(0, 2))
        block.add_column(style="bold", overflow="fold", max_width=max(MIN_COLUMN, console.width // 3))
        block.add_column(overflow="fold")
        for spec, value in zip(specs, row, strict=True):
            block.add_row(str(spec.header), value)
        console.print(block)
