// The shortest chain of RELATED_TO relationships between two entities (up to 6 hops).
// params: $from: string, $to: string (entity ids; different)
// returns: one row: from_id, to_id (null when that id is not an entity),
//          nodes (list of {id, name, labels}; null when no path),
//          rels (list of {type, start, end, predicate, polarity, modality, claim_ids}; null when no path)
OPTIONAL MATCH (a:Entity {id: $from})
OPTIONAL MATCH (b:Entity {id: $to})
OPTIONAL MATCH p = shortestPath((a)-[:RELATED_TO*..6]-(b))
RETURN a.id AS from_id, b.id AS to_id,
       [n IN nodes(p) | n {.id, .name, labels: labels(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), start: startNode(r).id, end: endNode(r).id,
                                 predicate: r.predicate, polarity: r.polarity, modality: r.modality,
                                 claim_ids: r.claim_ids}] AS rels
