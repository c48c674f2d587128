// Key individuals and entities: ranked by mentions in the topic's documents plus
// their claim-derived connections, each with its strongest relationships.
// params: $topic (string), $entity (string or null), $since and $until (ISO dates or
//         null), $limit (rows), $max_documents (documents in scope), $stale_days
// returns: id, name, type, mentions, documents, connections, relationships (list of
//          {predicate, polarity, modality, other, other_id, count, outgoing}), passage_ids,
//          citation columns (first mention)
// --- scope: the same lines open every brief/ query (a test keeps them identical) ---
// Documents tagged with, mentioning an entity named like, or containing the phrase
// $topic; also mentioning $entity when it is set; published in [$since, $until];
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
MATCH (d)<-[:PART_OF]-(p:Passage)-[m:MENTIONS]->(e:Entity)
MATCH (d)-[:PUBLISHED_BY]->(s:Source)
WITH e, count(m) AS mentions, count(DISTINCT d) AS documents,
     collect({p: p, d: d, s: s})[0] AS first, collect(DISTINCT p.id)[0..5] AS passage_ids
CALL (e) {
  // RELATED_TO joins entities only (the ontology's domain and range, checked by the
  // writer), so no label test: the count is read from the node's degree, not by
  // visiting every relationship of a busy entity.
  RETURN COUNT { (e)-[:RELATED_TO]-() } AS connections
}
WITH e, mentions, documents, connections, first, passage_ids
ORDER BY mentions + connections DESC, e.name
LIMIT $limit
CALL (e) {
  // no label test on o either (RELATED_TO joins entities only): a busy entity has
  // tens of thousands of these, and only the top three ends are read
  OPTIONAL MATCH (e)-[r:RELATED_TO]-(o)
  WITH r, o ORDER BY r.count DESC LIMIT 3
  RETURN collect(CASE WHEN r IS NULL THEN null
                 ELSE {predicate: r.predicate, polarity: r.polarity, modality: r.modality,
                       other: o.name, other_id: o.id, count: r.count,
                       outgoing: startNode(r) = e} END) AS relationships
}
RETURN e.id AS id, e.name AS name, [l IN labels(e) WHERE NOT l IN ["Node", "Entity"]][0] AS type,
       mentions, documents, connections, relationships, passage_ids,
       first.p.id AS passage_id, first.d.id AS document_id, first.d.title AS title,
       toString(first.d.published) AS published, first.s.name AS source, first.s.reliability AS reliability
ORDER BY mentions + connections DESC, name
