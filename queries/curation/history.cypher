// What analysts did to an entity (merge, rename, retype, reject), oldest first: the
// actions on the entity named $name (by id, name or alias) and on the entities merged
// into it, and actions on an entity that was taken out under that name.
// required: $name (an entity id, name or alias, e.g. "Tidewater Front")
// optional: $limit (default 100)
// returns: curated_at, action, target, target_name, argument, curator, reason, id
// Neo4j Browser: :param name => "Tidewater Front"  and  :param limit => null
CALL () {
  MATCH (e:Entity) WHERE e.id = $name OR e.name = $name OR $name IN e.aliases
  RETURN e.id AS ident
  UNION
  MATCH (c:Curation) WHERE c.target = $name OR c.target_name = $name
  RETURN c.target AS ident
}
WITH collect(DISTINCT ident) AS idents
CALL (idents) {
  MATCH (m:Curation {action: "merge"}) WHERE m.argument IN idents
  RETURN collect(m.target) AS merged
}
WITH idents + merged AS idents
MATCH (c:Curation)
WHERE c.target IN idents OR (c.action = "merge" AND c.argument IN idents)
RETURN c.curated_at AS curated_at, c.action AS action, c.target AS target, c.target_name AS target_name,
       c.argument AS argument, c.curator AS curator, c.reason AS reason, c.id AS id
ORDER BY curated_at, id
LIMIT coalesce($limit, 100)
