// Thematic tags in the graph, with how many documents carry each.
// required: none
// optional: $limit (default 50)
// returns: topic, documents, topic_id
// Neo4j Browser / cypher-shell: no :param is required; set each optional one too, to a value
// or to null for its default (`:param limit => null`), or Neo4j refuses the query.
MATCH (t:Topic)
RETURN t.name AS topic, COUNT { (t)<-[:TAGGED]-(:Document) } AS documents, t.id AS topic_id
ORDER BY documents DESC, topic
LIMIT coalesce($limit, 50)
