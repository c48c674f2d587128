// Red flag: relationships between entities that rest on claims from a single source.
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $limit (rows), $max_documents (documents in scope), $stale_days
// returns: id (claim), text, subject, predicate, object, sources, citation columns
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
  CALL db.index.fulltext.queryNodes("statement_text", "\"" + replace(replace($topic, "\\", " "), "\"", " ") + "\"")
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
MATCH (c:Claim)-[:EXTRACTED_FROM]->(p:Passage)-[:PART_OF]->(d)
MATCH (c)-[:ABOUT {role: "subject"}]->(a:Entity)-[r:RELATED_TO]->(b:Entity)
WHERE c.id IN r.claim_ids
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
CALL (r) {
  UNWIND r.claim_ids AS claim_id
  MATCH (:Node {id: claim_id})-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(:Document)-[:PUBLISHED_BY]->(src:Source)
  RETURN count(DISTINCT src) AS sources
}
WITH c, p, d, s, a, r, b, sources WHERE sources = 1
RETURN DISTINCT c.id AS id, c.text AS text, a.name AS subject, r.predicate AS predicate, b.name AS object, sources,
       p.id AS passage_id, d.id AS document_id, d.title AS title, toString(d.published) AS published,
       s.name AS source, s.reliability AS reliability
ORDER BY published DESC
LIMIT $limit
