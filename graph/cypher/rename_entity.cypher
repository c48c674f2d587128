// Give an entity its curated name; the name it had stays among its aliases, so it is
// still found by it. Nothing is written when the name is already the curated one.
// params: $id: string, $name: string
// returns: changed (1 when a name was written)
MATCH (e:Entity {id: $id})
WHERE e.name IS NULL OR e.name <> $name
SET e.aliases = coalesce(e.aliases, []) + [x IN [e.name] WHERE x IS NOT NULL AND NOT x IN coalesce(e.aliases, [])],
    e.name = $name
RETURN count(e) AS changed
