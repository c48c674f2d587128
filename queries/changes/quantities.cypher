// What changed on a topic: quantities that moved. For each measure on a subject (an
// Observation ABOUT an entity, with its unit) reported in the window's new documents, the
// newest new value against the last value an older document reported on or before that day,
// or, when none did, the first value the window gave on an earlier day ("62 killed" on 01-10,
// "over 600 killed" on 02-03: up). Only rows whose value or bounds
// differ; a count without a subject is no series. On-topic: the document is about the
// topic, or the passage names one of its terms, or the subject is one of its entities.
// (services.brief.changes runs it on the window's new documents only; `$documents` then
// names them, and the baseline comes from documents outside them.)
// params: $topic, $entity, $since, $until, $as_of, $ingested_by, $max_documents (the brief scope's)
// returns: id (the new observation), measure, unit, subject, subject_id, direction ("up",
//          "down" or "bounds"), value, value_low, value_high, bound, text, passage_id,
//          document_id, title, published, source, reliability, before ({id, value,
//          value_low, value_high, bound, text, passage_id, document_id, title, published,
//          source, reliability})
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
MATCH (d)<-[:PART_OF]-(p:Passage)<-[:EXTRACTED_FROM]-(o:Observation)-[:ABOUT]->(e:Entity)
WHERE o.reported_on IS NOT NULL
  AND (about OR e.id IN entity_ids OR any(t IN terms WHERE toLower(p.text) CONTAINS t))
WITH d, p, o, e, window_ids ORDER BY o.reported_on DESC, o.start DESC
WITH o.measure AS measure, o.unit AS unit, e, window_ids, head(collect({o: o, p: p, d: d})) AS after
WITH measure, unit, e, window_ids, after.o AS a, after.p AS p, after.d AS d
CALL (measure, unit, e, a, window_ids) {
  // the baseline: the last value an older document gave on or before that day, else the
  // first value the window itself gave on an earlier day
  MATCH (e)<-[:ABOUT]-(b:Observation)-[:EXTRACTED_FROM]->(bp:Passage)-[:PART_OF]->(bd:Document)
  WHERE b.measure = measure AND b.unit = unit AND b.id <> a.id
    AND ((NOT bd.id IN window_ids AND b.reported_on <= a.reported_on)
         OR (bd.id IN window_ids AND b.reported_on < a.reported_on))
  WITH b, bp, bd, bd.id IN window_ids AS in_window
  ORDER BY in_window, CASE WHEN in_window THEN null ELSE b.reported_on END DESC, b.reported_on, b.start DESC
  LIMIT 1
  OPTIONAL MATCH (bd)-[:PUBLISHED_BY]->(bs:Source)
  RETURN b, bp, bd, bs
}
WITH measure, unit, e, a, p, d, b, bp, bd, bs
WHERE a.value <> b.value OR coalesce(a.value_low, -1) <> coalesce(b.value_low, -1)
   OR coalesce(a.value_high, -1) <> coalesce(b.value_high, -1)
OPTIONAL MATCH (d)-[:PUBLISHED_BY]->(s:Source)
RETURN a.id AS id, measure, unit, e.name AS subject, e.id AS subject_id,
       CASE WHEN a.value > b.value THEN "up" WHEN a.value < b.value THEN "down" ELSE "bounds" END AS direction,
       a.value AS value, a.value_low AS value_low, a.value_high AS value_high, a.bound AS bound, a.text AS text,
       p.id AS passage_id, d.id AS document_id, d.title AS title, toString(d.published) AS published,
       s.name AS source, s.reliability AS reliability,
       {id: b.id, value: b.value, value_low: b.value_low, value_high: b.value_high, bound: b.bound, text: b.text,
        passage_id: bp.id, document_id: bd.id, title: bd.title, published: toString(bd.published),
        source: bs.name, reliability: bs.reliability} AS before
ORDER BY published DESC, measure, subject
