// What was said about an entity over time: claims about it, oldest first, with source.
// params: $name (an entity name or alias), $limit (e.g. 50)
// returns: published, claim, likelihood, polarity, attribution, source, reliability, claim_id, document_id
CALL db.index.fulltext.queryNodes("entity_names", "\"" + replace(replace($name, "\\", " "), "\"", " ") + "\"")
  YIELD node, score
WITH node AS e, score WHERE e:Entity
ORDER BY score DESC LIMIT 1
MATCH (c:Claim)-[:ABOUT]->(e)
MATCH (c)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)-[:PUBLISHED_BY]->(s:Source)
RETURN toString(d.published) AS published, c.text AS claim, c.likelihood AS likelihood, c.polarity AS polarity,
       c.attribution AS attribution, s.name AS source, s.reliability AS reliability, c.id AS claim_id,
       d.id AS document_id
ORDER BY d.published IS NULL, d.published, c.id
LIMIT $limit
