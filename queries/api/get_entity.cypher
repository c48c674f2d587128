// One entity with its counts and the newest documents that mention it, read from the
// node (the writer keeps mention_count, claim_count, document_count and
// recent_documents as documents are written and entities merged), so the cost does not
// grow with the entity. `counted` is false for an entity written before the counts
// were kept: then api/count_entity counts them (`intelgraph schema apply` fills them in).
// params: $id: string (an entity id), $limit: int (documents listed, at most the
//         number the node keeps)
// returns: one row, none when $id is not an entity: entity (map), labels, counted,
//          mentions, claims, relations, document_count, documents (list of {id, title,
//          published}, newest first, undated last)
MATCH (e:Entity {id: $id})
RETURN e {.id, .name, .key, .aliases} AS entity, labels(e) AS labels,
       e.mention_count IS NOT NULL AS counted,
       e.mention_count AS mentions, e.claim_count AS claims,
       COUNT { (e)-[:RELATED_TO]-() } AS relations,
       e.document_count AS document_count,
       COLLECT {
         UNWIND coalesce(e.recent_documents, [])[..$limit] AS entry
         WITH split(entry, '|')[0] AS published, entry
         MATCH (d:Document {id: substring(entry, size(published) + 1)})
         RETURN d {.id, .title, .published}
         ORDER BY published = '', published DESC, d.id
       } AS documents
