// The last step of a merge, once its relationships are on the survivor: the survivor
// takes the merged entity's list properties (aliases and the like, as set unions) and
// its name as an alias, and the merged entity is deleted with what is left of its
// relationships (those between the two).
// params: $into: string, $from: string (entity ids), $lists: list<string> (the entity
//         list properties, from the ontology)
// returns: nothing
MATCH (a:Entity {id: $into}), (b:Entity {id: $from})
FOREACH (k IN $lists |
  SET a[k] = coalesce(a[k], []) + [x IN coalesce(b[k], []) WHERE NOT x IN coalesce(a[k], [])])
SET a.aliases = coalesce(a.aliases, []) + [x IN [b.name] WHERE x IS NOT NULL AND NOT x IN coalesce(a.aliases, [])]
DETACH DELETE b
