// Curation actions on these entities: those whose target is one of them, and merges into
// one of them, oldest first.
// required: $ids (a list of entity ids, e.g. ["entity:tidewater-front"])
// optional: none
// returns: id, action, target, target_name, argument, curator, curated_at, reason
// Neo4j Browser: :param ids => ["entity:tidewater-front"]
CALL () {
  UNWIND $ids AS ident
  MATCH (c:Curation {target: ident})
  RETURN c
  UNION
  UNWIND $ids AS ident
  MATCH (c:Curation {argument: ident})
  WHERE c.action = "merge"
  RETURN c
}
RETURN c.id AS id, c.action AS action, c.target AS target, c.target_name AS target_name,
       c.argument AS argument, c.curator AS curator, c.curated_at AS curated_at, c.reason AS reason
ORDER BY curated_at, id
