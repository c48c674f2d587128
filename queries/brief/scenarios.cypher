// Scenario outlook: best, most likely and worst cases.
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $limit (rows), $max_documents (documents in scope), $stale_days
// returns: id, scenario_kind, text, citation columns
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
MATCH (x:Scenario)-[:EXTRACTED_FROM]->(p:Passage)-[:PART_OF]->(d)
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
RETURN x.id AS id, x.scenario_kind AS scenario_kind, x.text AS text,
       p.id AS passage_id, d.id AS document_id, d.title AS title, toString(d.published) AS published,
       s.name AS source, s.reliability AS reliability
ORDER BY CASE scenario_kind WHEN "best" THEN 0 WHEN "most_likely" THEN 1 ELSE 2 END, d.published DESC
LIMIT $limit * 3
