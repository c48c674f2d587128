// Competing hypotheses with the evidence for and against each and the assessments
// that favour it (the ACH view; ordering and ranking are done by the caller).
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $as_of (ISO date or null), $ingested_by (ISO date-time or null),
//         $limit (rows), $max_documents (documents in scope), $stale_days
// returns: id, label, statement, evidence (list of {id, text, direction, passage_id, credibility}),
//          favored_by (list of {id, text, confidence, passage_id}), relevance, citation columns
// --- scope: the same lines open every brief/ query (a test keeps them identical) ---
// Documents tagged with, mentioning an entity named like, or containing the phrase
// $topic; also mentioning $entity when it is set; published in [$since, $until];
// published by $as_of (an undated one: ingested by then) and ingested by $ingested_by, when set;
// the $max_documents newest. For each: `about`, whether the document as a whole is
// about the topic (tagged with it, or its title, headline or BLUF names it), and the
// names (`terms`, lower case) and ids of the entities and topics the topic matched,
// which the section queries use to keep only on-topic statements.
CALL () {
  CALL db.index.fulltext.queryNodes("entity_names", "\"" + replace(replace($topic, "\\", " "), "\"", " ") + "\"")
    YIELD node AS hit
  WITH hit WHERE hit:Topic OR hit:Entity
  RETURN collect(hit) AS hits
}
WITH hits, [h IN hits WHERE h:Entity | h.id] AS entity_ids, [h IN hits WHERE h:Topic | h.id] AS topic_ids,
     [t IN reduce(names = [toLower(trim($topic))], h IN hits |
        names + [toLower(h.name)] + [a IN coalesce(h.aliases, []) | toLower(a)]) WHERE size(t) > 2] AS names
WITH hits, entity_ids, topic_ids, reduce(u = [], t IN names | CASE WHEN t IN u THEN u ELSE u + t END) AS terms
CALL (hits) {
  UNWIND hits AS hit
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
WITH DISTINCT doc AS d, entity_ids, topic_ids, terms
WHERE ($since IS NULL OR d.published >= date($since))
  AND ($until IS NULL OR d.published <= date($until))
  AND ($as_of IS NULL OR coalesce(d.published, date(d.ingested_at)) <= date($as_of))
  AND ($ingested_by IS NULL OR d.ingested_at <= datetime($ingested_by))
  AND ($entity IS NULL OR EXISTS {
    MATCH (d)<-[:PART_OF]-(:Passage)-[:MENTIONS]->(e:Entity)
    WHERE toLower(e.name) = toLower($entity) OR toLower($entity) IN [a IN coalesce(e.aliases, []) | toLower(a)]
  })
WITH d, entity_ids, topic_ids, terms ORDER BY d.published IS NULL, d.published DESC LIMIT $max_documents
WITH d, entity_ids, topic_ids, terms,
     EXISTS { (d)-[:TAGGED]->(t:Topic) WHERE t.id IN topic_ids }
     OR any(t IN terms WHERE toLower(coalesce(d.title, "") + " " + coalesce(d.headline, "")) CONTAINS t)
     OR EXISTS { (d)<-[:PART_OF]-(b:Passage {kind: "bluf"}) WHERE any(t IN terms WHERE toLower(b.text) CONTAINS t) }
     AS about
// --- end scope ---
// Newest documents first, and only as many as can fill the $limit * 4 rows: every row
// of a document with a hypothesis ranks above all rows of the documents after it, so
// the evidence and assessments below are read for those documents only.
WITH d, about, terms, entity_ids ORDER BY d.published DESC, d.id
CALL (d) {
  MATCH (h:Hypothesis)-[:EXTRACTED_FROM]->(p:Passage)-[:PART_OF]->(d)
  MATCH (d)-[:PUBLISHED_BY]->(s:Source)
  RETURN collect({h: h, p: p, s: s}) AS found
}
WITH d, about, terms, entity_ids, found WHERE size(found) > 0
WITH d, about, terms, entity_ids, found ORDER BY d.published DESC, d.id LIMIT $limit * 4
UNWIND found AS x
WITH d, about, terms, entity_ids, x.h AS h, x.p AS p, x.s AS s
WITH d, h, p, s,
  CASE WHEN any(t IN terms WHERE toLower(p.text) CONTAINS t)
         OR EXISTS { (p)-[:MENTIONS]->(m:Entity) WHERE m.id IN entity_ids } THEN 2
       WHEN about AND d.layout <> "digest" THEN 1 ELSE 0 END AS relevance
WHERE relevance > 0
CALL (h) {
  OPTIONAL MATCH (e:Evidence)-[r:SUPPORTS|CONTRADICTS]->(h)
  OPTIONAL MATCH (e)-[:EXTRACTED_FROM]->(ep:Passage)
  RETURN collect(CASE WHEN e IS NULL THEN null
                 ELSE {id: e.id, text: e.text, direction: type(r), passage_id: ep.id, credibility: e.credibility}
                 END) AS evidence
}
CALL (h) {
  OPTIONAL MATCH (a:Assessment)-[:FAVORS]->(h)
  OPTIONAL MATCH (a)-[:EXTRACTED_FROM]->(ap:Passage)
  RETURN collect(CASE WHEN a IS NULL THEN null
                 ELSE {id: a.id, text: a.text, confidence: a.confidence, passage_id: ap.id} END) AS favored_by
}
RETURN h.id AS id, h.label AS label, h.statement AS statement, evidence, favored_by, relevance,
       p.id AS passage_id, d.id AS document_id, d.title AS title, toString(d.published) AS published,
       d.layout AS layout, s.name AS source, s.reliability AS reliability
ORDER BY d.published DESC, d.id, h.label
LIMIT $limit * 4
