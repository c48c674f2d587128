// The document of a BLUF or ACH assessment.
// required: $id (an Assessment id)
// returns: document_id
// Neo4j Browser: :param id => "bluf:…"
MATCH (a:Assessment {id: $id})-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)
WHERE a.kind IN ["bluf", "ach"]
RETURN d.id AS document_id
LIMIT 1
