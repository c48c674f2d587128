// Claims about an entity, with the passage, document and source each came from.
// params: $id: string (an entity id), $offset: int, $limit: int
// returns: one row, none when $id is not an entity: id, items (list of claim maps)
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)<-[about:ABOUT]-(c:Claim)
  OPTIONAL MATCH (c)-[:EXTRACTED_FROM]->(p:Passage)-[:PART_OF]->(d:Document)
  OPTIONAL MATCH (d)-[:PUBLISHED_BY]->(s:Source)
  WITH e, about, c, p, d, s
  ORDER BY d.published IS NULL, d.published DESC, c.id
  SKIP $offset LIMIT $limit
  RETURN collect(c {.id, .text, .polarity, .modality, .hedged, .likelihood, .predicate, .attribution,
                    .extraction_score, role: about.role,
                    attributed_to: COLLECT { MATCH (c)-[:ATTRIBUTED_TO]->(w) RETURN w.name }[0],
                    passage_id: p.id, document_id: d.id, document_title: d.title,
                    published: d.published, source: s.name, reliability: s.reliability}) AS items
}
RETURN e.id AS id, items
