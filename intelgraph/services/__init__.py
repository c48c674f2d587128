"""Services: the work the CLI and the API share, above extract/ and graph/.

`ingest` turns files into graph documents; `brief` builds, stores and renders briefs.
"""
