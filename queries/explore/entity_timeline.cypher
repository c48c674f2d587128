// What was said about an entity over time: claims about it, oldest first, with source.
// required: $name (an entity name or alias, e.g. "Amara Voss")
// optional: $limit (default 50), $since (default null: no lower bound), $until (default null: no upper
//           bound); dates as "YYYY-MM-DD"; undated documents are kept only while both are null
// returns: published, claim, likelihood, polarity, attribution, source, reliability, claim_id, document_id
// Neo4j Browser / cypher-shell: first `:param name => "Amara Voss"`; set each optional one too,
// to a value or to null for its default (`:param limit => null`), or Neo4j refuses the query.
CALL db.index.fulltext.queryNodes("entity_names", "\"" + replace(replace($name, "\\", " "), "\"", " ") + "\"")
  YIELD node, score
WITH node AS e, score WHERE e:Entity
ORDER BY score DESC LIMIT 1
MATCH (c:Claim)-[:ABOUT]->(e)
MATCH (c)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)-[:PUBLISHED_BY]->(s:Source)
WHERE ($since IS NULL OR d.published >= date($since)) AND ($until IS NULL OR d.published <= date($until))
RETURN toString(d.published) AS published, c.text AS claim, c.likelihood AS likelihood, c.polarity AS polarity,
       c.attribution AS attribution, s.name AS source, s.reliability AS reliability, c.id AS claim_id,
       d.id AS document_id
ORDER BY d.published IS NULL, d.published, c.id
LIMIT coalesce($limit, 50)
