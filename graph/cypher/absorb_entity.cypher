// The last step of a merge, once its relationships are on the survivor: the survivor
// takes the merged entity's list properties (aliases and the like, as set unions), its
// name as an alias and what it gained in counts and newest documents (count_merge_gain,
// counted before the move), and the merged entity is deleted with what is left of its
// relationships (those between the two). A survivor without counts stays without them
// (count_entities counts it whole).
// params: $into: string, $from: string (entity ids), $lists: list<string> (the entity
//         list properties the merge unions, from the ontology), $gain: map (mentions,
//         claims, documents, recent), $keep: int (newest documents kept)
// returns: nothing
MATCH (a:Entity {id: $into}), (b:Entity {id: $from})
FOREACH (k IN $lists |
  SET a[k] = coalesce(a[k], []) + [x IN coalesce(b[k], []) WHERE NOT x IN coalesce(a[k], [])])
SET a.aliases = coalesce(a.aliases, []) + [x IN [b.name] WHERE x IS NOT NULL AND NOT x IN coalesce(a.aliases, [])],
    a.mention_count = a.mention_count + $gain.mentions,
    a.claim_count = a.claim_count + $gain.claims,
    a.document_count = a.document_count + $gain.documents
DETACH DELETE b
WITH a
CALL (a) {
  UNWIND coalesce(a.recent_documents, []) + $gain.recent AS entry
  WITH DISTINCT entry
  ORDER BY split(entry, '|')[0] = '', split(entry, '|')[0] DESC, entry
  RETURN collect(entry)[..$keep] AS recent
}
SET a.recent_documents = CASE WHEN a.mention_count IS NULL THEN a.recent_documents ELSE recent END
