// Red flag: relationships between entities that rest on claims from a single source.
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $limit (rows), $max_documents (documents in scope), $stale_days
// returns: id (claim), text, subject, predicate, object, sources (always 1), citation columns
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
// Newest documents first, and only as many as can fill $limit rows: a document with a
// flagged claim ranks all its rows above every older document's, so the first $limit
// such documents hold the answer (the ORDER BY below keeps the same order, so the
// planner stops early instead of flagging claims in all $max_documents documents).
WITH d ORDER BY d.published DESC
CALL (d) {
  MATCH (c:Claim)-[:EXTRACTED_FROM]->(p:Passage)-[:PART_OF]->(d)
  // A claim's RELATED_TO runs from its subject to its object (graph_records), so both
  // ends are bound before the relationship is looked for: an Expand(Into) instead of
  // every RELATED_TO of a busy subject.
  MATCH (c)-[:ABOUT {role: "subject"}]->(a:Entity)
  MATCH (c)-[:ABOUT {role: "object"}]->(b:Entity)
  MATCH (a)-[r:RELATED_TO]->(b)
  WHERE c.id IN r.claim_ids
  MATCH (d)-[:PUBLISHED_BY]->(s:Source)
  CALL (r) {
    // Only "one source or more" matters: stop at the second distinct source instead of
    // visiting every claim of a busy relationship.
    UNWIND r.claim_ids AS claim_id
    MATCH (:Node {id: claim_id})-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(:Document)-[:PUBLISHED_BY]->(src:Source)
    WITH DISTINCT src LIMIT 2
    RETURN count(src) AS sources
  }
  WITH c, p, s, a, r, b, sources WHERE sources = 1
  RETURN collect({c: c, p: p, s: s, a: a, r: r, b: b, sources: sources}) AS flagged
}
WITH d, flagged WHERE size(flagged) > 0
WITH d, flagged ORDER BY d.published DESC LIMIT $limit
UNWIND flagged AS x
RETURN DISTINCT x.c.id AS id, x.c.text AS text, x.a.name AS subject, x.r.predicate AS predicate, x.b.name AS object,
       x.sources AS sources, x.p.id AS passage_id, d.id AS document_id, d.title AS title,
       toString(d.published) AS published, x.s.name AS source, x.s.reliability AS reliability
ORDER BY published DESC
LIMIT $limit
