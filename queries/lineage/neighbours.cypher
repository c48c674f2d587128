// The judgements linked by REVISES (either way) to any of these, with their
// documents' dates: a step of walking a question's lineage (services.lineage).
// required: $ids (list of Assessment ids)
// returns: id, published
// Neo4j Browser: :param ids => ["bluf:…"]
UNWIND $ids AS ident
MATCH (:Assessment {id: ident})-[:REVISES]-(b:Assessment)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)
RETURN DISTINCT b.id AS id, toString(d.published) AS published
