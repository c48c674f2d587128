// What documents new in this transaction add to the entities they mention: their
// MENTIONS, each document once, their claims ABOUT the entity, and their place among
// the entity's newest documents (kept as 'published date|document id', newest first,
// undated last, then by id). Runs in the writing transaction after its relationships,
// walking from the documents' own passages, so its cost does not grow with an entity.
// An entity without counts (new, or written before counts were kept) stays without
// them here: recount_entities counts it whole. The counts are set first, in id order:
// that takes each entity's write lock before its newest documents are read.
// params: $documents: list<string> (ids of the documents this transaction made),
//         $keep: int (newest documents an entity keeps)
// returns: nothing
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
