// Merge nodes by id on the key label, then add their ontology labels.
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
SET n += row.props
SET n:$(row.labels)
FOREACH (k IN keys(row.append) |
  SET n[k] = coalesce(n[k], []) + [x IN row.append[k] WHERE NOT x IN coalesce(n[k], [])])
