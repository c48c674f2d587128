// One hop of a neighbourhood: the relationships around each frontier node, at most
// $per_node per node and $limit in all, skipping nodes already seen.
// One branch per ontology relationship type (a test keeps the list complete): a static
// type makes the expand read only that type's relationships, and each branch stops at
// $per_node, so a node with 100,000 relationships costs what a small one does. Rows come
// in type order, and within a type in storage order (sorting by neighbour would read
// every neighbour of a busy node first).
// params: $frontier: list<string> (node ids), $seen: list<string> (node ids to skip),
//         $rel: string or null (one relationship type), $per_node: int, $limit: int
// returns: source (the frontier id), rel (map: type, start, end, props),
//          node (map: id, labels, caption)
UNWIND $frontier AS fid
MATCH (a:Node {id: fid})
CALL (a) {
  CALL (a) {
    WITH a WHERE $rel IS NULL OR $rel = "ABOUT"
    MATCH (a)-[r:ABOUT]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "ATTRIBUTED_TO"
    MATCH (a)-[r:ATTRIBUTED_TO]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "BASED_ON"
    MATCH (a)-[r:BASED_ON]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "CITES"
    MATCH (a)-[r:CITES]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "COMPETES_WITH"
    MATCH (a)-[r:COMPETES_WITH]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "CONTRADICTS"
    MATCH (a)-[r:CONTRADICTS]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "EXTRACTED_FROM"
    MATCH (a)-[r:EXTRACTED_FROM]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "FAVORS"
    MATCH (a)-[r:FAVORS]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "FEATURES"
    MATCH (a)-[r:FEATURES]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "MENTIONS"
    MATCH (a)-[r:MENTIONS]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "PART_OF"
    MATCH (a)-[r:PART_OF]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "PUBLISHED_BY"
    MATCH (a)-[r:PUBLISHED_BY]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "RELATED_TO"
    MATCH (a)-[r:RELATED_TO]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "RESTS_ON"
    MATCH (a)-[r:RESTS_ON]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "REVISES"
    MATCH (a)-[r:REVISES]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "SUPPORTS"
    MATCH (a)-[r:SUPPORTS]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "TAGGED"
    MATCH (a)-[r:TAGGED]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "USES_TECHNIQUE"
    MATCH (a)-[r:USES_TECHNIQUE]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
    UNION ALL
    WITH a WHERE $rel IS NULL OR $rel = "WATCHES"
    MATCH (a)-[r:WATCHES]-(b) WHERE NOT b.id IN $seen
    RETURN r, b LIMIT $per_node
  }
  RETURN r, b LIMIT $per_node
}
RETURN fid AS source,
       {type: type(r), start: startNode(r).id, end: endNode(r).id, props: properties(r)} AS rel,
       {id: b.id, labels: labels(b),
        caption: coalesce(b.name, b.title, b.statement, left(b.text, 160))} AS node
LIMIT $limit
