// Stored briefs, newest first.
// params: $limit (e.g. 20)
// returns: brief_id, created_at, topic, entity, since, until, citations
MATCH (b:Brief)
RETURN b.id AS brief_id, toString(b.created_at) AS created_at, b.topic AS topic, b.entity AS entity,
       toString(b.since) AS since, toString(b.until) AS until, COUNT { (b)-[:CITES]->() } AS citations
ORDER BY b.created_at DESC
LIMIT $limit
