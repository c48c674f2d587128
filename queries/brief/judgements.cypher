// Judgements on the topic: each document's BLUF, ACH assessment and on-topic digest
// insights, with what they favour and the hypotheses they choose between (the builder
// groups them by the question they answer).
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $as_of (ISO date or null), $ingested_by (ISO date-time or null),
//         $limit (rows), $max_documents (documents in scope), $stale_days
// returns: id, kind (bluf | ach | insight), text, confidence, likelihood, probability_low,
//          probability_high, credibility, favors ({id, label, statement} or null),
//          hypotheses (list of {id, label, statement}), entities (ids it is about),
//          question (the lineage's question key: the id of its earliest judgement; null for insights),
//          start, end (the passage offsets),
//          asides (list of [start, end]: confidence statements and recommendations inside
//          the passage, which the brief does not repeat as text), relevance, citation columns
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
MATCH (a:Assessment)-[:EXTRACTED_FROM]->(p:Passage)-[:PART_OF]->(d)
// a document's own bottom line is on the topic when the document is
WITH a, p, d, about, terms, entity_ids,
  CASE WHEN about AND a.kind <> "insight" THEN 2 ELSE
  CASE WHEN any(t IN terms WHERE toLower(p.text) CONTAINS t)
         OR EXISTS { (p)-[:MENTIONS]->(m:Entity) WHERE m.id IN entity_ids } THEN 2
       WHEN about AND d.layout <> "digest" THEN 1 ELSE 0 END END AS relevance
WHERE relevance > 0
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
OPTIONAL MATCH (a)-[:FAVORS]->(f:Hypothesis)
CALL (d) {
  OPTIONAL MATCH (h:Hypothesis)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d)
  WITH h ORDER BY h.label
  RETURN collect(CASE WHEN h IS NULL THEN null ELSE {id: h.id, label: h.label, statement: h.statement} END)
         AS hypotheses
}
CALL (d, p) {
  OPTIONAL MATCH (q:Passage)-[:PART_OF]->(d)
  WHERE q.kind IN ["confidence_statement", "recommendation"] AND q.start >= p.start AND q.end <= p.end
  RETURN collect(CASE WHEN q IS NULL THEN null ELSE [q.start, q.end] END) AS asides
}
RETURN a.id AS id, a.kind AS kind, a.text AS text, a.confidence AS confidence, a.likelihood AS likelihood,
       a.question AS question,
       a.probability_low AS probability_low, a.probability_high AS probability_high,
       coalesce(a.credibility, d.credibility) AS credibility,
       CASE WHEN f IS NULL THEN null ELSE {id: f.id, label: f.label, statement: f.statement} END AS favors,
       hypotheses, COLLECT { MATCH (a)-[:ABOUT]->(e:Entity) RETURN DISTINCT e.id } AS entities,
       p.start AS start, p.end AS end, asides, relevance,
       p.id AS passage_id, d.id AS document_id, d.title AS title, toString(d.published) AS published,
       d.layout AS layout, s.name AS source, s.reliability AS reliability
ORDER BY relevance DESC, d.published DESC, p.start
LIMIT $limit * 6
