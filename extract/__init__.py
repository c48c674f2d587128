"""Extraction: text in, records out, no database.

`intelgraph.extract.readers` turns a file into a `ParsedDocument` (structure only);
`intelgraph.extract.nlp` runs spaCy over it.
"""
