// Every relationship of an entity about to be merged into another, with its other end
// (a relationship from the entity to itself is left out: it goes with the entity).
// params: $id: string (the entity merged away)
// returns: type, outgoing (the entity is its start), other (the other end's id), props
MATCH (b:Entity {id: $id})-[r]-(o)
WHERE o <> b
RETURN type(r) AS type, startNode(r) = b AS outgoing, o.id AS other, properties(r) AS props
