"""The `intelgraph` command line (typer): the top layer, beside the HTTP API.

`app.py` wires the sub-commands in `commands/` (one module each); `console.py` holds
the consoles, the error-handling group and the driver context the commands share.
"""
