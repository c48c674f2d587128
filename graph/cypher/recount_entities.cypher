// Count from the graph what an entity keeps for its reads (mention_count,
// document_count, claim_count, recent_documents: see count_document_entities), for
// the entities that have no counts yet: those a write has just made, and those written
// before the counts were kept (`schema apply` fills these in, a batch at a time). A
// busy entity's first count walks all its mentions, once.
// params: $ids: list<string> (entity ids), $keep: int (newest documents kept)
// returns: counted (entities given their counts)
UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE e.mention_count IS NULL
WITH e ORDER BY e.id
SET e.mention_count = COUNT { (e)<-[:MENTIONS]-() },
    e.claim_count = COUNT { (e)<-[:ABOUT]-(:Claim) },
    e.document_count = COUNT { MATCH (e)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document) RETURN DISTINCT d },
    e.recent_documents = COLLECT {
      MATCH (e)<-[:MENTIONS]-(:Passage)-[:PART_OF]->(d:Document)
      WITH DISTINCT d
      ORDER BY d.published IS NULL, d.published DESC, d.id
      LIMIT $keep
      RETURN coalesce(toString(d.published), '') + '|' + d.id
    }
RETURN count(e) AS counted
