// Moved quantities: a measure on a subject reported with a new value after a date, against the last
// value reported on or before it ("4 dead" on 02-03, "at least 7 dead" on 02-09: moved up).
// required: $since (an ISO date "YYYY-MM-DD": observations reported after it are new, those on or before
//           it are the baseline)
// optional: $topic (default null: every document; a phrase the document contains, or a tag's name; both
//           the new and the baseline observation come from such documents), $entity (default null:
//           every subject; an entity name or alias, the observations' subject), $until (default null: no
//           upper bound on the new observations' date), $limit (default 100)
// returns: measure, subject, subject_id, unit, direction ("up", "down" or "bounds": the value held and
//          its bounds changed, e.g. "600" became "over 600"), before_date, before_value, before_low,
//          before_high, before_bound, before_text, before_observation_id, before_passage_id,
//          before_document_id, after_date, after_value, after_low, after_high, after_bound, after_text,
//          after_observation_id, after_passage_id, after_document_id; one row per (measure, subject,
//          unit) whose newest observation after $since differs from its newest on or before $since;
//          ordered by after_date (newest first), measure, subject. Only observations ABOUT a subject
//          entity and with a date take part: a count without a subject is not one series.
// Neo4j Browser / cypher-shell: set every parameter, each to a value or to null for its default
// (`:param since => "2026-02-05"`, `:param topic => null` …), or Neo4j refuses the query.
CALL () {
  WITH 1 AS one WHERE $entity IS NOT NULL
  CALL db.index.fulltext.queryNodes("entity_names", "\"" + replace(replace($entity, "\\", " "), "\"", " ") + "\"")
    YIELD node
  WITH node WHERE node:Entity AND (toLower(node.name) = toLower(trim($entity))
                                   OR toLower(trim($entity)) IN [a IN coalesce(node.aliases, []) | toLower(a)])
  RETURN collect(node.id) AS subject_ids
}
CALL () {
  WITH 1 AS one WHERE $topic IS NOT NULL
  CALL (one) {
    CALL db.index.fulltext.queryNodes("document_text", "\"" + replace(replace($topic, "\\", " "), "\"", " ") + "\"")
      YIELD node
    WITH node WHERE node:Document RETURN node.id AS id
    UNION
    MATCH (t:Topic)<-[:TAGGED]-(doc:Document) WHERE toLower(t.name) = toLower(trim($topic)) RETURN doc.id AS id
  }
  RETURN collect(id) AS topic_docs
}
MATCH (o:Observation)-[:ABOUT]->(e:Entity)
WHERE o.reported_on > date($since) AND ($until IS NULL OR o.reported_on <= date($until))
  AND ($entity IS NULL OR e.id IN subject_ids)
MATCH (o)-[:EXTRACTED_FROM]->(p:Passage)-[:PART_OF]->(d:Document)
WHERE $topic IS NULL OR d.id IN topic_docs
WITH o, p, d, e, topic_docs ORDER BY o.reported_on DESC, o.start DESC
WITH o.measure AS measure, e, o.unit AS unit, topic_docs, head(collect({o: o, p: p, d: d})) AS after
CALL (measure, e, unit, topic_docs) {
  MATCH (b:Observation {measure: measure, unit: unit})-[:ABOUT]->(e)
  WHERE b.reported_on <= date($since)
  MATCH (b)-[:EXTRACTED_FROM]->(bp:Passage)-[:PART_OF]->(bd:Document)
  WHERE $topic IS NULL OR bd.id IN topic_docs
  WITH b, bp, bd ORDER BY b.reported_on DESC, b.start DESC LIMIT 1
  RETURN b, bp, bd
}
WITH measure, e, unit, after, b, bp, bd, after.o AS a
WHERE a.value <> b.value OR coalesce(a.value_low, -1) <> coalesce(b.value_low, -1)
   OR coalesce(a.value_high, -1) <> coalesce(b.value_high, -1)
RETURN measure, e.name AS subject, e.id AS subject_id, unit,
       CASE WHEN a.value > b.value THEN "up" WHEN a.value < b.value THEN "down" ELSE "bounds" END AS direction,
       toString(b.reported_on) AS before_date, b.value AS before_value, b.value_low AS before_low,
       b.value_high AS before_high, b.bound AS before_bound, b.text AS before_text,
       b.id AS before_observation_id, bp.id AS before_passage_id, bd.id AS before_document_id,
       toString(a.reported_on) AS after_date, a.value AS after_value, a.value_low AS after_low,
       a.value_high AS after_high, a.bound AS after_bound, a.text AS after_text,
       a.id AS after_observation_id, after.p.id AS after_passage_id, after.d.id AS after_document_id
ORDER BY after_date DESC, measure, subject
LIMIT coalesce($limit, 100)
