// Sources with their reliability grade and how many documents each published and how
// many are based on it (an outlet named in a title, a wire credit), by name.
// params: $offset: int, $limit: int
// returns: id, name, reliability, published, based_on, newest (string or null)
MATCH (s:Source)
WITH s ORDER BY s.name, s.id SKIP $offset LIMIT $limit
RETURN s.id AS id, s.name AS name, s.reliability AS reliability,
       COUNT { (s)<-[:PUBLISHED_BY]-(:Document) } AS published,
       COUNT { (s)<-[:BASED_ON]-(:Document) } AS based_on,
       toString(COLLECT { MATCH (s)<-[:PUBLISHED_BY|BASED_ON]-(d:Document) WHERE d.published IS NOT NULL
                          RETURN d.published ORDER BY d.published DESC LIMIT 1 }[0]) AS newest
ORDER BY name, id
