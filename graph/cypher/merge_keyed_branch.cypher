// One branch of merge_edges for a relationship type __TYPE__ with an ig:unique key
// property __KEY__ (RELATED_TO.key: start id|predicate|end id). MERGE on the key is a
// unique-index seek; on (a)-[:TYPE {predicate}]->(b) it would walk the relationships
// of two busy entities, a cost that grows with the graph. Scalar properties are set
// when the relationship is made; list properties grow as sets (the ids of the claims
// behind it), and a property with ig:sizeOf follows its list (count), so writing the
// same document again changes nothing.
FOREACH (_ IN CASE WHEN row.type = "__TYPE__" THEN [1] ELSE [] END |
  MERGE (a)-[r:__TYPE__ {__KEY__: row.key}]->(b)
  ON CREATE SET r += row.props
  FOREACH (k IN keys(row.append) |
    SET r[k] = coalesce(r[k], []) + [x IN row.append[k] WHERE NOT x IN coalesce(r[k], [])])
  FOREACH (k IN keys(row.sizes) | SET r[k] = size(r[row.sizes[k]])))
