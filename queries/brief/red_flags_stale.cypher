// Red flag: stale information — documents older than $stale_days days, or undated.
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $limit (rows), $max_documents (documents in scope), $stale_days
// returns: document_id, title, published, age_days (null when undated), source, reliability, passage_id
// --- scope: the same lines open every brief/ query (a test keeps them identical) ---
// Documents tagged with, mentioning an entity named like, or containing the phrase
// $topic; also mentioning $entity when it is set; published in [$since, $until];
// the $max_documents newest.
CALL () {
  CALL db.index.fulltext.queryNodes("entity_names", "\"" + replace(replace($topic, "\\", " "), "\"", " ") + "\"")
    YIELD node AS hit
  WITH hit WHERE hit:Topic OR hit:Entity
  CALL (hit) {
    MATCH (hit:Topic)<-[:TAGGED]-(doc:Document) RETURN doc
    UNION
    MATCH (hit:Entity)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(doc:Document) RETURN doc
  }
  RETURN doc
  UNION
  CALL db.index.fulltext.queryNodes("document_text", "\"" + replace(replace($topic, "\\", " "), "\"", " ") + "\"")
    YIELD node AS doc
  WITH doc WHERE doc:Document
  RETURN doc
}
WITH DISTINCT doc AS d
WHERE ($since IS NULL OR d.published >= date($since))
  AND ($until IS NULL OR d.published <= date($until))
  AND ($entity IS NULL OR EXISTS {
    MATCH (d)<-[:PART_OF]-(:Passage)-[:MENTIONS]->(e:Entity)
    WHERE toLower(e.name) = toLower($entity) OR toLower($entity) IN [a IN coalesce(e.aliases, []) | toLower(a)]
  })
WITH d ORDER BY d.published IS NULL, d.published DESC LIMIT $max_documents
// --- end scope ---
WITH d WHERE d.published IS NULL OR d.published < date() - duration({days: $stale_days})
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
CALL (d) {
  OPTIONAL MATCH (d)<-[:PART_OF]-(p:Passage)
  WITH p ORDER BY p.start LIMIT 1
  RETURN p.id AS passage_id
}
RETURN d.id AS document_id, d.title AS title, toString(d.published) AS published,
       CASE WHEN d.published IS NULL THEN null ELSE duration.inDays(d.published, date()).days END AS age_days,
       s.name AS source, s.reliability AS reliability, passage_id
ORDER BY d.published
LIMIT $limit
