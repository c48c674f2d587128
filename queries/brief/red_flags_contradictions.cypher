// Red flag: facts that documents in scope state with opposite polarity — one asserts
// what another denies or negates, about the same subject and object with the same
// predicate (the claims behind RELATED_TO).
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $as_of (ISO date or null), $ingested_by (ISO date-time or null),
//         $limit (rows), $max_documents (documents in scope), $stale_days
// returns: id, text, polarity, other_id, other_text, other_polarity, other_passage_id,
//          other_document_id, other_title, other_published, subject, predicate, object, citation columns
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
MATCH (c:Claim)-[:EXTRACTED_FROM]->(p:Passage)-[:PART_OF]->(d)
WHERE c.predicate IS NOT NULL
MATCH (c)-[:ABOUT {role: "subject"}]->(a:Entity)
MATCH (c)-[:ABOUT {role: "object"}]->(b:Entity)
WITH c, p, d, a, b, entity_ids, terms
WHERE a.id IN entity_ids OR b.id IN entity_ids OR any(t IN terms WHERE toLower(p.text) CONTAINS t)
WITH collect({c: c, p: p, d: d, a: a, b: b}) AS found
UNWIND found AS x
UNWIND found AS y
WITH x, y
WHERE x.d.id <> y.d.id AND x.a = y.a AND x.b = y.b AND x.c.predicate = y.c.predicate
  AND x.c.polarity <> y.c.polarity AND x.d.published >= y.d.published
WITH x, y, x.p AS p, x.d AS d
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
RETURN x.c.id AS id, x.c.text AS text, x.c.polarity AS polarity,
       y.c.id AS other_id, y.c.text AS other_text, y.c.polarity AS other_polarity, y.p.id AS other_passage_id,
       y.d.id AS other_document_id, y.d.title AS other_title, toString(y.d.published) AS other_published,
       x.a.name AS subject, x.c.predicate AS predicate, x.b.name AS object,
       p.id AS passage_id, d.id AS document_id, d.title AS title, toString(d.published) AS published,
       d.layout AS layout, s.name AS source, s.reliability AS reliability
ORDER BY d.published DESC
LIMIT $limit
