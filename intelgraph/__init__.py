"""intelgraph: a knowledge-graph-backed intelligence store on Neo4j.

Folders of the design card (ontology/, extract/, graph/, queries/, api/) map into
this namespace as intelgraph.ontology, intelgraph.extract, and so on.
"""

__version__ = "0.1.0"
