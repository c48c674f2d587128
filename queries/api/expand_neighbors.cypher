// One hop of a neighbourhood: the relationships around each frontier node, at most
// $per_node per node and $limit in all, skipping nodes already seen.
// params: $frontier: list<string> (node ids), $seen: list<string> (node ids to skip),
//         $rel: string or null (one relationship type), $per_node: int, $limit: int
// returns: source (the frontier id), rel (map: type, start, end, props),
//          node (map: id, labels, caption)
UNWIND $frontier AS fid
MATCH (a:Node {id: fid})
CALL (a) {
  MATCH (a)-[r]-(b)
  WHERE ($rel IS NULL OR type(r) = $rel) AND NOT b.id IN $seen
  RETURN r, b
  ORDER BY type(r), b.id
  LIMIT $per_node
}
RETURN fid AS source,
       {type: type(r), start: startNode(r).id, end: endNode(r).id, props: properties(r)} AS rel,
       {id: b.id, labels: labels(b),
        caption: coalesce(b.name, b.title, b.statement, left(b.text, 160))} AS node
LIMIT $limit
