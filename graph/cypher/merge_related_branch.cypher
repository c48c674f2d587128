// The RELATED_TO branch of merge_edges: one relationship per predicate, with the ids
// of every claim that supports it; count is derived from them, so writing the same
// claims again changes nothing.
FOREACH (_ IN CASE WHEN row.type = "RELATED_TO" THEN [1] ELSE [] END |
  MERGE (a)-[r:RELATED_TO {predicate: row.predicate}]->(b)
  SET r.claim_ids = coalesce(r.claim_ids, []) + [x IN row.claim_ids WHERE NOT x IN coalesce(r.claim_ids, [])]
  SET r.count = size(r.claim_ids))
