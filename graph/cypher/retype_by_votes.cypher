// One type per entity, decided by the votes of every document that mentions it: the
// label with most mentions over all documents (ties: the first by name) is the node's,
// the other entity labels are removed. Runs in the writing document's transaction,
// after its nodes, for the entities it wrote; writes nothing when the type stands.
// params: $ids: list<string> (entity ids), $entity_labels: list<string> (the ontology's
//         entity subclasses)
// returns: nothing
UNWIND $ids AS id
MATCH (n:Node {id: id})
WHERE n.type_votes IS NOT NULL
CALL (n) {
  UNWIND n.type_votes AS vote
  WITH split(vote, '|') AS v
  WITH v[size(v) - 2] AS label, toInteger(v[size(v) - 1]) AS mentions
  WHERE label IN $entity_labels
  WITH label, sum(mentions) AS total
  ORDER BY total DESC, label
  RETURN collect(label)[0] AS winner
}
WITH n, winner, [l IN labels(n) WHERE l IN $entity_labels AND l <> winner] AS stale
WHERE winner IS NOT NULL AND (size(stale) > 0 OR NOT winner IN labels(n))
SET n:$(winner)
REMOVE n:$(stale)
