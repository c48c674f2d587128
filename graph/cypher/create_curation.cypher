// Record one curation action (checked against the ontology before it is sent).
// params: $id: string, $props: map (action, target, target_name, argument, curator,
//         curated_at, reason)
// returns: nothing
CREATE (c:Node:Curation {id: $id})
SET c += $props
