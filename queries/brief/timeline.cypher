// Timeline: the documents in scope, oldest first, with their source and its grade.
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $as_of (ISO date or null), $ingested_by (ISO date-time or null),
//         $limit (rows), $max_documents (documents in scope), $stale_days
// returns: document_id, title, published, format, layout, truncated, about, source, reliability,
//          credibility (stated by the document, or null), passage_id (its first passage)
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
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
CALL (d) {
  OPTIONAL MATCH (d)<-[:PART_OF]-(p:Passage)
  WITH p ORDER BY p.start LIMIT 1
  RETURN p.id AS passage_id, p.text AS lead
}
RETURN d.id AS document_id, d.title AS title, toString(d.published) AS published, d.format AS format,
       d.layout AS layout, d.truncated AS truncated, about, s.name AS source, s.reliability AS reliability,
       d.credibility AS credibility, passage_id, lead
ORDER BY d.published IS NULL, d.published, d.id
