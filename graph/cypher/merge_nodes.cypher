// Merge nodes by id on the key label, then add their ontology labels.
// Nothing is written to a node that already holds these values: shared nodes
// (entities, sources, topics) then take no write lock, so documents written at the
// same time do not queue behind each other on them.
// params: $rows: list of {id: string, labels: list<string> (checked against the
//         ontology), props: map (scalar properties, overwritten), append: map
//         (list properties, merged as a set union)}
// returns: nothing (the writer reads the counters)
// replan=skip: the plan (index seeks on :Node(id)) never depends on statistics, and
// replanning a statement this size costs seconds while a growing graph's statistics
// keep changing.
CYPHER replan=skip
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
WITH n, row
FOREACH (_ IN CASE WHEN any(k IN keys(row.props) WHERE n[k] IS NULL OR n[k] <> row.props[k]) THEN [1] ELSE [] END |
  SET n += row.props)
FOREACH (_ IN CASE WHEN all(l IN row.labels WHERE l IN labels(n)) THEN [] ELSE [1] END |
  SET n:$(row.labels))
FOREACH (k IN [k IN keys(row.append) WHERE any(x IN row.append[k] WHERE NOT x IN coalesce(n[k], []))] |
  SET n[k] = coalesce(n[k], []) + [x IN row.append[k] WHERE NOT x IN coalesce(n[k], [])])
