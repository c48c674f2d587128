// The entity page's profile: the evidence for its type (per document, the label its
// mentions there were given and how many) and the documents that mention it, oldest first.
// params: $id: string (an entity id), $limit: int (documents at most)
// returns: one row, none when $id is not an entity: id, votes (list of strings
//          'document id|label|mentions'), documents (list of {id, title, published, mentions})
MATCH (e:Entity {id: $id})
RETURN e.id AS id, coalesce(e.type_votes, []) AS votes,
       COLLECT {
         MATCH (e)<-[:MENTIONS]-(p:Passage)-[:PART_OF]->(d:Document)
         WITH d, count(DISTINCT p) AS mentions
         ORDER BY d.published IS NULL, d.published, d.id
         LIMIT $limit
         RETURN {id: d.id, title: d.title, published: toString(d.published), mentions: mentions}
       } AS documents
