// Key individuals and entities: ranked by mentions in the topic's documents plus
// their claim-derived connections, each with its strongest relationships in those
// documents (count: the in-scope claims behind each).
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $as_of (ISO date or null), $ingested_by (ISO date-time or null),
//         $limit (rows), $max_documents (documents in scope), $stale_days
// returns: id, name, type, mentions, documents, connections, relationships (list of
//          {predicate, polarity, modality, other, other_id, count, outgoing}), passage_ids,
//          citation columns (first mention)
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
// the scope's document hashes: a claim's id is claim:<doc hash>:<start>-<end>, so a
// relationship's claims show which documents it rests on without reading them
WITH collect({d: d, about: about}) AS docs, head(collect(terms)) AS terms, head(collect(entity_ids)) AS entity_ids
WITH docs, terms, entity_ids, [x IN docs | substring(x.d.id, 4, 16)] AS hashes
UNWIND docs AS doc
WITH doc.d AS d, doc.about AS about, terms, entity_ids, hashes
MATCH (d)<-[:PART_OF]-(p:Passage)-[m:MENTIONS]->(e:Entity)
// a mention counts where its statement is on topic, as in the other sections: the
// passage names the topic, or its document is about it (a digest's other items are not)
WHERE (about AND d.layout <> "digest") OR any(t IN terms WHERE toLower(p.text) CONTAINS t)
   OR EXISTS { (p)-[:MENTIONS]->(x:Entity) WHERE x.id IN entity_ids }
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
WITH e, hashes, count(m) AS mentions, count(DISTINCT d) AS documents,
     collect({p: p, d: d, s: s})[0] AS first, collect(DISTINCT p.id)[0..5] AS passage_ids
CALL (e) {
  // RELATED_TO joins entities only (the ontology's domain and range, checked by the
  // writer), so no label test: the count is read from the node's degree, not by
  // visiting every relationship of a busy entity.
  RETURN COUNT { (e)-[:RELATED_TO]-() } AS connections
}
WITH e, hashes, mentions, documents, connections, first, passage_ids
ORDER BY mentions + connections DESC, e.name
LIMIT $limit
CALL (e, hashes) {
  // only what the scope's documents say (a brief on one topic shows no relationship
  // another topic's pages made), counted over their claims; no label test on o
  // (RELATED_TO joins entities only), and only the top three ends are read
  OPTIONAL MATCH (e)-[r:RELATED_TO]-(o)
  WITH r, o, size([c IN coalesce(r.claim_ids, []) WHERE substring(c, 6, 16) IN hashes]) AS here
  WHERE here > 0
  WITH r, o, here ORDER BY here DESC, r.predicate LIMIT 3
  RETURN collect({predicate: r.predicate, polarity: r.polarity, modality: r.modality,
                  other: o.name, other_id: o.id, count: here, outgoing: startNode(r) = e}) AS relationships
}
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE NOT l IN ["Node", "Entity"]][0] AS type,
       mentions, documents, connections, relationships, passage_ids,
       first.p.id AS passage_id, first.d.id AS document_id, first.d.title AS title,
       toString(first.d.published) AS published, first.s.name AS source, first.s.reliability AS reliability
ORDER BY mentions + connections DESC, name
