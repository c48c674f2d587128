// What changed on a topic: the judgement of each document in scope (its BLUF, else its
// ACH assessment), with the judgement it revises (REVISES to the newest older one):
// before and after, the change, score and status. No earlier judgement: a new question.
// (services.brief.changes runs it on the window's new documents only.)
// params: $topic, $entity, $since, $until, $as_of, $ingested_by, $max_documents (the brief scope's)
// returns: id, text, confidence, likelihood, favored, passage_id, document_id, title,
//          published, source, reliability, change, changes, score, status, question,
//          before ({id, text, confidence, likelihood, favored, passage_id, document_id,
//          title, published, source, reliability} or null), answered_later (a judgement
//          outside the window revises this one: a back-filled document, older than what
//          is held)
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
// the window's documents (all of the scope's, or the new ones the service passes)
WITH collect({d: d, about: about}) AS rows, collect(d.id) AS window_ids, terms, entity_ids, topic_ids
UNWIND rows AS row
WITH row.d AS d, row.about AS about, window_ids, terms, entity_ids, topic_ids
MATCH (d)<-[:PART_OF]-(p:Passage)<-[:EXTRACTED_FROM]-(a:Assessment)
WHERE a.kind IN ["bluf", "ach"]
WITH d, a, p, window_ids ORDER BY CASE a.kind WHEN "bluf" THEN 0 ELSE 1 END, a.id
WITH d, window_ids, collect(a) AS js, collect(p)[0] AS p
WITH d, window_ids, js, js[0] AS j, p
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
CALL (j) {
  OPTIONAL MATCH (j)-[r:REVISES]->(o:Assessment)-[:EXTRACTED_FROM]->(op:Passage)-[:PART_OF]->(od:Document)
  WITH r, o, op, od ORDER BY od.published DESC, o.id DESC
  LIMIT 1
  OPTIONAL MATCH (od)-[:PUBLISHED_BY]->(os:Source)
  RETURN r, CASE WHEN o IS NULL THEN null ELSE {
    id: o.id, text: o.text, passage_id: op.id, document_id: od.id, title: od.title,
    published: toString(od.published), source: os.name, reliability: os.reliability,
    confidence: COLLECT { MATCH (od)<-[:PART_OF]-(:Passage)<-[:EXTRACTED_FROM]-(y:Assessment)
                          WHERE y.kind IN ["bluf", "ach"] AND y.confidence IS NOT NULL
                          RETURN y.confidence ORDER BY y.kind DESC LIMIT 1 }[0],
    likelihood: COLLECT { MATCH (od)<-[:PART_OF]-(:Passage)<-[:EXTRACTED_FROM]-(y:Assessment)
                          WHERE y.kind IN ["bluf", "ach"] AND y.likelihood IS NOT NULL
                          RETURN y.likelihood ORDER BY y.kind DESC LIMIT 1 }[0],
    favored: COLLECT { MATCH (od)<-[:PART_OF]-(:Passage)<-[:EXTRACTED_FROM]-(y:Assessment)-[:FAVORS]->(h:Hypothesis)
                       RETURN h.label + ": " + h.statement LIMIT 1 }[0]
  } END AS before
}
RETURN j.id AS id, j.text AS text,
       head([x IN js WHERE x.confidence IS NOT NULL | x.confidence]) AS confidence,
       head([x IN js WHERE x.likelihood IS NOT NULL | x.likelihood]) AS likelihood,
       COLLECT { UNWIND js AS y MATCH (y)-[:FAVORS]->(h:Hypothesis)
                 RETURN h.label + ": " + h.statement LIMIT 1 }[0] AS favored,
       p.id AS passage_id, d.id AS document_id, d.title AS title, toString(d.published) AS published,
       s.name AS source, s.reliability AS reliability, r.change AS change, r.changes AS changes,
       r.score AS score, r.status AS status, j.question AS question, before,
       any(y IN js WHERE EXISTS { (y)<-[:REVISES]-(:Assessment)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(nd:Document)
                                  WHERE NOT nd.id IN window_ids }) AS answered_later
ORDER BY d.published IS NULL, d.published DESC, j.id
