// One entity with its counts and the documents that mention it (most recent first),
// counted from its relationships: what get_entity reads from the node, for an entity
// that has no counts yet (a graph written before they were kept, until `intelgraph
// schema apply`) or when more documents are asked for than the node keeps. Its cost
// grows with the entity's mentions.
// params: $id: string (an entity id), $limit: int (documents listed)
// returns: one row, none when $id is not an entity: entity (map), labels, mentions,
//          claims, relations, document_count, documents (list of {id, title, published})
MATCH (e:Entity {id: $id})
RETURN e {.id, .name, .key, .aliases} AS entity, labels(e) AS labels,
       COUNT { (e)<-[:MENTIONS]-() } AS mentions,
       COUNT { (e)<-[:ABOUT]-(:Claim) } AS claims,
       COUNT { (e)-[:RELATED_TO]-() } AS relations,
       COUNT { MATCH (e)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document) RETURN DISTINCT d } AS document_count,
       COLLECT {
         MATCH (e)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document)
         WITH DISTINCT d
         ORDER BY d.published IS NULL, d.published DESC, d.id
         LIMIT $limit
         RETURN d {.id, .title, .published}
       } AS documents
