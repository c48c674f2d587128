// Documents with a BLUF or ACH judgement, oldest first (what `intelgraph lineage relink` links).
// required: none
// returns: id
MATCH (d:Document)
WHERE EXISTS { (d)<-[:PART_OF]-(:Passage)<-[:EXTRACTED_FROM]-(a:Assessment) WHERE a.kind IN ["bluf", "ach"] }
RETURN d.id AS id
ORDER BY d.published, d.id
