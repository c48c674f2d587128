// Give an entity its curated type: the new label on, every other entity type label off.
// Nothing is written when it already carries exactly that type.
// params: $id: string, $label: string (an entity label, checked against the ontology),
//         $others: list<string> (the other entity type labels, from the ontology)
// returns: changed (1 when labels were written)
MATCH (e:Entity {id: $id})
WHERE NOT $label IN labels(e) OR any(l IN labels(e) WHERE l IN $others)
REMOVE e:$($others)
SET e:$($label)
RETURN count(e) AS changed
