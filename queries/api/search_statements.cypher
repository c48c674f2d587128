// Statements (claims, hypotheses, assumptions … anything EXTRACTED_FROM a passage) that
// hold one of the search words, from the $max_documents documents best matching the
// full-text query: statements repeat their document's words, so the document index finds
// them (statements themselves are not full-text indexed, see the ontology).
// params: $q: string (a Lucene query), $words: list<string> (lower-case words),
//         $max_documents: int, $max_hits: int
// returns: id, labels, text, polarity, passage_id, document_id, title, published,
//          source_id, source, score
CALL db.index.fulltext.queryNodes('document_text', $q, {limit: $max_documents}) YIELD node AS d, score
WHERE d:Document
OPTIONAL MATCH (d)-[:PUBLISHED_BY]->(s:Source)
MATCH (p:Passage)-[:PART_OF]->(d)
MATCH (x)-[:EXTRACTED_FROM]->(p)
WHERE x.text IS NOT NULL AND any(w IN $words WHERE toLower(x.text) CONTAINS w)
RETURN x.id AS id, labels(x) AS labels, x.text AS text, x.polarity AS polarity, p.id AS passage_id,
       d.id AS document_id, d.title AS title, toString(d.published) AS published, s.id AS source_id,
       s.name AS source, score
ORDER BY score DESC, d.id, p.start, x.id
LIMIT $max_hits
