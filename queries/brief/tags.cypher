// Thematic tags of the topic's documents, with how many documents carry each.
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $limit (rows), $max_documents (documents in scope), $stale_days
// returns: id, name, documents, passage_id (one tagging passage), citation columns
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
MATCH (d)-[:TAGGED]->(t:Topic)
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
// The tag's passage, looked for from the document's side (a few dozen passages): the
// planner would otherwise start from the topic, and a busy topic has a passage in
// thousands of documents.
CALL (d, t) {
  OPTIONAL MATCH (d)<-[:PART_OF]-(p:Passage)
  WHERE EXISTS { (p)<-[:EXTRACTED_FROM]-(t) }
  RETURN p LIMIT 1
}
WITH t, count(DISTINCT d) AS documents, collect({p: p, d: d, s: s})[0] AS first
RETURN t.id AS id, t.name AS name, documents,
       first.p.id AS passage_id, first.d.id AS document_id, first.d.title AS title,
       toString(first.d.published) AS published, first.s.name AS source, first.s.reliability AS reliability
ORDER BY documents DESC, name
LIMIT $limit * 2
