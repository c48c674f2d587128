// A stored brief's topic, entity and creation time (`changes --since-brief ID`).
// required: $id (a Brief id)
// returns: id, topic, entity, created_at
// Neo4j Browser: :param id => "brief:…"
MATCH (b:Brief {id: $id})
RETURN b.id AS id, b.topic AS topic, b.entity AS entity, toString(b.created_at) AS created_at
