// Red flag: assessments that disagree across documents about the same entities —
// different favoured hypotheses, or different stated confidence in the BLUF.
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $limit (rows), $max_documents (documents in scope), $stale_days
// returns: id, text, kind, favors, confidence, other_id, other_text, other_favors, other_confidence,
//          other_passage_id, other_document_id, other_title, shared (entity names), citation columns
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
MATCH (a:Assessment)-[:EXTRACTED_FROM]->(p:Passage)-[:PART_OF]->(d)
WHERE a.kind IN ["ach", "bluf"]
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
WITH collect({a: a, p: p, d: d, s: s}) AS items
UNWIND items AS x
UNWIND items AS y
WITH x, y
WHERE x.d.id < y.d.id AND x.a.kind = y.a.kind
  AND ((x.a.kind = "ach" AND x.a.favored_label <> y.a.favored_label)
       OR (x.a.kind = "bluf" AND x.a.confidence <> y.a.confidence))
WITH x, y, x.a AS a1, y.a AS a2
CALL (a1, a2) {
  MATCH (a1)-[:ABOUT]->(e:Entity)<-[:ABOUT]-(a2)
  RETURN collect(DISTINCT e.name) AS shared
}
WITH x, y, shared WHERE size(shared) > 0
RETURN x.a.id AS id, x.a.text AS text, x.a.kind AS kind, x.a.favored_label AS favors, x.a.confidence AS confidence,
       y.a.id AS other_id, y.a.text AS other_text, y.a.favored_label AS other_favors,
       y.a.confidence AS other_confidence, y.p.id AS other_passage_id, y.d.id AS other_document_id,
       y.d.title AS other_title, shared,
       x.p.id AS passage_id, x.d.id AS document_id, x.d.title AS title, toString(x.d.published) AS published,
       x.s.name AS source, x.s.reliability AS reliability
LIMIT $limit
