// Provenance of any node: the passages it rests on, their documents and sources.
// Extracted objects follow EXTRACTED_FROM, briefs CITES, entities their MENTIONS,
// a document its first passage; a passage is its own anchor.
// params: $id (string, any node id), $limit (passages, e.g. 50)
// returns: id, labels, summary, confidence, extraction_score, likelihood, links (list of
//          {type, id, name}), passage_id, start, end, passage, document_id, title, published,
//          truncated, source_id, source, reliability — one row per passage (passage columns
//          null when the node has none)
MATCH (n:Node {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)-[r:FAVORS|SUPPORTS|CONTRADICTS|ATTRIBUTED_TO|ABOUT|RESTS_ON|WATCHES|PUBLISHED_BY|BASED_ON]->(m:Node)
  WITH r, m LIMIT 20
  RETURN collect(CASE WHEN r IS NULL THEN null
                 ELSE {type: type(r), id: m.id, name: coalesce(m.name, m.label, m.text)} END) AS links
}
CALL (n) {
  MATCH (n)-[c:EXTRACTED_FROM|CITES]->(p:Passage) RETURN p, c.n AS n_cite
  UNION
  // a passage is its own anchor (a label test on n, not a scan of every Passage)
  WITH n WHERE n:Passage RETURN n AS p, null AS n_cite
  UNION
  // an entity's first $limit mentions by offset suffice: no others survive the ORDER BY below
  MATCH (n)<-[:MENTIONS]-(p:Passage) WITH p ORDER BY p.start LIMIT $limit RETURN p, null AS n_cite
  UNION
  MATCH (n)<-[:PART_OF]-(p:Passage) WITH p ORDER BY p.start LIMIT 1 RETURN p, null AS n_cite
  UNION
  RETURN null AS p, null AS n_cite
}
WITH n, links, p, n_cite ORDER BY p IS NULL, n_cite, p.start LIMIT $limit
OPTIONAL MATCH (p)-[:PART_OF]->(d:Document)
OPTIONAL MATCH (d)-[:PUBLISHED_BY]->(s:Source)
WITH n, links, p, d, s
WHERE p IS NOT NULL OR NOT EXISTS { MATCH (n)-[:EXTRACTED_FROM|CITES|MENTIONS]-(:Passage) }
RETURN n.id AS id, [l IN labels(n) WHERE l <> "Node"] AS labels,
       left(coalesce(n.name, n.statement, n.text, n.title, n.topic, n.id), 400) AS summary,
       n.confidence AS confidence, n.extraction_score AS extraction_score, n.likelihood AS likelihood,
       n.reliability AS own_reliability, links,
       p.id AS passage_id, p.start AS start, p.end AS end, p.text AS passage,
       d.id AS document_id, d.title AS title, toString(d.published) AS published, d.truncated AS truncated,
       s.id AS source_id, s.name AS source, s.reliability AS reliability
