// Claims by id, with the document each came from.
// params: $ids: list<string> (claim ids)
// returns: id, text, polarity, modality, likelihood, extraction_score, document_id
UNWIND $ids AS cid
MATCH (c:Claim {id: cid})
OPTIONAL MATCH (c)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)
RETURN c.id AS id, c.text AS text, c.polarity AS polarity, c.modality AS modality, c.likelihood AS likelihood,
       c.extraction_score AS extraction_score, d.id AS document_id
