// Take a rejected entity out of the graph with its relationships (mentions, claims'
// links, RELATED_TO); the passages and claims themselves stay.
// params: $id: string
// returns: deleted (1 when there was such an entity)
MATCH (e:Entity {id: $id})
DETACH DELETE e
RETURN count(*) AS deleted
