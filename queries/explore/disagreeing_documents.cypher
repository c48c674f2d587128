// Documents that disagree: assessments about the same entities that favour different
// hypotheses, or state a different confidence.
// required: none
// optional: $limit (default 25)
// returns: entity, title, published, favors, confidence, other_title, other_published, other_favors,
//          other_confidence, assessment_id, other_assessment_id
// Neo4j Browser / cypher-shell: no :param is required; set each optional one too, to a value
// or to null for its default (`:param limit => null`), or Neo4j refuses the query.
MATCH (a1:Assessment)-[:ABOUT]->(e:Entity)<-[:ABOUT]-(a2:Assessment)
WHERE a1.kind = a2.kind AND a1.kind IN ["ach", "bluf"] AND a1.id < a2.id
  AND (a1.favored_label <> a2.favored_label OR a1.confidence <> a2.confidence)
MATCH (a1)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d1:Document)
MATCH (a2)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d2:Document)
WHERE d1 <> d2
RETURN e.name AS entity, d1.title AS title, toString(d1.published) AS published, a1.favored_label AS favors,
       a1.confidence AS confidence, d2.title AS other_title, toString(d2.published) AS other_published,
       a2.favored_label AS other_favors, a2.confidence AS other_confidence,
       a1.id AS assessment_id, a2.id AS other_assessment_id
ORDER BY entity, published
LIMIT coalesce($limit, 25)
