// Which of these document ids are already in the graph.
// params: $ids: list<string>
// returns: id (one row per stored document)
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id
