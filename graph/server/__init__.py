"""The local Neo4j Community server that `intelgraph server start` manages."""
