// Merge relationships of one type between nodes found by id.
// __TYPE__ is replaced by the writer with a relationship type it has checked against
// the ontology (Neo4j 5.26 plans a dynamic type in MERGE as a scan of every
// relationship, so the type must be static); values still travel as parameters.
// params: $rows: list of {start: string, end: string, props: map, append: map}
// returns: matched (rows whose two ends exist)
UNWIND $rows AS row
MATCH (a:Node {id: row.start})
MATCH (b:Node {id: row.end})
MERGE (a)-[r:__TYPE__]->(b)
SET r += row.props
FOREACH (k IN keys(row.append) |
  SET r[k] = coalesce(r[k], []) + [x IN row.append[k] WHERE NOT x IN coalesce(r[k], [])])
RETURN count(*) AS matched
