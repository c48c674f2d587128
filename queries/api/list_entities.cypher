// Entities in name order, optionally of one type (no search text).
// params: $type: string or null (an ontology entity label, e.g. "Person"),
//         $offset: int, $limit: int
// returns: id, labels, name, aliases, mentions, score (always null)
MATCH (e:Entity)
WHERE $type IS NULL OR $type IN labels(e)
RETURN e.id AS id, labels(e) AS labels, e.name AS name, e.aliases AS aliases,
       COUNT { (e)<-[:MENTIONS]-() } AS mentions, null AS score
ORDER BY e.name, e.id
SKIP $offset LIMIT $limit
