// The counts an Entity keeps for its reads (mention_count, document_count, claim_count,
// recent_documents: ig:derived in the ontology), in one statement of the writing
// transaction, after its relationships and before curation moves any.
// First, what documents new in this transaction add to the entities they mention: their
// MENTIONS, each document once, their claims ABOUT the entity, and their place among the
// entity's newest documents (kept as 'published date|document id', newest first, undated
// last, then by id), walked from the documents' own passages, so the cost does not grow
// with an entity. The counts are set first, in id order: that takes each entity's write
// lock before its newest documents are read. An entity without counts stays without them
// there (null plus a number is null).
// Then, the entities of $ids without counts (made by this write, or written before counts
// were kept) are counted whole from the graph; `schema apply` runs this part alone
// ($documents empty) for older graphs. A busy entity's first count walks all its mentions, once.
// params: $documents: list<string> (ids of the documents this transaction made),
//         $ids: list<string> (entity ids to count whole if they have no counts),
//         $keep: int (newest documents an entity keeps)
// returns: nothing
CALL () {
  UNWIND $documents AS doc_id
  MATCH (d:Document {id: doc_id})
  CALL (d) {
    MATCH (d)<-[:PART_OF]-(:Passage)-[:MENTIONS]->(e:Entity)
    RETURN e, count(*) AS mentions, 0 AS claims
    UNION ALL
    MATCH (d)<-[:PART_OF]-(:Passage)<-[:EXTRACTED_FROM]-(c:Claim)-[:ABOUT]->(e:Entity)
    RETURN e, 0 AS mentions, count(DISTINCT c) AS claims
  }
  WITH e, d, sum(mentions) AS mentions, sum(claims) AS claims
  WITH e, sum(mentions) AS mentions, sum(claims) AS claims,
       collect(CASE WHEN mentions > 0 THEN coalesce(toString(d.published), '') + '|' + d.id END) AS entries
  ORDER BY e.id
  SET e.mention_count = e.mention_count + mentions,
      e.claim_count = e.claim_count + claims,
      e.document_count = e.document_count + size(entries)
  WITH e, entries
  WHERE e.mention_count IS NOT NULL AND size(entries) > 0
  CALL (e, entries) {
    UNWIND coalesce(e.recent_documents, []) + entries AS entry
    WITH DISTINCT entry
    ORDER BY split(entry, '|')[0] = '', split(entry, '|')[0] DESC, entry
    RETURN collect(entry)[..$keep] AS recent
  }
  SET e.recent_documents = recent
}
CALL () {
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
}
