// Sources by reliability and volume, in each role they play: publisher (documents
// PUBLISHED_BY it), origin (documents BASED_ON it: the outlet in a report title, a wire
// credit, a dateline agency) and speaker (claims ATTRIBUTED_TO it, an entity or a
// source, in documents it did not publish).
// required: none
// optional: $limit (default 50)
// returns: role, source, reliability (null for an entity), documents, claims (speakers),
//          newest, oldest, source_id
// Neo4j Browser / cypher-shell: no :param is required; set each optional one too, to a value
// or to null for its default (`:param limit => null`), or Neo4j refuses the query.
CALL () {
  MATCH (s:Source)<-[:PUBLISHED_BY]-(d:Document)
  RETURN "publisher" AS role, s, count(d) AS documents, null AS claims,
         max(d.published) AS newest, min(d.published) AS oldest
  UNION ALL
  MATCH (s:Source)<-[:BASED_ON]-(d:Document)
  RETURN "origin" AS role, s, count(DISTINCT d) AS documents, null AS claims,
         max(d.published) AS newest, min(d.published) AS oldest
  UNION ALL
  MATCH (c:Claim)-[:ATTRIBUTED_TO]->(s:Node)
  MATCH (c)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)
  WHERE NOT (d)-[:PUBLISHED_BY]->(s)
  RETURN "speaker" AS role, s, count(DISTINCT d) AS documents, count(DISTINCT c) AS claims,
         max(d.published) AS newest, min(d.published) AS oldest
}
RETURN role, s.name AS source, s.reliability AS reliability, documents, claims, toString(newest) AS newest,
       toString(oldest) AS oldest, s.id AS source_id
ORDER BY CASE role WHEN "publisher" THEN 0 WHEN "origin" THEN 1 ELSE 2 END, documents DESC, claims DESC, source
LIMIT coalesce($limit, 50)
