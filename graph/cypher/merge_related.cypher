// Merge entity-to-entity relationships derived from claims: one per predicate, with
// the ids of every claim that supports it; count is derived from them, so writing the
// same claims again changes nothing.
// params: $rows: list of {start: string, end: string, predicate: string, claim_ids: list<string>}
// returns: matched (rows whose two ends exist)
UNWIND $rows AS row
MATCH (a:Node {id: row.start})
MATCH (b:Node {id: row.end})
MERGE (a)-[r:RELATED_TO {predicate: row.predicate}]->(b)
SET r.claim_ids = coalesce(r.claim_ids, []) + [x IN row.claim_ids WHERE NOT x IN coalesce(r.claim_ids, [])]
SET r.count = size(r.claim_ids)
RETURN count(*) AS matched
