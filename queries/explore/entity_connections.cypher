// Who is connected to an entity, and through which claims.
// required: $name (an entity name or alias, e.g. "Amara Voss")
// optional: $limit (default 25)
// returns: entity, direction, predicate, polarity (negative: the claims negate or deny it),
//          modality (list: asserted, reported, hedged, denied), other, other_type, claims (count),
//          example_claim, example_claim_id
// Neo4j Browser / cypher-shell: first `:param name => "Amara Voss"`; set each optional one too,
// to a value or to null for its default (`:param limit => null`), or Neo4j refuses the query.
CALL db.index.fulltext.queryNodes("entity_names", "\"" + replace(replace($name, "\\", " "), "\"", " ") + "\"")
  YIELD node, score
WITH node AS e, score WHERE e:Entity
ORDER BY score DESC LIMIT 1
MATCH (e)-[r:RELATED_TO]-(o:Entity)
WITH e, r, o ORDER BY r.count DESC LIMIT coalesce($limit, 25)
MATCH (c:Claim {id: r.claim_ids[0]})
RETURN e.name AS entity, CASE WHEN startNode(r) = e THEN "out" ELSE "in" END AS direction,
       r.predicate AS predicate, r.polarity AS polarity, r.modality AS modality, o.name AS other,
       [l IN labels(o) WHERE NOT l IN ["Node", "Entity"]][0] AS other_type,
       r.count AS claims, c.text AS example_claim, c.id AS example_claim_id
ORDER BY claims DESC, other
