// Merge relationships of every type in one statement, between nodes found by id.
// The placeholder line below is replaced by the writer with one branch per relationship type the
// ontology defines (see merge_edge_branch.cypher and merge_keyed_branch.cypher):
// Neo4j 5.26 plans a dynamic type in MERGE as a scan of every relationship, so each
// type must be static, and one statement per type would cost a round trip and a
// plan each. Values still travel only as parameters.
// params: $rows: list of {type: string, start: string, end: string, props: map,
//         append: map (list properties, merged as sets), predicate, key, claim_ids (RELATED_TO)}
// returns: matched (rows whose two ends exist)
// replan=skip: the plan (index seeks on :Node(id)) never depends on statistics, and
// replanning a statement this size costs seconds while a growing graph's statistics
// keep changing.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Node {id: row.start})
MATCH (b:Node {id: row.end})
__BRANCHES__
RETURN count(*) AS matched
