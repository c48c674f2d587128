// Curation actions whose target had this name, or this id, when the action was taken:
// how the history of an entity a merge or reject took out is found.
// required: $name (a name or entity id, e.g. "Hypothesis")
// optional: none
// returns: target, action, curated_at
// Neo4j Browser: :param name => "Hypothesis"
MATCH (c:Curation)
WHERE c.target = $name OR c.target_name = $name
RETURN c.target AS target, c.action AS action, c.curated_at AS curated_at
ORDER BY curated_at
