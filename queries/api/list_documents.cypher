// Documents, most recently published first, with their source.
// params: $offset: int, $limit: int
// returns: id, title, published, format, layout, word_count, truncated, ingested_at,
//          source, reliability
MATCH (d:Document)
OPTIONAL MATCH (d)-[:PUBLISHED_BY]->(s:Source)
RETURN d.id AS id, d.title AS title, d.published AS published, d.format AS format,
       d.layout AS layout, d.word_count AS word_count, d.truncated AS truncated,
       d.ingested_at AS ingested_at, s.name AS source, s.reliability AS reliability
ORDER BY d.published IS NULL, d.published DESC, d.id
SKIP $offset LIMIT $limit
