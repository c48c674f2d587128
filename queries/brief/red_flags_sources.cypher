// Red flag: documents from sources graded D to F (F: reliability cannot be judged,
// the default for ungraded sources).
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $limit (rows), $max_documents (documents in scope), $stale_days
// returns: source, reliability, documents, citation columns (the newest such document)
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
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
WHERE s.reliability IN ["D", "E", "F"]
WITH s, d ORDER BY d.published DESC
WITH s, count(d) AS documents, collect(d)[0] AS newest
CALL (newest) {
  OPTIONAL MATCH (newest)<-[:PART_OF]-(p:Passage)
  WITH p ORDER BY p.start LIMIT 1
  RETURN p.id AS passage_id
}
RETURN s.name AS source, s.reliability AS reliability, documents, passage_id, newest.id AS document_id,
       newest.title AS title, toString(newest.published) AS published
ORDER BY reliability DESC, documents DESC
LIMIT $limit
