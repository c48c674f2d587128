// A stored brief's content (JSON) by id.
// params: $id (string, a Brief id such as brief:…)
// returns: id, created_at, body
MATCH (b:Brief {id: $id})
RETURN b.id AS id, toString(b.created_at) AS created_at, b.body AS body
