// Entities whose name or aliases match a full-text query, best match first.
// params: $q: string (a Lucene query; the API escapes user text before it gets here),
//         $type: string or null (an ontology entity label, e.g. "Person"),
//         $offset: int, $limit: int
// returns: id, labels, name, aliases, mentions, score
CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score
WHERE node:Entity AND ($type IS NULL OR $type IN labels(node))
// page first, then read each entity: the mention count of a busy entity is costly
WITH node, score ORDER BY score DESC, node.id SKIP $offset LIMIT $limit
RETURN node.id AS id, labels(node) AS labels, node.name AS name, node.aliases AS aliases,
       COUNT { (node)<-[:MENTIONS]-() } AS mentions, score
ORDER BY score DESC, id
