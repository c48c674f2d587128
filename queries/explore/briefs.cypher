// Stored briefs, newest first.
// required: none
// optional: $limit (default 20)
// returns: brief_id, created_at, topic, entity, since, until, citations
// Neo4j Browser / cypher-shell: no :param is required; set each optional one too, to a value
// or to null for its default (`:param limit => null`), or Neo4j refuses the query.
MATCH (b:Brief)
RETURN b.id AS brief_id, toString(b.created_at) AS created_at, b.topic AS topic, b.entity AS entity,
       toString(b.since) AS since, toString(b.until) AS until, COUNT { (b)-[:CITES]->() } AS citations
ORDER BY b.created_at DESC
LIMIT coalesce($limit, 20)
