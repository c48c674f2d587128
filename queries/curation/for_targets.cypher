// The curation actions whose target is one of these entities, oldest first: what a
// document write re-applies to the entities it touched (graph.curation.reapply).
// required: $ids (a list of entity ids, e.g. ["entity:tidewater-front"])
// optional: none
// returns: target, action, argument, curated_at, id
// Neo4j Browser: :param ids => ["entity:tidewater-front"]
UNWIND $ids AS ident
MATCH (c:Curation {target: ident})
RETURN c.target AS target, c.action AS action, c.argument AS argument, c.curated_at AS curated_at, c.id AS id
ORDER BY curated_at, id
