// Judgement links (REVISES, newer to older), their properties replaced whole: a link
// found again with another score keeps no stale evidence. Rows are checked against
// the ontology before they are sent (graph.writer.edge_row).
// params: $rows: list of {start, end, props: map, append: map (list properties)}
// returns: written
UNWIND $rows AS row
MATCH (a:Assessment {id: row.start})
MATCH (b:Assessment {id: row.end})
MERGE (a)-[r:REVISES]->(b)
SET r = row.props
SET r += row.append
RETURN count(r) AS written
