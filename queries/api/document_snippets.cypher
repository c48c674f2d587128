// For each document, its first passage holding one of the search words (the search page's
// snippet), else its first passage.
// params: $ids: list<string> (document ids), $words: list<string> (lower-case words)
// returns: id, snippet (string or null), passage_id
UNWIND $ids AS id
MATCH (d:Document {id: id})
WITH d, COLLECT {
  MATCH (p:Passage)-[:PART_OF]->(d)
  WITH p ORDER BY any(w IN $words WHERE toLower(p.text) CONTAINS w) DESC, p.start
  LIMIT 1
  RETURN p {.id, .text}
} AS first
RETURN d.id AS id, first[0].text AS snippet, first[0].id AS passage_id
