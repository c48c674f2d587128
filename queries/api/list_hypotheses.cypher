// Hypotheses, newest document first, optionally only those from documents tagged with
// a topic (case-insensitive match on part of the topic's name, or its key).
// params: $topic: string or null, $offset: int, $limit: int
// returns: id, label, statement, extraction_score, document_id, document_title,
//          published, supporting, contradicting, favored_by (counts)
MATCH (h:Hypothesis)
OPTIONAL MATCH (h)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)
WITH h, d
WHERE $topic IS NULL
   OR EXISTS { MATCH (d)-[:TAGGED]->(t:Topic)
               WHERE toLower(t.name) CONTAINS toLower($topic) OR t.key = $topic }
RETURN h.id AS id, h.label AS label, h.statement AS statement, h.extraction_score AS extraction_score,
       d.id AS document_id, d.title AS document_title, d.published AS published,
       COUNT { (h)<-[:SUPPORTS]-(:Evidence) } AS supporting,
       COUNT { (h)<-[:CONTRADICTS]-(:Evidence) } AS contradicting,
       COUNT { (h)<-[:FAVORS]-(:Assessment) } AS favored_by
ORDER BY d.published IS NULL, d.published DESC, d.id, h.label, h.id
SKIP $offset LIMIT $limit
