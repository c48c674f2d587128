// A quantity over time: the observations of a measure on a subject, in date order, with their bounds.
// required: none
// optional: $measure (default null: every measure; as stored, lower case, e.g. "killed", "troops", "rise"),
//           $subject (default null: any subject, and none; an entity name or alias, e.g. "Port Selwyn"),
//           $topic (default null: every document; a phrase the document contains, or a tag's name),
//           $since (default null: no lower bound), $until (default null: no upper bound), dates as
//           "YYYY-MM-DD" on the reporting document's date; $limit (default 200)
// returns: measure, subject, subject_id, unit, reported_on, value, value_low, value_high, bound, text,
//          observation_id, passage_id, document_id, title; one row per observation, ordered by measure,
//          subject, unit, then date (undated last). value_low / value_high are the bounds the text gives:
//          both the value for an exact number, only value_low for "over 600" or "7,000+", only
//          value_high for "up to 600" or "nearly 600", neither for "about 600".
// Neo4j Browser / cypher-shell: set every parameter, each to a value or to null for its default
// (`:param measure => "dead"`, `:param subject => null` …), or Neo4j refuses the query.
CALL () {
  WITH 1 AS one WHERE $subject IS NOT NULL
  CALL db.index.fulltext.queryNodes("entity_names", "\"" + replace(replace($subject, "\\", " "), "\"", " ") + "\"")
    YIELD node
  WITH node WHERE node:Entity AND (toLower(node.name) = toLower(trim($subject))
                                   OR toLower(trim($subject)) IN [a IN coalesce(node.aliases, []) | toLower(a)])
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
MATCH (o:Observation)
WHERE $measure IS NULL OR o.measure = toLower(trim($measure))
MATCH (o)-[:EXTRACTED_FROM]->(p:Passage)-[:PART_OF]->(d:Document)
WHERE ($topic IS NULL OR d.id IN topic_docs)
  AND ($since IS NULL OR o.reported_on >= date($since)) AND ($until IS NULL OR o.reported_on <= date($until))
OPTIONAL MATCH (o)-[:ABOUT]->(e:Entity)
WITH o, p, d, e, subject_ids WHERE $subject IS NULL OR e.id IN subject_ids
RETURN o.measure AS measure, e.name AS subject, e.id AS subject_id, o.unit AS unit,
       toString(o.reported_on) AS reported_on, o.value AS value, o.value_low AS value_low,
       o.value_high AS value_high, o.bound AS bound, o.text AS text, o.id AS observation_id,
       p.id AS passage_id, d.id AS document_id, d.title AS title
ORDER BY measure, subject IS NULL, subject, unit, o.reported_on IS NULL, o.reported_on, o.start, o.id
LIMIT coalesce($limit, 200)
