// The entity page's neighbourhood: the entities linked to one entity, one row per
// neighbour and kind of link, counted over the documents published in a date range:
// RELATED_TO (a relationship drawn from claims, with its predicate), ABOUT (a statement
// about both, by the statement's predicate) and MENTIONS (named in the same passage).
// Each kind reads at most $scan claims or passages, so a busy entity costs a bounded read.
// params: $id: string (an entity id), $rel: string or null (one kind: "RELATED_TO",
//         "ABOUT" or "MENTIONS"), $since, $until: string or null (ISO dates, inclusive),
//         $limit: int (neighbours per kind), $scan: int
// returns: id, name, labels, mentions (passages mentioning the neighbour), type,
//          predicate, polarity, forward (the link points from $id), n (claims or
//          passages behind it), first, last (published dates)
MATCH (a:Entity {id: $id})
CALL (a) {
  WITH a WHERE $rel IS NULL OR $rel = "RELATED_TO"
  MATCH (a)-[r:RELATED_TO]-(b:Entity)
  WITH a, r, b LIMIT $scan
  UNWIND r.claim_ids AS cid
  MATCH (:Claim {id: cid})-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)
  WHERE ($since IS NULL OR d.published >= date($since)) AND ($until IS NULL OR d.published <= date($until))
  WITH a, r, b, count(*) AS n, min(d.published) AS first, max(d.published) AS last
  ORDER BY n DESC, b.id LIMIT $limit
  RETURN b, "RELATED_TO" AS type, r.predicate AS predicate, r.polarity AS polarity, startNode(r) = a AS forward,
         n, first, last
  UNION ALL
  WITH a WHERE $rel IS NULL OR $rel = "ABOUT"
  MATCH (a)<-[:ABOUT]-(c)
  WITH a, c LIMIT $scan
  MATCH (c)-[:ABOUT]->(b:Entity) WHERE b <> a
  MATCH (c)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)
  WHERE ($since IS NULL OR d.published >= date($since)) AND ($until IS NULL OR d.published <= date($until))
  WITH b, c.predicate AS predicate, count(DISTINCT c) AS n, min(d.published) AS first, max(d.published) AS last
  ORDER BY n DESC, b.id LIMIT $limit
  RETURN b, "ABOUT" AS type, predicate, null AS polarity, true AS forward, n, first, last
  UNION ALL
  WITH a WHERE $rel IS NULL OR $rel = "MENTIONS"
  MATCH (a)<-[:MENTIONS]-(p:Passage)
  WITH a, p LIMIT $scan
  MATCH (p)-[:MENTIONS]->(b:Entity) WHERE b <> a
  MATCH (p)-[:PART_OF]->(d:Document)
  WHERE ($since IS NULL OR d.published >= date($since)) AND ($until IS NULL OR d.published <= date($until))
  WITH b, count(DISTINCT p) AS n, min(d.published) AS first, max(d.published) AS last
  ORDER BY n DESC, b.id LIMIT $limit
  RETURN b, "MENTIONS" AS type, null AS predicate, null AS polarity, true AS forward, n, first, last
}
RETURN b.id AS id, b.name AS name, labels(b) AS labels, COUNT { (b)<-[:MENTIONS]-() } AS mentions, type, predicate,
       polarity, forward, n, toString(first) AS first, toString(last) AS last
