"""`python -m intelgraph.cli …` runs the same command line as `intelgraph …`."""

from intelgraph.cli.app import main

main()
