// Documents whose text matches a full-text query, best first, with what the search page
// facets on (publisher and date); at most $max_hits hits, filtered and paged by the caller.
// params: $q: string (a Lucene query; the API escapes user text before it gets here),
//         $max_hits: int
// returns: id, title, published (string or null), source_id, source, reliability, score
CALL db.index.fulltext.queryNodes('document_text', $q, {limit: $max_hits}) YIELD node, score
WHERE node:Document
OPTIONAL MATCH (node)-[:PUBLISHED_BY]->(s:Source)
RETURN node.id AS id, node.title AS title, toString(node.published) AS published, s.id AS source_id,
       s.name AS source, s.reliability AS reliability, score
ORDER BY score DESC, id
