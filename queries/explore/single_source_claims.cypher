// Claims resting on a single origin: entity relationships whose supporting claims all
// come from one independent origin. A document's origins are the sources it is
// BASED_ON (the outlet in a report title, a wire credit, a dateline agency), or its
// publisher when it names none; so ten reports of one site on one article count once.
// required: none
// optional: $limit (default 50)
// returns: subject, predicate, object, source (the origin), reliability, claims, claim_id, claim
// Neo4j Browser / cypher-shell: no :param is required; set each optional one too, to a value
// or to null for its default (`:param limit => null`), or Neo4j refuses the query.
MATCH (a:Entity)-[r:RELATED_TO]->(b:Entity)
CALL (r) {
  UNWIND r.claim_ids AS claim_id
  MATCH (:Node {id: claim_id})-[:EXTRACTED_FROM]->(:Passage)-[:PART_OF]->(d:Document)-[:PUBLISHED_BY]->(p:Source)
  WITH d, p, COLLECT { MATCH (d)-[:BASED_ON]->(o:Source) RETURN o } AS based
  UNWIND CASE WHEN size(based) > 0 THEN based ELSE [p] END AS origin
  RETURN collect(DISTINCT origin) AS sources
}
WITH a, r, b, sources WHERE size(sources) = 1
MATCH (c:Claim {id: r.claim_ids[0]})
RETURN a.name AS subject, r.predicate AS predicate, b.name AS object, sources[0].name AS source,
       sources[0].reliability AS reliability, r.count AS claims, c.id AS claim_id, c.text AS claim
ORDER BY reliability DESC, claims DESC
LIMIT coalesce($limit, 50)
