// Sources by reliability and volume.
// params: $limit (e.g. 50)
// returns: source, reliability, documents, newest, oldest, source_id
MATCH (s:Source)
CALL (s) {
  MATCH (s)<-[:PUBLISHED_BY]-(d:Document)
  RETURN count(d) AS documents, max(d.published) AS newest, min(d.published) AS oldest
}
RETURN s.name AS source, s.reliability AS reliability, documents, toString(newest) AS newest,
       toString(oldest) AS oldest, s.id AS source_id
ORDER BY reliability, documents DESC
LIMIT $limit
