// Everything one document added to the graph: the document, its source, passages,
// the objects extracted from them and the entities they mention, with the
// relationships among them (used by `intelgraph export`).
// params: $id (a Document id)
// returns: nodes (list of {id, labels, props}), rels (list of {type, start, end, props})
MATCH (d:Document {id: $id})
CALL (d) {
  MATCH (d)-[:PUBLISHED_BY]->(s:Source) RETURN s AS n
  UNION
  RETURN d AS n
  UNION
  MATCH (d)<-[:PART_OF]-(p:Passage) RETURN p AS n
  UNION
  MATCH (d)<-[:PART_OF]-(:Passage)<-[:EXTRACTED_FROM]-(x) RETURN x AS n
  UNION
  MATCH (d)<-[:PART_OF]-(:Passage)-[:MENTIONS]->(e:Entity) RETURN e AS n
}
WITH collect(DISTINCT n) AS nodes
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b) WHERE b IN nodes
  RETURN collect({type: type(r), start: a.id, end: b.id, props: properties(r)}) AS rels
}
RETURN [n IN nodes | {id: n.id, labels: labels(n), props: properties(n)}] AS nodes, rels
