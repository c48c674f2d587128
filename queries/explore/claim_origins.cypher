// Independent origins per claim: who a claim rests on, and how many independent origins
// corroborate it. A document's origins are the sources it is BASED_ON (the outlet in a
// report title, a wire credit, a dateline agency), or its publisher when it names none;
// two reports of one site based on the same article are one origin, two outlets
// carrying the same wire story are one origin. A claim is corroborated by the origins of
// every claim behind the entity relationships it supports (RELATED_TO claim_ids).
// required: none
// optional: $id (default null: every claim; a claim id: that claim), $limit (default 50)
// returns: claim_id, claim, speaker, document_id, publisher, origins (names),
//          relationships (subject predicate object), independent_origins, corroborating
//          (origin names), single_origin
// Neo4j Browser / cypher-shell: no :param is required; set each optional one too, to a value
// or to null for its default (`:param id => null`), or Neo4j refuses the query.
MATCH (c:Claim)
WHERE $id IS NULL OR c.id = $id
MATCH (c)-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)-[:PUBLISHED_BY]->(pub:Source)
WITH c, d, pub, COLLECT { MATCH (d)-[:BASED_ON]->(o:Source) RETURN o } AS based
WITH c, d, pub, CASE WHEN size(based) > 0 THEN based ELSE [pub] END AS own
CALL (c) {
  OPTIONAL MATCH (c)-[:ABOUT {role: "subject"}]->(a:Entity)-[r:RELATED_TO]->(b:Entity)<-[:ABOUT {role: "object"}]-(c)
  WHERE c.id IN r.claim_ids
  RETURN collect(DISTINCT r) AS rels, collect(DISTINCT a.name + " " + r.predicate + " " + b.name) AS relationships
}
CALL (rels) {
  UNWIND rels AS r
  UNWIND r.claim_ids AS claim_id
  MATCH (:Claim {id: claim_id})-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(od:Document)-[:PUBLISHED_BY]->(op:Source)
  WITH od, op, COLLECT { MATCH (od)-[:BASED_ON]->(o:Source) RETURN o } AS based
  UNWIND CASE WHEN size(based) > 0 THEN based ELSE [op] END AS origin
  RETURN collect(DISTINCT origin) AS corroborating
}
WITH c, d, pub, own, relationships,
     CASE WHEN size(corroborating) > 0 THEN corroborating ELSE own END AS corroborating
RETURN c.id AS claim_id, c.text AS claim,
       COLLECT { MATCH (c)-[:ATTRIBUTED_TO]->(w:Node) RETURN w.name }[0] AS speaker,
       d.id AS document_id, pub.name AS publisher, [o IN own | o.name] AS origins, relationships,
       size(corroborating) AS independent_origins, [o IN corroborating | o.name] AS corroborating,
       size(corroborating) = 1 AS single_origin
ORDER BY independent_origins DESC, claim_id
LIMIT coalesce($limit, 50)
