// The RELATED_TO branch of merge_edges: one relationship per predicate, with the ids
// of every claim that supports it; count is derived from them, so writing the same
// claims again changes nothing. MERGE on the unique key (start|predicate|end) is an
// index seek; on (a)-[:RELATED_TO {predicate}]->(b) it walked the RELATED_TO
// relationships of two busy entities, a cost that grew with the graph.
FOREACH (_ IN CASE WHEN row.type = "RELATED_TO" THEN [1] ELSE [] END |
  MERGE (a)-[r:RELATED_TO {key: row.key}]->(b)
  ON CREATE SET r.predicate = row.predicate
  SET r.claim_ids = coalesce(r.claim_ids, []) + [x IN row.claim_ids WHERE NOT x IN coalesce(r.claim_ids, [])]
  SET r.count = size(r.claim_ids))
