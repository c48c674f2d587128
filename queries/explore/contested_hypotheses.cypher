// Hypotheses with the most contradicting evidence.
// required: none
// optional: $limit (default 20)
// returns: hypothesis_id, label, statement, against, for, favored, document_id, title
// Neo4j Browser / cypher-shell: no :param is required; set each optional one too, to a value
// or to null for its default (`:param limit => null`), or Neo4j refuses the query.
MATCH (h:Hypothesis)
CALL (h) {
  RETURN COUNT { (:Evidence)-[:CONTRADICTS]->(h) } AS against,
         COUNT { (:Evidence)-[:SUPPORTS]->(h) } AS for,
         EXISTS { (:Assessment)-[:FAVORS]->(h) } AS favored
}
WITH h, against, for, favored WHERE against > 0
MATCH (h)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)
RETURN h.id AS hypothesis_id, h.label AS label, h.statement AS statement, against, for, favored,
       d.id AS document_id, d.title AS title
ORDER BY against DESC, for, title
LIMIT coalesce($limit, 20)
