// Entities an analyst's reference names: the entity with this id, else those whose name
// or one of whose aliases is exactly this text. Curation commands act on one of them.
// required: $ref (an entity id, name or alias, e.g. "Tidewater Front")
// optional: none
// returns: id, name, type labels, aliases, how it matched (id | name | alias), mentions
// Neo4j Browser: :param ref => "Tidewater Front"
CALL () {
  MATCH (e:Entity {id: $ref})
  RETURN e, "id" AS matched
  UNION
  MATCH (e:Entity {name: $ref})
  RETURN e, "name" AS matched
  UNION
  MATCH (e:Entity)
  WHERE $ref IN e.aliases AND e.name <> $ref
  RETURN e, "alias" AS matched
}
RETURN e.id AS id, e.name AS name, labels(e) AS labels, coalesce(e.aliases, []) AS aliases, matched,
       COUNT { (e)<-[:MENTIONS]-() } AS mentions
ORDER BY matched = "alias", mentions DESC, id
