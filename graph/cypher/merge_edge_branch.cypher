// One branch of merge_edges: rows of type __TYPE__ (an ontology relationship type).
FOREACH (_ IN CASE WHEN row.type = "__TYPE__" THEN [1] ELSE [] END |
  MERGE (a)-[r:__TYPE__]->(b)
  SET r += row.props
  FOREACH (k IN keys(row.append) |
    SET r[k] = coalesce(r[k], []) + [x IN row.append[k] WHERE NOT x IN coalesce(r[k], [])]))
