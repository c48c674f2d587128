// How many entities of each type match a full-text query (the search page's type facet),
// counted over the $max_hits best matches.
// params: $q: string (a Lucene query), $max_hits: int
// returns: labels (of one entity), n
CALL db.index.fulltext.queryNodes('entity_names', $q, {limit: $max_hits}) YIELD node
WHERE node:Entity
RETURN labels(node) AS labels, count(*) AS n
