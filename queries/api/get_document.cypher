// One document: its metadata (text only when asked), publisher, origins, topics, the entities it
// mentions most, and the objects extracted from its passages ($limit entities and
// $limit objects at most).
// params: $id: string (a document id), $include_text: boolean, $limit: int
// returns: one row, none when $id is not a document: document, source (maps: the
//          publisher, with via), origins, topics, entities, objects (lists; objects as
//          {labels, props, passage_id, start, end})
MATCH (d:Document {id: $id})
OPTIONAL MATCH (d)-[pb:PUBLISHED_BY]->(s:Source)
RETURN d {.id, .title, .published, .format, .layout, .headline, .url, .truncated, .missing,
          .word_count, .ingested_at, text: CASE WHEN $include_text THEN d.text END} AS document,
       s {.id, .name, .reliability, via: pb.via} AS source,
       COLLECT { MATCH (d)-[b:BASED_ON]->(o:Source) RETURN o {.id, .name, .reliability, via: b.via} ORDER BY o.name }
         AS origins,
       COLLECT { MATCH (d)-[:TAGGED]->(t:Topic) RETURN t {.id, .name} ORDER BY t.name } AS topics,
       COLLECT {
         MATCH (d)<-[:PART_OF]-(:Passage)-[:MENTIONS]->(e:Entity)
         WITH e, count(*) AS n
         ORDER BY n DESC, e.name
         LIMIT $limit
         RETURN e {.id, .name, labels: labels(e), mentions: n}
       } AS entities,
       COLLECT {
         MATCH (d)<-[:PART_OF]-(p:Passage)<-[:EXTRACTED_FROM]-(x)
         WITH x, p
         ORDER BY p.start, x.id
         LIMIT $limit
         RETURN {labels: labels(x), props: properties(x), passage_id: p.id, start: p.start, end: p.end}
       } AS objects
