// Sources by reliability and volume.
// required: none
// optional: $limit (default 50)
// returns: source, reliability, documents, newest, oldest, source_id
// Neo4j Browser / cypher-shell: no :param is required; set each optional one too, to a value
// or to null for its default (`:param limit => null`), or Neo4j refuses the query.
MATCH (s:Source)
CALL (s) {
  MATCH (s)<-[:PUBLISHED_BY]-(d:Document)
  RETURN count(d) AS documents, max(d.published) AS newest, min(d.published) AS oldest
}
RETURN s.name AS source, s.reliability AS reliability, documents, toString(newest) AS newest,
       toString(oldest) AS oldest, s.id AS source_id
ORDER BY reliability, documents DESC
LIMIT coalesce($limit, 50)
