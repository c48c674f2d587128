// One entity's id, name and labels (a cheap existence check).
// params: $id: string (an entity id)
// returns: one row, none when $id is not an entity: id, name, labels
MATCH (e:Entity {id: $id})
RETURN e.id AS id, e.name AS name, labels(e) AS labels
